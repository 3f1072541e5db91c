"""The patterns and word lists of analysis/data/metadata.yaml (with provenance), checked on load,
and the few compiled patterns that several metadata rules share."""
from __future__ import annotations

import re

from analysis.resources import DATA as _DATA_DIR
from analysis.resources import DataFileError, read_yaml

DATA = _DATA_DIR / "metadata.yaml"
_SECTIONS = {
    "months": ("names",),
    "date_labels": ("published", "updated", "relative"),
    "byline": ("prefix", "inline", "stop_words", "agencies", "desk_byline", "author_box_tail", "desks",
               "name_particles", "age_tail", "follow_line", "lone_by", "about_author"),
    "read_time": ("patterns",),
    "credit": ("line", "agencies"),
    "site_suffix": ("separators", "markers", "max_words"),
    "time_zones": ("offsets",),
}


def _check(cfg: dict) -> dict:
    """Fail loudly on a missing section or key, or a month number outside 1-12 (a typo in the file)."""
    if not isinstance(cfg, dict):
        raise DataFileError(f"{DATA}: expected a mapping of sections")
    for section, keys in _SECTIONS.items():
        missing = [k for k in keys if k not in (cfg.get(section) or {})]
        if missing:
            raise DataFileError(f"{DATA}: section {section!r} lacks {', '.join(missing)}")
    bad = {k: v for k, v in cfg["months"]["names"].items() if not 1 <= int(v) <= 12}
    if bad:
        raise DataFileError(f"{DATA}: month numbers outside 1-12: {bad}")
    return cfg


CFG = _check(read_yaml("metadata.yaml"))

# shared by byline, caption and headline rules
BY_PREFIX_RE = re.compile(CFG["byline"]["prefix"], re.IGNORECASE)
CREDIT_LINE_RE = re.compile(CFG["credit"]["line"], re.IGNORECASE)
SEP_RE = re.compile(CFG["site_suffix"]["separators"])   # " | ", " - " between a headline and its site

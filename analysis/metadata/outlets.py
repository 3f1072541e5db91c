"""The outlet a page names, one outlet one name.

Signals, in order: the site name after the headline in the <title> (dumps: the first line), a
trailing <title> segment that the page prints again on its own line, the holder of the page's
copyright line ("© 2019 Forbes Media LLC. All rights reserved." -> "Forbes"). Names that name no
outlet ("Hosted") give way to the next signal; editions and sections of one brand
("CNNPolitics", "Business Insider Deutschland") become the brand (analysis/data/outlets.yaml).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from itertools import accumulate
from operator import add, itemgetter

from analysis.metadata.config import SEP_RE
from analysis.metadata.words import collapse
from analysis.resources import DATA as _DATA_DIR
from analysis.resources import DataFileError, read_yaml

DATA = _DATA_DIR / "outlets.yaml"


def _load() -> dict:
    data = read_yaml("outlets.yaml")
    for key in ("aliases", "generic", "company_suffixes"):
        if not data.get(key):
            raise DataFileError(f"{DATA}: missing or empty {key!r}")
    seen: dict[str, str] = {}
    for brand, names in data["aliases"].items():
        for name in [brand, *names]:
            key = collapse(str(name))
            if key in seen and seen[key] != brand:
                raise DataFileError(f"{DATA}: {name!r} is listed under both {seen[key]!r} and {brand!r}")
            seen[key] = brand
    return data


_DATA = _load()
_BRAND = {collapse(str(n)): str(brand) for brand, names in _DATA["aliases"].items() for n in [brand, *names]}
_GENERIC = {collapse(str(n)) for n in _DATA["generic"]}
_COMPANY_RE = re.compile(r"[\s,]+(?:" + "|".join(
    re.escape(str(s)) for s in sorted(_DATA["company_suffixes"], key=len, reverse=True)) + r")\s*$", re.IGNORECASE)
_HEAD = itemgetter(slice(200))   # the first 200 characters of a line
_MARK_RE = re.compile(r"©|\(c\)|\bcopyright\b", re.IGNORECASE)
_LEAD_RE = re.compile(r"^(?:\s*(?:©|\(c\)|(?:copyright|by)\b|(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?\b)\.?,?)+\s*",
                      re.IGNORECASE)
_LEAD_MARK_RE = re.compile(r"^\s*(?:©|\(c\)|copyright\b)", re.IGNORECASE)
_STOP_RE = re.compile(r"\.\s|\.$|,|\||©|\s[-–—/]\s|\s(?:19|20)\d\d\b|\s+all\s+rights|\s+alle\s+rechte|"
                      r"\s+todos\s+los|\s+tous\s+droits|\s+unless\b|\s+powered\b|\s+except\b", re.IGNORECASE)
_RIGHTS_RE = re.compile(r"rights|rechte|derechos|droits|diritti|direitos|(?:19|20)\d\d", re.IGNORECASE)


def is_generic(name: str | None) -> bool:
    """True when a site name names no outlet ("Hosted", "Home")."""
    return bool(name) and collapse(name) in _GENERIC


def canonical(name: str | None) -> str | None:
    """The brand of an edition, section or company name ("CNNPolitics" -> "CNN"), else the name."""
    if not name:
        return name
    return _BRAND.get(collapse(name), name)


def _holder(line: str) -> str | None:
    """The name in one copyright line, without years, legal form or "All rights reserved"."""
    m = _MARK_RE.search(line)
    if not m:
        return None
    before = line[:m.start()].strip(" |-–—")
    if before and 1 <= len(before.split()) <= 3 and all(w[:1].isupper() for w in before.split()) \
            and not _RIGHTS_RE.search(before):
        return before   # "Wccftech © 2019 NewAge ADS, LLC": the brand printed before the mark
    rest = _LEAD_RE.sub("", line[m.start():])
    stop = _STOP_RE.search(rest)
    name = (rest[:stop.start()] if stop else rest).strip(" :;-–—")
    prev = None
    while prev != name:
        prev = name
        name = _COMPANY_RE.sub("", name).strip(" ,")
    words = name.split()
    if not 1 <= len(words) <= 5 or not any(ch.isalpha() for ch in name) or not name[:1].isalnum() \
            or _RIGHTS_RE.search(name):
        return None
    if name[:1].islower() and "." not in name:   # "vse-diety.com" is a name, "the" is not
        return None
    return name


def _marked_lines(lines: list[str]) -> list[str]:
    """The lines, in order, whose first 200 characters hold a copyright mark (`_MARK_RE`). Any
    match, lower-cased, holds "©", "(c)" or "copyr" (none of these letters has another case
    form), so those are found in the lower-cased heads joined by line ends, and only their lines
    are searched: a few C-level scans instead of a regex search per line."""
    heads = list(map(_HEAD, lines))
    joined = "\n".join(heads)
    low = joined.lower()
    if len(low) != len(joined):   # a letter whose lower case is longer ("İ"): line by line
        return [line for line, head in zip(lines, heads) if _MARK_RE.search(head)]
    ends = list(map(add, accumulate(map(len, heads)), range(len(heads))))   # each head's end in `low`
    found = set()
    for needle in ("©", "(c)", "copyr"):
        at = low.find(needle)
        while at >= 0:
            found.add(bisect_left(ends, at))
            at = low.find(needle, at + 1)
    return [lines[i] for i in sorted(found) if _MARK_RE.search(heads[i])]


def copyright_holder(lines: list[str]) -> str | None:
    """The holder named by the page's copyright line: the last line with a year or "rights"
    (a footer), else the last bare "© Name" line."""
    best, best_rank = None, 0
    for line in _marked_lines(lines):
        mark = _MARK_RE.search(line[:200])
        if mark is None or (len(line) > 200 and mark.start() > 20):
            continue
        name = _holder(line[:200])
        if not name:
            continue
        rank = 2 if _RIGHTS_RE.search(line) else 1
        if _LEAD_MARK_RE.match(line) is None and rank == 1:
            continue     # "… in San Diego. © Reuters" inside a caption: a photo credit
        if rank >= best_rank:
            best, best_rank = name, rank
    return best


def repeated_suffix(first_line: str, lines: list[str]) -> str | None:
    """The last <title> segment ("… | Kabar tentang Dunia Islam") when the page prints it again
    as a line of its own or as "About <name>" (a site's header or footer)."""
    parts = list(SEP_RE.finditer(first_line))
    if not parts:
        return None
    head, tail = first_line[:parts[-1].start()].strip(), first_line[parts[-1].end():].strip()
    if not tail or len(tail.split()) > 5 or len(head) < len(tail):
        return None
    key = collapse(tail)
    if not key:
        return None
    for line in lines[1:]:
        c = collapse(line) if len(line) <= 80 else ""
        if c == key or c == "about" + key:
            return tail
    return None


def choose(shown: str | None, lines: list[str], first_line: str = "") -> str | None:
    """The outlet of a page: the name it shows (unless generic), else a repeated <title> segment,
    else its copyright holder; a slug ("detroitnews") the copyright line spells out becomes the
    holder's name ("The Detroit News"); the result is the brand's one name."""
    name = shown if shown and not is_generic(shown) else None
    if name is None and first_line:
        name = repeated_suffix(first_line, lines)
    if name is None or (name.islower() and " " not in name):
        holder = copyright_holder(lines)
        if name is None or (holder and collapse(name) in collapse(holder)):
            name = holder
    return canonical(name or shown)

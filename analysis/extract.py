"""Article body from saved HTML pages, with trafilatura.

Settings chosen on ../shared/corpus (111 pages, shingle F1; benchmarks/cleaning_f1.py):
trafilatura defaults 0.953, without comments 0.963, without comments and favouring
precision 0.973, which is what `html_body` uses.
"""
from __future__ import annotations

import re

TRAFILATURA_OPTIONS = dict(include_comments=False, favor_precision=True, include_tables=True,
                           output_format="txt", deduplicate=False)
_SPACES = re.compile(r"[ \t\u00a0]+")


def html_body(html: str, url: str | None = None) -> list[str]:
    """The article body of an HTML page as a list of paragraphs (empty when none is found)."""
    import trafilatura

    if not html or not html.strip():
        return []
    try:
        text = trafilatura.extract(html, url=url, **TRAFILATURA_OPTIONS)
    except Exception:  # lxml can fail on badly broken markup; the loader reports the empty body
        return []
    if not text:
        return []
    paragraphs = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return [p for p in paragraphs if p]

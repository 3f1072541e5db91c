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
_SENTENCE_END = re.compile(r"\w[.!?…][\"”’)]*(\s|$)")


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


def html_body(html: str, url: str | None = None, title: str | None = None) -> list[str]:
    """The article body of an HTML page as a list of paragraphs (empty when none is found).

    A leading paragraph that repeats the headline (`title`) is dropped: the headline is metadata.
    A "body" of a few words without any sentence (a menu, a link list) counts as none.
    """
    import trafilatura

    if not isinstance(html, (str, bytes)) or not html.strip():   # None, NaN, numbers: no body
        return []
    try:
        text = trafilatura.extract(html, url=url, **TRAFILATURA_OPTIONS)
    except Exception:  # lxml can fail on badly broken markup; the loader reports the empty body
        return []
    if not text:
        return []
    paragraphs = [p for p in (_SPACES.sub(" ", line).strip() for line in text.split("\n")) if p]
    if title and paragraphs and _norm(paragraphs[0]) == _norm(title):
        paragraphs = paragraphs[1:]
    if sum(len(p.split()) for p in paragraphs) < 10 and not _SENTENCE_END.search(" ".join(paragraphs)):
        return []
    return paragraphs

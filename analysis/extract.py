"""Article body from saved HTML pages, with trafilatura.

Settings chosen on the development pages (benchmarks/cleaning_f1.py, shingle F1 of trafilatura's
own output; corpus 111 pages / Readability 91 pages): defaults 0.953 on the corpus; without
comments 0.963 / 0.938; without comments and favouring precision 0.973 / 0.934 (used until
2026-12-04); without comments, trafilatura's own extractor only (`fast=True`: no comparison with
its readability-lxml and jusText fallbacks) 0.971 / 0.941 at about 60 % of the CPU time, which is
what `html_body` uses (favouring precision cut whole articles, e.g. 6 % of an Engadget review).
When that first pass keeps fewer than FULL_PASS_BELOW words, the page is extracted again with the
fallbacks and the longer body kept (the first pass found 22-42 words of 309-612 on 5 of the 202
pages; after: corpus 0.971 / Readability 0.944).
"""
from __future__ import annotations

import re

TRAFILATURA_OPTIONS = dict(include_comments=False, include_tables=True, output_format="txt",
                           deduplicate=False, fast=True)
FULL_PASS_BELOW = 50     # words: a shorter first-pass body is extracted again with the fallbacks
_SPACES = re.compile(r"[ \t\u00a0]+")
_SENTENCE_END = re.compile(r"\w[.!?…][\"”’)]*(\s|$)|\w[。！？]")   # CJK full stops need no space


MAX_PARSER_DEPTH = 250   # libxml2 (under lxml, under trafilatura) keeps 256 levels of elements
_TAG = re.compile(r"<(/?)([A-Za-z][\w:-]*)[^>]*?(/?)>")
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_LAYOUT_TAGS = re.compile(r"</?(?:div|span|section|font|center|table|tbody|thead|tfoot|tr|td|th|"
                          r"b|i|u|em|strong|small|big|label|form|fieldset)\b[^>]*>", re.I)
_ALL_BUT_TEXT_TAGS = re.compile(r"<(?!/?(?:p|br|h[1-6]|html|head|title|meta|body)\b)/?[A-Za-z][^>]*>", re.I)


def nesting_depth(html: str) -> int:
    """How deep the page's elements nest (counted from the tags; void elements do not nest)."""
    depth = deepest = 0
    for closing, name, self_closing in _TAG.findall(html):
        if closing:
            depth = max(0, depth - 1)
        elif not self_closing and name.lower() not in _VOID:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def _trafilatura(html, url, **options):
    import trafilatura

    try:
        return trafilatura.extract(html, url=url, **options)
    except Exception:  # lxml can fail on badly broken markup; the loader reports the empty body
        return None


def _extract(html, url):
    """trafilatura's fast pass; a body under FULL_PASS_BELOW words is extracted again with its
    readability-lxml / jusText fallbacks and the longer text kept."""
    text = _trafilatura(html, url, **TRAFILATURA_OPTIONS)
    n_words = len(text.split()) if text else 0
    if n_words < FULL_PASS_BELOW:
        full = _trafilatura(html, url, **dict(TRAFILATURA_OPTIONS, fast=False))
        if full and len(full.split()) > n_words:
            return full
    return text


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


def without_player_and_gallery(paragraphs: list[str]) -> list[str]:
    """The paragraphs without a video player's control texts (boilerplate.yaml's media-player and
    audio-notice rules) and photo galleries (runs of slide counters "1/50 ...", "2/50 ...":
    `analysis.cleaning.layout.gallery_lines`), which trafilatura keeps as text."""
    from analysis.cleaning.layout import gallery_lines, has_slide_counter
    from analysis.cleaning.rules import line_rule, player_lines

    page = "\n".join(paragraphs)
    drop = gallery_lines(paragraphs) if has_slide_counter(page) else set()
    drop |= player_lines(paragraphs, page)
    kept = [p for k, p in enumerate(paragraphs)
            if k not in drop and (len(p) > 120 or line_rule(p)[0] != "audio_notice")]
    return without_closing_bio(kept)


def without_closing_bio(paragraphs: list[str]) -> list[str]:
    """The paragraphs without the author-bio, "contributed to this report" and company-boilerplate
    paragraphs that close them (boilerplate.yaml's `tail` rules, as `analysis.clean` applies them
    where a dump's body ends)."""
    from analysis.cleaning.rules import closing_rule, line_rule

    end = len(paragraphs)
    while end > 1 and (line_rule(paragraphs[end - 1])[1] == "tail" or closing_rule(paragraphs[end - 1])):
        end -= 1
    return paragraphs[:end]


def html_body(html: str, url: str | None = None, title: str | None = None) -> list[str]:
    """The article body of an HTML page as a list of paragraphs (empty when none is found).

    A leading paragraph that repeats the headline (`title`) is dropped: the headline is metadata;
    so are a video player's control texts and photo galleries (`without_player_and_gallery`).
    A "body" of a few words without any sentence (a menu, a link list) counts as none. A page
    nested deeper than the HTML parser goes (MAX_PARSER_DEPTH) is read flattened.
    """
    if not isinstance(html, (str, bytes)) or not html.strip():   # None, NaN, numbers: no body
        return []
    text = _extract(html, url)
    if not text and isinstance(html, str) and nesting_depth(html) > MAX_PARSER_DEPTH:
        # libxml2 drops what is nested deeper than it parses (256 levels): the same page with
        # its layout wrappers removed, then with every tag but paragraphs and headings removed
        for wrappers in (_LAYOUT_TAGS, _ALL_BUT_TEXT_TAGS):
            text = _extract(wrappers.sub(" ", html), url)
            if text:
                break
    if not text:
        return []
    paragraphs = [p for p in (_SPACES.sub(" ", line).strip() for line in text.split("\n")) if p]
    paragraphs = without_player_and_gallery(paragraphs)
    if title and paragraphs and _norm(paragraphs[0]) == _norm(title):
        paragraphs = paragraphs[1:]
    if sum(len(p.split()) for p in paragraphs) < 10 and not _SENTENCE_END.search(" ".join(paragraphs)):
        return []
    return paragraphs

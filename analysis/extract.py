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

Rules over trafilatura's output (2026-12-04, issue 14; docs/cleaning.md "HTML bodies"), each
measured leave-one-outlet-out by `benchmarks/cleaning_f1.py --loo`: a newsletter promo or a
comment-section start ends the body unless the article's prose resumes right after it, and
"Read more" / "Related:" teaser lines are dropped (boilerplate.yaml's `subscription`, `hard_end`
and `teaser` rules, as the dump cleaner applies them); a page whose body sits in one cell of a
layout table (trafilatura prints it as one "| ... |" row with the headline, date and menus of the
other cells) is extracted again without tables. Session 7 (2026-12-04): a first or last paragraph
that a boilerplate.yaml `drop` rule wholly matches (a copyright line, "Click here to subscribe",
"Updated at 1:23 p.m.") is trimmed, and a label of up to BOX_LABEL_WORDS words opens an in-body box
where prose resumes after it (`without_boilerplate_edges`, `without_teaser_sections`).
`html_body_parts` returns every paragraph it dropped with the reason.
"""
from __future__ import annotations

import re
from typing import NamedTuple

TRAFILATURA_OPTIONS = dict(include_comments=False, include_tables=True, output_format="txt",
                           deduplicate=False, fast=True)
FULL_PASS_BELOW = 50     # words: a shorter first-pass body is extracted again with the fallbacks
_SPACES = re.compile(r"[ \t\u00a0]+")
_SENTENCE_END = re.compile(r"\w[.!?…][\"”’)]*(\s|$)|\w[。！？]")   # CJK full stops need no space
LAYOUT_TABLE_WORDS = 80  # a table row this long holds the article: a layout table, not data
RESUME_PARAGRAPHS = 3    # prose paragraphs in a row after a promo that show the article goes on ...
RESUME_LOOKAHEAD = 8     # ... among this many paragraphs after it
HEADLINE_WITHIN = 3      # paragraphs searched for the headline (after a kicker, a date, a URL) ...
HEADER_MAX_WORDS = 60    # ... with at most this many words above it (dropped as the page's header)
SECTION_MARKER_WORDS = 4  # an end-of-article section label ("You may also like...") is this short (chosen
#                           leave one outlet out from 4, 6, 8: benchmarks/cleaning_f1.py --loo)
BOX_LABEL_WORDS = 8      # ... and a label of an in-body box this short ("Most read in world news", prose
#                          resuming right after it): dropping a label and its box risks less than ending
#                          the body, so a longer label is trusted (the largest of SECTION_CHOICES)
EDGE_REASONS = frozenset({"advertisement", "audio_notice", "byline", "cookie_notice", "footer", "navigation",
                          "share_buttons", "subscription", "timestamp"})   # boilerplate.yaml `drop` reasons
#                          trimmed from the body's two ends (not `caption`: references keep captions)
_SENTENCE_AT_END = re.compile(r"(?<![.…])[.!?]\s*\Z")   # a full stop, not an ellipsis
_BULLET = re.compile(r"^[-•*]\s+")
_PARAGRAPH_END = re.compile(r"[.!?…。！？][\"”’)\]]*\Z")


class RemovedParagraph(NamedTuple):
    """A paragraph of trafilatura's output left out of the body, and why (a `removed` reason)."""
    text: str
    reason: str


class HtmlBody(NamedTuple):
    """`html_body_parts`' result: the body's paragraphs and the paragraphs dropped from it."""
    paragraphs: list[str]
    removed: list[RemovedParagraph]


class BodyRules(NamedTuple):
    """Which of the 2026-12-04 rules run (all by default; the benchmark switches them one by one)."""
    end_at_promo: bool = True     # a newsletter promo / comments start ends the body
    drop_teasers: bool = True     # "Read more: ...", "Related: ..." lines
    layout_tables: bool = True    # a body inside one layout-table cell: extracted without tables
    header_max_words: int | None = HEADER_MAX_WORDS   # the headline below a short header (None: first only)
    section_marker_words: int | None = SECTION_MARKER_WORDS   # "You may also like" ... (None: off)
    box_label_words: int | None = BOX_LABEL_WORDS   # in-body box label (None: as section_marker_words)
    trim_edges: bool = True       # a first or last paragraph that is wholly boilerplate ("© 2019 X")


DEFAULT_RULES = BodyRules()


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


def _extract(html, url, rules: BodyRules = DEFAULT_RULES):
    """trafilatura's fast pass; a body under FULL_PASS_BELOW words is extracted again with its
    readability-lxml / jusText fallbacks and the longer text kept; a body inside a layout table
    (`in_layout_table`) is extracted again without tables when that still gives a body."""
    text = _trafilatura(html, url, **TRAFILATURA_OPTIONS)
    n_words = len(text.split(None, FULL_PASS_BELOW)) if text else 0   # counted up to FULL_PASS_BELOW + 1
    if n_words < FULL_PASS_BELOW:
        full = _trafilatura(html, url, **dict(TRAFILATURA_OPTIONS, fast=False))
        if full and len(full.split()) > n_words:
            return full
    if rules.layout_tables and text and in_layout_table(text):
        untabled = _trafilatura(html, url, **dict(TRAFILATURA_OPTIONS, include_tables=False))
        if untabled and len(untabled.split()) >= FULL_PASS_BELOW:
            return untabled
    return text


def in_layout_table(text: str) -> bool:
    """trafilatura's text holds a table row of more than LAYOUT_TABLE_WORDS words with a sentence
    in it: the page lays out its article in a table cell, so the row also holds the other cells'
    headline, date and menus run together."""
    for line in text.split("\n"):
        if line.startswith("|") and len(line.split()) > LAYOUT_TABLE_WORDS and _SENTENCE_END.search(line):
            return True
    return False


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


def without_player_and_gallery(paragraphs: list[str]) -> list[str]:
    """The paragraphs without a video player's control texts (boilerplate.yaml's media-player and
    audio-notice rules) and photo galleries (runs of slide counters "1/50 ...", "2/50 ...":
    `analysis.cleaning.layout.gallery_lines`), which trafilatura keeps as text, nor a closing
    author bio (`without_closing_bio`)."""
    drop = player_and_gallery(paragraphs)
    return without_closing_bio([p for k, p in enumerate(paragraphs) if k not in drop])


def player_and_gallery(paragraphs: list[str]) -> dict[int, str]:
    """Position -> reason of the paragraphs that are a photo gallery's (`caption`) or a video
    player's or audio notice's (`audio_notice`) texts."""
    from analysis.cleaning.layout import gallery_lines, has_slide_counter
    from analysis.cleaning.rules import line_rule, player_lines

    page = "\n".join(paragraphs)
    drop = dict.fromkeys(gallery_lines(paragraphs) if has_slide_counter(page) else (), "caption")
    drop.update(dict.fromkeys(player_lines(paragraphs, page), "audio_notice"))
    drop.update((k, "audio_notice") for k, p in enumerate(paragraphs)
                if k not in drop and len(p) <= 120 and line_rule(p)[0] == "audio_notice")
    return drop


def without_closing_bio(paragraphs: list[str]) -> list[str]:
    """The paragraphs without the author-bio, "contributed to this report" and company-boilerplate
    paragraphs that close them (boilerplate.yaml's `tail` rules, as `analysis.clean` applies them
    where a dump's body ends)."""
    from analysis.cleaning.rules import closing_rule, line_rule

    end = len(paragraphs)
    while end > 1 and (line_rule(paragraphs[end - 1])[1] == "tail" or closing_rule(paragraphs[end - 1])):
        end -= 1
    return paragraphs[:end]


def _words(paragraph: str) -> int:
    """Words of a paragraph whose spaces `html_body_parts` made single (one count in C)."""
    return paragraph.count(" ") + 1 if paragraph else 0


def _is_prose(paragraph: str) -> bool:
    """A finished sentence of some length (the dump cleaner's `good` line, without stop words)."""
    return len(paragraph) >= 70 and _words(paragraph) >= 10 and bool(_PARAGRAPH_END.search(paragraph))


def _prose_resumes(paragraphs: list[str], k: int) -> bool:
    """RESUME_PARAGRAPHS prose paragraphs in a row no rule matches, within RESUME_LOOKAHEAD
    paragraphs after k, one short sub-heading among them crossed (an in-body promo box)."""
    from analysis.cleaning.rules import line_rule

    run, crossed = 0, False
    for paragraph in paragraphs[k + 1:k + 1 + RESUME_LOOKAHEAD]:
        if _is_prose(paragraph) and line_rule(paragraph)[0] is None:
            run += 1
            if run >= RESUME_PARAGRAPHS:
                return True
        elif run and not crossed and _words(paragraph) <= 15 and not _PARAGRAPH_END.search(paragraph):
            crossed = True
        else:
            run, crossed = 0, False
    return False


def without_promos_and_teasers(paragraphs: list[str], rules: BodyRules = DEFAULT_RULES) -> HtmlBody:
    """The paragraphs up to a newsletter promo or form (`subscription`) or a comment-section start
    (`hard_end`) that ends the article, without teaser lines ("Read more: ...", "Related: ...").

    Such a marker ends the body where the body's words are mostly before it (it is the article's
    tail) and, for a promo, the article's prose does not resume right after it (`_prose_resumes`);
    elsewhere only the promo line goes. Everything left out is returned with its reason
    (`after_end_marker` after the end).
    """
    from analysis.cleaning.rules import line_rule

    kept: list[str] = []
    removed: list[RemovedParagraph] = []
    words_left, words_before = sum(map(_words, paragraphs)), 0
    for k, paragraph in enumerate(paragraphs):
        reason, kind = line_rule(paragraph)
        words_left -= _words(paragraph)
        ends = rules.end_at_promo and k > 0 and (kind == "hard_end" or reason == "subscription")
        if ends and words_before >= words_left and (kind == "hard_end" or not _prose_resumes(paragraphs, k)):
            removed.append(RemovedParagraph(paragraph, reason))
            removed.extend(RemovedParagraph(p, "after_end_marker") for p in paragraphs[k + 1:])
            break
        if ends or (rules.drop_teasers and reason == "teaser"):
            removed.append(RemovedParagraph(paragraph, reason))
        else:
            kept.append(paragraph)
            words_before += _words(paragraph)
    return HtmlBody(kept, removed)


def without_teaser_sections(paragraphs: list[str], max_words: int | None = SECTION_MARKER_WORDS,
                            box_words: int | None = None) -> HtmlBody:
    """The paragraphs without the sections of teasers that a label opens (boilerplate.yaml's `end`
    rules: "You may also like...", "DON'T MISS", "Most read in world news", "Related"; a label is
    at most `max_words` words and no sentence). As in the dump cleaner: when the article's prose
    resumes after the label (`_prose_resumes`), the label and the lines up to the resumed prose
    are an in-body box (`teaser`; such a label may have up to `box_words` words, None: `max_words`);
    otherwise the label ends the body where the body's words are mostly before it
    (`after_end_marker`). `max_words` None: no such rule."""
    from analysis.cleaning.rules import line_rule

    if max_words is None:
        return HtmlBody(list(paragraphs), [])
    box_words = max(max_words, box_words or 0)
    kept: list[str] = []
    removed: list[RemovedParagraph] = []
    words_left, words_before, k = sum(map(_words, paragraphs)), 0, 0
    while k < len(paragraphs):
        paragraph = paragraphs[k]
        words = _words(paragraph)
        words_left -= words
        label = k > 0 and words <= box_words and not _SENTENCE_AT_END.search(paragraph) \
            and line_rule(paragraph)[1] == "end"
        if label and _prose_resumes(paragraphs, k):
            box = k + 1
            while box < len(paragraphs) and not _is_prose(paragraphs[box]):
                box += 1
            removed.extend(RemovedParagraph(p, "teaser") for p in paragraphs[k:box])
            words_left -= sum(map(_words, paragraphs[k + 1:box]))
            k = box
            continue
        if label and words <= max_words and words_before >= words_left:
            removed.extend(RemovedParagraph(p, "after_end_marker") for p in paragraphs[k:])
            break
        kept.append(paragraph)
        words_before += words
        k += 1
    return HtmlBody(kept, removed)


def extracted_text(html, url=None, rules: BodyRules = DEFAULT_RULES) -> str | None:
    """trafilatura's text of the page (`_extract`; a page nested too deep is read flattened)."""
    text = _extract(html, url, rules)
    if not text and isinstance(html, str) and nesting_depth(html) > MAX_PARSER_DEPTH:
        # libxml2 drops what is nested deeper than it parses (256 levels): the same page with
        # its layout wrappers removed, then with every tag but paragraphs and headings removed
        for wrappers in (_LAYOUT_TAGS, _ALL_BUT_TEXT_TAGS):
            text = _extract(wrappers.sub(" ", html), url, rules)
            if text:
                break
    return text


def headline_header(paragraphs: list[str], title: str | None, max_words: int | None) -> int:
    """How many leading paragraphs are the page's header: up to the headline (`title`, a
    paragraph of the same words, a leading bullet sign ignored) when it is among the first
    HEADLINE_WITHIN paragraphs and what precedes it (a kicker, a date, a URL, a standfirst) has at
    most `max_words` words; else 1 when the first paragraph is the headline; else 0. `max_words`
    None: only a first paragraph that is the headline."""
    if not title or not paragraphs:
        return 0
    target = _norm(title)
    for k, paragraph in enumerate(paragraphs[:HEADLINE_WITHIN if max_words is not None else 1]):
        if _norm(_BULLET.sub("", paragraph)) == target:
            above = sum(map(_words, paragraphs[:k]))
            return k + 1 if k == 0 or above <= max_words else 0
    return 0


def without_boilerplate_edges(paragraphs: list[str]) -> HtmlBody:
    """The paragraphs without those at either end that a boilerplate.yaml `drop` rule of
    EDGE_REASONS wholly matches, peeled one by one: a copyright line, "Click here to subscribe
    ...", "Follow X on Facebook, Twitter and Instagram", "Updated at 1:23 p.m." closing the body, a
    reading time or date line opening it. Inside the body such a line may be the article's own
    (a dateline, a sentence that names a newsletter), so only the ends are trimmed; one paragraph
    is always kept. A sentence of prose without a digit is no copyright footer ("Copyright law
    has not kept pace with ...": the `footer` rule matches any line that starts with the word), so
    it stays. Each dropped paragraph keeps the rule's reason."""
    start, end = 0, len(paragraphs)
    tail: list[RemovedParagraph] = []
    while end - start > 1 and (reason := _edge_reason(paragraphs[end - 1])):
        end -= 1
        tail.append(RemovedParagraph(paragraphs[end], reason))
    head: list[RemovedParagraph] = []
    while end - start > 1 and (reason := _edge_reason(paragraphs[start])):
        head.append(RemovedParagraph(paragraphs[start], reason))
        start += 1
    return HtmlBody(paragraphs[start:end], head + tail[::-1])


def _edge_reason(paragraph: str) -> str | None:
    """The EDGE_REASONS reason of a boilerplate paragraph (`without_boilerplate_edges`), else None."""
    from analysis.cleaning.rules import line_rule

    reason = line_rule(paragraph)[0]
    if reason not in EDGE_REASONS or (reason == "footer" and _is_prose(paragraph)
                                      and not any(c.isdigit() for c in paragraph)):
        return None
    return reason


def _fewer_words(paragraphs: list[str], limit: int) -> bool:
    """The paragraphs hold fewer than `limit` words (counting stops at the limit)."""
    count = 0
    for paragraph in paragraphs:
        count += len(paragraph.split())
        if count >= limit:
            return False
    return True


def _single_spaced(line: str) -> str:
    """The line stripped, its runs of spaces, tabs and no-break spaces made one space (`_SPACES`;
    the regex only runs on lines that hold such a run: most lines have none)."""
    if "  " in line or "\t" in line or "\u00a0" in line:
        line = _SPACES.sub(" ", line)
    return line.strip()


def _dropped(before: list[str], after: list[str], reason: str) -> list[RemovedParagraph]:
    """The paragraphs of `before` that `after` (a sub-list of it, in order) left out."""
    out, j = [], 0
    for paragraph in before:
        if j < len(after) and after[j] == paragraph:
            j += 1
        else:
            out.append(RemovedParagraph(paragraph, reason))
    return out


def html_body_parts(html: str, url: str | None = None, title: str | None = None,
                    rules: BodyRules = DEFAULT_RULES, text: str | None = None) -> HtmlBody:
    """The article body of an HTML page (`html_body`) and every paragraph of trafilatura's output
    left out of it, with the reason: `caption` / `audio_notice` (photo gallery, video player),
    `author_bio`, `subscription`, `comments`, `after_end_marker`, `teaser`, `title` (the headline
    repeated), `before_start` (the page's header above it), the EDGE_REASONS of a boilerplate line
    at either end (`footer`, `navigation`, `timestamp`, ...), `no_prose` (a few words without a
    sentence: no body). `text`: `extracted_text(html, url, rules)` when already made."""
    if not isinstance(html, (str, bytes)) or not html.strip():   # None, NaN, numbers: no body
        return HtmlBody([], [])
    if text is None:
        text = extracted_text(html, url, rules)
    if not text:
        return HtmlBody([], [])
    paragraphs = [p for p in map(_single_spaced, text.split("\n")) if p]
    drop = player_and_gallery(paragraphs)
    removed = [RemovedParagraph(p, drop[k]) for k, p in enumerate(paragraphs) if k in drop]
    body = without_promos_and_teasers([p for k, p in enumerate(paragraphs) if k not in drop], rules)
    sections = without_teaser_sections(body.paragraphs, rules.section_marker_words, rules.box_label_words)
    body = HtmlBody(sections.paragraphs, body.removed + sections.removed)
    paragraphs, removed = without_closing_bio(body.paragraphs), removed + body.removed
    removed += _dropped(body.paragraphs, paragraphs, "author_bio")
    header = headline_header(paragraphs, title, rules.header_max_words)
    paragraphs, removed = paragraphs[header:], [RemovedParagraph(p, "title" if k == header - 1 else "before_start")
                                                for k, p in enumerate(paragraphs[:header])] + removed
    if rules.trim_edges:
        paragraphs, edges = without_boilerplate_edges(paragraphs)
        removed += edges
    if _fewer_words(paragraphs, 10) and not _SENTENCE_END.search(" ".join(paragraphs)):
        return HtmlBody([], removed + [RemovedParagraph(p, "no_prose") for p in paragraphs])
    return HtmlBody(paragraphs, removed)


def html_body(html: str, url: str | None = None, title: str | None = None,
              rules: BodyRules = DEFAULT_RULES) -> list[str]:
    """The article body of an HTML page as a list of paragraphs (empty when none is found).

    A leading paragraph that repeats the headline (`title`) is dropped: the headline is metadata;
    so are a video player's control texts and photo galleries (`without_player_and_gallery`),
    a closing author bio (`without_closing_bio`), and what follows a newsletter promo or a
    comment-section start, and teaser lines (`without_promos_and_teasers`). A "body" of a few
    words without any sentence (a menu, a link list) counts as none. A page nested deeper than
    the HTML parser goes (MAX_PARSER_DEPTH) is read flattened; a body in a layout table is
    extracted without tables (`in_layout_table`). `html_body_parts` also gives what was dropped.
    """
    return html_body_parts(html, url, title, rules).paragraphs

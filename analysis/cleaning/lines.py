"""The per-line record of the cleaner and its first passes: split into lines, line rules, prose
class, duplicates and lines repeated across an outlet's pages (part of `analysis.clean`)."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import NamedTuple

from analysis.cleaning.rules import line_rule, words_of
from analysis.cleaning.stoplists import english_stoplist, pick_stoplist

_TERM_CHARS = frozenset(".!?…:;。！？")    # a line ending in one of these (closing marks after it
_CLOSERS = "\"'”’»)]」』"                     # allowed) or in a closing quotation mark ends a sentence
_QUOTE_END = frozenset("\"”’»」』")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_CUT_ENDS = ("…", "...", "[…]", "[...]")                      # ends in an ellipsis
_CUT_LAST = frozenset(end[-1] for end in _CUT_ENDS)
SENTENCE_END = re.compile(r"(?<!\.)[.!?]\Z")
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_SYMBOLS = re.compile(r"[{}\[\]<>=;|\\^~`$#@*_+]")

GOOD, NEAR, SHORT = "good", "near", "short"


class ProseBar(NamedTuple):
    """The least a line needs to be in a prose class."""

    chars: int          # characters
    words: int          # words (CJK: about 2 characters a word)
    stop_share: float   # share of the words on the page's stop list
    terminal: bool      # must end like a sentence


# first bar a line clears gives its class; a line clearing none is SHORT
_PROSE_BARS = ((ProseBar(70, 10, 0.2, True), GOOD),
               (ProseBar(30, 5, 0.15, True), NEAR),
               (ProseBar(100, 15, 0.2, False), NEAR))   # a long unpunctuated paragraph
# Thresholds of the line passes
RULE_CACHE_MAX_CHARS = 160   # line_rule results are cached for lines up to this length
SECTION_END_REASONS = frozenset({"subscription"})   # a newsletter promo or form ends the article unless
# the article's prose resumes right after it (an in-body promo box; analysis.cleaning.layout.place_barriers)
MARKER_MAX_CHARS = 100       # a longer line matching an end-marker rule is a sentence, not a marker
STOPLIST_SAMPLE = 4000       # words of the page that choose its stop list
CODE_MIN_CHARS = 40          # a line this long ...
CODE_SYMBOL_SHARE = 0.06     # ... with more than this share of code symbols is code or markup
DUP_PREFIX = 40              # characters compared to find a blob of run-together paragraphs
DUP_MIN_CHARS = 100          # a NEAR line repeated later is a duplicate from this length on
BLOB_MIN_CHARS = 400         # a line over twice as long as another with its first 40 characters
REPEATED_MAX_PROSE_SHARE = 0.5   # repeated lines stay when they hold more of the page's prose


def terminal(s: str) -> bool:
    """True when a line ends like a sentence: . ! ? … : ; (also CJK) before any closing quotation
    marks or brackets, or in a closing quotation mark."""
    if s[-1:] in _QUOTE_END:
        return True
    t = s.rstrip(_CLOSERS)
    return bool(t) and t[-1] in _TERM_CHARS


def squash_spaces(line: str) -> str:
    """White space runs as one space, none at either end (`" ".join(line.split())`). A printable
    line (no white space but ASCII spaces) without double or edge spaces is returned as it is."""
    if line.isprintable() and "  " not in line and line[:1] != " " and line[-1:] != " ":
        return line
    return " ".join(line.split())


def normalise(line: str) -> str:
    """Key used to compare lines across pages: NFKC, lower case, single spaces."""
    # str.split() splits on the same white space as \s+ and drops it at both ends
    if not line.isascii():
        line = unicodedata.normalize("NFKC", line)
    return squash_spaces(line).lower()


def normalised_lines(raw: str) -> set[str]:
    """The distinct `normalise`d lines of a page (each distinct raw line normalised once; an NFKC
    page is lower-cased at once: lower() never creates or removes a line break)."""
    if raw.isascii() or unicodedata.is_normalized("NFKC", raw):
        return {squash_spaces(line) for line in set(raw.lower().split("\n"))}
    # normalising line by line keeps NFKC's slow path to the few lines that need it
    nfkc = unicodedata.normalize
    return {squash_spaces(line if line.isascii() else nfkc("NFKC", line)).lower()
            for line in set(raw.split("\n"))}


@dataclass(slots=True)
class Line:
    """One non-blank line of a dump and what the cleaning passes decided about it."""

    index: int                      # position among the page's non-blank lines
    number: int                     # 0-based line number in the dump
    text: str                       # the line without surrounding white space
    block: int                      # id of its group of consecutive non-blank lines
    nchar: int                      # len(text)
    terminal: bool                  # ends like a sentence (or a quotation)
    cut_off: bool                   # ends in an ellipsis
    reason: str | None = None       # removal reason fixed by a rule
    end: bool = False               # end marker (the article may resume after it)
    hard: bool = False              # hard end marker (comments, page footer)
    repeated: bool = False          # found on many pages of the outlet
    tail_reason: str | None = None  # a rule that applies only where the body ends (author bio)
    toks: list = field(default_factory=list)   # lower-case words (lines no rule removed)
    cls: str = SHORT                # prose class: GOOD, NEAR or SHORT
    soft: str | None = None         # removal decided by layout (teaser, caption)
    box: bool = False               # inside an in-body box (between an end marker and resumed prose)
    barrier: bool = False           # an end marker that splits the page
    run_short: bool = False         # a short line among short lines (menu, link list)
    list_item: bool = False         # an item of a list introduced by a line ending in ":"
    bullet: bool = False            # an item of a list whose bullet signs the dump kept ("+ Added …")
    weight: float = 0.0             # weight in the best-run search


def split_lines(lines: list[str]) -> tuple[list[Line], list[int]]:
    """Non-blank lines as records grouped by blank lines; lines of zero-width characters only
    (returned by number) act as blank."""
    records: list[Line] = []
    invisible: list[int] = []
    block, prev_blank = 0, True
    for number, line in enumerate(lines):
        text = line.strip()
        # a line of zero-width characters only starts with one: most lines skip the second strip
        if not text or (text[0] in _INVISIBLE and not text.strip(_INVISIBLE)):
            if text:
                invisible.append(number)
            if not prev_blank:
                block += 1
            prev_blank = True
            continue
        prev_blank = False
        last = text[-1]      # `terminal` without a call for the usual line (no closing mark)
        records.append(Line(len(records), number, text, block, len(text),
                            last in _TERM_CHARS or (last in _CLOSERS and terminal(text)),
                            last in _CUT_LAST and text.endswith(_CUT_ENDS)))
    return records, invisible


def apply_line_rules(records: list[Line], skip: dict, repeated: frozenset, site_rules) -> None:
    """Metadata lines (`skip`), boilerplate.yaml rules, outlet hints and repeated lines."""
    # an ASCII line is never shorter than its `normalise`d form (spaces only squashed, lower case
    # keeps ASCII lengths): one longer than every repeated line is none of them (no normalising)
    longest = max(map(len, repeated)) if repeated else 0
    for line in records:
        if line.number in skip:
            line.reason = str(skip[line.number])
            continue
        text = line.text
        reason, kind = line_rule(text) if line.nchar <= RULE_CACHE_MAX_CHARS else line_rule.__wrapped__(text)
        if kind == "tail":
            line.tail_reason, reason, kind = reason, None, None
        if kind is not None and kind != "drop":
            if line.nchar > MARKER_MAX_CHARS or (kind == "end" and SENTENCE_END.search(text)):
                reason = None      # a sentence, not a section marker
            else:
                line.end = True
                line.hard = kind == "hard_end"
        line.reason = reason
        if reason in SECTION_END_REASONS:
            line.end = True    # removed, and an end marker: the article resumes only if prose follows
        if site_rules and reason is None:
            if site_rules["drop"] is not None and site_rules["drop"].match(text):
                line.reason = "site_rule"
            elif site_rules["end"] is not None and site_rules["end"].match(text):
                line.reason, line.end = "after_end_marker", True
        if repeated and line.reason is None and (line.nchar <= longest or not text.isascii()) \
                and is_repeated(text, line.nchar, longest, repeated):
            line.repeated = True


def is_repeated(text: str, nchar: int, longest: int, repeated: frozenset) -> bool:
    """`normalise(text) in repeated` for a stripped line of `nchar` characters, `longest` the
    longest repeated line. A printable line without double spaces that is ASCII or NFKC already is
    only lower-cased by `normalise`, and lower() never shortens a string (it maps a character to
    one or more): such a line longer than `longest` is none of them, without normalising it
    (NFKC and the spaces checked for a long non-ASCII line, e.g. a Cyrillic or curly-quoted paragraph)."""
    if text.isprintable() and "  " not in text and (text.isascii() or unicodedata.is_normalized("NFKC", text)):
        return nchar <= longest and text.lower() in repeated
    return normalise(text) in repeated


def _prose_class(nchar: int, n_words: int, stop_share: float, terminal: bool) -> str:
    for bar, cls in _PROSE_BARS:
        if nchar >= bar.chars and n_words >= bar.words and stop_share >= bar.stop_share \
                and (terminal or not bar.terminal):
            return cls
    return SHORT


def classify_prose(records: list[Line]) -> None:
    """Prose class of the lines no rule removed (words and stop words only for those lines);
    lines of program code or markup are removed."""
    for line in records:
        if line.reason is None:
            line.toks = words_of(line.text.lower())
    # English stop words per line, counted once: they choose the page's stop list and, for an
    # English page (most pages), give each line's stop-word density too
    english = english_stoplist()
    e_hits = [sum(map(english.__contains__, line.toks)) if line.toks else 0 for line in records]
    words = [w for line in records for w in line.toks]
    if len(words) <= STOPLIST_SAMPLE:
        sample_hits = sum(e_hits)
    else:
        sample_hits = sum(map(english.__contains__, words[:STOPLIST_SAMPLE]))
    stop = pick_stoplist(words, sample_hits)
    same = stop is english
    for line, hits in zip(records, e_hits):
        if line.reason is not None:
            continue
        text, toks, nchar = line.text, line.toks, line.nchar
        n_words = len(toks)
        cjk = len(_CJK.findall(text)) if n_words and nchar > 2 * n_words * 4 else 0
        if cjk:
            n_words = max(n_words, cjk // 2)   # CJK text has no spaces: about 2 characters a word
        if stop and toks and not cjk:
            stop_share = (hits if same else sum(map(stop.__contains__, toks))) / len(toks)
        else:
            stop_share = 0.3 if n_words else 0.0
        if nchar >= CODE_MIN_CHARS and len(_SYMBOLS.findall(text)) > CODE_SYMBOL_SHARE * nchar:
            line.reason = "code"        # program code, markup or binary junk, not prose
            continue
        line.cls = _prose_class(nchar, n_words, stop_share, line.terminal and not line.cut_off)


def mark_duplicates(records: list[Line]) -> None:
    """A later exact copy of a prose line, or one line holding many paragraphs of the page run
    together (structured-data blobs copied along with the page)."""
    first_seen: dict[str, int] = {}
    short_by_prefix: dict[str, int] = {}
    for line in records:
        if line.nchar >= DUP_PREFIX:
            key = line.text[:DUP_PREFIX]
            if line.nchar < short_by_prefix.get(key, 10**9):
                short_by_prefix[key] = line.nchar
    for line in records:
        if line.reason is not None or line.cls == SHORT:
            continue
        # a short repeated line (an interview's recurring question) may be legitimate
        if line.text in first_seen and (line.cls == GOOD or line.nchar >= DUP_MIN_CHARS):
            line.reason = "duplicate"
            continue
        first_seen[line.text] = line.index
        if line.nchar >= BLOB_MIN_CHARS and short_by_prefix.get(line.text[:DUP_PREFIX], 10**9) * 2 < line.nchar:
            line.reason = "duplicate"


def drop_repeated(records: list[Line]) -> None:
    """Lines repeated across the outlet's pages go, unless they would take most of the prose."""
    if not any(line.repeated for line in records):
        return
    prose = sum(line.nchar for line in records if line.cls == GOOD and line.reason is None)
    repeated_prose = sum(line.nchar for line in records if line.cls == GOOD and line.repeated)
    if repeated_prose <= REPEATED_MAX_PROSE_SHARE * prose:
        for line in records:
            if line.repeated:
                line.reason = "repeated_across_pages"

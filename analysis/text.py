"""Shared text units: paragraphs, sentences and words, the one convention every module uses.

- Paragraphs: `text.split("\\n\\n")`, 0-based (`paragraph` in every table).
- Sentences: NLTK's Punkt algorithm with parameters set in code (no downloaded model): the
  abbreviations in `analysis/data/abbreviations.csv` (`Feb.`, `Mr.`, `U.S.`, `Inc.` ... end no
  sentence), initials (`John F. Kennedy`), decimals (`3.5`), ellipses, and quotation marks that close
  after the full stop (`... end." Next`, typographic or straight). `No.` abbreviates only before a
  number, lower-case `sat.`/`co.` are words, an ellipsis before a capitalised word ends a sentence,
  and no sentence starts with a plain lower-case word (`"Why now?" she asked.`, `the "We're on it."
  campaign`, `Yahoo! in accounting` stay one sentence). `analysis.quotes` and `analysis.sourcing`
  split their quote-masked paragraphs with this same splitter. A sentence never crosses a paragraph
  break, nor a line break that starts a list item or heading (next line begins
  with a capital, a digit or a list mark).
- Units: `unit_table` marks headings apart from sentences: a line of its own without a final mark
  (`Tour dates:`), and subheads that have one: a paragraph of one short question of its own before
  more text (`What did the prosecutors say?`, `Q: Favorite books?`), or a line in capitals; and,
  given `headings=` (an HTML page's `<h1>`-`<h6>` lines, the articles' `heading_lines`), those lines.
- Words: white-space split (`len(text.split())`), the kit's word count.
"""
from __future__ import annotations

import csv
import importlib
import importlib.util
import os
import re
import sys
import types
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

DATA = Path(__file__).with_name("data")
ABBREVIATIONS_PATH = DATA / "abbreviations.csv"

PARAGRAPH_BREAK = "\n\n"
# a sentence that starts (after optional punctuation) with a lower-case letter
# (a plain word: not a brand or address such as "eBay", "my6sense", "pic.twitter.com/...")
_STARTS_LOWER = re.compile(r"^[\s(\[\"'\u2018\u201c\u00ab-]*[a-z][a-z'\u2019-]*(?![\w@/]|\.\w)")
# the first character of a unit (never white space) that _STARTS_LOWER can match at all
_LOWER_START = frozenset("([\"'\u2018\u201c\u00ab-abcdefghijklmnopqrstuvwxyz")
# Punkt candidate context "word. Next" / "word.)" with a plain ASCII word of 2+ letters
_LINE_BREAK = re.compile(r"(?<![ \t])[ \t]*\n\s*")   # (?<!): linear on long runs of spaces
_LIST_MARKS = set("-\u2013\u2014\u2022*\u00b7>#(\"'\u201c\u2018\u00ab[")
# ... and "X.Y. Next": dotted initialisms (U.S., R.R., N.M.), read like abbreviations
_DOTTED_INITIALS = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]\.\s+(\S+)")
_LEADING_WORD = re.compile(r"[A-Za-z]+")
_PLAIN_WORD_PERIOD = re.compile(r"([A-Za-z]{2,})\.(?=[\s\"')\]};*:@({\[\u2018\u2019\u201c\u201d\xab\xbb!?])")
# an ellipsis ("...", ". . .", "\u2026"), closing marks, then white space and a capital (or an opening
# quote and a capital): a sentence ends ("I never meant that... She left."); before a lower-case word
# the sentence goes on ("weakened . . . was that of")
_ELLIPSIS_BREAK = re.compile(r"(?<!\.)(?:\.\s?\.\s?\.|\u2026)[.\"'\u2019\u201d\u00bb)\]]*(?=\s+[\"'\u2018\u201c\u00ab(]?(?!I\b)[A-Z])")
# abbreviation kinds written with a capital ("Sat.", "Mass.", "Co."): in lower case the same letters
# are a plain word ("the cat sat.", "Jane and co.") and may end a sentence (titles keep their
# abbreviation reading in lower case: "prof. Nadalim")
_HAS_WORD = re.compile(r"\w")
# a sentence's final mark, then closing quotation marks or brackets, at the end of a unit
_ENDS_SENTENCE = re.compile(r"[.!?\u2026\u3002\uff01\uff1f][\"'\u2019\u201d\u00bb)\]*]*$")
# `Wednesday.The`, `voters!”After`: a word's final mark, closing marks, no space, a capitalised word
_JOINT = re.compile(r"[a-z]{2}([.!?][\"'\u2019\u201d)\]]*)[A-Z][a-z]")
# the mark first, its letter checked behind it: `re` then scans for [.!?] in C (a pattern that starts
# with a look-behind has no first character to scan for, and tries every position)
_JOINT_CHARS = re.compile(r"[.!?](?<=[a-z][.!?])[\"'\u2019\u201d)\]]*[A-Z]")
_NEXT_SPACE = re.compile(r"\s")
_ADDRESS = re.compile(r"[@/]|(?i:www\.|\.(?:com|org|net|gov|edu|io|co|uk)\b)")
# what `_ellipsis_splits` cuts at needs one of these in the paragraph (`_ELLIPSIS_BREAK`, `I.`)
_MAY_CUT = re.compile(r"\.\s?\.|\u2026|I\.")
# a piece ending in an ellipsis, and one starting with the pronoun I: Punkt's break between them is
# undone, as the kit's own ellipsis rule does not break before `I` (`the thing is . . . I didn't`);
# a four-dot ellipsis (`said. . . . I'm`) ends its sentence
_ENDS_ELLIPSIS = re.compile(r"(?<!\.)(?<!\.\s)(?:\.\s?\.\s?\.|\u2026)[\"'\u2019\u201d)\]]*$")   # not `. . . .`
_STARTS_PRONOUN_I = re.compile(r"I(?:\s|['\u2019](?:m|ve|ll|d)\b)")
# `you and I. Did`: the pronoun I after a lower-case word ends a sentence (Punkt reads `I.` as an initial)
_PRONOUN_I_BREAK = re.compile(r"(?<![^\s(\"'\u2018\u201c])[a-z]+ I\.(?=\s+[\"'\u2018\u201c(]?[A-Z])")
# a Punkt candidate context whose next token is a lone full stop (`. .`, `word. .x`)
_LONE_STOP_NEXT = re.compile(r"\S*\s+\.(?!\.)")
_CASED_KINDS = {"month", "weekday", "place", "org", "corp"}


# Typographic apostrophes and quotation marks -> ASCII ones, one character for one (offsets kept).
# The kit's one table of them: readability looks words up with plain apostrophes (`Denmark’s` ->
# `denmark's`), tone scores sentences on plain marks (VADER reads `didn't`, not `didn’t`).
PLAIN_MARKS = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u2039": "'", "\u203a": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
})


_PLAIN_PAIRS = tuple((chr(k), v) for k, v in PLAIN_MARKS.items())


def plain_marks(text: str) -> str:
    """`text` with typographic apostrophes and quotation marks as ASCII ' and " (same length).
    (A `str.replace` per mark present: several times faster than `str.translate` with a dict.)"""
    for mark, plain in _PLAIN_PAIRS:
        if mark in text:
            text = text.replace(mark, plain)
    return text


def _read_rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(line for line in fh if not line.startswith("#")))


@lru_cache(maxsize=1)
def punkt_module() -> types.ModuleType:
    """NLTK's `nltk.tokenize.punkt`, imported without running `nltk/__init__.py`, which imports most
    of NLTK and, through `nltk.collocations` and `nltk.metrics`, scipy and scikit-learn (over a second
    of CPU, paid again by every worker process). Punkt needs only a few plain modules (`nltk.pathsec`,
    `nltk.probability`, `nltk.tokenize.api` ...): they are imported under empty stand-ins for the
    `nltk` and `nltk.tokenize` packages, and every `nltk` entry this adds to `sys.modules` is removed
    again, so a later `import nltk` by the user loads NLTK in full, as usual (with its own copy of
    Punkt). If NLTK is already imported, or the short path fails, this is the ordinary import.
    Imported once (the kit's tokenizer and its token classes come from the same copy)."""
    name = "nltk.tokenize.punkt"
    if "nltk" in sys.modules:
        return importlib.import_module(name)
    spec = importlib.util.find_spec("nltk")
    if spec is None or not spec.origin:
        return importlib.import_module(name)   # raises the usual ImportError
    before = set(sys.modules)
    package_dir = os.path.dirname(spec.origin)
    for package, folder in (("nltk", package_dir), ("nltk.tokenize", os.path.join(package_dir, "tokenize"))):
        stand_in = types.ModuleType(package)
        stand_in.__path__ = [folder]
        sys.modules[package] = stand_in
    try:
        module = importlib.import_module(name)
    except Exception:  # noqa: BLE001 - an NLTK whose Punkt needs more: the ordinary import
        module = None
    finally:
        for key in [k for k in sys.modules if k not in before and (k == "nltk" or k.startswith("nltk."))]:
            del sys.modules[key]
    return module if module is not None else importlib.import_module(name)


def _stdlib_punkt_classes():
    """Punkt's language variables and token class with the same regular expressions compiled by the
    standard `re` module. NLTK 3.10 compiles them with the third-party `regex` module behind a
    time-out wrapper, several times slower on short strings; the patterns are plain (no `regex`-only
    syntax), linear-time, and give the same splits (checked on the development corpus)."""
    punkt = punkt_module()
    PunktLanguageVars, PunktToken = punkt.PunktLanguageVars, punkt.PunktToken

    base = PunktLanguageVars()
    flags = re.UNICODE | re.VERBOSE

    class KitLanguageVars(PunktLanguageVars):
        re_boundary_realignment = re.compile(base.re_boundary_realignment.pattern, re.MULTILINE)
        _re_word_tokenizer = re.compile(base._word_tokenizer_re().pattern, flags)
        _re_period_context = re.compile(base.period_context_re().pattern, flags)

    non_punct = re.compile(r"[^\W\d]", re.UNICODE)

    class KitToken(PunktToken):
        _RE_ELLIPSIS = re.compile(PunktToken._RE_ELLIPSIS.pattern)
        _RE_NUMERIC = re.compile(PunktToken._RE_NUMERIC.pattern)
        _RE_INITIAL = re.compile(PunktToken._RE_INITIAL.pattern, re.UNICODE)
        _RE_ALPHA = re.compile(PunktToken._RE_ALPHA.pattern, re.UNICODE)

        @property
        def is_non_punct(self):
            return non_punct.search(self.type)

    return KitLanguageVars, KitToken


@lru_cache(maxsize=4)
def _tokenizer(path: str = str(ABBREVIATIONS_PATH), stdlib_re: bool = True):
    """The kit's Punkt tokenizer, built once from the abbreviation file (no NLTK data needed).
    `stdlib_re=False` keeps NLTK's own regular expressions (tests compare the two)."""
    punkt = punkt_module()
    PunktSentenceTokenizer = punkt.PunktSentenceTokenizer

    params = punkt.PunktParameters()
    cased, uncased, before_number = set(), set(), set()
    for row in _read_rows(Path(path)):
        token = (row.get("token") or "").strip().lower()
        if not token:
            continue
        kind = row.get("kind")
        if kind == "sentence_starter":
            params.sent_starters.add(token)
            continue
        # Punkt stores abbreviation types lower-case, without the final period
        token = token[:-1] if token.endswith(".") else token
        params.abbrev_types.add(token)
        if kind in _CASED_KINDS:
            cased.add(token)
        else:
            uncased.add(token)   # "ft." (feet) keeps its reading in lower case, though "Ft." is a place
            if kind == "number":
                before_number.add(token)
    cased -= uncased
    known_breaks: dict[str, bool] = {}   # context -> text_contains_sentbreak (this tokenizer's)

    class KitPunkt(PunktSentenceTokenizer):
        """Punkt with a shortcut and three rules. The shortcut, for the commonest candidate, `word.
        Next`: a plain word of two or more letters that is not an abbreviation always ends a sentence
        under these parameters (no collocations, no orthographic data), so Punkt's token annotation is
        skipped. The rules: an abbreviation of kind `number` (`No.`) ends a sentence unless a number
        follows; a lower-case form of a capitalised kind (`sat.`, `co.`) is a plain word; dotted
        initialisms not in the abbreviation file (`George R.R. Martin`) are read as abbreviations
        (sentence end only before a frequent sentence starter)."""

        def span_tokenize(self, text: str, realign_boundaries: bool = True):
            if not realign_boundaries:
                return super().span_tokenize(text, realign_boundaries)
            return iter(_punkt_spans(self, text))

        def text_contains_sentbreak(self, text: str) -> bool:
            """Whether a candidate context (`word. Next`) ends a sentence: the same answer for the same
            context, so each distinct context is decided once (news repeats `Mr. Smith`, `U.S. officials`)."""
            hit = known_breaks.get(text)
            if hit is None:
                if len(known_breaks) >= _KNOWN_BREAKS_MAX:
                    known_breaks.clear()
                hit = known_breaks[text] = self._decide_sentbreak(text)
            return hit

        def _decide_sentbreak(self, text: str) -> bool:
            if _LONE_STOP_NEXT.match(text):
                # the next piece would start with a lone full stop, which is joined back to this
                # sentence anyway (`_paragraph_sentence_spans`): skip Punkt (linear on `. . . .` walls)
                return False
            m = _PLAIN_WORD_PERIOD.match(text)
            if m:
                word = m.group(1)
                low = word.lower()
                if low not in self._params.abbrev_types:
                    return True
                if low in before_number:
                    # "No. 1", "Nos. 3 and 4" abbreviate; "... said no. Rep. Jordan" ends a sentence
                    nxt = text[m.end():].lstrip(" \t\n\"'\u2018\u201c(")
                    return bool(nxt) and nxt[0].isupper()
                if low in cased and word[0].islower():
                    return True   # "the cat sat. Then": a word, not "Sat."
            m = _DOTTED_INITIALS.match(text)
            if m:
                # `R.R. Martin`, `N.M. officials`: like a listed abbreviation, a dotted initialism ends a
                # sentence only before a capitalised frequent sentence starter (`... in the U.K. The ...`)
                nxt = _LEADING_WORD.match(m.group(1))
                return bool(nxt and nxt.group()[0].isupper() and nxt.group().lower() in self._params.sent_starters)
            return super().text_contains_sentbreak(text)

    if not stdlib_re:
        return KitPunkt(params)
    lang_vars, token_cls = _stdlib_punkt_classes()
    return KitPunkt(params, lang_vars=lang_vars(), token_cls=token_cls)


_KNOWN_BREAKS_MAX = 100_000


def _punkt_spans(tok, text: str) -> list[tuple[int, int]]:
    """Punkt's `span_tokenize` (NLTK 3.9-3.10: `_slices_from_text`, then `_realign_boundaries` over
    `_pair_iter`) as two plain loops over lists instead of a chain of generators of slices: the
    same spans (tests/test_text.py checks them against NLTK's on the development gold paragraphs)."""
    pieces, last_break = [], 0
    for match, context in tok._match_potential_end_contexts(text):
        if tok.text_contains_sentbreak(context):
            pieces.append((last_break, match.end()))
            last_break = match.start("next_tok") if match.group("next_tok") else match.end()
    pieces.append((last_break, len(text.rstrip())))
    return _realigned(text, pieces, tok._lang_vars.re_boundary_realignment)


def _realigned(text: str, pieces: list[tuple[int, int]], realignment) -> list[tuple[int, int]]:
    """Punkt's `_realign_boundaries` on (start, end) pieces: closing marks that open the next piece
    (`(Sent1.) Sent2.`) move to the sentence before; empty pieces are dropped. `realignment.match`
    with a start and an end position reads the piece as NLTK's match on its substring does."""
    out, realign = [], 0
    last = len(pieces) - 1
    for k, (start, end) in enumerate(pieces):
        start += realign
        if k == last:
            if start < end:
                out.append((start, end))
            break
        next_start, next_end = pieces[k + 1]
        m = realignment.match(text, next_start, next_end)
        if m:
            out.append((start, next_start + len(m.group(0).rstrip())))
            realign = m.end() - next_start
        else:
            realign = 0
            if start < end:
                out.append((start, end))
    return out


def paragraph_spans(text) -> list[tuple[int, int]]:
    """Character offsets (start, end) of each paragraph of `text` (split on one blank line)."""
    if not isinstance(text, str) or not text:
        return []
    spans, start = [], 0
    for part in text.split(PARAGRAPH_BREAK):
        spans.append((start, start + len(part)))
        start += len(part) + len(PARAGRAPH_BREAK)
    return spans


def _joints(paragraph: str) -> list[tuple[int, int]]:
    """(end, start) of each `Wednesday.The` joint: a sentence's final mark with no space before the
    next sentence's capitalised word. Web addresses and e-mail addresses are not joints."""
    out = []
    for m in _JOINT.finditer(paragraph):
        token_start = max(paragraph.rfind(" ", 0, m.start()), paragraph.rfind("\n", 0, m.start())) + 1
        token_end = _NEXT_SPACE.search(paragraph, m.end())
        token = paragraph[token_start:token_end.start() if token_end else len(paragraph)]
        if not _ADDRESS.search(token):
            out.append((m.end(1), m.end(1)))
    return out


def _line_blocks(paragraph: str) -> list[tuple[int, int]]:
    """Parts of a paragraph between line breaks that start a new line of a list or heading (a line
    break followed by a capital letter, a digit or a list mark) and at `Wednesday.The` joints. Other
    line breaks (wrapped text continuing in lower case) stay inside the block."""
    cuts = _joints(paragraph) if _JOINT_CHARS.search(paragraph) else []
    if "\n" in paragraph:
        for m in _LINE_BREAK.finditer(paragraph):
            nxt = paragraph[m.end():m.end() + 1]
            if nxt and (nxt.isupper() or nxt.isdigit() or nxt in _LIST_MARKS):
                cuts.append((m.start(), m.end()))
        cuts.sort()
    blocks, start = [], 0
    for end, nxt in cuts:
        blocks.append((start, end))
        start = nxt
    blocks.append((start, len(paragraph)))
    return blocks


def _ellipsis_splits(paragraph: str, spans):
    """Punkt's spans, each cut after an ellipsis followed by a capitalised word, and after the
    pronoun `I.` (after a lower-case word) followed by a capitalised word."""
    for start, end in spans:
        piece = paragraph[start:end]
        if "." in piece or "\u2026" in piece:
            base = start
            breaks = [m.end() for m in _ELLIPSIS_BREAK.finditer(piece)
                      if _HAS_WORD.search(paragraph, start, base + m.start())]   # not one opening the sentence
            if "I." in piece:
                breaks = sorted(breaks + [m.end() for m in _PRONOUN_I_BREAK.finditer(piece)])
            for b in breaks:
                yield start, base + b
                start = base + b
        yield start, end


class Unit(NamedTuple):
    """One unit of the splitter: `kind` is "sentence", or "heading" for a heading or list line (a
    line of its own without a sentence's final mark: `Tour dates:`, `June 9 – Tampa`, `- item one`)."""
    paragraph: int
    start: int
    end: int
    kind: str


SENTENCE, HEADING = "sentence", "heading"
HEADING_MAX_WORDS = 20   # a longer line without a final mark is read as a sentence that lost its full stop


def _kind(paragraph: str, start: int, end: int) -> str:
    """Kind of the one unit of a line block: "heading" for at most HEADING_MAX_WORDS words that do
    not end with a sentence's final mark (`.`, `!`, `?`, `…`, before closing quotation marks or
    brackets). (A block of several units holds sentences: "The band plays. Tickets sell fast".)"""
    if _ENDS_SENTENCE.search(paragraph, max(start, end - 20), end):
        return SENTENCE
    return HEADING if len(paragraph[start:end].split(None, HEADING_MAX_WORDS)) <= HEADING_MAX_WORDS else SENTENCE


def _paragraph_units(paragraph: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of each sentence or heading inside one paragraph (offsets into it)."""
    if not paragraph.strip():
        return []
    tok = _tokenizer()
    units: list[tuple[int, int, str]] = []
    may_cut = _MAY_CUT.search(paragraph)   # without an ellipsis or `I.`, Punkt's spans stay whole
    for b0, b1 in _line_blocks(paragraph):
        spans: list[tuple[int, int]] = []   # sentences never merge across a block (list item, heading) boundary
        raw = [(b0 + s, b0 + e) for s, e in tok.span_tokenize(paragraph[b0:b1])]
        for start, end in _ellipsis_splits(paragraph, raw) if may_cut else raw:
            # trim white space Punkt may leave at either side
            while start < end and paragraph[start].isspace():
                start += 1
            while end > start and paragraph[end - 1].isspace():
                end -= 1
            if start == end:
                continue
            if spans and ((paragraph[start] == "." and paragraph[start + 1:start + 2] != ".")
                          or (paragraph[start] in _LOWER_START and _STARTS_LOWER.match(paragraph[start:end]))
                          or (paragraph[start] == "I" and _STARTS_PRONOUN_I.match(paragraph, start)
                              and _ENDS_ELLIPSIS.search(paragraph, spans[-1][0], spans[-1][1]))):
                # a sentence does not start with a lone full stop or a plain lower-case word: "Why
                # now?" she asked. / Jane and co. at the party / It was . . . odd. / Yahoo! in the ...
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
        if len(spans) == 1:   # the block is one line of its own: a sentence or a heading
            units.append((*spans[0], _kind(paragraph, *spans[0])))
        else:
            units.extend((s, e, SENTENCE) for s, e in spans)
    return units


def _paragraph_sentence_spans(paragraph: str) -> list[tuple[int, int]]:
    """Sentence and heading spans inside one paragraph (offsets into the paragraph)."""
    return [(s, e) for s, e, _ in _paragraph_units(paragraph)]


# A subhead written as a question (`What did the prosecutors say?`, `Q: Favorite books?`,
# `WHO IS THE FRONT-RUNNER?`): a paragraph of one short question of its own, followed by text
QUESTION_HEADING_MAX_WORDS = 12
_INTERVIEW_LABEL = re.compile(r"(?:Q|Question)\s*[:.\u2013\u2014-]\s+")
_QUOTE_CHARS = re.compile(r"[\"\u201c\u201d\u00ab\u00bb\u2018]|(?<!\w)'|'(?!\w)")   # not an apostrophe
_TAG_QUESTION = re.compile(r",\s*(?:\w+n['\u2019]t \w+|right|no|eh|okay|ok)\?$", re.IGNORECASE)
_CAPS_LINE_MIN_LETTERS = 6


def _caps_line(line: str) -> bool:
    """A line of 2 to HEADING_MAX_WORDS words written in capitals (`WHO IS THE FRONT-RUNNER?`):
    typography of a subhead (a longer paragraph in capitals is text: a legal notice)."""
    if not 2 <= len(line.split(None, HEADING_MAX_WORDS)) <= HEADING_MAX_WORDS:
        return False
    letters = [ch for ch in line if ch.isalpha()]
    return len(letters) >= _CAPS_LINE_MIN_LETTERS and all(ch.isupper() for ch in letters)


def _question_line(line: str) -> bool:
    """One short question of its own, in the reporter's words: the typography of a subhead or an
    interview question (`How is the plague spread?`, `Q: Favorite apps?`). Quoted speech, asides in
    brackets and tag questions (`…, doesn't it?`) are sentences."""
    if not line.endswith("?") or line[0] in "([":
        return False
    label = _INTERVIEW_LABEL.match(line)
    limit = HEADING_MAX_WORDS if label else QUESTION_HEADING_MAX_WORDS
    if len(line[label.end() if label else 0:].split(None, limit)) > limit:
        return False
    return not (_QUOTE_CHARS.search(line) or _TAG_QUESTION.search(line))


def _subhead_paragraphs(text: str, units: list[Unit]) -> set[int]:
    """Paragraphs that are one sentence written as a subhead: a short question of its own (not one
    of a run of such questions, which is prose: `Who knew? Who cared?` one per paragraph) followed
    by more text, or a line in capitals followed by more text."""
    by_paragraph: dict[int, list[Unit]] = {}
    for u in units:
        by_paragraph.setdefault(u.paragraph, []).append(u)
    lone = {p: text[us[0].start:us[0].end] for p, us in by_paragraph.items()
            if len(us) == 1 and us[0].kind == SENTENCE}
    questions = {p for p, line in lone.items() if _question_line(line)}
    out = set()
    for p, line in lone.items():
        if p + 1 not in by_paragraph:   # a heading heads the text after it
            continue
        if _caps_line(line) or (p in questions and p - 1 not in questions and p + 1 not in questions):
            out.add(p)
    return out


@lru_cache(maxsize=4096)
def _cached_spans(text: str) -> tuple[Unit, ...]:
    out = []
    for p, (p_start, p_end) in enumerate(paragraph_spans(text)):
        for s, e, kind in _paragraph_units(text[p_start:p_end]):
            out.append(Unit(p, p_start + s, p_start + e, kind))
    if "?" in text or any(ch.isupper() for ch in text):
        subheads = _subhead_paragraphs(text, out)
        if subheads:
            out = [u._replace(kind=HEADING) if u.paragraph in subheads else u for u in out]
    return tuple(out)


def known_headings(headings) -> frozenset[str]:
    """Heading lines known from the page's markup, white space normalised: `headings` is an
    iterable of lines, or one string of lines separated by line breaks (the articles' `heading_lines`
    column); None, NaN or empty: none."""
    if isinstance(headings, str):
        lines = headings.split("\n")
    elif isinstance(headings, Iterable):
        lines = headings
    else:   # None, NaN, pd.NA
        return frozenset()
    return frozenset(filter(None, (" ".join(line.split()) for line in lines if isinstance(line, str))))


@lru_cache(maxsize=4096)
def _units_with_headings(text: str, headings: frozenset[str]) -> tuple[Unit, ...]:
    """The units of `text`, each line whose text is one of `headings` made one unit of kind heading
    (a heading line Punkt cuts in two, `Step 1. Mix the flour.`, is one heading)."""
    units = _cached_spans(text)
    lines, pos = [], 0
    for line in text.split("\n"):
        if line.strip() and " ".join(line.split()) in headings:
            lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    if not lines:
        return units
    out: list[Unit] = []
    i = 0
    for u in units:
        while i < len(lines) and lines[i][1] <= u.start:
            i += 1
        if i < len(lines) and lines[i][0] <= u.start and u.end <= lines[i][1]:   # inside a heading line
            line_start, line_end = lines[i]
            if out and out[-1].kind == HEADING and line_start <= out[-1].start < line_end:
                out[-1] = out[-1]._replace(end=max(out[-1].end, u.end))
            else:
                out.append(Unit(u.paragraph, u.start, u.end, HEADING))
        else:
            out.append(u)
    return tuple(out)


def unit_table(text, headings=None) -> list[Unit]:
    """Every sentence and heading of `text` in reading order: Unit(paragraph, start, end, kind),
    offsets into `text`, end exclusive; `kind` "sentence" or "heading" (heading or list line).

    `headings`: lines known to be headings from the page's markup (`known_headings`: the articles'
    `heading_lines` column, filled for pages loaded from HTML); a line of `text` (between line
    breaks) with one of these texts (white space normalised) is one unit of kind heading, whatever
    its wording. Default None: headings are read from the text alone."""
    if not isinstance(text, str) or not text.strip():
        return []
    known = known_headings(headings) if headings is not None else None
    if known:
        return list(_units_with_headings(text, known))
    return list(_cached_spans(text))


def sentence_table(text) -> list[tuple[int, int, int]]:
    """(paragraph, start, end) for every unit of `text` (sentences and headings, see `unit_table`);
    offsets into `text`, end exclusive."""
    return [(u.paragraph, u.start, u.end) for u in unit_table(text)]


def sentence_count(text) -> int:
    """Sentences of `text`, headings and list lines left out (the count readability uses)."""
    return sum(u.kind == SENTENCE for u in unit_table(text))


def sentence_spans(text) -> list[tuple[int, int]]:
    """Character offsets (start, end) of each sentence of `text`, end exclusive, in reading order.

    No span crosses a paragraph break; white space around sentences is excluded. Empty or missing
    text gives [].
    """
    return [(s, e) for _, s, e in sentence_table(text)]


def split_sentences(text) -> list[str]:
    """The sentences of `text` as strings (the kit's one sentence splitter)."""
    if not isinstance(text, str):
        return []
    return [text[s:e] for s, e in sentence_spans(text)]


def words(text) -> list[str]:
    """White-space separated tokens of `text`, the kit's word-count convention ([] for missing text)."""
    if not isinstance(text, str):
        return []
    return text.split()

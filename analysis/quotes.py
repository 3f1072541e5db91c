"""Direct quotations in article bodies, and how much of each body they make up.

`find_quotes` finds every pair of quotation marks in the clean body (straight `"`, typographic
`“ ”`, `« »`, `„ “`, and single `' '` / `‘ ’` where an outlet quotes with them, never apostrophes such
as `Denmark’s` or `We’re`), including quotations that run over several paragraphs (the opening mark
repeated, no closing mark until the last paragraph). Each quotation is classified as

- `full`: a stand-alone utterance (starts a sentence, or follows a colon or an attribution),
- `partial`: a fragment embedded in the reporter's sentence (`said it was "a mistake"`),
- `scare`: quotation marks that quote nobody; kept, but not counted as speech: one to three words
  nobody is quoted as saying (labels, ironic terms, `so-called "…"`); titles of works in Title Case;
  a name before a label noun (`the "one country, two systems" formula`, a slogan: `the "Meth. We're
  on it." campaign`) or a title after a work noun (`their podcast "Beyond Finances."`); and
  (`_not_speech`, issue 13) a title, show or nickname in Title Case in the slot of a name, right
  after a preposition, determiner or possessive, its closing full stop or comma inside the marks
  allowed (`on "Fox News Sunday."`, `MSNBC's "Morning Joe."`, `the "Three Amigos,"`), and imagined
  speech (`you're terrified to say "yes."`, `if you tell people, "…"`, `I can't say "…"`); and
  (`_names_a_work`) a headline or work followed by its byline (`"…," by Times' Michael Paulson`)
  or an attribute value of markup left in the text (`author="@realDonaldTrump"`); and
  (`_repeated_headings`) a sub-heading or pull quote, a paragraph of nothing but a quotation whose
  words stand in a longer quotation of the article (counted once, where it is attributed). On
  PolNeAR train (benchmarks/polnear_quotes.py) these issue-13 rules removed 46 of 492 false speech
  quotes and 5 of 7,609 quotes the annotators put inside an attribution's content (an
  organisation's name, a show, a term).

Since 2026-12-04 (issue 13, PolNeAR dev classes; docs/sourcing.md "Quoted speech, 2026-12-04"): two
apostrophes in a row (`''…''`, the NYT archive's marks) are a double mark; a quotation of one to three
words is partial, not scare, when its sentence holds any speech verb or an attribution word
(`quote_words.csv`, kind `attribution_word`: `having referred to him as a "reformer."`), and
coordinated ones (`"weak" and "disappointing"`) when a speech verb governs them. Session 7 (same day,
docs/sourcing_history.md "Quoted speech, session 7"): more reporting words (`blamed`, `argue`, `deemed`, `in the
words of`, ...), and coordinated short quotations are partial when their clause holds a speech verb or
attribution word (`Issa said Clinton's "judgment" and "honesty" are in question`) and the last of them
premodifies no label noun (`_coordinated_labels`).

`quote_share` gives, per article, the share of body words inside speech quotes (full and partial),
words being white-space separated tokens (`len(text.split())`). Column docs: docs/sourcing.md.
"""
from __future__ import annotations

import bisect
import re
import warnings
from functools import lru_cache
from typing import NamedTuple

import pandas as pd

from analysis import text as _text
from analysis.inputs import ARTICLES, takes
from analysis.resources import (
    DOUBLE_MARKS,
    SINGLE_MARKS,
    as_articles,
    merge_intervals,
    paragraphs,
    read_csv,
    trie_pattern,
    typed_frame,
    word_list,
)

QUOTE_COLUMNS = ["article_id", "paragraph", "start", "end", "text", "n_words", "kind", "quote_id",
                 "nested"]
MAX_CHARS = 2_000_000          # longer bodies are cut here (with a warning), never an error
SCARE_MAX_WORDS = 3
# the kinds of analysis/data/quote_words.csv the rules read (a row of another kind is an error)
QUOTE_WORD_KINDS = ("elision", "title_small_word", "label_noun", "work_noun", "attribution_word")



class Quote(NamedTuple):
    """One quotation (piece) of a body, as `article_quotes` finds it."""
    paragraph: int
    start: int                # the quoted words, without the marks (offsets into the paragraph)
    end: int
    text: str
    n_words: int
    kind: str                 # full / partial / scare
    quote_id: int             # pieces of one quotation share it
    open_mark: int            # offset of the opening mark
    close_mark: int | None    # offset of the closing mark (None: runs to the paragraph's end)
    nested: bool              # a quotation inside a quotation


# quotation marks: double-quote family (direction hint: 1 opens, -1 closes, 0 either way)
DOUBLE = DOUBLE_MARKS           # (names kept: quotes.DOUBLE / quotes.SINGLE)
SINGLE = SINGLE_MARKS
_DOUBLE_RE = re.compile("[" + "".join(DOUBLE) + "]")
_SINGLE_RE = re.compile("[" + "".join(SINGLE) + "]")
_ANY_MARK = re.compile("[" + "".join(DOUBLE) + "".join(SINGLE) + "]")
_OPEN_PREV = set("([{\u2014\u2013-/") | set(DOUBLE) | set(SINGLE)
_CLOSE_NEXT = set(".,;:!?)]}\u2014\u2013-/\u2026") | set(DOUBLE) | set(SINGLE)
_TERMINAL = re.compile(r"[.!?\u2026]['\"\u2019\u201d]?$")
_WORD = re.compile(r"[^\W\d_]")
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")


@lru_cache(maxsize=1)
def speech_verbs() -> dict[str, dict]:
    """The editable speech-verb list (analysis/data/speech_verbs.csv): form -> row."""
    return {r["form"].strip().lower(): r for r in read_csv("speech_verbs.csv") if r["form"].strip()}


@lru_cache(maxsize=1)
def abbreviations() -> frozenset:
    """Lower-case tokens of analysis/data/abbreviations.csv that abbreviate (sentence starters aside):
    a full stop after one of them does not end a name or a sentence."""
    return frozenset(r["token"].strip().lower() for r in read_csv("abbreviations.csv")
                     if r.get("kind") != "sentence_starter" and r.get("token"))


@lru_cache(maxsize=1)
def quote_words() -> dict[str, frozenset]:
    """The word lists of the quote rules (analysis/data/quote_words.csv), kinds checked on load."""
    return word_list("quote_words.csv", QUOTE_WORD_KINDS)


@lru_cache(maxsize=1)
def _cue_regex() -> re.Pattern:
    forms = [f for f, r in speech_verbs().items() if r.get("direct", "1") == "1"]
    return re.compile(r"(?<![\w-])" + trie_pattern(forms) + r"\b")


@lru_cache(maxsize=1)
def _after_cue() -> re.Pattern:
    """Right after a closing mark: an attribution by any direct speech verb of speech_verbs.csv
    (`"Quiet," he demanded`, `"Honestly," he continued`; before 2026-12-04 only said, told, added ...)."""
    forms = [f for f, r in speech_verbs().items() if r.get("direct", "1") == "1"]
    return re.compile(r"\s*[,\u2014-]?\s*(?:[\w.\u2019'-]+\s+){0,4}?" + trie_pattern(forms) + r"\b", re.IGNORECASE)


_SO_CALLED = re.compile(r"(?:so-called|so called|dubbed|nicknamed|titled|entitled|named|known as|"
                        r"term|word|phrase|label|slogan|motto|hashtag)\s*[\"'\u201c\u2018\u00ab]?$",
                        re.IGNORECASE)
# a speech verb (or "quote,") right before a quotation inside a quotation
_NESTED_CUE = re.compile(r"(?:\b(?:said|says|say|asked|ask|asks|replied|told|tell|answered|wrote|"
                         r"added|shouted|yelled)\b(?:\s+(?:that|me|him|her|us|them))?|\bquote)\s*[,:]?\s*$")
_LABEL_NOUNS = "|".join(sorted(quote_words()["label_noun"], key=lambda w: (-len(w), w)))
# right after the closing mark: at most two lower-case words, then a label noun (`" awareness campaign`)
_LABEL_AFTER = re.compile(r"\s+(?:[a-z][\w-]*\s+){0,2}?(?:" + _LABEL_NOUNS + r")s?\b(?!\s+(?:said|says|spokes))")
# right before the opening mark: a work noun (`podcast "`, `the book "`)
_WORK_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(quote_words()["work_noun"], key=lambda w: (-len(w), w)))
                          + r")\s*[,:]?\s*$")
_TITLE_WORD = re.compile(r"[^\W_][\w'\u2019-]*")
_COLON_COMMA_END = re.compile(r"[:,]\s*$")
# imagined or hypothetical speech inside a quotation (`I can't say 'I don't know …'`, `you might
# ask, 'why?'`): a modal or negated verb of saying; the guide gives such inner marks no row
_HYPOTHETICAL = re.compile(r"\b(?:(?:can|could|would|might|may|will|wo|should|must)(?:n?[\u2019']t|\s+not|not)?"
                           r"|(?:do|does|did)(?:n[\u2019']t|\s+not))\s+(?:\w+\s+)?(?:say|ask|tell|think)\b"
                           r"(?:\s+(?:that|me|him|her|us|them))?\s*[,:]?\s*$")
_SO_CALLED_MARKS = "\"'\u201c\u2018\u00ab"


def _ends_in_word(text: str, optional: str, finals: tuple[str, ...]) -> bool:
    """A necessary condition of the end-anchored patterns (`<word>\\s*[<optional>]?\\s*$`), cheap to
    test: after trailing white space and at most one of `optional`, the text ends in letters that
    end with one of `finals` (the last words the pattern can end with, lower case). Tested first, so
    that a body of 100,000 quotation marks does not run their searches at every mark."""
    tail = text[-80:].rstrip()
    if tail[-1:] and tail[-1] in optional:
        tail = tail[:-1].rstrip()
    start = len(tail)
    while start > 0 and tail[start - 1].isalpha():
        start -= 1
    return start < len(tail) and tail[start:].lower().endswith(finals)


_OBJECTS = ("that", "me", "him", "her", "us", "them")
_SO_CALLED_FINALS = ("called", "dubbed", "named", "titled", "as", "term", "word", "phrase", "label", "slogan",
                     "motto", "hashtag")
_NESTED_FINALS = ("said", "says", "say", "asked", "ask", "asks", "replied", "told", "tell", "answered", "wrote",
                  "added", "shouted", "yelled", "quote") + _OBJECTS
_SAY_FINALS = ("say", "ask", "tell", "think", "people", "you", "yourself") + _OBJECTS
_WORK_FINALS = tuple(sorted(quote_words()["work_noun"]))


def _so_called(before: str) -> bool:
    """`so-called "`, `dubbed '`: the words before the mark name a label (`_SO_CALLED`)."""
    return _ends_in_word(before[-40:], _SO_CALLED_MARKS, _SO_CALLED_FINALS) and bool(_SO_CALLED.search(before[-40:]))


_AND_OR = re.compile(r"\s*,?\s+(?:and|or)\s+")
_SMALL_WORDS = quote_words()["title_small_word"]


# ------------------------------------------------------------------------------ mark scanning
def _flanks(p: str, i: int) -> tuple[bool, bool]:
    """(can open, can close) for the mark at p[i], from the characters around it."""
    prev = p[i - 1] if i > 0 else " "
    nxt = p[i + 1] if i + 1 < len(p) else " "
    can_open = not nxt.isspace() and (prev.isspace() or prev in _OPEN_PREV)
    can_close = not prev.isspace() and (nxt.isspace() or nxt in _CLOSE_NEXT)
    return can_open, can_close


def _double_pairs(p: str) -> tuple[list[tuple[int, int]], int | None]:
    """Pairs (open_mark_index, close_mark_index) of double marks in a paragraph; and the index of a
    mark left open at the paragraph's end (None when all closed)."""
    pairs: list[tuple[int, int]] = []
    open_at: int | None = None
    for m in _DOUBLE_RE.finditer(p):
        i, hint = m.start(), DOUBLE[m.group()]
        can_open, can_close = _flanks(p, i)
        if open_at is None:
            if hint == 1 or (hint == 0 and can_open) or (hint == -1 and can_open and not can_close):
                open_at = i
            elif hint == 0 and not can_close and _DOUBLE_RE.search(p, i + 1):
                open_at = i                         # `said: " I went`: a spaced opening mark
            # else: a stray closing mark, ignored
        else:
            if hint == -1 or (hint == 0 and can_close) or (hint == 1 and can_close and not can_open):
                pairs.append((open_at, i))
                open_at = None
            elif hint == 0 and not can_open:
                pairs.append((open_at, i))          # `? " she said`: a spaced closing mark
                open_at = None
            else:
                # a new opening mark while a quote is open: the earlier quote never closed
                pairs.append((open_at, i))
                open_at = i
    return pairs, open_at


# two apostrophes in a row are a typewriter double quotation mark (the New York Times' archive style:
# `''We finally may be seeing ...,'' he wrote`); read as one `"` beside a space of the same width,
# on the side of the quoted words, so offsets into the paragraph stay those of the text
_TYPEWRITER_DOUBLE = "''"


def _marks_view(p: str) -> str:
    """The paragraph as the mark scanner reads it: each `''` becomes ` "` when it opens (white space,
    a bracket or dash before it, a non-space after it) and `" ` otherwise; same length as `p`."""
    if _TYPEWRITER_DOUBLE not in p:
        return p
    out, i, n = [], 0, len(p)
    while True:
        j = p.find(_TYPEWRITER_DOUBLE, i)
        if j < 0:
            out.append(p[i:])
            return "".join(out)
        out.append(p[i:j])
        prev = p[j - 1] if j > 0 else " "
        nxt = p[j + 2] if j + 2 < n else " "
        opens = not nxt.isspace() and (prev.isspace() or prev in _OPEN_PREV)
        out.append(' "' if opens else '" ')
        i = j + 2


def _is_apostrophe(p: str, i: int) -> bool:
    prev = p[i - 1] if i > 0 else " "
    nxt = p[i + 1] if i + 1 < len(p) else " "
    if _WORD.match(prev) and _WORD.match(nxt):          # Denmark’s, We’re
        return True
    if nxt.isdigit():                                    # ’90s
        return True
    if prev in "sS" and nxt == " " and i + 2 < len(p) and p[i + 2].islower():
        return True                                      # the ministers’ plan
    if not prev.isalnum() and not prev in "([\u201c\"\u2014 " and prev != " ":
        return False
    word = p[i:i + 8].split(" ")[0].lower().replace("\u2019", "'").replace("\u2018", "'")
    word = word.rstrip(".,;:!?")
    return word in quote_words()["elision"]


def _single_pairs(p: str) -> list[tuple[int, int]]:
    """Pairs of single quotation marks in a paragraph (apostrophes skipped; unclosed ones dropped)."""
    pairs, open_at = [], None
    for m in _SINGLE_RE.finditer(p):
        i, hint = m.start(), SINGLE[m.group()]
        if _is_apostrophe(p, i):
            continue
        can_open, can_close = _flanks(p, i)
        if open_at is None:
            if (hint == 1 and not (can_close and not can_open)) or (hint == 0 and can_open):
                open_at = i
        elif can_close and not (hint == 1 and can_open):
            pairs.append((open_at, i))
            open_at = None
        elif hint == 1 and can_open:
            open_at = i                                   # restart at a clear new opening mark
    return pairs


def _place_single_pairs(p: str, dspans: list[tuple[int, int]]) -> tuple[list, list, set]:
    """The single-mark pairs of a paragraph set against its double-mark spans `dspans` (in order,
    touching at most at their ends): (single pairs that are quotations, nested quotations, double
    spans that are the inner quotation of a single pair). A single pair inside a double quotation
    is a quote within a quote, kept (nested) only when the outer speaker quotes someone (`he said,
    'no'`); British style ‘He called it “a disaster”,’ makes the double pair the inner one; a single
    pair crossing a double quotation is skipped. Each pair looks only at the double spans around
    it (bisect), so the work is linear in the number of marks."""
    starts = [da for da, _ in dspans]
    singles, nested, dropped = [], [], set()
    for a, b in _single_pairs(p):
        k = bisect.bisect_left(starts, a)             # dspans[:k] start before the pair
        if k and b < dspans[k - 1][1]:                # inside the double quotation that opens before it
            lead = p[max(dspans[k - 1][0] + 1, a - 60):a]
            if _ends_in_word(lead, ",:", _NESTED_FINALS) and _NESTED_CUE.search(lead) \
                    and not (_ends_in_word(lead, ",:", _SAY_FINALS) and _HYPOTHETICAL.search(lead)):
                nested.append((a, b))
            continue
        around = dspans[max(k - 1, 0):bisect.bisect_right(starts, b)]     # every span that may overlap
        inside = [(da, db) for da, db in around if a < da and db < b]
        if any(not (b < da or a > db) for da, db in around if not (a < da and db < b)):
            continue                                  # crosses a double quotation
        singles.append((a, b))
        for da, db in inside:
            dropped.add((da, db))
            lead = p[max(a + 1, da - 60):da]
            if _ends_in_word(lead, ",:", _NESTED_FINALS) and _NESTED_CUE.search(lead):
                nested.append((da, db))
    return singles, nested, dropped


def _inner(p: str, a: int, b: int) -> tuple[int, int]:
    """Span between marks a and b (exclusive), white space trimmed."""
    s, e = a + 1, b
    while s < e and p[s].isspace():
        s += 1
    while e > s and p[e - 1].isspace():
        e -= 1
    return s, e


def mask_quotations(p: str, spans: list[tuple[int, int]]) -> str:
    """The paragraph with quoted words replaced by NUL (final punctuation kept for sentence ends)."""
    if not spans:
        return p
    chars = list(p)
    n = len(chars)
    for s, e in spans:
        last = e - 1 if e > s and p[e - 1] in ".!?,\u2026" else e
        if s < last <= n and s >= 0:
            chars[s:last] = "\x00" * (last - s)     # one slice instead of a loop over characters
        else:
            for k in range(s, last):
                chars[k] = "\x00"
    return "".join(chars)


_KNOWN_BOUNDS: dict[str, tuple] = {}     # masked paragraph -> its sentences (see paragraph_bounds)
_KNOWN_MAX = 50_000


def sentence_bounds(masked: str) -> tuple[tuple[int, int], ...]:
    """Sentence spans inside one (quote-masked) paragraph, from the kit's one sentence splitter
    (`analysis.text`: Punkt with the shared abbreviation list). Quoted words are masked (NUL) but
    their final punctuation is kept, so a quotation that ends a sentence still ends it and sentence
    ends inside a quotation do not count."""
    known = _KNOWN_BOUNDS.get(masked)
    if known is None:
        known = tuple(_text.sentence_spans(masked))
        _remember(masked, known)
    return known


def _remember(masked: str, bounds: tuple) -> None:
    if len(_KNOWN_BOUNDS) >= _KNOWN_MAX:
        _KNOWN_BOUNDS.clear()
    _KNOWN_BOUNDS[masked] = bounds


@lru_cache(maxsize=256)
def paragraph_bounds(text: str) -> tuple[tuple[tuple[int, int], ...], ...]:
    """Per paragraph of `text`, its sentences as offsets into the paragraph, from the article's
    (cached) `analysis.text.sentence_table`, so quotes, sourcing, readability and framing split once."""
    paras = paragraphs(text)
    starts, pos = [], 0
    for p in paras:
        starts.append(pos)
        pos += len(p) + 2
    out: list[list[tuple[int, int]]] = [[] for _ in paras]
    for pi, s, e in _text.sentence_table(text):
        out[pi].append((s - starts[pi], e - starts[pi]))
    return tuple(tuple(x) for x in out)


_CLOSERS = "\"'\u201d\u2019\u00bb)]"


def _ends_masked(masked: str, end: int) -> bool:
    """True when the sentence end before `end` was punctuation inside a (now masked) quotation."""
    k = end - 1
    while k > 0 and masked[k] in _CLOSERS:
        k -= 1
    return masked[k] == "\x00" if k >= 0 else False


def masked_bounds(masked: str, bounds: list[tuple[int, int]], spans) -> tuple[tuple[int, int], ...]:
    """The sentences of a paragraph with quotations masked: the paragraph's own sentences, joined where
    one starts inside a quotation (`spans`: (start, end) of the quoted words), remembered for
    `sentence_bounds(masked)`."""
    if not spans:
        got = tuple(bounds)
        _remember(masked, got)
        return got
    merged = merge_intervals(spans)             # the quotations as disjoint intervals, in order
    out: list[tuple[int, int]] = []
    j = 0
    for s, e in bounds:
        while j < len(merged) and merged[j][1] <= s:
            j += 1
        inside = j < len(merged) and merged[j][0] < s
        if out and (inside or _ends_masked(masked, out[-1][1])):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    got = tuple(out)
    _remember(masked, got)
    return got


def sentence_of(bounds, pos: int) -> tuple[int, int]:
    """The sentence (start, end) that holds `pos` (or ends right at it)."""
    if not bounds:
        return (0, 0)
    k = bisect.bisect_right(bounds, (pos, float("inf"))) - 1     # last sentence starting <= pos
    if k >= 0:
        s, e = bounds[k]
        if pos <= e:
            return s, e
        if k + 1 < len(bounds):
            return (0, bounds[-1][1])
    elif bounds[0][0] <= pos <= bounds[0][1]:
        return bounds[0]
    return (0, bounds[-1][1])


def _ends_in(text: str, chars: str) -> bool:
    """`re.search("[<chars>]$", text)` without scanning the text: the last character, or the one
    before a final newline (where `$` also matches), is one of `chars`."""
    if text.endswith("\n"):
        return (len(text) >= 2 and text[-2] in chars) or False
    return bool(text) and text[-1] in chars


def _is_title(text: str, most: int = 12) -> bool:
    words = []
    for m in _TITLE_WORD.finditer(text):          # a long quotation is no title: stop at `most` + 1 words
        if len(words) == most:
            return False
        words.append(m.group())
    signif = [w for w in words if w.lower() not in _SMALL_WORDS]
    return bool(signif) and all(w[0].isupper() or w[0].isdigit() for w in signif) and len(words) <= most


# the word right before a name's opening mark: a preposition (`on "Fox News Sunday."`, `to "Eye of
# the Tiger."`), a determiner (`the "Three Amigos."`) or a possessive (`MSNBC's "Morning Joe."`)
_NAME_SLOT = re.compile(r"(?:\b(?:on|of|to|in|at|for|with|about|by|the|his|her|their|its|our|"
                        r"my|your|this|that)|\w[\u2019']s)\s*$", re.IGNORECASE)
# imagined speech: a verb of saying with a generic `you` as subject (`you're terrified to say "yes."`,
# `if you tell people, "…"`) or after a modal of possibility or a negation (`I can't say "…"`); not
# `will` / `would` (`he will say "no"` predicts speech) nor `say that "…"` (a reported claim)
_IMAGINED = re.compile(r"(?:\byou(?:[\u2019'](?:re|ll|d|ve))?(?:\s+[\w\u2019']+){0,3}?"
                       r"|\b(?:can|could|might|may|should|must)(?:n?[\u2019']t|\s+not|not)?"
                       r"|\b(?:do|does|did)(?:n[\u2019']t|\s+not))"
                       r"\s+(?:say|ask|tell|think)\b(?:\s+(?:me|him|her|us|them|people|you|yourself))?"
                       r"\s*[,:]?\s*$", re.IGNORECASE)


def _not_speech(text: str, before: str, n: int) -> bool:
    """True for a quotation that quotes nobody (issue 13; PolNeAR's annotators mark none of these as
    speech): a title, show or nickname in Title Case (closing punctuation inside the marks allowed,
    but no `!` or `?`) in the slot of a name, right after a preposition, determiner or possessive;
    or imagined speech (`_IMAGINED`). Rules on the words around the marks only, none on outlets."""
    if n <= 12 and not _ends_in(text, "!?") and not before.endswith(":") \
            and _NAME_SLOT.search(before[-20:]) and _is_title(text.rstrip(",.\u2026")):
        return True
    return _ends_in_word(before, ",:", _SAY_FINALS) and bool(_IMAGINED.search(before[-60:]))


# right after the closing mark: a comma (inside or after the marks) or dash, `by` and a capitalised
# name: the byline of a headline or work (`"Matthew Morrison is leaving 'Neverland,'" by Times'
# Michael Paulson:`); without the comma `by` is a passive's agent (`"anointed" by God`)
_BYLINE_AFTER = re.compile(r"\s*([,\u2014\u2013]?)\s*by\s+[A-Z]")


def _names_a_work(text: str, before: str, after: str) -> bool:
    """True for the title of a headline or work followed by its byline, and for an attribute value
    of markup left in the text (`author="@realDonaldTrump"`): nobody's speech."""
    if before.endswith("="):
        return True
    byline = _BYLINE_AFTER.match(after)
    return byline is not None and (bool(byline.group(1)) or _ends_in(text.rstrip("\u2019'"), ","))


_UTTERANCE_BEFORE = frozenset(("", ":", ".", "!", "?", ";", "\u2014", "\u2013", "(", "["))


def _verb_comma(before: str) -> bool:
    """True when a speech verb and a comma stand right before the mark (`chanted, "Red for Ed,"`):
    the words are an utterance, not a title."""
    if not before.endswith(","):
        return False
    tail = before[-25:-1].rstrip()
    m = None
    for m in _cue_regex().finditer(tail):
        pass
    return m is not None and m.end() == len(tail)


_WORDS_COUNTED = 21


def _classify(p: str, masked: str, bounds, s: int, e: int, a: int, b: int | None,
              continued: bool, cue_in: dict) -> str:
    """`full`, `partial` or `scare` for the quote p[s:e] with marks at a (and b). `cue_in` remembers,
    per sentence of the paragraph, whether it has a speech verb (one scan per sentence, not per
    quote: a one-sentence paragraph of 50,000 quotes stays linear)."""
    text = p[s:e]
    if continued:
        return "full"
    if not _LETTER_OR_DIGIT.search(text):
        return "scare"          # marks and punctuation only (`"?"`, a wall of marks): no words quoted
    # the number of words, counted up to _WORDS_COUNTED (every rule below compares it with 20 or less)
    n = len(text.split(None, _WORDS_COUNTED))
    before = masked[max(0, a - 300):a].rstrip()
    prev_char = before[-1:] if before else ""
    first = text[:1]
    starts_cap = bool(first) and (first.isupper() or first.isdigit() or first in "\u2018'\u201c\"(")
    after = masked[b + 1:b + 300] if b is not None else ""
    ends_punct = _ends_in(text, ".!?,\u2026")
    sent = sentence_of(bounds, a)
    has_cue = cue_in.get(sent)
    if has_cue is None:
        has_cue = cue_in[sent] = bool(_cue_regex().search(masked[sent[0]:sent[1]].replace("\x00", " ")))
    # the mark opens an utterance: it follows a sentence end, colon, dash, bracket or another mark
    opens_utterance = prev_char in _UTTERANCE_BEFORE or prev_char in DOUBLE or prev_char in SINGLE
    # `the "one country, two systems" formula`, `the "Meth. We're on it." campaign`: a name
    # that premodifies a label noun; `their podcast "Beyond Finances."`: a title after a work noun
    if n <= 12 and not _ends_in(text, ",") and _LABEL_AFTER.match(after):
        return "scare"
    if _not_speech(text, before, n) or _names_a_work(text, before, after):
        return "scare"
    if n <= 20 and _ends_in_word(before, ",:", _WORK_FINALS) and _WORK_BEFORE.search(before[-30:]) and _is_title(text.rstrip(",.!?\u2026"), 20):
        return "scare"
    # titles of works, events, products in Title Case without end punctuation
    if not _ends_in(text, ".!?\u2026") and _is_title(text.rstrip(",")) and not before.endswith(":") \
            and not (opens_utterance and _after_cue().match(after)) \
            and not _verb_comma(before):
        mid_sentence = not (opens_utterance or prev_char == ",")
        if n <= 12 and (n <= SCARE_MAX_WORDS or not has_cue or mid_sentence
                        or _so_called(before)):
            return "scare"
    if not has_cue and text.endswith(".") and n >= 2 and _is_title(text.rstrip(".")) \
            and prev_char.isalpha():
        # `just tick "10 Things in Tech You Need to Know."`: a Title Case name inside the reporter's
        # sentence, its full stop the sentence's own
        return "scare"
    boundary_before = opens_utterance or (prev_char == "," and bool(_cue_regex().search(before[-40:])))
    stands_alone = starts_cap and boundary_before
    if n <= SCARE_MAX_WORDS:
        if _so_called(before):
            return "scare"
        if stands_alone and (ends_punct or _after_cue().match(after) or before.endswith(":")):
            return "full"
        return "partial" if has_cue or _attributed(masked, sent, cue_in) else "scare"
    return "full" if stands_alone else "partial"


# ------------------------------------------------------------------------------ per article
def clean_body(text) -> str:
    if not isinstance(text, str):
        return ""
    if len(text) > MAX_CHARS:
        warnings.warn(f"article text of {len(text)} characters cut to {MAX_CHARS} for quote search",
                      stacklevel=3)
        text = text[:MAX_CHARS]
    return text


_MASKED: dict[str, tuple] = {}      # body -> (masked paragraphs, their sentences), see masked_paragraphs
_MASKED_MAX = 2048                  # as many bodies as the article_quotes cache


def masked_paragraphs(text: str) -> tuple[tuple[str, ...], tuple]:
    """The paragraphs of a body with its quotations masked (`mask_quotations`) and their sentences
    (`masked_bounds`), as `article_quotes(text)` left them (taken once, so the attribution step does
    not mask and join sentences again), else computed from its quotes."""
    got = _MASKED.pop(text, None)
    if got is None:
        quotes_ = article_quotes(text)
        got = _MASKED.pop(text, None)
        if got is None:                          # article_quotes came from its cache: mask again
            by_para: dict[int, list] = {}
            for q in quotes_:
                by_para.setdefault(q.paragraph, []).append((q.start, q.end))
            para_bounds = paragraph_bounds(text)
            masks = tuple(mask_quotations(_marks_view(p), by_para.get(i, [])) for i, p in enumerate(paragraphs(text)))
            got = (masks, tuple(masked_bounds(m, para_bounds[i], by_para.get(i, []))
                                for i, m in enumerate(masks)))
            return got
    for m, b in zip(*got):                       # the sentences stay known to sentence_bounds(masked)
        _remember(m, b)
    return got


@lru_cache(maxsize=2048)
def article_quotes(text: str) -> tuple[Quote, ...]:
    """Quotes of one body (`Quote` records), in order of paragraph and start."""
    paras = paragraphs(text)
    para_bounds = paragraph_bounds(text)
    out: list[Quote] = []
    qid = -1
    carry = False           # previous paragraph left a double quote open
    masks: list[str] = []
    all_bounds: list[tuple] = []
    views: list[str] = []  # the paragraphs as the mark scanner reads them (`_marks_view`)
    for pi, source in enumerate(paras):
        if not _ANY_MARK.search(source):        # no quotation mark: nothing to pair, mask or classify
            views.append(source)
            masks.append(source)
            all_bounds.append(masked_bounds(source, para_bounds[pi], []))
            carry = False
            continue
        p = _marks_view(source) if _TYPEWRITER_DOUBLE in source else source
        views.append(p)
        pairs, left_open = _double_pairs(p)
        stripped = p.lstrip()
        starts_open = bool(stripped) and stripped[0] in DOUBLE and DOUBLE[stripped[0]] >= 0
        continued_first = carry and starts_open
        spans = []          # (open, close or None)
        spans += [(a, b) for a, b in pairs]
        if left_open is not None:
            spans.append((left_open, None))
        singles, nested, dropped = _place_single_pairs(p, [(a, b if b is not None else len(p)) for a, b in spans])
        if dropped:
            spans = [x for x in spans if (x[0], x[1] if x[1] is not None else len(p)) not in dropped]
        spans += singles
        spans.sort()
        inner = []
        for a, b in spans:
            s, e = _inner(p, a, b if b is not None else len(p))
            if e > s:
                inner.append((a, b, s, e))
        masked = mask_quotations(p, [(s, e) for _, _, s, e in inner])
        bounds = masked_bounds(masked, para_bounds[pi], [(s, e) for _, _, s, e in inner])
        masks.append(masked)
        all_bounds.append(bounds)
        prev_end, prev_kind_id = None, None
        cue_in: dict = {}
        for k, (a, b, s, e) in enumerate(inner):
            cont = continued_first and k == 0 and a == len(p) - len(stripped)
            kind = _classify(p, masked, bounds, s, e, a, b, cont, cue_in)
            if cont:
                this_id = qid
            elif prev_end is not None and _interrupted(p, masked, prev_end, a, out[-1].text):
                this_id = prev_kind_id
                if kind == "partial" and out[-1].kind == "full":
                    kind = "full"
            else:
                qid += 1
                this_id = qid
            out.append(Quote(pi, s, e, source[s:e], len(source[s:e].split()), kind, this_id, a, b, False))
            prev_end, prev_kind_id = (b if b is not None else len(p)), this_id
        for a, b in nested:
            s, e = _inner(p, a, b)
            if e <= s:
                continue
            first = p[s]
            kind = "full" if (first.isupper() and _COLON_COMMA_END.search(p[:a])) else "partial"
            qid += 1
            out.append(Quote(pi, s, e, source[s:e], len(source[s:e].split()), kind, qid, a, b, True))
        carry = left_open is not None
    out.sort(key=lambda q: (q.paragraph, q.start))
    _coordinated_labels(out, views, masks, all_bounds)
    _repeated_headings(views, out)
    if len(_MASKED) >= _MASKED_MAX:
        _MASKED.clear()
    _MASKED[text] = (tuple(masks), tuple(all_bounds))
    return tuple(out)


def _coordinated_labels(out: list[Quote], views: list[str], masks: list[str], all_bounds: list) -> None:
    """Mark `scare` (in place) short quotations coordinated with each other (`“severe” or “emergency”
    levels`, `to “taste” and “smell”`): terms or labels, not words of a speaker, unless the sentence
    attributes them: a speech verb or attribution word just before them (`called the president "weak"
    and "disappointing."`, `calling it “meritless” and “improper”`, `referred to immigrants as
    “criminals” and “rapists”`) or in the clause that holds them (`Issa said Clinton's “judgment” and
    “honesty” are in question`, `stated that Trump's “divisive” and “mean-spirited” comments`; since
    2026-12-04) when the last of them premodifies no label noun (`warned that pollution will reach
    “severe” or “emergency” levels` stays scare)."""
    for k in range(len(out) - 1):
        x, y = out[k], out[k + 1]
        if x.paragraph == y.paragraph and x.n_words <= SCARE_MAX_WORDS and y.n_words <= SCARE_MAX_WORDS \
                and x.close_mark is not None and x.kind != "full" and y.kind != "full" and not x.nested \
                and not y.nested and _AND_OR.fullmatch(views[x.paragraph], x.close_mark + 1, y.open_mark):
            masked = masks[x.paragraph]
            if _cue_before(masked, x.open_mark):
                continue
            after = masked[y.close_mark + 1:y.close_mark + 80] if y.close_mark is not None else ""
            if _cue_in_clause(masked, all_bounds[x.paragraph], x.open_mark) and not _LABEL_AFTER.match(after):
                continue
            out[k] = x._replace(kind="scare")
            out[k + 1] = y._replace(kind="scare")


_CLAUSE_BREAK = re.compile(r"[,;:\u2014\u2013(]")


def _cue_in_clause(masked: str, bounds, mark: int) -> bool:
    """True when a speech verb or attribution word (`_attribution_regex`) stands in the sentence before
    `mark`, after its last comma, semicolon, colon, dash or bracket (`Issa said Clinton's “`, not `As
    Herbert notes, being able to “`)."""
    start = sentence_of(bounds, mark)[0]
    lead = masked[start:mark]
    cut = None
    for cut in _CLAUSE_BREAK.finditer(lead):
        pass
    if cut is not None:
        lead = lead[cut.end():]
    return bool(_attribution_regex().search(lead.replace("\x00", " ")))


_CUE_WORDS = 5          # words before a coordinated quotation where a speech verb attributes it
_CUE_LEAD = re.compile(r"(?:[^\s,;:.!?\x00]+\s+){0,%d}[^\s,;:.!?\x00]*\s*$" % (_CUE_WORDS - 1))


def _cue_before(masked: str, mark: int) -> bool:
    """True when a speech verb (analysis/data/speech_verbs.csv, any form) governs the quotation: it
    stands among the last `_CUE_WORDS` words before the mark, with no punctuation and no `that`
    between (`He called anti-Trump protestors "`, `calling it "`, `referred to immigrants as "`);
    not `forecasters warning that air pollution is likely to reach "` or `as Herbert notes, being
    able to "` (a reported clause or an aside: the quoted words are labels of the reporter's)."""
    lead = _CUE_LEAD.search(masked[max(0, mark - 80):mark]).group()
    m = None
    for m in _attribution_regex().finditer(lead):
        pass
    return m is not None and not re.search(r"\bthat\b", lead[m.end():], re.IGNORECASE)


def _attributed(masked: str, sent: tuple[int, int], cue_in: dict) -> bool:
    """True when the sentence `sent` holds a speech verb of any form (speech_verbs.csv, reported
    ones too) or an attribution word (quote_words.csv): a short quotation there is someone's words
    (`the 1999 admission that he was "very pro-choice,"`). Once per sentence (`cue_in`)."""
    key = ("attributed", sent)
    got = cue_in.get(key)
    if got is None:
        got = cue_in[key] = bool(_attribution_regex().search(masked[sent[0]:sent[1]].replace("\x00", " ")))
    return got


@lru_cache(maxsize=1)
def _attribution_regex() -> re.Pattern:
    words = set(speech_verbs()) | quote_words()["attribution_word"]
    return re.compile(r"(?<![\w-])" + trie_pattern(sorted(words)) + r"\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _any_cue_regex() -> re.Pattern:
    return re.compile(r"(?<![\w-])" + trie_pattern(list(speech_verbs())) + r"\b", re.IGNORECASE)


_HEADING_WORDS = (3, 20)                    # words of a heading that repeats a quotation
_NORM_WORD = re.compile(r"[^\W_][\w'\u2019-]*")
_AROUND_HEADING = " \t.,;:!?\u2026\u2014\u2013-"


def _norm_words(text: str) -> tuple[str, ...]:
    return tuple(w.replace("\u2019", "'") for w in _NORM_WORD.findall(text.lower()))


def _bare_around(p: str, open_mark: int, close_mark: int) -> bool:
    """True when nothing but `_AROUND_HEADING` characters stands in `p` before `open_mark` and
    after `close_mark`; read outward from the marks, so a quote in one long paragraph costs what
    its neighbours cost (slicing the paragraph's head and tail made it quadratic)."""
    for i in range(open_mark - 1, -1, -1):
        if p[i] not in _AROUND_HEADING:
            return False
    for i in range(close_mark + 1, len(p)):
        if p[i] not in _AROUND_HEADING:
            return False
    return True


def _repeated_headings(paras: list[str], out: list[Quote]) -> None:
    """Mark `scare` (in place) every quotation that is a paragraph on its own (nothing outside its
    marks but punctuation; not an interrupted utterance ending in a dash or ellipsis, not followed
    by a paragraph that attributes it, `- Sanders.`), 3-20 words, whose words stand in the same order inside a longer
    quotation of the article: a sub-heading or pull quote repeating words quoted in full elsewhere
    (counted once, where they are attributed). Linear: one pass over the article's quoted words
    per heading length."""
    headings: dict[int, list[int]] = {}     # words -> indexes into `out`
    words = [None] * len(out)
    for k, q in enumerate(out):
        p = paras[q.paragraph]
        if q.kind == "scare" or q.nested or q.close_mark is None or \
                not _bare_around(p, q.open_mark, q.close_mark):
            continue
        nxt = paras[q.paragraph + 1].lstrip() if q.paragraph + 1 < len(paras) else ""
        if q.text.rstrip(".").endswith(("-", "\u2014", "\u2013", "\u2026", "...")) or nxt[:1] in "-\u2014\u2013\u2015":
            continue                        # an interrupted utterance; a quote attributed below (`- Sanders.`)
        words[k] = _norm_words(q.text)
        if _HEADING_WORDS[0] <= len(words[k]) <= _HEADING_WORDS[1]:
            headings.setdefault(len(words[k]), []).append(k)
    for size, ks in headings.items():
        grams = set()
        for k, q in enumerate(out):
            if q.n_words > size:
                w = words[k] if words[k] is not None else _norm_words(q.text)
                words[k] = w
                grams.update(w[i:i + size] for i in range(len(w) - size + 1))
        for k in ks:
            if words[k] in grams:
                out[k] = out[k]._replace(kind="scare")


def _interrupted(p: str, masked: str, prev_close: int, next_open: int, prev_text: str) -> bool:
    """True when only an attribution (`, she said,`) separates two quote pieces of one sentence."""
    between = masked[prev_close + 1:next_open]
    if not prev_text.endswith(",") and not prev_text.endswith("\u2014"):
        return False
    if "\x00" in between or len(between.split()) > 10 or not between.rstrip().endswith(","):
        return False
    return bool(_cue_regex().search(between))


@takes(ARTICLES)
def find_quotes(articles) -> pd.DataFrame:
    """One row per quotation (piece) in each body: paragraph, character span (without the marks,
    offsets into the paragraph), text, white-space word count, kind (full/partial/scare), quote_id."""
    articles = as_articles(articles)
    rows = []
    for aid, text in zip(articles["article_id"].tolist(), articles["text"].tolist()):
        text = clean_body(text)
        if not text.strip():
            continue
        for q in article_quotes(text):
            rows.append((aid, *q[:7], q.nested))
    return typed_frame(rows, QUOTE_COLUMNS, {"paragraph": "int64", "start": "int64", "end": "int64",
                                             "n_words": "int64", "quote_id": "int64", "nested": bool})


def quoted_words(text: str) -> int:
    """Words (white-space split) inside speech quotes (full and partial) of one body."""
    return sum(q.n_words for q in article_quotes(text) if q.kind != "scare" and not q.nested)


# names that moved out of this module (issue 12), still reachable as `quotes.<name>` for notebooks
# and scripts written before: the import happens on first access, never when `quotes` is imported
_MOVED = {"quote_share": "analysis.sourcing", "QUOTE_SHARE_COLUMNS": "analysis.sourcing",
          "load_gold": "analysis.evaluation", "quotes_with_speakers": "analysis.evaluation",
          "match_quotes": "analysis.evaluation", "speaker_matches": "analysis.evaluation",
          "evaluate": "analysis.evaluation", "GOLD_PATH": "analysis.evaluation"}


def __getattr__(name: str):
    if name in _MOVED:
        import importlib

        return getattr(importlib.import_module(_MOVED[name]), name)
    raise AttributeError(f"module 'analysis.quotes' has no attribute {name!r}")

"""Scans for a literal word in an article that give exactly what a regular expression built around
that word gives (`re.finditer` of a pattern with the word escaped in it), found with `str.find` and
a few fixed patterns instead: the word differs per call (a head noun, a surname, a place name), so the
per-word pattern was compiled again for each new word (a corpus keeps naming new people) and tried at
every position of the article. tests/test_sourcing_srcspeed22.py checks each against its pattern.
"""
from __future__ import annotations

import re
from typing import NamedTuple


class TextSpan(NamedTuple):
    """A stretch of the article: where it starts and ends, and its text (`re.Match.span()` + group)."""
    start: int
    end: int
    text: str

# `\b(?:[Aa]n?|[Oo]ne)` written with the word-boundary check after each first letter (the same
# matches): the pattern then starts with the literals A, a, O, o, which the regex engine skips to
_INDEFINITE_START = r"(?:A(?<!\wA)n?|a(?<!\wa)n?|O(?<!\wO)ne|o(?<!\wo)ne)"
_INDEFINITE_ARTICLE = re.compile(_INDEFINITE_START + r"\s+")
_GAP_WORD = re.compile(r"[\w\u2019'-]+\s+")
_BOUNDARY = re.compile(r"\b")


def indefinite_spans(head: str, text: str) -> list[TextSpan]:
    """(start, end, text) of every `a/an/one ... <head>` in `text` with up to three words between
    (`a senior campaign official`), as `re.finditer` of the pattern
    `\b(?:[Aa]n?|[Oo]ne)\s+(?:[\w\u2019'-]+\s+){0,3}?<head>\b` gives them (leftmost, fewest words
    between, no overlaps), without compiling a pattern per head word: the article is found by one
    pattern, then each of the next four word starts is tested for the head (a head that could start
    inside the white space, none or one opening with a space, takes the compiled pattern)."""
    if not head or head[0].isspace():
        return pattern_spans(re.compile(_INDEFINITE_START + r"\s+(?:[\w\u2019'-]+\s+){0,3}?"
                                        + re.escape(head) + r"\b"), text)
    out = []
    pos = 0
    while True:
        m = _INDEFINITE_ARTICLE.search(text, pos)
        if m is None:
            return out
        end = _head_end(text, m.end(), head)
        if end < 0:
            pos = m.start() + 1
        else:
            out.append(TextSpan(m.start(), end, text[m.start():end]))
            pos = end


def _head_end(text: str, at: int, head: str) -> int:
    """Where `head` ends when it starts at `at` or after one, two or three words (each followed by
    white space) and a word boundary follows it; else -1."""
    for _ in range(4):
        if text.startswith(head, at) and _BOUNDARY.match(text, at + len(head)):
            return at + len(head)
        gap = _GAP_WORD.match(text, at)
        if gap is None:
            return -1
        at = gap.end()
    return -1


_SETTLEMENT_WORDS = ("city", "town", "village", "suburb")


def settlement_named(text: str, name: str) -> bool:
    """True when `text` writes `the city (town, village, suburb) of <name>`: what
    `re.search(r"\b(?:city|town|village|suburb) of <name>\b", text)` finds, found from the
    occurrences of ` of <name>` (`str.find`) without compiling a pattern per name."""
    needle = " of " + name
    j = text.find(needle)
    while j >= 0:
        if _BOUNDARY.match(text, j + len(needle)):
            for word in _SETTLEMENT_WORDS:
                if text.endswith(word, 0, j) and _BOUNDARY.match(text, j - len(word)):
                    return True
        j = text.find(needle, j + 1)
    return False


def pattern_spans(pattern: re.Pattern, text: str) -> list[TextSpan]:
    """(start, end, text) of every match of `pattern` in `text`."""
    return [TextSpan(m.start(), m.end(), m.group()) for m in pattern.finditer(text)]


def first_names_before(surname: str, text: str) -> list[str]:
    """The capitalised word right before each `surname` of `text`, a middle initial between them
    allowed (`Joe Manchin`, `Paul D. Ryan`): the groups `re.finditer` of
    `\b([A-Z][a-z]+)\s+(?:[A-Z]\.\s+)?<surname>\b` gives (no overlaps), found from the surname's
    occurrences (`str.find`) back, without compiling a pattern per surname (a corpus keeps naming
    new people) or trying it at every capital of the article."""
    out = []
    taken = 0                               # where the last match ended: matches do not overlap
    j = text.find(surname)
    while j >= 0:
        end = j + len(surname)
        if _BOUNDARY.match(text, end):
            word = _first_name_span(text, j)
            if word is not None and word[0] >= taken:
                out.append(text[word[0]:word[1]])
                taken = end
        j = text.find(surname, j + 1)
    return out


def _first_name_span(text: str, j: int) -> tuple[int, int] | None:
    """(start, end) of the `[A-Z][a-z]+` word, at a word boundary, that stands before offset `j`
    across white space, a middle initial (`D.` and white space) between them allowed; else None."""
    k = j
    while k > 0 and text[k - 1].isspace():
        k -= 1
    if k == j:
        return None
    if k >= 2 and text[k - 1] == "." and "A" <= text[k - 2] <= "Z":
        initial = k = k - 2                  # a middle initial: white space before it, then the word
        while k > 0 and text[k - 1].isspace():
            k -= 1
        if k == initial:
            return None
    i = k
    while i > 0 and "a" <= text[i - 1] <= "z":
        i -= 1
    if i == k or i == 0 or not "A" <= text[i - 1] <= "Z" or not _BOUNDARY.match(text, i - 1):
        return None
    return i - 1, k

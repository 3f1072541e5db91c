"""Tests on a person's name words that the article registry (analysis/sourcing/registry.py) uses
to decide which registered person a name is: its surname (`last_name`), a courtesy title's gender, a
known first name or initial opening it, which of one surname's people a full name names
(`same_person`, `named_in_full`), whether a longer form may replace it; with `WEEKDAY` / `CALENDAR`
(a month or weekday is no first name)."""
from __future__ import annotations

import re
from functools import lru_cache

from analysis.resources import word_list
from analysis.sourcing.lexicon import MONTHS, WEEKDAYS, clean_word, cue_hits, kind_words
from analysis.sourcing.firstnames import known_first_name
from analysis.sourcing.records import Person

WEEKDAY = re.compile(r"^(?:" + WEEKDAYS + r")$")
CALENDAR = re.compile(r"^(?:" + WEEKDAYS + r")$|^(?:" + MONTHS + r")$")


def last_name(words: list[str]) -> str:
    """The surname of a name: its last word, generational suffixes (`Jr.`, `III`) skipped."""
    if len(words) > 1 and words[-1].rstrip(".,").lower() in kind_words("name_suffix"):
        return words[-2].rstrip(",")
    return words[-1]


@lru_cache(maxsize=1)
def regnal_titles() -> frozenset:
    """Lower-case titles of analysis/data/name_titles.csv (`prince`, `pope`, `queen` ...)."""
    return word_list("name_titles.csv", ("regnal_title",))["regnal_title"]


def courtesy_gender(words: list[str]) -> str | None:
    """`m` for Mr., `f` for Mrs. / Ms. / Miss among a name's words, else None."""
    for w in words:
        low = w.lower().rstrip(".")
        if low == "mr":
            return "m"
        if low in ("mrs", "ms", "miss"):
            return "f"
    return None


def taxonomy_org_word(word: str) -> bool:
    """True for an organisation word of the source-type taxonomy (`Foundation`, `University`)."""
    return any(h[2]["kind"] == "org" for h in cue_hits([clean_word(word)]))


def opens_with_first_name(words: list[str]) -> bool:
    """True when a name of two or more words opens with a first name the name list knows or an
    initial (not a month or weekday: `June Trump` is `in June Trump said`)."""
    return len(words) > 1 and not CALENDAR.match(words[0]) and \
        (bool(_INITIAL_WORD.match(words[0])) or known_first_name(words[0]))


def _given(name_words) -> set[str]:
    """The lower-case words of a name before its surname, full stops dropped (`Donald J.` -> donald, j)."""
    return {w.rstrip(".,").lower() for w in name_words[:-1]}


def same_person(people: list[Person], words: list[str]) -> Person | None:
    """The person among those of one surname that a full name names: one whose first name is among
    the name's words before the surname, or whose words before it hold the name's first name
    (`Hillary Clinton` and `Hillary Rodham Clinton`, `Street Donald Trump` and `Donald Trump`); else
    the only one named by surname alone, when no other has a first name."""
    first = words[0].rstrip(".,").lower()
    given = _given(words)
    single = None
    for p in people:
        pw = p.name.split()
        if len(pw) == 1:
            single = single or p
            continue
        if pw[0].rstrip(".,").lower() in given or first in _given(pw):
            return p
    if single is not None and all(len(p.name.split()) == 1 for p in people):
        return single
    return None


def named_in_full(people: list[Person], run, i: int) -> Person | None:
    """The person whose words before the surname include the word before run[i] (a mention by full
    name: `Bill Clinton`, `Donald J. Trump`), else None."""
    if i == 0:
        return None
    before = run[i - 1][0].rstrip(".,").lower()
    for p in people:
        pw = p.name.split()
        if len(pw) > 1 and before in _given(pw):
            return p
    return None


def first_name_for_word(words: list[str], name_words: list[str]) -> bool:
    """True when a name of two to four words with the same surname opens with a first name where
    the registered name opens with a word that is none (a headline's title or words: `AG Mukasey` is
    `Michael Mukasey`, `Woman Reveals Stunning Thing Trump` is `Donald Trump`)."""
    return 2 <= len(words) <= 4 and len(name_words) >= 2 and words[-1] == name_words[-1] and \
        opens_with_first_name(words) and not opens_with_first_name(name_words)


def plausible_longer(words: list[str], name: str) -> bool:
    """A longer form may replace a person's name when it is at most four words and its first word is
    a first name the name list knows, an initial or a title-less capitalised word of an existing
    two-word name (not `Maybe Trump`, `Hillary Clinton Slams Donald Trump`, headline fragments)."""
    if len(words) > 4:
        return False
    first = words[0]
    if len(name.split()) > 1 and first != name.split()[0] and not known_first_name(first) \
            and not _INITIAL_WORD.match(first):
        # a two-word name grows only at its first name's place or with a first name before it
        # (`Hillary Rodham Clinton`, `Donald J. Trump`), not with headline words (`Difference
        # Between Bernie Sanders`, `Street Donald Trump`)
        return False
    return bool(_INITIAL_WORD.match(first)) or known_first_name(first) or len(name.split()) > 1


_INITIAL_WORD = re.compile(r"^[A-Z]\.$")
STATE_TAIL = re.compile(r"^(?:[RDI]\.?|[A-Z][a-z]{1,4}\.)$")     # Wendy Nanney R., Sander M. Levin Mich.

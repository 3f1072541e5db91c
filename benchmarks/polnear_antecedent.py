"""Does PolNeAR's guess at the name behind a `he` / `she` source agree with the pronoun? (session 12)

PolNeAR (Newell, Margolin & Ruths 2018) gives each pronoun source a `prev_named_source`, the named
source its annotation tool found before the pronoun: a guess, not the annotators' reading (about 1 in 4
wrong by ../shared/external/README.md; session 11 read 40 dev he / she "errors" by hand and found the
kit right and the guess wrong in 31). A `he` or `she` names one person of that gender, so a guess that
is a group (`many Americans`, `Both Palmer and Sherman`, `both the national teachers unions and ...`),
an outlet or an organisation (`The New York Times`, `Right Wing Watch`), or a person of the other
gender cannot be the pronoun's antecedent (agreement in number and gender: Lappin & Leass 1994, the
morphological filter of their pronoun resolution algorithm; Hobbs 1978 likewise).

`guess_agreement` reads only the gold guess and the article's text, never the kit, and says whether
the guess is shown to agree with the pronoun:

- `agrees`: the guess is one person whose gender the text shows to be the pronoun's: a courtesy title
  in the guess (Mr. / Mrs. / Ms. / Miss), else a first name in the guess that gender-guesser is sure of
  (`firstnames.first_name_gender`, the same test `validate_polnear.source_kind` applies to the guess's
  first word: here any capitalised word followed by another capitalised word, `Republican Donald
  Trump`, `Rep. Steve Israel`), else, for a surname alone (`Trump`, `Bennett`), the full names the
  article writes with that surname (`Donald Trump`), when their first names all give one gender;
- `contradicts`: that evidence gives the other gender;
- `group`: the guess is a plural or a conjunction (a quantifier or `both` first, an ` and `, a phrase
  starting with a preposition), so no he / she can refer to it;
- `unknown`: no evidence either way (`The New York Times`, `Right Wing Watch`, `Madison`, or a surname
  the article never writes with a first name of a sure gender): the guess's gender is not shown.

The validator's headline he / she figure is unchanged; it prints beside it the accuracy on the rows
whose guess `agrees` (`speaker_pronoun_agreeing`), a measure where the guess is shown to be a possible
antecedent. Rows without such evidence are left out, whichever way the kit read them.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.sourcing.firstnames import first_name_gender, leaning_first_name_gender  # noqa: E402

_TITLES = {"mr": "male", "mrs": "female", "ms": "female", "miss": "female"}
_PLURAL_FIRST = frozenset("both many some most several all few these those two three four".split())
_PREPOSITIONS = frozenset("by from of to in on at with for".split())
_CAP = re.compile(r"[A-Z][\w\u2019'.-]*")
_INITIAL = re.compile(r"[A-Z]\.")
_SUFFIXES = frozenset("jr sr ii iii iv".split())


def _head(ref: str) -> str:
    """The guess before any appositive comma or bracket: `Neera Tanden, a Clinton supporter` -> `Neera Tanden`."""
    return re.split(r",| --|\u2014", re.sub(r"\([^)]*\)", " ", ref))[0].strip()


def _name_gender(first: str) -> str | None:
    """A first name's gender by gender-guesser: a sure one, else one its US column leans to (`Bernie`)."""
    return first_name_gender(first) or leaning_first_name_gender(first)


def _title_or_first_name(words: list[str], text: str) -> set[str]:
    """Genders shown by a courtesy title anywhere in the guess, or by the first name of the name it ends
    on: the word before the last of its final run of capitalised words (`Republican Donald Trump`,
    `Rep. Steve Israel`), or the one before that when the middle is an initial or a first name too
    (`Harry B. Harris`, `Christine Todd Whitman`);
    never an earlier word (`New York Police Department`: `York` is not a first name there), and not when
    the article writes the last word in lower case (`The New York Times`: `times` is a word, no surname)."""
    found = {_TITLES[w.rstrip(".").lower()] for w in words if w.rstrip(".").lower() in _TITLES}
    run = []
    for w in words:
        run = run + [w] if _CAP.fullmatch(w) else []
    while run and run[-1].rstrip(".").lower() in _SUFFIXES:
        run = run[:-1]
    if len(run) >= 2 and not found and not _lower_case_word(run[-1], text):
        middle = len(run) >= 3 and (_INITIAL.fullmatch(run[-2]) or _name_gender(run[-2]) and _name_gender(run[-3]))
        first = run[-3] if middle else run[-2]
        g = _name_gender(first)
        if g is not None:
            found.add(g)
    return found


def _lower_case_word(word: str, text: str) -> bool:
    """True when the article writes `word` in lower case somewhere (a word, not only a name)."""
    return re.search(r"\b" + re.escape(word.rstrip(".").lower()) + r"\b", text) is not None


def _surname_genders(surname: str, text: str) -> set[str]:
    """Genders of the first names the article writes before `surname` (`Donald Trump`, `Donald J.
    Trump`), for a surname the article never writes in lower case (`Times`, `Post` are words)."""
    if not surname[:1].isupper() or _lower_case_word(surname, text):
        return set()
    found = set()
    for m in re.finditer(r"\b([A-Z][a-z]+)\s+(?:[A-Z]\.\s+)?" + re.escape(surname) + r"\b", text):
        g = _name_gender(m.group(1))
        if g is not None:
            found.add(g)
    return found


def guess_agreement(pronoun: str, ref: str | None, text: str) -> str:
    """`agrees`, `contradicts`, `group` or `unknown` for PolNeAR's guess `ref` behind `pronoun` (he / she)
    in the article `text` (see the module docstring)."""
    want = "male" if pronoun.strip().lower() == "he" else "female"
    head = _head(ref or "")
    words = head.split()
    if not words:
        return "unknown"
    if words[0].lower() in _PLURAL_FIRST or words[0] in _PREPOSITIONS or " and " in f" {head} " or "&" in words:
        return "group"
    genders = _title_or_first_name(words, text)
    if not genders:
        genders = _surname_genders(re.sub(r"[\u2019']s?$", "", words[-1].rstrip(".")), text)
    if len(genders) != 1:
        return "unknown"
    return "agrees" if genders == {want} else "contradicts"

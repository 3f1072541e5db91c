"""First names: `first_name_gender`, from the list shipped by gender-guesser (Jörg Michael's
`nam_dict`, offline), decided only when the list is unambiguous (`male` / `female`)."""
from __future__ import annotations

import re
import warnings
from functools import lru_cache

_INITIAL = re.compile(r"^[A-Z]\.?$")


@lru_cache(maxsize=1)
def _detector():
    """gender-guesser's detector (its name list loads once, about a second), None when the package
    is missing (then names decide nothing, with one warning)."""
    try:
        from gender_guesser.detector import Detector
    except ImportError:
        warnings.warn("gender-guesser is not installed: source gender uses article evidence only "
                      "(pip install gender-guesser)", stacklevel=3)
        return None
    return Detector(case_sensitive=False)


@lru_cache(maxsize=65536)
def listed_gender(first: str) -> str | None:
    """`female` / `male` when gender-guesser's list, over all its countries, is unambiguous about a
    first name, else None (the test of a word that names a person)."""
    if not first or _INITIAL.match(first) or not first[0].isupper() or _closed_class(first):
        return None
    det = _detector()
    if det is None:
        return None
    answer = det.get_gender(first.strip(".,"))
    return answer if answer in ("male", "female") else None


@lru_cache(maxsize=65536)
def first_name_gender(first: str) -> str | None:
    """`female` / `male` when gender-guesser's list is unambiguous about a first name and its
    United States column does not lean to the other gender (the corpora are mostly US news): `Rand`
    (female in the list, male in the US), `Jan` and `Jean` (male; mostly female in the US) decide
    nothing, so the article's own evidence (titles, pronouns) gives their gender. Else None."""
    answer = listed_gender(first)
    if answer is None:
        return None
    in_us = _detector().get_gender(first.strip(".,"), "usa")     # `andy`: no US figure (Marco)
    other = _OTHER[answer]
    return None if in_us in (other, "mostly_" + other) else answer


_OTHER = {"male": "female", "female": "male"}
_FIRST_PART_CODES = {"1M": "male", "1F": "female"}


@lru_cache(maxsize=1)
def _first_part_names() -> dict[str, str]:
    """{lower-case name: gender} of the names gender-guesser's list (`nam_dict.txt`, Jörg Michael) codes
    `1M` / `1F`: `male (female) name, if first part of name; else: mostly male (female)` (the list's own
    syntax notes). gender-guesser reads both codes as `mostly_*` (as `?M` / `?F`, unisex names); the
    list's 17 such names (`Mary`, `Maria`, `Marie`, `Javier`, `Jesus`, `João`) are given names of one
    gender when first (`Mary Fallin`) and often a second given name of the other (`Jean-Marie`, `José
    María`). Read from the installed package's own data file; empty when the package is missing."""
    det = _detector()
    if det is None:
        return {}
    from pathlib import Path

    import gender_guesser
    found: dict[str, str] = {}
    path = Path(gender_guesser.__file__).parent / "data" / "nam_dict.txt"
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            gender = _FIRST_PART_CODES.get(line[:2])
            if gender is not None and line[2:3] == " ":
                found[line.split()[1].lower()] = gender
    return found


@lru_cache(maxsize=65536)
def first_part_gender(first: str) -> str | None:
    """`female` / `male` for a name the list calls that gender when it is the first part of a name (code
    `1F` / `1M`: `Mary`, `Javier`), asked of the first word of a person's name; None for any other name."""
    if not first or _INITIAL.match(first) or not first[0].isupper() or _closed_class(first):
        return None
    return _first_part_names().get(first.strip(".,").lower())
_LEANS = {"mostly_male": "male", "mostly_female": "female", "male": "male", "female": "female"}


@lru_cache(maxsize=65536)
def leaning_first_name_gender(first: str) -> str | None:
    """`female` / `male` for a first name the list only leans on (`mostly_*`: `Chris`, `Lindsey`,
    `Bernie`), read in its United States column when that column has a figure (the corpora are mostly
    US news: `Bernie` is mostly female overall, mostly male in the US), else in the overall answer;
    None for an unknown or `andy` name and for one `first_name_gender` already decides. Weaker than a
    decided name: `gender.person_gender` uses it only with concordant evidence from the article."""
    if first_name_gender(first) is not None or not first or _INITIAL.match(first) or \
            not first[0].isupper() or _closed_class(first):
        return None
    det = _detector()
    if det is None:
        return None
    word = first.strip(".,")
    in_us = det.get_gender(word, "usa")
    return _LEANS.get(in_us) if in_us in _LEANS else _LEANS.get(det.get_gender(word)) \
        if in_us in ("unknown", "andy") else None


@lru_cache(maxsize=65536)
def us_leaning_first_name_gender(first: str, outright: bool = False) -> str | None:
    """`female` / `male` for a first name the list leans on whose United States column gives that gender
    itself (`mostly_*` there: `Chris`, `Terry`, `Erin`, `Ashley`; or outright where the overall answer
    is split: `Nate`, female overall, male in the US), the corpora being mostly US news; None for
    a name leaning only in other countries' columns (`Hiro`, `Mo`, `Bay`), which `leaning_first_name_gender`
    reads from the overall answer, and for every name that function gives None. `outright`: only when
    the US column gives the gender outright (`Nate`), not `mostly_*`."""
    lean = leaning_first_name_gender(first)
    if lean is None:
        return None
    in_us = _detector().get_gender(first.strip(".,"), "usa")
    return lean if in_us == lean or (in_us == "mostly_" + lean and not outright) else None


@lru_cache(maxsize=65536)
def compound_first_name_gender(first: str) -> str | None:
    """`female` / `male` for a hyphenated given name the list does not hold whole (`Eva-Maria`) when every
    part is a name `first_name_gender` or `first_part_gender` gives that gender (`Eva`, `Maria`); None
    when a part is unknown or ambiguous (`Jean-Marie`: `Jean` decides nothing) or the parts disagree."""
    if "-" not in first or known_first_name(first):
        return None
    found = {first_name_gender(part) or first_part_gender(part) for part in first.strip(".,").split("-")}
    return found.pop() if len(found) == 1 and None not in found else None


@lru_cache(maxsize=65536)
def known_first_name(word: str) -> bool:
    """True when the name list knows `word` as a first name (of any gender); True for every word
    when gender-guesser is missing (then no name is refused for want of the list)."""
    det = _detector()
    if det is None:
        return True
    return bool(word) and word[0].isupper() and not _closed_class(word) and \
        det.get_gender(word.strip(".,")) != "unknown"


def _closed_class(word: str) -> bool:
    """A possessive determiner or function word of sourcing_words.csv (`His`, `Her`, `The`): the
    name list has some of them as first names (`His` male), but a capitalised one opens a sentence
    (`His Catholic faith`), never a name."""
    from analysis.sourcing.lexicon import kind_words
    low = word.strip(".,").lower()
    return low in kind_words("possessive") or low in kind_words("function")

"""What a name or a noun says about whom it can refer to, from word lists alone: a place
(`is_place_name`, `place_names`: US states, countries and capitals), a nationality word (`demonym_name`,
`demonym_words`: analysis/data/countries_demonyms.csv) or a group named by a plural role noun
(`plural_role_name`: `Iowa Democrats`), so never the referent of he / she (`not_a_referent`); and the
gender a noun states (`noun_gender`, `gender_words`: analysis/data/gender_words.csv). Used by the
article's registry (analysis/sourcing/registry.py), names, phrases, gender and resolve.
"""
from __future__ import annotations

import re
from functools import lru_cache

from analysis.resources import trie_pattern, word_list
from analysis.sourcing.firstnames import known_first_name
from analysis.sourcing.lexicon import clean_word, countries, cue_hits, cues_at, kind_words
from analysis.sourcing.records import Person

GENDER_WORD_KINDS = ("female_title", "male_title", "female_noun", "male_noun")
_POSSESSIVES = frozenset(("his", "her", "their"))


@lru_cache(maxsize=1)
def place_names() -> frozenset:
    """Lower-case names of the US states and their AP abbreviations (analysis/data/us_states.csv) and of
    the countries and capitals the source-type taxonomy lists (`lexicon.countries`)."""
    states = word_list("us_states.csv", ("us_state", "us_state_abbreviation"))
    return states["us_state"] | states["us_state_abbreviation"] | frozenset(c.lower() for c in countries()) \
        | _countries_demonyms()["country"]



@lru_cache(maxsize=1)
def _countries_demonyms() -> dict[str, frozenset]:
    """{kind: lower-case words} of analysis/data/countries_demonyms.csv (kinds country, demonym)."""
    return word_list("countries_demonyms.csv", ("country", "demonym"))


def demonym_name(name: str | None) -> bool:
    """True for a name that ends on a nationality, regional, ethnic or religious word (`Mexican`,
    `Syrians`, `Rubbing Japanese`; analysis/data/countries_demonyms.csv) without a known first name
    before it: a word of a phrase (`Former Mexican presidents`), never a person."""
    return demonym_words((name or "").split())


def demonym_words(words: list[str]) -> bool:
    """`demonym_name` for a name's words."""
    if not words or words[-1].lower().strip(".,") not in _countries_demonyms()["demonym"]:
        return False
    return not any(known_first_name(w) for w in words[:-1])


def not_a_referent(p: Person) -> bool:
    """True for a registry entry that `he` / `she` never refers to: a US state or country, a name the
    article writes as a place (`Person.place`: `Nice, France`), a pronoun read as a name, and, when
    the article shows no gender for it, an acronym (`GOP`, `FBI`) or a name ending on an organisation
    word of the taxonomy (`Party`, `Foundation`)."""
    if p.place or is_place_name(p.name) or demonym_name(p.name) or plural_role_name(p.name.split()) or \
            clean_word(p.name).lower() in kind_words("pronoun"):
        return True             # a pronoun read as a name (`He` opening a sentence) is no antecedent
    if p.gender is not None:
        return False
    last = p.name.split()[-1] if p.name.split() else ""
    return (len(last) > 1 and last.replace(".", "").isupper()) or \
        any(row["kind"] == "org" for _, _, row in cue_hits([clean_word(last)]))


def plural_role_name(words: list[str]) -> bool:
    """True for a name that ends on the plural of a role noun of the taxonomy without a known first name
    before it (`Iowa Democrats`, `Girl Scout Leaders`, `Other Republicans`): a group, never one person
    (`Alejandro Mayorkas`, `Dottie Deans`: a surname, or a first name before it)."""
    if not words:
        return False
    last = clean_word(words[-1])
    if len(last) < 4 or not last.endswith("s") or last.endswith("ss") or any(known_first_name(w) for w in words[:-1]):
        return False
    singular = last[:-1].lower()
    return any(row["kind"] == "role" and row["words"] == [singular] for row in cues_at(last))


def is_place_name(name: str | None) -> bool:
    """Whether `name` is only a US state or a country (`Florida`, `New York`, `Switzerland`): a place,
    never the referent of `he` / `she` (`Representative Debbie Wasserman Schultz of Florida ... she
    said` is hers, not Florida's; issue 13)."""
    return name is not None and name.lower() in place_names()


def majority_gender(male: int, female: int) -> str | None:
    """`male` / `female` when one side's count of gender evidence (pronouns that refer to a person,
    titles counted three) is more than twice the other's, else None: the one majority rule of the
    registry's pronoun votes (`Registry.guess_genders`) and of steps 3 and 5 of `gender.person_gender`,
    so a person of split votes (two people sharing sentences) is decided by neither."""
    if male > 2 * female:
        return "male"
    if female > 2 * male:
        return "female"
    return None


@lru_cache(maxsize=1)
def gender_words() -> dict[str, frozenset]:
    """{kind: words} of analysis/data/gender_words.csv (kinds checked on load)."""
    return word_list("gender_words.csv", GENDER_WORD_KINDS)


@lru_cache(maxsize=2)
def gendered_noun_pattern(side: int) -> re.Pattern:
    """The gendered common nouns of analysis/data/gender_words.csv of one side (0 male: `man`, `husband`;
    1 female: `woman`, `wife`) as one pattern: such a noun between a named person and a pronoun of its
    gender is the nearer antecedent of that pronoun (`a man tells a woman that she is "moaning," like
    Sanders did`: Hobbs 1978 finds the nearer noun phrase of agreeing gender first), so the pronoun is no
    evidence of the named person's gender."""
    nouns = gender_words()["female_noun" if side else "male_noun"]
    # factored by common prefixes (`analysis.resources.trie_pattern`, longest first as before): the same
    # matches as the flat alternation, about 20% faster to search
    return re.compile(r"\b(?:" + trie_pattern(nouns) + r")\b")


@lru_cache(maxsize=20000)
def noun_gender(phrase: str | None) -> tuple[str, str] | None:
    """(gender, noun) for the first gendered noun of a role or description, else None; a noun after a
    possessive pronoun further in is another person (`an attorney by the time her husband landed`),
    at the start it is the role (`his wife`). Cached: roles repeat (72% of calls on 300 pages)."""
    if not phrase:
        return None
    words = [clean_word(w).lower() for w in phrase.split()]
    kinds = gender_words()
    for i, w in enumerate(words):
        if i > 1 and words[i - 1] in _POSSESSIVES:
            continue
        two = f"{w} {words[i + 1]}" if i + 1 < len(words) else None
        for cand in (two, w):
            if cand in kinds["female_noun"]:
                return "female", cand
            if cand in kinds["male_noun"]:
                return "male", cand
    return None

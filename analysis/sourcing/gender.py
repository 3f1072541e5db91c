"""Source gender: per speaker `female`, `male` or `unknown` (None for organisations, groups and
documents), with the evidence that decided it.

Evidence is taken from the article first, in this order (the first that decides wins):

1. courtesy titles before the person's name (`Mr. Burman`, `Ms. Clinton`), all of one kind;
2. a gendered noun in the person's role or in the source description (`congresswoman`,
   `a mother of two`, `his wife`): `analysis/data/gender_words.csv`; also at the end of a registered
   name (`Merkel spokesman`) or after a possessive right before the whole name (`his first wife, Ivana`,
   `apposition_gender`);
3. pronouns that refer to the person (he/him/his versus she/her; a pronoun counts for the first
   person named before it in its sentence, else the one person named in the sentence before, as
   `Registry.guess_genders` attaches them), when one side has more than twice the other's count;
   as that attachment goes by position, one or two pronouns give way to a first name that says
   otherwise (`STRONG_PRONOUNS`), and, when the article names another person the kit gives the
   pronouns' gender (whose they may be: `Bernie Sanders attacked Hillary Clinton, saying she ...`), one
   or two pronouns against a first name the list only leans on (`mostly_*`) decide nothing either: the
   person stays `unknown` (`...; first name: Bernie (gender-guesser leans male) says otherwise`), for
   the corpus pass to decide; the same holds for the speaker phrases of step 5;
4. then the first name, looked up in the list shipped by `gender-guesser` (Jörg Michael's
   `nam_dict`, offline), and used only when that list calls it `male` or `female` (never
   `mostly_*`, `andy` or unknown), or codes `1F` / `1M` (female / male as a name's first part: `Mary`,
   `Javier`), or, for a hyphenated name, gives one gender for every part (`Eva-Maria`); for a person
   the speaker phrases name by surname alone
   (`Manchin said`), the one first name the article writes before that surname elsewhere
   (`Sen. Joe Manchin (D-W.Va.)`, not a speaker phrase, so never registered);
5. last, for a person of two or more name words, the he / she of the speaker phrases the kit
   resolved to them (`"…," he said`) counted with the pronouns of step 3, by the same more than
   twice rule (first names the list calls `mostly_*`, `Lee`, `Chris`, `Jan`, decide nothing at step 4);
6. last of all, for such a person, a first name the list only leans on (`mostly_*`, read in its US
   column when it has one: `Bernie` leans male there) when the pronouns and speaker phrases of steps 3
   and 5 are concordant: at least one for that side and no more for the other (a tie the more than
   twice rule leaves open);
7. (session 12) last, such a name alone, with no pronoun or speaker phrase of either side, when it leans
   that way in the list's US column itself (`Chris`, `Erin`; `Nate`, male there outright): the name's
   commoner presentation in the US, wrong for some (`Lindsey Graham`), so it never votes in the corpus
   pass (`corpus_gender`), which decides such a row when other articles' own evidence says otherwise.

This is the gender the article presents (or a name list suggests), not a person's identity: it
is a measurement of coverage as the Gender Gap Tracker makes it (Asr et al. 2021, PLOS ONE
16(1): e0245533), with the same limits (non-binary people and names outside the list are
`unknown`; a name list can be wrong for an individual). Docs: docs/sourcing.md#source-gender.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from analysis.sourcing.firstnames import (compound_first_name_gender, first_name_gender, first_part_gender,
                                          known_first_name, leaning_first_name_gender, us_leaning_first_name_gender)
from analysis.sourcing.lexicon import clean_word, cue_hits, cues_at, kind_words
from analysis.sourcing.literal_scans import first_names_before
from analysis.sourcing.records import Person
# the gendered nouns live in referents.py, shared with registry.py, which resolves he/she by the same evidence;
# kept here by name
from analysis.sourcing.referents import (GENDER_WORD_KINDS, gender_words, majority_gender,  # noqa: F401
                                         is_place_name, not_a_referent, noun_gender)
from analysis.sourcing.registry import Registry  # noqa: F401

NOT_PERSON_TYPES = frozenset(("document_report", "poll_survey"))
# a media source is a person when the article names one (`Tom Goldstein, publisher of SCOTUSblog`,
# an editor, a reporter), else an outlet (`CNN`, `the Post`): decided by the registry, not the type
MEDIA_TYPE = "media_news_agency"
_PERSON_PARTICLES = kind_words("person_particle")  # analysis/data/sourcing_words.csv, read once
# an abbreviated title the name parse kept (`Fr.`, `Pres.`): two to four letters and a full stop,
# never a first name (an initial is one letter)
_ABBREVIATED_TITLE = re.compile(r"[A-Z][a-z]{1,3}\.")
# a first initial before the given name the person goes by (`R. Gil Kerlikowske`, `J. Gerald Hebert`)
_INITIAL = re.compile(r"[A-Z]\.")
STRONG_PRONOUNS = 3         # this many pronouns for one side outweigh a first name that says otherwise


class GenderCall(NamedTuple):
    """A speaker's gender (None: not a person) and the evidence for it (None when not a person)."""
    gender: str | None
    evidence: str | None


NOT_A_PERSON = GenderCall(None, None)


def person_gender(person: Person, reg: Registry) -> GenderCall:
    """The gender of a person of the registry, from the article's evidence, then the first name."""
    reg.ensure_genders()
    t_m, t_f = reg.title_votes.get(id(person), (0, 0))
    if t_m and not t_f:
        return GenderCall("male", f"title: Mr. ({t_m})")
    if t_f and not t_m:
        return GenderCall("female", f"title: Ms./Mrs./Miss ({t_f})")
    noun = noun_gender(person.role) or head_noun_gender(person.name)
    if noun is not None:
        return GenderCall(noun[0], f"noun: {noun[1]}")
    kin = apposition_gender(person.name, reg.joined())
    if kin is not None:
        return GenderCall(kin.gender, f"noun: {kin.noun} ({kin.phrase})")
    p_m, p_f = reg.pronoun_votes.get(id(person), (0, 0))
    by_pronouns = majority_gender(p_m, p_f)
    words = person.name.split()
    if len(words) > 1 and _ABBREVIATED_TITLE.fullmatch(words[0]):
        words = words[1:]                 # `Fr. Frank Pavone`, `Pres. Obama`: a title kept in the name
    if len(words) > 2 and _INITIAL.fullmatch(words[0]) and not _INITIAL.fullmatch(words[1]):
        words = words[1:]                 # `R. Gil Kerlikowske`: a first initial, the middle name in use
    first = words[0] if len(words) > 1 else article_first_name(words[0], reg) if words else None
    by_name = (first_name_gender(first) or first_part_gender(first) or compound_first_name_gender(first)) \
        if first else None
    pronouns = f"pronouns: he/him/his {p_m}, she/her {p_f}"
    lean = _leaning_name_against(first if by_name is None else None, by_pronouns, max(p_m, p_f), person, reg)
    if lean is not None:
        return GenderCall("unknown", f"{pronouns}; first name: {first} (gender-guesser leans {lean}) says otherwise")
    if by_pronouns is not None and (by_name in (None, by_pronouns) or max(p_m, p_f) >= STRONG_PRONOUNS):
        # pronouns attached by position can be wrong when two people share a sentence: a first name
        # that says otherwise wins unless the pronouns are many
        return GenderCall(by_pronouns, pronouns)
    if by_name is not None:
        where = "" if len(words) > 1 else f", written {first} {words[0]} in the article"
        first_part = "" if first_name_gender(first) else f"; {by_name} as a name's first part" \
            if first_part_gender(first) else f"; {by_name} in every part"
        return GenderCall(by_name, f"first name: {first} (gender-guesser{where}{first_part})")
    named = words if len(words) > 1 else [first] + words if first else words
    return _by_cue_pronouns(person, reg, words, p_m, p_f) or _by_leaning_name(person, reg, named, p_m, p_f) or \
        GenderCall("unknown", "no evidence" if not (p_m or p_f) else pronouns)


def head_noun_gender(name: str) -> tuple[str, str] | None:
    """(gender, noun) when a registered name ends on a lower-case gendered noun (`Merkel spokesman`: a
    description the speaker parse kept whole, with no role of its own), else None."""
    last = name.split()[-1] if name.split() else ""
    return noun_gender(last) if last[:1].islower() else None


class KinApposition(NamedTuple):
    """A gendered noun that a possessive introduces right before a person's name (`his first wife, Ivana`)."""
    gender: str
    noun: str
    phrase: str


# a possessive (`his`, `her`, `Trump's`), up to two modifiers, then the noun, an optional comma and the name
_APPOSITION_LEAD = r"\b(?:[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Oo]ur|[A-Z][\w-]*(?:'s|\u2019s))\s+(?:[a-z-]+\s+){0,2}?"


@lru_cache(maxsize=1)
def _gendered_nouns() -> tuple[dict[str, str], str]:
    """({noun: gender}, the nouns as one alternation, longest first) of analysis/data/gender_words.csv."""
    kinds = gender_words()
    nouns = {w: "female" for w in kinds["female_noun"]} | {w: "male" for w in kinds["male_noun"]}
    return nouns, "|".join(re.escape(w) for w in sorted(nouns, key=len, reverse=True))


def apposition_gender(name: str, text: str) -> KinApposition | None:
    """The gender of the nouns of analysis/data/gender_words.csv that a possessive introduces right before
    the person's whole name (`his first wife, Ivana`, `Trump's daughter Ivanka Trump`, `her spokesman, Nick
    Merrill`: a close apposition or appositive naming the person the noun describes; Quirk et al. 1985,
    A Comprehensive Grammar of the English Language, 17.65-17.73), when all such nouns agree; else None.
    The possessive keeps out a noun that ends a clause before a name (`a man, Smith said`)."""
    if not name or name not in text:
        return None
    nouns, alternation = _gendered_nouns()
    if not _noun_before_name(name, text, tuple(nouns)):
        return None             # the pattern below needs it; built per name it costs ~1.2 ms (3.3 names an article)
    pattern = re.compile(_APPOSITION_LEAD + "(" + alternation + r"),?\s+" + re.escape(name) + r"(?![\w'\u2019-])")
    found = [(nouns[m.group(1)], m.group(1), m.group(0)) for m in pattern.finditer(text)]
    if not found or len({g for g, _, _ in found}) > 1:
        return None
    return KinApposition(*found[0])


def _noun_before_name(name: str, text: str, nouns: tuple[str, ...]) -> bool:
    """Whether an occurrence of `name` in `text` follows one of `nouns`, an optional comma and white space: what
    `apposition_gender`'s pattern needs before the name (an exact pre-check; `\\s` and `str.rstrip` strip the
    same characters)."""
    at = text.find(name)
    while at >= 0:
        end = at            # where the white space before this occurrence starts (no copy of the text before it)
        while end and text[end - 1].isspace():
            end -= 1
        if end < at and (text.endswith(nouns, 0, end) or
                         text[end - 1:end] == "," and text.endswith(nouns, 0, end - 1)):
            return True
        at = text.find(name, at + 1)
    return False


def _leaning_name_against(first: str | None, by_pronouns: str | None, count: int, person: Person,
                          reg: Registry) -> str | None:
    """The gender a first name the list only leans on (`mostly_*`: `Bernie`, `Gene`, `Mo`) gives, when the
    pronouns (`by_pronouns`, the larger side `count`) say the other, are fewer than `STRONG_PRONOUNS`, and
    the article names another person the kit gives the pronouns' gender (`Registry.guess_genders`), whose
    they may be; else None. Pronouns are attached by position (the first person named in the sentence),
    so one or two of them are often that other person's (`Bernie Sanders attacked Hillary Clinton, saying
    she ...`): against even a leaning name they then decide nothing, and the person stays undecided (the
    name alone decides nothing either, step 6), for the corpus pass to decide from other articles. With
    no such other person (`Sen. Lindsey Graham spoke in Iowa. He said ...`) the pronouns decide."""
    if first is None or by_pronouns is None or count >= STRONG_PRONOUNS:
        return None
    lean = leaning_first_name_gender(first)
    if lean is None or lean == by_pronouns:
        return None
    said = by_pronouns[0]                       # `Registry.guess_genders` keeps `m` / `f`
    return lean if any(other is not person and other.gender == said for _, other in reg.mentions) else None


def _by_cue_pronouns(person: Person, reg: Registry, words: list[str], p_m: int, p_f: int) -> GenderCall | None:
    """Step 5, for a person of two or more name words that nothing above decided: the he / she of
    the speaker phrases resolved to them (`"…," he said`, `she wrote that …`) added to the pronouns
    of step 3 (`p_m`, `p_f`), when one side then has more than twice the other's count; else None.
    Not for a one-word name (`Orlando`, `Movement`: a word misread as a speaker more often than a
    person named by surname alone, whose first name `article_first_name` already looked for), nor, as
    at step 3, when fewer than `STRONG_PRONOUNS` votes contradict a first name the list leans on (`Corey
    Lewandowski ... yanked the arm of a reporter as she tried to ask ..., she and another reporter said`)."""
    if len(person.name.split()) < 2:
        return None
    c_m, c_f = reg.cue_pronoun_counts(person)
    m, f = p_m + c_m, p_f + c_f
    by_cues = majority_gender(m, f)
    if by_cues is not None and not (c_m if by_cues == "male" else c_f):
        by_cues = None                # only when a speaker phrase of that side is among the votes
    if _leaning_name_against(words[0] if words else None, by_cues, max(m, f), person, reg) is not None:
        by_cues = None
    return GenderCall(by_cues, f"pronouns: he/him/his {p_m}, she/her {p_f}; speaker phrases: he {c_m}, "
                               f"she {c_f}") if by_cues else None


def _by_leaning_name(person: Person, reg: Registry, words: list[str], p_m: int, p_f: int) -> GenderCall | None:
    """Step 6, for a person of two or more name words that nothing above decided: a first name the list
    only leans on (`mostly_*`, `firstnames.leaning_first_name_gender`: `Chris`, `Bernie`, `Stacy`) with
    concordant evidence from the article, the pronouns of step 3 and the speaker phrases of step 5
    together: at least one for the name's side and no more for the other (a tie or near-tie that the
    more-than-twice rule leaves open; `Bernie Sanders` with he 5, she 4). With more for the other side
    (`Lindsey Graham` with he 2) it stays undecided; with no pronoun at all (step 7, session 12) it decides
    when the name leans that way in the list's US column itself (`firstnames.us_leaning_first_name_gender`).
    `words`: the name, or [first name, surname] for a surname the article writes after one first name."""
    if len(words) < 2:
        return None
    lean = leaning_first_name_gender(words[0])
    if lean is None:
        return None
    c_m, c_f = reg.cue_pronoun_counts(person)
    m, f = p_m + c_m, p_f + c_f
    same, other = (m, f) if lean == "male" else (f, m)
    if not same and not other and us_leaning_first_name_gender(words[0]) == lean:
        # step 7: no pronoun or speaker phrase of either side, and the name leans in the US column itself
        in_us = "" if us_leaning_first_name_gender(words[0], outright=True) else "mostly "
        return GenderCall(lean, f"first name: {words[0]} (gender-guesser: {in_us}{lean} in the US; no pronoun)")
    if not same or other > same:
        return None
    return GenderCall(lean, f"first name: {words[0]} (gender-guesser leans {lean}) with pronouns: he/him/his {p_m}, "
                            f"she/her {p_f}; speaker phrases: he {c_m}, she {c_f}")


def article_first_name(surname: str, reg: Registry) -> str | None:
    """The one first name the article writes right before `surname` (a middle initial between them
    allowed: `Joe Manchin`, `Paul D. Ryan`), else None: a word the name list knows as a first name
    that the article never writes in lower case (`Will Clinton win?`, `the bill`) and is no courtesy
    or role title. None when two first names come before it (`Bill` and `Hillary Clinton`)."""
    if not surname[:1].isupper() or not surname.isalpha():
        return None
    found = set()
    for word in first_names_before(surname, reg.joined()):
        if known_first_name(word) and not reg.has_lower_word(word.lower()) and not cues_at(word):
            found.add(word)
    return found.pop() if len(found) == 1 else None


def speaker_gender(speaker: str | None, source_type: str, reg: Registry) -> GenderCall:
    """The gender of one resolved speaker of an article; NOT_A_PERSON for organisations, groups,
    documents and unattributed rows."""
    if not speaker or source_type in NOT_PERSON_TYPES:
        return NOT_A_PERSON
    words = speaker.split()
    person = reg.find(speaker) if words[0][:1].isupper() else None
    if person is not None:
        reg.ensure_genders()
        if person.org or _org_words(words) or not_a_referent(person) or _closed_class_name(words):
            return NOT_A_PERSON
        call = person_gender(person, reg)
        if call.gender == "unknown" and (named_with_definite_article(person.name, reg.joined()) or
                                         _acronym_in_name(words)):
            return NOT_A_PERSON
        return call
    if source_type == MEDIA_TYPE:
        return NOT_A_PERSON
    noun = noun_gender(speaker)
    if noun is not None:
        return GenderCall(noun[0], f"noun: {noun[1]}")
    if _org_words(words) or not _one_person(words) or is_place_name(speaker) or \
            (words[0][:1].isupper() and named_with_definite_article(speaker, reg.joined())):
        return NOT_A_PERSON
    return GenderCall("unknown", "no evidence")


def named_with_definite_article(name: str, text: str) -> bool:
    """True when every time the article writes `name` (at least once) `the` comes right before it (`the
    Granite State`, `the Daily Caller`, `the Hill`, `the French`) and the name is capitalised words only,
    none of them a role noun (`the Utah Republican`, `the Florida senator` describe a person): an English
    personal name takes no article, while the names of publications, institutions, regions and peoples
    do (Quirk et al. 1985, A Comprehensive Grammar of the English Language, 5.60-5.66), so such a name
    is no person. Asked only for a speaker no evidence gave a gender."""
    words = name.split()
    if not words or ("the " + name) not in text and ("The " + name) not in text:
        return False            # a plain search first: most names are never written after `the`
    if not all(w[:1].isupper() for w in words) or \
            any(row["kind"] == "role" for w in words for row in cues_at(clean_word(w))):
        return False
    uses = [m.start() for m in re.finditer(r"(?<![\w.\u2019'-])" + re.escape(name) + r"(?![\w\u2019'-])", text)]
    return bool(uses) and all(_DEFINITE_BEFORE.search(text, max(0, at - 5), at) for at in uses)


def _acronym_in_name(words: list[str]) -> bool:
    """True for a name of two or more words one of which is an acronym or a word in capitals (`LGBT
    Pride`, `ROLL TIDE Alabama`) and none a first name the list knows: the name of a movement, an
    event or a headline's words, not of a person (initials are written with full stops: `J.J. MacNab`)."""
    return len(words) > 1 and any(len(w) > 1 and w.isalpha() and w.isupper() for w in words) and \
        not any(known_first_name(w) for w in words)


_DEFINITE_BEFORE = re.compile(r"\b[Tt]he\s$")
_CLOSED_CLASS_KINDS = ("function", "determiner", "indefinite", "pronoun", "possessive", "role_modifier")


def _closed_class_name(words: list[str]) -> bool:
    """A one-word speaker that is a function word, determiner, pronoun or role modifier written with a
    capital (`One`, `Other`, `Former`: the start of a sentence read as a name), never a person's name."""
    low = clean_word(words[0]).lower() if len(words) == 1 else ""
    return any(low in kind_words(kind) for kind in _CLOSED_CLASS_KINDS)


def _org_words(words: list[str]) -> bool:
    """True when a taxonomy cue of kind `org` or `document` is among the words (White House,
    Justice Department, a report)."""
    return any(h[2]["kind"] in ("org", "document") for h in cue_hits([clean_word(w) for w in words]))


def _one_person(words: list[str]) -> bool:
    """A description or name of one person: a name of two or more capitalised words (`Gwen Moore`),
    or a singular description (`a spokesperson`, `the mayor`, not `officials`, `the two men`)."""
    if words[0][:1].isupper():
        return len(words) >= 2 and all(w[:1].isupper() or w.lower() in _PERSON_PARTICLES
                                       for w in words) and not any(w.isupper() and len(w) > 1 for w in words)
    head = clean_word(words[-1]).lower()
    if not words[0].lower() in ("a", "an", "the", "one") or (head.endswith("s") and not head.endswith("ss")):
        return False
    # `a source familiar with …`, `one longtime adviser`; not `the city`, `a voice over`
    return any(h[2]["kind"] in ("role", "marker") for h in cue_hits([clean_word(w) for w in words]))

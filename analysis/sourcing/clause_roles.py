"""Where a name stands in its clause, the clause-structure tests the article registry
(analysis/sourcing/registry.py) uses to rank people for a pronoun: where a sentence's main clause begins
after a fronted adverbial (`main_clause_start`), a name that is a prepositional object
(`in_prepositional_phrase`) or the subject of an inverted reporting clause (`inverted_speaker`), an
object pronoun bound in its clause (`object_of_its_subject`), a headline's name before its verb."""
from __future__ import annotations

import re
from functools import lru_cache

from analysis.resources import word_list
from analysis.sourcing.lexicon import kind_words, verb_rows
from analysis.sourcing.firstnames import known_first_name

FIRST_WORD = re.compile(r"[\s\"'\u201c\u2018(]*([A-Za-z]+)")
PARTICIPLE = re.compile(r"[A-Z][a-z]{2,}(?:ing|ed)")
# a time phrase opening a sentence before a preposition (`Days after Tsege's arrest, Nega volunteered`,
# `Two weeks before the vote, …`, `Shortly after …`): a fronted adverbial like `After …`
_TIME_LEAD = re.compile(r"(?:(?:Just|Only|A\s+few|Two|Three|Four|Five|Six|Several|Many|\d+)\s+)?"
                        r"(?:[Dd]ays|[Ww]eeks|[Mm]onths|[Yy]ears|[Hh]ours|[Mm]inutes|[Mm]oments|[Dd]ecades|Shortly|Soon|"
                        r"Long|Not\s+long)\s+(?:after|before|into|since)\b"
                        # one unit: `One month after announcing his support for Trump, Rubio …`, `A day before …`
                        r"|(?:(?:Just|Only)\s+)?(?:One|A|An)\s+(?:day|week|month|year|hour|minute|moment|decade)\s+"
                        r"(?:after|before|into|since)\b")


# a reporting verb right after a comma or closing quotation mark, then titles and first names: `…," said Jake`
_INVERTED_VERB = re.compile(r"[,\u201d\"]\s*([a-z]+)\s+(?:[A-Z][\w.\u2019'-]*\s+)*$")
# the surname then the end of the reporting clause (`said Jake Horowitz, editor …`, `said Mr. Cruz.`), not a
# content clause the name opens (`said Trump campaign strategists plan …`)
_NAME_ENDS_CLAUSE = re.compile(r"[\w.\u2019'-]+(?:\s+(?:Jr|Sr)\.?|\s+I{2,3})?\s*(?:[,.;:!?)]|$)")
_OBJECT_TAKING = frozenset(("told", "tells", "tell", "asked", "asks", "ask", "informed", "informs"))


def inverted_speaker(text: str, start: int) -> bool:
    """True when the name whose surname starts at `start` follows a speech verb that follows a comma or a
    closing quotation mark, titles and first names between (`"…," said Jake Horowitz`; not `told` or
    `asked`, whose name is their object), and the name ends the reporting clause: in a reporting clause with subject-verb inversion the name after
    the verb is the clause's subject (Quirk et al. 1985, 14.29), so no name earlier in the sentence
    (`Whether the Clinton or Trump model is more effective …, said Jake Horowitz`) outranks it."""
    m = _INVERTED_VERB.search(text, max(0, start - 80), start)
    return m is not None and m.group(1) in _speech_verb_forms() and m.group(1) not in _OBJECT_TAKING and \
        _NAME_ENDS_CLAUSE.match(text, start) is not None


@lru_cache(maxsize=1)
def _speech_verb_forms() -> frozenset:
    """The lower-case forms of the speech verbs (analysis/data/speech_verbs.csv via the lexicon)."""
    return frozenset(w.lower() for w in verb_rows())


_OBJECT_PRONOUN = re.compile(r"(?:him|her)\b(?=\s*(?:[.,;:!?)]|(?:up|out|down|off|back|over|to|for|as|in|on|at|with|about|that|from|into)\b))",
                             re.IGNORECASE)
_OBJECT_GAP = re.compile(r"[A-Z][\w.\u2019'-]*(?:\s+[A-Z][\w.\u2019'-]*)*\s+(?:[a-z]+\s+){0,2}[a-z]+\s+$")


def object_of_its_subject(text: str, start: int, m) -> bool:
    """`Obama backed her up`: an object pronoun a few words after the name that opens its clause is
    not that person (binding: a pronoun object is free in its clause), so it casts no vote for it."""
    if not _OBJECT_PRONOUN.match(text, m.start()):
        return False
    return bool(_OBJECT_GAP.fullmatch(text, start, m.start()))


@lru_cache(maxsize=1)
def _object_of_preposition() -> re.Pattern:
    """A preposition of analysis/data/prepositions.csv, then only capitalised words (titles and
    names) up to the end of the text searched: the name after it is a prepositional object."""
    words = word_list("prepositions.csv", ("preposition",))["preposition"]
    return re.compile(r"\b(?:" + "|".join(sorted(words)) + r")\s+(?:[A-Z][\w.\u2019'-]*\s+)*$")


def in_prepositional_phrase(text: str, start: int, at: int) -> bool:
    """True when the name at offset `at` is the object of a preposition (`a testimonial to John Kerry`,
    `the name recognition of Grassley`): a noun phrase inside a prepositional phrase is never its
    clause's subject (Lappin & Leass 1994). Only the text from `start` (the sentence's start) is read."""
    return _object_of_preposition().search(text, max(start, at - 80), at) is not None


def main_clause_start(text: str, start: int, limit: int) -> int:
    """Where the main clause of the sentence starting at `start` begins, before `limit`: after the
    first comma when the sentence opens with an adverbial or subordinate clause (a word of the kinds
    opening_adverbial or place_prep), a time phrase before a preposition (`Days after Tsege's arrest,
    Nega volunteered`) or a participle phrase (`As for the notion that … Clinton …,
    Fiorina offered her own approach`, `Asked about Trump's tweet, Christie blamed Clinton`), else
    `start`. Noun phrases in such a fronted adverbial are less salient than the subject (Lappin &
    Leass 1994, "An algorithm for pronominal anaphora resolution", Computational Linguistics 20(4):
    the subject and head-noun weights are not given to an adverbial's noun phrases)."""
    m = FIRST_WORD.match(text, start)
    if m is None:
        return start
    word = m.group(1)
    if word.lower() not in fronted_words() and \
            not (PARTICIPLE.fullmatch(word) and not known_first_name(word)) and not _TIME_LEAD.match(text, m.start(1)):
        return start
    comma = text.find(",", m.end(), limit)
    return comma + 1 if comma >= 0 else start


@lru_cache(maxsize=1)
def fronted_words() -> frozenset:
    """Words that open an adverbial before a sentence's subject (sourcing_words.csv)."""
    return kind_words("opening_adverbial") | (kind_words("place_prep") - {"to", "about"})


_HEADLINE_VERB = re.compile(r"[A-Z][a-z]+s")


def before_headline_verb(words: list[str]) -> list[str]:
    """A headline's name without the verb and object after it: a full name that opens with a known
    first name, then a capitalised verb in -s that is no first name, then more words (`Chuck
    Grassley Compares Trump`, `Marine Le Pen Backs Trump` -> the name before the verb). A middle
    name in -s right after the first name stays (`Tracee Ellis Ross`, `Andrew Ross Sorkin`); a verb that
    is also a first name ends the name when another full name follows it (`Donald Trump Ties Hillary
    Clinton`)."""
    if len(words) < 4 or not known_first_name(words[0]):
        return words
    for i in range(2, len(words) - 1):
        if _HEADLINE_VERB.fullmatch(words[i]) and (not known_first_name(words[i]) or (
                i + 2 < len(words) and known_first_name(words[i + 1]))):
            return words[:i]
    return words

"""A poll named in an `in` phrase as the source of its clause (issue 13, session 12).

News writing reports poll results with the poll in a prepositional phrase rather than as a subject:
`In a Des Moines Register poll, Mr. Cruz had a 10 percentage-point lead.`, `Kasich was at 25 percent
support in the most recent Fox poll.` PolNeAR's annotators (Newell, Margolin & Ruths 2018) mark such a
sentence as an attribution: the poll is the source, `in` the cue, the clause the content. Two layouts:

- fronted: the phrase opens its sentence and a comma closes it; the content is the rest of the sentence;
- closing: the phrase (with an optional `released Sunday`, `last month`, or a comma and a short tail)
  ends its sentence; the content is the sentence before it, only when it states a standing (a digit or
  a word of kind `standing_word`: `lead`, `ahead`, `percent`), since `the damage is borne out in the
  poll` or `That's a constituency that could help him in contests …` report no finding.

The phrase is `in` + a determiner or possessor (`a`, `the`, `its`, `Monday's`) + at most seven words +
the singular head `poll` / `survey` (kind `survey_noun` of analysis/data/sourcing_words.csv): `in the
polls` (plural, no poll in particular: `he has been leading in the polls`) is left alone. Rows have kind
`according_to` (the phrase plays the part of `according to a poll`) and are resolved late, after every
speech verb's row, so they change no other row.

A poll may also be the subject of `has` / `had` / `gives` / `puts` with its finding as a small clause after it
(`survey_subject_rows`): `Wednesday's Quinnipiac poll has Clinton leading Trump by just six points`, `a CNN-ORC survey
released Friday had him at 4 percent`: the object is a name or him / her / them, then an -ing form, `at` + a number,
`ahead`, `behind`, `up`, `with a …` or a number; the content runs from the object to the clause's end.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from analysis import quotes as _q
from analysis.sourcing.lexicon import kind_words
from analysis.sourcing.records import Speaker


class SurveyRow(NamedTuple):
    """A poll phrase's source, and its content span in the masked paragraph."""
    speaker: Speaker
    start: int
    end: int
    cue: str = "in"


_DETERMINER = r"(?:a|an|the|this|that|its|their|his|her|our|[A-Z][\w\u2019'.-]*['\u2019]s)"
_CLOSING_MARKS = " .!?\"\u201d\u2019"
_MONTH_OR_DAY = r"(?:(?:last|this)\s+(?:week|month)|(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))"


@lru_cache(maxsize=1)
def _phrase_regex() -> re.Pattern:
    heads = "|".join(sorted(kind_words("survey_noun")))
    return re.compile(r"(?:^|(?<=[\s(]))[Ii]n\s+(" + _DETERMINER + r"\s+(?:[\w\u2019'./&-]+\s+){0,7}?(?i:" + heads +
                      r"))(?![\w-])")


@lru_cache(maxsize=1)
def _tail_regex() -> re.Pattern:
    tails = "|".join(sorted(kind_words("survey_tail")))
    return re.compile(r"(?:\s+(?:" + tails + r")\s+[^.;:!?,]{0,40}|\s+" + _MONTH_OR_DAY + r")?"
                      r"\s*(?:,[^.;:!?,]{0,50})?\s*$")


_WORD = re.compile(r"[a-z]+")


def _states_a_standing(text: str) -> bool:
    """True when `text` holds a digit or a word of kind `standing_word` (`lead`, `ahead`, `percent`)."""
    return any(c.isdigit() for c in text) or not kind_words("standing_word").isdisjoint(_WORD.findall(text.lower()))


def _strip_end(masked: str, s: int, e: int) -> int:
    while e > s and masked[e - 1] in _CLOSING_MARKS:
        e -= 1
    return e


def survey_rows(masked: str) -> list[SurveyRow]:
    """The fronted and closing `in` + poll phrases of one masked paragraph, each with its content span."""
    if "oll" not in masked and "urvey" not in masked:
        return []
    out = []
    bounds = None
    for m in _phrase_regex().finditer(masked):
        bounds = bounds or _q.sentence_bounds(masked)
        s, e = _q.sentence_of(bounds, m.start())
        while s < e and masked[s].isspace():
            s += 1
        end = _strip_end(masked, s, e)
        phrase = m.group(1)
        speaker = Speaker("desc", phrase.split(), start=m.start(1), text=phrase)
        if m.start() == s:                      # `In a Fox poll, Cruz had 38 percent support.`
            comma = masked.find(",", m.end(), end)
            after = masked[comma + 1:end].split(None, 1) if comma >= 0 else []
            if after and after[0].lower() in kind_words("survey_tail"):   # `In the new poll, conducted March 11-13, 40 …`
                comma = masked.find(",", comma + 1, end)
            if comma < 0 or "\x00" in masked[m.end():comma] or len(masked[m.end():comma].split()) > 6:
                continue
            start = comma + 1
            while start < end and masked[start].isspace():
                start += 1
            if len(masked[start:end].split()) >= 2:
                out.append(SurveyRow(speaker, start, end))
        elif _tail_regex().match(masked, m.end(), end):   # `… was at 25 percent support in the latest Fox poll.`
            stop = m.start()
            while stop > s and masked[stop - 1] in " ,":
                stop -= 1
            if len(masked[s:stop].split()) >= 3 and _states_a_standing(masked[s:stop]):
                out.append(SurveyRow(speaker, s, stop))
    return out


_SUBJECT_VERB = re.compile(r"(?:^|(?<=\s))((?:[\w\u2019'./&-]+\s+){0,7}(?i:polls?|surveys?))(?:\s+(?:released|conducted|taken|"
                           r"published)\s+[^,.;:!?\x00]{0,30}?)?\s+(?:also\s+)?(has|had|have|gives|gave|puts|put)\s+")
_FINDING = re.compile(r"(?:(?:[A-Z][\w.\u2019'-]*\s+){1,3}|(?:him|her|them)\s+)(?:[a-z]+ing\b|at\s+\d|ahead\b|behind\b|up\s+by\b|"
                      r"with\s+an?\s|an?\s+[\d-]+|\d)")
_SUBJECT_OPENERS = re.compile(r"(?:a|an|the|this|that|its|their|one|another|latest|new|[A-Z][\w\u2019'./&-]*)$")


def survey_subject_rows(masked: str) -> list[SurveyRow]:
    """A poll as the subject of `has` / `had` / `gives` / `puts` with a finding after it (`Latest poll has Trump
    pulling even with Clinton`): the poll phrase (from the sentence's start or a determiner, possessor or capitalised
    word) is the source, the object and its predicate the content, to the clause's end (`;`, sentence end)."""
    if "oll" not in masked and "urvey" not in masked:
        return []
    out = []
    bounds = None
    for m in _SUBJECT_VERB.finditer(masked):
        if not _FINDING.match(masked, m.end()):
            continue
        bounds = bounds or _q.sentence_bounds(masked)
        s, e = _q.sentence_of(bounds, m.start())
        words = masked[max(s, m.start(1)):m.end(1)].split()
        k = next((i for i, w in enumerate(words) if _SUBJECT_OPENERS.match(w)), None)
        if k is None:
            continue
        start = masked.find(words[k], max(s, m.start(1)))
        stop = masked.find(";", m.end(), e)
        end = _strip_end(masked, m.end(), stop if stop >= 0 else e)
        if start < s or len(masked[m.end():end].split()) < 2:
            continue
        phrase = masked[start:m.end(1)]
        out.append(SurveyRow(Speaker("desc", phrase.split(), start=start, text=phrase), m.end(), end, m.group(2)))
    return out

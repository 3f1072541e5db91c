"""The subject of a speech or stance verb where `phrases.parse_subject` does not read one: auxiliaries,
negation and adverbs between a subject and its verb (`subject_end`), a time phrase there
(`without_time_tail`), a passive (`passive_participle`), a verb group with `to`
(`subject_past_verb_group`), the subject that opens a sentence when the stretch before the verb is a long
modifier (`sentence_subject`), shares of a group (`quantity_subject`, `with_share`), plural groups
(`group_subject`, `possessive_subject`); and the `as` complement of a characterize verb
(`as_complement`). Used by analysis/sourcing/cues.py and stance.py.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from analysis import quotes as _q
from analysis.sourcing.lexicon import MONTHS, NUL, WEEKDAYS, clean_word, cues_at, kind_words, verb_regex
from analysis.sourcing.phrases import leading_subject, parse_post, parse_subject
from analysis.sourcing.records import Speaker

_NONSPACE = re.compile(r"\S+")


# a time phrase between a subject and its verb (`Donald Trump on Friday endorsed`, `The White House on
# Monday also urged`, `Trump earlier Tuesday backed`, `Sanders this week called for`)
_TIME_BEFORE_VERB = re.compile(
    r"(?:^|\s)(?:[A-Z][\w.\-'\u2019)]*|who|which)(\s+(?:(?:on|early|late|earlier|later)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday)(?:\s+(?:night|morning|afternoon|evening))?|\s+(?:this|last|earlier this)\s+"
    r"(?:week|month|year))\s*$")


def without_time_tail(before: str) -> str:
    """`before` without a time phrase that ends it right after a capitalised word or a relative pronoun
    (`Donald Trump on Friday ` -> `Donald Trump `, `Sanders, who on Tuesday ` -> `Sanders, who `); not one
    set off by commas (`…, on Tuesday, saying`: a participle's comma) nor one inside a description
    (`Democrats … going to the polls Tuesday say`)."""
    tail = before[-80:]
    if "day" not in tail and "week" not in tail and "month" not in tail and "year" not in tail and \
            not _MONTH_WORD.search(tail):
        return before           # every time phrase of the patterns holds one of these (a cheap test)
    m = _TIME_BEFORE_VERB.search(tail)
    if m is None:
        return _without_dated_modifier(before)
    return before[:len(before) - len(tail) + m.start(1)] + " "


# a date after a noun phrase, with a past participle that makes it a reduced relative clause (`A news report
# published Wednesday`, `New polls released Sunday`, `a poll out Thursday`, `A Times/CBS News poll in
# December`) or a time adverbial between a lower-case subject and its verb (`The Trump campaign on Tuesday`,
# `The leading Republican candidates for president Thursday`); Quirk et al. 1985, 17.27 (non-finite
# postmodifiers) and 8.76 (time adjuncts between subject and verb)
# the cheap test of without_time_tail: a month's name, its capital first (a regex that starts with a character class
# scans five times faster than one that starts with an alternation)
_MONTH_WORD = re.compile("[JFMASOND](?:" + "|".join(month[1:] for month in MONTHS.split("|")) + r")\b")
_DATED_MODIFIER = re.compile(
    r"(?:^|\s)(?P<head>[\w.\-'\u2019(),]+)"
    r"(?P<date>(?:\s+(?P<part>[a-z]{3,}ed|out|taken|written|shown|held|sent|made|given))?"
    r"(?:\s+(?:on|in|early|late|earlier|later|last))?\s+(?:(?:" + WEEKDAYS + r")"
    r"(?:\s+(?:night|morning|afternoon|evening))?|(?:" + MONTHS + r")(?:\s+\d{1,2})?))\s*$")
_DATE_PREPS = frozenset("on in early late earlier later last".split())
_CLAUSE_BREAK = re.compile(r"[.;:,\u2014\u2013(\x00]")


def _without_dated_modifier(before: str) -> str:
    """`before` without a date that ends it after a noun phrase, when the stretch from its clause's start to
    the date holds no verb group (`to`, an auxiliary, a relative or a conjunction: `Democrats trying to regain
    control of the Senate in November` keeps its date, which is inside the description) and the date does not
    follow an -ing form (`Democrats voting Tuesday`); a bare date or one
    after a preposition only after a lower-case word (after a capitalised one: _TIME_BEFORE_VERB)."""
    tail = before[-160:]
    m = _DATED_MODIFIER.search(tail)
    if m is None:
        return before
    head = m.group("head")
    if head.lower() in AUX_BE_ADVERBS or head.lower() in _FINITE_OR_RELATIVE or head.lower() in _DATE_PREPS or \
            head.endswith(","):
        return before
    if m.group("part") is None and not head.islower():
        return before
    breaks = list(_CLAUSE_BREAK.finditer(tail, 0, m.start("date")))
    clause = tail[breaks[-1].end() if breaks else 0:m.start("date")].split()
    if head.endswith("ing") or any(w.lower() in _CLAUSE_VERBS for w in clause):
        return before
    return before[:len(before) - len(tail) + m.start("date")] + " "


# auxiliaries, negation and adverbs between a subject and its verb (`Trump does not want`, `he didn't
# think`, `Pataki is endorsing`, `he did not directly criticize`); `be` only before a participle in -ing
# (`was endorsed` is a passive)
AUX = frozenset("do does did can could may might must should would will shall has have had not never cannot "
                 "don't doesn't didn't can't couldn't won't wouldn't shouldn't hasn't haven't hadn't "
                 "don\u2019t doesn\u2019t didn\u2019t can\u2019t couldn\u2019t won\u2019t wouldn\u2019t "
                 "shouldn\u2019t hasn\u2019t haven\u2019t hadn\u2019t".split())
BE = frozenset("is are was were am be been being isn't aren't wasn't weren't isn\u2019t aren\u2019t wasn\u2019t "
                "weren\u2019t".split())
ADVERBS = kind_words("adverb")
AUX_BE_ADVERBS = AUX | BE | ADVERBS
# words that show the start of a sentence is another clause's subject (sentence_subject)
_FINITE_OR_RELATIVE = AUX | BE | frozenset(("who", "which", "that", "whom", "whose"))
_PRONOUN_AUX = re.compile(r"^(?:he|she|it|they|we|i|you|who)['\u2019](?:s|d|ll|ve|re)$", re.IGNORECASE)
_CLAUSE_VERBS = AUX | BE | frozenset(("who", "which", "that", "to", "and", "but", "or"))
AUX_WINDOW = 80                # characters before a verb that hold its auxiliaries and adverbs


def manner_adverb(word: str, before: str) -> bool:
    """An adverb in -ly between a subject and its verb: after an auxiliary or another adverb (`has
    repeatedly`), or right after the subject (`Clinton truly believes`, `The mayor grudgingly
    agreed`); a lower-case word in -ly after a determiner or possessive is a noun (`the family`)."""
    if not (word.endswith("ly") and word.isalpha() and word.islower()):
        return False
    return before.lower() in AUX_BE_ADVERBS or (len(word) > 4 and before.lower() not in NOUN_BEFORE)


class SubjectEnd(NamedTuple):
    """Where a verb's subject ends in the stretch before the verb (`subject_end`, `subject_end_past_aspect`)."""
    end: int                  # where the subject's stretch ends in `before`
    word: str                 # the word before the verb once auxiliaries, negation and adverbs are set aside
    aspect: bool = False      # an aspectual verb group (`continues to`) or a verb of causing and its object between


@lru_cache(maxsize=4096)
def subject_end(before: str, progressive: bool) -> SubjectEnd:
    """Where the subject's stretch ends in `before` and the word before the verb once auxiliaries,
    negation and adverbs are set aside: `Trump has long not ` -> the end of `Trump`. Cached: the
    cue rules ask about the same stretch again (a third of the calls)."""
    tail = before[-AUX_WINDOW:]
    words = tail.split()
    k = len(words)
    while k:
        w = words[k - 1].lower()
        if w in AUX or w in ADVERBS or (progressive and w in BE) or (k > 1 and manner_adverb(w, words[k - 2])) or \
                (w in _AUX_ADVERB_MORE and k > 1 and words[k - 2].lower() in AUX) or \
                (w in FLOATING_QUANTIFIERS and k > 1 and _plural_subject_end(words[k - 2])):     # `They all agree`
            k -= 1
            continue
        break
    if not k:
        return SubjectEnd(len(before) - len(tail), "")
    end = len(tail.rstrip())
    for w in reversed(words[k:]):          # back over the words set aside
        end = tail.rfind(w, 0, end)
    end = len(tail[:end].rstrip())
    w = words[k - 1]
    if _PRONOUN_AUX.match(w):               # `he's also said`, `they'd`: the pronoun is the subject
        stem = re.split("['\u2019]", w)[0]
        return SubjectEnd(len(before) - len(tail) + end - len(w) + len(stem), stem)
    return SubjectEnd(len(before) - len(tail) + end, w)


# a quantifier floated after a plural subject (Quirk et al. 1985, 6.49 and 10.38: `They all agree`, `Clinton and
# Sanders both sought`, `the candidates each said`): set aside like an adverb; the verb's subject is plural
FLOATING_QUANTIFIERS = frozenset(("all", "both", "each"))
_NOT_SUBJECT_END = AUX | BE | frozenset("and but or nor so yet then now as while though because this its his".split())
_PLURAL_PRONOUNS = frozenset(("they", "we", "you", "who"))


def _plural_subject_end(word: str) -> bool:
    """The last word of a subject a quantifier may float after: a plural pronoun, a capitalised word (the last
    of coordinated names) or a lower-case plural in -s (not a possessive or a verb's object after `of`)."""
    low = word.lower()
    if low in _PLURAL_PRONOUNS:
        return True
    if not word.isalpha() or low in _NOT_SUBJECT_END:
        return False            # `And both vowed`, `has both endorsed … and` (a correlative)
    return word[:1].isupper() or (word.islower() and word.endswith("s") and not word.endswith("ss"))


def without_floating_quantifier(before: str) -> str:
    """`before` without a quantifier floated after a plural subject at its end (`The ministers all ` -> `The
    ministers `); else `before` unchanged."""
    words = before[-40:].split()
    if len(words) < 2 or words[-1].lower() not in FLOATING_QUANTIFIERS or not _plural_subject_end(words[-2]):
        return before
    return before[:before.rstrip().rfind(words[-1])]


# a parenthesis between a subject and its verb (`Kasich (who has 25 delegates to date) said`, `Sen. Rand Paul (Ky.)
# said`): a parenthetical insertion (Quirk et al. 1985, 15.54), no part of the subject's head
_PARENTHESIS_END = re.compile(r"(?<=[\w.])\s+\([^()\x00]{1,100}\)\s*$")


def subject_before_parenthesis(before: str, offset: int) -> Speaker | None:
    """parse_subject on `before` without the parenthesis that ends it (`Kasich (who has 25 delegates to date) `
    -> Kasich), else None (no parenthesis there, or nothing parses before it)."""
    if not before.rstrip().endswith(")"):
        return None
    m = _PARENTHESIS_END.search(before[-140:])
    if m is None:
        return None
    head = before[:len(before) - len(before[-140:]) + m.start()]
    if ")" in head[-60:]:
        return None             # `Sens. Pat Toomey (R-Pa.) and Chuck Grassley (R-Iowa)`: coordinated, left as it was
    return parse_subject(head + " ", offset)


# a noun phrase opened by a distributive determiner, at its clause's start (Quirk et al. 1985, 5.16: each, every,
# either, neither): `Each side said …`, `Neither side wants …`, `…, but every candidate agreed …`
_DISTRIBUTIVE_SUBJECT = re.compile(r"(?:^|(?<=[,;:\u2014])\s*|(?<=\s)(?:and|but|while)\s+)"
                                   r"((?:[Ee]ach|[Ee]very|[Ee]ither|[Nn]either)\s+(?:[a-z][\w\-]*\s+){0,2}"
                                   r"[a-z][\w\-]*)\s*$")


def distributive_subject(before: str, offset: int) -> Speaker | None:
    """A noun phrase opened by each / every / either / neither that is the whole subject before a verb (`Each side`,
    `Neither campaign`), which parse_subject leaves out: a description; else None."""
    tail = before[-80:]
    if "ach " not in tail and "ither " not in tail and "very " not in tail:
        return None
    m = _DISTRIBUTIVE_SUBJECT.search(tail)
    if m is None:
        return None
    text = m.group(1)
    return Speaker("desc", [clean_word(w) for w in text.split()], start=offset + len(before) - len(tail) + m.start(1),
                   text=text)


# a word before the form that makes it a noun: a determiner, a possessive or a preposition
NOUN_BEFORE = kind_words("determiner") | kind_words("possessive") | frozenset(
    "the a an this these those in on at by for from with without to of despite during".split())


# a name parse_subject may read at the end of a long subject that is no source: a party and state
# (`Sen. Marco Rubio, R-Fla., appearing on Fox News …, said`), a month or a weekday (`Democrats trying to
# regain control of the Senate in November say`)
_NOT_SUBJECT_NAME = re.compile(r"^(?:[RDI]-[A-Z][\w.]*|(?:" + MONTHS + "|" + WEEKDAYS + r")\.?)$")


def not_a_subject(sp: Speaker) -> bool:
    """A one-word name that is a party and state tag, a month or a weekday (`R-Fla.`, `November`)."""
    return sp.kind == "name" and len(sp.words) == 1 and bool(_NOT_SUBJECT_NAME.match(sp.words[0]))


# where the head of a described subject ends: a preposition, a relative, a participle or adjective
# that opens its modifier (`Federal officials familiar with …`, `Majorities of Democrats in …`)
_HEAD_STOP = frozenset("of in at on for from with without by about among after before during who which that "
                       "whose familiar close here there now".split())
_SUBJECT_REACH = 300            # characters from the sentence's start to the verb, at most


def sentence_subject(masked: str, s: int, pos: int) -> Speaker | None:
    """The subject that opens the sentence, when the stretch right before a speech verb is not one (a
    subject with a long modifier): `Sen. Marco Rubio, R-Fla., appearing on Fox News …, said` -> Sen.
    Marco Rubio; `Federal officials familiar with the server, speaking …, said that` -> (desc) Federal
    officials; `Her campaign workers here said they …` -> (desc) Her campaign workers. A name of two
    words or more or a pronoun from `leading_subject`; else the head of a description (up to five words
    before a preposition, relative pronoun, participle or comma) that ends in a plural or a role word.
    None when the stretch holds a quotation or another speech verb, or is longer than _SUBJECT_REACH."""
    head = masked[s:pos]
    if pos - s > _SUBJECT_REACH or NUL in head or verb_regex().search(head):
        return None
    sp = leading_subject(head, s)
    if sp is None or sp.kind == "desc":
        return None
    first = head[sp.start - s:].split(",", 1)[0].lower().split()
    last = head.rsplit(",", 1)[-1].lower().split()
    if any(w in _FINITE_OR_RELATIVE for w in first + last):
        return None             # `Trump was …, who said`, `Reid would not say`: another clause's subject
    if sp.kind == "pronoun" or (len(sp.words) >= 2 and not head[sp.start - s + len(sp.text):].lstrip().startswith("'")):
        return sp
    words = []
    for tok in _NONSPACE.finditer(masked, sp.start, pos):
        word = clean_word(tok.group())
        if not word or word.lower() in _HEAD_STOP or (word.endswith("ing") and words) or len(words) == 5:
            break
        words.append(word)
        if tok.group().endswith((",", "'", "\u2019")) and not tok.group().endswith(("s'", "s\u2019")):
            break
    if len(words) < 2 or not words[-1].islower() or not (words[-1].endswith("s") or cues_at(words[-1])):
        return None
    return Speaker("desc", words, start=sp.start, text=" ".join(words))


def passive_participle(before: str, m) -> bool:
    """A speech verb's past participle right after a form of `be` (adverbs between): `The mayor was
    told that …`, `It is said that …`: the subject is the hearer or nobody, not the source."""
    if m.group().lower().endswith("ing"):
        return False
    words = before[-AUX_WINDOW:].split()
    k = len(words)
    while k and (words[k - 1].lower() in ADVERBS - BE or manner_adverb(words[k - 1], "")):
        k -= 1
    return bool(k) and words[k - 1].lower() in BE


# `continued to`, `pivoted to`, `went on to` before a speech verb: the verb of the source's clause
_CATENATIVE_END = re.compile(r"\s(?:[a-z]+ed|went\s+on)\s+to\s+$")
_AUX_ADVERB_MORE = frozenset(("since", "long"))     # `She has since stressed`, `officials have long argued`


def subject_past_verb_group(before: str, lo: int) -> Speaker | None:
    """parse_subject on `before` without the verb group that ends it and that parse_subject does not
    read past: auxiliaries, negation and adverbs (`She has since`, `Intelligence officials have long`,
    `The mayor did not directly`) and a verb with `to` (`he continued to`, `Cruz pivoted to`); not after
    a form of `be` (`was told that`, `is expected to say`: a passive). None when nothing was set aside."""
    tail = before[-80:]
    cat = _CATENATIVE_END.search(tail)
    cut = before[:len(before) - len(tail) + cat.start()] + " " if cat else before
    last = cut.rsplit(None, 1)[-1:]
    if not last or last[0].lower() in BE:
        return None             # `The mayor is expected to say`, `was told that`: a passive, no source
    for _ in range(2):
        found = subject_end(cut, False)
        end, prev = found.end, found.word
        if prev.lower() in _AUX_ADVERB_MORE:
            end = len(cut[:end].rstrip()[:-len(prev)].rstrip())
        cut = cut[:end] + " "
    if len(cut.rstrip()) >= len(before.rstrip()) or not cut.strip():
        return None
    return parse_subject(cut, lo)


# `most of them`, `Nearly eight in 10 (Democratic voters overall)`, `58 percent of Florida voters overall`:
# a share of a group (respondents of a poll); parse_subject reads the shares it knows first
_QUANTITY_SUBJECT = re.compile(
    r"(?:^|(?<=[\s(,;\u2014]))((?:(?:[Nn]early|[Aa]bout|[Aa]lmost|[Rr]oughly|[Mm]ore than|[Ff]ewer than|[Ll]ess than|"
    r"[Oo]nly|[Jj]ust|[Oo]ver|[Uu]nder)\s+)?"
    r"(?:\d[\d.,]*\s*(?:%|percent)|[A-Za-z]+(?:-[a-z]+)?\s+percent|(?:\d+|[A-Za-z]+)\s+in\s+(?:10|ten)|"
    r"[Mm]ost|[Mm]any|[Ss]ome|[Aa]ll|[Nn]one|[Ss]everal|[Hh]alf|[Bb]oth|[Mm]ajorities|[Aa] majority|"
    r"(?:[Tt]wo|[Tt]hree|[Ff]our)-(?:thirds|fourths|fifths)|[Aa] third|[Aa] quarter)"
    r"(?:\s+of\s+(?:them|those|us|(?:the\s+)?(?:[\w\u2019'-]+\s+){0,3}[\w\u2019'-]+))?"
    r"(?:\s+(?:[A-Z][\w-]*\s+){0,2}[a-z]+s)?)(?:\s+(?:overall|nationally|polled|surveyed|questioned))?\s*$")


# `Social conservatives say …`: a plural description that is the whole stretch before the verb
_PLAIN_GROUP = re.compile(r"^\s*([A-Z][a-z\-]+(?:\s+[a-z\-]+){0,2}?\s+[a-z\-]{3,}(?<!s)s)\s*$")


def group_subject(before: str, offset: int) -> Speaker | None:
    """A plural description opening the sentence, right before its verb (`Social conservatives`,
    `Many trial lawyers`), that parse_subject leaves out: a description."""
    if len(before) > 80:
        return None
    m = _PLAIN_GROUP.match(before)
    if m is None or m.group(1).split()[0].lower() in NOUN_BEFORE - _QUANTIFIERS:
        return None
    text = m.group(1)
    return Speaker("desc", [clean_word(w) for w in text.split()], start=offset + m.start(1), text=text)


_QUANTIFIERS = frozenset("many most some several few all both".split())


_WITH_END = re.compile(r"\bwith\s+$")


def with_share(before: str, offset: int) -> Speaker | None:
    """A share of a group after `with` at the end of `before`, the subject of a participle that
    follows (`…, with 30 percent of voters saying …`, `with three in 10 saying …`), else None."""
    if "with" not in before[-200:]:
        return None
    sp = quantity_subject(before, offset)
    if sp is None or not _WITH_END.search(before, 0, sp.start - offset):
        return _with_phrase(before, offset)
    return sp


# `with` and a noun phrase before a participle: an absolute clause whose subject is that phrase (Quirk et al. 1985,
# 15.61: `…, with former Gov. Martin O'Malley calling Trump a fascist`, `with each candidate questioning …`)
_WITH_PHRASE = re.compile(r"\bwith\s+([^,;:\x00()]{2,100}?)\s*$")


def _with_phrase(before: str, offset: int) -> Speaker | None:
    """The noun phrase after the last `with` of `before`, of at most eight words, when it parses as a whole (a name
    with its title, a pronoun, a description with a plural or role head, a distributive `each candidate`)."""
    m = _WITH_PHRASE.search(before, max(0, len(before) - 120))
    if m is None or len(m.group(1).split()) > 8:
        return None
    phrase = m.group(1) + " "
    at = offset + m.start(1)
    sp = distributive_subject(phrase, at) or parse_subject(phrase, at)
    if sp is None or not_a_subject(sp) or sp.start + len(sp.text) < at + len(m.group(1)) - 1:
        return None
    if sp.kind == "desc" and not (sp.words[-1].lower().endswith("s") or cues_at(sp.words[-1], True)):
        return None
    return sp


def quantity_subject(before: str, offset: int) -> Speaker | None:
    """A share of a group at the end of `before` (`most of them`, `More than six in 10`, `58 percent of
    Florida Latino voters overall`) that parse_subject leaves out: a description."""
    tail = before[-160:]
    m = _QUANTITY_SUBJECT.search(tail)
    if m is None:
        return None
    text = m.group(1)
    start = offset + len(before) - len(tail) + m.start(1)
    return Speaker("desc", [clean_word(w) for w in text.split()], start=start, text=text)


# `Clinton's allies`, `the senator's aides`: a group described by whose it is
_POSSESSIVE_SUBJECT = re.compile(r"(?:^|(?<=[\s(,;\u2014]))((?:[Tt]he\s+)?(?:[A-Z][\w.\-]*\s+){0,3}[\w.\-]+['\u2019]s?\s+"
                                 r"(?:[a-z][\w\-]*\s+){0,2}[a-z][\w\-]*s)\s*$")


def possessive_subject(before: str, offset: int) -> Speaker | None:
    """A plural group named by its possessor at the end of `before` (`Clinton's allies`, `the
    senator's aides`), which parse_subject leaves out: a description."""
    tail = before[-120:]
    if "'" not in tail and "\u2019" not in tail:
        return None
    m = _POSSESSIVE_SUBJECT.search(tail)
    if m is None:
        return None
    text = m.group(1)
    start = offset + len(before) - len(before[-120:]) + m.start(1)
    return Speaker("desc", [clean_word(w) for w in text.split()], start=start, text=text)


# a possessive right before a speech noun, with up to two modifiers (`his recent call`, `Trump's false
# claims`, `Mr. Trump's`, `Sanders's`, `budget hawks'`)
POSSESSIVE_TAIL = re.compile(r"(?:^|[\s(\u2014])(?:([Hh]is|[Hh]er|[Tt]heir|[Ii]ts)|((?:[A-Z][\w.\-]*\s+){0,3}"
                             r"[A-Z][\w.\-]*)['\u2019]s?)\s+((?:[a-z][\w\-]*\s+){0,2})$")
_POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "their": "they", "its": "it"}


def possessor(masked: str, before: str, lo: int, pos) -> Speaker | None:
    """The owner of a speech noun, from POSSESSIVE_TAIL matched on before[-80:] (`pos`; `before` =
    masked[lo:noun]): a possessive pronoun or a name; None after plural or non-word modifiers (`his boss
    wanted to`, `her allies fear that`: a subject and its verb) or when no name parses (`Democrats Are
    Celebrating Hillary Clinton's`)."""
    if any(w.endswith("s") or not w.isalpha() for w in pos.group(3).split()):
        return None
    tail_start = lo + len(before) - len(before[-80:])
    if pos.group(1):
        word = pos.group(1)
        return Speaker("pronoun", [_POSSESSIVE_PRONOUNS[word.lower()]], start=tail_start + pos.start(1), text=word)
    owner = _DETERMINED_OWNER.search(masked, max(0, tail_start + pos.start(2) - 8), tail_start + pos.start(2))
    if owner is not None:
        # `their Party's radical stance`: a capitalised noun after a possessive determiner is no name
        text = masked[owner.start(1):tail_start + pos.end(2)]
        return Speaker("desc", [clean_word(w) for w in text.split()], start=owner.start(1), text=text)
    sp = parse_subject(masked[tail_start + pos.start(2):tail_start + pos.end(2)] + " ", tail_start + pos.start(2))
    return sp if sp is not None and sp.kind == "name" else None


_DETERMINED_OWNER = re.compile(r"(?<![\w'\u2019])((?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur|[Yy]our|[Mm]y)\s+)$")


_CUE_REACH = 100                # characters before a participle that hold the `X said,` it follows


def cue_subject_before(masked: str, s: int, pos: int) -> Speaker | None:
    """The source of the speech verb that ends the stretch before a participle after a comma, when
    the sentence opens with a quotation (no subject to lead it): `"…," McCain said, citing …` ->
    McCain; `"…," said Al Cardenas, referring to …` -> Al Cardenas; a time or place after the verb is
    no source (`"…," she said of the group, adding …`, `"…," Mr. Manafort said Thursday night,
    suggesting …` -> the subject before the verb)."""
    seg = masked[max(s, pos - _CUE_REACH):pos].rstrip()
    if not seg.endswith(",") or NUL not in masked[s:pos]:
        return None
    seg = seg[:-1]
    offset = max(s, pos - _CUE_REACH)
    hits = list(verb_regex().finditer(seg))
    if not hits:
        return None
    verb = hits[-1]
    if seg[verb.end():].strip():
        sp = parse_post(seg[verb.end():], offset + verb.end())      # `said Al Cardenas,`
        if sp is not None and not not_a_subject(sp):
            return sp
    quote_end = seg.rfind(NUL, 0, verb.start())
    if quote_end < 0:
        return None
    return parse_subject(seg[quote_end + 1:verb.start()], offset + quote_end + 1)   # `," McCain said,`


# `Mr. Manafort, citing "`: a subject, a comma and a participle right before a quotation's opening mark
_PARTICIPLE_BEFORE_QUOTE = re.compile(r",\s+[a-z]+ing\s+[\"'\u201c\u2018]+$")


def subject_before_quotation(masked: str, bounds, start: int) -> Speaker | None:
    """The subject that opens the sentence before a quotation, for a participle right after its closing
    mark (`Trump has hailed the vote as "fantastic," telling reporters …`)."""
    s_start = _q.sentence_of(bounds, start - 1)[0]
    nul = masked.find(NUL, s_start, start)
    return leading_subject(masked[s_start:nul], s_start) if nul > s_start else None


def participle_phrase_subject(masked: str, bounds, start: int) -> Speaker | None:
    """The sentence's subject when the quotation stands in a participle phrase set off after it
    (`Mr. Manafort, citing "the unique magic of Trump," said the candidate …`): the verb after the
    closing mark is that subject's, not an inverted `said X`."""
    s_start = _q.sentence_of(bounds, start - 1)[0]
    head = masked[s_start:start]
    nul = head.find(NUL)
    m = _PARTICIPLE_BEFORE_QUOTE.search(head, 0, nul) if nul > 0 else None
    return leading_subject(head[:m.start()], s_start) if m else None


# the object of a characterize verb (Levin 1993, 29.2: see, view, regard, perceive): `that` and a clause, or
# one to eight words, then `as` before a word that is not `well`, `soon`, `much` ... (`as well as`) nor a
# pronoun subject (`saw the truck running into people as they left`: a clause of time)
_AS_COMPLEMENT = re.compile(r"that\s|[^\s,;:]+(?:\s+[^\s,;:]+){0,7}?\s+as\s+"
                            r"(?!(?:well|soon|much|long|far|if|though|he|she|it|they|we|i|you)\b)\S", re.IGNORECASE)


def as_complement(masked: str, start: int, end: int) -> bool:
    """The stretch masked[start:end] after a characterize verb opens with its object and `as` (`him as a
    real threat`, `golf courses as wasted space`) or with a `that` clause (`sees that …`): the source's
    view, a stance (Levin 1993, English Verb Classes and Alternations, 29.2 characterize verbs); not a
    perception (`saw the incident`, `see dark side of the country`)."""
    return _AS_COMPLEMENT.match(masked, start, end) is not None


# a quantifier alone as the subject, at its clause's start (`Few believe …`, `Both want …`, `…, but many
# speculated …`); not before a preposition, where the verb form is a noun (`Some support for the plan …`)
_QUANTIFIER_PRONOUNS = frozenset("many most some several few both all".split())
_CLAUSE_LINKS = frozenset("and but while though although because yet".split())
_NOUN_PREPS = frozenset("for of from among in on at with by".split())


def quantifier_pronoun(before: str, after: str, offset: int) -> Speaker | None:
    """A quantifier that is the whole subject of the verb after `before` (`Few`, `Both`, `Many`: a
    pronoun, Quirk et al. 1985, A Comprehensive Grammar of the English Language, ch. 6, quantifier
    pronouns), opening the sentence or a clause (after a comma, semicolon, `and`, `but` ...), and
    the verb not followed by a preposition (`after` = the text after the verb): a description."""
    words = before.split()
    if not words or words[-1].lower() not in _QUANTIFIER_PRONOUNS:
        return None
    if len(words) > 1 and not words[-2].endswith((",", ";", ":")) and words[-2].lower() not in _CLAUSE_LINKS:
        return None
    following = after.split(None, 1)
    if following and following[0].lower() in _NOUN_PREPS:
        return None
    start = before.rstrip().rfind(words[-1])
    return Speaker("desc", [words[-1]], start=offset + start, text=words[-1])


# two or more names joined by `and` right before a verb: a plural subject (`Foner and Alba suggest`)
_COORDINATED_NAMES = re.compile(r"(?:^|\s)[A-Z][\w.'\u2019\-]*(?:\s+[A-Z][\w.'\u2019\-]*)*,?\s+and\s+"
                                r"[A-Z][\w.'\u2019\-]*(?:\s+[A-Z][\w.'\u2019\-]*)*\s*$")


def coordinated_names(before: str) -> bool:
    """`before` ends with names joined by `and` (`Professors Foner and Alba `, `Smith, Jones and Roe `): a
    plural subject, so a base form of a verb may follow (Quirk et al. 1985, 10.34: coordinated subjects
    take plural concord); not the object of a preposition or determiner before them."""
    tail = before[-120:]
    m = _COORDINATED_NAMES.search(tail)
    if m is None:
        return False
    preceding = tail[:m.start()].split()
    return not preceding or preceding[-1].lower() not in NOUN_BEFORE    # not `the results in Iowa and Ohio show`


# an aspectual verb between the subject and a cue (Biber et al. 1999, Longman Grammar of Spoken and Written
# English, 9.4.3, aspectual verbs: begin, start, continue, keep, go on, resume): with `to` before a base
# form (`Sanders continues to insist`, `He went on to endorse`), without it before an -ing form (`Trump
# began dismissing`, `She keeps insisting`)
_ASPECTUAL_TO = re.compile(r"\s(?:begins?|began|begun|starts?|started|continues?|continued|(?:goes|go|went|gone)\s+on)"
                           r"\s+to\s+$")
_ASPECTUAL_ING = re.compile(r"\s(?:begins?|began|begun|starts?|started|continues?|continued|keeps?|kept|"
                            r"(?:goes|go|went|gone|kept)\s+on|resumes?|resumed)\s+$")


# a verb of causing with its object before `to` (Quirk et al. 1985, 16.52, object-control complements: `led some
# allies to worry`, `prompted Anderson Cooper to accuse`, `force Sen. Bernie Sanders to acknowledge`): the object
# (one to five words, no comma) is the subject of the cue
_CAUSE_OBJECT_TO = re.compile(r"\s(?:led|leads?|leading|prompt(?:s|ed|ing)?|forc(?:e|es|ed|ing)|requir(?:e|es|ed|ing)|"
                              r"caus(?:e|es|ed|ing)|compel(?:s|led|ling)?|push(?:es|ed|ing)?)\s+"
                              r"((?:[\w.\-'\u2019]+\s+){0,4}[\w.\-'\u2019]+)\s+to\s+$")


_NOT_OBJECT_START = frozenset("by in on at for from with without up down back out off it them him her us me this that "
                              "to of".split())


# a subject-control verb in the past with its `to`-infinitive (Quirk et al. 1985, 16.38-16.40: `Sanders
# promised to`, `The council voted to`, `Cruz declined Monday to`; the infinitive's subject is the main
# clause's): a past form, a few present forms of the same verbs, at most a weekday or `today` between; not
# after a form of `be` (`is expected to`, `was asked to`: a passive has no source there)
_CONTROL_TO = re.compile(r"\s([a-z]+ed|tried|(?:agree|decide|decline|fail|intend|manage|offer|pledge|promise|refuse|"
                         r"seek|threaten|trie|vote|vow)s)(?:\s+(?:" + WEEKDAYS + r"|today|yesterday))?\s+to\s+$")


# `X was the first Democrat in Congress to endorse`, `X is the only candidate to have pledged`: the infinitive's
# subject is the copula's subject (Quirk et al. 1985, 17.31: an infinitive clause after a noun with an ordinal or
# `only` has that noun as its subject)
_ORDINAL_TO = re.compile(r"\s(?:is|was|are|were|became|becomes|remains|remained)\s+(?:also\s+)?(?:one\s+of\s+)?the\s+"
                         r"(?:first|only|last|earliest|lone|sole)\b[^,;.\x00]{0,60}?\s+to\s+(?:have\s+)?$")


def _control_end(before: str) -> SubjectEnd | None:
    """subject_end of the stretch before a subject-control verb and its `to` that end `before` (aspect True),
    or None (no such verb, or a form of `be` before it)."""
    ctl = _CONTROL_TO.search(before, max(0, len(before) - 40)) or _ORDINAL_TO.search(before, max(0, len(before) - 100))
    if ctl is None:
        return None
    head = before[:ctl.start()] + " "
    found = subject_end(head, False)
    if not found.word or found.word.lower() in BE or any(w.lower() in BE for w in head[found.end:].split()):
        return None
    return found._replace(aspect=True)


def subject_end_past_aspect(before: str, ing: bool) -> SubjectEnd:
    """subject_end(before, ing) (aspect False); when `before` ends with an aspectual verb group (`continues to`,
    `began`), subject_end of the stretch before it, aspect True: the verb after the group is its subject's
    (`Sanders continues to insist` -> `Sanders`); when it ends with a verb of causing, its object and `to`
    (`has led some allies to`), the end of the object, aspect True (`some allies` worry)."""
    tail = before[-40:]
    aspect = (_ASPECTUAL_ING if ing else _ASPECTUAL_TO).search(tail)
    if aspect is None and not ing and before.endswith("to "):
        cause = _CAUSE_OBJECT_TO.search(before, max(0, len(before) - 80))
        if cause is not None and cause.group(1).split()[0].lower() not in _NOT_OBJECT_START:
            end = cause.end(1)
            return SubjectEnd(end, before[:end].split()[-1], True)
    if aspect is None and not ing and before.endswith("to "):
        control = _control_end(before)         # `The council voted to endorse`
        if control is not None:
            return control
    if aspect is None:
        return subject_end(before, ing)
    return subject_end(before[:len(before) - len(tail) + aspect.start()] + " ", False)._replace(aspect=True)


# a plural head noun and a short prepositional phrase before a base form (`Polls in New Hampshire show`,
# `Supporters of Trump want`): the head is the subject's, the name in the phrase is not the source
_PLURAL_HEAD_PHRASE = re.compile(r"(?:^|(?<=[\s(,;\u2014]))((?:[Tt]he\s+|[Mm]any\s+|[Ss]ome\s+)?[A-Za-z][\w\-]{2,}[a-rt-z]s"
                                 r"\s+(?:in|at|from|across|around|of)\s+(?:[\w.\-'\u2019]+\s+){0,3}[\w.\-'\u2019]+)\s*$")
_SINGULAR_IN_S = frozenset("news series species politics economics this thus".split())


def _head_word(phrase: str) -> str:
    words = phrase.lower().split()
    return words[1] if words[0] in ("the", "many", "some") else words[0]


def plural_head_subject(before: str, offset: int) -> Speaker | None:
    """A plural noun and a prepositional phrase of at most four words at the end of `before` (`Polls in New
    Hampshire`, `Supporters of Trump`): the subject of a base form after it, whose head agrees with the verb
    (Quirk et al. 1985, 10.34), although the phrase's last word is singular; a description, else None. Not
    a phrase with a function word or an auxiliary (`Republicans in Congress who`, `the company and`), nor
    one after a lower-case word (`repudiated decades of Republican support`: an object)."""
    tail = before[-100:]
    m = _PLURAL_HEAD_PHRASE.search(tail)
    if m is None or _head_word(m.group(1)) in _SINGULAR_IN_S:
        return None
    text = m.group(1)
    if any(w.lower() in _NOT_IN_PHRASE for w in text.split()):
        return None
    preceding = tail[:m.start(1)].split()
    if preceding and not (preceding[-1][-1:] in ",;:\u2014" or preceding[-1][:1].isupper()
                          or preceding[-1][:1].isdigit() or preceding[-1].lower() in _PHRASE_OPENERS):
        return None
    return Speaker("desc", [clean_word(w) for w in text.split()], start=offset + len(before) - len(tail) + m.start(1),
                   text=text)


_NOT_IN_PHRASE = _FINITE_OR_RELATIVE | frozenset("and but or not".split())
_PHRASE_OPENERS = frozenset("and but that as while because".split())


# the main clause's subject, for a verb whose own subject is that clause's (Quirk et al. 1985, 13.34: coordinated
# predicates share their subject, `The mayor met the council and warned that …`; 15.58: a supplementive
# participle clause is attached to the main clause's subject, `Some Democrats spoke out, expressing dismay …`)
_SENTENCE_LINKS = frozenset("but and yet still so now then instead meanwhile however also".split())
_OPENERS = kind_words("opening_adverbial") | kind_words("place_prep") | kind_words("subordinator")
_SUBJECT_STOPS = AUX | BE | frozenset(("who", "which", "that", "whose", "whom"))
# a lower-case word before one of these is the verb (`met the council`, `reversed themselves`) or the head's
# preposition (`The council for the union voted`): the subject ends before it
_OBJECT_OPENERS = frozenset("the a an his her their its this these those him them me us it itself himself herself "
                            "themselves to".split())
_HEAD_PREPS = frozenset("of for in at on from with by about among across".split())
_AND_OR = frozenset(("and", "or", "&"))
_DASHES = frozenset(("\u2014", "\u2013", "--", "-"))
_MAIN_SUBJECT_WORDS = 12          # words of a subject phrase at most


def _opening_skipped(toks: list) -> int:
    """The index of the first token after a linking word (`But`) and an opening adverbial, subordinate or
    participle clause up to its comma (`In 2008,`, `When the polls closed,`, `Arriving at the scene,`); -1 when
    such a clause has no comma within 25 words."""
    i = 0
    if toks and len(toks[0][0]) > 2 and toks[0][0].isupper():       # a dateline: `MANCHESTER, N.H. -`
        i = next((j + 1 for j in range(min(len(toks), 6)) if toks[j][0] in _DASHES), len(toks))
    while i < len(toks) and clean_word(toks[i][0]).lower() in _SENTENCE_LINKS and not toks[i][0].endswith(","):
        i += 1
    if i < len(toks) and toks[i][0].endswith(","):
        i += 1
    if i < len(toks) and (clean_word(toks[i][0]).lower() in _OPENERS or clean_word(toks[i][0]).endswith("ing")):
        comma = next((j for j in range(i, min(len(toks), i + 25)) if toks[j][0].endswith(",")), None)
        if comma is None:
            return -1
        i = comma + 1
        while True:             # `At an event in Ames, Iowa, on Sunday, Mrs. Clinton`: the place's state, a date
            nxt = next((j for j in range(i, min(len(toks), i + 4)) if toks[j][0].endswith(",")), None)
            first = clean_word(toks[i][0]) if i < len(toks) else ""
            if nxt is None or not (first.lower() in _OPENERS or nxt - i < 2 and first[:1].isupper() and
                                   clean_word(toks[i - 1][0])[:1].isupper()):
                return i
            i = nxt + 1
    return i


def _modifier_slot(word: str) -> bool:
    """A past form after this word modifies a noun (`A few retired teachers`, `Clinton's embattled campaign`,
    `Sparsely populated Wyoming`): a determiner, quantifier, possessive or -ly adverb before it."""
    low = clean_word(word).lower()
    return low in NOUN_BEFORE or low in _QUANTIFIERS or low.endswith(("ly", "'s", "\u2019s"))


def _subject_phrase_end(toks: list, start: int) -> int | None:
    """The index of the first token after the subject phrase that starts at toks[start]: before its first finite
    verb (an auxiliary, a form of `be`, a listed verb form, a past form in -ed, a lower-case word before an
    object), a relative pronoun, the head's preposition, a comma, a dash or a parenthesis. None when none
    comes."""
    for i in range(start, len(toks)):
        word = toks[i][0]
        low = clean_word(word).lower()
        later = clean_word(toks[i + 1][0]).lower() if i + 1 < len(toks) else ""
        if low in _AND_OR or (low == "of" and i == start + 1 and clean_word(toks[start][0]).lower() in _QUANTIFIERS):
            continue            # `The mayor and the council`, `Many of the speakers`: one phrase
        if NUL in word or low in _SUBJECT_STOPS or (i > start and word.islower() and (
                low.endswith("ed") and not _modifier_slot(toks[i - 1][0]) or verb_regex().fullmatch(low) or
                low in _HEAD_PREPS or
                (later in _OBJECT_OPENERS and low not in NOUN_BEFORE))):
            return i
        if word.endswith((",", ";", ":")) or word in _DASHES or word.startswith("("):
            return i + 1 if word.endswith(",") else i
    return None


def main_clause_subject(masked: str, s: int, pos: int) -> Speaker | None:
    """The subject of the main clause of the sentence that starts at `s`, read before `pos` (`_opening_skipped`,
    `_subject_phrase_end`): `Indiana politicians, who …, are furious` -> Indiana politicians; `The two delegates
    are also …` -> The two delegates; `A few minutes later they reversed …` -> they. None when no verb ends
    the phrase before `pos`, the phrase is longer than twelve words, or a quotation comes first."""
    toks = [(t.group(), t.start()) for t in _NONSPACE.finditer(masked, s, pos)]
    start = _opening_skipped(toks)
    end = _subject_phrase_end(toks, start) if 0 <= start < len(toks) else None
    if end is None or end == start or end - start > _MAIN_SUBJECT_WORDS or NUL in masked[s:toks[start][1]]:
        return None
    lo = toks[start][1]
    sp = _phrase_subject(masked, lo, toks[end - 1])
    stop = clean_word(toks[end][0]).lower() if end < len(toks) else ""
    if sp is None and end - start > 1 and toks[end - 1][0].islower() and (stop in _HEAD_PREPS or stop in _OBJECT_OPENERS):
        sp = _phrase_subject(masked, lo, toks[end - 2])      # `A few teachers spoke at …`: an irregular past form
    return sp


def _phrase_subject(masked: str, lo: int, last: tuple) -> Speaker | None:
    """The subject that is the whole phrase from `lo` to the token `last` (text, start): a name, pronoun, possessive
    group, group or share; a description only with a plural head or a role or organisation word (not `the
    pressure`, `the president left no doubt`)."""
    phrase = masked[lo:last[1] + len(last[0].rstrip(","))] + " "
    sp = group_subject(phrase, lo) or parse_subject(phrase, lo) or possessive_subject(phrase, lo) or \
        quantity_subject(phrase, lo)        # `Local farmers`: the group, not a name `Local`
    if sp is None or not_a_subject(sp) or sp.start != lo:
        return None
    head = sp.words[-1].lower() if sp.words else ""
    if sp.kind == "desc" and not (head.endswith("s") and not head.endswith("ss") or cues_at(head, True)):
        return None
    return sp

"""Pronoun resolution for a parsed `Speaker` (split out of resolve.py): `he` / `she` to the person of
that gender named before (never one named later in the pronoun's clause or in its quotation, a recent
speaker or a cataphoric main-clause subject preferred), `they` to the nearest plural noun phrase naming
people (`plural_group_before`), else the last group that spoke."""
from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from analysis import quotes as _q
from analysis.sourcing.clause_roles import FIRST_WORD, PARTICIPLE
from analysis.sourcing.firstnames import known_first_name
from analysis.sourcing.lexicon import group_type, kind_words, type_of, verb_regex
from analysis.sourcing.records import Person, Resolved, Speaker
from analysis.sourcing.referents import demonym_words, not_a_referent, plural_role_name
from analysis.sourcing.registry import Registry, in_prepositional_phrase, main_clause_start, mention_pos


def resolve_pronoun(sp: Speaker, pos, reg: Registry, history: list, said: str = "") -> Resolved:
    """`he` / `she`: the person of that gender named last before, never one named later in the
    pronoun's clause or in the quotation `said`; `they`: the nearest plural noun phrase naming people
    before it (`plural_group_before`), else, as for `it`, the last group or organisation that spoke."""
    pronoun = sp.words[0]
    if pronoun in ("he", "she"):
        gender = "m" if pronoun == "he" else "f"
        look = _before_reported_content(pos, reg, sp)
        person = reg.last_before(look, gender=gender)
        later = _named_later_in_sentence(pos, reg, sp) + _named_in_quotation(said, reg)
        person = _not_named_later(person, look, reg, later, gender)
        person = _past_fronted_mentions(person, look, reg, later, gender)
        recent = _recent_speaker(person, pos, reg, history, gender)
        person = recent if recent is not None and recent not in later else person
        person = _cataphora_subject(pos, reg, gender) or person
        if person is not None:
            return Resolved(person.name, person.role, person.type or "other")
        return Resolved(None, None, "other")
    if pronoun == "they":
        group = plural_group_before(reg.masked[pos[0]], pos[1])
        if group is not None:
            return Resolved(group, None, type_of(group) or group_type(group) or "other")
    for entry in reversed(history):
        if entry.is_group:
            return Resolved(entry.name, entry.role, entry.type)
    # never a single person: "they" after a named person is a group in news text (tried: the
    # last person named gave two wrong reported-speech rows on the development pages, no gain)
    return Resolved(None, None, "other")


# a plural noun (`analysts`, `Democrats`) with the capitalised words and one determiner or quantifier
# before it (`many analysts`, `Disconsolate Republican operatives`, `the Democrats`)
_PLURAL_NP = re.compile(r"(?:\b(?:[Tt]he|[Mm]any|[Ss]ome|[Mm]ost|[Ss]everal|[Bb]oth|[Aa]ll|[Tt]hese|[Tt]hose|[Ff]ew)\s+)?"
                        r"(?:[A-Z][\w-]*\s+){0,3}\b([A-Za-z][a-z]{2,}s)\b(?![\u2019'-])")


def plural_group_before(text: str, at: int) -> str | None:
    """The plural noun phrase naming people (a role noun of the taxonomy or a nationality in the plural:
    `many analysts`, `The aides`, `Americans`) that the `they` at offset `at` refers to: of those before it
    in its sentence, the nearest subject (Lappin & Leass 1994: subject over object; number agreement),
    else the nearest other one not inside a prepositional phrase (`That frustrates many analysts because
    they believe`); else the nearest subject of the sentence before (`The aides … told the group … They
    said`); else None (the last group that spoke decides, as before). A share of a group named by a
    pronoun (`most of them said they …`) is such a noun phrase too. A noun phrase inside an open
    parenthesis is an insertion, not a candidate (`29 percent (and 43 percent of Republicans) said they`)."""
    bounds = _q.sentence_bounds(text)
    s0 = _q.sentence_of(bounds, at)[0]
    lo = _q.sentence_of(bounds, s0 - 1)[0] if s0 > 0 else s0
    own_subject = own_other = before_subject = None
    found = [m for m in _PLURAL_NP.finditer(text, lo, at)
             if (plural_role_name([m.group(1)]) or demonym_words([m.group(1)]))] + \
        list(_SHARE_OF_THEM.finditer(text, lo, at))
    for m in sorted(found, key=lambda x: x.start()):
        share = _SHARE_OF.search(text, max(lo, m.start() - 60), m.start())
        if share is None and in_prepositional_phrase(text, lo, m.start()):
            continue
        if text.count("(", lo, m.start()) > text.count(")", lo, m.start()):
            continue                    # inside a parenthesis (Quirk et al. 1985, 15.54): no antecedent
        opens = share.start() if share is not None else m.start()     # `About two-thirds of … voters`
        subject = _CLAUSE_OPENS.search(text, max(lo, opens - 12), opens) is not None or opens in (lo, s0)
        phrase = _without_opening_function_words(m.group().split())
        if m.start() >= s0:
            own_subject, own_other = (phrase, own_other) if subject else (own_subject, phrase)
        elif subject:
            before_subject = phrase
    return own_subject or own_other or before_subject


# a share of a group before the group's noun (`About two-thirds of Republican primary voters`, `47 percent
# of Cuban Americans`): the group is the phrase's notional head (Quirk et al. 1985, notional concord),
# not a prepositional object
_SHARE_OF = re.compile(r"(?:\b(?:[Aa]bout|[Nn]early|[Aa]lmost|[Oo]nly|[Jj]ust|[Mm]ore\s+than|[Ll]ess\s+than)\s+)?"
                       r"(?:\b\d[\d,.]*(?:\s*percent|%)?|\b(?:[Hh]alf|[\w-]*[Tt]hirds?|[\w-]*[Qq]uarters?|[\w-]*[Ff]ifths?|"
                       r"[Mm]ajorit(?:y|ies)|[Pp]lurality|[Mm]inority|[Ss]hare|[Pp]roportion|[Nn]umber|[Mm]ost|[Mm]any|"
                       r"[Ss]ome|[Aa]ll|[Nn]one|[Ee]ach|[Ff]ew))\s+of\s+(?:the\s+)?(?:[\w'-]+\s+){0,3}$")
_SHARE_OF_THEM = re.compile(r"\b(?:[Mm]ost|[Mm]any|[Ss]ome|[Aa]ll|[Bb]oth|[Ff]ew|[Ss]everal)\s+of\s+(?:them|those)\b")
_GROUP_DETERMINERS = frozenset("the many some most several both all these those few".split())


def _without_opening_function_words(words: list[str]) -> str:
    """A plural noun phrase without the capitalised function words that open its sentence (`As
    Republicans scrambled` -> `Republicans`; `Though executives` -> `executives`); its determiner stays."""
    while len(words) > 1 and words[0].lower() in kind_words("function") and words[0].lower() not in _GROUP_DETERMINERS:
        words = words[1:]
    return " ".join(words)


# what stands right before a noun phrase that opens a clause: punctuation, or a conjunction or
# complementiser (`, but majorities`, `because they`, `that voters`)
_CLAUSE_OPENS = re.compile(r"(?:[,;:(\u2014\u2013\"\u201c]|\b(?:that|and|but|because|as|while|when|though|although|if|so|"
                           r"since|until|whether|where|who|which))\s*$")


_COMMA_AT_END = re.compile(r",\s*$")   # a comma and spaces that end the stretch read
_CLAUSE_MARK = re.compile(r"[,;\u2013\u2014]|\s-{1,2}\s")   # punctuation that ends a clause: comma, semicolon, dash
# where the pronoun's own clause ends: punctuation, or a word that opens an adjunct or relative clause
_CLAUSE_END = re.compile(r"[,;:()\u2013\u2014\"\u201c\u201d]|\b(?:after|before|when|while|because|as|since|if|"
                         r"although|though|who|whom|whose|which|where|but|and|or|until|unless)\b")


# what may come between a fronted clause's comma and the main clause's subject named: a closing
# quotation mark, capitalised titles and names
_TITLE_WORDS = re.compile(r"[\s\u201d\u2019\"']*(?:[A-Z][\w.\u2019'-]*\s+)*")


def _cataphora_subject(pos, reg: Registry, gender: str) -> Person | None:
    """The subject of the main clause when the pronoun sits in an adverbial clause that opens its
    sentence (`After he blasted the film …, Pastor Kevin Swanson has now set his sights on …`):
    a pronoun in a fronted adverbial may refer forward to the main clause's subject (backward
    anaphora: Reinhart 1983, Anaphora and Semantic Interpretation; Kuno 1972, Linguistic Inquiry 3(3)),
    and a news writer who opens a sentence so means that subject. The subject is
    the first person named right after the clause's comma (titles and names between allowed), of a
    gender the pronoun fits; else None."""
    text = reg.masked[pos[0]]
    s0, e0 = _q.sentence_of(_q.sentence_bounds(text), pos[1])
    subject = _main_clause_subject(reg, pos[0], s0, e0)
    if subject is None or subject.main <= pos[1]:
        return None
    person = subject.person
    if person.org or not_a_referent(person) or person.gender not in (None, gender):
        return None
    return person


class MainClauseSubject(NamedTuple):
    """The person named first in a sentence's main clause, with only titles and names before it."""
    main: int          # where the main clause starts (after a fronted adverbial's comma)
    at: int            # where the person's mention starts
    person: Person


def _main_clause_subject(reg: Registry, para: int, s0: int, e0: int) -> MainClauseSubject | None:
    """The subject of the main clause of the sentence s0..e0 of paragraph `para`: its first mention when
    only titles and names stand between the clause's start and it (`registry.main_clause_start`), else None."""
    text = reg.masked[para]
    main = main_clause_start(text, s0, e0)
    first = reg.first_mention_between(para, main, e0)
    if first is None or not _TITLE_WORDS.fullmatch(text, main, first[0][1]):
        return None
    return MainClauseSubject(main, first[0][1], first[1])


def _named_later_in_sentence(pos, reg: Registry, sp: Speaker) -> list[Person]:
    """The people named after the pronoun in its own sentence (`He has declared Cruz to be
    "anointed"`, `she told Clinton`): a name the pronoun's clause goes on to use is not what the
    pronoun stands for (binding theory's principle C: a name is never bound by a pronoun that
    precedes and commands it; Chomsky 1981, Lectures on Government and Binding, ch. 3). A name set
    off right after it by a comma restates the pronoun (`he, Christie, was`) and is kept."""
    text = reg.masked[pos[0]]
    end = _q.sentence_of(_q.sentence_bounds(text), pos[1])[1]
    after = pos[1] + len(sp.words[0])
    stop = _CLAUSE_END.search(text, after + 1, end)
    end = stop.start() if stop else end
    k = bisect.bisect_right(reg.mentions, pos, key=mention_pos)
    later = []
    for mpos, person in reg.mentions[k:]:
        if mpos[0] != pos[0] or mpos[1] >= end:
            break
        if mpos[1] >= after and not _COMMA_AT_END.fullmatch(text, after, mpos[1]) and \
                not _inside_longer_name(text, mpos[1], person):
            later.append(person)
    return later


_NAME_RUN = re.compile(r"[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*)*")


def _named_in_quotation(said: str, reg: Registry) -> list[Person]:
    """The people a quotation names by their surname (`"Cruz is our best debater," he says`): a
    speaker speaks of himself as `I`, so a person the quotation names is not its pronoun source
    (the same reasoning as `_before_reported_content`). A surname two people of the article share
    (Bill and Hillary Clinton) rules out neither."""
    if not said:
        return []
    named = []
    for m in _CAPITALISED.finditer(said):
        people = reg.by_surname.get(m.group(1).lower(), ())
        if len(people) != 1 or people[0].org or people[0].name.split()[-1] != m.group(1) or people[0] in named:
            continue
        if _AFTER_CAPITALISED.search(said, 0, m.start()) or not _SURNAME_AS_SUBJECT_OR_OBJECT.match(said, m.end()):
            continue
        named.append(people[0])
    return named


# a surname alone, as the subject of a verb or at a clause's end (`Cruz is our best debater`, `vote
# for Cruz.`); not after another capitalised word (`Bernie Sanders`, `Senator Sanders`: how a
# politician names himself), nor before a word it modifies (`the Clinton Foundation`, `Trump supporters`)
_CAPITALISED = re.compile(r"\b([A-Z][a-z][\w-]*)(?:\u2019s|'s)?\b")
_AFTER_CAPITALISED = re.compile(r"\b[A-Z][\w.]*\s+$")
_SURNAME_AS_SUBJECT_OR_OBJECT = re.compile(
    r"\s*(?:[,.;:!?\u201d\"\u2019)]|$|(?:is|was|has|had|will|would|can|could|should|did|does|"
    r"says|said|wants|thinks|knows|and|or)\b)")


def _inside_longer_name(text: str, start: int, person: Person) -> bool:
    """True when the mention at `start` goes on into a longer name that does not end with the
    person's surname (`Trump National Golf Club`, `the Clinton Foundation`): a name of a place or
    an organisation, not a mention of the person."""
    run = _NAME_RUN.match(text, start)
    if run is None:
        return False
    last = run.group().split()[-1]
    for ending in ("\u2019s", "'s"):
        last = last.removesuffix(ending)
    return last != person.name.split()[-1]


def _not_named_later(person: Person | None, look, reg: Registry, later: list, gender: str) -> Person | None:
    """`person`, or when the pronoun's sentence names it after the pronoun, the person of that
    gender named last before that person's mention (up to three steps back; else `person`)."""
    first = person
    for _ in range(3):
        if person is None or person not in later:
            return person
        mpos = reg.last_mention_before(person, look)
        if mpos is None:
            return first
        look = mpos
        person = reg.last_before(look, gender=gender)
    return person if person is not None and person not in later else first


def _past_fronted_mentions(person: Person | None, look, reg: Registry, later: list, gender: str) -> Person | None:
    """`person`, or when its last mention stands in a participle phrase that opens an earlier sentence
    whose main clause opens with a he / she of the pronoun's gender (`Dismayed by his memory of Bill
    Clinton's years …, he's committed to the Vermont senator.` / `"…," he said` is not Bill Clinton's),
    the person of that gender named last before that sentence (up to three sentences back; else
    `person`). The participle's understood subject is the main clause's pronoun, so the names inside the
    phrase are not its referent (as `Registry._fronted_participle` for the pronoun's own sentence), and
    the he / she that follows continues that subject (as `Registry._after_same_pronoun`). Not an
    adverbial clause with a subject of its own: `Though Bush's campaign has languished, he began` may
    mean Bush (backward anaphora, `_cataphora_subject`)."""
    first = person
    for _ in range(3):
        mpos = reg.last_mention_before(person, look) if person is not None else None
        if mpos is None:
            return first
        text = reg.masked[mpos[0]]
        s0, e0 = _q.sentence_of(_q.sentence_bounds(text), mpos[1])
        main = main_clause_start(text, s0, e0)
        pron = _SUBJECT_PRONOUN_AT.match(text, main)
        opener = FIRST_WORD.match(text, s0)
        if main == s0 or mpos[1] >= main or pron is None or (pron.group(1).lower() == "he") != (gender == "m") \
                or (mpos[0], e0) > tuple(look) or opener is None or not PARTICIPLE.fullmatch(opener.group(1)) \
                or known_first_name(opener.group(1)):
            return person
        look = (mpos[0], s0)
        person = reg.last_before(look, gender=gender)
        if person is None or person in later:
            return first
    return first


_SUBJECT_PRONOUN_AT = re.compile(r"\s*(he|she|He|She)\b")


def _before_reported_content(pos, reg: Registry, sp: Speaker):
    """Where to look back from for a pronoun that cues the clause before it (`The Murdoch outlets have
    been standing in the way, he said, …`): that clause's start, as a name in what the source said is
    not the source (who would say `I` / `we`); else `pos`."""
    text = reg.masked[pos[0]]
    if not _COMMA_AT_END.search(text, max(0, pos[1] - 3), pos[1]):
        return pos
    after = text[pos[1] + len(sp.words[0]):pos[1] + len(sp.words[0]) + 20].split()
    if not after or not verb_regex().fullmatch(after[0].strip(",.")):
        return pos
    s0 = _q.sentence_of(_q.sentence_bounds(text), pos[1])[0]
    if s0 >= pos[1]:
        return pos
    # only the clause right before it (`… Robby Mook acknowledged …, which is an outcome, he said, "…"`
    # keeps Mook): from the comma, dash or semicolon before that clause, else the sentence's start
    # (`Christie said that was natural — no different, he said, from …` keeps Christie)
    bounds = [m.start() for m in _CLAUSE_MARK.finditer(text, s0, text.rfind(",", s0, pos[1]))]
    return (pos[0], bounds[-1] if bounds else s0)


def _recent_speaker(person: Person | None, pos, reg: Registry, history: list, gender: str) -> Person | None:
    """The person who spoke last (`Biden said.` … `"…," he said`), when the pronoun's candidate
    `person` was last named in that attribution's sentence or before it (`Trump's accusation …,
    Biden said`): a source that has just spoken is the likeliest `he` of the next speech verb.
    None when there is no such speaker in this paragraph or the one before, or it is `person`."""
    for entry in reversed(history):
        if entry.pos is None or entry.is_group or not entry.name or entry.pos[0] < pos[0] - 1:
            return None
        speaker = reg.find(entry.name)
        if speaker is None or speaker.org or \
                speaker.gender not in (None, gender) or not_a_referent(speaker):
            continue
        if speaker is person or person is None:
            return None
        mpos = reg.last_mention_before(person, pos)
        if mpos is None or mpos >= (entry.pos[0], entry.pos[2]):
            return None
        return None if _subject_over_speaker(reg, person, entry, speaker) or \
            _subject_after_fronted_speaker(reg, person, entry, speaker) else speaker
    return None


def _subject_over_speaker(reg: Registry, person: Person, entry, speaker: Person) -> bool:
    """True when the pronoun's candidate `person` opens the main clause of the recent speaker's
    sentence and the speaker is named after it, in a clause after the subject's (`Carson turned the
    story back on the Post, pointing out that the paper's Robert Costa had reported …`): the speaker's
    report is embedded in the subject's clause, and the subject stays the most salient person (Lappin &
    Leass 1994: the subject outweighs a noun phrase inside a complement or adjunct). Not a possessive
    (`Trump's accusation …, Biden said`), a name in the speaker's own noun phrase (`Trump senior adviser
    Jason Miller said`), nor a speaker after a comma, the subject of a cue that follows or interrupts
    its content (`Cruz electrified the crowds …, Stovall said.`, `Trump, Sexton said, has created`)."""
    para, s0, e0 = entry.pos
    text = reg.masked[para]
    first = reg.first_mention_between(para, s0, e0)
    if first is None or first[1] is not person:
        return False
    at = first[0][1]
    if text[main_clause_start(text, s0, at):at].strip() or _possessive_at(text, at):
        return False
    later = reg.last_mention_before(speaker, (para, e0))
    return later is not None and later[1] > at and not _COMMA_AT_END.search(text, at, later[1]) \
        and _CLAUSE_AFTER_SUBJECT.search(text, at, later[1]) is not None


_CLAUSE_AFTER_SUBJECT = re.compile(r",|\bthat\b")


def _subject_after_fronted_speaker(reg: Registry, person: Person, entry, speaker: Person) -> bool:
    """True when the recent speaker is named only in an adverbial that opens its sentence and the
    pronoun's candidate `person` opens the main clause after it (`When Maddow pointed out that …,
    Clinton seized upon the reference …` / `"…," she said` is Clinton's): a noun phrase in a fronted
    adverbial is less salient than the main clause's subject (Lappin & Leass 1994, as
    `registry.main_clause_start`). Not a possessive subject (`Trump's campaign`)."""
    para, s0, e0 = entry.pos
    subject = _main_clause_subject(reg, para, s0, e0)
    if subject is None or subject.main == s0 or subject.person is not person or \
            _possessive_at(reg.masked[para], subject.at):
        return False
    last = reg.last_mention_before(speaker, (para, e0))
    return last is not None and (para, s0) <= last < (para, subject.main)
_WORD_AT = re.compile(r"[\w.\u2019'-]+")


def _possessive_at(text: str, start: int) -> bool:
    """True when the word that starts at `start` ends in a possessive `'s` (`Trump's campaign`)."""
    return text.startswith(("\u2019s", "'s"), start + len(_word_at(text, start)))


def _word_at(text: str, start: int) -> str:
    """The word (letters, full stops, apostrophes, hyphens) that starts at `start`, possessive ending aside."""
    m = _WORD_AT.match(text, start)
    word = m.group() if m else ""
    for ending in ("\u2019s", "'s"):
        word = word.removesuffix(ending)
    return word

"""From a parsed `Speaker` to (canonical speaker, role, source type): pronouns to the person named
before (gender-aware), names to the registry's fullest form (acronyms expanded), descriptions to
the person or group they refer to, or kept as an unnamed source.
"""
from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from analysis import quotes as _q
from analysis.sourcing.lexicon import (
    clean_word,
    country_type,
    cue_hits,
    cues_at,
    group_type,
    kind_words,
    synonyms,
    type_of,
    verb_regex,
)
from analysis.sourcing.firstnames import known_first_name
from analysis.sourcing.names import (CALENDAR, ORG_RUN, PARTY_STATE, name_runs, names_an_org, not_name_start, org_word,
                                     split_role, without_home_place)
from analysis.sourcing.phrases import SHARE_SUBJECT
from analysis.sourcing.records import Person, Resolved, Speaker
from analysis.sourcing.referents import demonym_words, is_place_name, not_a_referent, plural_role_name
from analysis.sourcing.registry import (AGED_HEADS, Registry, courtesy_gender, in_prepositional_phrase,
                                        main_clause_start, mention_pos)

_ACRONYM = re.compile(r"^[A-Z]{2,}$")          # WHO, NATO: never a function word
_PRONOUNS_AND_POSSESSIVES = kind_words("pronoun") | kind_words("possessive")
_SPACE_OR_HYPHEN = re.compile(r"[\s-]+")


def resolve_speaker(sp: Speaker, pos, reg: Registry, history: list, said: str = "") -> Resolved:
    """(canonical speaker, role, source type) for a parsed speaker phrase at position `pos`
    (paragraph, offset); `history` holds the sources resolved before it (`HistoryEntry`); `said`,
    when given, is the quotation the phrase is the source of."""
    if sp.kind == "pronoun":
        return _resolve_pronoun(sp, pos, reg, history, said)
    if sp.kind == "name":
        return _resolve_named(sp, pos, reg)
    return resolve_description(sp, pos, reg, history)


def _resolve_pronoun(sp: Speaker, pos, reg: Registry, history: list, said: str = "") -> Resolved:
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


def _resolve_named(sp: Speaker, pos, reg: Registry) -> Resolved:
    """A name phrase: leading words that are not names dropped, `X and Y` resolved one by one."""
    words = [w for w in sp.words if w and not PARTY_STATE.match(w)]
    # leading words that are not names: function words, glue, and capitalised common words
    # that the article also uses in lower case ("Another", "Over", "Being President")
    initial = _sentence_initial(reg, pos[0], sp.start)
    while words and not _ACRONYM.match(words[0]) and (
            words[0].lower() in kind_words("function") or not words[0][:1].isupper()
            or not_name_start(words[0], words[1:])
            or (len(words) > 2 and words[0].endswith(("\u2019s", "'s")))
            or (initial and reg.has_lower_word(words[0].lower()) and len(words) > 1
                and not cues_at(words[0]))):
        words = words[1:]
        initial = False
    if not words or (len(words) == 1 and CALENDAR.match(words[0])):
        return Resolved(None, None, "other")
    if len(words) == 1 and words[0].lower() in _PRONOUNS_AND_POSSESSIVES:
        # `He and his wife had just welcomed`, `His office put out a statement saying`: a pronoun
        # is resolved as one; a possessive alone names nobody
        if words[0].lower() in kind_words("possessive"):
            return Resolved(None, None, "other")
        return _resolve_pronoun(Speaker("pronoun", [words[0].lower()], start=sp.start, text=words[0]),
                                pos, reg, [])
    modified = _place_modifying_role(words, sp, pos, reg)
    if modified is not None:
        return modified
    words = without_home_place(words)
    groups = _split_and(words)
    resolved = [_resolve_name(group, sp.role if len(groups) == 1 else None, reg, pos) for group in groups]
    if len(resolved) == 1:
        return resolved[0]
    names = " and ".join(r.speaker for r in resolved)
    roles = [r.role for r in resolved if r.role]
    types = {r.source_type for r in resolved}
    return Resolved(names, " and ".join(roles) if roles else None, types.pop() if len(types) == 1 else "other")


_LOWER_WORDS_AFTER = re.compile(r"(?:[ \t]+[a-z][a-z\u2019'-]*){1,4}")
_NAME_AFTER = re.compile(r"[ \t]+([A-Z][\w.\u2019'-]*(?:[ \t]+[A-Z][\w.\u2019'-]*)+)")
_DETERMINER_BEFORE = re.compile(r"\b(the|a|an|one|another)[ \t]+$", re.IGNORECASE)


def _place_modifying_role(words: list[str], sp: Speaker, pos, reg: Registry) -> Resolved | None:
    """`The Florida senator sought`, `said Idaho nutritional-supplement executive Frank VanderSloot`,
    `One Democratic official who relayed`: a place (or one capitalised role word) written before
    lower-case words ending in a role noun modifies that noun; it names nobody (issue 13). The
    capitalised name right after the role is the speaker, else the description as written."""
    text = " ".join(words)
    if not (1 <= len(words) <= 3 and (is_place_name(text) or (len(words) == 1 and (
            any(r["kind"] == "role" for r in cues_at(words[0])) or words[0].lower() in kind_words("determiner"))))):
        return None                 # `One employee at a software firm`: `One` is a determiner
    masked = reg.masked[pos[0]] if pos and pos[0] < len(reg.masked) else ""
    at = masked.find(text, max(sp.start - 2, 0), sp.start + 60 + len(text))
    tail = _LOWER_WORDS_AFTER.match(masked, at + len(text)) if at >= 0 else None
    if tail is None:
        return None
    lower = tail.group().split()
    roles = [k for k, w in enumerate(lower) if w not in kind_words("function")
             and any(r["kind"] == "role" for r in cues_at(w))]
    if not roles or roles[0] > 1 or (roles[0] == 1 and lower[0].endswith(("ed", "s")) and "-" not in lower[0]):
        return None                 # `France reminded foreign policy experts`: a clause, no modifier
    role_words = lower[:roles[0] + 1]
    name = _NAME_AFTER.match(masked, at + len(text) + len(" ".join(role_words)) + 1) \
        if roles[0] == len(lower) - 1 else None
    if name is not None:
        return _resolve_name(name.group(1).split(), " ".join([text, *role_words]), reg, pos)
    det = _DETERMINER_BEFORE.search(masked, max(at - 10, 0), at)
    phrase = [det.group(1).lower()] if det else []
    phrase += [*(w.lower() if w.lower() in kind_words("determiner") else w for w in words), *role_words]
    found = resolve_description(Speaker("desc", phrase, start=det.start(1) if det else at,
                                        text=" ".join(phrase)), pos, reg, [])
    described = " ".join(phrase)
    mismatch = bool(found.role) and text.lower() not in found.role.lower()
    if mismatch or (found.speaker or "").lower() == described.lower():
        # `the Vermont senator` is not the `Republican Sen.` named last; `Florida Sen. Marco Rubio`
        # written elsewhere in the article is `the Florida senator`
        person = _titled_with_place(reg, text, role_words[-1]) if is_place_name(text) else None
        if person is not None:
            return Resolved(person.name, person.role, person.type or type_of(described) or "other")
        if mismatch:
            return Resolved(described, None, type_of(described) or "other")
    return found


def _titled_with_place(reg: Registry, place: str, head: str) -> Person | None:
    """The one person the article names as `<place> <title> <name>` (`Florida Sen. Marco Rubio`)
    with a title of that head word (`senator`), else None."""
    joined = reg.joined()
    found = {}
    titled = re.compile(rf"\b{re.escape(place)}[ \t]+((?:[\w.\u2019'-]+[ \t]+){{1,2}}?)"
                        r"([A-Z][\w\u2019'-]+(?:[ \t]+[A-Z][\w\u2019'-]+)+)")
    for m in titled.finditer(joined):
        person = reg.get(m.group(2).split()[-1])
        if person is not None and not person.org and _same_head(head, m.group(1).strip()):
            found[person.name] = person
    return next(iter(found.values())) if len(found) == 1 else None


# ------------------------------------------------------------------------------ descriptions
class Description(NamedTuple):
    """A description phrase (`the ministry`, `an official`, `China’s ambassador`) being resolved."""
    speaker: Speaker
    words: list
    kinds: set                # cue kinds of the words after `the` (set only for `the` + 1-3 words)
    text: str                 # as written, its determiner lower-cased
    type: str | None          # type_of(text)
    first: str                # first word, lower case
    pos: tuple
    reg: Registry
    history: list

    @property
    def possessive(self) -> bool:
        """The phrase as written has a possessive (`China’s ambassador`)."""
        return any(w.endswith(("\u2019s", "'s")) for w in (self.speaker.text or "").split())


def resolve_description(sp: Speaker, pos, reg: Registry, history: list) -> Resolved:
    """A description: the first of DESCRIPTION_RULES that gives a source, else the description
    itself, typed by the taxonomy."""
    words = sp.words
    text = sp.text or " ".join(words)
    found = _poll_share(text, pos, reg) or _group_alias(words, reg)
    if found is not None:
        return found
    if words and words[0].lower() in kind_words("determiner") and text[:1].isupper():
        text = text[0].lower() + text[1:]
    typ = type_of(text)
    first = words[0].lower() if words else ""
    kinds = _cue_kinds(words) if first == "the" and 2 <= len(words) <= 4 else set()
    phrase = Description(sp, words, kinds, text, typ, first, pos, reg, history)
    for rule in DESCRIPTION_RULES:
        found = rule(phrase)
        if found is not None:
            return found
    return Resolved(text, None, typ or "other")


def _poll_share(text: str, pos, reg: Registry) -> Resolved | None:
    """`Fifty-one percent say`: a share of respondents speaks through the poll that asked them."""
    if ("ercent" in text or "ajority" in text or "%" in text) and SHARE_SUBJECT.fullmatch(" " + text):
        poll = reg.poll_before(pos)
        if poll:
            return Resolved(poll[0].lower() + poll[1:], None, "poll_survey")
    return None


def _group_alias(words: list, reg: Registry) -> Resolved | None:
    """`the physicians stated`: the organisation the article says these people form."""
    if reg.group_alias and words and words[0].lower() in kind_words("determiner"):
        for word in words[1:]:
            word = clean_word(word).lower()
            for key in (word, *synonyms().get(word, ())):
                org = reg.group_alias.get(key)
                if org:
                    return Resolved(org, None, group_type(org))
    return None


_PLAIN_PLURAL_TYPES = ("government_official", "military_security", "media_news_agency", "document_report",
                       "poll_survey", "business")


def _unnamed_source(d: Description) -> Resolved | None:
    """`an official`, `officials`, `some protesters`: an unnamed source, or a document, medium, court,
    crowd or organisation's spokesperson typed as such."""
    words, text, typ = d.words, d.text, d.type
    if not (d.first in kind_words("indefinite") or (d.first not in kind_words("determiner") and words
                                                     and words[-1].lower().endswith("s")
                                                     and typ not in _PLAIN_PLURAL_TYPES)):
        return None
    if typ in ("poll_survey", "document_report", "media_news_agency"):
        return Resolved(text, None, typ)
    if words[-1].lower() in _COURT_HEADS and not _UNNAMED_MARK.search(text):
        # "a judge ruled": courts act in public rulings, never as unnamed sources
        return Resolved(text, None, "government_official")
    if typ == "citizen_eyewitness" and d.first not in ("a", "an", "one") and words[-1].lower().endswith("s") \
            and type_of(words[-1]) == typ:
        # "some Indiana protesters chanted": a crowd, not a source kept unnamed
        return Resolved(text, None, typ)
    if any(_is_spokes(w) for w in words) and not _UNNAMED_MARK.search(text):
        # "a company spokesperson": an unnamed voice of an organisation the article types
        # (`company`, `ministry`) speaks with that organisation's type
        org_typ = type_of(" ".join(w for w in words if not _is_spokes(w)))
        if org_typ is not None:
            return Resolved(text, None, org_typ)
    return Resolved(text, None, "anonymous_unnamed")


def _possessive_role(d: Description) -> Resolved | None:
    """`China’s ambassador to Britain`: the one person registered with that role word."""
    words, raw_words = d.words, (d.speaker.text or "").split()
    if not (words and words[0].endswith(("\u2019s", "'s")) or (len(words) > 1 and words[0][:1].isupper()
                                                               and raw_words[0].endswith(("\u2019s", "'s")))
            or (d.first == "the" and any(w.endswith(("\u2019s", "'s")) for w in raw_words[1:-1]))):
        return None
    heads = [w.lower() for w in words if any(r["kind"] == "role" for r in cues_at(clean_word(w)))]
    people = [p for p in d.reg.people() if p.role and not p.org and
              any(_same_head(h, p.role) for h in heads)]
    if len({p.name for p in people}) == 1:
        return Resolved(people[0].name, people[0].role, people[0].type or d.type or "other")
    return None


def _people_with_head(reg: Registry, head: str) -> list[Person]:
    return [p for p in reg.people() if p.role and not p.org and _same_head(head, p.role)]


def _the_named_group(d: Description) -> Resolved | None:
    """`the ministers`: the named people with that role, in order of first mention."""
    if d.first != "the" or len(d.words) < 2 or not d.words[-1].lower().endswith("s"):
        return None
    people = _people_with_head(d.reg, d.words[-1].lower())
    if len(people) < 2:
        return None
    # named before the cue only: never people the article names after it (`The GOP leaders have signaled`
    # is not the Democrats Reid and Pelosi named in a later sentence)
    people_sorted = [p for at, p in sorted(((_first_pos(d.reg, p), p) for p in people), key=lambda x: x[0])
                     if at < d.pos]
    if len({p.name for p in people_sorted}) < 2:
        return None
    names = []
    for person in people_sorted:
        if person.name not in names:
            names.append(person.name)
    types = {p.type for p in people_sorted}
    return Resolved(" and ".join(names), " and ".join(p.role for p in people_sorted),
                    types.pop() if len(types) == 1 else (d.type or "other"))


def _the_role_holder(d: Description) -> Resolved | None:
    """`the governor`: of the people with that role, the one mentioned last before."""
    if d.first != "the" or not 2 <= len(d.words) <= 3 or d.words[-1].lower().endswith("s"):
        return None
    people = _people_with_head(d.reg, d.words[-1].lower())
    if not people:
        return None
    # the last mention before d.pos of one of them: per person its mentions (indices into
    # reg.mentions, in reading order), so a description costs a look-up, not a scan of the article
    mentions = d.reg.mentions
    where = _mentions_by_person(mentions)
    latest = -1
    for x in people:
        indices = where.get(id(x), ())
        k = bisect.bisect_left(indices, d.pos, key=lambda j: mentions[j][0])
        if k:
            latest = max(latest, indices[k - 1])
    if latest < 0:          # a speaker is named before its cue, never only after it: the description
        return Resolved(d.text, None, d.type or "other")
    person = mentions[latest][1]
    return Resolved(person.name, person.role, person.type or d.type or "other")


_BY_PERSON: list = [None]      # [(the mentions list, its length, {id(person): [indices]})]


def _mentions_by_person(mentions: list) -> dict[int, list[int]]:
    """{id(person): indices of its entries in `mentions`}, made once per registry's mention list
    (read and replaced as one tuple, so threads sharing the module never mix two articles)."""
    cached = _BY_PERSON[0]
    if cached is None or cached[0] is not mentions or cached[1] != len(mentions):
        where: dict[int, list[int]] = {}
        for j, (_, person) in enumerate(mentions):
            where.setdefault(id(person), []).append(j)
        cached = (mentions, len(mentions), where)
        _BY_PERSON[0] = cached
    return cached[2]


def _short_the(d: Description) -> bool:
    """`the <one to three words>`: a definite description that may point back."""
    return d.first == "the" and 2 <= len(d.words) <= 4


def _cue_kinds(words: list) -> set:
    return {row["kind"] for _, _, row in cue_hits([clean_word(w) for w in words[1:]])}


def _introduced_before(d: Description) -> Resolved | None:
    """`the insider` after `an insider`: the unnamed source introduced before; `the patient` after
    `a 43-year-old man`: the unnamed person introduced by age."""
    if not _short_the(d):
        return None
    head = d.words[-1].lower()
    earlier = None if "document" in d.kinds else d.reg.indefinite_before(d.pos, clean_word(d.words[-1]))
    if earlier is None and head in AGED_HEADS and not d.possessive:
        aged = d.reg.aged_before(d.pos)
        if aged:
            aged = aged[0].lower() + aged[1:].replace("-year-old-", "-year-old ")
            return Resolved(aged, None, type_of(head) or "citizen_eyewitness")
    if earlier:
        return Resolved(earlier, None, "anonymous_unnamed" if type_of(earlier) not in (
            "poll_survey", "document_report", "media_news_agency") else type_of(earlier))
    return None


def _document_issuer(d: Description) -> Resolved | None:
    """`the statement said`: whoever was said to speak "in a statement" before, else who issued it,
    else the last group or organisation that spoke."""
    if not _short_the(d) or "document" not in d.kinds or "org" in d.kinds:
        return None
    head_word = clean_word(d.words[-1]).lower()
    for entry in reversed(d.history):
        if entry.name and head_word in entry.sentence and type_of(entry.name) != "document_report":
            return Resolved(entry.name, entry.role, entry.type)
    issuer = _issuer(d.reg, head_word, d.pos)       # "X issued a statement"
    if issuer is not None:
        return resolve_speaker(issuer, d.pos, d.reg, [])
    for entry in reversed(d.history):
        if entry.is_group and entry.name and type_of(entry.name) not in ("document_report",) and \
                entry.name.split()[0].lower() not in kind_words("indefinite"):
            return Resolved(entry.name, entry.role, entry.type)
    org = d.reg.last_org(d.pos)
    if org and d.type == "poll_survey" and org[1] not in _POLL_ISSUER_TYPES:
        return None         # `the 50-state poll suggests`: a party or a ministry named before ran no poll
    return Resolved(org[0], None, org[1] or "other") if org else None


# who runs polls: pollsters, news organisations, universities (the kit's source types)
_POLL_ISSUER_TYPES = ("poll_survey", "media_news_agency", "expert_academic")


def _organisation_before(d: Description) -> Resolved | None:
    """`the ministry said`: the last group of that type that spoke, else the last such organisation;
    never for a person in one (`the RNC member`, `the GOP front-runner`: a head that names a role, not an
    organisation, is a person, not the organisation)."""
    if not _short_the(d) or "org" not in d.kinds or _head_names_a_role(d.words[-1]) or \
            any(w[:1].isupper() for w in d.words[1:]):
        return None         # `the Trump campaign`, `the GOP moderates`: a name inside makes it no anaphor
    for entry in reversed(d.history):
        if entry.is_group and entry.name and entry.type == d.type and \
                not entry.name.lower().startswith(("the ", "a ", "an ")):
            return Resolved(entry.name, entry.role, entry.type)
    org = d.reg.last_org(d.pos, d.type) or None
    return Resolved(org[0], None, org[1] or d.type or "other") if org else None


def _head_names_a_role(word: str) -> bool:
    kinds = {r["kind"] for r in cues_at(clean_word(word))}
    return "role" in kinds and "org" not in kinds


def _person_before(d: Description) -> Resolved | None:
    """`the patient`: the person named last, when the article gives no role or one with the head word
    (the patient is not the pulmonologist named last)."""
    if not _short_the(d) or "document" in d.kinds or "org" in d.kinds or d.words[-1].lower().endswith("s") \
            or d.possessive:
        return None
    person = d.reg.last_before(d.pos)
    if person is not None and (not person.role or _same_head(d.words[-1].lower(), person.role)):
        return Resolved(person.name, person.role, person.type or "other")
    return None


# tried in this order; the first that gives a source wins (else the description itself)
DESCRIPTION_RULES = (_unnamed_source, _possessive_role, _the_named_group, _the_role_holder,
                     _introduced_before, _document_issuer, _organisation_before, _person_before)


_COURT_HEADS = kind_words("court_head")  # analysis/data/sourcing_words.csv, read once


_SPOKES_NOUNS = kind_words("spokes_noun")  # analysis/data/sourcing_words.csv, read once


def _is_spokes(word: str) -> bool:
    w = word.lower().rstrip(".,")
    return w.startswith("spokes") or w in _SPOKES_NOUNS


_UNNAMED_MARK = re.compile(r"anonym|not (?:be )?(?:named|identified|authori[sz]ed)|not to be (?:named|identified)"
                           r"|not wish to be|declined to be", re.IGNORECASE)


def _issuer(reg: Registry, head: str, pos) -> Speaker | None:
    """The name that comes before `head` (statement, letter) in the last earlier sentence that
    mentions it: "On Monday, Big Machine Records issued a statement" -> Big Machine Records."""
    pi, off = pos
    pat = re.compile(r"\b" + re.escape(head) + r"\b", re.IGNORECASE)
    for k in range(pi, max(-1, pi - 8), -1):
        text = reg.masked[k]
        bounds = _q.sentence_bounds(text)
        for s0, e0 in reversed(bounds):
            if k == pi and e0 >= off:
                continue
            m = pat.search(text, s0, e0)
            if not m:
                continue
            best = None
            for run in name_runs(text[s0:m.start()]):
                words = [w for w, _, _ in run if w.lower() not in kind_words("function")]
                words = [w for w in words if not CALENDAR.match(w.rstrip(".,"))]
                if words:
                    best = Speaker("name", words, start=s0 + run[0][1], text=" ".join(words))
            return best
    return None


def _sentence_initial(reg: Registry, pi: int, start: int) -> bool:
    """True when the phrase at `start` opens a sentence (its first word may be a common word)."""
    if not reg.masked or pi >= len(reg.masked):
        return False
    text = reg.masked[pi]
    i = min(max(start, 0), len(text)) - 1   # read back from `start` (no copy of the paragraph's head:
    while i >= 0 and text[i] in " \"'\u201c\u2018(":   # one long paragraph made this quadratic)
        i -= 1
    return i < 0 or text[i] in ".!?:\u201d\""


def _first_pos(reg: Registry, person: Person):
    for mpos, p in reg.mentions:
        if p is person:
            return mpos
    return (10 ** 9, 0)


def _same_head(head: str, role: str) -> bool:
    role_words = [w for w in _SPACE_OR_HYPHEN.split(role.lower()) if w]     # co-founder: founder
    stem = head[:-1] if head.endswith("s") else head
    if any(w.startswith(stem) and len(stem) >= 4 for w in role_words):
        return True
    low = " " + " ".join(role_words) + " "
    return any(f" {syn} " in low or f" {syn}s " in low for syn in synonyms().get(head, ()))


def _split_and(words: list[str]) -> list[list[str]]:
    groups, cur = [], []
    for w in words:
        if w.lower() == "and":
            if cur:
                groups.append(cur)
            cur = []
        else:
            cur.append(w)
    if cur:
        groups.append(cur)
    # "Johnson and Johnson"-style organisation names stay one
    if len(groups) > 1 and any(len(g) == 0 for g in groups):
        return [words]
    return groups


def _expand_acronym(acr: str, reg: Registry) -> str | None:
    """The name an acronym abbreviates in this article (`WHO` -> `World Health Organization`):
    a run of capitalised words, `of`/`for`/`the`/`and` aside, whose initials spell it."""
    cache = reg.acronyms
    if acr in cache:
        return cache[acr]
    found = None
    for m in ORG_RUN.finditer(reg.joined()):
        if " " not in m.group():
            continue
        toks = m.group().split()
        for i, t in enumerate(toks):             # a run ends at a word with a stop after it
            if t[:1] != acr[0]:
                continue
            caps, j = 0, i
            while j < len(toks) and caps < len(acr):
                w = toks[j].rstrip(".,;:")
                if w[:1].isupper():
                    if w[0] != acr[caps]:
                        break
                    caps += 1
                j += 1
                if toks[j - 1] != w:
                    break
            if caps == len(acr) and toks[j - 1][:1].isupper():
                found = " ".join(toks[i:j]).rstrip(".,;:")
                break
        if found:
            break
    cache[acr] = found
    return found


def _known_full_name(reg: Registry, full: tuple) -> bool:
    """A one-word name may stand for the one full name it starts (`Liu` -> `Liu Xiaming`, `Bernie`
    -> `Bernie Sanders`, `Pew` -> `Pew Research`) when that name's last word is registered (a
    person's surname, an organisation), its first word is a known first name, or no word after its
    first is ever written in lower case in the article (`Tottenham Hotspur`); a headline's run is no such
    name (`Trump` is not `Trump Train`, `Sanders` not `Sanders Told`: `train`, `told` are words)."""
    return reg.get(full[-1]) is not None or known_first_name(full[0]) or \
        not any(reg.has_lower_word(w.lower()) for w in full[1:])


def _person_after_org_title(name: list[str]) -> int:
    """Where a person's name starts after capitalised organisation words that end a title (`Senate
    Minority Whip Dick Durbin` -> 3, `Iowa State University Dianne Bystrom` -> 3): a known first name
    followed by a surname (an initial or middle name between them allowed), no organisation word among
    them; 0 when there is none (`Hillary Clinton Foundation`, `Trump Great America PAC`)."""
    for i in range(max(1, len(name) - 3), len(name) - 1):
        person = name[i:]
        if known_first_name(person[0]) and not org_word(person[0]) and all(w[:1].isupper() for w in person) \
                and not any(org_word(w) for w in person[1:]) and any(org_word(w) for w in name[:i]):
            return i
    return 0


def _resolve_name(words: list[str], role: str | None, reg: Registry, pos=None):
    if len(words) == 1 and 2 <= len(words[0]) <= 6 and _ACRONYM.match(words[0]) and reg.get(words[0]) is None:
        full = _expand_acronym(words[0], reg)
        if full:
            return Resolved(full, None, type_of(full) or type_of(words[0]) or "other")
    title, name = split_role(words)
    if len(name) == 1 and not title and reg.get(name[0]) is None:
        full = reg.first_words.get(name[0].lower())
        if full and len(full) == 1 and _known_full_name(reg, next(iter(full))):
            name = list(next(iter(full)))
    if not name:
        # an organisation (or a bare title: "Minister")
        org = " ".join(words)
        p = reg.get(words[-1])
        if p is not None and not p.org:
            return Resolved(p.name, p.role, p.type or country_type(p.name) or "other")
        return Resolved(org, None, type_of(org) or country_type(org) or "other")
    if names_an_org(name):
        k = _person_after_org_title(name)
        if not k:
            org = " ".join(words)
            return Resolved(org, None, type_of(org) or "other")
        # `Senate Minority Whip Dick Durbin`, `Washington Post Robert Costa`: the organisation's words
        # are the person's title
        title, name = title + name[:k], name[k:]
    if title and not role:
        role = " ".join(title)
    p = reg.add(name, role, pos=pos, courtesy=courtesy_gender(title) if title else None)
    return Resolved(p.name, p.role, p.type or country_type(p.name) or "other")

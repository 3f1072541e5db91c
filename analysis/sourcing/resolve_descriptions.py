"""Description resolution for a parsed `Speaker` (split out of resolve.py): a role or definite
description (`the ministry`, `an official`, `China’s ambassador`, `the statement`) to the person,
group or organisation it refers to by DESCRIPTION_RULES tried in order, else kept as an unnamed
source typed by the taxonomy. Names met on the way (a statement's issuer) are resolved by the
`named` function the caller passes (resolve.py's name resolution), so no import runs back."""
from __future__ import annotations

import bisect
import re
from typing import Callable, NamedTuple

from analysis import quotes as _q
from analysis.sourcing.lexicon import (
    clean_word,
    cue_hits,
    cues_at,
    group_type,
    kind_words,
    synonyms,
    type_of,
)
from analysis.sourcing.names import CALENDAR, name_runs
from analysis.sourcing.phrases import SHARE_SUBJECT
from analysis.sourcing.records import Person, Resolved, Speaker
from analysis.sourcing.registry import AGED_HEADS, Registry

_SPACE_OR_HYPHEN = re.compile(r"[\s-]+")


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
    named: Callable           # resolves a name phrase: named(speaker, pos, reg) -> Resolved (resolve.py)

    @property
    def possessive(self) -> bool:
        """The phrase as written has a possessive (`China’s ambassador`)."""
        return any(w.endswith(("\u2019s", "'s")) for w in (self.speaker.text or "").split())


def resolve_description(sp: Speaker, pos, reg: Registry, history: list, named: Callable) -> Resolved:
    """A description: the first of DESCRIPTION_RULES that gives a source, else the description
    itself, typed by the taxonomy. `named(speaker, pos, reg)` resolves a name phrase met on the way
    (a statement's issuer): resolve.py passes its name resolution."""
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
    phrase = Description(sp, words, kinds, text, typ, first, pos, reg, history, named)
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
              any(same_head(h, p.role) for h in heads)]
    if len({p.name for p in people}) == 1:
        return Resolved(people[0].name, people[0].role, people[0].type or d.type or "other")
    return None


def _people_with_head(reg: Registry, head: str) -> list[Person]:
    return [p for p in reg.people() if p.role and not p.org and same_head(head, p.role)]


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
        return d.named(issuer, d.pos, d.reg)      # a name phrase, as resolve_speaker reads it
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
    if person is not None and (not person.role or same_head(d.words[-1].lower(), person.role)):
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

def _first_pos(reg: Registry, person: Person):
    for mpos, p in reg.mentions:
        if p is person:
            return mpos
    return (10 ** 9, 0)


def same_head(head: str, role: str) -> bool:
    """`head` (a description's last word) names the role `role`: a role word starts with its stem
    (`founder` in `co-founder`) or the role holds one of its synonyms (lexicon.synonyms)."""
    role_words = [w for w in _SPACE_OR_HYPHEN.split(role.lower()) if w]     # co-founder: founder
    stem = head[:-1] if head.endswith("s") else head
    if any(w.startswith(stem) and len(stem) >= 4 for w in role_words):
        return True
    low = " " + " ".join(role_words) + " "
    return any(f" {syn} " in low or f" {syn}s " in low for syn in synonyms().get(head, ()))

"""Types of quoted people from the article's own descriptions of them (issue 13; docs/sourcing.md,
"Types from the article's own descriptions" and the session 6-8 rules): titles and appositions at any
mention, party tags, electoral races, ages; then definite role descriptions as anaphors (rule 13) and
a subject's own campaign (rule 19), which live in `sourcing.anaphora` (split out in session 10, size
limit; the closed-class words both read are `sourcing.description_words`). Split from `sourcing.lexicon`
(session 8, size limit); the word lists and the taxonomy it reads are `lexicon`'s.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from analysis.sourcing.anaphora import anaphora_types, campaign_pronoun_types
from analysis.sourcing.description_words import BEFORE_STOP, BOUNDARY, FINITE_VERBS, PREDICATIVE
from analysis.sourcing.firstnames import first_name_gender
from analysis.sourcing.lexicon import (after_name_cues, clean_word, countries, cue_hits, cues_at, ends_on_compound_role,
                                       is_capitalised, kind_words, names_bearer, race_regex, short_given_form,
                                       titled_family_members, type_of, verb_rows, voted_for)
from analysis.sourcing.records import Person
from analysis.sourcing.referents import demonym_words


# ------------------------------------------------------------------------- types from the article
# A person the registry holds without a typed role (named with no title where the registry looked) is
# typed from what the article says about them elsewhere: a title or description right before any
# mention (`Minnesota Sen. Al Franken`, `Early retiree and self-made millionaire Grant Sabatier`), a
# party-and-state tag (`Rubio (R-Fla.)`), a description in apposition (`Trump, the Republican
# front-runner,`), or an age in apposition (`Patrick Carlineo Jr., 55,`: an ordinary person). The
# type named most often wins (ties: the earliest); with no evidence the person stays untyped (`other`).
_PARTY_TAG = re.compile(r"\s*,?\s*(?:\(?(?:[RDI]|Dem|Rep|Ind)\s?[-\u2013]\s?[A-Z][A-Za-z.\-]{1,10}\)?|\([RDI]\))")
_AGE_APPOSITION = re.compile(r",\s*(?:age\s+)?\d{1,3}\s*(?:,|\.(?!\d)|\s+(?:of|from)\s)")
# an apposition runs to the next comma or clause mark; a long one is read from its start (its first
# twelve words, cut before a relative clause or a sentence end), so `Christian Estrosi, a former mayor
# of Nice and currently president of the Regional Council of Provence-Alpes-...` is still read
# (also after a dash: `Deborah Jordan Reynolds - Santilli's girlfriend and co-host`, `Gingrich \u2014 the former
# House speaker \u2014`)
_DASH_CUT = re.compile(r"\s--?\s")      # a hyphen between spaces closes a dash apposition
_APPOSITION_AFTER = re.compile(r"(?:,\s+|\s*[\u2014\u2013]\s*|\s+--?\s+)([^,;:!?\x00\n()\u201c\u201d\"\u2014\u2013]{2,160})")
_COPULA_AFTER = re.compile(r",?\s+(?:who\s+)?(?:is|was|has been|had been|serves as|served as|is now|was then|"
                           r"became|has become|took over as|works as|worked as|was named|was appointed)\s+"
                           r"((?:a|an|the|[A-Z][\w.\-]*(?:\s[A-Z][\w.\-]*)?['\u2019]s)\s+[^,;:!?\x00\n]{2,120})")
# `Trent Lott, who was Republican Senate majority leader until 2002`, `Daniel Benjamin, who was
# coordinator for counterterrorism at the State Department`: a relative clause whose predicate is a bare
# role (no determiner), read when its first words hold a role word (`_bare_role_type`)
_COPULA_BARE = re.compile(r",?\s+who\s+(?:is|was|has been|had been|serves as|served as|became|took over as|"
                          r"works as|worked as|was named|was appointed)\s+"
                          r"(?:(?:now|then|once|also|formerly|later)\s+)?([^,;:!?\x00\n]{2,120})")
# `Chris Cox, who runs the NRA's lobbying arm`, `Jared Sexton, who teaches at Georgia Southern University`:
# a relative clause whose verb says the person runs or works for an organisation (kind `org_verb` of
# sourcing_words.csv) gives that organisation's type (its head organisation cue)
_WHO_ORG_VERB = re.compile(r",?\s+who\s+(?:also\s+|now\s+)?(?:(?:has|had|have)\s+(?:also\s+)?)?"
                           r"([a-z\-]+(?:\s+(?:at|for|in))?)\s+([^,;:!?\x00\n]{2,100})")
# `Stephen Vladeck of the University of Texas School of Law`: a name followed by `of` and a
# capitalised organisation name (up to eight words) speaks for that organisation (its head org cue)
_OF_ORG_AFTER = re.compile(r"\s+(?:of|at|from)\s+(?:the\s+)?((?:[A-Z][\w.&'\u2019\-]*\s?(?:of\s|for\s|and\s|on\s)?){1,8})")
# `Sens. Rand Paul (Ky.)`: a US state abbreviation in brackets after a name, the convention for
# members of Congress in political news (with a party letter it is `_PARTY_TAG`)
_STATE_TAG = re.compile(r"\s*\((?:[A-Z][a-z]{1,4}\.|[A-Z]\.\s?[A-Z]\.|[A-Z][a-z]{1,4}\.\s?[A-Z][a-z]{1,4}\.)\)")
_CLAUSE_WORDS = frozenset("who whom which that whose where when while as because since".split())
_APPOSITION_OPENERS = frozenset("a an the his her their its another one former longtime veteran".split())
# `Robert Stone, a 59-year-old from Hilton Head`, `a 55-year-old salesman from Sumter` (read when the
# description types nothing else) and `62-year-old Brenda Johnson`: an age as the description
_AGE_DESCRIPTION = re.compile(r",\s+(?:an?\s+)?\d{1,3}-year-old\b")
_AGE_TITLE = re.compile(r"\b\d{1,3}-year-old\s*$")
# `Andrea Peyser writing at The New York Post`, `Nate Cohn, writing in The New York Times`, `Monica
# Crowley wrote in The Washington Times`: writing in, for or at a named publication (a capitalised
# name; `wrote on Twitter` is no publication)
_WRITES_FOR = re.compile(r",?\s+(?:who\s+)?(?:writing|wrote|writes|has written)\s+(?:in|for|at)\s+(?:The\s+)?[A-Z]")
# `X, who lives in ...`: a resident (an ordinary person), evidence only when nothing else is said, like an age
_LIVES_IN = re.compile(r",\s+who\s+(?:now\s+|still\s+)?(?:lives|has lived|resides)\s+(?:in|on|near|outside)\s")
_AGED = "(aged)"      # an age in apposition: evidence for an ordinary person only when nothing else is said
# `Sandy Phillips, who lost her daughter Jessica Ghawi during the mass shooting`: a bereaved relative (kind
# `kin_noun`), like a resident, evidence for an ordinary person only when nothing else is said
# `Jason Gilbert of Cheyenne.`, `Stacy Baker of Columbia, S.C.,`: a name followed by `of` and a capitalised run with
# no organisation word, ending the clause: the news convention for an ordinary person's hometown (AP Stylebook,
# hometowns), evidence only when nothing else is said, like an age
_OF_HOMETOWN = re.compile(r"\s+of\s+((?:[A-Z][\w.'\u2019\-]+\s?){1,3})(?=,|\.(?:\s|$)|\s+(?:said|says|told)\b)")
_LOST_KIN = re.compile(r",\s+who\s+(?:\w+\s+)?lost\s+(?:his|her|their|a|an|two|three)\s+(?:[\w\-]+\s+)?([a-z]+)\b")


# the types a role of weak role words only can have (`adviser`: other; `chief`, `director`, `strategist`:
# business, the default for an organisation the taxonomy does not know; `spokes*`, `secretary`: government):
# the person served decides first (`Cruz spokesman`: politician)
_SERVED_FROM = ("other", "business", "government_official")
ARTICLE_EVIDENCE = "article"         # the article's own words typed the source
NO_EVIDENCE = "no evidence"          # `other` because the article says nothing that types the source


def typed_from_descriptions(rows, text: str, people) -> list:
    """The attribution rows (`records.Attribution`) typed from the article's descriptions
    (`_typed_rows`), each with its `source_type_evidence`: `no evidence` for a row typed `other` with
    no role whose speaker no role or description of the article types (`other` by default, not by
    the taxonomy's `other` words), `article` for every other row."""
    rows = _typed_rows(rows, text, people)
    typed_other = {p.name for p in people if p.type == "other"}
    return [row._replace(source_type_evidence=NO_EVIDENCE if row.source_type == "other" and not row.role
                         and row.speaker not in typed_other else ARTICLE_EVIDENCE) for row in rows]


def _typed_rows(rows, text: str, people) -> list:
    """The attribution rows (`records.Attribution`) with `other` replaced, for each speaker who is a
    person of the registry without a type (`people`: registry `Person` records), by the type the
    article's descriptions of them give (`article_person_types`); speakers are not changed. Only the
    people quoted are looked up (the rest of the registry costs time and types nobody's quotes)."""
    rows = [_nonprofit_director(_country_delegate(_joint_speakers_typed(row))) for row in rows]
    served = _served_types(rows, text, people)
    if served:
        rows = [row._replace(source_type=served[row.role]) if row.source_type in _SERVED_FROM and row.role in served
                else row for row in rows]
    bare = _bare_weak_speakers(rows)
    quoted = {row.speaker for row in rows if row.source_type == "other" and row.speaker} | set(bare)
    if not quoted:
        return rows
    described = {s: t for s in quoted if (t := _description_speaker_type(s))}
    if described:
        rows = [row._replace(source_type=described[row.speaker]) if row.source_type == "other"
                and row.speaker in described else row for row in rows]
    persons = [p for p in people if p.name in quoted and not p.org
               and (p.type is None or _weak_other(p) or bare.get(p.name) == p.type)]
    if not persons:
        return rows
    weak = [p for p in persons if p.type is not None]
    before = {p.name: p.type for p in weak}
    for p in weak:
        p.type = None           # `the writer Jared Sexton`: a weak `other` role word decides only when nothing else does
    article_person_types(text, persons, _shared_surnames(people), titled_family_members(people, first_name_gender, text),
                         lambda description: _served_type(description, text, people, True))
    untyped = [p for p in persons if p.type is None]
    if untyped:
        anaphora_types(text, untyped, people)
    untyped = [p for p in persons if p.type is None]
    if untyped:
        campaign_pronoun_types(text, untyped, people)
    for p in weak:
        p.type = p.type or before[p.name]
    types = {p.name: p.type for p in persons if p.type and p.type != before.get(p.name)}
    if not types:
        return rows
    return [row._replace(source_type=types[row.speaker]) if row.speaker in types
            and (row.source_type == "other" or row.source_type == bare.get(row.speaker)) else row for row in rows]


def _joint_speakers_typed(row):
    """A row of joint speakers (`X and Y`) typed `other` because its people were resolved without the one
    role the article gives them together (`Two military analysts, Patrick Megahan and Chris Harman, said`):
    the shared role types the pair. A role of two roles joined (`actress and senator`, one each) is no
    shared role and leaves the mixed pair `other`."""
    if row.source_type != "other" or not row.role or not row.speaker or " and " not in row.speaker \
            or " and " in row.role:
        return row
    typ = type_of(row.role, True)
    return row._replace(source_type=typ) if typ else row


_EXECUTIVE_DIRECTOR = re.compile(r"\bexecutive director\b", re.IGNORECASE)


def _nonprofit_director(row):
    """A row typed `business` only by the role words `executive director` (no organisation the taxonomy types
    business named with it: `executive director of National Nurses United`, `Color of Change's executive
    director`): the title of a nonprofit's chief employee (IRS Form 990, Part VII: officers, directors, trustees
    and key employees of tax-exempt organisations; a company's head is its CEO or president), so the
    organisation is civil society (QUOTES_ANNOTATION.md: NGOs, charities, unions, advocacy groups)."""
    if row.source_type != "business" or not row.role or not _EXECUTIVE_DIRECTOR.search(row.role):
        return row
    words = [w for w in (clean_word(w) for w in row.role.split()) if w]
    business = [h for h in cue_hits(words) if h[2]["type"] == "business"
                and h[2]["words"][0].rstrip("*").lower() not in ("executive", "director")]
    return row if business else row._replace(source_type="civil_society_ngo")


# the United States' own names: a US news story's `delegate from Washington` is a party's convention delegate
_HOME_COUNTRY = frozenset(("us", "u.s.", "usa", "united states", "america", "washington"))


def _country_delegate(row):
    """A row typed `politician` by `delegate` alone whose role names a country or nationality (`delegate from
    Tuvalu`, `a Chinese delegate`): a state's delegate to international talks is its diplomat
    (QUOTES_ANNOTATION.md: ambassadors and diplomats -> government_official); a party's convention delegate
    (`delegate from Houston`, `Sanders delegate`, `African-American delegate`) stays a politician."""
    if row.source_type != "politician" or not row.role:
        return row
    words = [w for w in (clean_word(w) for w in row.role.split()) if w]
    hits = cue_hits(words)
    if not hits or any(h[2]["type"] != "other" and not h[2]["words"][0].startswith("delegate") for h in hits):
        return row
    low = [w.lower() for w in words]
    places = {" ".join(low[i:i + n]) for n in (1, 2, 3, 4) for i in range(len(low) - n + 1)}
    country = any(p in countries_lower() and p not in _HOME_COUNTRY for p in places)
    demonym = any(w[:1].isupper() and demonym_words([w]) and not w.lower().startswith(("american", "african-"))
                  and not w.lower().endswith(("american", "americans")) for w in words)
    return row._replace(source_type="government_official") if country or demonym else row


@lru_cache(maxsize=1)
def countries_lower() -> frozenset:
    """The taxonomy's country and capital names (kind `country`), lower-case."""
    return frozenset(c.lower() for c in countries())


def _bare_weak_speakers(rows) -> dict[str, str]:
    """{speaker: type} for the speakers of rows typed `business` by a role of weak role words alone, with
    no organisation or person named (`The chief, Paul Manafort`, `Chairman`, `director`): the weak default
    for an organisation the article's role does not name, so the article's other descriptions of them
    (`the campaign chief, Paul Manafort`, `the director of the Federal Bureau of Investigation`) decide
    first, as for a weak `other` word (`_weak_other`)."""
    out = {}
    for row in rows:
        if row.source_type == "business" and row.role and row.speaker and row.speaker not in out:
            words = [w for w in (clean_word(w) for w in row.role.split()) if w]
            hits = cue_hits(words)
            covered = {j for i, n, _ in hits for j in range(i, i + n)}
            if hits and len(covered) == len(words) and all(h[2]["strength"] == "weak" for h in hits):
                out[row.speaker] = row.source_type
    return out


def _description_speaker_type(speaker: str) -> str | None:
    """The type of a speaker the article names only by a description (`the gambling tycoon`, `his
    childhood friend`), read with the kind `described` words as the article's other descriptions are."""
    if not speaker[:1].islower():
        return None             # a name
    first = speaker.split(None, 1)[0]
    if first not in kind_words("determiner") and first not in kind_words("possessive"):
        return None
    typ = type_of(speaker, True, True)
    return typ if typ != "other" else None


def _weak_other(p) -> bool:
    """A person typed `other` by weak role words only (`writer`, `adviser`): the taxonomy's weak cues
    decide only when nothing else does, so the article's descriptions of them are read too."""
    if p.type != "other" or not p.role:
        return False
    hits = cue_hits([clean_word(w) for w in p.role.split()])
    return bool(hits) and all(h[2]["strength"] == "weak" for h in hits)


def _served_types(rows, text: str, people) -> dict[str, str]:
    """{role: type} for the roles of rows typed `other` whose role words are all weak and name the
    person served (`senior adviser to Cruz`, `former Obama adviser`, `Trump senior adviser`): an
    adviser, aide or spokesperson of a politician is a politician (campaign staff), of an official an
    official (their staff), as the taxonomy's decision rules say of organisations (`FBI general
    counsel`). The person served is a capitalised word of the role that is no cue or role modifier;
    their type is their registry type, else what the article says of them (`article_person_types`)."""
    out = {}
    business = {row.role for row in rows if row.source_type != "other" and row.role}
    for role in {row.role for row in rows if row.source_type in _SERVED_FROM and row.role}:
        if role in business and _heads_organisation(role):
            continue            # `president of Chapter & Verse`: the organisation named decides, not a person
        typ = _served_type(role, text, people)
        if typ:
            out[role] = typ
    return out


def _heads_organisation(role: str) -> bool:
    """A role with a word for the head of an organisation (kind `organisation_head`: `president`,
    `chairman`): the organisation named with it decides its type, not a person named in it."""
    heads = kind_words("organisation_head")
    return any(clean_word(w).lower() in heads for w in role.split())


def _served_type(role: str, text: str, people, described: bool = False) -> str | None:
    """`politician` or `government_official`: the type of the person a role of weak role words only
    names as the one served (`_served_types`; `described`: also kind `described` rows, for the
    article's own descriptions), else None."""
    words = [clean_word(w) for w in role.split()]
    hits = cue_hits(words, described)
    if not hits or any(h[2]["strength"] == "head" for h in hits):
        return None
    in_cue = {j for i, n, _ in hits for j in range(i, i + n)}
    names = [w for i, w in enumerate(words) if i not in in_cue and len(w) > 2 and is_capitalised(w)
             and w.lower() not in kind_words("role_modifier")]
    if words[-1].lower().rstrip(".") in kind_words("honorific"):
        # `senior adviser to Mr`: the role was cut at the courtesy title; the name follows it in the text
        after = re.search(re.escape(role) + r"\.?\s+([A-Z][\w\-]+)", text)
        names = [after.group(1)] if after else []
    # the person served is the last capitalised word that names a typed person (`Former Clinton
    # Senior Adviser`: not `Senior`)
    typ = next((t for t in (_person_type(w, text, people) for w in reversed(names[-2:])) if t), None)
    return typ if typ in ("politician", "government_official") else None


def _person_type(last: str, text: str, people) -> str | None:
    """A registry person's type for a surname `last`, else the type the article's descriptions give."""
    for p in people:
        if not p.org and p.name and p.name.split()[-1] == last and p.type:
            return p.type
    probe = Person(last)
    article_person_types(text, [probe])
    return probe.type


def _shared_surnames(people) -> frozenset:
    """Surnames that two people of the registry with different first names share (`Donald Trump`
    and `Melania Trump`): a mention of such a surname alone is nobody's evidence."""
    firsts: dict[str, set] = {}
    for p in people:
        words = (p.name or "").split()
        if not p.org and len(words) > 1:
            firsts.setdefault(words[-1], set()).add(words[0])
    return frozenset(last for last, names in firsts.items() if len(names) > 1 and not short_given_form(names))


def article_person_types(text: str, people, shared: frozenset = frozenset(), titled=None, served=None) -> None:
    """Set `type` on each person of `people` (registry `Person` records) that is not an organisation
    and has no type yet, from the article's own descriptions of them (`text`: the article, quoted
    words masked). Rules, in the order they are tried at each mention of the person's last name:
    a party-and-state tag after the name (politician); an age in apposition (`X, 34,`:
    citizen_eyewitness); a description in apposition (`X, a delegate from Michigan who ...`) or the
    title or description right before the name, each typed by `type_of(..., person=True)`.
    The most frequent type wins, ties by the earliest mention. For a surname in `shared` (two people
    of the article bear it) only the mentions `lexicon.names_bearer` gives the person count (`titled`)."""
    todo = {}
    suffixes = kind_words("name_suffix")
    for p in people:
        if p.type is None and not p.org and p.name:
            words = [w for w in p.name.split() if w.lower().rstrip(".,") not in suffixes] or p.name.split()
            last = words[-1].rstrip(".,")
            if len(last) > 1 and last[0].isupper():
                # a shared surname counts where one of the person's given names stands right before it
                # (`Gabriela Violeta Lazar`: the middle name too)
                given = tuple(words[:-1]) if last in shared and len(words) > 1 else None
                todo.setdefault((last, given), []).append(p)
    if not todo:
        return
    votes: dict[tuple, dict[str, list]] = {}      # (surname, first name or None) -> {type: [count, first at]}
    aged: set[tuple] = set()
    for (last, first), group in todo.items():
        name_words = group[0].name.split()
        mentions = [m for m in _mentions(text, last)
                    if not first or names_bearer(text[max(0, m[0] - 40):m[0]].split()[-1:], last, first, titled or {})]
        for i, (start, end, possessive) in enumerate(mentions):
            typ = _mention_type(text, start, end, possessive, name_words)
            if isinstance(typ, _ServedBy):
                typ = served(typ.description) if served else None
            if typ == _AGED:
                if i == 0:        # introduced with an age (`Jane Doe, 34, of Baldwin`), not aged later
                    aged.add((last, first))
            elif typ:
                votes.setdefault((last, first), {}).setdefault(typ, [0, start])[0] += 1
    for key in todo:
        tally = votes.get(key)
        if tally:
            best = min(tally.items(), key=lambda kv: (-kv[1][0], kv[1][1]))[0]
        elif key in aged:
            best = "citizen_eyewitness"
        else:
            continue
        for p in todo[key]:
            p.type = best


_NAME_TAIL = re.compile(r"(?:,?\s+(?:Jr|Sr|II|III|IV)\b\.?)?(['\u2019]s)?(?![\w\-])")


def _mentions(text: str, last: str):
    """(start, end, possessive) of each whole-word mention of a surname (`Carlineo Jr.`, `Trump's`
    included), found with `str.find` (one regex per article would cost more than the search)."""
    j = text.find(last)
    while j >= 0:
        before = text[j - 1] if j else " "
        if not (before.isalnum() or before in "_-\u2019'"):
            tail = _NAME_TAIL.match(text, j + len(last))
            if tail:
                yield j, tail.end(), tail.group(1) is not None
        j = text.find(last, j + len(last))


def _mention_type(text: str, start: int, end: int, possessive: bool, name_words: list[str]) -> str | None:
    """The source type one mention of a person (text[start:end]) gives evidence for (None: none)."""
    if voted_for(text, start):
        return "politician"     # `would not vote for Mr. Cruz`: a candidate
    nxt = text[end:end + 1]
    if nxt == " ":
        following = text[end + 1:end + 40].split(None, 2)[:2]
        if following:
            cues = after_name_cues()
            words = tuple(clean_word(w).rstrip(".").lower() for w in following)    # `the Clinton campaign.`
            typ = cues.get(words) or cues.get(words[:1])
            if typ:
                return typ
    if not possessive and nxt in " ,\u2014\u2013":
        typ = _after_mention(text, end)
        if typ == "citizen_eyewitness" or isinstance(typ, _ServedBy) or typ == _AGED and _hometown(text, end):
            # an ordinary person's word gives way to an occupation in the title before the same mention
            # (`Silicon Valley billionaire Peter Thiel, a strong supporter of gay marriage`), and so does
            # a description that names the person served or a hometown (`political scientist Patrick Murray of`)
            title = _title_before(text, start, name_words)
            return title if title and not isinstance(title, _ServedBy) else typ
        if typ:
            return typ
    return _title_before(text, start, name_words)


def _after_mention(text: str, end: int) -> str | None:
    """Evidence written right after a mention: a party tag, an electoral race, an age or a
    description in apposition (or after is / was)."""
    if _PARTY_TAG.match(text, end) or _STATE_TAG.match(text, end):
        return "politician"
    if race_regex().match(text, end):
        return "politician"
    if _AGE_APPOSITION.match(text, end) or _LIVES_IN.match(text, end):
        return _AGED
    kin = _LOST_KIN.match(text, end)
    if kin and kin.group(1) in kind_words("kin_noun"):
        return _AGED
    if _WRITES_FOR.match(text, end):
        return "media_news_agency"
    app = _COPULA_AFTER.match(text, end) or _APPOSITION_AFTER.match(text, end)
    phrase = _DASH_CUT.split(app.group(1), 1)[0] if app else None
    typ = _apposition_type(phrase) if phrase else None
    if typ is None and phrase and app.re is _APPOSITION_AFTER:
        typ = _apposition_relative(text, app.start(1), phrase)
    if typ is None and text.startswith(" and ", end):
        typ = _coordinated_apposition(text, end)
    if typ is None and text[end:end + 7].lstrip(", ").startswith("who "):
        bare = _COPULA_BARE.match(text, end)
        typ = _bare_role_type(bare.group(1)) if bare else None
        if typ is None:
            org = _WHO_ORG_VERB.match(text, end)
            typ = _org_verb_type(org.group(1), org.group(2)) if org else None
    if typ is None and text[end:end + 1] == " ":
        org = _OF_ORG_AFTER.match(text, end)
        typ = _org_type(org.group(1)) if org else None
    if typ is None and _AGE_DESCRIPTION.match(text, end):
        return _AGED            # `a 59-year-old from Hilton Head`: an age and nothing typed
    if typ is None and not phrase and _hometown(text, end):
        return _AGED
    if typ is None and phrase:
        return _served_description(phrase)
    return typ


# `Morton Blackwell, the conservative icon who founded the Leadership Institute in 1979 and is a longtime
# Republican National Committeeman`: a copula coordinated inside a relative clause (its subject the relative
# pronoun, so the person)
_AND_COPULA = re.compile(r"\s+and\s+(?:is|was|has been|had been|serves as|served as|is now|became)\s+"
                         r"((?:a|an|the)\s+[^,;:!?\x00\n]{2,120})")
_RELATIVE_WHO = re.compile(r"\swho\s")


def _apposition_relative(text: str, start: int, phrase: str) -> str | None:
    """Type of the relative clause of an apposition whose own words type nothing (`the conservative icon
    who ... and is a longtime Republican National Committeeman`, `a Clinton confidant who heads the
    pro-Clinton super PAC`): a relative clause right after the apposition's head noun modifies that head,
    which is the person named (apposition: Quirk et al. 1985, A Comprehensive Grammar of the English
    Language, 17.65-17.70), so it is read as a relative clause right after the name is: a bare role after
    `who is` (`_COPULA_BARE`), a verb of running an organisation (`_WHO_ORG_VERB`), or a copula coordinated
    in the clause (`... and is a ...`). Only a short description opened by a determiner, with no
    preposition before `who` (`a lawyer for the man who ...`: the clause is the man's)."""
    who = _RELATIVE_WHO.search(phrase)
    if not who:
        return None
    head = phrase[:who.start()].split()
    if not head or len(head) > 6 or head[0].lower() not in _APPOSITION_OPENERS or \
            any(w.lower() in BEFORE_STOP or w.lower() == "of" for w in head[1:]):
        return None
    at = start + who.start()                # the space before `who`
    clause_end = start + len(phrase)
    also = _AND_COPULA.search(text, at, clause_end)
    typ = _apposition_type(also.group(1)) if also else None
    if typ is None:
        bare = _COPULA_BARE.match(text, at)
        typ = _bare_role_type(bare.group(1)) if bare else None
    if typ is None:
        org = _WHO_ORG_VERB.match(text, at)
        typ = _org_verb_type(org.group(1), org.group(2)) if org else None
    return typ


def _hometown(text: str, end: int) -> bool:
    """`of Cheyenne` after the name (`_OF_HOMETOWN`): a capitalised run without any cue of the taxonomy."""
    town = _OF_HOMETOWN.match(text, end)
    return bool(town) and not cue_hits([clean_word(w) for w in town.group(1).split()], True)


class _ServedBy(NamedTuple):
    """A description of weak role words that names the person served (`a longtime adviser to Barack
    Obama`, `Mr. Sanders's longtime policy adviser`): its type is that person's (`_served_type`)."""
    description: str


def _served_description(phrase: str) -> _ServedBy | None:
    """The apposition `phrase` as a `_ServedBy` when its role words are all weak and it holds a
    capitalised word that may name the person served; else None."""
    kept = _apposition_words(phrase)
    return _served_words(kept) if kept else None


def _served_words(kept: list[str]) -> _ServedBy | None:
    """The description `kept` (its words) as a `_ServedBy` when its role words are all weak and one of
    its other words is capitalised (a name: `a longtime adviser to Barack Obama`, `Obama adviser`)."""
    words = [clean_word(w) for w in kept]
    hits = cue_hits(words, True)
    if not hits or any(h[2]["strength"] == "head" or h[2]["kind"] != "role" for h in hits):
        return None
    in_cue = {j for i, n, _ in hits for j in range(i, i + n)}
    if not any(i not in in_cue and len(w) > 2 and is_capitalised(w) for i, w in enumerate(words)):
        return None
    return _ServedBy(" ".join(kept))


# `Anna Palmer and Jake Sherman, two of the best-sourced reporters`: coordinated names, an apposition after both
_COORDINATED = re.compile(r" and (?:[A-Z][\w.'\u2019\-]*\s){0,3}[A-Z][\w'\u2019\-]*,\s+([^,;:!?\x00\n()\u201c\u201d\"]{2,160})")


def _coordinated_apposition(text: str, end: int) -> str | None:
    """Type of a plural apposition after coordinated names: a plural role word describes each of them, as
    a plural title before a list does (`_list_title`); a singular one only the last name."""
    m = _COORDINATED.match(text, end)
    if not m:
        return None
    phrase = m.group(1)
    words = [clean_word(w) for w in phrase.split()[:12]]
    cut = next((i for i, w in enumerate(words) if w.lower() in _CLAUSE_WORDS), len(words))
    plural = [h for h in cue_hits(words[:cut], True) if h[2]["kind"] == "role" and h[2]["strength"] == "head"
              and words[h[0] + h[1] - 1].lower().endswith("s") and not words[h[0] + h[1] - 1].lower().endswith("ss")
              and words[h[0] + h[1] - 1].lower() != h[2]["words"][-1].lower()]
    if not plural:
        return None
    kept = words[:cut]
    if kept[0].lower() not in ("the", "two", "three", "both", "all") or \
            any(w.lower() in FINITE_VERBS or w.lower() in verb_rows() for w in kept):
        return None             # a clause, not a description (`X and Y, both said ...`)
    return type_of(" ".join(kept), True, True)


def _sentence_end(word: str) -> bool:
    """A word ending a sentence: a full stop that closes no abbreviation (`Sen.`), initialism
    (`U.S.`, `p.m.`) or initial (`J.`)."""
    w = clean_word(word)
    return w.endswith(".") and "." not in w[:-1] and len(w) > 2 and not _is_abbreviation(w)


def _org_type(name: str) -> str | None:
    """Type of a capitalised organisation name by its head organisation cue (`University of Texas
    School of Law` -> expert_academic); None when the taxonomy knows no organisation word in it."""
    hits = [row for _, _, row in cue_hits([clean_word(w) for w in name.split()])
            if row["kind"] == "org" and row["strength"] == "head"]
    return hits[0]["type"] if hits else None


def _apposition_type(phrase: str) -> str | None:
    """Type of a description in apposition, cut before a relative clause (`a delegate from Michigan who
    dressed up ...`); only descriptions that open with a determiner, possessive or lower-case word."""
    kept = _apposition_words(phrase)
    return type_of(" ".join(kept), True, True) if kept else None


def _apposition_words(phrase: str) -> list[str] | None:
    """The words of a description in apposition that `_apposition_type` reads (None: no description)."""
    words = phrase.split()[:13]
    first = words[0]
    possessive = first.endswith(("'s", "\u2019s")) or len(words) > 1 and first[:1].isupper() and \
        words[1].endswith(("'s", "\u2019s"))     # `Obama's adviser`, `Mitt Romney's chief strategist`
    if not (first.lower() in _APPOSITION_OPENERS or possessive or _is_role_word(first) or _modified_role(words)):
        return None
    cut = next((i for i, w in enumerate(words) if w.lower() in _CLAUSE_WORDS
                or (i and _sentence_end(words[i - 1]))), len(words))
    kept = [w[:-1] if _sentence_end(w) else w for w in words[:cut][:12]]
    if not kept or any(w.lower() in FINITE_VERBS or w.lower() in verb_rows() for w in kept):
        return None             # a clause, not a description (`Lewandowski, Trump's campaign said ...`)
    return kept


def _org_verb_type(verb: str, phrase: str) -> str | None:
    """Type of the organisation after a verb of running or working for one (`runs`, `teaches at`):
    its head organisation cue within the phrase cut before a clause word (None when the verb is no
    such verb or the taxonomy knows no organisation word there)."""
    if verb.lower() not in kind_words("org_verb"):
        return None
    words = phrase.split()[:10]
    cut = next((i for i, w in enumerate(words) if w.lower() in _CLAUSE_WORDS or w.lower() in BEFORE_STOP
                and w.lower() not in ("of", "for", "at", "in", "on") or (i and _sentence_end(words[i - 1]))),
               len(words))
    kept = [w[:-1] if _sentence_end(w) else w for w in words[:cut]]
    return _org_type(" ".join(kept)) if kept else None


def _bare_role_type(phrase: str) -> str | None:
    """Type of a bare role after `who was` (`Republican Senate majority leader until 2002`): the first
    eight words cut before a clause word or finite verb, opened by a capitalised word, a role modifier
    (`former`) or a role word, with a role word among its first five words."""
    words = phrase.split()[:8]
    cut = next((i for i, w in enumerate(words) if w.lower() in _CLAUSE_WORDS or w.lower() in FINITE_VERBS
                or (i and _sentence_end(words[i - 1]))), len(words))
    kept = [w[:-1] if _sentence_end(w) else w for w in words[:cut]]
    if not kept:
        return None
    first = clean_word(kept[0])
    if not (is_capitalised(first) or first.lower() in kind_words("role_modifier") or _is_role_word(first)
            or _modified_role(kept)):
        return None             # (`labor secretary during ...`: a lower-case modifier of a role word)
    if not any(_is_role_word(w) for w in kept[:5]):
        return None
    return type_of(" ".join(kept), True, True)


def _is_role_word(word: str) -> bool:
    """A role cue, also with a prefix (`co-director`, `ex-senator`)."""
    word = clean_word(word)
    if any(row["kind"] == "role" for row in cues_at(word, True)):
        return True
    head = word.rpartition("-")[2]
    return head != word and any(row["kind"] == "role" for row in cues_at(head, True))


def _modified_role(words: list[str]) -> bool:
    """An apposition opened by one or two lower-case modifiers of a role word (`managing partner of
    ...`, `longtime family friend`); not a participle clause (`speaking to reporters`)."""
    first = clean_word(words[0])
    if not first[:1].islower() or first.endswith(("ing", "ed")) or first.lower() in kind_words("not_apposition") \
            or first.lower() in kind_words("function") or first.lower() in BEFORE_STOP:
        return False            # `pressed by moderator Dana Bash`, `speaking to reporters`: a clause
    if len(words) > 1 and _is_role_word(words[1]) and clean_word(words[1])[:1].islower():
        return True
    return any(row["kind"] == "role" for i, _, row in cue_hits([clean_word(w) for w in words[:3]], True) if i == 0)


def _title_before(text: str, start: int, name_words: list[str]) -> str | None:
    """Type of the title or description written right before a mention (`Republican presidential
    candidate Donald Trump`, `another fraternity brother, Stuart Oltchick`): back over the person's own
    name words (for a person known by one word, also over up to two capitalised first names: `Sen.
    Joe Manchin`), then up to six words back to a sentence or clause boundary, a speech or function
    word; none when another capitalised name stands right before (`President Bill Clinton` is not
    Hillary Clinton's title). The description must end right before the name on a role word."""
    own = {w.lower() for w in name_words}
    near = text[max(0, start - 40):start].split()
    if not near or not (near[-1][-1:] in ",s'\u2019" or cues_at(clean_word(near[-1]), True) or near[-1].lower().strip(".,") in own
                        or near[-1][:1].isupper() or (len(near) >= 2 and near[-2].lower() == "of")
                        or near[-1] == "and"):
        return None             # quick look at the word before: no title, apposition or possessive ends there
    before = text[max(0, start - 120):start].split()
    while before and clean_word(before[-1]).lower() in own:
        before.pop()
    if len(name_words) == 1:
        for _ in range(2):
            if before and before[-1][:1].isupper() and before[-1][-1:].isalpha() and not cues_at(before[-1]):
                before.pop()
    if before and (before[-1] == "and" or before[-1].endswith(",") and before[-1][:1].isupper()):
        listed = _list_title(before)
        if listed:
            return listed
    if before and before[-1].endswith(",") and len(before[-1]) > 1:
        return _description_before_comma(before)
    if not before:
        return None
    if _AGE_TITLE.search(before[-1]):
        return _AGED            # `62-year-old Brenda Johnson`
    last = clean_word(before[-1])
    if before[-1].endswith(("'s", "\u2019s", "s'", "s\u2019")):
        # `The Post's Ruth Marcus`, `CNN's Chris Wallace`: the possessive of an organisation the
        # taxonomy types (a head organisation cue) introduces someone who speaks for it
        orgs = [row for row in cues_at(last) if row["kind"] == "org" and row["strength"] == "head"]
        return orgs[0]["type"] if orgs else None
    if not cues_at(last, True) and not (len(before) >= 3 and before[-2].lower() == "of"
                                        and cues_at(clean_word(before[-3]), True)) and not ends_on_compound_role(before):
        return None             # cheap test first: a title ends on a cue word (or `<cue> of <word>`)
    window = _title_window(before)
    if not window or not _ends_on_role(window):
        return None
    if window[0].lower() in ("the", "a", "an") and len(before) > len(window) and \
            before[-len(window) - 1].lower() in PREDICATIVE:
        return None             # `Clinton was the best friend Donald J. Trump always hoped to have`: a predicate
    typ = type_of(" ".join(window), True, True)
    return typ if typ is not None else _served_words(window)     # `Obama adviser David Axelrod`


_LIST_LEADS = frozenset(("such as", "including", "like"))


def _list_title(before: list[str]) -> str | None:
    """`Democratic candidates Hillary Clinton and Bernie Sanders`, `front-runners Clinton, Trump and Cruz`,
    `candidates such as Christie and Jindal`: a plural title before a list of capitalised names is each
    name's title (the title distributes over the coordination). `before`: the words before a later
    name of the list (back to `and` or the comma of the name before it)."""
    words = list(before)
    if words[-1] == "and":
        words.pop()
    names = 0
    while words and names < 6:
        run = 0
        while words and run < 4 and words[-1][:1].isupper() and words[-1][-1:] not in ".:;" and \
                not cues_at(clean_word(words[-1]), True) and (run == 0 or not words[-1].endswith(",")):
            words.pop()
            run += 1
        if not run:
            return None
        names += 1
        if not (words and words[-1].endswith(",") and words[-1][:1].isupper()):
            break
    if len(words) >= 2 and " ".join(words[-2:]).lower() in _LIST_LEADS:
        del words[-2:]
    elif words and words[-1].lower() in _LIST_LEADS:
        words.pop()
    if not words or not words[-1].endswith("s") or words[-1].endswith(("ss", "'s", "’s")):
        return None
    window = _title_window(words)
    return type_of(" ".join(window), True, True) if window and _ends_on_role(window) else None


def _title_window(before: list[str]) -> list[str]:
    """The words of a title run that ends the list `before` (at most six)."""
    window: list[str] = []
    for w in reversed(before):
        if w[-1:] in ",;:.!?\x00\"\u201c\u201d)" and not (w[-1] == "." and _is_abbreviation(w)):
            break
        low = w.lower()
        if low in BEFORE_STOP or "\x00" in w:
            break
        if low == "and" and (not window or not window[0][:1].islower()):
            break               # `Clinton and Sanders`; but `retiree and self-made millionaire X`
        window.insert(0, w)
        if len(window) == 6:
            break
    return window


def _ends_on_role(window: list[str]) -> bool:
    """The last word is a role cue (`candidate`), or the last three are `<role> of <word>`
    (`secretary of state`)."""
    def is_role(word: str) -> bool:       # a lower-case word in -ed is a verb (`Cruz coached Trump`), no role
        w = clean_word(word)
        return not (w[:1].islower() and w.endswith("ed")) and any(row["kind"] == "role" for row in cues_at(w, True))
    return is_role(window[-1]) or (len(window) >= 3 and window[-2].lower() == "of" and is_role(window[-3])) \
        or ends_on_compound_role(window)


def _description_before_comma(before: list[str]) -> str | None:
    """`another fraternity brother, Stuart Oltchick`: a description opened by a determiner, ending on a
    role word and a comma right before the name."""
    last = before[-1][:-1]
    words = [last]
    rest = before[:-1]
    for w in reversed(rest[-6:]):
        if w[-1:] in BOUNDARY or w.lower() in BEFORE_STOP:
            return None
        words.insert(0, w)
        if w.lower() in _APPOSITION_OPENERS:
            # a head role word (`Through a spokeswoman, Trump declined`: a weak one is no apposition)
            head = any(row["kind"] == "role" and row["strength"] == "head"
                       for row in cues_at(clean_word(last), True))
            return type_of(" ".join(words), True, True) if head else None
    return None


def _is_abbreviation(word: str) -> bool:
    """`Sen.`, `Gov.`, `Rev.`, `Dr.`: a short title abbreviation, not a sentence end."""
    w = clean_word(word)
    return len(w) <= 5 and w[:1].isupper() and (bool(cues_at(w)) or w.lower() in kind_words("honorific"))

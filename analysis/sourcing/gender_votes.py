"""A person's gender from the article's own evidence (`guess_genders`, run once per registry by
`Registry.ensure_genders`): Mr/Ms titles before a mention and he/his versus she/her pronouns counted
for the person their sentence names first, a sure first name (`gender_by_first_name`) and a gendered
role noun; with the pronoun patterns (`PRONOUN`, `SUBJECT_PRONOUN`) the registry also reads."""
from __future__ import annotations

import bisect
import re

from analysis import quotes as _q
from analysis.sourcing.firstnames import first_name_gender
from analysis.sourcing.binding import speech_subject_before
from analysis.sourcing.clause_roles import object_of_its_subject
from analysis.sourcing.referents import gendered_noun_pattern, majority_gender, noun_gender, not_a_referent

# = \b(?:[Hh]e|[Hh]is|[Hh]im|[Hh]imself|[Ss]he|[Hh]er|[Hh]ers|[Hh]erself)\b and \b(?:[Hh]e|[Ss]he)\b, with the
# word-start test after the first letter so the regex engine can scan for [HhSs] quickly
# the first letter as one character class, the word start and the rest by look-behind: the regex engine
# then skips to the candidate letters (a set prefix) instead of trying every character, twice as fast
PRONOUN = re.compile(r"[HhSs](?<!\w[HhSs])(?:(?<=[Hh])(?:e|is|im|imself|er|ers|erself)|(?<=[Ss])he)\b")
SUBJECT_PRONOUN = re.compile(r"[HhSs](?<!\w[HhSs])(?:(?<=[Hh])e|(?<=[Ss])he)\b")


MR_BEFORE = re.compile(r"\bMr\.?\s+$")
MS_BEFORE = re.compile(r"\bM(?:r?s|iss)\.?\s+$")
_MALE_PRONOUNS = frozenset(("he", "his", "him", "himself"))


def mention_offset(entry: tuple) -> int:
    """The offset of an (offset, person) entry of one paragraph's mentions."""
    return entry[0]


def gender_by_first_name(name: str) -> str | None:
    """"m" / "f" when a first-name list is sure of the first name of a name of two or more words
    (so `she` never resolves to `Donald Trump` when the article has no pronoun for him yet)."""
    words = name.split()
    if len(words) < 2:
        return None
    found = first_name_gender(words[0])
    return None if found is None else found[0]


def guess_genders(reg) -> None:
    """A person's gender from Mr/Ms titles and from he/his versus she/her: a pronoun counts for
    the first person named earlier in its sentence, else the first one in the sentence before,
    and not against that person's first name when someone its gender fits was named before;
    the votes (a title counts three) decide when one side has more than twice the other's."""
    votes: dict[int, list[int]] = {}
    titles = reg.title_votes = {}
    by_para: dict[int, list] = {}
    for (pi, off), p in reg.mentions:
        by_para.setdefault(pi, []).append((off, p))
        text = reg.masked[pi]
        v = votes.setdefault(id(p), [0, 0])
        t = titles.setdefault(id(p), [0, 0])
        # both titles start with `M`: most mentions have none before them (no regex run)
        if "M" in text[max(0, off - 6):off]:
            mr = bool(MR_BEFORE.search(text[max(0, off - 5):off]))
            ms = bool(MS_BEFORE.search(text[max(0, off - 6):off]))
        else:
            mr = ms = False
        t[0] += mr
        t[1] += ms
        v[0] += 3 * mr
        v[1] += 3 * ms
    pronouns = reg.pronoun_votes = {}
    # where a person of each gender by first name or title is first named: a pronoun of that
    # gender after it may be theirs, so it is no evidence against another person's first name
    # (`Axelrod said she …` in an article about Hillary Clinton)
    first_of = {}
    name_gender = {}                        # id(person) -> gender_by_first_name(its name), once
    for (pi, off), p in reg.mentions:
        by_name = name_gender.get(id(p), "")
        if by_name == "":
            by_name = name_gender[id(p)] = gender_by_first_name(p.name)
        if len(first_of) < 2:
            t = titles[id(p)]
            g = "m" if t[0] and not t[1] else "f" if t[1] and not t[0] else by_name
            if g is not None and g not in first_of:
                first_of[g] = (pi, off)
    prev_first = None
    for pi, text in enumerate(reg.masked):
        ments = by_para.get(pi, [])         # in reading order: a sentence's mentions by bisection
        for s0, e0 in _q.sentence_bounds(text):
            inside = ments[bisect.bisect_left(ments, s0, key=mention_offset):
                           bisect.bisect_left(ments, e0, key=mention_offset)] if ments else ments
            if not inside and prev_first is None:
                continue                    # no one a pronoun here could count for
            for m in PRONOUN.finditer(text, s0, e0):
                # the first person named earlier in the sentence, else the sentence before's;
                # right after `NAME said (as)`, that speech verb's subject
                target = inside[0][1] if inside and inside[0][0] < m.start() else prev_first
                if m.group()[-1] == "e":        # he / she: a subject pronoun
                    bound = speech_subject_before(text, inside, m.start())
                    target = bound if bound is not None and not bound.org and not not_a_referent(bound) \
                        else target
                if target is not None and inside and target is inside[0][1] and \
                        object_of_its_subject(text, inside[0][0], m):
                    continue
                if target is not None:
                    side = 0 if m.group().lower() in _MALE_PRONOUNS else 1
                    said = "f" if side else "m"
                    by_name = name_gender[id(target)]
                    if by_name is not None and by_name != said and first_of.get(said, (pi, e0)) < (pi, m.start()):
                        continue
                    if gendered_noun_pattern(side).search(text, inside[0][0] if inside and inside[0][0] < m.start()
                                                   else s0, m.start()):
                        continue        # `when a man tells a woman that she is`: the noun's pronoun
                    votes.setdefault(id(target), [0, 0])[side] += 1
                    pronouns.setdefault(id(target), [0, 0])[side] += 1
            if inside and not SUBJECT_PRONOUN.search(text, s0, inside[0][0]):
                # only a sentence naming one person lends it to the next sentence's pronouns; a
                # sentence whose subject is a pronoun ("He was arrested … Omar") keeps the last one
                prev_first = inside[0][1] if len({id(p) for _, p in inside}) == 1 else None
    for p in {id(p): p for _, p in reg.mentions}.values():
        m, f = votes.get(id(p), (0, 0))
        # one side more than twice the other, as gender.person_gender reports by (rule 3): a
        # person of split votes (two people sharing sentences) resolves no pronoun by gender
        majority = majority_gender(m, f)
        by_votes = majority[0] if majority else None
        by_name = name_gender[id(p)]
        # one or two pronouns attached by position give way to an unambiguous first name
        p.gender = by_votes if by_votes == by_name or by_name is None or (by_votes and max(m, f) >= 3) \
            else by_name
        noun = noun_gender(p.role) if p.role and not any(titles.get(id(p), (0, 0))) else None
        if noun is not None:
            # a gendered noun in the role (`Oscar-winning actress`) comes before pronouns, as
            # in gender.person_gender (rule 2)
            p.gender = noun[0][0]

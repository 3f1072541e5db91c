"""From a parsed `Speaker` to (canonical speaker, role, source type): pronouns to the person named
before (gender-aware), names to the registry's fullest form (acronyms expanded), descriptions to
the person or group they refer to, or kept as an unnamed source.
"""
from __future__ import annotations

import re

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
)
from analysis.sourcing.names import CALENDAR, ORG_RUN, PARTY_STATE, name_runs, split_role
from analysis.sourcing.phrases import SHARE_SUBJECT
from analysis.sourcing.records import Person, Speaker
from analysis.sourcing.registry import AGED_HEADS, Registry

_ACRONYM = re.compile(r"^[A-Z]{2,}$")          # WHO, NATO: never a function word
_SPACE_OR_HYPHEN = re.compile(r"[\s-]+")


def resolve_speaker(sp: Speaker, pos, reg: Registry, history: list) -> tuple[str | None, str | None, str]:
    """(canonical speaker, role, source type) for a parsed speaker phrase at position `pos`."""
    if sp.kind == "pronoun":
        w = sp.words[0]
        if w in ("he", "she"):
            p = reg.last_before(pos, gender="m" if w == "he" else "f")
            if p is not None:
                return p.name, p.role, p.type or "other"
            return None, None, "other"
        # they / it: the last group or organisation that spoke
        for name, role, typ, is_group, _ in reversed(history):
            if is_group:
                return name, role, typ
        # never a single person: "they" after a named person is a group in news text (tried: the
        # last person named gave two wrong reported-speech rows on the development pages, no gain)
        return None, None, "other"
    if sp.kind == "name":
        words = [w for w in sp.words if w and not PARTY_STATE.match(w)]
        # leading words that are not names: function words, glue, and capitalised common words
        # that the article also uses in lower case ("Another", "Over", "Being President")
        initial = _sentence_initial(reg, pos[0], sp.start)
        while words and not _ACRONYM.match(words[0]) and (
                words[0].lower() in kind_words("function") or not words[0][:1].isupper()
                or (len(words) > 2 and words[0].endswith(("\u2019s", "'s")))
                         or (initial and reg.has_lower_word(words[0].lower()) and len(words) > 1
                             and not cues_at(words[0]))):
            words = words[1:]
            initial = False
        if not words or (len(words) == 1 and CALENDAR.match(words[0])):
            return None, None, "other"
        groups = _split_and(words)
        out = []
        for g in groups:
            out.append(_resolve_name(g, sp.role if len(groups) == 1 else None, reg))
        if len(out) == 1:
            return out[0]
        names = " and ".join(o[0] for o in out)
        roles = [o[1] for o in out if o[1]]
        types = {o[2] for o in out}
        return names, " and ".join(roles) if roles else None, types.pop() if len(types) == 1 else "other"
    # descriptions
    words = sp.words
    text = sp.text or " ".join(words)
    if ("ercent" in text or "ajority" in text or "%" in text) and SHARE_SUBJECT.fullmatch(" " + text):
        # a share of respondents speaks through the poll that asked them
        poll = reg.poll_before(pos)
        if poll:
            return poll[0].lower() + poll[1:], None, "poll_survey"
    if reg.group_alias and words and words[0].lower() in kind_words("determiner"):
        # "the physicians stated": the organisation the article says these people form
        for w in words[1:]:
            w = clean_word(w).lower()
            for key in (w, *synonyms().get(w, ())):
                org = reg.group_alias.get(key)
                if org:
                    return org, None, group_type(org)
    if words and words[0].lower() in kind_words("determiner") and text[:1].isupper():
        text = text[0].lower() + text[1:]
    typ = type_of(text)
    first = words[0].lower() if words else ""
    if first in kind_words("indefinite") or (first not in kind_words("determiner") and words
                                              and words[-1].lower().endswith("s")
                                              and typ not in ("government_official", "military_security",
                                                              "media_news_agency", "document_report",
                                                              "poll_survey", "business")):
        if typ in ("poll_survey", "document_report", "media_news_agency"):
            return text, None, typ
        if _COURT_HEAD.fullmatch(words[-1].lower()) and not _UNNAMED_MARK.search(text):
            # "a judge ruled": courts act in public rulings, never as unnamed sources
            return text, None, "government_official"
        if typ == "citizen_eyewitness" and first not in ("a", "an", "one") and words[-1].lower().endswith("s") \
                and type_of(words[-1]) == typ:
            # "some Indiana protesters chanted": a crowd, not a source kept unnamed
            return text, None, typ
        if any(_is_spokes(w) for w in words) and not _UNNAMED_MARK.search(text):
            # "a company spokesperson": an unnamed voice of an organisation the article types
            # (`company`, `ministry`) speaks with that organisation's type
            org_typ = type_of(" ".join(w for w in words if not _is_spokes(w)))
            if org_typ is not None:
                return text, None, org_typ
        return text, None, "anonymous_unnamed"
    raw_words = (sp.text or "").split()
    if words and words[0].endswith(("\u2019s", "'s")) or (len(words) > 1 and words[0][:1].isupper()
                                                          and raw_words[0].endswith(("\u2019s", "'s"))) \
            or (first == "the" and any(w.endswith(("\u2019s", "'s")) for w in raw_words[1:-1])):
        # "China’s ambassador to Britain": the person registered with that role word
        heads = [w.lower() for w in words if any(r["kind"] == "role" for r in cues_at(clean_word(w)))]
        people = [p for p in reg.by_last.values() if p.role and not p.org and
                  any(_same_head(h, p.role) for h in heads)]
        if len({p.name for p in people}) == 1:
            p = people[0]
            return p.name, p.role, p.type or typ or "other"
    if first == "the" and len(words) >= 2:
        head = words[-1].lower()
        # "the ministers": the named people with that role
        people = [p for p in reg.by_last.values() if p.role and not p.org and
                  _same_head(head, p.role)]
        if head.endswith("s") and len(people) >= 2:
            people_sorted = [p for _, p in sorted(((_first_pos(reg, p), p) for p in people),
                                                  key=lambda x: x[0])]
            names = []
            for p in people_sorted:
                if p.name not in names:
                    names.append(p.name)
            types = {p.type for p in people_sorted}
            return " and ".join(names), " and ".join(p.role for p in people_sorted), \
                types.pop() if len(types) == 1 else (typ or "other")
        if not head.endswith("s") and len(people) >= 1 and len(words) <= 3:
            # "the governor": of the people with that role, the one mentioned last before
            ids = {id(x) for x in people}
            p = next((x for mpos, x in reversed(reg.mentions) if mpos < pos and id(x) in ids), people[-1])
            return p.name, p.role, p.type or typ or "other"
        if len(words) <= 4:
            # "the insider" after "an insider": the unnamed source introduced before
            kinds0 = {row["kind"] for _, _, row in cue_hits([clean_word(w) for w in words[1:]])}
            earlier = None if "document" in kinds0 else reg.indefinite_before(pos, clean_word(words[-1]))
            if earlier is None and head in AGED_HEADS and not any(
                    w.endswith(("\u2019s", "'s")) for w in (sp.text or "").split()):
                # "the patient" after "a 43-year-old man": the unnamed person introduced by age
                aged = reg.aged_before(pos)
                if aged:
                    aged = aged[0].lower() + aged[1:].replace("-year-old-", "-year-old ")
                    return aged, None, type_of(head) or "citizen_eyewitness"
            if earlier:
                return earlier, None, "anonymous_unnamed" if type_of(earlier) not in (
                    "poll_survey", "document_report", "media_news_agency") else type_of(earlier)
            kinds = {row["kind"] for _, _, row in cue_hits([clean_word(w) for w in words[1:]])}
            if "document" in kinds and "org" not in kinds:
                # "the statement said": whoever was said to speak "in a statement" before, else the
                # last organisation that spoke
                head_word = clean_word(words[-1]).lower()
                for name, role, t, is_group, sentence in reversed(history):
                    if name and head_word in sentence and type_of(name) != "document_report":
                        return name, role, t
                issuer = _issuer(reg, head_word, pos)       # "X issued a statement"
                if issuer is not None:
                    return resolve_speaker(issuer, pos, reg, [])
                for name, role, t, is_group, _ in reversed(history):
                    if is_group and name and type_of(name) not in ("document_report",) and \
                            name.split()[0].lower() not in kind_words("indefinite"):
                        return name, role, t
                org = reg.last_org(pos)
                if org:
                    return org[0], None, org[1] or "other"
            elif "org" in kinds:
                for name, role, t, is_group, _ in reversed(history):
                    if is_group and name and t == typ and not name.lower().startswith(("the ", "a ", "an ")):
                        return name, role, t
                org = reg.last_org(pos, typ) or None
                if org:
                    return org[0], None, org[1] or typ or "other"
            elif not head.endswith("s") and not any(w.endswith(("\u2019s", "'s")) for w in
                                                     (sp.text or "").split()):
                p = reg.last_before(pos)
                # "the patient" is not the pulmonologist named last: a person whose role the article
                # gives is the referent only when the role has the description's head word
                if p is not None and (not p.role or _same_head(head, p.role)):
                    return p.name, p.role, p.type or "other"
    return text, None, typ or "other"


_COURT_HEAD = re.compile(r"judges?|courts?|jury|juries|tribunals?|magistrates?")


def _is_spokes(word: str) -> bool:
    w = word.lower().rstrip(".,")
    return w.startswith("spokes") or w in ("representative", "representatives", "rep", "reps")


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
    before = reg.masked[pi][:max(start, 0)].rstrip(" \"'\u201c\u2018(")
    return not before or before[-1] in ".!?:\u201d\""


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
    if reg._joined is None:
        reg._joined = "\n".join(reg.masked)
    for m in ORG_RUN.finditer(reg._joined):
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


def _resolve_name(words: list[str], role: str | None, reg: Registry):
    if len(words) == 1 and 2 <= len(words[0]) <= 6 and _ACRONYM.match(words[0]) and reg.get(words[0]) is None:
        full = _expand_acronym(words[0], reg)
        if full:
            return full, None, type_of(full) or type_of(words[0]) or "other"
    title, name = split_role(words)
    if len(name) == 1 and not title and reg.get(name[0]) is None:
        full = reg.first_words.get(name[0].lower())
        if full and len(full) == 1:
            name = list(next(iter(full)))
    if not name:
        # an organisation (or a bare title: "Minister")
        org = " ".join(words)
        p = reg.get(words[-1])
        if p is not None and not p.org:
            return p.name, p.role, p.type or country_type(p.name) or "other"
        return org, None, type_of(org) or country_type(org) or "other"
    if any(row["kind"] == "org" or row["kind"] == "document" for w in name for row in cues_at(w)):
        org = " ".join(words)
        return org, None, type_of(org) or "other"
    if title and not role:
        role = " ".join(title)
    p = reg.add(name, role)
    return p.name, p.role, p.type or country_type(p.name) or "other"

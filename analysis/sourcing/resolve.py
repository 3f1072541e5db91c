"""From a parsed `Speaker` to (canonical speaker, role, source type): `resolve_speaker` sends
pronouns to resolve_pronouns.py (the person named before, gender-aware) and descriptions to
resolve_descriptions.py (the person or group they refer to, or kept as an unnamed source), and
resolves names here: to the registry's fullest form (acronyms expanded, `X and Y` one by one, a place
that modifies a role read as that role's description).
"""
from __future__ import annotations

import re

from analysis.sourcing.firstnames import known_first_name
from analysis.sourcing.names import (CALENDAR, ORG_RUN, PARTY_STATE, names_an_org, not_name_start, org_word,
                                     split_role, without_home_place)
from analysis.sourcing.records import Person, Resolved, Speaker
from analysis.sourcing.lexicon import country_type, cues_at, kind_words, type_of
from analysis.sourcing.referents import is_place_name
from analysis.sourcing.registry import Registry, courtesy_gender
# DESCRIPTION_RULES, Description, MainClauseSubject, plural_group_before: importable from here as before the split
from analysis.sourcing.resolve_descriptions import DESCRIPTION_RULES, Description, resolve_description, same_head  # noqa: F401
from analysis.sourcing.resolve_pronouns import MainClauseSubject, plural_group_before, resolve_pronoun  # noqa: F401

_ACRONYM = re.compile(r"^[A-Z]{2,}$")          # WHO, NATO: never a function word
_PRONOUNS_AND_POSSESSIVES = kind_words("pronoun") | kind_words("possessive")


def resolve_speaker(sp: Speaker, pos, reg: Registry, history: list, said: str = "") -> Resolved:
    """(canonical speaker, role, source type) for a parsed speaker phrase at position `pos`
    (paragraph, offset); `history` holds the sources resolved before it (`HistoryEntry`); `said`,
    when given, is the quotation the phrase is the source of."""
    if sp.kind == "pronoun":
        return resolve_pronoun(sp, pos, reg, history, said)
    if sp.kind == "name":
        return _resolve_named(sp, pos, reg)
    return resolve_description(sp, pos, reg, history, _resolve_named)


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
        return resolve_pronoun(Speaker("pronoun", [words[0].lower()], start=sp.start, text=words[0]),
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
                                        text=" ".join(phrase)), pos, reg, [], _resolve_named)
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
        if person is not None and not person.org and same_head(head, m.group(1).strip()):
            found[person.name] = person
    return next(iter(found.values())) if len(found) == 1 else None

def _sentence_initial(reg: Registry, pi: int, start: int) -> bool:
    """True when the phrase at `start` opens a sentence (its first word may be a common word)."""
    if not reg.masked or pi >= len(reg.masked):
        return False
    text = reg.masked[pi]
    i = min(max(start, 0), len(text)) - 1   # read back from `start` (no copy of the paragraph's head:
    while i >= 0 and text[i] in " \"'\u201c\u2018(":   # one long paragraph made this quadratic)
        i -= 1
    return i < 0 or text[i] in ".!?:\u201d\""


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

"""Names in text: runs of capitalised words, the title / name split (`Foreign Minister | Lars Lokke
Rasmussen`), roles before a name, in apposition or fronted (`As a biologist, ...`), group aliases
(`the doctors, members of ...`), and `build_registry`, which turns an article's names into a
`Registry`.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from analysis import quotes as _q
from analysis.resources import trie_pattern, word_list
from analysis.sourcing.lexicon import NUL, STRIP_CHARS, TOKEN, clean_word, cue_hits, cues_at, kind_words, type_of
from analysis.sourcing.referents import demonym_words, is_place_name
from analysis.sourcing.registry import CALENDAR, WEEKDAY, Registry, last_name
from analysis.sourcing.firstnames import known_first_name, listed_gender

_APPOS_CUT = kind_words("apposition_cut")
_APPOS = re.compile(r"\s*,?\s*(?:\d{1,3}\s*,\s*)?([^,;:\x00]{2,120}?)(?:[,;:]|\.\s|\.?$)")
_COPULA = re.compile(r"\s+(?:is|was|has been|serves as|served as)\s+((?:a|an|the)\s+[^,;:\x00]{2,100}?)"
                     r"(?:[,;:]|\.\s|\.?$)")
_NOT_APPOSITION = kind_words("not_apposition")
PARTY_STATE = re.compile(r"^\(?[RDI]-[A-Z][A-Za-z.]{0,6}\)?,?$")      # R-TX, (D-Calif.), (R-Texas), D-S of (D-S.C.),


def role_index(words: list[str]) -> int:
    """Index after the last role/title cue in a capitalised sequence (0 when none)."""
    last = 0
    for i, n, row in cue_hits(words):
        if row["kind"] == "role":
            if row["type"] == "citizen_eyewitness" and i + n < len(words):
                continue          # "Fan Mengguang": nouns for ordinary people are not titles
            if i + n == len(words) and i >= 1 and words[i - 1][:1].isupper() \
                    and not cues_at(words[i - 1]) and row["kind"] == "role" and \
                    (len(words[i]) > 4 or known_first_name(words[i - 1])):
                continue          # "Ken Doctor", "Steve King": a surname, not a title
            last = max(last, i + n)
    return last


@lru_cache(maxsize=1)
def capseq_regex() -> re.Pattern:
    cap = r"[\"'\u201c\u2018(\[]?[A-Z\u00c0-\u00d6\u00d8-\u00de][^\s\x00]*"
    glue = "|".join(map(re.escape, sorted(kind_words("particle") | {"of", "for"}, key=len, reverse=True)))
    # a run never starts with a capitalised function word ("The", "But", "He"): skip them fast
    skips = sorted({w.capitalize() for w in kind_words("function") if w.isalpha()})
    tail = r"(?![^\s\x00,;:.!?\u2019'])"
    # = (?!OPENER?(?:SKIP)TAIL)OPENER?CAPITAL[^\s\x00]*: written as one alternative per first
    # character (an opening mark, or a capital with the skip check for the words it starts), so that
    # the pattern starts with literals, which the regex engine scans for quickly. Same matches.
    first = [re.escape(o) + r"(?!(?:" + trie_pattern(skips) + ")" + tail + r")[A-Z\u00c0-\u00d6\u00d8-\u00de]"
             for o in "\"'\u201c\u2018(["]
    capitals = [chr(c) for c in [*range(0x41, 0x5B), *range(0xC0, 0xD7), *range(0xD8, 0xDF)]]
    for c in capitals:
        rest = [w[1:] for w in skips if w[0] == c]
        first.append(re.escape(c) + (r"(?!(?:" + trie_pattern(rest) + ")" + tail + ")" if rest else ""))
    return re.compile("(?:" + "|".join(first) + r")[^\s\x00]*"
                      + r"(?:\s+(?:(?:" + glue + r")\s+)?" + cap + r")*")


_RUN_ENDS = (",", ";", ":", ")", "?", "!", '"', "\u201d", "\u2019s", "'s", "s\u2019", "s'")


def name_runs(masked: str) -> list[list[tuple[str, int, int]]]:
    """Runs of capitalised words (allowing name particles, `of` inside titles) with offsets: a list
    of runs, each a list of (cleaned word, start, end). A comma, a possessive or a full stop ends a
    run ("Denmark’s parliament")."""
    out = []
    function = kind_words("function")
    abbreviations = _q.abbreviations()
    clean = clean_word
    for m in capseq_regex().finditer(masked):
        g = m.group()
        if " " not in g and "\n" not in g and "\xa0" not in g:    # one word: the common case (a no-break
            # space joins two words: `April,\xa0Trump was` holds the run `Trump`)
            w = clean(g)
            if w and w[:1].isupper() and w.lower() not in function:
                out.append([(w, m.start(), m.end())])
            continue
        base = m.start()
        runs = []
        run: list = []
        for t in TOKEN.finditer(g):
            raw = t.group()
            w = clean(raw)
            if not w:
                continue
            if w[0].isupper() and w.lower() in function and run:
                runs.append(run)
                run = []
            run.append((w, base + t.start(), base + t.end()))
            if raw.endswith(_RUN_ENDS) or (                  # _ends_run, inlined
                    raw[-1] == "." and len(w.rstrip(".")) > 2 and "." not in w[:-1]
                    and w.lower() not in abbreviations):
                runs.append(run)
                run = []
        if run:
            runs.append(run)
        for run in runs:                                # glue words never end a run
            while run and not run[-1][0][:1].isupper():
                run = run[:-1]
            if run:
                out.append(run)
    return out


def split_role(run_words: list[str]) -> tuple[list[str], list[str]]:
    """(title words, name words) of a capitalised run: `Foreign Minister | Lars Lokke Rasmussen`,
    `Director of Public Prosecution | Eva-Marie Persson`."""
    k = split_at(tuple(run_words))
    return run_words[:k], run_words[k:]


_TITLE_PREPS = kind_words("title_prep")  # Secretary of State, Doctors for Camp Closure


@lru_cache(maxsize=50000)
def split_at(run_words: tuple) -> int:
    k = role_index(list(run_words))
    if 0 < k < len(run_words) and run_words[k].lower() in _TITLE_PREPS and len(run_words) - k >= 4:
        k = len(run_words) - 2          # the title's `of ...` phrase; the name is the last two words
    elif 0 < k < len(run_words) and run_words[k].lower() in _TITLE_PREPS:
        k = len(run_words)              # "Doctors for Camp Closure": an organisation's name
    # a name needs at least one word after the title; titles never end with `of`/`for`
    return k


@lru_cache(maxsize=20000)
def org_word(token: str) -> bool:
    """True when a cleaned word is an organisation or document cue of the taxonomy."""
    return any(row["kind"] in ("org", "document") for row in cues_at(token))


def names_an_org(words: list[str]) -> bool:
    """True when one of a name's words is an organisation or document cue of the taxonomy, a first
    name only when the whole cue it opens follows (`Al Jazeera` is an organisation, `Al Sharpton` and
    `Al Franken` are people: a known first name that merely opens a longer cue is a first name)."""
    for i, w in enumerate(words):
        if org_word(w) and not (known_first_name(w) and not _whole_org_cue_at(words, i)):
            return True
    return False


def _whole_org_cue_at(words: list[str], i: int) -> bool:
    cleaned = [clean_word(w) for w in words[i:]]
    return any(at == 0 and row["kind"] in ("org", "document") for at, _, row in cue_hits(cleaned[:8]))


_PLACE_PREPS = kind_words("org_prep")  # ambassador to Britain, a professor at Yale


def build_registry(masked_paras: list[str], runs_by_para: list | None = None) -> Registry:
    """People named in an article: with a title (`Foreign Minister Lars Lokke Rasmussen`), a role
    in apposition (`Jane Doe, a professor at Yale`), or a full name whose last word is later used
    alone (`Kevin Mayer` ... `Mayer`), the newsroom convention for people."""
    reg = Registry()
    reg.masked = masked_paras
    reg.group_alias = group_aliases(masked_paras)
    m_index = {id(m): i for i, m in enumerate(masked_paras)}
    if runs_by_para is None:
        runs_by_para = [name_runs(m) for m in masked_paras]
    runs, singles, alone = _collect_runs(masked_paras, runs_by_para, reg)
    for m, run, words, split, prev in runs:
        if _one_word_not_org(words, split):
            continue
        cut = without_home_place(words)
        if len(cut) < len(words):    # `Sen. Bernie Sanders of Vermont`: Bernie Sanders, not `Vermont`
            words, split = cut, split_at(tuple(cut))
        title, name = words[:split], words[split:]
        if demonym_words(name):
            continue                 # `Former Mexican presidents`: no person `Mexican`
        if names_an_org(name):
            org = " ".join(words).rstrip(".")
            if not _modifies_a_role(m, run[-1][2]):
                reg.orgs.append(((m_index[id(m)], run[0][1]), org, type_of(org)))
            continue
        if title and name:
            role = " ".join(title)
            before = role_before(m, run[0][1])
            if before:
                role = before + " " + role
            reg.add(name, role)
        elif not title and len(name) >= 2:
            place_role = None
            if len(name) >= 3 and prev and prev[-1].lower() in _PLACE_PREPS:
                # "envoy to Ukraine Kurt Volker": the role is the words before, with its place
                prep_at = m.rfind(prev[-1], 0, run[0][1])
                head = role_before(m, prep_at) if prep_at > 0 else None
                if head:
                    place_role = f"{head} {prev[-1]} {name[0]}"
                name = name[1:]
            role = appositive(m, run[-1][2]) or place_role or role_before(m, run[0][1]) \
                or as_role(m, run[0][1])
            if not role and len(name) >= 3:
                name = _from_first_name(name)
            if role or last_name(name).lower() in singles or _first_name_person(name):
                person = reg.add(name, role)
                spouse = _first_name_and(m, run[0][1], name, alone, reg) if len(name) == 2 else None
                if spouse is not None and not person.org:
                    reg.add([spouse, name[-1]], None, distinct=True)
    for m, run, words, _, _ in runs:
        # "Tommy — who only goes by his first name online —": one name with a relative `who` is a
        # person (a first name, a mononym) even without a full name in the article
        if len(words) == 1 and "who" in m[run[0][2]:run[0][2] + 8] and _who_after(m, run[0][2]) \
                and reg.get(words[0]) is None and words[0].lower() not in reg.first_words \
                and words[0][:1].isupper() and not org_word(words[0]) and not cues_at(words[0]) \
                and words[0].lower() not in kind_words("function") and not CALENDAR.match(words[0]) \
                and not reg.has_lower_word(words[0].lower()):
            reg.add(words, appositive(m, run[0][2]))
    for m, run, words, _, _ in runs:
        # "Hege is the CEO of DH": a surname used alone, with its role in a copula
        if len(words) == 1 and (" is " in m[run[0][2]:run[0][2] + 4]
                                or m.startswith(", who ", run[0][2])):
            p = reg.get(words[0])
            if p is not None and not p.role and not p.org:
                role = appositive(m, run[0][2])
                if role:
                    p.role, p.type = role, type_of(role, True)
    return reg


_NEXT_WORD = re.compile(r"[ \t]+([a-z][\w-]*)")


def _modifies_a_role(text: str, end: int) -> bool:
    """`GOP leaders`, `RNC member`: the organisation's name modifies a role noun, which names people of
    it, not the organisation acting (no antecedent for `the campaign`, `the party` to point back to)."""
    m = _NEXT_WORD.match(text, end)
    return m is not None and any(r["kind"] == "role" for r in cues_at(m.group(1)))


def _collect_runs(masked_paras: list[str], runs_by_para: list, reg: Registry) -> tuple[list, set, set]:
    """The name runs of an article that may name someone, (paragraph text, run, words, title/name
    split, last word before the run), with the words used alone (`singles`; `alone`: not before
    `and`); full names' first words are noted in `reg.first_words`."""
    runs = []           # (paragraph text, run, words, title/name split, last word before the run)
    singles: set[str] = set()
    alone: set[str] = set()             # words used alone, not before `and` (Khizr and Ghazala Khan)
    function = kind_words("function")
    honorifics = kind_words("honorific")
    for pi, m in enumerate(masked_paras):
        for run in runs_by_para[pi]:
            words, run = _name_words(run, function)
            if not words:
                continue
            split = split_at(tuple(words))
            if len(words) == 1:
                runs.append((m, run, words, split, None))
                low = words[0].lower()
                if not m.startswith(" and ", run[0][2]):
                    alone.add(low)
                singles.add(low)
            else:
                if len(words) == 2 and words[0].lower() in honorifics:
                    # `Ms. Nwanguma`: a surname used alone with a courtesy title (the NYT's style)
                    singles.add(words[1].lower())
                prev = m[max(0, run[0][1] - 40):run[0][1]].rstrip().rsplit(None, 1)
                runs.append((m, run, words, split, prev))
                name_ = words[split:]
                if not split and len(name_) >= 3 and prev and prev[-1].lower() in _PLACE_PREPS:
                    name_ = name_[1:]            # "Ambassador to Britain Liu Xiaming"
                if 2 <= len(name_) <= 4 and not any(cues_at(w) for w in name_) and \
                        not (prev and prev[-1].lower() in ("the", "a", "an")):
                    # (`on the Trump Train` names no person `Trump` could stand for)
                    reg.first_words.setdefault(name_[0].lower(), set()).add(
                        tuple([w.rstrip(".") for w in name_]))
    return runs, singles, alone


def _from_first_name(name: list[str]) -> list[str]:
    """A run of three or more words that does not open with a first name or an initial, cut at its
    first known first name with a surname after it: a headline's words before a name are not the
    name (`NYTimes Casually Conflates Ted Cruz` -> `Ted Cruz`, `U.S. Nominates Jim Yong Kim`)."""
    if known_first_name(name[0]) or _INITIAL.match(name[0]):
        return name
    for i in range(1, len(name) - 1):
        if known_first_name(name[i]):
            return name[i:]
    return name


_INITIAL = re.compile(r"^[A-Z]\.$")


def _one_word_not_org(words: list[str], split: int) -> bool:
    """True for a run of one word that is a title (split 1) or no organisation's name: the second
    pass of build_registry registers nothing for it (a fast skip of most runs)."""
    return len(words) == 1 and (split > 0 or not org_word(words[0]))


def without_home_place(words: list[str]) -> list[str]:
    """A person's name without the state or country written after it (`Senator John McCain of
    Arizona`, `Rep. Tom Cole of Oklahoma`, `Chancellor Angela Merkel of Germany` -> the name; the
    speaker was the place, whose last word the name's mentions then lost): cut at the last `of` /
    `from` followed only by a US state or country, when a title or a known first name and a surname
    stand before it. Organisations keep theirs (`Bank of America`, `University of Texas`)."""
    if "of" not in words and "from" not in words:
        return words
    for i in range(len(words) - 2, 0, -1):
        if words[i].lower() in ("of", "from") and is_place_name(" ".join(words[i + 1:]).rstrip(".,;:")):
            title, name = split_role(words[:i])
            if name and (title or (len(name) >= 2 and known_first_name(name[0]))) and \
                    not any(org_word(clean_word(w)) for w in name):
                return words[:i]
            return words
    return words


NOT_NAME_START_KINDS = ("interrogative", "sentence_adverb", "number", "speech_verb")


@lru_cache(maxsize=1)
def _not_name_start_words() -> dict[str, frozenset]:
    lists = word_list("not_name_start.csv", NOT_NAME_START_KINDS)
    return {**lists, "any": frozenset().union(*lists.values())}


def not_name_start(word: str, rest: list[str]) -> bool:
    """True when `word` opens a capitalised run but starts no name (analysis/data/not_name_start.csv):
    a question word or sentence adverb (`Why Obama`, `Maybe Trump`), or a number before one
    capitalised word not ending in -s (`Six Trump supporters`, `One BLM activist`; not `Four Seasons`)."""
    low = word.lower()
    lists = _not_name_start_words()
    if low not in lists["any"]:
        return False
    return low not in lists["number"] or (len(rest) == 1 and not rest[0].endswith("s"))


def sentence_adverb(word: str) -> bool:
    """True for a word that opens a sentence before its subject (`Back in 1999, Mr. Trump …`;
    kind `sentence_adverb` of analysis/data/not_name_start.csv)."""
    return word.lower() in _not_name_start_words()["sentence_adverb"]


def _name_words(run: list, function) -> tuple[list[str], list]:
    """The words of a capitalised run that can name someone, and the run cut to them: leading
    function words and words that start no name (`not_name_start`) dropped, a trailing party-and-state tag (`Rep. Frank Lucas (R-OK)`) and trailing
    weekdays (`in New Hampshire Monday`: a weekday is no surname) left out."""
    if len(run) == 1:                   # one word (most runs): kept, or nothing when a function word
        return ([run[0][0]], run) if run[0][0].lower() not in function else ([], [])
    words = [w for w, _, _ in run]
    k = 0
    while k < len(words) and (words[k].lower() in function or not_name_start(words[k], words[k + 1:])):
        k += 1
    words, run = words[k:], run[k:]
    if len(words) > 1 and PARTY_STATE.match(words[-1]):
        words = words[:-1]
    while len(words) > 1 and WEEKDAY.match(words[-1].rstrip(".,")):
        words, run = words[:-1], run[:-1]
    return words, run


def _first_name_and(masked: str, start: int, name: list[str], alone: set, reg: Registry) -> str | None:
    """`Khizr` of `Khizr and Ghazala Khan`, `Bill and Melinda Gates`: a first name joined to a
    two-word name by `and` names a second person of that surname; the word must be a first name the
    list knows, or one the article never uses alone but before `and` (`alone`), and no surname of
    its people (not `Trump and Hillary Clinton`)."""
    if not masked.endswith(" and ", 0, start):
        return None
    before = masked[max(0, start - 40):start - 5].rsplit(None, 1)
    if not before:
        return None
    word = before[-1]
    if not word.isalpha() or not word[0].isupper() or word.isupper() or word == name[0]:
        return None
    low = word.lower()
    if reg.get(word) is not None or low in kind_words("function") or CALENDAR.match(word):
        return None
    return word if known_first_name(word) or low not in alone else None


def _first_name_person(name: list[str]) -> bool:
    """A two- or three-word name whose first word a first-name list calls unambiguously female or
    male (`Jordan Smith`, `Rakeyia Scott`): a person even when named once, without a role."""
    return 2 <= len(name) <= 3 and listed_gender(name[0]) is not None and \
        not any(w.isupper() and len(w) > 1 for w in name)


_WHO_AFTER = re.compile(r"\s*(?:,|\u2014|\u2013|--)\s*who\s")


def _who_after(masked: str, end: int) -> bool:
    """True when a relative `who` set off by a comma or dash follows the name run that ends at `end`
    (the run's last token may hold the comma: `Rihanna, who was honored …`): `who` refers to persons
    (Quirk et al. 1985, 6.32), so the name before it is a person's."""
    return _WHO_AFTER.match(masked, end) is not None or \
        (masked.endswith(",", 0, end) and _SPACED_WHO.match(masked, end) is not None)


_SPACED_WHO = re.compile(r"\s+who\s")
_AS_ROLE = re.compile(r"(?:^|[.!?]\s+)As\s+(?:a|an)\s+([^,;:.!?\x00]{2,150}?)"
                      r"(?:\s+and\s+[^,;:.!?\x00]*)?,\s*$")


def as_role(masked: str, start: int) -> str | None:
    """`As a lung biologist at Penn, Andrew Vaughan …`: a role fronted before the name."""
    if not masked.endswith(", ", 0, start):
        return None
    m = _AS_ROLE.search(masked, max(0, start - 200), start)
    if m is None:
        return None
    role = m.group(1)
    if any(row["kind"] == "role" for _, _, row in cue_hits([clean_word(w) for w in role.split()])):
        return role
    return None


MODIFIERS = kind_words("role_modifier")


def _last_tokens(masked: str, start: int) -> list:
    """The last six tokens of the 90 characters before `start`. Read from the last 40 first: when
    those hold seven tokens or more, their last six are whole tokens, the same as in the longer
    stretch (only a stretch's first token can be cut), so most calls tokenize 40 characters, not 90."""
    toks = list(TOKEN.finditer(masked, max(0, start - 40), start))
    if len(toks) < 7 and start > 40:
        toks = list(TOKEN.finditer(masked, max(0, start - 90), start))
    return toks[-6:]


def _role_token(raw: str) -> bool:
    """True when the token `raw`, read back from a name, can be a word of its role (a taxonomy cue, a
    modifier, a capitalised word that is no function word, a possessive): what `role_before` picks."""
    if raw.endswith((",", ";", ":", ".")) and not cues_at(clean_word(raw)):
        return False
    w = clean_word(raw)
    return bool(w) and bool(cues_at(w) or w.lower() in MODIFIERS or (w[0].isupper() and w.lower() not in
                                                                      kind_words("function"))
                            or raw.endswith(("\u2019s", "'s")))


def _last_word_no_role(masked: str, start: int) -> bool:
    """True when the token right before `start` (`said`, `by`, `the`) already stops `role_before`'s
    walk back, so it finds no role: `_role_token` on that one token found by walking back over the
    characters (no tokenizing of the stretch). False when unsure (the token is not wholly within the
    40 characters `_last_tokens` reads first)."""
    k = start
    while k > 0 and start - k < 40 and (masked[k - 1].isspace() or masked[k - 1] == NUL):
        k -= 1
    i = k
    while i > 0 and i > start - 41 and not (masked[i - 1].isspace() or masked[i - 1] == NUL):
        i -= 1
    if i == k or i < start - 40:
        return False
    return not _role_token(masked[i:k])


def role_before(masked: str, start: int) -> str | None:
    """Lower-case role words right before a name: `former president`, `press secretary`."""
    if _last_word_no_role(masked, start):
        return None
    picked = []
    last6 = _last_tokens(masked, start)
    for k in range(len(last6) - 1, -1, -1):
        m = last6[k]
        raw = m.group()
        if raw == "and" and picked and k > 0 and cues_at(clean_word(last6[k - 1].group())):
            picked.append(raw)            # "chairman, CEO and president Craig Menear"
            continue
        if not _role_token(raw):
            break
        picked.append(raw.strip(STRIP_CHARS))
    picked.reverse()
    while picked and not cue_hits([clean_word(w) for w in picked[-1:]]) and picked:
        picked.pop()
    if picked and any(row["kind"] == "role" for _, _, row in cue_hits([clean_word(w) for w in picked])):
        return " ".join(picked)
    return None


_WHO_COPULA = kind_words("who_copula")


def appositive(masked: str, end: int) -> str | None:
    """`, a professor at Yale,` right after a name: the role without its article."""
    rest = masked[end:end + 300]
    comma = end > 0 and masked[end - 1] == ","
    # an apposition needs a comma before it (the costly _APPOS match is skipped without one)
    m = _APPOS.match(rest) if comma or rest.lstrip().startswith(",") else None
    if not m:
        m = _COPULA.match(rest)               # "Hege is the CEO of DH"
        if not m:
            return None
    phrase = m.group(1).strip()
    words = phrase.split()
    if len(words) > 14:
        # "a top aide to Vice President Pence on Trump's July 25 phone call with …": up to the
        # first preposition that starts what the person did
        cut = next((i for i, w in enumerate(words[2:15], 2) if w in _APPOS_CUT), None)
        words = words[:cut] if cut else words
        if len(words) > 14:
            # "the acting associate administrator … at NASA and the other witness at the hearing":
            # the first of two coordinated descriptions
            cut = next((i for i in range(2, 14) if words[i] == "and" and words[i + 1] in ("the", "a", "an")),
                       None)
            words = words[:cut] if cut else words
    if words and words[0] == "who":
        # "Howitt, who is now an immunologist at Stanford": a relative clause with a copula
        k = 1
        while k < len(words) and words[k] in _WHO_COPULA:
            k += 1
        if 1 < k < len(words) and words[k].lower() in ("a", "an", "the"):
            words = words[k:]
            # "..., who was the acting director of DHS and Alex Azar, ...": not the next person
            cut = next((i for i in range(1, len(words) - 1)
                        if words[i] == "and" and words[i + 1][:1].isupper()), None)
            words = words[:cut] if cut else words
    if not words or len(words) > 14 or words[0].lower() in _NOT_APPOSITION:
        return None
    if words[0].lower() in ("a", "an", "the"):
        words = words[1:]
    if words and any(row["kind"] == "role" for _, _, row in cue_hits([clean_word(w) for w in words])):
        return " ".join(words)
    return None


ORG_RUN = re.compile(r"[A-Z][\w\u2019'&.-]*(?:\s+(?:(?:for|of|and|the|on|in|to|&)\s+)*[A-Z][\w\u2019'&.-]*)*")


@lru_cache(maxsize=1)
def _group_patterns() -> tuple[re.Pattern, ...]:
    gn = "|".join(sorted(map(re.escape, kind_words("group_noun")), key=len, reverse=True)) or "group"
    hint = re.compile(r"\b(?:members|founders|organi[sz]ers|part)\s+of\b|\b(?:" + gn + r")\b")
    members = re.compile(r"\b[Tt]he\s+([a-z]+s),\s+(?:all\s+)?(?:members|founders|organi[sz]ers|part)\s+of\s+"
                         r"([^,;:.!?\x00]{2,100})")
    of_people = re.compile(r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(" + gn +
                           r")\s+of\s+(?:[\w-]+\s+){0,2}?([a-z]+s)\b")
    called = re.compile(r"\b(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(" + gn + r")\s+(?:called|named|known as)\s+(" +
                        ORG_RUN.pattern + r")")
    return hint, members, of_people, called


@lru_cache(maxsize=1)
def _group_hint_literals() -> tuple[str, ...]:
    """Substrings one of which every match of the group `hint` pattern starts with."""
    return ("members", "founders", "organi", "part", "group") + tuple(sorted(kind_words("group_noun")))


def _paragraphs_matching(paras: list[str], words: tuple[str, ...], pattern: re.Pattern) -> list[int]:
    """Indices, in order, of the paragraphs where `pattern` matches (as `pattern.search(paragraph)`
    would find), given that each of its matches starts with one of `words` (none holds a newline):
    each word is found with `str.find` and the pattern tried right there, not at every character."""
    joined = "\n".join(paras)
    starts, pos = [], 0
    for p in paras:
        starts.append(pos)
        pos += len(p) + 1
    found = set()
    for w in words:
        j = joined.find(w)
        while j >= 0:
            k = bisect.bisect_right(starts, j) - 1
            if k not in found and pattern.match(paras[k], j - starts[k]):
                found.add(k)
                j = joined.find(w, starts[k + 1]) if k + 1 < len(starts) else -1
            else:
                j = joined.find(w, j + 1)
    return sorted(found)


def group_aliases(masked_paras: list[str]) -> dict[str, str]:
    """Plural and collective nouns the article uses for a named organisation of people: `The doctors,
    members of a recently formed group Doctors for Camp Closure` maps `doctors` and `group` to it;
    also `D4CC, a coalition of physicians` and `a group called D4CC`. First naming wins."""
    hint, members, of_people, called = _group_patterns()
    groups = kind_words("group_noun")
    out: dict[str, str] = {}
    for pi in _paragraphs_matching(masked_paras, _group_hint_literals(), hint):
        m = masked_paras[pi]
        for x in members.finditer(m):
            orgs = [r.group() for r in ORG_RUN.finditer(x.group(2))]
            if orgs and len(orgs[-1].split()) >= 2:
                org = orgs[-1].rstrip(".")
                out.setdefault(x.group(1).lower(), org)
                for w in x.group(2).lower().split():
                    if w in groups:
                        out.setdefault(w, org)
        for x in of_people.finditer(m):
            # the organisation's name right before the comma: "D4CC, a coalition of physicians"
            before = [r for r in ORG_RUN.finditer(m, max(0, x.start() - 120), x.start())]
            if before and before[-1].end() == x.start():
                org = before[-1].group().rstrip(".")
                if org.split()[0].lower() not in kind_words("function"):
                    out.setdefault(x.group(2).lower(), org)
                    out.setdefault(x.group(1).lower(), org)
        for x in called.finditer(m):
            out.setdefault(x.group(1).lower(), x.group(2).rstrip("."))
    return out

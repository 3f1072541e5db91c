"""Definite role descriptions as anaphors (rule 13 of issue 13: `The former secretary of state mocked
Trump` types the person named before it) and a subject's own campaign (rule 19: `Trump ... his
candidacy`): two ways the article refers back to a quoted person it never describes at a mention of
their name. Called by `described.typed_from_descriptions` for the people its other rules leave untyped;
split from `sourcing.described` (session 10, size limit), the code unchanged.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from analysis.resources import trie_pattern
from analysis.sourcing.description_words import BEFORE_STOP, BOUNDARY, FINITE_VERBS, PREDICATIVE
from analysis.sourcing.firstnames import first_name_gender
from analysis.sourcing.lexicon import (campaign_noun_regex, clean_word, cues_at, honorific_gender, kind_words,
                                       may_name_campaign, speech_tagged, taxonomy, type_of, verb_rows)


# ------------------------------------------------------------- definite descriptions as anaphors
# `Hillary Clinton ... The former secretary of state mocked Trump`, `The Vermont senator emailed
# supporters`: news style names a person once and then refers to them by a definite description of
# their role (elegant variation). A description `the [modifiers] <role word>` not followed by a name
# (then it is a title) refers to the nearest person mentioned before it who can be meant: not one
# named later in its own sentence (`The former secretary of state mocked Trump` is not Trump), and
# not one the article already types otherwise (`Sen. Rubio` is no `the former secretary of state`).
_SENTENCE_BREAK = re.compile(r"[.!?][\"\u201d\u2019)]*\s")
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")
_ANAPHOR_REACH = 600        # characters back from the description to the mentions it may refer to


def anaphora_types(text: str, persons, people) -> None:
    """Set `type` on the persons of `persons` (untyped registry `Person` records, quoted) that definite
    role descriptions of the article refer to (rules above): the type given most often wins (ties: the
    earliest); a person no description refers to stays untyped. `people`: the whole registry."""
    wanted = {id(p) for p in persons if p.name and len(p.name.split()) > 1}
    if not wanted:
        return
    found = []
    scan = _description_scan()
    for lo, hi in _reach_windows(text, [p for p in persons if id(p) in wanted]):
        for m in scan.finditer(text, lo, hi):
            the = m.start()
            if the and (text[the - 1].isalnum() or text[the - 1] in "-_"):
                continue            # `bathe`, `clothe`
            desc = _definite_description(text, m.end())
            if desc and desc[0] != "citizen_eyewitness":
                # relatives, friends and ages (`the younger brother`, `the 57-year-old scientist`) name
                # someone by their relation to, or in the place of, the person just mentioned: no anaphors
                found.append((the, desc[1], desc[0]))
    if not found:
        return
    mentions = _person_mentions(text, people)
    votes: dict[int, dict[str, list]] = {}
    for start, end, typ in found:
        person = _anaphor_referent(text, start, end, mentions, typ)
        if person is not None and id(person) in wanted and person.type is None:
            votes.setdefault(id(person), {}).setdefault(typ, [0, start])[0] += 1
    for p in persons:
        tally = votes.get(id(p))
        if tally:
            p.type = min(tally.items(), key=lambda kv: (-kv[1][0], kv[1][1]))[0]


def _reach_windows(text: str, persons) -> list[tuple[int, int]]:
    """Stretches within reach after a mention of one of `persons`, merged: only there may a description refer."""
    spans = sorted((j, j + _ANAPHOR_REACH) for p in persons for j in _word_starts(text, _surname(p) or "\x00"))
    merged: list[list[int]] = []
    for lo, hi in spans:
        if merged and lo <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    return [(lo, min(hi + 100, len(text))) for lo, hi in merged]   # (+100: the words of a description)


@lru_cache(maxsize=1)
def _description_scan() -> re.Pattern:
    """`the` followed, within six words, by a lower-case one-word head role cue (`senator`, `mogul*`,
    `*surgeon`) or a weak one before `of` (`secretary of`): a quick scan in C (a literal `he ` leads
    the pattern); each hit is then read by `_definite_description`."""
    rows = [r for r in taxonomy() if r["kind"] == "role" and len(r["words"]) == 1 and not r["case"]]
    heads = [r for r in rows if r["strength"] == "head"]
    exact = sorted({r["words"][0].lower() for r in heads if not r["wild"] and not r["suffix"]})
    wild = sorted({r["words"][0].lower() for r in heads if r["wild"] and not r["suffix"]})
    suffix = sorted({r["words"][0].lower() for r in heads if r["suffix"]})
    weak = sorted({r["words"][0].lower() for r in rows if r["strength"] == "weak" and not r["suffix"]})
    roles = (r"(?:" + trie_pattern(exact) + "|(?:" + trie_pattern(wild) + r")[\w\-]*|(?:" + trie_pattern(weak)
             + r")\w*(?=\s+of\s)|[a-z\-]*?(?:" + trie_pattern(suffix) + r"))\b")
    return re.compile(r"[Tt]he (?=(?:[^\s\x00]+ ){0,5}?" + roles + ")")


def _person_mentions(text: str, people) -> list:
    """(start, person) of every mention of a registry person's surname, by position; a surname that
    several people bear (Donald and Melania Trump, or `Trump` and `Donald Trump`) is the person whose
    first name is written before it, else nobody's (person None)."""
    by_last: dict[str, list] = {}
    for p in people:
        last = _surname(p)
        if last:
            by_last.setdefault(last, []).append(p)
    mentions = []
    for last, group in by_last.items():
        for start in _word_starts(text, last):
            if len(group) == 1:
                mentions.append((start, group[0]))
                continue
            before = text[max(0, start - 30):start].split()
            named = [p for p in group if before and len(p.name.split()) > 1 and p.name.split()[0] == before[-1]]
            mentions.append((start, named[0] if len(named) == 1 else None))
    mentions.sort(key=lambda m: m[0])
    return mentions


def _word_starts(text: str, word: str):
    """Start of each whole-word occurrence of `word` (a possessive `'s` after it allowed)."""
    j, n = text.find(word), len(word)
    while j >= 0:
        if not (j and (text[j - 1].isalnum() or text[j - 1] in "_-\u2019'")) and \
                not (text[j + n:j + n + 1].isalnum() or text[j + n:j + n + 1] in "_-"):
            yield j
        j = text.find(word, j + n)


# ------------------------------------------------------------- a subject's own campaign (rule 19)
# `Trump directly addressed some of the more controversial policy proposals of his candidacy`, `Rubio's
# poor showings ... have his campaign on the brink of collapse`: a possessive pronoun in a sentence
# refers, unless another person is named before it, to the sentence's subject (the preferred antecedent:
# Grosz, Joshi & Weinstein 1995, "Centering", Computational Linguistics 21(2)); a person with a campaign
# or candidacy of their own is a candidate (politician). The nouns: kind `campaign_noun` of
# sourcing_words.csv.
@lru_cache(maxsize=1)
def _own_campaign_regex() -> re.Pattern:
    nouns = sorted(kind_words("campaign_noun"), key=len, reverse=True)
    return re.compile(r"\b(his|her)\s+(?:[\w\-]+\s+){0,3}?(?:" + "|".join(re.escape(n) for n in nouns)
                      + r")\b(?!['\u2019]s|\s+(?:against|to)\b)", re.IGNORECASE)


_PRONOUN_GENDER = {"his": "m", "her": "f"}     # Person.gender codes (registry.guess_genders)


def campaign_pronoun_types(text: str, persons, people) -> None:
    """Type as `politician` each person of `persons` (untyped registry `Person` records, quoted) who
    opens a sentence (`Trump ...`, `Rubio's ...`) whose `his`/`her` + campaign noun (`his campaign`,
    `her presidential candidacy`; not `his campaign against ...`) comes before any other person's name
    and does not contradict a known gender. `people`: the whole registry."""
    wanted = {id(p) for p in persons}
    if not may_name_campaign(text) or not campaign_noun_regex().search(text):
        return                  # one cheap scan: most articles name no campaign
    regex = _own_campaign_regex()
    mentions = None
    for p in persons:
        last = _surname(p)
        if not last or p.type is not None:
            continue
        for start in _word_starts(text, last):
            stop = _SENTENCE_END.search(text, start + len(last))
            m = regex.search(text, start + len(last), stop.start() if stop else len(text)) or \
                _fronted_campaign(text, start, start + len(last), regex)
            gender = p.gender or _named_gender(text, start, p)
            if not m or gender and _PRONOUN_GENDER[m.group(1).lower()] != gender:
                continue
            if mentions is None:
                mentions = _person_mentions(text, people)
            if not _first_named(text, start, mentions, p):
                continue
            between = [] if m.start() < start else \
                mentions[bisect.bisect_right(mentions, start, key=lambda x: x[0]):
                         bisect.bisect_left(mentions, m.start(), key=lambda x: x[0])]
            if all(q is p for _, q in between) and id(p) in wanted:
                p.type = "politician"
                break


_SUBJECT_AFTER_COMMA = re.compile(r"(?:[A-Z][\w.'\u2019\-]*\s+){0,3}$")
_MAIN_VERB_AFTER = re.compile(r"(?:['\u2019]s\s+[a-z]|\s+[a-z])")


def _fronted_campaign(text: str, start: int, end: int, regex: re.Pattern):
    """`Early in his campaign, Trump said`, `During her primary campaign, Clinton was`: the match of `his`/`her`
    + campaign noun in an adverbial fronted before the sentence's subject (the name at text[start:end], after
    a comma and at most three given names or titles, followed by its verb). A pronoun in a fronted adverbial
    refers forward to the main clause's subject (cataphora: Quirk et al. 1985, 19.59-19.60); the pronoun must
    stand inside the adverbial (after a preposition or verb: `in his campaign`, `running his campaign`), not
    open a noun phrase of its own (`Earlier Tuesday, his campaign manager, Jeff Weaver`: an apposition)."""
    lead = _SUBJECT_AFTER_COMMA.search(text, max(0, start - 60), start)
    comma = lead.start() if lead else start
    while comma > 0 and text[comma - 1] == " ":
        comma -= 1
    if comma <= 0 or text[comma - 1] != "," or not _MAIN_VERB_AFTER.match(text, end):
        return None
    begin = max(text.rfind("\n", 0, comma), comma - 300, 0)
    for b in _SENTENCE_BREAK.finditer(text, begin, comma):
        begin = b.end()
    m = regex.search(text, begin, comma - 1)
    if m is None:
        return None
    before = text[max(begin, m.start() - 30):m.start()].split()
    return m if before and before[-1][:1].islower() and before[-1][-1:].isalpha() else None


def _named_gender(text: str, start: int, p) -> str | None:
    """`m` / `f` from the person's first name, else from a courtesy title before the mention (`Ms. Smith`)."""
    words = p.name.split()
    gender = first_name_gender(words[0]) if len(words) > 1 else None
    if gender is None:
        before = [w for w in text[max(0, start - 40):start].split() if w not in words]
        gender = honorific_gender(before[-1]) if before else None
    return gender[0] if gender else None


def _first_named(text: str, start: int, mentions, p) -> bool:
    """The mention of `p` at `start` is the first person named in its sentence (`After Donald Trump announced
    his presidential candidacy`, `Trump's ... his campaign`): the preferred antecedent of a later pronoun."""
    begin = max(text.rfind("\n", 0, start), start - 400, 0)
    for b in _SENTENCE_BREAK.finditer(text, begin, start):
        begin = b.end()
    return all(q is p for _, q in mentions[bisect.bisect_left(mentions, begin, key=lambda x: x[0]):
                                            bisect.bisect_left(mentions, start, key=lambda x: x[0])])


def _surname(p) -> str | None:
    """The last name word of a registry person (suffixes such as `Jr.` skipped); None for organisations."""
    if p.org or not p.name:
        return None
    suffixes = kind_words("name_suffix")
    words = [w for w in p.name.split() if w.lower().rstrip(".,") not in suffixes] or p.name.split()
    last = words[-1].rstrip(".,")
    return last if len(last) > 1 and last[0].isupper() else None


_AFTER_DESCRIPTION = frozenset("is was has had will would should could can may might must did does who whose "
                               "also then now later once again never still".split())


def _definite_description(text: str, start: int) -> tuple[str, int] | None:
    """(type, end) of a role description starting at `start` (right after `the`): one to five
    modifiers (no function word, verb or punctuation) and a lower-case singular head role word (`the
    Vermont senator`, `the real estate mogul`), or `<role> of <Name>` (`the former secretary of
    state`), followed by a verb, punctuation or a possessive. Not a description of someone named
    before: after a copula (`he was the mayor of Burlington`) or in apposition after a name (`Mark
    Penn, the Democratic pollster`), unless a finite verb follows it at once: then it is the subject of
    a clause after an opening phrase that ends in a name (`In an interview with ... Mika Brzezinski, the
    Democratic presidential candidate stated`; an apposition is closed by a comma before the verb);
    a capitalised word after it makes it a title (`the Republican front-runner Donald Trump`)."""
    before = text[max(0, start - 30):start].split()
    if len(before) >= 2 and before[-2].lower() in PREDICATIVE:
        return None
    after_name = len(before) >= 2 and before[-2].endswith(",") and before[-2][:1].isupper()
    if not _subject_position(text, start, before):
        return None             # `cast the former secretary of state as ...`: an object is someone else
    tokens = text[start:start + 160].split()[:15]
    words: list[str] = []
    for i, tok in enumerate(tokens[:7]):
        word = clean_word(tok)
        possessive = tok.endswith(("'s", "\u2019s"))
        if not _description_word(tok, word, possessive):
            return None
        words.append(word)
        ends = tok[-1:] in BOUNDARY or possessive
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if len(words) > 1 and _ends_on_head_role(words) and \
                (ends or _verb_like(nxt) or nxt == "and" and _conjunct_role(tokens[i + 2:i + 9])):
            if after_name and (ends or not _finite_verb(nxt)):
                return None     # `Mark Penn, the Democratic pollster, said`, `Guardian, the first mayor elected in`
            typ = type_of(" ".join(words), True, True)
            return (typ, text.find(tok, start) + len(tok)) if typ and typ != "other" else None
        if ends:
            return None
    return None


def _conjunct_role(tokens: list[str]) -> bool:
    """`The Democratic presidential front-runner and former secretary of state said`: the words after
    `and` are a second role description of the same person, followed by a verb or punctuation."""
    words: list[str] = []
    for i, tok in enumerate(tokens):
        word = clean_word(tok)
        if not _description_word(tok, word, False):
            return False
        words.append(word)
        if (len(words) > 1 and _ends_on_head_role(words) or len(words) == 1 and _ends_on_head_role(["x", word])) \
                and (tok[-1:] in BOUNDARY or _verb_like(tokens[i + 1] if i + 1 < len(tokens) else "")):
            return True
        if tok[-1:] in BOUNDARY:
            return False
    return False


def _description_word(tok: str, word: str, possessive: bool) -> bool:
    """A word that may stand in a description: no masked quotation, no contraction, no function
    word, determiner or verb of a clause."""
    low = word.lower()
    if not word or "\x00" in tok or not (word[0].isalnum()) or ("'" in word or "\u2019" in word) and not possessive:
        return False
    return low == "of" or not (low in BEFORE_STOP or low in FINITE_VERBS or low in kind_words("function")
                               or low in kind_words("determiner") or low in kind_words("not_in_description"))


def _subject_position(text: str, start: int, before: list[str]) -> bool:
    """The `the` ending at `start` opens a clause's subject: at a paragraph or sentence start, after
    a comma (`Meanwhile, the ...`, `," the ... said`), a conjunction or a speech verb (`said the
    ...`). An object (`cast the former secretary of state as`, `attacks on the nominee`) is more
    often the other person of the sentence than the one named before."""
    if len(before) < 2 or "\n" in text[max(0, start - 30):start].rsplit(before[-1], 1)[0][-3:]:
        return True
    prev = before[-2]
    return prev[-1:] in ",.!?;:\"\u201d\u2019" or prev.lower() in _SUBJECT_AFTER or prev.lower() in verb_rows()


_SUBJECT_AFTER = frozenset("and but while as when because that after before since although though if".split())


def _ends_on_head_role(words: list[str]) -> bool:
    """The words end on a lower-case singular head role cue (`senator`, `front-runner`), or on
    `<role> of <Name>` (`secretary of state`, `mayor of Chicago`); `of` stands nowhere else."""
    if "of" in words[:-2] or words[-1] == "of":
        return False
    if len(words) >= 3 and words[-2] == "of":
        role = words[-3]
        return role[:1].islower() and (words[-1][:1].isupper() or words[-1] == "state") and \
            any(r["kind"] == "role" and len(r["words"]) == 1 for r in cues_at(role, True))
    last = words[-1]
    if not last[:1].islower() or last.endswith("s") and not last.endswith("ss"):
        return False
    # kind `described` words (`the billionaire`, `the real estate mogul`, `the younger brother`) are
    # epithets and relations, not offices: no anaphors (`the billionaire` is the candidate Trump)
    return any(r["kind"] == "role" and r["strength"] == "head" and len(r["words"]) == 1
               for r in cues_at(last))


def _verb_like(token: str) -> bool:
    """A word that can follow a description as its verb: a lower-case word ending in -ed or -s, a
    speech verb, an auxiliary or `who`."""
    word = clean_word(token)
    low = word.lower()
    return bool(word) and word[0].islower() and (low.endswith(("ed", "s")) or low in _AFTER_DESCRIPTION
                                                  or low in verb_rows())


def _finite_verb(token: str) -> bool:
    """A word that can only be a clause's verb right after a description: a speech verb or an auxiliary
    (`stated`, `said`, `was`); not `who` (a relative clause of an apposition) nor another word in -ed (a
    participle: `the first Republican mayor elected in Atlantic City`)."""
    low = clean_word(token).lower()
    return bool(low) and token[:1].islower() and (low in verb_rows() or low in _AFTER_DESCRIPTION
                                                  and low not in ("who", "whose"))


def _previous_subject(text: str, begin: int, start: int, mentions, own: set):
    """The person named first when the sentence before the description's own opens with a name (its
    subject): a description continues the previous subject, not the person named last (centering: Grosz,
    Joshi & Weinstein 1995, Computational Linguistics 21(2)); None when that sentence opens otherwise."""
    if begin <= 0 or start - begin > 400:
        return None
    prev_begin = max(text.rfind("\n", 0, begin - 1), begin - 400, 0)
    for b in _SENTENCE_BREAK.finditer(text, prev_begin, begin - 1):
        prev_begin = b.end()
    while prev_begin < begin and not text[prev_begin].isalnum():
        prev_begin += 1
    i = bisect.bisect_left(mentions, prev_begin, key=lambda m: m[0])
    if i >= len(mentions) or mentions[i][0] >= begin or mentions[i][1] is None or id(mentions[i][1]) in own:
        return None
    pos, person = mentions[i]
    opening = text[prev_begin:pos].split()
    if len(opening) > 4 or not all(w[:1].isupper() or w in ("\u2014", "\u2013", "-", "--") for w in opening):
        return None             # given names, a title or a dateline (`WASHINGTON \u2014`) before the name
    last_pos, last = mentions[bisect.bisect_left(mentions, begin, key=lambda m: m[0]) - 1]
    if last is not person and speech_tagged(text, last_pos):
        return None             # `Trump plans to ..., Ben Carson said Monday.`: the speaker is the subject
    return person


def _anaphor_referent(text: str, start: int, end: int, mentions, typ: str | None = None):
    """The person the description text[start:end] (of type `typ`) refers to: the one of several people
    named before it in its sentence whose type can be `typ`, else the nearest person mentioned before it
    who is not named in its own sentence (`The former secretary of state mocked Trump` is not Trump);
    None when nobody is mentioned within reach or the surname is several people's. `mentions`: (start,
    person) by position."""
    begin = text.rfind("\n", 0, start)
    for b in _SENTENCE_BREAK.finditer(text, max(begin, start - 400, 0), start):
        begin = b.start()       # the last sentence end before the description (`."` included)
    stop = _SENTENCE_END.search(text, end)
    stop_at = stop.start() if stop else len(text)
    first = bisect.bisect_right(mentions, begin, key=lambda m: m[0])
    own = {id(p) for pos, p in mentions[first:bisect.bisect_left(mentions, stop_at, key=lambda m: m[0])]}
    # two or more people named before it in its own sentence, only one of whom the description can fit (no
    # other type): `Netanyahu will meet with Trump when the front-runner arrives` (semantic compatibility of
    # antecedents: Lee et al. 2013, "Deterministic coreference resolution", Computational Linguistics 39(4))
    earlier = {id(p): p for pos, p in mentions[first:bisect.bisect_left(mentions, start, key=lambda m: m[0])]}
    fits = [p for p in earlier.values() if p is None or p.type in (None, typ)]
    if len(fits) == 1 and fits[0] is not None and len(earlier) > 1:
        return fits[0]
    subject = _previous_subject(text, begin, start, mentions, own)
    if subject is not None:
        return subject
    for pos, p in reversed(mentions[:bisect.bisect_left(mentions, start, key=lambda m: m[0])]):
        if id(p) in own:
            continue
        if p is None or start - pos > _ANAPHOR_REACH:
            return None         # a surname several people bear, or too far
        return p
    return None

"""The source phrase beside a speech verb: `parse_subject` reads it from the text before the verb
(`Rasmussen said`, `the ministry, which ..., said`), `parse_post` from the text after it
(`said Rasmussen`, `said the ministry`). Both return a `Speaker` (kind name / pronoun / desc) or None.
"""
from __future__ import annotations

import re
from functools import lru_cache

from analysis import quotes as _q
from analysis.sourcing.lexicon import (
    NUL,
    STRIP_CHARS,
    TOKEN,
    clean_word,
    cue_hits,
    cues_at,
    is_capitalised,
    kind_words,
    type_of,
    verb_regex,
)
from analysis.sourcing.firstnames import known_first_name
from analysis.sourcing.names import (MODIFIERS, appositive, names_an_org, role_before, role_index, sentence_adverb,
                                    split_role)
from analysis.sourcing.records import Speaker
from analysis.sourcing.referents import is_place_name

# the characters that end a clause before a speaker: comma, semicolon, colon, opening bracket, dashes
_CLAUSE_STOP_CHARS = (",", ";", ":", "(", "\u2014", "\u2013")
PLACE_PREP = kind_words("place_prep")
# words that open an adverbial before a sentence's subject: "During the call, he asked …"
_OPENING_ADVERBIAL = (PLACE_PREP - {"to", "about"}) | kind_words("opening_adverbial")
# word lists of analysis/data/sourcing_words.csv, read once (attributions are a hot path)
_NAME_CONNECTORS = kind_words("name_connector")
_RUN_GLUE = kind_words("particle") | _NAME_CONNECTORS
_ORG_PREPS = kind_words("org_prep")
_ORG_PREPS_AND_FROM = _ORG_PREPS | {"from"}   # `The senator from Vermont`
_TITLE_PREPS = kind_words("title_prep")
_POSSESSIVES = kind_words("possessive")
_RELATIVE = re.compile(r"((?:[A-Z][\w\u2019'.-]*\s+){0,3}[A-Z][\w\u2019'.-]*)\s*,\s*(?:who|whose)\b[^\x00]*,\s*$")
_OPENING_NAME = re.compile(r"\s*((?:[A-Z][\w\u2019'.-]*\s+){0,3}[A-Z][\w\u2019'.-]*)\s*,(?=[^\x00]*,\s*$)")
_AND_END = re.compile(r"\s(?:and|but|then)$")
_RELATIVE_START = re.compile(r"\s*(?:which|who|whose|that)\b")
_ARTICLE_START = re.compile(r"\s*(?:the|a|an|one|another)\s", re.IGNORECASE)
_ARTICLE_PREFIX = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_AND_TEAM = re.compile(r"(?:^|\s)((?:[A-Z][\w\u2019'.-]*\s+){0,3}[A-Z][\w\u2019'.-]*)\s+and\s+"
                       r"(?:his|her|their|the)?\s*(?:team|colleagues|co-authors|coauthors|wife|husband)\s*$")
_AND_TEAM_WORDS = ("team", "colleagues", "co-authors", "coauthors", "wife", "husband")
_SPACES = re.compile(r"\s*")
_BREAK_CANDIDATE = re.compile(r"[.;:!?\x00\"\u201c\u201d\u2018]|,\s")
INITIALS = re.compile(r"(?:[a-z]\.)+")
_NOT_IN_DESCRIPTION = kind_words("not_in_description")
# a description ends on its head noun: never on a closed-class word (`many of the`, `the White House
# by`), and it holds no clause of its own (`the time said he'd`: a pronoun or a finite speech verb)
_NOT_DESCRIPTION_END = (kind_words("function") | kind_words("determiner") | PLACE_PREP) - {"one", "two", "three"}
_ARTICLES_AND_POSSESSIVES = frozenset(("the", "a", "an")) | kind_words("possessive")
# a time, place or medium phrase between a name and its verb (`Trump at the time said`)
_SUBJECT_PREPS = frozenset(("at", "in", "on", "during", "since", "after", "before", "for", "over", "via"))
_QUANTIFIER_HEADS = frozenset(("those", "these", "both", "all", "others"))    # `many of those said`
_CLAUSE_INSIDE = re.compile(r"^(?:he|she|it|they|we|i|you)(?:['\u2019](?:s|d|ll|ve|re))?$|^(?:said|says|told|asked)$")


def is_description(words: list[str]) -> bool:
    """True when the words (a determiner first) can be a description of a source: the last word is
    no function word, determiner (a number may end it: `a mother of two`) or time/place preposition (`many of those` aside) and, after one
    determiner, no participle in -ing (`her opening`); no later word is a pronoun or a finite speech
    verb (`the time said he'd`); one word alone is a quantifier (`some`, `another`), not `the`, `his`. A speaker is a
    person, an organisation or a described group, never a fragment of a sentence (issue 13)."""
    last = words[-1].lower()
    if len(words) == 1:
        return last not in _ARTICLES_AND_POSSESSIVES       # `some`, `another`, `both` said: people
    if (last in _NOT_DESCRIPTION_END and last not in _QUANTIFIER_HEADS) or (
            len(words) == 2 and last.endswith("ing") and len(last) > 5 and not cues_at(words[-1])):
        return False
    return not any(_CLAUSE_INSIDE.match(w.lower()) for w in words[1:])


def _trim_adverbs(seg: str) -> str:
    adverbs = kind_words("adverb")
    while True:
        s = seg.rstrip()
        parts = s.rsplit(None, 1)
        if len(parts) == 2 and parts[1].lower() in adverbs:
            seg = parts[0]
        else:
            return s


SHARE_SUBJECT = re.compile(
    r"(?:^|[\s(,;\u2014])((?:[Aa]n?\s+|[Tt]he\s+)?(?:(?:overwhelming|slim|narrow|clear|bare)\s+)?"
    r"(?:\d[\d.,]*\s*(?:%|per\s?cent)|[A-Za-z]+(?:-[a-z]+)?\s+per\s?cent|majority)"
    r"(?:\s+of\s+(?:the\s+)?(?:[\w\u2019'-]+\s+){0,2}?[\w\u2019'-]+)?)\s*$")
_NAME_THE = re.compile(r"\s*((?:[A-Z][\w\u2019'.-]*\s+){0,3}[A-Z][\w\u2019'.-]*)\s*,\s+(?:the|a|an)\s")


def parse_subject(seg: str, offset: int = 0) -> Speaker | None:
    """The source named at the end of `seg` (text right before a speech verb). A pure function of
    its arguments, which the cue rules often ask twice: answered from a cache, as a fresh copy (a
    caller may change the record it gets). The segment is cut to its last 400 characters before the
    cache sees it: a key as long as a paragraph would cost its length to hash and to keep."""
    if len(seg) > 400:                      # a subject is never further back than this
        offset += len(seg) - 400
        seg = seg[-400:]
    sp = _parsed_subject(seg, offset)
    if sp is None:
        return None
    words = sp.words[:] if isinstance(sp.words, list) else sp.words
    return Speaker(sp.kind, words, role=sp.role, start=sp.start, text=sp.text)


def forget_parsed_subjects() -> None:
    """Empty `parse_subject`'s cache. `article_attributions` calls it before each article, so the cache
    holds one article's questions (its repeats come from the same article: the offset is part of the
    key) however long the article is, instead of a corpus' last few thousand, which made a very long
    article lose the cache and cost more per word than a short one (tests/test_linearity.py)."""
    _parsed_subject.cache_clear()


@lru_cache(maxsize=32768)
def _parsed_subject(seg: str, offset: int) -> Speaker | None:
    seg = _trim_adverbs(seg)
    if seg.endswith(_TIME_WORDS):
        seg = _without_time_phrase(seg)
    seg = _without_party_state(seg)
    if not seg or seg.endswith(NUL):
        return None
    if "ercent" in seg or "ajority" in seg or "%" in seg:
        share = SHARE_SUBJECT.search(seg)
        if share:
            # "Fifty-one percent (of Americans) say": respondents, read as the poll (see resolve_speaker)
            text = share.group(1)
            return Speaker("desc", text.split(), start=offset + share.start(1), text=text)
    if _AND_END.search(seg) and "," not in seg[-3:]:
        # "X accused ... and warned": the subject that starts the sentence
        return leading_subject(seg, offset)
    if seg.endswith(","):
        sp = _comma_subject(seg, offset)
        if sp is not None and sp.kind == "name" and _inside_parenthetical(seg, offset, sp):
            # `Clinton, during a town hall meeting in Columbus, Ohio, said`, `Cory James, 22, of Flint,
            # Mich., said`: a place inside the phrase set off after the opening name is no source
            return _opening_name(seg, offset) or sp
        return sp
    return trailing_subject(seg, offset)


_DAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_TIME_WORDS = ("day", "night", "morning", "afternoon", "evening", "week", "month", "year", "weeks", "months",
               "years", "days", "ago", "time")
# a time phrase between a source and its verb: `Donald Trump on Saturday tweeted`, `Feinstein (D-Calif.)
# last week said`, `which President Obama on Friday declared`, `The State Department less than two weeks
# ago said`, `Trump at the time said`
_TIME_PHRASE = re.compile(
    r"(?<=[\w.)\u2019',])\s+(?:(?:(?:on|early|late|earlier|later)\s+)?" + _DAYS +
    r"(?:\s+(?:night|morning|afternoon|evening))?|(?:(?:earlier|later)\s+)?(?:this|last|that)\s+"
    r"(?:week|month|year|" + _DAYS[3:-1] + r")|(?:less\s+than\s+|more\s+than\s+|about\s+)?(?:a|an|one|two|three|"
    r"four|five|six|several|a\s+few|\d+)\s+(?:days?|weeks?|months?|years?)\s+ago|at\s+the\s+time)$")


def _without_time_phrase(seg: str) -> str:
    """`seg` without the time phrase that ends it (`Donald Trump on Saturday` -> `Donald Trump`), when a
    capitalised word, a bracket or a comma stands before it (not `Democrats going to the polls Tuesday`,
    `The senator earlier this week`: inside a description); offsets of what is kept do not change."""
    tail = seg[-60:]
    m = _TIME_PHRASE.search(tail)
    if m is None:
        return seg
    before = tail[:m.start()].rsplit(None, 1)
    if not before or not (before[-1][:1].isupper() or before[-1].endswith((")", ","))):
        return seg
    return seg[:len(seg) - len(tail) + m.start()]


def _comma_subject(seg: str, offset: int) -> Speaker | None:
    """The source before a speech verb when `seg` ends with a comma: `NAME, who …,`, `NAME, appositive,`,
    `description, NAME,`, or the name that opens the clause."""
    # NAME, who ... ,   (a relative clause between the source and its verb)
    rel = _RELATIVE.search(seg)
    if rel:
        words = [clean_word(w) for w in rel.group(1).split()]
        while words and words[0].lower() in kind_words("function"):
            words = words[1:]
        if words:
            return Speaker("name", words, start=offset + rel.start(1), text=" ".join(words))
    # NAME, appositive,  |  description, NAME,
    inner = seg[:-1]
    cut = inner.rfind(",")
    if cut > 0:
        left, app = inner[:cut], inner[cut + 1:]
        if _RELATIVE_START.match(app):
            # "The statement, which was obtained by Variety, claimed": the subject is before it;
            # "one user on Weibo, which is …, posted": a description that ends with a name
            start = max(left.rfind(","), _last_stop(left)) + 1
            clause = left[start:]
            words = clause.split()
            if 1 < len(words) <= 6 and words[0].lower() in kind_words("indefinite"):
                lead = len(clause) - len(clause.lstrip())
                return Speaker("desc", [clean_word(w) for w in words], start=offset + start + lead,
                               text=" ".join(words))
            return trailing_subject(left, offset)
        left_clause = left[max(_last_stop(left), 0):]
        described = _ARTICLE_START.match(left_clause) is not None
        sp = None if described else trailing_subject(left, offset)
        app_words = app.split()
        if sp and sp.kind == "name" and 0 < len(app_words) <= 14:
            role_words = app_words[1:] if app_words[0].lower() in ("a", "an", "the") else app_words
            role = " ".join(role_words).strip(" ,")
            # `Richardson, via USA Today, said`: the medium that relayed the words, no role (QUOTES_ANNOTATION.md)
            if role and type_of(role) and role_words[0].lower() != "via":
                sp.role = role
            return sp
        # `…, forcing her to fend off both Trump and Sanders, said X`: a name ending a participle
        # phrase is its object, no source
        first = app.split(None, 1)[0] if app.strip() else ""
        sp2 = None if first.endswith("ing") and first[:1].islower() else trailing_subject(app, offset + cut + 1)
        if sp2 is not None and sp2.kind == "name":
            sp2 = _affiliated_name(app, offset + cut + 1) or sp2
        if sp2 and sp2.kind == "name":
            # "Prince Andrew, the younger brother of heir to the throne, Charles, has told": the
            # name that opens the clause, its description ending with another person's name
            ls = max(left.rfind(". "), left.rfind("; "), left.rfind(": "))
            first = _NAME_THE.match(left, ls + 2 if ls >= 0 else 0)
            if first and split_role(first.group(1).split())[1]:
                words = [clean_word(w) for w in first.group(1).split()]
                if words and words[0].lower() not in kind_words("function"):
                    return Speaker("name", words, start=offset + first.start(1), text=first.group(1))
        if sp2 and sp2.kind == "name":
            desc = left[max(_last_stop(left), 0):].strip()
            if desc and type_of(desc):
                sp2.role = _ARTICLE_PREFIX.sub("", desc)
            return sp2
        if described:
            sp = trailing_subject(left, offset)
            if sp is not None:
                return sp
    # "Steve Menet, Senior Vice President of Sales for Dräger, Inc., says": the opening name
    lead = _OPENING_NAME.match(seg)
    if lead:
        words = [clean_word(w) for w in lead.group(1).split()]
        if words and not split_role(words)[0] and words[0].lower() not in kind_words("function"):
            app = seg[lead.end():].strip(" ,")
            sp = Speaker("name", words, start=offset + lead.start(1), text=lead.group(1))
            if app and type_of(app) and len(app.split()) <= 16:
                sp.role = _ARTICLE_PREFIX.sub("", app.split(",")[0].strip())
            return sp
    return None


_PARENTHETICAL_PREPS = frozenset(("in", "of", "at", "from", "near", "outside", "to", "for", "with", "by"))


def _inside_parenthetical(seg: str, offset: int, sp: Speaker) -> bool:
    """True when the name `sp` found at the end of `seg` is a place inside a phrase, not a source: a
    preposition right before it (`… meeting in Columbus`, `of Flint`), or a US state or country alone,
    or a state abbreviation (`Mich.`)."""
    words = seg[:max(0, sp.start - offset)].split()
    name = " ".join(sp.words)
    return (bool(words) and words[-1].lower() in _PARENTHETICAL_PREPS) or is_place_name(name) \
        or (len(sp.words) == 1 and name.endswith(".") and len(name) <= 6)


_AFFILIATED = re.compile(r"\s*((?:[A-Z][\w\u2019'.-]*\s+){1,3})(?:of|from|at|in)\s+[A-Z]")


def _affiliated_name(app: str, offset: int) -> Speaker | None:
    """`…, Darran Whiting of Liberty Baptist Church in Marion,`: an appositive that names a person,
    then where the person is from or works (Quirk et al. 1985, 17.65, a postmodifying prepositional
    phrase), has the person as its head: the name that opens it, not the place that ends it."""
    m = _AFFILIATED.match(app)
    if m is None:
        return None
    words = [clean_word(w) for w in m.group(1).split()]
    if len(words) < 2 or words[0].lower() in kind_words("function") or is_place_name(" ".join(words)) \
            or names_an_org(words) or not split_role(words)[1]:
        return None
    return Speaker("name", words, start=offset + m.start(1), text=" ".join(m.group(1).split()))


def _opening_name(seg: str, offset: int) -> Speaker | None:
    """The name that opens `seg` before a comma (`Clinton, during …,`), when it is no function word and
    not a place."""
    lead = _OPENING_NAME.match(seg)
    if not lead:
        return None
    words = [clean_word(w) for w in lead.group(1).split()]
    if not words or words[0].lower() in kind_words("function") or is_place_name(" ".join(words)) \
            or not split_role(words)[1]:
        return None
    return Speaker("name", words, start=offset + lead.start(1), text=lead.group(1))

def _modified_role(seg: str, toks: list, k: int, j: int, offset: int) -> Speaker | None:
    """`the GOP candidates …, and have pledged`: an organisation's name (toks[k:j]) after `the` that
    modifies a lower-case role noun is part of a description, whose head is the role noun: the people,
    not the organisation (a person's or a place's name before a role noun, `the Vermont senator`, is
    left to the rules that resolve it)."""
    if not (0 < k and j < len(toks) and clean_word(toks[k - 1][0]).lower() == "the"
            and toks[j][0][:1].islower() and not toks[j - 1][0].endswith(",")):
        return None
    head = clean_word(toks[j][0])
    if not any(r["kind"] == "role" for r in cues_at(head)) or not names_an_org([clean_word(t[0]) for t in toks[k:j]]):
        return None
    words = [clean_word(t[0]) for t in toks[k - 1:j + 1]]
    return Speaker("desc", words, start=offset + toks[k - 1][1], text=seg[toks[k - 1][1]:toks[j][2]].rstrip(","))


def leading_subject(seg: str, offset: int) -> Speaker | None:
    """The source that opens a sentence (a name, a pronoun), for coordinated speech verbs."""
    toks = [(m.group(), m.start(), m.end()) for m in TOKEN.finditer(seg)]
    k = _after_dateline(toks)
    if k:
        toks = toks[k:]           # `WASHINGTON — Sen. Chuck Grassley … said`: the dateline is no subject
    k = _subject_start(toks)
    if k is None:
        return None              # `Hastily politicizing …`: the opening word is no subject
    opening = k
    while k < len(toks) and clean_word(toks[k][0]).lower() in kind_words("function") \
            and clean_word(toks[k][0]).lower() not in kind_words("pronoun"):
        k += 1
    if k >= len(toks):
        return None
    w = clean_word(toks[k][0])
    if w.lower() in kind_words("pronoun"):
        return Speaker("pronoun", [w.lower()], start=offset + toks[k][1], text=w)
    if k > 0 and clean_word(toks[k - 1][0]).lower() in ("the", "a", "an"):
        j = k
        while j < min(len(toks), k + 4) and not toks[j][0].endswith(",") and \
                not verb_regex().fullmatch(toks[j][0]):
            j += 1
        if j < len(toks) and verb_regex().fullmatch(toks[j][0]):
            words = [clean_word(t[0]) for t in toks[k - 1:j]]
            return Speaker("desc", words, start=offset + toks[k - 1][1],
                           text=seg[toks[k - 1][1]:toks[j - 1][2]])
    run = []
    j = k
    while j < len(toks) and is_capitalised(clean_word(toks[j][0])):
        run.append(clean_word(toks[j][0]))
        if toks[j][0].endswith((",", "\u2019s", "'s")):
            if j == k and toks[j][0].endswith(",") and _lone_name_subject(toks, opening, k):
                j += 1            # `Obama, making it clear …, and described`: the run ends at its comma
            break
        j += 1
    if run and not toks[j - 1][0].endswith(("\u2019s", "'s")) if j > k else False:
        end = _role_then_name(toks, j) if not toks[j - 1][0].endswith(",") else None
        if end is not None:      # `Democratic front-runner Hillary Clinton accused …`: the whole title and name
            words = [clean_word(t[0]) for t in toks[k:end]]
            return Speaker("name", words, start=offset + toks[k][1], text=" ".join(words))
        return _modified_role(seg, toks, k, j, offset) or Speaker("name", run, start=offset + toks[k][1],
                                                                  text=" ".join(run))
    if run and j < len(toks) and toks[j][0].endswith(("\u2019s", "'s")):
        # "China’s ambassador to Britain accused …": a possessive description with a role word
        words = [toks[i][0].strip(STRIP_CHARS) for i in range(k, min(len(toks), j + 5))]
        tail = []
        for w in words[len(run):]:
            if cues_at(clean_word(w)) or w.lower() in MODIFIERS or w.lower() in _TITLE_PREPS or is_capitalised(clean_word(w)):
                tail.append(w)
            else:
                break
        if tail and any(row["kind"] == "role" for _, _, row in cue_hits([clean_word(w) for w in tail])):
            n = 0
            while n < len(tail) and is_capitalised(clean_word(tail[-1 - n])) and not cues_at(clean_word(tail[-1 - n])):
                n += 1
            if n >= 2 and n < len(tail) and cues_at(clean_word(tail[-1 - n])):
                # "Delhi’s Chief Minister Arvind Kejriwal": the title and name after the possessive
                return Speaker("name", [clean_word(w) for w in tail], start=offset + toks[j + 1][1],
                               text=" ".join(tail))
            return Speaker("desc", words[:len(run)] + tail, start=offset + toks[k][1],
                           text=" ".join(words[:len(run)] + tail))
    return None


def _lone_name_subject(toks: list, opening: int, k: int) -> bool:
    """True when the one capitalised word toks[k], followed by a comma, can be the sentence's subject
    (`But Obama, making it clear …, and described`): no place (`At an event in Ames, Iowa, on Sunday,
    Mrs. Clinton`), no abbreviation (`N.H.,`), no word in capitals (a dateline: `DECATUR, Ill. —`) and no
    preposition among the words skipped before it (`Here in Columbia, Sanders`)."""
    word = clean_word(toks[k][0])
    return not is_place_name(word) and not word.isupper() and not toks[k][0].rstrip(",").endswith(".") \
        and not any(clean_word(t[0]).lower() in PLACE_PREP for t in toks[opening:k])


def _subject_start(toks: list) -> int | None:
    """The index where a sentence's subject may start, after an opening adverbial, time phrase or
    participle phrase and a clause that follows it; None when an opening phrase has no subject."""
    k = 0
    if toks and (clean_word(toks[0][0]).lower() in _OPENING_ADVERBIAL or sentence_adverb(clean_word(toks[0][0]))):
        # an opening adverbial ("During the call, he asked …"): the subject comes after its comma
        comma = next((i for i, t in enumerate(toks[:8]) if t[0].endswith(",")), None)
        if comma is None and clean_word(toks[0][0]).lower() in _OPENING_ADVERBIAL:
            # a longer opening phrase (`By attacking Hillary Clinton over her husband's record on women,
            # Trump hopes`): its comma before a pronoun, a determiner or a capitalised word
            comma = _long_opening_comma(toks)
        if comma is not None and comma + 1 < len(toks):
            k = comma + 1
    elif toks and (timed := _after_time_phrase(toks)):
        k = timed                # `Hours later, she issued …`, `Eight years ago, he supported …`
    elif toks and _opening_phrase(toks):
        # an opening participle or adverb phrase ("Speaking at a town hall in Salem, New Hampshire,
        # Trump went after Bush, calling him …", "Reached by POLITICO, Bennett denied …"): the
        # subject is the name or pronoun after the comma that a verb follows
        k = _subject_after_opening(toks)
        if k is None:
            return None
    if 0 < k < len(toks) and clean_word(toks[k][0]).lower() in _OPENING_ADVERBIAL:
        # a clause after the opening phrase (`Years ago, when he was a senator, Obama won …`)
        comma = next((i for i in range(k, min(len(toks), k + 12)) if toks[i][0].endswith(",")), None)
        if comma is not None and comma + 1 < len(toks):
            k = comma + 1
    return k


def _long_opening_comma(toks: list) -> int | None:
    """The index of the comma that ends an opening adverbial of 8 to 30 words, when a pronoun, a
    determiner or a capitalised run that a word other than a preposition follows comes after it (not a
    list's comma: `After the victories of Republicans Cory Gardner in Colorado, Joni Ernst in Iowa and
    …`); else None."""
    for i in range(8, min(len(toks) - 1, 30)):
        if not toks[i][0].endswith(","):
            continue
        nxt = clean_word(toks[i + 1][0])
        low = nxt.lower()
        if low in kind_words("pronoun") or low in ("the", "a", "an"):
            return i
        j = i + 1
        while j < len(toks) and clean_word(toks[j][0])[:1].isupper() and not toks[j][0].endswith(","):
            j += 1
        if j == i + 1 or j >= len(toks) or clean_word(toks[j][0]).lower() in PLACE_PREP | _ORG_PREPS_AND_FROM:
            continue
        return i
    return None


def _role_then_name(toks: list, j: int) -> int | None:
    """The index after a name when a capitalised run that opens a sentence is only the start of a
    title (`Democratic front-runner Hillary Clinton`, `Presidential candidate Donald Trump`,
    `Democratic presidential candidate Sen. Bernie Sanders`): one to three lower-case words, the last
    a role word of the taxonomy, then a capitalised run of at least two words; else None."""
    i = j
    while i < min(len(toks), j + 3) and clean_word(toks[i][0])[:1].islower() and not toks[i][0].endswith(","):
        i += 1
    if i == j or i >= len(toks) or not any(
            row["kind"] == "role" for _, _, row in cue_hits([clean_word(toks[i - 1][0])])):
        return None
    end = i
    while end < len(toks) and is_capitalised(clean_word(toks[end][0])) and toks[end][0][0] != "(":
        end += 1
        if toks[end - 1][0].endswith((",", "\u2019s", "'s")):
            break
    if end - i < 2 or toks[end - 1][0].endswith(("\u2019s", "'s")):
        return None
    return end


_PARTICIPLE_OR_ADVERB = re.compile(r"[A-Z][a-z]{2,}(?:ing|ed|ly)")
_DASHES = frozenset(("\u2014", "\u2013", "\u2015", "--", "-"))
_WIRE = re.compile(r"^\((?:AP|AFP|Reuters|UPI|CNN|dpa|Bloomberg)\)$")


def _after_dateline(toks: list) -> int:
    """The index after a dateline that opens a sentence, else 0: one to three capitalised words in
    capitals or naming a US state or country (`WASHINGTON`, `LAS VEGAS`, `Iowa`), or any followed by
    a wire service in brackets (`Washington (AFP)`), then a spaced dash (`Trump — the front-runner —`
    is no dateline) (`WASHINGTON — Sen. Chuck Grassley …`, `Washington (AFP) – Democrat Hillary …`)."""
    wire = False
    for i, tok in enumerate(toks[:5]):
        if tok[0] in _DASHES:
            place = " ".join(t[0].strip(",") for t in toks[:i] if not _WIRE.match(t[0]))
            dateline = wire or place.isupper() or is_place_name(place)
            return i + 1 if i and i + 1 < len(toks) and dateline else 0
        wire = wire or bool(i and _WIRE.match(tok[0]))
        if not (wire or (tok[0][:1].isupper() and tok[0].strip(",").isalpha() and i < 3)):
            return 0
    return 0


def _after_time_phrase(toks: list) -> int:
    """The index after a short opening time phrase that ends in an adverb of the opening_adverbial
    kind and a comma (`Hours later,`, `Eight years ago,`, `Two days earlier,`), else 0."""
    if not toks[0][0][:1].isalnum():
        return 0
    for i, tok in enumerate(toks[1:4], 1):
        if tok[0].endswith(","):
            return i + 1 if i + 1 < len(toks) and tok[0][:-1].lower() in _TIME_ADVERBS else 0
    return 0


_TIME_ADVERBS = kind_words("opening_adverbial") - kind_words("place_prep")


def _opening_phrase(toks: list) -> bool:
    """True when a sentence opens with a participle or an adverb in -ly (`Speaking at`, `Asked on
    Monday whether`, `Walking to`, `Early in his campaign`, `Hastily,`) rather than its subject: the
    word is no first name (`Kelly`, `Mohammed`), the next word is lower case and no speech verb."""
    first = toks[0][0]
    if not _PARTICIPLE_OR_ADVERB.fullmatch(first.rstrip(",")) or known_first_name(first.rstrip(",")):
        return False
    if first.endswith(","):
        return True
    if len(toks) < 2:
        return False
    second = clean_word(toks[1][0])
    return second[:1].islower() and not verb_regex().fullmatch(second)


def _subject_after_opening(toks: list) -> int | None:
    """The index of the subject after an opening phrase: the first word after a comma or a spaced
    dash (within 30 words) that is a pronoun, or starts a capitalised run followed by a lower-case word (`…, New
    Hampshire, Trump went`: not `New Hampshire`, whose run ends at a comma)."""
    pronouns = kind_words("pronoun")
    for i in range(min(len(toks), 30) - 1):
        if not toks[i][0].endswith(",") and toks[i][0] not in _DASHES:
            continue
        j = i + 1
        if clean_word(toks[j][0]).lower() in pronouns:
            return j
        while j < len(toks) and is_capitalised(clean_word(toks[j][0])) and not toks[j][0].endswith(","):
            j += 1
        if j > i + 1 and j < len(toks) and clean_word(toks[j][0])[:1].islower():
            return i + 1
    return None


def _last_stop(text: str) -> int:
    """The end of the last `_CLAUSE_STOP_CHARS` character of `text` (found with `str.rfind`, no regex
    match objects), -1 when there is none."""
    last = max(map(text.rfind, _CLAUSE_STOP_CHARS))
    return last + 1 if last >= 0 else -1


# `(D-Wis.)`, `(R-Ky.)`, `(D, Calif.)` and the Washington Post's bare party letter `(D)`, `(R)`, `(I)`
_PARTY_STATE_TAIL = re.compile(r"\s*\((?:[RDI]|Dem|Rep|Ind)(?:\s?[-\u2013,]\s?[A-Z][A-Za-z.]{1,10}"
                               r"(?:\s[A-Z][A-Za-z.]{1,10})?)?\)\s*$")


def _without_party_state(seg: str) -> str:
    """`Rep. Gwen Moore (D-Wis.) ` -> `Rep. Gwen Moore`, `Lisa M. Madigan (D) ` -> `Lisa M. Madigan`: a
    party(-and-state) tag after a name (its full stop is no sentence end; its letter is no speaker);
    the offsets of what is kept do not change."""
    if not seg.endswith((")", ") ")):
        return seg
    m = _PARTY_STATE_TAIL.search(seg)
    return seg[:m.start()] if m else seg


def trailing_subject(seg: str, offset: int) -> Speaker | None:
    seg = _without_party_state(seg)
    cut = _last_stop(seg)
    clause_start = cut if cut > 0 else 0
    clause = seg[clause_start:]
    toks = [(m.group(), m.start() + clause_start, m.end() + clause_start) for m in TOKEN.finditer(clause)]
    if not toks or NUL in clause:
        return None
    words = [clean_word(t[0]) for t in toks]
    last = words[-1]
    if last.lower() in kind_words("pronoun") and (len(words) == 1 or not is_capitalised(words[-2])):
        return Speaker("pronoun", [last.lower()], start=offset + toks[-1][1], text=last)
    # trailing run of capitalised words, possibly coordinated with `and`
    k = len(words)
    while k > 0:
        w = words[k - 1]
        if is_capitalised(w) or (w.lower() in _RUN_GLUE and k - 1 > 0 and k < len(words)):
            k -= 1
        else:
            break
    run = words[k:]
    while run and run[0].lower() in _NAME_CONNECTORS:
        run, k = run[1:], k + 1
    if len(run) >= 3 and k > 0 and words[k - 1].lower() in _ORG_PREPS \
            and not role_index(run) and "and" not in [w.lower() for w in run]:
        run, k = run[1:], k + 1
    placed = _instead_of_place(seg, offset, clause_start, toks, words, k) if run and is_place_name(" ".join(run)) \
        else None
    if placed is not None:
        return placed
    described = _role_for_name(seg, offset, toks, words, k) if 2 <= len(run) <= 3 else None
    if described is not None:
        return described
    if len(run) == 1 and _role_and_preposition_before(words, k, _ORG_PREPS):
        # "China’s ambassador to Britain said": the description, not the place
        lead = leading_subject(clause, offset + clause_start)
        if lead is not None and lead.kind == "desc":
            return lead
    if run and any(is_capitalised(w) for w in run):
        det_before = k > 0 and words[k - 1].lower() in ("the",)
        start = toks[k - 1][1] if det_before else toks[k][1]
        role = role_before(seg, toks[k][1]) if k > 0 else None
        return Speaker("name", run, role=role, start=offset + start,
                       text=seg[start:toks[-1][2]].strip(STRIP_CHARS + "."))
    # "Paganini and his team", "Smith and colleagues": the named person
    # (the pattern ends with one of these words and white space: no search without one)
    m_and = _AND_TEAM.search(clause) if clause.rstrip().endswith(_AND_TEAM_WORDS) else None
    if m_and:
        run = [w for w in m_and.group(1).split() if w.lower() not in kind_words("function")]
        if run:
            return Speaker("name", [clean_word(w) for w in run], start=offset + clause_start + m_and.start(1),
                           text=m_and.group(1))
    # description starting with a determiner
    dets = kind_words("determiner")
    for i, w in enumerate(words):
        if w.lower() in dets and len(words) - i <= 10:
            rest = [x.lower() for x in words[i:]]
            if "who" in rest and i == 0 and len(rest) <= 12:
                rest = rest[:rest.index("who")]       # "an official who spoke on condition of anonymity"
            if any(x in _NOT_IN_DESCRIPTION for x in rest) or not is_description(words[i:]):
                continue
            named = _name_before_phrase(seg, offset, toks, words, i)
            if named is not None:
                return named
            start = toks[i][1]
            return Speaker("desc", words[i:], start=offset + start,
                           text=seg[start:toks[-1][2]].strip(STRIP_CHARS + "."))
    # bare plural or mass noun: "officials", "U.S. officials", "police"
    hits = cue_hits(words[-2:])
    if hits:
        i = len(words) - 2 if len(words) >= 2 and (is_capitalised(words[-2]) or cue_hits(words[-2:-1])) \
            and words[-2].lower() not in kind_words("function") else len(words) - 1
        if cue_hits(words[-1:]):
            start = toks[i][1]
            return Speaker("desc", words[i:], start=offset + start,
                           text=seg[start:toks[-1][2]].strip(STRIP_CHARS + "."))
    return None


def _name_before_phrase(seg: str, offset: int, toks: list, words: list, i: int) -> Speaker | None:
    """`Trump at the time said`, `Smith in a statement said`: the name that opens the clause before a
    time, place or medium phrase starting at words[i - 1], rather than the phrase's description; None
    when no capitalised run opens the clause right before it, or that run is a place (not `after
    winning Ohio in the primary`, `Ohio in the primary`)."""
    if i < 2 or words[i - 1].lower() not in _SUBJECT_PREPS or not all(is_capitalised(w) for w in words[:i - 1]):
        return None
    if is_place_name(" ".join(words[:i - 1])):
        return None
    return Speaker("name", words[:i - 1], start=offset + toks[0][1],
                   text=seg[toks[0][1]:toks[i - 2][2]].strip(STRIP_CHARS))


def _role_for_name(seg: str, offset: int, toks: list, words: list, k: int) -> Speaker | None:
    """`A reporter for Agence France-Presse said`, `a senior adviser to Hillary Clinton said`: an
    indefinite description whose head is a role word and whose preposition (org_prep) introduces the
    name words[k:]: the source is the person described (the head of the noun phrase), not the
    outlet or person named in its complement; None for other layouts (a definite `the` head is left to
    the rules for spokespeople and titles)."""
    if not _role_and_preposition_before(words, k, _ORG_PREPS) or "and" in (w.lower() for w in words[k:]):
        return None
    det = max((i for i in range(k - 1) if words[i].lower() in ("a", "an")), default=None)
    if det is None or any(is_capitalised(w) or w.lower() in _NOT_IN_DESCRIPTION for w in words[det + 1:k - 1]):
        return None
    return Speaker("desc", words[det:], start=offset + toks[det][1],
                   text=seg[toks[det][1]:toks[-1][2]].strip(STRIP_CHARS + "."))


def _role_and_preposition_before(words: list[str], k: int, prepositions) -> bool:
    """A role word and one of `prepositions` right before words[k] (`ambassador to Britain`, `senator
    from Vermont`): the place after them belongs to a description."""
    return k >= 2 and words[k - 1].lower() in prepositions and any(r["kind"] == "role" for r in cues_at(words[k - 2]))


def _instead_of_place(seg: str, offset: int, clause_start: int, toks: list, words: list, k: int) -> Speaker | None:
    """The source a clause names when its trailing run words[k:] is only a place: `Stacy Baker of
    Columbia, South Carolina says` -> the person before the city and state; `The senator from Vermont
    said` -> the description. None when neither layout fits."""
    if k == 0 and clause_start > 1 and seg[clause_start - 1] == ",":
        left = trailing_subject(seg[:clause_start - 1], offset)
        if left is not None and left.kind == "name" and len(left.words) >= 3 and left.words[-2] == "of":
            left.words = left.words[:-2]
            return left
    if len(words) - k == 1 and _role_and_preposition_before(words, k, _ORG_PREPS_AND_FROM):
        det = max((i for i in range(k - 1) if words[i].lower() in ("the", "a", "an")), default=None)
        if det is not None:
            return Speaker("desc", words[det:], start=offset + toks[det][1],
                           text=seg[toks[det][1]:toks[-1][2]].strip(STRIP_CHARS + "."))
    return None


def parse_post(seg: str, offset: int = 0) -> Speaker | None:
    """The source named right after a speech verb (`said Rasmussen`, `said the ministry`)."""
    m = _SPACES.match(seg)
    pos = m.end()
    body = seg[pos:]
    stop = None
    for cand in _BREAK_CANDIDATE.finditer(body):
        if cand.group() == ".":
            j = cand.start()
            while j > 0 and not body[j - 1].isspace():
                j -= 1
            token = body[j:cand.start() + 1].lower()
            if token in _q.abbreviations() or INITIALS.fullmatch(token):
                continue
        stop = cand
        break
    head = body[:stop.start()] if stop else body
    toks = [(t.group(), t.start(), t.end()) for t in TOKEN.finditer(head)]
    if not toks:
        return None
    words = [clean_word(t[0]) for t in toks]
    if words[0].lower() in kind_words("pronoun"):
        return Speaker("pronoun", [words[0].lower()], start=offset + pos, text=words[0])
    if words[0].lower() in kind_words("determiner") and words[0].lower() not in _POSSESSIVES:
        end = len(words)
        for i, w in enumerate(words[1:], 1):
            if w.lower() in PLACE_PREP:
                end = i
                break
        if (end > 3 and not cue_hits(words[:end])) or not is_description(words[:end]):
            return None                     # "an upcoming rendezvous with the": not a source
        sp = Speaker("desc", words[:end], start=offset + pos,
                     text=head[:toks[end - 1][2]])
        if words[0].lower() == "the" and end > 1 and is_capitalised(words[1]):
            sp.kind, sp.words = "name", words[1:end]
        return sp
    lead = 0
    while lead < min(len(words), 4) and not is_capitalised(words[lead]) and words[lead].lower() not in \
            kind_words("function") and words[lead].lower() not in PLACE_PREP:
        lead += 1
    if lead and (lead >= len(words) or not is_capitalised(words[lead])):
        lead = 0
    if is_capitalised(words[lead]) or words[0].lower() in MODIFIERS or cues_at(words[0]):
        end = lead
        while end < len(words) and (is_capitalised(words[end]) or words[end].lower() in MODIFIERS
                                    or cues_at(words[end]) or words[end].lower() in
                                    kind_words("particle") | {"of", "and"}):
            end += 1
        run = words[lead:end]
        if not run:
            return None
        title, name = split_role(run)
        role = " ".join(title) if title and name else None
        if lead:
            role = " ".join(words[:lead] + (title if title and name else []))
        # `Rosaly Lopes of NASA's Jet Propulsion Laboratory`: the name ends before `of`
        t_len = len(title) if title and name else 0
        if "of" in [w.lower() for w in run[t_len:]]:
            cut = t_len + [w.lower() for w in run[t_len:]].index("of")
            if cut > t_len:
                affiliation = " ".join(run[cut:])
                role = (role + " " + affiliation) if role else None
                run = run[:cut]
        if stop is not None and body[stop.start()] == ",":
            app = appositive(body, stop.start())
            if app:
                role = app
        return Speaker("name", run, role=role, start=offset + pos,
                       text=" ".join(run))
    return None

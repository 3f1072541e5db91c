"""Where an attribution's cue is: after a closing mark (`," Rasmussen said`), before an opening mark
(`Rasmussen said: "`), reported speech around a speech verb (`X said that ...`), `according to X`,
and reported speech or a stance after the verbs of analysis/data/stance_verbs.csv (`X endorsed Y`,
`X believes ...`, `polls show ...`: `stance_at`).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from analysis import quotes as _q
from analysis.resources import DataFileError, read_csv, trie_pattern
from analysis.sourcing.lexicon import (NUL, clean_word, cues_at, is_capitalised, kind_words, taxonomy, verb_rows)
from analysis.sourcing.names import split_role
from analysis.sourcing.phrases import INITIALS, leading_subject, parse_post, parse_subject, trailing_subject
from analysis.sourcing.records import Speaker
from analysis.sourcing.subjects import (AUX, AUX_BE_ADVERBS, BE, NOUN_BEFORE, POSSESSIVE_TAIL, as_complement,
                                        coordinated_names, cue_subject_before, group_subject, not_a_subject,
                                        participle_phrase_subject, passive_participle, plural_head_subject,
                                        possessive_subject, possessor, quantifier_pronoun, quantity_subject,
                                        sentence_subject, subject_before_quotation, subject_end_past_aspect,
                                        subject_past_verb_group, with_share, without_time_tail)

ACCORDING = re.compile(r"\b[Aa]ccording to\s+")
_ACCORDING_BEFORE = re.compile(r"\b[Aa]ccording to\s+([^.;!?\x00]{2,100}?)[,:]\s*$")
_DATE_LEADS = sorted(kind_words("date_lead"))  # analysis/data/sourcing_words.csv: on, last, released on ...
_DATE_TAIL = re.compile(
    r"\s+(?:" + "|".join(map(re.escape, _DATE_LEADS)) + r")\s+"
    r"(?:\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s|"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year|the\s+(?:day|week|month|year)))"
    r".*$")
_SHORT_TAIL = re.compile(r"\s*[^.;:!?\x00]{1,120}?[,:]?\s*")
_THAT_TO = re.compile(r"\b(?:that|to|if|whether)\b")
_NONSPACE = re.compile(r"\S+")
_CLAIM_STOP = re.compile(r"[,;:!?\x00]|\.[\s\"'\u201d\u2019]*$")


_CONTRACTION = re.compile(r"['\u2019](?:d|s|ll|re|ve|m)$")
# word lists of analysis/data/sourcing_words.csv, read once (attributions are a hot path)
_PRONOUNS = kind_words("pronoun")
_CLAUSE_OPENERS = kind_words("clause_opener")
_HEARER_VERBS = kind_words("hearer_verb")
_OBJECT_PREPS = kind_words("object_prep")
_NAME_CONNECTORS = kind_words("name_connector")


def clause_starts(word: str) -> bool:
    w = _CONTRACTION.sub("", word.lower())          # he'd, she's, they're
    return w in _PRONOUNS or w in _CLAUSE_OPENERS or word[:1].isupper() or word[:1].isdigit()


_ADJ_TAIL = re.compile(r"\s*[,:]\s*$")


def adjacent_cue(masked: str, start: int, stop: int, verb_re) -> bool:
    """True when a speech verb stands right before the opening mark at `stop`, followed only by a
    comma or colon (`he said, "…`, `X told reporters: "…`)."""
    seg = masked[max(start, stop - 60):stop]
    hits = list(verb_re.finditer(seg))
    return bool(hits) and bool(_ADJ_TAIL.fullmatch(seg, hits[-1].end()))


# a possessive and up to two modifiers before a form of _NOUN_FORMS: the form is a noun (`his
# anti-Muslim remarks were "…"`, `Trump's comments about immigrants were "…"`); not after an article
# (`The ad claims "…"` is the verb)
_NOUN_PHRASE_END = re.compile(r"(?:^|\s)(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Mm]y|[Oo]ur|[Yy]our|[\w.\-]+['\u2019]s?)\s+"
                              r"(?:[\w\-]+\s+){0,2}$")


def _noun_use(m, before: str) -> bool:
    """A form that is also a plural noun (`remarks`, `claims`: verb_noun_form in
    analysis/data/sourcing_words.csv) right after a possessive is the noun, no cue."""
    return m.group().lower() in _NOUN_FORMS and bool(_NOUN_PHRASE_END.search(before[-80:]))


def after_cue(masked: str, start: int, stop: int, bounds, verb_re):
    """Attribution right after a closing mark: `," Rasmussen said`, `," said Rasmussen`. A quote
    that ends its sentence with a full stop takes no cue from the next sentence; after `?` or `!`
    it may (`"What now?" Trump asked.`)."""
    if start >= len(masked):
        return None
    s_end = _q.sentence_of(bounds, start - 1)[1]
    if s_end <= start:
        k = start - 2
        while k >= 0 and masked[k] in "\"'\u201d\u2019\u00bb":
            k -= 1
        if k >= 0 and masked[k] in "?!":
            s_end = _q.sentence_of(bounds, min(start + 1, len(masked) - 1))[1]
    seg_end = min(stop, max(s_end, start))
    seg = masked[start:seg_end]
    acc = _ACCORDING_AFTER.match(seg) if "ccording to" in seg[:20] else None
    if acc and not masked[_q.sentence_of(bounds, start - 1)[0]:start].replace(NUL, "").strip(_MARKS_AND_SPACE):
        # `"…," according to Judicial Watch.`, a quotation that opens its sentence (not a partial one
        # inside another's words: `Francis said those who thought so should "look for a psychiatrist,"
        # according to Reuters`): the source after `according to`
        sp = _according_speaker(acc.group(1).strip().rstrip("."), start + acc.start(1))
        if sp is not None:
            return sp, "according to", (start + acc.start(), start + acc.start(1))
    # the cue must come early: within 10 words of the closing mark
    for m in verb_re.finditer(seg):
        between = seg[:m.start()]
        if len(between.split()) > 25 or NUL in between:
            return None
        if _has_sentence_end(between):
            return None
        if _noun_use(m, between):
            continue
        if _in_subordinate_clause(between):
            return None
        if passive_participle(between, m):
            continue            # `"…" Tuesday, hours after the staffer was charged`: no speech act
        subj_text = between.strip(" ,\u2014\u2013-")
        if subj_text:
            sp = None
            if "," in subj_text:
                front = parse_post(between, start)
                if front is not None and front.kind == "name" and any(is_capitalised(w) for w in front.words) \
                        and any(is_capitalised(w) for w in split_role(front.words)[1]) \
                        and front.words[-1].lower() not in _NAME_CONNECTORS:
                    sp = front
            sp = sp or parse_subject(between, start)
            if sp is None and between.rstrip().endswith(","):
                # `"…" despite being the envoy, said another witness, Fiona Hill.`: the sentence's
                # closing attribution, verb first
                sp = parse_post(seg[m.end():], start + m.end())
                rest = seg[m.end():]
                comma = rest.find(",")
                if sp is not None and sp.kind == "desc" and comma > 0:
                    # `said another witness …, former adviser Fiona Hill`: the name in apposition
                    tail = rest[comma + 1:].rstrip().rstrip(".")
                    named = trailing_subject(tail, start + m.end() + comma + 1) if "," not in tail else None
                    if named is not None and named.kind == "name":
                        sp = named
            if sp is not None:
                return sp, m.group(), (start + m.start(), start + m.end())
            continue
        sp = participle_phrase_subject(masked, bounds, start)
        if sp is None and m.group().endswith("ing"):
            owner = _speech_noun_owner(masked, bounds, start)
            if owner is not None:
                return owner
            sp = subject_before_quotation(masked, bounds, start)
        sp = sp or parse_post(seg[m.end():], start + m.end())
        if sp is not None:
            return sp, m.group(), (start + m.start(), start + m.end())
        return None
    return None


# `Donald Trump's claim that President Barack Obama ` (right before the quotation's opening mark): a speech
# noun's `that` clause, no comma, colon or semicolon after `that`
_NOUN_THAT_BEFORE_QUOTE = re.compile(r"(?<![\w\-])([a-z]+)\s+that\s+[^,;:\x00]*$")


def _speech_noun_owner(masked: str, bounds, start: int):
    """(owner, noun, noun span) when the quotation ending at `start` stands in the `that` clause of a
    possessive's speech noun (`… out of Donald Trump's claim that President Barack Obama "founded ISIS,"
    saying …`: Trump's words, not those of the sentence's subject who is `saying`); the nouns are
    those `possessive_noun_cue` reads. None otherwise."""
    s_start = _q.sentence_of(bounds, start - 1)[0]
    nul = masked.find(NUL, s_start, start)
    m = _NOUN_THAT_BEFORE_QUOTE.search(masked, s_start, nul) if nul > s_start else None
    if m is None:
        return None
    noun = m.group(1)
    verb = attribution_verbs().get(noun)
    if noun not in _NOUN_FORMS_OF_VERBS and (verb is None or verb.verb_class != "noun"):
        return None
    lo = max(s_start, m.start(1) - 80)
    before = masked[lo:m.start(1)]
    pos = POSSESSIVE_TAIL.search(before)
    sp = possessor(masked, before, lo, pos) if pos else None
    return (sp, noun, (m.start(1), m.end(1))) if sp is not None else None


_SUBORDINATORS = kind_words("subordinator")


def _in_subordinate_clause(between: str) -> bool:
    """The words from a closing mark to a speech verb open a subordinate clause without a comma
    (`"kind of riding the fence" until Haley said she was backing …`): the verb is that clause's, not
    the quotation's cue (a comma closes the clause: `"…," after a pause, Haley said`)."""
    words = between.split(None, 1)
    return bool(words) and words[0].lower() in _SUBORDINATORS and "," not in between


_END_IN = re.compile(r"(\S*)[.!?]\s")


def _has_sentence_end(text: str) -> bool:
    """A full stop, `?` or `!` followed by white space that is not an abbreviation's (`U.S. envoy`)."""
    for m in _END_IN.finditer(text):
        if text[m.end(1)] != "." :
            return True
        token = (m.group(1) + ".").lower().lstrip("(\"'\u201c\u2018")
        if token not in _q.abbreviations() and not INITIALS.fullmatch(token):
            return True
    return False


_TO_END = re.compile(r"(?<![\w-])to\s+$")
# `told the BBC interviewer: "`: what follows `tell` is the listener, never an inverted source
_TELL_FORMS = kind_words("tell_form")
# verb forms that are also plural nouns, and a possessive (with an optional adjective) before them
_NOUN_FORMS = kind_words("verb_noun_form")
_POSSESSOR = {"his": "he", "her": "she", "their": "they", "its": "it"}
_POSSESSIVE_END = re.compile(r"\b([Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Mm]y|[Oo]ur|[Yy]our)\s+"
                             r"(?:(?:repeated|many|own|earlier|latest|recent|previous|later|public|"
                             r"past|various|numerous|initial|first)\s+)?$")


def before_cue(masked: str, start: int, stop: int, bounds, verb_re):
    """Attribution before an opening mark in the same sentence: `Rasmussen said: "`."""
    s_start = _q.sentence_of(bounds, max(stop - 1, 0))[0]
    lo = max(start, s_start)
    seg = masked[lo:stop]
    if not seg.strip():
        return None
    hits = list(verb_re.finditer(seg))
    for m in reversed(hits):
        before = seg[:m.start()]
        if m.group().lower() in _NOUN_FORMS:
            poss = _POSSESSIVE_END.search(before)
            if poss:
                # "His repeated claims of … “unbecoming” behavior": a noun whose owner is the source
                pron = _POSSESSOR.get(poss.group(1).lower())
                if pron is None:
                    continue
                return (Speaker("pronoun", [pron], start=lo + poss.start(1), text=poss.group(1)),
                        m.group(), (lo + m.start(), lo + m.end()))
            if _noun_use(m, before):
                continue
        if m.group().endswith("ing") and before.strip(" ,") and not before.rstrip().endswith(","):
            sp = parse_subject(before, lo)
            if sp is not None and sp.kind == "name":
                return sp, m.group(), (lo + m.start(), lo + m.end())
        if m.group().endswith("ing") and before.strip(" ,"):
            # "Boudreau gave a pep talk, telling them to ...": the sentence's subject
            sp = leading_subject(masked[s_start:lo] + before, s_start) if lo > s_start else leading_subject(before, lo)
            if sp is not None:
                return sp, m.group(), (lo + m.start(), lo + m.end())
            continue
        if _TO_END.search(before):
            # "Kejriwal turned to Twitter to describe his city as a "…"": the sentence's subject
            sp = leading_subject(masked[s_start:lo] + before, s_start) if lo > s_start else leading_subject(before, lo)
            if sp is not None:
                return sp, m.group(), (lo + m.start(), lo + m.end())
            continue
        sp = parse_subject(before, lo) if before.strip(" ,") else None
        if sp is None and _SHORT_TAIL.fullmatch(seg[m.end():]) \
                and len(seg[m.end():].split()) <= 14 and m.group().lower() not in _TELL_FORMS:
            sp = parse_post(seg[m.end():], lo + m.end())
        if sp is not None:
            return sp, m.group(), (lo + m.start(), lo + m.end())
    # "According to his aunt, Jane Starner, "…"": the source given right before the quotation
    acc = _ACCORDING_BEFORE.search(seg) if "ccording to" in seg else None
    if acc:
        phrase = acc.group(1).strip(" ,:")
        parts = [x.strip() for x in phrase.split(",") if x.strip()]
        pick = next((x for x in reversed(parts) if is_capitalised(clean_word(x.split()[0]))), parts[-1] if parts else "")
        sp = _according_speaker(pick, lo + acc.start(1) + phrase.find(pick))
        if sp is not None:
            return sp, "according to", (lo + acc.start(), lo + acc.end())
    return None


# `"…," according to Judicial Watch.`: `according to` right after a quotation's closing mark, then its source
_ACCORDING_AFTER = re.compile(r"[\s,]*[Aa]ccording to\s+([^;:!?\x00,]{2,80}?)\s*(?:[;!?,]|\.?\s*$)")
_MARKS_AND_SPACE = " ,\"'\u201c\u201d\u2018\u2019\u00ab\u00bb"


def _according_speaker(pick: str, start: int) -> Speaker | None:
    """The Speaker of the phrase after `according to` (a name when it opens with a capital, else a
    description), None when it is empty."""
    words = [clean_word(w) for w in pick.split()]
    if not words:
        return None
    kind = "name" if is_capitalised(words[0]) else "desc"
    return Speaker(kind, words, start=start, text=pick)


def reported_at(masked: str, s: int, e: int, m, row):
    """Reported speech around verb match `m` in sentence masked[s:e]: (Speaker, start, end)."""
    # the 400 characters before the verb and after it decide (parse_subject looks no further
    # back): no slice of the whole sentence per verb, so one sentence of 10,000 verbs stays linear
    lo = max(s, m.start() - _WINDOW)
    before = masked[lo:m.start()]
    if lo > s and not before.strip():
        lo, before = s, masked[s:m.start()]  # white space only: the whole stretch, as ever
    tail_words = masked[m.end():min(e, m.end() + _WINDOW)].split()   # the first words decide
    if passive_participle(before, m):
        return _passive_agent(masked, e, m)
    if _CLAUSE_OPENING.search(masked, max(s, m.start() - 12), m.start()) and _BY.match(masked, m.end()):
        return _passive_agent(masked, e, m, True)    # `When asked by a reporter whether …`, `As reported by X, …`
    that = _that_after(tail_words, m.group().lower() in _HEARER_VERBS)
    sp = _reported_subject(masked, s, e, m, lo, before, tail_words, that) if before.strip() else None
    if sp is not None:
        if that is not None:
            pos = _nth_word_end(masked, that, m.end(), e)
            return _content(masked, sp, pos, e)
        if row.get("that_only") == "1":
            # `announced that …` only; `…, the campaign announced.` is read as for any verb
            return None
        if tail_words and clean_word(tail_words[0]).rstrip(".").lower() in _ANSWERS and \
                (len(tail_words) == 1 or tail_words[0].endswith((",", ".")) or tail_words[1].lower() in _PLACE_LEADS):
            # `Asked if he was bullied, the candidate said no.`, `46 percent of voters said yes, compared
            # with …`, `55 percent said so in December`
            pos = masked.index(tail_words[0], m.end())
            return sp, pos, pos + len(clean_word(tail_words[0]).rstrip("."))
        skip = 0
        if m.group().lower() in _HEARER_VERBS and tail_words:
            skip = 1 if not tail_words[0].lower() in ("the", "a", "an") else 2
        if len(tail_words) > skip + 2 and (clause_starts(clean_word(tail_words[skip]))
                                           or _open_class_start(tail_words, skip)) \
                and tail_words[skip].lower() not in _OBJECT_PREPS:
            if tail_words[skip][:1].isupper() and sp.kind != "pronoun" and skip == 0 \
                    and len(tail_words) <= 4:
                return None
            pos = _nth_word_end(masked, skip - 1, m.end(), e) if skip else m.end()
            return _content(masked, sp, pos, e)
        return _around_subject(masked, s, e, m, sp, tail_words)
    # `content, said X.`
    if before.rstrip().endswith(",") and len(before[-200:].split()) >= 4:
        sp = parse_post(masked[m.end():e], m.end())
        if sp is not None:
            pre = before.rstrip()
            return sp, s, lo + len(pre) - 1
    return None


def _clause_follows(tail_words: list[str], that: int | None, m) -> bool:
    """A reported clause right after the verb (`said that …`, `say they …`), not after a hearer."""
    if that is not None:
        return True
    return len(tail_words) > 2 and m.group().lower() not in _HEARER_VERBS and \
        clause_starts(clean_word(tail_words[0])) and tail_words[0].lower() not in _OBJECT_PREPS and \
        (not tail_words[0][:1].isupper() or len(tail_words) > 4)


def _reported_subject(masked: str, s: int, e: int, m, lo: int, before: str, tail_words: list[str], that):
    """The source before a speech verb (`before` = masked[lo:m.start()]): parse_subject, else past the
    verb group that ends `before` (`subject_past_verb_group`); when neither reads one and a clause
    follows the verb, the sentence's subject (`sentence_subject`)."""
    subject_part = without_time_tail(before)
    sp = parse_subject(subject_part, lo) or possessive_subject(subject_part, lo)
    if sp is not None and not not_a_subject(sp):
        return sp
    clause = _clause_follows(tail_words, that, m)
    if sp is None and clause:
        sp = subject_past_verb_group(subject_part, lo)
    if (sp is None or not_a_subject(sp)) and clause and \
            (sp is not None or that is not None or not before.rstrip().endswith(",") or tail_words[0].islower()):
        # `…, said Dante Scala, a professor …` is the post-cue layout: after a comma only `that` or a
        # lower-case clause; a speech verb's object (`speech_object_at`) is read as ever
        alt = sentence_subject(masked, s, m.start())
        if alt is not None and (sp is not None or speech_object_at(masked, s, e, m) is None):
            sp = alt
    return sp


_BY = re.compile(r"\s+by\s+")
_AGENT_CLAUSE = re.compile(r",?\s(?:whether|if|that|about|how|why|what|when|where|to)\s")


# a participle that opens its sentence or clause (`When asked by …`, `As reported by …`, `…; asked by …`)
_CLAUSE_OPENING = re.compile(r"(?:^|[.;:]\s+|\b(?:[Ww]hen|[Aa]s|[Ii]f)\s+)$")
_AGENT_TIME = re.compile(r"\s+(?:on|last|this|earlier|later)\s+\w+|\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
                         r"Saturday|Sunday)")


def _passive_agent(masked: str, e: int, m, opening: bool = False):
    """The source of a passive speech verb after `by` and the clause that follows it, a time phrase
    between (`Sanders was asked by host John Dickerson whether his aim was …` -> John Dickerson,
    `whether his aim was …`; `When asked by Ingraham on Thursday about …`); when the participle opens
    its clause (`opening`), also the rest of the sentence after a comma (`As reported by Western
    Journalism, the law …`). None without an agent or a clause right after it."""
    by = _BY.match(masked, m.end())
    if by is None:
        return None
    sp = parse_post(masked[by.end():min(e, by.end() + _WINDOW)], by.end())
    end = masked.find(sp.text, sp.start, e) if sp is not None and sp.text else -1
    if end < 0:
        return None
    end += len(sp.text)
    time = _AGENT_TIME.match(masked, end)
    end = time.end() if time else end
    clause = _AGENT_CLAUSE.match(masked, end)
    if clause is None and opening and masked.startswith(",", end) and m.group().lower() != "asked":
        return _content(masked, sp, end + 1, e) if len(masked[end:min(e, end + 200)].split()) >= 4 else None
    return _content(masked, sp, clause.start() + 1, e) if clause else None


_PLACE_LEADS = frozenset(("in", "at", "on", "during", "from", "via", "before", "after", "\u2014", "\u2013", "--"))
_THAT_REACH = 7                 # words after the verb that may come before `that` (`told reporters that`)
_THAT_REACH_PLACE = 16          # … when a place or time phrase comes first (`said at a rally in Texas that`)


_ANSWERS = frozenset(("yes", "no", "so"))
_AND_BUT = frozenset(("and", "but"))


def _that_after(tail_words: list[str], hearer: bool = False) -> int | None:
    """Index of the `that` that opens the reported clause among the first words after a speech verb:
    within _THAT_REACH words, or _THAT_REACH_PLACE when a place, time or medium phrase or (after `told`)
    the hearer comes first (`said in one of a series of Twitter messages that`, `said — on Twitter, as it
    happens — that`, `told The Post and Courier newspaper of Charleston on Saturday that`); not past a
    full stop, semicolon, colon or quotation, nor past a coordinated speech verb (`praised Paul Ryan but
    added that`: the clause is `added`'s)."""
    reach = _THAT_REACH_PLACE if tail_words and (hearer or tail_words[0].lower() in _PLACE_LEADS) else _THAT_REACH
    for i, w in enumerate(tail_words[:reach]):
        low = w.lower()
        if low == "that":
            return i
        if w.endswith((".", ";", ":")) or NUL in w:
            return None
        if low in _AND_BUT and i + 1 < len(tail_words) and reported_verb_regex().fullmatch(tail_words[i + 1]):
            return None
    return None


def _around_subject(masked: str, s: int, e: int, m, sp, tail_words: list[str]):
    """Reported speech on both sides of `X said`: the parenthetical `In the end, Mr. Rosenthal said,
    union voters …` (the longer side is the content) and the post-cue `content, X said (on
    Monday).`, `…, federal officials said.`; the stretch before the subject is read at most
    _MAX_CLAIM characters back, so a sentence of many verbs stays linear."""
    parenthetical = masked.startswith(",", m.end())
    semicolon = masked.find(";", m.end(), e)
    if semicolon >= 0 and not parenthetical:
        e = semicolon           # `…, political analysts say; in 2012, …`: the clause ends at the semicolon
        tail_words = masked[m.end():e].split()
    if not parenthetical and len(tail_words) > 6:
        return None                     # neither layout: no slice of the stretch before the subject
    pre_lo = max(s, sp.start - _MAX_CLAIM)
    pre = masked[pre_lo:sp.start].rstrip()
    if parenthetical and pre.endswith(",") and NUL not in pre[-3:]:
        after = m.end() + 1
        if len(masked[after:min(e, after + _MAX_CLAIM)].split()) >= len(pre.split()):
            return _content(masked, sp, after, e)
        return (sp, s, pre_lo + len(pre) - 1) if len(pre.split()) >= 2 else None
    if len(tail_words) <= 6 and not _THAT_TO.search(masked[m.end():e]):
        cut = pre.rfind(",")
        if cut >= 0 and len(pre[cut + 1:].split()) <= 4 and len(pre[max(0, cut - 200):cut].split()) >= 4 \
                and NUL not in pre[max(0, cut - 3):cut]:
            return sp, s, pre_lo + cut
    return None


def _open_class_start(tail_words: list[str], skip: int) -> bool:
    """A lower-case content word opening a reported clause (`said social media success depends on
    …`): alphabetic, not an adverb in -ly, not a word that starts a time, place or object phrase
    (`not_clause_start` in analysis/data/sourcing_words.csv), and a clause of four words or more."""
    if len(tail_words) < skip + 4:
        return False
    word = clean_word(tail_words[skip])
    return word.isalpha() and word.islower() and not word.endswith("ly") and \
        word not in kind_words("not_clause_start")


_WINDOW = 400                   # characters around a verb that decide reported speech
_MAX_CLAIM = 2_000              # characters of a reported claim at most (real ones: under 600)


def _nth_word_end(text: str, n: int, start: int, end: int) -> int:
    """Where the n-th white-space word of text[start:end] ends (an offset into `text`), else `end`."""
    for i, m in enumerate(_NONSPACE.finditer(text, start, end)):
        if i == n:
            return m.end()
    return end


def _content(masked, sp, pos, e):
    while pos < e and masked[pos].isspace():
        pos += 1
    if e - pos > _MAX_CLAIM:
        # a reported claim runs to its sentence's end, at most _MAX_CLAIM characters (cut at a
        # space): longer "sentences" are unpunctuated scrapes, and a claim per verb running to their
        # end would make the table grow with the square of their length
        cut = masked.rfind(" ", pos, pos + _MAX_CLAIM)
        e = cut if cut > pos else pos + _MAX_CLAIM
    end = e
    while end > pos and (masked[end - 1] in " .;:!?" or masked[end - 1].isspace()):
        end -= 1
    if len(masked[pos:min(end, pos + 200)].split()) < 2:
        return None
    return sp, pos, end


_STOP_CHAR = re.compile(r"[,;:!?\x00]")
_DATE_WORD = re.compile(r"\s(?:" + "|".join(sorted({re.escape(lead.split()[0]) for lead in _DATE_LEADS})) + r")\s")
_NOT_END = re.compile(r"[^\s\"'\u201d\u2019]")
_PHRASE_WINDOW = 400            # characters; a source phrase is at most 14 words


def _runs_on(window: str) -> bool:
    """True when the phrase after `according to` (`window`: the sentence's next 2 x _PHRASE_WINDOW
    characters) surely has more than 14 words: no stop (`,;:!?`) in its first _PHRASE_WINDOW
    characters, the sentence goes on after them (so its final full stop is further), no word there
    that starts a date tail (which would cut the phrase), and more than 15 words. Decided on the
    window alone, so `according to` repeated through one huge sentence costs linear time; on
    ordinary text the full rule decides, with the same answer."""
    head = window[:_PHRASE_WINDOW]
    return len(window) > _PHRASE_WINDOW and bool(_NOT_END.search(window, _PHRASE_WINDOW)) \
        and not _STOP_CHAR.search(head) and not _DATE_WORD.search(window, 0, _PHRASE_WINDOW + 20) \
        and len(head.split()) > 15


def according_at(masked: str, s: int, e: int, m, para_quotes):
    if e - m.end() > _PHRASE_WINDOW and _runs_on(masked[m.end():min(e, m.end() + 2 * _PHRASE_WINDOW)]):
        return None
    rest = masked[m.end():e]
    stop = _CLAIM_STOP.search(rest)
    phrase = rest[:stop.start()] if stop else rest
    phrase = _DATE_TAIL.sub("", phrase).strip()
    if not phrase or len(phrase.split()) > 14:
        return None
    words = [clean_word(w) for w in phrase.split()]
    start = m.end()
    if words[0].lower() in kind_words("determiner"):
        sp = Speaker("desc", words, start=start, text=phrase)
        if words[0].lower() == "the" and len(words) > 1 and is_capitalised(words[1]) and \
                all(is_capitalised(w) or w.lower() in _NAME_CONNECTORS for w in words[1:]):
            sp = Speaker("name", words[1:], start=start, text=phrase)
    elif words[0].lower() in kind_words("pronoun"):
        sp = Speaker("pronoun", [words[0].lower()], start=start, text=phrase)
    elif is_capitalised(words[0]) or cues_at(words[0]):
        sp = Speaker("name", words, start=start, text=phrase) if is_capitalised(words[-1]) \
            else Speaker("desc", words, start=start, text=phrase)
    else:
        sp = Speaker("desc", words, start=start, text=phrase)
    # attached to a quote in this sentence: its claim is that quote
    for q in para_quotes:
        if q.kind != "scare" and q.end <= m.start() and (q.close_mark or 0) >= s - 1 and q.end > s - 400:
            if _q.sentence_of(_q.sentence_bounds(masked), q.end)[1] >= m.start() or q.end >= s:
                return sp, q.start, q.end
    for q in para_quotes:
        # "According to X, "…"": the quotation that follows in the same sentence
        if q.kind != "scare" and not q.nested and m.end() <= q.open_mark < e:
            return sp, q.start, q.end
    # `According to X, content.` or `content, according to X.`
    phrase_end = m.end() + (stop.start() if stop else len(rest))
    if m.start() <= s + 1:
        pos = phrase_end
        while pos < e and masked[pos] in " ,":
            pos += 1
        end = e
        while end > pos and (masked[end - 1] in " .;:!?" or masked[end - 1].isspace()):
            end -= 1
        if len(masked[pos:end].split()) >= 2:
            return sp, pos, end
        return None
    end = m.start()
    while end > s and masked[end - 1] in " ,":
        end -= 1
    if len(masked[s:end].split()) >= 2:
        return sp, s, end
    return None


# ------------------------------------------------------------------ attribution verbs (reported only)
ATTRIBUTION_KINDS = ("reported", "stance")
OBJECT_KINDS = ("phrase", "clause")


class AttributionVerb(NamedTuple):
    """A row of analysis/data/stance_verbs.csv: a verb form that attributes reported speech or a
    stance (never the cue of a quotation)."""
    form: str
    lemma: str
    kind: str                 # reported / stance (the attribution's kind)
    clause_only: bool         # object `clause`: a noun phrase after it is not a content (found a job)
    base: bool                # the base form (`support`, `call for`): its subject is plural or I / you / we / they
    verb_class: str


@lru_cache(maxsize=1)
def attribution_verbs() -> dict[str, AttributionVerb]:
    """form -> AttributionVerb of analysis/data/stance_verbs.csv; an unknown kind fails loudly."""
    out = {}
    for line_no, row in enumerate(read_csv("stance_verbs.csv"), 2):
        form = " ".join(row["form"].lower().split())
        kind = row["kind"].strip()
        obj = row["object"].strip()
        if kind not in ATTRIBUTION_KINDS or obj not in OBJECT_KINDS:
            raise DataFileError(f"analysis/data/stance_verbs.csv row {line_no}: kind {kind!r} / object {obj!r} "
                                f"not one of {ATTRIBUTION_KINDS} / {OBJECT_KINDS}")
        if form:
            lemma = row["lemma"].strip()
            out[form] = AttributionVerb(form, lemma, kind, obj == "clause", form.split()[0] == lemma.split()[0],
                                        row["class"].strip())
    return out


@lru_cache(maxsize=1)
def reported_verb_regex() -> re.Pattern:
    """One pattern for the speech verbs (speech_verbs.csv) and the attribution verbs
    (stance_verbs.csv), so reported speech is one scan of a paragraph; the longest form wins
    (`called for` over `called`)."""
    forms = set(verb_rows()) | set(attribution_verbs())
    return re.compile(r"(?<![\w\-])" + trie_pattern(forms) + r"(?![\w\-])")


_OBJECT_STOP = re.compile(r"[;\x00]|\s[\u2014\u2013]\s|\s--\s")
# `… clarified its stance and received broad support`: a verb phrase, not a source
_VERB_AFTER_AND = re.compile(r"\b(?:and|or|but)\s+[a-z]+ed\b")
_CLAUSE_WORDS = frozenset("that to how why what whether if who where when".split())
def stance_at(masked: str, s: int, e: int, m, verb: AttributionVerb):
    """Reported speech or a stance after an attribution verb of stance_verbs.csv whose subject
    stands right before it: `Trump endorsed Pence on Monday.` -> (Trump, `Pence on Monday`);
    `Many Republicans do not want him to run` -> (Many Republicans, `him to run`); the subject of a
    relative clause is its antecedent (`Jeb Bush, who supports the bill` -> Jeb Bush). The content
    runs from the verb to its clause's end (the sentence's end, a semicolon, a dash or a quotation);
    no subject, no attribution (`As opposed to ...`). The form is read as a noun, not a verb, after
    a determiner, a possessive, a preposition or a number (`their support for`, `Trump's support`,
    `20 pledged delegates`); a `clause` verb takes only a clause (`polls show Clinton leading`, not
    `found a job`). A participle after a comma takes its sentence's subject (`Trump hit back,
    saying the poll was rigged`)."""
    lo = max(s, m.start() - _WINDOW)
    before = without_time_tail(masked[lo:m.start()])
    if verb.verb_class == "adjective":
        return stance_adjective_cue(masked, e, m, before, lo)
    if verb.verb_class == "noun" or m.group().lower() in _NOUN_FORMS_OF_VERBS:
        noun = possessive_noun_cue(masked, e, m, before, lo) if POSSESSIVE_TAIL.search(before[-80:]) else None
        if noun is not None or verb.verb_class == "noun":
            return noun
    ing = m.group().split(None, 1)[0].lower().endswith("ing")
    cut, prev, aspect = subject_end_past_aspect(before, ing)       # `Sanders continues to insist`
    between = before[cut:].lower().split()
    if between and between[-1] in BE and not ing:
        return None             # `Pence was endorsed …`: a passive
    progressive = ing and any(w in BE for w in between)
    participle = ing and not progressive and not aspect
    before = before[:cut] + " " if cut < len(before.rstrip()) else before
    if participle and prev.lower() in _MEANS_PREPS:
        return _participle_after_preposition(masked, s, e, m, verb, lo + cut - len(prev))
    pronoun = quantifier_pronoun(before, masked[m.end():m.end() + 40], lo)      # `Few believe …`
    if not prev or prev[-1:].isdigit() or prev.lower() in NOUN_BEFORE and not pronoun or \
            _CONTRACTION.search(prev) and prev[-1:] == "s" or prev.endswith(("'", "\u2019")):
        return None
    reduced = participle and _reduced_relative(prev)     # `a super PAC backing Rubio`: the noun before
    share = participle and not reduced and with_share(before, lo)   # `with 30 percent of voters saying`
    if participle and not reduced and not share and \
            (not (prev.endswith(",") or _message_noun(prev)) or m.start() - s > _MAX_CLAIM):
        return None             # a participle takes the sentence's subject, read at most _MAX_CLAIM back
    head = None
    if verb.base and not _plural_or_finite(prev, between, before, aspect):
        head = plural_head_subject(before, lo)      # `Polls in Iowa show`
        if head is None:
            return None             # `broad support from`: a base form needs a plural subject (`voters support`)
                                # or an auxiliary (`Trump would support`)
    span = _verb_object_span(masked, e, m, verb)
    if span is None and not participle:
        return _stance_after_content(masked, s, e, m, before, lo)
    if span is None or _PASSIVE_BY.match(masked, span[0]):
        return None             # `a challenge backed by the party`: a passive, its agent after `by`
    if share or head:
        sp = share or head
    elif participle and not reduced:
        sp = leading_subject(masked[s:m.start()], s) or cue_subject_before(masked, s, m.start())
    elif prev.lower() in _RELATIVES or _DASH_RELATIVE.search(prev):
        # `Jeb Bush, who supports …`, `Graham—who had endorsed …`, `Murphy (who …`: the antecedent
        # before the relative pronoun
        rel = _DASH_RELATIVE.search(prev)
        cut = before.rstrip()[:-len(rel.group(1)) if rel else -len(prev)].rstrip().rstrip(",\u2014\u2013(")
        sp = parse_subject(cut, lo) if cut.strip() and not cut.endswith(NUL) else None
    else:
        sp = parse_subject(before, lo) or possessive_subject(before, lo) or quantity_subject(before, lo) or \
            group_subject(before, lo) or pronoun
    if sp is None or (sp.kind == "desc" and _VERB_AFTER_AND.search(sp.text)):
        return None
    if _HYPOTHETICAL_BEFORE.search(masked, max(s, sp.start - 12), sp.start):
        return None             # `… when the hospital agreed to hire more staff`: a condition, not a stance
    return sp, span[0], span[1]


# `that` before any word (`his claim that President Obama …`); `to` before a lower-case one (`his call to
# Congress` is no infinitive)
_NOUN_COMPLEMENT = re.compile(r"\s+(that\s+(?=[A-Za-z\"'\u201c\u2018])|to\s+(?=[a-z]))([\w\-']*)")
# forms of speech_verbs.csv / stance_verbs.csv that are also nouns (`his promise to`), read as nouns like the
# rows of class `noun`: right after the possessive or after modifiers that are not plurals (`his recent
# call`, not `her allies fear`, `his aides plan to`)
_NOUN_FORMS_OF_VERBS = frozenset("claim claims call calls promise promises pledge pledges vow vows warning "
                                 "hope hopes fear wish".split())


def possessive_noun_cue(masked: str, e: int, m, before: str, lo: int):
    """A speech or stance form read as a noun after a possessive, with a `that` clause or a `to`
    infinitive after it (`Trump's proposal to ban Muslims`, `his recent call to ban all Muslim
    immigrants`, `Sanders's claim that he still has a way`): the possessor is the source, the clause
    the content. Not `to` before a determiner or pronoun (`his call to the nation`), not a modifier
    that is itself a noun's possessive (`the campaign's`); the rows of class `noun` in
    analysis/data/stance_verbs.csv are read only this way."""
    pos = POSSESSIVE_TAIL.search(before[-80:])
    comp = _NOUN_COMPLEMENT.match(masked, m.end(), e)
    if comp is None or (comp.group(1).startswith("to") and (comp.group(2) in NOUN_BEFORE or comp.group(2) in _PRONOUNS)):
        return None
    sp = possessor(masked, before, lo, pos)
    if sp is None:
        return None
    span = _object_span(masked, comp.start(1), e, False)
    return (sp, span[0], span[1]) if span else None


# a copula and adverbs right before a stance adjective (`are not convinced`, `remain reluctant`, `wasn't happy`)
_COPULA_BEFORE = re.compile(r"(?:^|\s)(?:is|are|was|were|am|be|been|(?:is|are|was|were)n['\u2019]t|remain(?:s|ed)?|"
                            r"seem(?:s|ed)?|appear(?:s|ed)?|grew|bec[oa]me|becomes|feels?|felt)"
                            r"(?:\s+(?:not|also|still|so|very|too|more|less|most|now|all|increasingly|quite|[a-z]+ly))*\s+$")
# the adjective's complement: a preposition or `that` / `whether` / `to` clause, or a pronoun subject (`is not sure
# she can vote`)
_ADJECTIVE_COMPLEMENT = re.compile(r"\s+(?:(that|about|of|over|with|at|in|whether|if|how|to)\s+(?=[\w\"'\u201c])|"
                                   r"(?=(?:he|she|they|we|I|it)\s))")


def stance_adjective_cue(masked: str, e: int, m, before: str, lo: int):
    """A stance adjective of stance_verbs.csv (class `adjective`: Biber et al. 1999, Longman Grammar of
    Spoken and Written English, 9.4, adjectives that control `that` and `to` clauses) after a copula, with
    its complement: `Some Clinton backers are concerned that momentum …` -> (Some Clinton backers, `that
    momentum …`), `Her advisers are not convinced that …`, `some of his supporters remain reluctant to get
    behind Mrs. Clinton`, `WikiLeaks wasn't happy about the criticism`. Not an expletive subject (`It is
    …`), not `to` before a noun phrase or a gerund (`critical to the campaign`)."""
    tail = before[-80:]
    cop = _COPULA_BEFORE.search(tail)
    comp = _ADJECTIVE_COMPLEMENT.match(masked, m.end(), e)
    if cop is None or comp is None:
        return None
    if comp.group(1) == "to":
        nxt = masked[comp.end():comp.end() + 30].split(None, 1)
        if not nxt or nxt[0].lower() in NOUN_BEFORE or nxt[0].lower() in _PRONOUNS or not nxt[0].islower() \
                or nxt[0].endswith("ing") or m.group().lower() in ("sure", "certain"):
            return None         # `critical to placing ad buys`; `is sure to spur` (raising, no stance)
    head = before[:len(before) - len(tail) + cop.start()]
    if not head.strip() or head.rstrip().endswith(NUL):
        return None
    sp = parse_subject(head, lo) or possessive_subject(head, lo) or quantity_subject(head, lo) or \
        group_subject(head, lo)
    if sp is None or not_a_subject(sp) or (sp.kind == "pronoun" and sp.words[0].lower() in ("it", "this", "that")):
        return None
    span = _object_span(masked, comp.start(1) if comp.group(1) else comp.end(), e, False)
    return (sp, span[0], span[1]) if span else None


# prepositions whose participle is done by the subject of its sentence (`… by saying that …`)
_MEANS_PREPS = frozenset(("by", "after", "before", "while"))


def _participle_after_preposition(masked: str, s: int, e: int, m, verb: AttributionVerb, prep: int):
    """A participle after `by`, `after`, `before` or `while` in the middle of its sentence is done by
    the sentence's subject, which stands before the preposition: `Sanders has soared in the polls by
    saying that the system is rigged` -> (Sanders, `that the system …`), `Trump responded first by
    saying he should not have …`, `Kasich cautioned …, before optimistically predicting that …`,
    `"…," Clinton said, while arguing the U.S. should …` (the cue's source). Not after a passive
    (`is often justified by arguing`: its subject is no speaker) nor at the sentence's start
    (`After saying he was nervous, the man …`: the subject comes after)."""
    head = masked[s:prep]
    words = head.split()
    if not words or prep - s > _MAX_CLAIM or any(w.lower() in BE for w in words[-3:]):
        return None
    span = _object_span(masked, m.end(), e, verb.clause_only)
    if span is None:
        return None
    sp = leading_subject(head, s) or cue_subject_before(masked, s, prep)
    if sp is None or sp.start >= prep or (sp.kind == "desc" and _VERB_AFTER_AND.search(sp.text)):
        return None
    return sp, span[0], span[1]


@lru_cache(maxsize=1)
def _message_nouns() -> frozenset:
    """One-word document nouns of analysis/data/source_types.csv (kind `document`: statement, letter,
    report, complaint, lawsuit ...), singular and plural."""
    out = set()
    for row in taxonomy():
        if row["kind"] == "document" and len(row["words"]) == 1:
            word = row["words"][0].lower()
            out.update((word, word + "s"))
    return frozenset(out)


_CLOSES_CLAUSE = re.compile(r"\s*(?:[,.;]|$)")


def _stance_after_content(masked: str, s: int, e: int, m, before: str, lo: int):
    """A stance or speech verb that closes its content, as `said` does (`…, records show.`, `The
    aircraft was insured …, records show, and …`, `…, some Democrats now think.`): the verb ends its
    clause and the subject right before it follows a comma; the content is the stretch before."""
    if not _CLOSES_CLAUSE.match(masked, m.end()) or not before.strip():
        return None
    sp = parse_subject(before, lo)
    if sp is None:
        return None
    return _around_subject(masked, s, e, m, sp, masked[m.end():min(e, m.end() + _WINDOW)].split())


def _reduced_relative(prev: str) -> bool:
    """A participle right after a capitalised word qualifies it (a reduced relative clause: `a chorus
    of Democrats urging him to …`, `a super PAC backing Rubio`, `with Cruz repeatedly calling Trump
    his friend`): that name is the source. Not after a comma, a document noun, an auxiliary, a
    determiner or a relative pronoun; lower-case plurals (`placards supporting`) were measured on
    PolNeAR dev and left out (0.62 of their spans real)."""
    word = prev.lower()
    if not prev.isalpha() or word in AUX_BE_ADVERBS or word in NOUN_BEFORE or word in _RELATIVES or \
            _message_noun(prev):
        return False
    return prev[0].isupper()


def _message_noun(word: str) -> bool:
    """A participle right after a document noun is its author's (`McConnell issued a statement saying
    that …`, `they sent a letter urging …`): the sentence's subject."""
    return word.lower() in _message_nouns()


_RELATIVES = frozenset(("who", "which"))
_DASH_RELATIVE = re.compile(r"[\u2014\u2013(]((?:who|which))$", re.IGNORECASE)
_HYPOTHETICAL_BEFORE = re.compile(r"\b(?:[Ww]hen|[Ii]f|[Uu]nless|[Uu]ntil|[Oo]nce|[Ww]henever)\s+$")
# the end of a plural subject or of I / you / we / they / who / people / a share (`53% of Danes`)
def _plural_or_finite(prev: str, between: list[str], before: str, aspect: bool) -> bool:
    """A base form may follow: a plural subject (`voters support`, `Foner and Alba suggest`), an auxiliary
    (`Trump would support`) or an aspectual verb (`continues to insist`)."""
    return bool(_PLURAL_SUBJECT_END.search(prev)) or any(w in AUX for w in between) or aspect or \
        coordinated_names(before)


_PLURAL_SUBJECT_END = re.compile(r"(?:(?<![\'\u2019])s|^(?:[Ii]|[Yy]ou|[Ww]e|[Tt]hey|[Ww]ho|[Pp]eople|[Mm]en|"
                                 r"[Ww]omen|[Cc]hildren|[Pp]ublic|[Mm]ost|[Mm]any|[Ss]ome|[Bb]oth|[Ff]ew)|%)[,]?$")
_PASSIVE_BY = re.compile(r"by\b", re.IGNORECASE)


def _verb_object_span(masked: str, e: int, m, verb: AttributionVerb):
    """_object_span after verb match `m`; a characterize verb's (Levin 1993, 29.2) only with its `as`
    complement (`see him as a threat`, not `saw the incident`), or a clause when its row takes one."""
    characterize = verb.verb_class == "characterize"
    span = _object_span(masked, m.end(), e, verb.clause_only and not characterize)
    if span is not None and characterize and not as_complement(masked, *span):
        span = _object_span(masked, m.end(), e, True) if verb.clause_only else None
    return span


def _object_span(masked: str, pos: int, e: int, clause_only: bool):
    """(start, end) of the content after a verb ending at `pos`: to the clause's end (sentence end,
    semicolon, dash, quotation), at least one word; for a `clause` verb only a clause."""
    while pos < e and masked[pos].isspace():
        pos += 1
    if clause_only:
        first = masked[pos:pos + 40].split(None, 1)
        word = clean_word(first[0]) if first else ""
        if not word or not (word.lower() in _CLAUSE_WORDS or clause_starts(word)
                            or _open_class_start(masked[pos:pos + 200].split(), 0)):
            return None
    limit = min(e, pos + _MAX_CLAIM)
    stop = _OBJECT_STOP.search(masked, pos, limit)
    while stop is not None and masked[stop.start()] == NUL and not _INTRODUCED.search(masked, pos, stop.start()):
        # a quotation inside the clause is part of its content (`called the system "rigged"`); one
        # introduced by a comma or colon (`…, saying: "…"`) ends it
        stop = _OBJECT_STOP.search(masked, _past_quotation(masked, stop.start(), limit), limit)
    end = stop.start() if stop else limit
    while end > pos and (masked[end - 1] in " .,;:!?\u201c\u2018" or masked[end - 1].isspace()
                         or masked[end - 1] in "\"'" and masked[end:end + 1] == NUL):
        end -= 1                # the opening mark of a quotation that ends the clause is not its content
    if end <= pos or not any(ch.isalnum() for ch in masked[pos:end]):
        return None
    return pos, end


_INTRODUCED = re.compile(r"[,:]\s*[\"'\u201c\u2018]*\Z")


def _past_quotation(masked: str, pos: int, limit: int) -> int:
    """The position after the masked quotation starting at `pos` and its closing marks."""
    while pos < limit and masked[pos] == NUL:
        pos += 1
    while pos < limit and masked[pos] in "\"'\u201d\u2019":
        pos += 1
    return pos


_SPEECH_OBJECT = AttributionVerb("", "", "reported", False, False, "speech")
# the participle of a speech verb (`…, saying …`), read as `stance_at` reads a verb of stance_verbs.csv
speech_participle = AttributionVerb("", "", "reported", False, False, "speech")


@lru_cache(maxsize=1)
def reported_lemmas() -> frozenset:
    """Lemmas of speech_verbs.csv with a form whose object is what was said (column `object`): their
    participles after a comma mark reported speech too (not `adding`, `telling`, `writing`)."""
    return frozenset(row.get("lemma") for row in verb_rows().values() if row.get("object") == "1")
_NOT_OBJECT_START = kind_words("not_clause_start") - {"to"}


def speech_object_at(masked: str, s: int, e: int, m):
    """Reported speech whose content is the speech verb's object, when `reported_at` finds no clause:
    `Eric Holder announced his resignation`, `Trump did not deny the report`, `46 percent of voters
    said yes` (the rules of `stance_at`); not a time, place or manner phrase (`said on Monday`,
    `told reporters in Iowa`: not_clause_start in analysis/data/sourcing_words.csv)."""
    first = masked[m.end():m.end() + 40].split(None, 1)
    if not first or clean_word(first[0]).rstrip(".").lower() in _NOT_OBJECT_START:
        return None             # also at the sentence's end: `…, the Associated Press reported Friday.`
    return stance_at(masked, s, e, m, _SPEECH_OBJECT)

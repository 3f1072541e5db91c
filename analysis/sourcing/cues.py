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
from analysis.sourcing.lexicon import (NUL, clean_word, cues_at, is_capitalised, kind_words, taxonomy, verb_regex,
                                      verb_rows)
from analysis.sourcing.names import split_role
from analysis.sourcing.phrases import INITIALS, leading_subject, parse_post, parse_subject, trailing_subject
from analysis.sourcing.records import Speaker

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


# a time phrase between a subject and its verb (`Donald Trump on Friday endorsed`, `The White House on
# Monday also urged`, `Trump earlier Tuesday backed`, `Sanders this week called for`)
_TIME_BEFORE_VERB = re.compile(
    r"(?:^|\s)[A-Z][\w.\-'\u2019)]*(\s+(?:(?:on|early|late|earlier|later)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday)(?:\s+(?:night|morning|afternoon|evening))?|\s+(?:this|last|earlier this)\s+"
    r"(?:week|month|year))\s*$")


def without_time_tail(before: str) -> str:
    """`before` without a time phrase that ends it right after a capitalised word (`Donald Trump on
    Friday ` -> `Donald Trump `); not one set off by commas (`…, on Tuesday, saying`: a participle's
    comma) nor one inside a description (`Democrats … going to the polls Tuesday say`)."""
    m = _TIME_BEFORE_VERB.search(before[-80:])
    return before[:len(before) - len(before[-80:]) + m.start(1)] + " " if m else before


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
    # the cue must come early: within 10 words of the closing mark
    for m in verb_re.finditer(seg):
        between = seg[:m.start()]
        if len(between.split()) > 25 or NUL in between:
            return None
        if _has_sentence_end(between):
            return None
        if _noun_use(m, between):
            continue
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
        sp = parse_post(seg[m.end():], start + m.end())
        if sp is not None:
            return sp, m.group(), (start + m.start(), start + m.end())
        return None
    return None


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
        words = [clean_word(w) for w in pick.split()]
        if words:
            kind = "name" if is_capitalised(words[0]) else "desc"
            start = lo + acc.start(1) + phrase.find(pick)
            return Speaker(kind, words, start=start, text=pick), "according to", (lo + acc.start(), lo + acc.end())
    return None


def reported_at(masked: str, s: int, e: int, m, row):
    """Reported speech around verb match `m` in sentence masked[s:e]: (Speaker, start, end)."""
    # the 400 characters before the verb and after it decide (parse_subject looks no further
    # back): no slice of the whole sentence per verb, so one sentence of 10,000 verbs stays linear
    lo = max(s, m.start() - _WINDOW)
    before = masked[lo:m.start()]
    if lo > s and not before.strip():
        lo, before = s, masked[s:m.start()]  # white space only: the whole stretch, as ever
    if before.strip():
        subject_part = without_time_tail(before)
        sp = parse_subject(subject_part, lo) or possessive_subject(subject_part, lo)
    else:
        sp = None
    tail_words = masked[m.end():min(e, m.end() + _WINDOW)].split()   # the first words decide
    that = _that_after(tail_words)
    if (sp is None or _not_a_subject(sp)) and before.strip() and _clause_follows(tail_words, that, m) and \
            (sp is not None or that is not None or not before.rstrip().endswith(",") or tail_words[0].islower()):
        # `…, said Dante Scala, a professor …` is the post-cue layout: after a comma only `that` or a
        # lower-case clause; a speech verb's object (`speech_object_at`) is read as ever
        alt = sentence_subject(masked, s, m.start())
        if alt is not None and (sp is not None or speech_object_at(masked, s, e, m) is None):
            sp = alt
    if sp is not None:
        if that is not None:
            pos = _nth_word_end(masked, that, m.end(), e)
            return _content(masked, sp, pos, e)
        if row.get("that_only") == "1":
            # `announced that …` only; `…, the campaign announced.` is read as for any verb
            return None
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


# a name parse_subject may read at the end of a long subject that is no source: a party and state
# (`Sen. Marco Rubio, R-Fla., appearing on Fox News …, said`), a month or a weekday (`Democrats trying to
# regain control of the Senate in November say`)
_NOT_SUBJECT_NAME = re.compile(r"^(?:[RDI]-[A-Z][\w.]*|(?:January|February|March|April|May|June|July|August|"
                               r"September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|"
                               r"Saturday|Sunday)\.?)$")


def _not_a_subject(sp: Speaker) -> bool:
    """A one-word name that is a party and state tag, a month or a weekday (`R-Fla.`, `November`)."""
    return sp.kind == "name" and len(sp.words) == 1 and bool(_NOT_SUBJECT_NAME.match(sp.words[0]))


def _clause_follows(tail_words: list[str], that: int | None, m) -> bool:
    """A reported clause right after the verb (`said that …`, `say they …`), not after a hearer."""
    if that is not None:
        return True
    return len(tail_words) > 2 and m.group().lower() not in _HEARER_VERBS and \
        clause_starts(clean_word(tail_words[0])) and tail_words[0].lower() not in _OBJECT_PREPS and \
        (not tail_words[0][:1].isupper() or len(tail_words) > 4)


# where the head of a described subject ends: a preposition, a relative, a participle or adjective
# that opens its modifier (`Federal officials familiar with …`, `Majorities of Democrats in …`)
_HEAD_STOP = frozenset("of in at on for from with without by about among after before during who which that "
                       "whose familiar close here there now".split())
_SUBJECT_REACH = 300            # characters from the sentence's start to the verb, at most


def sentence_subject(masked: str, s: int, pos: int) -> Speaker | None:
    """The subject that opens the sentence, when the stretch right before a speech verb is not one (a
    subject with a long modifier): `Sen. Marco Rubio, R-Fla., appearing on Fox News …, said` -> Sen.
    Marco Rubio; `Federal officials familiar with the server, speaking …, said that` -> (desc) Federal
    officials; `Her campaign workers here said they …` -> (desc) Her campaign workers. A name of two
    words or more or a pronoun from `leading_subject`; else the head of a description (up to five words
    before a preposition, relative pronoun, participle or comma) that ends in a plural or a role word.
    None when the stretch holds a quotation or another speech verb, or is longer than _SUBJECT_REACH."""
    head = masked[s:pos]
    if pos - s > _SUBJECT_REACH or NUL in head or verb_regex().search(head):
        return None
    sp = leading_subject(head, s)
    if sp is None or sp.kind == "desc":
        return None
    first = head[sp.start - s:].split(",", 1)[0].lower().split()
    last = head.rsplit(",", 1)[-1].lower().split()
    if any(w in _FINITE_OR_RELATIVE for w in first + last):
        return None             # `Trump was …, who said`, `Reid would not say`: another clause's subject
    if sp.kind == "pronoun" or (len(sp.words) >= 2 and not head[sp.start - s + len(sp.text):].lstrip().startswith("'")):
        return sp
    words = []
    for tok in _NONSPACE.finditer(masked, sp.start, pos):
        word = clean_word(tok.group())
        if not word or word.lower() in _HEAD_STOP or (word.endswith("ing") and words) or len(words) == 5:
            break
        words.append(word)
        if tok.group().endswith((",", "'", "\u2019")) and not tok.group().endswith(("s'", "s\u2019")):
            break
    if len(words) < 2 or not words[-1].islower() or not (words[-1].endswith("s") or cues_at(words[-1])):
        return None
    return Speaker("desc", words, start=sp.start, text=" ".join(words))


_PLACE_LEADS = frozenset(("in", "at", "on", "during", "from", "via", "before", "after", "\u2014", "\u2013", "--"))
_THAT_REACH = 7                 # words after the verb that may come before `that` (`told reporters that`)
_THAT_REACH_PLACE = 16          # … when a place or time phrase comes first (`said at a rally in Texas that`)


def _that_after(tail_words: list[str]) -> int | None:
    """Index of the `that` that opens the reported clause among the first words after a speech verb:
    within _THAT_REACH words, or _THAT_REACH_PLACE when a place, time or medium phrase comes first
    (`said in one of a series of Twitter messages that`, `said — on Twitter, as it happens — that`);
    not past a full stop, semicolon, colon or quotation."""
    reach = _THAT_REACH_PLACE if tail_words and tail_words[0].lower() in _PLACE_LEADS else _THAT_REACH
    for i, w in enumerate(tail_words[:reach]):
        if w.lower() == "that":
            return i
        if w.endswith((".", ";", ":")) or NUL in w:
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


# auxiliaries, negation and adverbs between a subject and its verb (`Trump does not want`, `he didn't
# think`, `Pataki is endorsing`, `he did not directly criticize`); `be` only before a participle in -ing
# (`was endorsed` is a passive)
_AUX = frozenset("do does did can could may might must should would will shall has have had not never cannot "
                 "don't doesn't didn't can't couldn't won't wouldn't shouldn't hasn't haven't hadn't "
                 "don\u2019t doesn\u2019t didn\u2019t can\u2019t couldn\u2019t won\u2019t wouldn\u2019t "
                 "shouldn\u2019t hasn\u2019t haven\u2019t hadn\u2019t".split())
_BE = frozenset("is are was were am be been being isn't aren't wasn't weren't isn\u2019t aren\u2019t wasn\u2019t "
                "weren\u2019t".split())
_ADVERBS = kind_words("adverb")
_AUX_BE_ADVERBS = _AUX | _BE | _ADVERBS
# words that show the start of a sentence is another clause's subject (sentence_subject)
_FINITE_OR_RELATIVE = _AUX | _BE | frozenset(("who", "which", "that", "whom", "whose"))
_PRONOUN_AUX = re.compile(r"^(?:he|she|it|they|we|i|you|who)['\u2019](?:s|d|ll|ve|re)$", re.IGNORECASE)
_AUX_WINDOW = 80                # characters before a verb that hold its auxiliaries and adverbs


def _manner_adverb(word: str, before: str) -> bool:
    """An adverb in -ly between a subject and its verb: after an auxiliary or another adverb (`has
    repeatedly`), or right after the subject (`Clinton truly believes`, `The mayor grudgingly
    agreed`); a lower-case word in -ly after a determiner or possessive is a noun (`the family`)."""
    if not (word.endswith("ly") and word.isalpha() and word.islower()):
        return False
    return before.lower() in _AUX_BE_ADVERBS or (len(word) > 4 and before.lower() not in _NOUN_BEFORE)


def _subject_end(before: str, progressive: bool) -> tuple[int, str]:
    """(where the subject's stretch ends in `before`, the word before the verb once auxiliaries,
    negation and adverbs are set aside): `Trump has long not ` -> the end of `Trump`."""
    tail = before[-_AUX_WINDOW:]
    words = tail.split()
    k = len(words)
    while k:
        w = words[k - 1].lower()
        if w in _AUX or w in _ADVERBS or (progressive and w in _BE) or (k > 1 and _manner_adverb(w, words[k - 2])):
            k -= 1
            continue
        break
    if not k:
        return len(before) - len(tail), ""
    end = len(tail.rstrip())
    for w in reversed(words[k:]):          # back over the words set aside
        end = tail.rfind(w, 0, end)
    end = len(tail[:end].rstrip())
    w = words[k - 1]
    if _PRONOUN_AUX.match(w):               # `he's also said`, `they'd`: the pronoun is the subject
        stem = re.split("['\u2019]", w)[0]
        return len(before) - len(tail) + end - len(w) + len(stem), stem
    return len(before) - len(tail) + end, w


_OBJECT_STOP = re.compile(r"[;\x00]|\s[\u2014\u2013]\s|\s--\s")
# `… clarified its stance and received broad support`: a verb phrase, not a source
_VERB_AFTER_AND = re.compile(r"\b(?:and|or|but)\s+[a-z]+ed\b")
_CLAUSE_WORDS = frozenset("that to how why what whether if who where when".split())
# a word before the form that makes it a noun: a determiner, a possessive or a preposition
_NOUN_BEFORE = kind_words("determiner") | kind_words("possessive") | frozenset(
    "the a an this these those in on at by for from with without to of despite during".split())


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
    ing = m.group().split(None, 1)[0].lower().endswith("ing")
    cut, prev = _subject_end(before, ing)
    between = before[cut:].lower().split()
    if between and between[-1] in _BE and not ing:
        return None             # `Pence was endorsed …`: a passive
    progressive = ing and any(w in _BE for w in between)
    participle = ing and not progressive
    before = before[:cut] + " " if cut < len(before.rstrip()) else before
    if participle and prev.lower() in _MEANS_PREPS:
        return _participle_after_preposition(masked, s, e, m, verb, lo + cut - len(prev))
    if not prev or prev[-1:].isdigit() or prev.lower() in _NOUN_BEFORE or \
            _CONTRACTION.search(prev) and prev[-1:] == "s" or prev.endswith(("'", "\u2019")):
        return None
    reduced = participle and _reduced_relative(prev)     # `a super PAC backing Rubio`: the noun before
    share = participle and not reduced and with_share(before, lo)   # `with 30 percent of voters saying`
    if participle and not reduced and not share and \
            (not (prev.endswith(",") or _message_noun(prev)) or m.start() - s > _MAX_CLAIM):
        return None             # a participle takes the sentence's subject, read at most _MAX_CLAIM back
    if verb.base and not _PLURAL_SUBJECT_END.search(prev) and not any(w in _AUX for w in between):
        return None             # `broad support from`: a base form needs a plural subject (`voters support`)
                                # or an auxiliary (`Trump would support`)
    span = _object_span(masked, m.end(), e, verb.clause_only)
    if span is None and not participle:
        return _stance_after_content(masked, s, e, m, before, lo)
    if span is None or _PASSIVE_BY.match(masked, span[0]):
        return None             # `a challenge backed by the party`: a passive, its agent after `by`
    if share:
        sp = share
    elif participle and not reduced:
        sp = leading_subject(masked[s:m.start()], s) or cue_subject_before(masked, s, m.start())
    elif prev.lower() in _RELATIVES:
        # `Jeb Bush, who supports …`: the antecedent before the relative pronoun
        cut = before.rstrip()[:-len(prev)].rstrip().rstrip(",")
        sp = parse_subject(cut, lo) if cut.strip() and not cut.endswith(NUL) else None
    else:
        sp = parse_subject(before, lo) or possessive_subject(before, lo) or quantity_subject(before, lo) or \
            group_subject(before, lo)
    if sp is None or (sp.kind == "desc" and _VERB_AFTER_AND.search(sp.text)):
        return None
    if _HYPOTHETICAL_BEFORE.search(masked, max(s, sp.start - 12), sp.start):
        return None             # `… when the hospital agreed to hire more staff`: a condition, not a stance
    return sp, span[0], span[1]


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
    if not words or prep - s > _MAX_CLAIM or any(w.lower() in _BE for w in words[-3:]):
        return None
    span = _object_span(masked, m.end(), e, verb.clause_only)
    if span is None:
        return None
    sp = leading_subject(head, s) or cue_subject_before(masked, s, prep)
    if sp is None or sp.start >= prep or (sp.kind == "desc" and _VERB_AFTER_AND.search(sp.text)):
        return None
    return sp, span[0], span[1]


_CUE_REACH = 100                # characters before a participle that hold the `X said,` it follows


def cue_subject_before(masked: str, s: int, pos: int) -> Speaker | None:
    """The source of the speech verb that ends the stretch before a participle after a comma, when
    the sentence opens with a quotation (no subject to lead it): `"…," McCain said, citing …` ->
    McCain; `"…," said Al Cardenas, referring to …` -> Al Cardenas."""
    seg = masked[max(s, pos - _CUE_REACH):pos].rstrip()
    if not seg.endswith(",") or NUL not in masked[s:pos]:
        return None
    seg = seg[:-1]
    offset = max(s, pos - _CUE_REACH)
    hits = list(verb_regex().finditer(seg))
    if not hits:
        return None
    verb = hits[-1]
    if seg[verb.end():].strip():
        return parse_post(seg[verb.end():], offset + verb.end())      # `said Al Cardenas,`
    quote_end = seg.rfind(NUL, 0, verb.start())
    if quote_end < 0:
        return None
    return parse_subject(seg[quote_end + 1:verb.start()], offset + quote_end + 1)   # `," McCain said,`


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
    if not prev.isalpha() or word in _AUX_BE_ADVERBS or word in _NOUN_BEFORE or word in _RELATIVES or \
            _message_noun(prev):
        return False
    return prev[0].isupper()


def _message_noun(word: str) -> bool:
    """A participle right after a document noun is its author's (`McConnell issued a statement saying
    that …`, `they sent a letter urging …`): the sentence's subject."""
    return word.lower() in _message_nouns()


_RELATIVES = frozenset(("who", "which"))
_HYPOTHETICAL_BEFORE = re.compile(r"\b(?:[Ww]hen|[Ii]f|[Uu]nless|[Uu]ntil|[Oo]nce|[Ww]henever)\s+$")
# the end of a plural subject or of I / you / we / they / who / people / a share (`53% of Danes`)
_PLURAL_SUBJECT_END = re.compile(r"(?:(?<![\'\u2019])s|^(?:[Ii]|[Yy]ou|[Ww]e|[Tt]hey|[Ww]ho|[Pp]eople|[Mm]en|"
                                 r"[Ww]omen|[Cc]hildren|[Pp]ublic|[Mm]ost|[Mm]any|[Ss]ome|[Bb]oth|[Ff]ew)|%)[,]?$")
_PASSIVE_BY = re.compile(r"by\b", re.IGNORECASE)


# `most of them`, `Nearly eight in 10 (Democratic voters overall)`, `58 percent of Florida voters overall`:
# a share of a group (respondents of a poll); parse_subject reads the shares it knows first
_QUANTITY_SUBJECT = re.compile(
    r"(?:^|(?<=[\s(,;\u2014]))((?:(?:[Nn]early|[Aa]bout|[Aa]lmost|[Rr]oughly|[Mm]ore than|[Ff]ewer than|[Ll]ess than|"
    r"[Oo]nly|[Jj]ust|[Oo]ver|[Uu]nder)\s+)?"
    r"(?:\d[\d.,]*\s*(?:%|percent)|[A-Za-z]+(?:-[a-z]+)?\s+percent|(?:\d+|[A-Za-z]+)\s+in\s+(?:10|ten)|"
    r"[Mm]ost|[Mm]any|[Ss]ome|[Aa]ll|[Nn]one|[Ss]everal|[Hh]alf|[Bb]oth|[Mm]ajorities|[Aa] majority|"
    r"[Tt]wo-thirds|[Aa] third|[Aa] quarter)"
    r"(?:\s+of\s+(?:them|those|us|(?:the\s+)?(?:[\w\u2019'-]+\s+){0,3}[\w\u2019'-]+))?"
    r"(?:\s+(?:[A-Z][\w-]*\s+){0,2}[a-z]+s)?)(?:\s+(?:overall|nationally|polled|surveyed|questioned))?\s*$")


# `Social conservatives say …`: a plural description that is the whole stretch before the verb
_PLAIN_GROUP = re.compile(r"^\s*([A-Z][a-z\-]+(?:\s+[a-z\-]+){0,2}?\s+[a-z\-]{3,}(?<!s)s)\s*$")


def group_subject(before: str, offset: int) -> Speaker | None:
    """A plural description opening the sentence, right before its verb (`Social conservatives`,
    `Many trial lawyers`), that parse_subject leaves out: a description."""
    if len(before) > 80:
        return None
    m = _PLAIN_GROUP.match(before)
    if m is None or m.group(1).split()[0].lower() in _NOUN_BEFORE - _QUANTIFIERS:
        return None
    text = m.group(1)
    return Speaker("desc", [clean_word(w) for w in text.split()], start=offset + m.start(1), text=text)


_QUANTIFIERS = frozenset("many most some several few all both".split())


_WITH_END = re.compile(r"\bwith\s+$")


def with_share(before: str, offset: int) -> Speaker | None:
    """A share of a group after `with` at the end of `before`, the subject of a participle that
    follows (`…, with 30 percent of voters saying …`, `with three in 10 saying …`), else None."""
    if "with" not in before[-200:]:
        return None
    sp = quantity_subject(before, offset)
    if sp is None or not _WITH_END.search(before, 0, sp.start - offset):
        return None
    return sp


def quantity_subject(before: str, offset: int) -> Speaker | None:
    """A share of a group at the end of `before` (`most of them`, `More than six in 10`, `58 percent of
    Florida Latino voters overall`) that parse_subject leaves out: a description."""
    tail = before[-160:]
    m = _QUANTITY_SUBJECT.search(tail)
    if m is None:
        return None
    text = m.group(1)
    start = offset + len(before) - len(tail) + m.start(1)
    return Speaker("desc", [clean_word(w) for w in text.split()], start=start, text=text)


# `Clinton's allies`, `the senator's aides`: a group described by whose it is
_POSSESSIVE_SUBJECT = re.compile(r"(?:^|(?<=[\s(,;\u2014]))((?:[Tt]he\s+)?(?:[A-Z][\w.\-]*\s+){0,3}[\w.\-]+['\u2019]s?\s+"
                                 r"(?:[a-z][\w\-]*\s+){0,2}[a-z][\w\-]*s)\s*$")


def possessive_subject(before: str, offset: int) -> Speaker | None:
    """A plural group named by its possessor at the end of `before` (`Clinton's allies`, `the
    senator's aides`), which parse_subject leaves out: a description."""
    tail = before[-120:]
    if "'" not in tail and "\u2019" not in tail:
        return None
    m = _POSSESSIVE_SUBJECT.search(tail)
    if m is None:
        return None
    text = m.group(1)
    start = offset + len(before) - len(before[-120:]) + m.start(1)
    return Speaker("desc", [clean_word(w) for w in text.split()], start=start, text=text)


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

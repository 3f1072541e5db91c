"""Validate quotes, speakers and reported speech on PolNeAR (Newell, Margolin & Ruths 2018), the
840 `train` articles in ../shared/external/polnear-train.jsonl, annotated by people outside this
project (conventions: ../shared/external/README.md).

    .venv/bin/python benchmarks/validate_polnear.py                 # dev and test parts, table
    .venv/bin/python benchmarks/validate_polnear.py --errors dev    # also list dev mistakes
    .venv/bin/python benchmarks/validate_polnear.py --part dev      # score the dev part only
    .venv/bin/python benchmarks/validate_polnear.py --json out.json
    .venv/bin/python benchmarks/validate_polnear.py --miss-kinds     # dev reported-speech misses by kind

Split: an article is in the `test` part when md5(id) mod 5 == 0 (about 168 articles), else in `dev`.
Rules are written looking at dev mistakes only (`--errors test` is refused); test is only measured.

Measures (gold read from the annotators' spans, never from the kit):
- **quoted speech** P / R / F1: the gold units are the stretches between double quotation marks
  (also the NYT's two apostrophes `''…''`) inside the content spans of the attributions (an
  attribution's consecutive spans joined, `joined_spans`, since 2026-12-04; a span that begins one
  character after its opening mark, `“[Sheldon and I …”` or between NYT's two apostrophes, read from
  the mark, `content_start`, and curly marks that face the wrong way read by their place, `“abhorrent“`,
  `Doing so ”appeared …”`, `_mark_role`, both since 2026-12-04: corrections of how the annotators'
  spans are read, never read from the kit) (PolNeAR's
  `mixed` also holds apostrophes only: those have no stretch; its NYT articles are all `indirect`
  as the marks were not recognised there); the kit's units are its speech quotes (kind `full` or
  `partial`, not nested). A kit quote matches a gold stretch when they overlap by >= 50% of the
  longer one (one-to-one, largest overlaps first).
- **speaker accuracy** on matched quotes, per gold source kind: `named` (the source span, before
  any appositive comma, ends on a capitalised word that is not a pronoun or determiner; `the
  Republican nominee` is a description): right when the kit speaker's last word is
  a word of the source span; `pronoun` (he / she): right when the kit speaker's last word is a word
  of PolNeAR's `prev_named_source` (a guess at the name behind the pronoun, about 1 in 4 wrong by the
  README: the figure is a lower bound), scored only when that guess is a name by the rule for named
  sources whose first name (if gender-guesser is sure of it) and courtesy title (Mr. / Mrs. / Ms.)
  agree with the pronoun; other pronouns (I, we, they, it, who) and
  he / she with a described or contradicting guess are shown apart, not in the total; `described`
  sources are counted, not scored. Since session 7 (2026-12-04) a named or he / she speaker is also
  right when the gold name is how the kit's speaker starts and the kit's further words are name words
  the article never writes in lower case, not in capitals, and the kit's name is written after the
  headline (`Ban` / `Ban Ki-moon`, `Xi` / `Xi Jinping`: family names
  written first, which the last-word rule could not see).
  Beside the he / she figure, never in it (since 2026-12-05, session 12): `of which the guess agrees`,
  the same rows restricted to those whose `prev_named_source` the article's text shows to be one person
  of the pronoun's gender (a courtesy title, a sure first name of the name it ends on, or the first
  names the article writes with a lone surname; `polnear_antecedent.guess_agreement`, which reads the
  gold and the text, never the kit): a guess that is a group, an outlet or of unknown gender is left
  out. The headline figure stays the lower bound it was.
- **source gender**: `decided` = share of the distinct people quoted directly (per article) whose
  gender the kit decides (female or male, not unknown); `accuracy` = agreement with the 160 speakers
  hand-coded in tests/gold/speaker_gender_polnear_dev.csv (dev part only; matched by article and
  the speaker's full name, else the coded name as the end of the kit's or the reverse, else the
  last word), over those the kit decided, and the share of hand-coded people it decided. Both before
  and after the corpus pass (`sourcing.corpus_gender`, since 2026-12-04, session 11): the scored part's
  articles are one corpus, and a person their article leaves undecided takes the gender that other
  articles' own evidence gives the same full name; printed for the part, its even / odd halves (article
  index in the file), and each half as a corpus of its own.
- **reported speech**: recall = share of gold `indirect` attributions (without a quoted stretch) whose content span overlaps a
  kit `reported` / `stance` / `according_to` span (every kind but `direct`) by >= 50% of the shorter
  of the two; precision = share of the kit's spans that overlap some gold content span (any type)
  that way. PolNeAR's attributions include beliefs and stances (`X believes / wants / supports`),
  which the kit reports as kind `stance` (since 2026-12-04).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis import quotes as _q  # noqa: E402
from analysis.sourcing import article_attributions  # noqa: E402
from analysis.sourcing.corpus_gender import with_corpus_gender  # noqa: E402
from analysis.sourcing.gender import first_name_gender  # noqa: E402
from polnear_antecedent import guess_agreement  # noqa: E402

DATA = ROOT.parent / "shared" / "external" / "polnear-train.jsonl"
GENDER_GOLD = ROOT / "tests" / "gold" / "speaker_gender_polnear_dev.csv"
TARGETS = {"gender_decided": 0.90, "quote_f1": 0.95, "speaker_acc": 0.92, "speaker_pronoun": 0.88, "reported_recall": 0.60,
           "reported_precision": 0.90}
_OPEN, _CLOSE, _STRAIGHT = "\u201c", "\u201d", '"'
_OPEN_BEFORE = "([{\u2014\u2013-/"
_MARKS = frozenset((_OPEN, _CLOSE, _STRAIGHT))
_NOT_NAMES = frozenset("the a an he she they it we i you his her their its this that these those one "
                       "some many most several both all".split())
_TOKEN = re.compile(r"[\w\u2019'.-]+")
_TITLE_GENDER = {"mr": "male", "mrs": "female", "ms": "female", "miss": "female"}


def part_of(article_id: str) -> str:
    """`test` for about one article in five (md5 of the id), else `dev`."""
    return "test" if int(hashlib.md5(article_id.encode()).hexdigest(), 16) % 5 == 0 else "dev"


def _words(text: str | None) -> set[str]:
    """Lower-case words of a name or source span, possessive and full stops stripped."""
    out = set()
    for w in _TOKEN.findall(text or ""):
        w = re.sub(r"[\u2019']s$", "", w).strip(".-\u2019'").lower()
        if w:
            out.add(w)
    return out


def _last_word(speaker: str | None) -> str | None:
    if not speaker:
        return None
    words = [w for w in _words(speaker.split()[-1] if speaker.split() else "")]
    if speaker.split()[-1].rstrip(".").lower() in ("jr", "sr", "ii", "iii") and len(speaker.split()) > 1:
        words = list(_words(speaker.split()[-2]))
    return words[0] if words else None


def source_kind(attr: dict) -> str:
    """`pronoun` (he / she with a named reference that does not contradict it), `other_pronoun`
    (I, we, they, it, who ..., or a reference that is a description or of the other gender by an
    unambiguous first name), `named` or `described` for a gold attribution's source span."""
    if attr.get("source_is_pronoun"):
        pron = " ".join(s["text"] for s in attr["source"]).strip().lower()
        ref = attr.get("prev_named_source") or ""
        if pron not in ("he", "she") or not _is_named(_head_phrase(ref)):
            # the guess is scored only when it is a name by the rule for named sources (`the Vermont
            # senator`, `many Americans` are descriptions: their words cannot check a speaker)
            return "other_pronoun"
        want = "male" if pron == "he" else "female"
        title = _TITLE_GENDER.get(ref.split()[0].rstrip(".").lower()) if ref.split() else None
        first = first_name_gender(ref.split()[0]) if len(ref.split()) > 1 else None
        if (first is not None and first != want) or (title is not None and title != want):
            # `she` after `Mr. Trump`, `he` after `Ms. Khan`: the guess contradicts the pronoun
            return "other_pronoun"
        return "pronoun"
    return "named" if _is_named(_head_phrase(" ".join(s["text"] for s in attr["source"]))) else "described"


def name_starts_speaker(ref: str, got: str | None, text: str) -> bool:
    """True when the gold name (its head phrase) is how the kit's speaker starts and the kit's further
    words are name words (not in capitals, never written in lower case in the article) and the kit's
    name is written after the headline: `Ban` / `Ban Ki-moon`, `Xi` / `Xi Jinping`, `Ian H` / `Ian H.
    Solomon` (a family name written first, or a name PolNeAR's span cut short), which the last-word
    rule cannot see; not `Sanders` / `Sanders Turns Up` nor `ROLL TIDE` / `ROLL TIDE Alabama`."""
    if not got:
        return False
    head = [w.strip(".").lower() for w in _head_phrase(ref).split()]
    kit = got.split()
    rest = kit[len(head):]
    if not head or not rest or [w.strip(".").lower() for w in kit[:len(head)]] != head or ref.isupper():
        return False
    if got not in text[text.find("\n") + 1:]:
        return False                    # a name the kit took from the headline alone
    return all(w[:1].isupper() and not (len(w) > 1 and w.isupper())
               and not re.search(r"\b" + re.escape(w.strip(".").lower()) + r"\b", text) for w in rest)


def _head_phrase(text: str) -> str:
    """The last capitalised-or-not word run a source span ends on, before any appositive and without a
    party tag: `Alan Abramowitz, a demographer` -> `Alan Abramowitz`; `the Republican nominee` stays
    (its head `nominee` is lower case, so it is a description)."""
    text = re.sub(r"\([^)]*\)", " ", text).split(",")[0].strip(" \u2019'")
    words = text.split()
    return text if words and words[-1][:1].isupper() else ""


def _is_named(text: str) -> bool:
    """True when a source span holds a capitalised word that is not a pronoun or determiner."""
    return any(w[:1].isupper() and w.lower().strip(".") not in _NOT_NAMES for w in _TOKEN.findall(text))


def joined_spans(text: str, spans: list[dict]) -> list[tuple[int, int]]:
    """An attribution's content spans in order, consecutive ones with only white space between them
    joined: PolNeAR cuts a quotation of several sentences into one content span per sentence (`“I
    believe it’s empty talk.` + `I don’t think they have the numbers,”`, one attribution), and the
    quotation runs on across them (since 2026-12-04; before, its stretch ended at the first span's end)."""
    out: list[tuple[int, int]] = []
    for sp in sorted(spans, key=lambda x: x["start"]):
        if out and sp["start"] >= out[-1][1] and not text[out[-1][1]:sp["start"]].strip():
            out[-1] = (out[-1][0], max(out[-1][1], sp["end"]))
        else:
            out.append((sp["start"], sp["end"]))
    return out


def _opens_here(text: str, i: int) -> bool:
    """True when the mark at `i` stands where a quotation opens: at the text's start or after white
    space, an invisible format character (U+202A) or an opening bracket or dash, and before a
    character that is not white space (the left-flanking rule of CommonMark's emphasis delimiters)."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in _OPEN_BEFORE or unicodedata.category(before) == "Cf") \
        and not after.isspace()


def _closes_here(text: str, i: int) -> bool:
    """True when the mark at `i` stands where a quotation closes: after a character that is not white
    space, and at the text's end or before white space or punctuation (not a letter or digit)."""
    after = text[i + 1] if i + 1 < len(text) else " "
    return i > 0 and not text[i - 1].isspace() and not after.isalnum()


def content_start(text: str, start: int) -> int:
    """A content span's start moved back over the opening quotation mark just before it: PolNeAR's
    annotators sometimes began the span on the first quoted word (`carrying his "[Bernie flag," …`,
    `“[Sheldon and I …`) or between NYT's two apostrophes (`'[` + `'We have to awaken …,''`), and the
    quotation is then read from its mark (since 2026-12-04; before, the closing mark was read as an
    opening one, or no stretch at all). Only a mark in an opening place counts (`_opens_here`)."""
    if start >= 2 and text[start - 1:start + 1] == "''" and text[start - 2] != "'" and _opens_here(text, start - 1):
        return start - 1
    if start >= 1 and text[start - 1] in (_OPEN, _STRAIGHT) and text[start:start + 1] not in ("", _OPEN, _CLOSE, _STRAIGHT) \
            and _opens_here(text, start - 1):
        return start - 1
    return start


def _mark_role(text: str, i: int, is_open: bool) -> str | None:
    """`open`, `close` or None (not a double quotation mark) for the character at `i`, given whether a
    stretch is open. A curly mark is read by its place when its shape contradicts it: `“abhorrent“`
    closes with a backwards mark, `”Sorry Sarah, …”` (after a U+202A) opens with one (since 2026-12-04)."""
    ch = text[i]
    if ch == _OPEN:
        return "close" if is_open and _closes_here(text, i) else "open"
    if ch == _CLOSE:
        return "close" if is_open else "open" if _opens_here(text, i) else None
    if ch == _STRAIGHT:
        return "close" if is_open else "open"
    return None


def quoted_stretches(text: str, spans: list[dict]) -> list[tuple[int, int]]:
    """(start, end) of the words between double quotation marks inside content spans (consecutive
    spans with only white space between them read as one, `joined_spans`; a span that begins just
    after its opening mark read from the mark, `content_start`; backwards curly marks read by their
    place, `_mark_role`); a stretch ends at a paragraph break or the span's end when its closing mark
    is missing."""
    out = []
    for s, e in joined_spans(text, spans):
        opened = None
        i = content_start(text, s)
        while i < e:
            if text[i] == "\n" and opened is not None and text.startswith("\n\n", i):
                out.append((opened, i))
                opened = None
            elif text.startswith("''", i):
                # NYT's two apostrophes: ''We finally may be seeing …,'' he wrote
                if opened is None:
                    opened = i + 2
                else:
                    out.append((opened, i))
                    opened = None
                i += 1
            elif text[i] in _MARKS:
                role = _mark_role(text, i, opened is not None)
                if role == "open":
                    opened = i + 1
                elif role == "close":
                    out.append((opened, i))
                    opened = None
            i += 1
        if opened is not None:
            out.append((opened, e))
    return [(a, b) for a, b in out if any(c.isalnum() for c in text[a:b])]


class GenderRow(NamedTuple):
    """The gender columns of one `attributions` row of a person (what the corpus pass reads)."""
    article_id: str
    speaker: str
    kind: str
    gender: str
    gender_evidence: str


@dataclass
class Tally:
    gold_q: int = 0
    kit_q: int = 0
    matched_q: int = 0
    speaker: dict = field(default_factory=lambda: {k: [0, 0] for k in ("named", "pronoun", "other_pronoun", "described",
                                                                         "pronoun_agreeing")})
    gold_ind: int = 0
    found_ind: int = 0
    kit_rep: int = 0
    real_rep: int = 0
    people: int = 0
    decided: int = 0
    errors: list = field(default_factory=list)
    gender_rows: list = field(default_factory=list)   # GenderRow of every person row, for the corpus pass

    def add(self, other: Tally) -> None:
        for k in ("gold_q", "kit_q", "matched_q", "gold_ind", "found_ind", "kit_rep", "real_rep", "people",
                  "decided"):
            setattr(self, k, getattr(self, k) + getattr(other, k))
        for k, (a, b) in other.speaker.items():
            self.speaker[k][0] += a
            self.speaker[k][1] += b
        self.errors += other.errors
        self.gender_rows += other.gender_rows

    def figures(self) -> dict:
        p = self.matched_q / self.kit_q if self.kit_q else float("nan")
        r = self.matched_q / self.gold_q if self.gold_q else float("nan")
        sp = self.speaker
        right = sp["named"][0] + sp["pronoun"][0]
        total = sp["named"][1] + sp["pronoun"][1]
        return {"gold_quotes": self.gold_q, "kit_quotes": self.kit_q, "quote_precision": p, "quote_recall": r,
                "quote_f1": 2 * p * r / (p + r) if p + r else 0.0,
                "speaker_acc": right / total if total else float("nan"), "speaker_n": total,
                "speaker_named": sp["named"][0] / sp["named"][1] if sp["named"][1] else float("nan"),
                "speaker_named_n": sp["named"][1],
                "speaker_pronoun": sp["pronoun"][0] / sp["pronoun"][1] if sp["pronoun"][1] else float("nan"),
                "speaker_pronoun_n": sp["pronoun"][1], "described_n": sp["described"][1],
                "speaker_pronoun_agreeing": sp["pronoun_agreeing"][0] / sp["pronoun_agreeing"][1]
                if sp["pronoun_agreeing"][1] else float("nan"), "pronoun_agreeing_n": sp["pronoun_agreeing"][1],
                "speaker_other_pronoun": sp["other_pronoun"][0] / sp["other_pronoun"][1]
                if sp["other_pronoun"][1] else float("nan"), "other_pronoun_n": sp["other_pronoun"][1],
                "reported_recall": self.found_ind / self.gold_ind if self.gold_ind else float("nan"),
                "reported_precision": self.real_rep / self.kit_rep if self.kit_rep else float("nan"),
                "gold_indirect": self.gold_ind, "kit_reported": self.kit_rep,
                "gender_decided": self.decided / self.people if self.people else float("nan"),
                "people_quoted": self.people}


def _para_offsets(text: str) -> list[int]:
    offs, pos = [], 0
    for para in text.split("\n\n"):
        offs.append(pos)
        pos += len(para) + 2
    return offs


def _match(kit: list[tuple[int, int]], gold: list[tuple[int, int]]) -> dict[int, int]:
    """One-to-one matches {kit index: gold index} overlapping by >= 50% of the longer span."""
    pairs = []
    for i, (a, b) in enumerate(kit):
        for j, (c, d) in enumerate(gold):
            ov = min(b, d) - max(a, c)
            if ov > 0 and ov >= 0.5 * max(b - a, d - c):
                pairs.append((-ov, i, j))
    pairs.sort()
    out, used = {}, set()
    for _, i, j in pairs:
        if i not in out and j not in used:
            out[i] = j
            used.add(j)
    return out


def _overlaps_half_shorter(a: int, b: int, c: int, d: int) -> bool:
    ov = min(b, d) - max(a, c)
    return ov > 0 and ov >= 0.5 * min(b - a, d - c)


def score_article(art: dict, want_errors: bool) -> Tally:
    text = art["text"]
    body = _q.clean_body(text)
    offs = _para_offsets(body)
    t = Tally()
    speaker_at = {}
    reported = []
    genders = {}
    for row in article_attributions(body):
        if row.kind == "direct" and row.gender is not None:
            genders.setdefault(row.speaker, row.gender)
        if row.gender is not None:
            t.gender_rows.append(GenderRow(art["id"], row.speaker, row.kind, row.gender, row.gender_evidence))
        a, b = offs[row.paragraph] + row.start, offs[row.paragraph] + row.end
        if row.kind == "direct":
            speaker_at[(a, b)] = row.speaker
        else:
            reported.append((a, b, row.speaker, row.cue))
    t.people = len(genders)
    t.decided = sum(g in ("female", "male") for g in genders.values())
    kit = [(offs[q.paragraph] + q.start, offs[q.paragraph] + q.end) for q in _q.article_quotes(body)
           if q.kind != "scare" and not q.nested]
    gold, gold_attr = [], []
    quoted_ids = set()
    for attr in art["attributions"]:
        for st in quoted_stretches(text, attr["content"]):
            gold.append(st)
            gold_attr.append(attr)
            quoted_ids.add(attr["id"])
    t.gold_q, t.kit_q = len(gold), len(kit)
    matches = _match(kit, gold)
    t.matched_q = len(matches)
    for i, j in matches.items():
        attr = gold_attr[j]
        kind = source_kind(attr)
        ref = attr.get("prev_named_source") if "pronoun" in kind else " ".join(s["text"] for s in attr["source"])
        if "pronoun" in kind and not ref:
            continue
        got = speaker_at.get(kit[i])
        right = (_last_word(got) in _words(ref) or name_starts_speaker(ref, got, text)) \
            if kind in ("named", "pronoun", "other_pronoun") else bool(got)
        t.speaker[kind][0] += right
        t.speaker[kind][1] += 1
        if kind == "pronoun" and guess_agreement(attr["source"][0]["text"], ref, text) == "agrees":
            t.speaker["pronoun_agreeing"][0] += right       # beside the headline figure, never in it
            t.speaker["pronoun_agreeing"][1] += 1
        if want_errors and not right and kind in ("named", "pronoun"):
            src = " ".join(s["text"] for s in attr["source"])
            t.errors.append(("speaker", kind, art["id"], text[kit[i][0]:kit[i][1]][:70], src, ref, got))
    if want_errors:
        for j, (c, d) in enumerate(gold):
            if j not in matches.values():
                t.errors.append(("missed", "", art["id"], text[c:d][:90], "", "", ""))
        for i, (a, b) in enumerate(kit):
            if i not in matches:
                t.errors.append(("extra", "", art["id"], text[a:b][:90], "", "", ""))
    contents = [(sp["start"], sp["end"]) for attr in art["attributions"] for sp in attr["content"]]
    for attr in art["attributions"]:
        if attr["type"] != "indirect" or attr["id"] in quoted_ids:
            continue
        t.gold_ind += 1
        c, d = min(s["start"] for s in attr["content"]), max(s["end"] for s in attr["content"])
        hit = any(_overlaps_half_shorter(a, b, c, d) for a, b, _, _ in reported)
        t.found_ind += hit
        if want_errors and not hit and len(t.errors) < 10**6:
            src = " ".join(s["text"] for s in attr["source"])
            cue = " ".join(s["text"] for s in attr["cue"])
            t.errors.append(("rep-missed", "", art["id"], text[c:d][:70], src, cue, ""))
    t.kit_rep = len(reported)
    for a, b, who, cue in reported:
        real = any(_overlaps_half_shorter(a, b, c, d) for c, d in contents)
        t.real_rep += real
        if want_errors and not real:
            t.errors.append(("rep-extra", "", art["id"], text[a:b][:90], "", cue, who))
    return t


# --miss-kinds: the dev misses of reported speech by kind, each counted once, first kind that fits
_PERSON_1_2 = frozenset("i we you me us my our your".split())
_NOMINAL_CUES = re.compile(r"\b(?:claims?|views?|criticism|support|opposition|statements?|calls?|arguments?|beliefs?|"
                           r"fears?|concerns?|reports?|warnings?|promises?|pledges?|proposals?|comments?|remarks|"
                           r"endorsements?|praise|attacks?|accusations?|assertions?|suggestions?|demands?|"
                           r"questions?|position|stance|plans?|decision|refusal|insistence|vows?)\b")
_STATEMENT_CUE = re.compile(r"\bin an? (?:\w+ )?(?:statement|interview|op-ed|letter|speech|tweet|post|email|memo)")
MISS_KINDS = ("matching: a kit span overlaps, under half the shorter", "matching: only a direct row covers it",
              "no source annotated", "first- or second-person source", "headline",
              "cue not a verb: according to", "cue not a verb: in a statement / interview",
              "cue not a verb: a noun (claim, view, criticism, support for ...)", "content before its cue (..., X said.)",
              "possessive source (X's view is that ...)", "cue with a listed verb form, layout not read",
              "cue in no list")


def miss_kind(text: str, attr: dict, rows: list, listed: frozenset) -> str:
    """The kind of a gold indirect attribution the kit's non-direct rows miss (MISS_KINDS, in order)."""
    c, d = min(sp["start"] for sp in attr["content"]), max(sp["end"] for sp in attr["content"])
    cue = " ".join(sp["text"] for sp in attr["cue"]).lower()
    src = " ".join(sp["text"] for sp in attr["source"])
    cue_start = min((sp["start"] for sp in attr["cue"]), default=c)
    checks = (
        any(kind != "direct" and min(b, d) - max(a, c) > 0 for a, b, kind in rows),
        any(kind == "direct" and _overlaps_half_shorter(a, b, c, d) for a, b, kind in rows),
        not src.strip(), src.lower() in _PERSON_1_2, "\n\n" not in text[:c],
        "according to" in cue, bool(_STATEMENT_CUE.search(cue)), bool(_NOMINAL_CUES.search(cue)),
        cue_start >= d, bool(re.search(r"['\u2019]s?$", src.strip())),
        any(w in listed for w in re.findall(r"[a-z\u2019'-]+", cue)))
    return next((k for k, hit in zip(MISS_KINDS, checks) if hit), MISS_KINDS[-1])


def miss_kinds(arts: list[dict]) -> dict:
    """{kind: [count, example]} over the dev part's missed gold indirect attributions."""
    from analysis.sourcing.stance import attribution_verbs
    from analysis.sourcing.lexicon import verb_rows
    listed = frozenset(attribution_verbs()) | frozenset(verb_rows())
    out = {k: [0, ""] for k in MISS_KINDS}
    for art in arts:
        if part_of(art["id"]) != "dev":
            continue
        text = art["text"]
        body = _q.clean_body(text)
        offs = _para_offsets(body)
        rows = [(offs[r.paragraph] + r.start, offs[r.paragraph] + r.end, r.kind) for r in article_attributions(body)]
        quoted = {a["id"] for a in art["attributions"] if quoted_stretches(text, a["content"])}
        for attr in art["attributions"]:
            if attr["type"] != "indirect" or attr["id"] in quoted:
                continue
            c, d = min(sp["start"] for sp in attr["content"]), max(sp["end"] for sp in attr["content"])
            if any(k != "direct" and _overlaps_half_shorter(a, b, c, d) for a, b, k in rows):
                continue
            kind = miss_kind(text, attr, rows, listed)
            out[kind][0] += 1
            out[kind][1] = out[kind][1] or f"{' '.join(sp['text'] for sp in attr['cue'])!r}: {text[c:d][:50]!r}"
    return out


def _coded_person_gender(coded_speaker: str, rows) -> str | None:
    """The kit's gender for a hand-coded speaker: of the article's direct-quote rows, the one whose
    speaker is the coded name, else whose speaker ends with it (`Clinton` coded, `Hillary Clinton`
    found) or it ends with the speaker's, else the first with the same last word (the old rule, which
    let a coded Bill Clinton meet Hillary Clinton's row)."""
    direct = [r for r in rows if r.kind == "direct" and r.speaker]
    coded = coded_speaker.strip()
    last = _last_word(coded)
    tests = (lambda s: s == coded,
             lambda s: s.endswith(" " + coded) or coded.endswith(" " + s),
             lambda s: _last_word(s) == last)
    for same in tests:
        found = next((r.gender for r in direct if same(r.speaker.strip())), None)
        if found is not None or any(same(r.speaker.strip()) for r in direct):
            return found
    return None


def gender_accuracy(arts: list[dict], path: Path = GENDER_GOLD, table=None) -> dict:
    """Decided share and accuracy of the kit's gender on the hand-coded dev speakers: of each article
    alone, or of `table` (the part's person rows after the corpus pass, `corpus_gender_table`)."""
    import csv
    by_id = {a["id"]: a for a in arts}
    with path.open(encoding="utf-8") as fh:
        coded = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    n = decided = right = junk = junk_gendered = 0
    for row in coded:
        art = by_id.get(row["article_id"])
        if art is None or row["gender"] == "not_known":
            continue
        rows = article_attributions(_q.clean_body(art["text"])) if table is None else \
            list(table[table["article_id"] == row["article_id"]].itertuples())
        kit = _coded_person_gender(row["speaker"], rows)
        if row["gender"] == "not_a_person":
            junk += 1
            junk_gendered += kit in ("female", "male")
            continue
        n += 1
        if kit in ("female", "male"):
            decided += 1
            right += kit == row["gender"]
    return {"n": n, "decided": decided / n if n else float("nan"),
            "accuracy": right / decided if decided else float("nan"), "junk": junk, "junk_gendered": junk_gendered}


def corpus_gender_table(rows: list[GenderRow]):
    """The person rows of a part's articles after the corpus pass over them as one corpus."""
    import pandas as pd

    return with_corpus_gender(pd.DataFrame(rows, columns=list(GenderRow._fields)))


def decided_people(table, column: str = "gender") -> tuple[int, int]:
    """(people quoted directly whose `column` is female or male, people quoted), once per article."""
    people = table[table["kind"] == "direct"].drop_duplicates(["article_id", "speaker"])
    return int(people[column].isin(("female", "male")).sum()), len(people)


def corpus_gender_line(rows: list[GenderRow], order: dict[str, int]) -> str:
    """Gender decided before -> after the corpus pass: the part, its even / odd halves (article index in
    the file) within the part's corpus, and each half as a corpus of its own."""
    import pandas as pd

    table = corpus_gender_table(rows)
    frame = pd.DataFrame(rows, columns=list(GenderRow._fields))
    even = frame["article_id"].map(order).to_numpy() % 2 == 0
    out = []
    for label, mask in (("all", None), ("even", even), ("odd", ~even)):
        part = table if mask is None else table[mask]
        (before, n), (after, _) = decided_people(part, "gender_article"), decided_people(part)
        text = f"{label} {before / n:.3f} -> {after / n:.3f} ({before} -> {after} of {n})"
        if mask is not None:
            alone, _ = decided_people(with_corpus_gender(frame[mask]))
            text += f", half alone {alone / n:.3f}"
        out.append(text)
    return "  gender decided, article -> corpus pass: " + "; ".join(out)


def _fmt(x) -> str:
    return f"{x:.3f}" if isinstance(x, float) else str(x)


def print_table(results: dict) -> None:
    rows = [("all quoted speech P", "quote_precision"), ("all quoted speech R", "quote_recall"),
            ("all quoted speech F1", "quote_f1"), ("speaker accuracy (named+pronoun)", "speaker_acc"),
            ("  named sources", "speaker_named"), ("  he/she sources (lower bound)", "speaker_pronoun"),
            ("    of which the guess agrees (gender)", "speaker_pronoun_agreeing"),
            ("  other pronouns (not in the total)", "speaker_other_pronoun"),
            ("reported speech recall (indirect)", "reported_recall"),
            ("reported speech precision", "reported_precision"),
            ("gender decided, article alone", "gender_decided"),
            ("gold quote stretches", "gold_quotes"), ("kit speech quotes", "kit_quotes"),
            ("scored speakers (named / he-she / other)", None), ("gold indirect attributions", "gold_indirect"),
            ("kit reported spans", "kit_reported"), ("people quoted (kit)", "people_quoted")]
    parts = list(results)
    print(f"{'measure':38}" + "".join(f"{p:>16}" for p in parts) + f"{'target':>10}")
    for label, key in rows:
        if key is None:
            vals = [f"{results[p]['speaker_named_n']}/{results[p]['speaker_pronoun_n']}/{results[p]['other_pronoun_n']}"
                    for p in parts]
        else:
            vals = [_fmt(results[p][key]) for p in parts]
        target = TARGETS.get(key, "")
        print(f"{label:38}" + "".join(f"{v:>16}" for v in vals) + f"{_fmt(target) if target else '':>10}")


def read_articles(data: str) -> list[dict] | None:
    """The PolNeAR articles of the JSONL file `data`, or None (with a message naming it) when it is missing."""
    path = Path(data)
    if not path.exists():
        print(f"PolNeAR file not found: {path}", file=sys.stderr)
        return None
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(DATA))
    ap.add_argument("--errors", choices=["dev"], help="list the dev part's mistakes (never test's)")
    ap.add_argument("--kinds", default="speaker,missed,extra,rep-missed,rep-extra",
                    help="which mistakes --errors lists")
    ap.add_argument("--publishers", action="store_true", help="also one column per publisher (all parts)")
    ap.add_argument("--part", choices=["dev", "test"], help="score only this part (development runs: dev, "
                    "so the held-out test part is not measured on every run)")
    ap.add_argument("--json", help="also write the figures to this JSON file")
    ap.add_argument("--miss-kinds", action="store_true", help="count the dev part's reported-speech misses by kind "
                    "(no figures)")
    args = ap.parse_args(argv)
    if args.miss_kinds:
        arts = read_articles(args.data)
        kinds = miss_kinds(arts or [])
        total = sum(n for n, _ in kinds.values())
        print(f"dev reported-speech misses: {total}")
        for kind, (n, example) in kinds.items():
            print(f"{n:6d}  {kind}  e.g. {example}")
        return 0 if arts else 2
    if args.errors and args.part == "test":
        ap.error("mistakes are listed for the dev part only (the test part is only measured)")
    if args.errors:
        args.part = "dev"      # listing dev mistakes never scores the test part as well
    arts = read_articles(args.data)
    if arts is None:
        return 2
    tallies = {"dev": Tally(), "test": Tally()}
    by_pub: dict[str, Tally] = {}
    t0 = time.process_time()
    for art in arts:
        part = part_of(art["id"])
        if args.part and part != args.part:
            continue
        t = score_article(art, args.errors == "dev" and part == "dev")
        tallies[part].add(t)
        by_pub.setdefault(art["publisher"], Tally()).add(t)
    cpu = time.process_time() - t0
    everything = Tally()
    everything.add(tallies["dev"])
    everything.add(tallies["test"])
    results = {"dev": tallies["dev"].figures(), "test": tallies["test"].figures(), "all": everything.figures()}
    if args.part:
        results = {args.part: results[args.part]}
    if args.publishers:
        results.update({p: t.figures() for p, t in sorted(by_pub.items())})
    if args.errors:
        kinds = set(args.kinds.split(","))
        for err in tallies["dev"].errors:
            if err[0] in kinds:
                print(" | ".join(str(x) for x in err))
        print()
    n_dev = sum(part_of(a["id"]) == "dev" for a in arts)
    print(f"PolNeAR train: {len(arts)} articles ({n_dev} dev, {len(arts) - n_dev} test by md5(id) % 5); "
          f"{cpu:.1f} s CPU for quotes + attributions")
    print_table(results)
    order = {a["id"]: i for i, a in enumerate(arts)}
    for part in ([args.part] if args.part else ["dev", "test"]):
        print(f"{part}:" + corpus_gender_line(tallies[part].gender_rows, order))
    results["gender_hand_coded"] = gender_accuracy(arts)
    g = results["gender_hand_coded"]
    print(f"gender on {g['n']} hand-coded dev people: decided {g['decided']:.3f}, accuracy {g['accuracy']:.3f} "
          f"(target 0.970) of decided; {g['junk_gendered']} of {g['junk']} non-persons given a gender")
    if args.part in (None, "dev"):
        results["gender_hand_coded_corpus"] = g = gender_accuracy(
            arts, table=corpus_gender_table(tallies["dev"].gender_rows))
        print(f"  with the corpus pass (dev part as one corpus): decided {g['decided']:.3f}, accuracy "
              f"{g['accuracy']:.3f}; {g['junk_gendered']} of {g['junk']} non-persons given a gender")
    if args.json:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                                text=True).stdout.strip()
        Path(args.json).write_text(json.dumps({"commit": commit, "date": time.strftime("%Y-%m-%d"),
                                               "results": results}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

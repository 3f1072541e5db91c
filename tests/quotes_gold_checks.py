"""Consistency checks shared by the quote gold files (three development sets and the held-out set).

Each check asserts that a gold file (a list of article records, tests/gold/QUOTES_ANNOTATION.md)
is internally consistent; tests/test_gold_quotes.py, test_gold_quotes2.py, test_gold_quotes3.py and
tests/test_gold_heldout.py call them and
add the counts and hand-checked records of their own file.
"""
from __future__ import annotations

import collections
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "reference.jsonl"   # ../shared beside the repo

KINDS = {"full", "partial", "scare"}
SOURCE_TYPES = {
    "government_official", "politician", "military_security", "expert_academic",
    "civil_society_ngo", "business", "citizen_eyewitness", "media_news_agency", "poll_survey",
    "document_report", "anonymous_unnamed", "other",
}
OPENERS_CLOSERS = set('"\u201c\u201d\u2018\u2019\'')
ALWAYS_QUOTE = set('"\u201c\u201d\u2018')   # marks that are never an apostrophe


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def normalise(body: str) -> str:
    paras = [p.strip() for p in re.split(r"\n[ \t\r\f\v]*\n\s*", body)]
    return "\n\n".join(p for p in paras if p)


def quotes_of(gold):
    """(article, paragraphs, quote record) for every record of the file."""
    for art in gold:
        paras = art["text"].split("\n\n")
        for q in art["quotes"]:
            yield art, paras, q


def text_is_normalised(gold):
    for art in gold:
        assert "\n\n\n" not in art["text"]
        for p in art["text"].split("\n\n"):
            assert p and p == p.strip()


def offsets_and_text(gold):
    for art, paras, q in quotes_of(gold):
        assert isinstance(q["quote_id"], int) and isinstance(q["paragraph"], int)
        assert 0 <= q["paragraph"] < len(paras)
        para = paras[q["paragraph"]]
        assert 0 <= q["start"] < q["end"] <= len(para)
        assert para[q["start"]:q["end"]] == q["text"], (art["article_id"], q)
        assert q["text"] == q["text"].strip()


def codes_and_speakers(gold):
    for _, _, q in quotes_of(gold):
        assert q["kind"] in KINDS
        if q["kind"] == "scare":
            assert q["speaker"] is None and q["role"] is None and q["source_type"] is None
        else:
            assert isinstance(q["speaker"], str) and q["speaker"].strip() == q["speaker"] != ""
            assert q["source_type"] in SOURCE_TYPES
            assert q["role"] is None or (isinstance(q["role"], str) and q["role"])


def quote_ids_group_one_speaker(gold):
    for art in gold:
        groups = collections.defaultdict(set)
        for q in art["quotes"]:
            groups[q["quote_id"]].add((q["speaker"], q["source_type"], q["kind"] == "scare"))
        for qid, members in groups.items():
            assert len(members) == 1, (art["article_id"], qid, members)
        order = [(q["paragraph"], q["start"]) for q in art["quotes"]]
        assert order == sorted(order)


def spans_do_not_overlap_except_nesting(gold):
    for art in gold:
        by_para = collections.defaultdict(list)
        for q in art["quotes"]:
            by_para[q["paragraph"]].append((q["start"], q["end"]))
        for spans in by_para.values():
            spans.sort()
            for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
                assert e1 <= s2 or (s1 <= s2 and e2 <= e1), (art["article_id"], spans)


def every_quotation_mark_is_annotated(gold):
    """Every unambiguous quotation mark (", “, ”, ‘) lies next to or inside an annotated span."""
    for art in gold:
        for pi, para in enumerate(art["text"].split("\n\n")):
            spans = [(q["start"], q["end"]) for q in art["quotes"] if q["paragraph"] == pi]
            for i, ch in enumerate(para):
                if ch not in ALWAYS_QUOTE:
                    continue
                ok = any(s - 2 <= i < s or e <= i <= e + 1 or s <= i < e for s, e in spans)
                assert ok, (art["article_id"], pi, para[max(0, i - 30):i + 30])


def spans_sit_between_marks(gold, unclosed=(), continued_quotes=False):
    """Every span has a quotation mark right before and right after it (white space aside).
    `unclosed`: (article_id, paragraph, text) of spans whose closing mark the source left out; with
    `continued_quotes`, a span ending its paragraph without a mark must continue (same quote_id) in a
    later paragraph, as a multi-paragraph quotation does."""
    for art, paras, q in quotes_of(gold):
        para = paras[q["paragraph"]]
        before = para[:q["start"]].rstrip()[-1:]
        after = para[q["end"]:].lstrip()[:1]
        assert before in OPENERS_CLOSERS, (art["article_id"], q["text"])
        if (art["article_id"], q["paragraph"], q["text"]) in unclosed:
            continue
        if continued_quotes and after == "":
            nxt = [r for r in art["quotes"]
                   if r["paragraph"] > q["paragraph"] and r["quote_id"] == q["quote_id"]]
            assert nxt, (art["article_id"], q["text"])
        else:
            assert after in OPENERS_CLOSERS, (art["article_id"], q["text"])


def corpus_texts_match_reference(gold):
    if not CORPUS.exists():
        pytest.skip("development corpus ../shared/corpus not beside the repo")
    ref = {d["id"]: d for d in load(CORPUS)}
    for art in gold:
        if art.get("source") == "seed":
            continue
        d = ref[art["article_id"]]
        assert art["url"] == d["url"]
        assert art["text"] == normalise(d["body"])


GENERIC = [text_is_normalised, offsets_and_text, codes_and_speakers, quote_ids_group_one_speaker,
           spans_do_not_overlap_except_nesting, every_quotation_mark_is_annotated,
           corpus_texts_match_reference]

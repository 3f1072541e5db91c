"""Consistency checks of the hand-annotated quote gold standard (tests/gold/quotes_gold.jsonl).

These tests check the gold file itself (offsets, codes, coverage of quotation marks, counts), not
the quote detector. Rules: tests/gold/QUOTES_ANNOTATION.md.
"""
import collections
import json
import re
from pathlib import Path

import pytest

GOLD = Path(__file__).resolve().parent / "gold" / "quotes_gold.jsonl"
SEED = Path(__file__).resolve().parent / "data" / "seed_body.txt"
CORPUS = Path("/work/shared/corpus/reference.jsonl")

KINDS = {"full", "partial", "scare"}
SOURCE_TYPES = {
    "government_official", "politician", "military_security", "expert_academic",
    "civil_society_ngo", "business", "citizen_eyewitness", "media_news_agency", "poll_survey",
    "document_report", "anonymous_unnamed", "other",
}
OPENERS_CLOSERS = set('"\u201c\u201d\u2018\u2019\'')
# Quotation marks that always mark a quotation (never an apostrophe).
ALWAYS_QUOTE = set('"\u201c\u201d\u2018')
# Spans in the source text with a missing closing mark (decided by the coder, see the rules).
UNBALANCED = {("c90731f051d033e4", 7, "there was no linkage like that")}


def _normalise(body):
    paras = [p.strip() for p in re.split(r"\n[ \t\r\f\v]*\n\s*", body)]
    return "\n\n".join(p for p in paras if p)


@pytest.fixture(scope="module")
def gold():
    with GOLD.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def _quotes(gold):
    for art in gold:
        paras = art["text"].split("\n\n")
        for q in art["quotes"]:
            yield art, paras, q


def test_articles_and_counts(gold):
    ids = [a["article_id"] for a in gold]
    assert len(ids) == len(set(ids))
    sources = collections.Counter(a["source"] for a in gold)
    assert sources == {"corpus": 27, "seed": 1}
    assert sum(len(a["quotes"]) for a in gold) == 257
    kinds = collections.Counter(q["kind"] for _, _, q in _quotes(gold))
    assert kinds == {"full": 171, "partial": 49, "scare": 37}
    types = collections.Counter(q["source_type"] for _, _, q in _quotes(gold) if q["source_type"])
    assert types == {
        "government_official": 78, "other": 39, "business": 33, "expert_academic": 24,
        "citizen_eyewitness": 18, "civil_society_ngo": 14, "politician": 5, "military_security": 4,
        "anonymous_unnamed": 4, "media_news_agency": 1,
    }
    assert len({(a["article_id"], q["quote_id"]) for a in gold for q in a["quotes"]}) == 208
    outlets = {re.sub(r"^www\.", "", a["url"].split("/")[2]) for a in gold if a["source"] == "corpus"}
    assert len(outlets) >= 20  # varied outlets


def test_text_is_normalised(gold):
    for art in gold:
        text = art["text"]
        assert "\n\n\n" not in text
        for p in text.split("\n\n"):
            assert p and p == p.strip()


def test_offsets_and_text(gold):
    for art, paras, q in _quotes(gold):
        assert isinstance(q["quote_id"], int) and isinstance(q["paragraph"], int)
        assert 0 <= q["paragraph"] < len(paras)
        para = paras[q["paragraph"]]
        assert 0 <= q["start"] < q["end"] <= len(para)
        assert para[q["start"]:q["end"]] == q["text"], (art["article_id"], q)
        assert q["text"] == q["text"].strip()


def test_spans_sit_between_quotation_marks(gold):
    for art, paras, q in _quotes(gold):
        para = paras[q["paragraph"]]
        before = para[:q["start"]].rstrip()[-1:]
        after = para[q["end"]:].lstrip()[:1]
        assert before in OPENERS_CLOSERS, (art["article_id"], q["text"])
        key = (art["article_id"], q["paragraph"], q["text"])
        if key in UNBALANCED:
            continue
        if after == "":
            # quotation left open at the end of a paragraph: continues in a later one
            nxt = [r for r in art["quotes"]
                   if r["paragraph"] > q["paragraph"] and r["quote_id"] == q["quote_id"]]
            assert nxt, (art["article_id"], q["text"])
        else:
            assert after in OPENERS_CLOSERS, (art["article_id"], q["text"])


def test_codes_and_speakers(gold):
    for art, _, q in _quotes(gold):
        assert q["kind"] in KINDS
        if q["kind"] == "scare":
            assert q["speaker"] is None and q["role"] is None and q["source_type"] is None
        else:
            assert isinstance(q["speaker"], str) and q["speaker"].strip() == q["speaker"] != ""
            assert q["source_type"] in SOURCE_TYPES
            assert q["role"] is None or (isinstance(q["role"], str) and q["role"])


def test_quote_ids_group_one_speaker(gold):
    for art in gold:
        groups = collections.defaultdict(set)
        for q in art["quotes"]:
            groups[q["quote_id"]].add((q["speaker"], q["source_type"], q["kind"] == "scare"))
        for qid, members in groups.items():
            assert len(members) == 1, (art["article_id"], qid, members)
        order = [(q["paragraph"], q["start"]) for q in art["quotes"]]
        assert order == sorted(order)


def test_spans_do_not_overlap_except_nesting(gold):
    for art in gold:
        by_para = collections.defaultdict(list)
        for q in art["quotes"]:
            by_para[q["paragraph"]].append((q["start"], q["end"]))
        for spans in by_para.values():
            spans.sort()
            for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
                assert e1 <= s2 or (s1 <= s2 and e2 <= e1), (art["article_id"], spans)


def test_every_quotation_mark_is_annotated(gold):
    """Every unambiguous quotation mark (", “, ”, ‘) lies next to or inside an annotated span."""
    for art in gold:
        paras = art["text"].split("\n\n")
        for pi, para in enumerate(paras):
            spans = [(q["start"], q["end"]) for q in art["quotes"] if q["paragraph"] == pi]
            for i, ch in enumerate(para):
                if ch not in ALWAYS_QUOTE:
                    continue
                ok = any(s - 2 <= i < s or e <= i <= e + 1 or s <= i < e for s, e in spans)
                assert ok, (art["article_id"], pi, para[max(0, i - 30):i + 30])


def test_seed_annotation(gold):
    seed = [a for a in gold if a["article_id"] == "seed"]
    assert len(seed) == 1
    seed = seed[0]
    assert seed["source"] == "seed"
    assert seed["text"] == _normalise(SEED.read_text(encoding="utf-8"))
    got = [(q["quote_id"], q["paragraph"], q["kind"], q["speaker"], q["role"], q["source_type"])
           for q in seed["quotes"]]
    assert got == [
        (1, 2, "full", "Lars Lokke Rasmussen", "Foreign Minister", "government_official"),
        (2, 5, "full", "Troels Lund Poulsen", "Defense Minister", "government_official"),
        (3, 7, "full", "Troels Lund Poulsen", "Defense Minister", "government_official"),
    ]
    assert [(q["start"], q["end"]) for q in seed["quotes"]] == [(1, 292), (1, 142), (1, 123)]


def test_hand_checked_records(gold):
    arts = {a["article_id"]: a for a in gold}
    # multi-paragraph quote: two records, same id, same speaker (BBC, Assange)
    persson = [q for q in arts["c7e39ac49fa1235f"]["quotes"] if q["quote_id"] == 3]
    assert [(q["paragraph"], q["speaker"]) for q in persson] == [
        (10, "Eva-Marie Persson"), (11, "Eva-Marie Persson")]
    # club statement across an embedded tweet: paragraphs 6, 7 and 10
    spurs = [q["paragraph"] for q in arts["921019755f4a96ac"]["quotes"] if q["quote_id"] == 2]
    assert spurs == [6, 7, 10]
    # single-quote scare quote
    oxy = arts["076f4f33bf75059d"]["quotes"][0]
    assert (oxy["paragraph"], oxy["text"], oxy["kind"], oxy["speaker"]) == (0, "oxygen bar", "scare", None)
    # nested quote of another speaker inside a full quote (AP, Holmes quoting Trump)
    nested = [(q["text"], q["kind"], q["speaker"]) for q in arts["82b6d780c792df78"]["quotes"]
              if q["paragraph"] == 8 and q["speaker"] != "David Holmes"]
    assert nested == [("So he’s going to do the investigation?", "full", "Donald Trump"),
                      ("He’s going to do it,", "partial", "Gordon Sondland"),
                      ("do anything you ask him to.", "partial", "Gordon Sondland")]


def test_corpus_texts_match_reference(gold):
    if not CORPUS.exists():
        pytest.skip("development corpus not available on this machine")
    ref = {}
    with CORPUS.open(encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            ref[d["id"]] = d
    for art in gold:
        if art["source"] != "corpus":
            continue
        d = ref[art["article_id"]]
        assert art["url"] == d["url"]
        assert art["text"] == _normalise(d["body"])

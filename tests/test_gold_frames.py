"""Consistency checks of the hand-coded frame gold set (tests/gold/frames_gold.csv).

The gold is a human coding (see tests/gold/FRAMES_ANNOTATION.md); these tests check the file itself,
not the frame detector: eight frames per article, valid codes, evidence copied exactly from the
article text, and the hand-counted prevalence, so that any edit to the gold has to be deliberate.
"""
import csv
import json
import re
from collections import Counter
from pathlib import Path

import pytest

GOLD_DIR = Path(__file__).parent / "gold"
GOLD_CSV = GOLD_DIR / "frames_gold.csv"
TEXTS_JSONL = GOLD_DIR / "frames_texts.jsonl"
SEED_BODY = Path(__file__).parent / "data" / "seed_body.txt"
REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "reference.jsonl"  # optional cross-check only

COLUMNS = ["article_id", "frame", "present", "strength", "evidence", "note"]
FRAMES = ["conflict", "human_interest", "economic", "morality", "responsibility",
          "military_security", "diplomacy", "humanitarian"]
ID_RE = re.compile(r"^(seed|[0-9a-f]{16})$")
# A copied sentence starts like a sentence and ends with its final punctuation (maybe a quote mark).
SENTENCE_START = re.compile(r"^[\"“‘']?[A-Z0-9]")
SENTENCE_END = re.compile(r"[.!?][\"”’']?$")

# Hand-counted from the coding: articles (of 23) where the frame is present / dominant.
N_ARTICLES = 23
PRESENT = {"conflict": 12, "human_interest": 7, "economic": 6, "morality": 5,
           "responsibility": 15, "military_security": 7, "diplomacy": 8, "humanitarian": 5}
DOMINANT = {"conflict": 8, "human_interest": 3, "economic": 4, "morality": 0,
            "responsibility": 6, "military_security": 3, "diplomacy": 2, "humanitarian": 4}


def read_gold(path=GOLD_CSV):
    """Rows of the gold CSV as dicts of strings."""
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == COLUMNS
        return list(reader)


def read_texts():
    """article_id -> article text for every coded article (seed from tests/data)."""
    texts = {"seed": SEED_BODY.read_text(encoding="utf-8")}
    with open(TEXTS_JSONL, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            assert rec["article_id"] not in texts, rec["article_id"]
            texts[rec["article_id"]] = rec["text"]
    return texts


def problems(rows, texts):
    """List of consistency problems in gold rows (empty when the gold is consistent)."""
    out = []
    by_article = {}
    for r in rows:
        by_article.setdefault(r["article_id"], []).append(r["frame"])
    for aid, frames in by_article.items():
        if not ID_RE.match(aid):
            out.append(f"{aid}: bad article_id")
        if sorted(frames) != sorted(FRAMES):
            out.append(f"{aid}: frames {sorted(frames)} are not exactly the eight")
        if aid not in texts:
            out.append(f"{aid}: no text")
    for r in rows:
        key = f"{r['article_id']}/{r['frame']}"
        if r["present"] not in ("0", "1"):
            out.append(f"{key}: present={r['present']!r}")
            continue
        if r["strength"] not in ("0", "1", "2"):
            out.append(f"{key}: strength={r['strength']!r}")
            continue
        present, strength, ev = int(r["present"]), int(r["strength"]), r["evidence"]
        if present != (strength >= 1):
            out.append(f"{key}: present {present} disagrees with strength {strength}")
        if bool(ev) != bool(present):
            out.append(f"{key}: evidence must be given exactly when present")
        if not r["note"].strip():
            out.append(f"{key}: empty note")
        if ev:
            text = texts.get(r["article_id"], "")
            if ev not in text:
                out.append(f"{key}: evidence not found in the text")
            if "\n" in ev:
                out.append(f"{key}: evidence crosses a line or paragraph break")
            if ev != ev.strip() or not SENTENCE_START.match(ev) or not SENTENCE_END.search(ev):
                out.append(f"{key}: evidence is not one whole sentence")
    return out


@pytest.fixture(scope="module")
def gold():
    return read_gold()


@pytest.fixture(scope="module")
def texts():
    return read_texts()


def test_gold_is_consistent(gold, texts):
    assert problems(gold, texts) == []


def test_article_and_row_counts(gold, texts):
    ids = {r["article_id"] for r in gold}
    assert len(ids) == N_ARTICLES
    assert len(gold) == 8 * N_ARTICLES
    assert len({(r["article_id"], r["frame"]) for r in gold}) == len(gold)
    assert "seed" in ids
    assert set(texts) == ids  # every stored text is coded, every coded article has a text


def test_frame_prevalence(gold):
    present = Counter(r["frame"] for r in gold if r["present"] == "1")
    dominant = Counter(r["frame"] for r in gold if r["strength"] == "2")
    assert {f: present[f] for f in FRAMES} == PRESENT
    assert {f: dominant[f] for f in FRAMES} == DOMINANT


def test_hand_checked_rows(gold):
    rows = {(r["article_id"], r["frame"]): r for r in gold}
    seed_mil = rows[("seed", "military_security")]
    assert (seed_mil["present"], seed_mil["strength"]) == ("1", "2")
    assert seed_mil["evidence"].startswith("Denmark is prepared to contribute troops")
    assert rows[("seed", "conflict")]["present"] == "0"
    assert rows[("seed", "humanitarian")]["evidence"] == ""
    # the science report carries none of the eight frames
    assert [rows[("f344ca5fb36e130f", f)]["present"] for f in FRAMES] == ["0"] * 8


def test_topics_cover_the_required_variety():
    with open(TEXTS_JSONL, encoding="utf-8") as fh:
        topics = " ".join(json.loads(line)["topic"] for line in fh)
    for kind in ["politics", "conflict", "military", "business", "economy", "crime", "health",
                 "science", "human interest", "sports"]:
        assert kind in topics, kind


def test_checker_catches_broken_rows(gold, texts):
    broken = [dict(r) for r in gold]
    first = broken[0]                      # seed / conflict, absent in the gold
    first["present"] = "1"                 # present without strength or evidence
    broken[1]["evidence"] = "Not a sentence of the seed article."
    broken[1]["present"] = broken[1]["strength"] = "1"
    del broken[2]                          # seed now lacks its economic row
    got = problems(broken, texts)
    assert got == [
        "seed: frames ['conflict', 'diplomacy', 'human_interest', 'humanitarian', "
        "'military_security', 'morality', 'responsibility'] are not exactly the eight",
        "seed/conflict: present 1 disagrees with strength 0",
        "seed/conflict: evidence must be given exactly when present",
        "seed/human_interest: evidence not found in the text",
    ]


@pytest.mark.skipif(not REFERENCE.exists(), reason="development corpus not available")
def test_stored_texts_match_the_corpus(texts):
    bodies = {}
    with open(REFERENCE, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["id"] in texts:
                bodies[rec["id"]] = rec["body"]
    assert set(bodies) == set(texts) - {"seed"}
    assert all(bodies[k] == texts[k] for k in bodies)


# ------------------------------------------------------------------ the blind held-out coding
HELDOUT_CSV = GOLD_DIR / "frames_heldout.csv"
HELDOUT_TEXTS = GOLD_DIR / "frames_heldout_texts.jsonl"
# hand-counted from the held-out coding (tests/gold/FRAMES_HELDOUT.md): present in how many of 16
HELDOUT_PRESENT = {"conflict": 5, "human_interest": 2, "economic": 6, "morality": 1,
                   "responsibility": 6, "military_security": 1, "diplomacy": 3, "humanitarian": 2}


def read_heldout_texts():
    with open(HELDOUT_TEXTS, encoding="utf-8") as fh:
        return {rec["article_id"]: rec["text"] for rec in map(json.loads, fh)}


def test_heldout_is_consistent_and_disjoint(texts):
    rows = read_gold(HELDOUT_CSV)
    held = read_heldout_texts()
    assert problems(rows, held) == []
    ids = {r["article_id"] for r in rows}
    assert ids == set(held) and len(ids) == 16 and len(rows) == 8 * 16
    assert not ids & set(texts)            # no article is in both sets
    present = Counter(r["frame"] for r in rows if r["present"] == "1")
    assert {f: present[f] for f in FRAMES} == HELDOUT_PRESENT


@pytest.mark.skipif(not REFERENCE.exists(), reason="development corpus not available")
def test_heldout_texts_match_the_corpus():
    held = read_heldout_texts()
    with open(REFERENCE, encoding="utf-8") as fh:
        bodies = {r["id"]: r["body"] for r in map(json.loads, fh) if r["id"] in held}
    assert bodies == held

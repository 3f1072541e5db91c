"""Session 12 (issue 17, frames12): ideas for the weak S&V frames, measured on both kit codings and NFC.

Usage:
  .venv/bin/python benchmarks/frames_s12_ideas.py               # AUC of frame_ranks' rank_score per idea (1 CPU min)
  .venv/bin/python benchmarks/frames_s12_ideas.py --ideas base,H5visual
  .venv/bin/python benchmarks/frames_s12_ideas.py --wildcards   # each wildcard's word forms in the uncoded texts

Ideas (each declared before it was measured; written from Semetko & Valkenburg's (2000) question wording): extra
weak cues appended to `analysis/data/frames_sv_cues.csv` (H5 visual information, H2 words of feeling, R2 the level
of government, R3/R5 solution and urgency words, M1 moral judgements, M3 prescriptions), and other ways to combine
distinct terms with the cue questions (`--shapes`). Printed per frame: AUC on kit coding 1 (tests/gold/
frames_gold.csv, 23 articles), kit coding 2 (frames_gold2.csv, 14), both (37), the NFC development part (145,
read with `coding="nfc"`'s rows) and NFC within outlets. Nothing is fitted. `--wildcards` lists, for every
wildcard term of the five generic frames (lexicon and cues), the words it matches in the uncoded reference texts
(the development corpus bodies and the PolNeAR training texts): how the words of another sense were found.
Never reads tests/gold/frames_heldout*.
"""
from __future__ import annotations

import argparse
import collections
import csv
import json
import re
import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from analysis import framing  # noqa: E402
import train_frames as tf  # noqa: E402
from validate_frames import _md  # noqa: E402

SHARED = ROOT.parent / "shared"
IDEAS = {
    "base": [],
    "H5visual": [("human_interest", "H5", ["pictured", "photo", "photos", "photograph", "photographs",
                                           "photographed", "footage", "video", "videos", "image", "images"])],
    "H2feel": [("human_interest", "H2", ["tragic", "tragedy", "tragedies", "devastat*", "horrific", "horrifying",
                                         "terrifying", "heartwarming", "heart-wrenching", "brave", "bravery",
                                         "courage", "courageous", "beloved", "emotional", "sympathy", "empathy",
                                         "distraught", "sobbing", "outrage*"])],
    "R2level": [("responsibility", "R2", ["federal", "state government", "local government", "local authority",
                                          "local authorities", "city hall", "mayor", "governor", "minister",
                                          "ministers", "congress", "parliament", "senate", "white house",
                                          "downing street", "european commission", "municipal*", "county"])],
    "R35": [("responsibility", "R5", ["as soon as possible", "without delay", "too late", "running out of time",
                                      "emergency"]),
            ("responsibility", "R3", ["solution", "fix", "reform", "measures", "steps to", "action"])],
    "M1judge": [("morality", "M1", ["unacceptable", "appalling", "disgusting", "outrageous", "despicable",
                                    "deplorable", "reprehensible", "abhorrent", "vile", "disrespect*", "racism",
                                    "racist", "sexism", "sexist", "discriminat*", "bigot*", "hateful", "abuse",
                                    "abused", "abusive", "harass*"])],
    "M3presc": [("morality", "M3", ["ought", "supposed to", "have a duty", "it is important to",
                                    "it's important to", "need to", "needs to"])],
}
SHAPES = {
    "rank_score (shipped)": lambda g: g["distinct_terms"] + g["cue_questions"] / 100,
    "distinct + 0.5 x cue questions": lambda g: g["distinct_terms"] + 0.5 * g["cue_questions"],
    "distinct + cue questions": lambda g: g["distinct_terms"] + g["cue_questions"],
    "rank_score, then cue terms": lambda g: g["distinct_terms"] + g["cue_questions"] / 100 + g["cue_terms"] / 1e4,
    "rank_score / sqrt(words + 50)": lambda g: (g["distinct_terms"] + g["cue_questions"] / 100)
    / np.sqrt(g["words"] + 50),
}


def cue_file(name: str, out_dir: Path) -> Path:
    """The shipped cue file with the idea's rows appended."""
    path = out_dir / f"frames_sv_cues_{name}.csv"
    extra = "".join(f'{frame},{term},{q},"S&V2000 {q} (session 12 idea {name})"\n'
                    for frame, q, terms in IDEAS[name] for term in terms)
    path.write_text(framing.SV_CUES_PATH.read_text().rstrip("\n") + "\n" + extra)
    return path


def table(cues) -> pd.DataFrame:
    """One row per coded article and generic frame: present, distinct terms, cue questions and cue terms."""
    articles, labels = tf.training_data()
    cue_lex = framing.compile_lexicon(cues)
    parts = []
    for coding, mask in (("kit", articles["dataset"] != "nfc"), ("nfc", articles["dataset"] == "nfc")):
        arts = articles.loc[mask, ["article_id", "text"]]
        sc = framing.frame_scores(arts, coding=coding)[["article_id", "frame", "distinct_terms"]]
        frames = framing.compile_lexicon(None, coding).frames
        per = [framing.nfc_cue_counts(t, cue_lex) for t in arts["text"]]
        sc["cue_questions"] = [len(c.get(f, ())) for c in per for f in frames]
        sc["cue_terms"] = [sum(c.get(f, {}).values()) for c in per for f in frames]
        parts.append(sc)
    words = {a: len(t.split()) for a, t in zip(articles["article_id"], articles["text"])}
    m = labels.merge(pd.concat(parts, ignore_index=True), on=["article_id", "frame"])
    return m.merge(articles[["article_id", "dataset", "outlet"]], on="article_id").assign(
        words=lambda d: d["article_id"].map(words))


def _auc(y, s) -> float:
    y = np.asarray(y, bool)
    return tf.auc(y, np.asarray(s, float)) if 0 < y.sum() < len(y) else float("nan")


def aucs(m: pd.DataFrame, score) -> pd.DataFrame:
    rows = []
    for frame in framing.GENERIC_FRAMES:
        p = m[m["frame"] == frame]
        row = {"frame": frame}
        for name, mask in (("kit1", p["dataset"] == "kit1"), ("kit2", p["dataset"] == "kit2"),
                           ("kit", p["dataset"] != "nfc"), ("nfc", p["dataset"] == "nfc")):
            row[name] = _auc(p.loc[mask, "present"], score(p.loc[mask]))
        nfc = p[p["dataset"] == "nfc"]
        row["nfc_outlets"] = float(np.nanmean([_auc(g["present"], score(g)) for _, g in nfc.groupby("outlet")]))
        rows.append(row)
    out = pd.DataFrame(rows).set_index("frame")
    out.loc["macro mean"] = out.mean()
    return out


def _fmt(table: pd.DataFrame) -> str:
    return _md(table.map("{:.3f}".format).reset_index())


def reference_texts() -> list[str]:
    """Uncoded texts: the development corpus bodies and the PolNeAR training texts."""
    texts = [json.loads(line).get("body") or "" for line in open(SHARED / "corpus" / "reference.jsonl")
             if line.strip()]
    for line in open(SHARED / "external" / "polnear-train.jsonl"):
        if line.strip():
            texts.append(json.loads(line).get("text") or "")
    return texts


def wildcards() -> None:
    words = collections.Counter(re.findall(r"[a-z][a-z'’-]*", "\n".join(reference_texts()).lower()))
    for path in (framing.LEXICON_PATH, framing.SV_CUES_PATH):
        rows = csv.DictReader(line for line in open(path) if not line.startswith("#"))
        for r in rows:
            t = r["term"]
            if r["frame"] in framing.GENERIC_FRAMES and t.endswith("*") and " " not in t and r.get("codings") != "nfc":
                forms = sorted(((w, c) for w, c in words.items() if w.startswith(t[:-1].lower())), key=lambda x: -x[1])
                print(f"{path.name} {r['frame']} {t}: " + ", ".join(f"{w} {c}" for w, c in forms[:14]))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ideas", default=",".join(IDEAS))
    ap.add_argument("--shapes", action="store_true", help="the score shapes on the shipped cue file")
    ap.add_argument("--wildcards", action="store_true")
    ap.add_argument("--out", default="/tmp")
    args = ap.parse_args(argv)
    if args.wildcards:
        wildcards()
        return 0
    if args.shapes:
        m = table(framing.SV_CUES_PATH)
        for name, score in SHAPES.items():
            print(f"## {name}\n\n{_fmt(aucs(m, score))}\n")
        return 0
    for name in args.ideas.split(","):
        m = table(cue_file(name, Path(args.out)))
        print(f"## {name}\n\n{_fmt(aucs(m, SHAPES['rank_score (shipped)']))}\n", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

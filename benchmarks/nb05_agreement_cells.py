"""Add (or refresh) notebook 05's cells on agreement with coders, question by question.

Usage: .venv/bin/python benchmarks/nb05_agreement_cells.py [notebooks/05_framing.ipynb]

The cells are tagged `frames-agreement`; running the script again replaces them, so it can be re-run
after the notebook's other cells change. They go right after the validation section's reading notes
(the markdown cell starting with "**Reading the validation.**"), or at the end when that is missing.
"""
from __future__ import annotations

import sys
from pathlib import Path

import nbformat

TAG = "frames-agreement"
ROOT = Path(__file__).resolve().parents[1]

INTRO = """## Agreement with coders, frame by frame and question by question

Figures from articles the method was not built or tuned on come first. (1) The blind coding of 16
articles (`tests/gold/frames_heldout.csv`, never used to build or tune anything). (2) Cross-validation
against the Narrative Frames Corpus coders (145 climate articles of its development part) and the kit's
two development codings (37 articles): the model's weights, calibration and presence thresholds are fitted
on four fifths of the articles and scored on the fifth, five times over, repeated with other splits
(`benchmarks/train_frames.py --cv --save`, which writes the tables shown here). The dictionary's rule
(`dictionary (2 terms)`: present from two distinct terms, nothing fitted) and the calibrated model (the
default `present` and `probability`) side by side; `auc` is how well the score (distinct terms; the
model's probability) ranks coded-present above coded-absent articles (0.5 = chance, 1 = perfect), which
does not depend on any threshold; `auc_cues` (tables 1 and 3) ranks by `framing.frame_ranks`' `rank_score`,
distinct terms with ties broken by how many of the frame's Semetko & Valkenburg questions weak cues answer
(`analysis/data/frames_sv_cues.csv`; session 11, chosen on the development codings); `auc_within_folds` ranks each fold's articles among themselves and
averages the folds, the fair comparison of a fitted score with the dictionary's count (pooling the folds'
scores into one ranking costs a fitted score about 0.03: `docs/framing.md`). (2b) Since 2026-12-04 the
Narrative Frames coding (`coding="nfc"`) reads, for human interest and economic, a model over the lexicon
terms themselves (which terms, not how many; `benchmarks/frames_ideas.py --save`, the same nested
procedure, each frame's choice between the two models made inside the training folds); economic's
threshold is the one reaching 70% recall. Since the fourth round (same day), its responsibility (the NFC
coders' resolution) and human interest also count, with their own terms, cue terms for the corpus's
questions re2 (a solution suggested), re6 (an actor able to alleviate the problem) and hi1-hi3 (a human
example, words of feeling, how people are affected) (`analysis/data/frames_nfc_cues.csv`; column `nfc cues`).
(3) The development coding the lexicon was revised on (in-sample).
(4) The dictionary against the Narrative Frames coders question by question: Semetko & Valkenburg's
questions (C1 disagreement, C2 reproach, E2 costs, M2 religion ...; wording in
`framing.question_info()`), the dictionary's "yes" being one term or more."""

TABLES = """cols = ["frame", "gold_present", "predicted_present", "tp", "fp", "fn", "tn", "precision", "recall", "kappa", "auc", "auc_cues"]
nfc_path = run.root.parent / "shared" / "external" / "narrative-frames-dev.jsonl"
results = run.root / "benchmarks" / "results"
if heldout is not None:
    display(heldout[cols].round(2).style.set_caption("(1) Held-out coding, 16 articles (blind)"))
if (results / "frames_cv.csv").exists():
    cv = pd.read_csv(results / "frames_cv.csv")
    for coding, title in (("nfc", "Narrative Frames coders, 145 articles"), ("kit", "kit development codings, 37 articles")):
        part = cv[(cv["coding"] == coding) & ~cv["method"].str.startswith("words")]
        side = part.pivot_table(index="frame", columns="method", values=["auc", "auc_within_folds", "kappa", "precision", "recall"], sort=False)
        display(side.style.format(precision=2).set_caption(f"(2) Cross-validated ({part['folds'].iloc[0]}): {title}"))
if (results / "frames_ideas.csv").exists():   # benchmarks/frames_ideas.py --save: what coding="nfc" reads now
    ideas = pd.read_csv(results / "frames_ideas.csv")
    keep = ideas["method"].isin(["shipped", "shipped or generic terms", "nfc cues"]) & ((ideas["threshold"] == "kappa; economic R0.7")
                                                                          | (ideas["frame"] != "macro mean"))
    side = ideas[keep].pivot_table(index=["frame", "threshold"], columns="method", sort=False,
                                   values=["auc", "auc_within_folds", "kappa", "precision", "recall"])
    display(side.style.format(precision=2).set_caption("(2b) Narrative Frames coders: before (shipped), the term models "
                                                       "(human interest, economic) and the cues (resolution, human interest) coding='nfc' reads now"))
if agreement is not None:
    display(agreement[cols].round(2).style.set_caption("(3) Development coding, 23 articles (in-sample)"))
if (bench / "train_frames.py").exists() and nfc_path.exists():
    from train_frames import question_agreement
    per_question = question_agreement(nfc_path)
    display(per_question.round(2).style.set_caption("(4) Per question: dictionary vs NFC coders' majority"))
else:
    print("Narrative Frames development data not found:", nfc_path)"""

CALIBRATION_MD = """### Do the probabilities mean what they say?

`probability` is the chance that a coder of the chosen convention codes the frame present. The reliability
table pools the cross-validated probabilities of all five frames: within each band, the share of
article-frame pairs the coders coded present should be close to the mean probability, and over all pairs
the mean probability should match the share coded present. So the mean `probability` over a corpus
estimates the share of articles with the frame (for coding like the Narrative Frames coders, pass
`coding="nfc"`), where counting `present` articles would not: a threshold trades misses against false
alarms."""

CALIBRATION = """if (results / "frames_reliability.csv").exists():
    reliability = pd.read_csv(results / "frames_reliability.csv")
    display(reliability.style.format(precision=2).set_caption("Reliability of the cross-validated probabilities"))
if (results / "frames_ideas_reliability.csv").exists():
    reliability = pd.read_csv(results / "frames_ideas_reliability.csv")
    display(reliability.style.format(precision=2).set_caption("... NFC coding as coding='nfc' reads it now (term models, cues)"))
generic = frames[frames["frame"].isin(framing.GENERIC_FRAMES)]
if "probability" in generic:   # this corpus: expected share of articles with each frame vs the share `present`
    display(generic.groupby("frame", sort=False).agg(mean_probability=("probability", "mean"),
                                                     share_present=("present", "mean")).round(2))"""

EVIDENCE_MD = """### The evidence behind each answer, in this corpus

For each article of the corpus above, the questions the dictionary answers yes, how many distinct
terms answer each, the sentences that hold them (0-based, as in `frame_matches`) and the first such
sentence, so a reader can check every decision against the text. `framing.frame_scores(...,
coding="nfc")` applies the thresholds matched to the Narrative Frames coders instead."""

EVIDENCE = """questions = framing.frame_questions(articles)
answered = questions[questions["answered"]]
print(f"{len(answered)} answered questions in {answered['article_id'].nunique()} articles")
answered[["article_id", "frame", "question", "distinct_terms", "sentences", "evidence"]].head(30)"""


def cells():
    tagged = {"tags": [TAG]}
    return [nbformat.v4.new_markdown_cell(INTRO, metadata=dict(tagged)),
            nbformat.v4.new_code_cell(TABLES, metadata=dict(tagged)),
            nbformat.v4.new_markdown_cell(CALIBRATION_MD, metadata=dict(tagged)),
            nbformat.v4.new_code_cell(CALIBRATION, metadata=dict(tagged)),
            nbformat.v4.new_markdown_cell(EVIDENCE_MD, metadata=dict(tagged)),
            nbformat.v4.new_code_cell(EVIDENCE, metadata=dict(tagged))]


def main(argv=None) -> int:
    args = sys.argv[1:] if argv is None else argv
    path = Path(args[0]) if args else ROOT / "notebooks" / "05_framing.ipynb"
    nb = nbformat.read(path, as_version=4)
    nb.cells = [c for c in nb.cells if TAG not in c.get("metadata", {}).get("tags", [])]
    at = next((i + 1 for i, c in enumerate(nb.cells)
               if c.cell_type == "markdown" and c.source.startswith("**Reading the validation.**")), len(nb.cells))
    nb.cells[at:at] = cells()
    nbformat.write(nb, path)
    print(f"{path}: {len(cells())} cells at position {at}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

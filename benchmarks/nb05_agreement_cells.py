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

Held-out first: the blind coding of 16 articles (`tests/gold/frames_heldout.csv`, never used to build or
tune the method), then the development codings. `present` follows the kit's coding guide (the default
`coding="kit"`); `auc` is how well the number of distinct terms ranks coded-present above coded-absent
articles (0.5 = chance, 1 = perfect), which does not depend on any threshold. Below, the same
dictionary against the Narrative Frames Corpus coders (145 climate articles of its development part)
question by question: Semetko & Valkenburg's questions (C1 disagreement, C2 reproach, E2 costs, M2
religion ...; wording in `framing.question_info()`), the dictionary's "yes" being one term or more.
Cross-validated figures for both codings, and for the learned word model tried beside it, are in
`docs/framing.md`."""

TABLES = """cols = ["frame", "gold_present", "predicted_present", "tp", "fp", "fn", "tn", "precision", "recall", "kappa", "auc"]
nfc_path = run.root.parent / "shared" / "external" / "narrative-frames-dev.jsonl"
if heldout is not None:
    display(heldout[cols].round(2).style.set_caption("Held-out coding, 16 articles (blind)"))
if agreement is not None:
    display(agreement[cols].round(2).style.set_caption("Development coding, 23 articles (in-sample)"))
if (bench / "train_frames.py").exists() and nfc_path.exists():
    from train_frames import question_agreement
    per_question = question_agreement(nfc_path)
    display(per_question.round(2).style.set_caption("Per question: dictionary vs NFC coders' majority"))
else:
    print("Narrative Frames development data not found:", nfc_path)"""

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

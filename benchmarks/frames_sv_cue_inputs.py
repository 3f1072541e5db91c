"""Issue 17, session 11: the S&V weak-cue questions (`frame_ranks`' `cue_questions`) as an input of the frame models.

Usage: .venv/bin/python benchmarks/frames_sv_cue_inputs.py [--repeats 5] [--part nfc|kit|both] [--variants ...]

The input is log(1 + cue_questions): how many of the frame's Semetko & Valkenburg questions the weak cues of
`analysis/data/frames_sv_cues.csv` answer (`framing.frame_ranks`). Variants:

- `base`: the models as shipped (coding="nfc": frames_ideas.py's `nfc cues`; the kit: train_frames.FEATURES);
- `sv`: the input added to every frame's model, read by both codings' articles (one weight);
- `sv|nfc`: the input on the Narrative Frames Corpus articles only (zero on the kit's codings), so that the kit
  coding's models read what they read before (its own weight for the NFC coding).

NFC (`--part nfc`): the nested cross-validation of `frames_ideas.run` (the same outer folds, seeds 0 ...
repeats-1; every choice inside the training part), method `nfc cues`, thresholds at the best inner kappa;
per variant the macro mean over the five frames of the pooled AUC, the AUC within outer folds and kappa,
on all 145 articles, on each half (even and odd index of the NFC file), and the AUC within outlets (each
outlet with both classes ranked alone, averaged). Kit (`--part kit`): `train_frames.nested_cv` (its own
folds), the kit's 37 articles, model variants `distinct+shape|nfc` (shipped) and with `+sv`.
Nothing here reads tests/gold/frames_heldout.csv.
"""
from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from analysis import framing  # noqa: E402
import frames_ideas as fi  # noqa: E402
import train_frames as tf  # noqa: E402

SV = "log1p_sv_cue_questions"
_ORIGINAL_INPUTS = tf.model_inputs
_ORIGINAL_FEATURES = tf.question_features


def sv_cue_questions(articles: pd.DataFrame) -> dict:
    """frame -> per article (rows of `articles`) how many of its questions the S&V weak cues answer (as
    `framing.frame_ranks`' `cue_questions`)."""
    cue_lex = framing.compile_lexicon(framing.SV_CUES_PATH)
    counts = [framing.nfc_cue_counts(t, cue_lex) for t in articles["text"]]
    return {f: np.array([len(c.get(f, ())) for c in counts], float) for f in tf.FRAMES}


def with_sv_columns(feats: dict, articles: pd.DataFrame) -> dict:
    """The feature tables with `SV` (every article) and `SV|nfc` (NFC articles only) added."""
    cues = sv_cue_questions(articles)
    nfc = (articles["dataset"] == "nfc").to_numpy(float)
    out = {}
    for frame, table in feats.items():
        table = table.copy()
        table[SV] = np.log1p(cues[frame])
        table[f"{SV}|nfc"] = np.log1p(cues[frame]) * nfc
        out[frame] = table
    return out


def model_inputs(table: pd.DataFrame, features: str = None) -> pd.DataFrame:
    """train_frames.model_inputs with two more extras: `+sv` (the input `SV`) and `+sv|nfc` (`SV|nfc`)."""
    features = features or tf.FEATURES
    parts = features.split("+")
    extra = [p for p in parts if p in ("sv", "sv|nfc")]
    plain = "+".join(p for p in parts if p not in ("sv", "sv|nfc"))
    cols = _ORIGINAL_INPUTS(table, plain)
    for p in extra:
        name = SV if p == "sv" else f"{SV}|nfc"
        cols = cols.assign(**{name: table[name].to_numpy()})
    return cols


def question_features(articles: pd.DataFrame, coding: str = "kit") -> dict:
    return with_sv_columns(_ORIGINAL_FEATURES(articles, coding), articles)


tf.model_inputs = model_inputs
tf.question_features = question_features


def _md(table: pd.DataFrame) -> str:
    """A Markdown table, numbers to 3 decimals."""
    head = "| " + " | ".join(map(str, table.columns)) + " |\n|" + "---|" * len(table.columns) + "\n"
    cell = lambda v: f"{v:.3f}" if isinstance(v, float) else str(v)  # noqa: E731
    return head + "\n".join("| " + " | ".join(cell(v) for v in row) + " |" for row in table.itertuples(index=False))


def _auc_within(g: pd.DataFrame, key: str) -> float:
    values = [tf.auc(p["gold"].to_numpy(bool), p["score"].to_numpy()) for _, p in g.groupby(key)]
    values = [v for v in values if not np.isnan(v)]
    return float(np.mean(values)) if values else float("nan")


def figures(rows: pd.DataFrame, part_of: dict, outlet_of: dict) -> pd.DataFrame:
    """Macro means (over frames, then repeats) of AUC, AUC within folds, kappa: all, even half, odd half;
    and the AUC within outlets."""
    out = []
    for (repeat, frame), g in rows.groupby(["repeat", "frame"]):
        g = g.assign(half=g["article_id"].map(part_of), outlet=g["article_id"].map(outlet_of))
        for half, h in [("all", g), ("even", g[g["half"] == 0]), ("odd", g[g["half"] == 1])]:
            y, p, s = h["gold"].to_numpy(bool), h["present"].to_numpy(bool), h["score"].to_numpy()
            sc = tf._scores(y, p, s)
            out.append({"repeat": repeat, "frame": frame, "half": half, "auc": sc["auc"],
                        "auc_folds": _auc_within(h, "fold"), "kappa": sc["kappa"], "precision": sc["precision"],
                        "recall": sc["recall"],
                        "auc_outlets": _auc_within(h, "outlet") if half == "all" else np.nan})
    per = pd.DataFrame(out)
    per_frame = per.groupby(["half", "frame"]).mean(numeric_only=True).drop(columns="repeat")
    macro = per.groupby(["half", "repeat"]).mean(numeric_only=True)
    spread = macro.groupby("half")["kappa"].agg(["min", "std"])
    macro = macro.groupby("half").mean()
    macro["kappa_min_repeat"], macro["kappa_sd"] = spread["min"], spread["std"]
    return per_frame, macro


def print_variant(variant: str, per_frame: pd.DataFrame, macro: pd.DataFrame) -> None:
    print(f"### {variant}\n")
    print(_md(macro.reset_index()))
    print()
    print(_md(per_frame.loc["all"].reset_index()))
    print(flush=True)


def run_nfc(repeats: int, variants: list[str]) -> dict:
    mat0 = fi.material()
    nfc = mat0.articles["dataset"].to_numpy() == "nfc"
    ids = mat0.articles["article_id"][nfc].tolist()
    part_of = {a: i % 2 for i, a in enumerate(ids)}
    outlet_of = dict(zip(mat0.articles["article_id"], mat0.articles["outlet"]))
    results = {}
    for variant in variants:
        tf.FEATURES = fi.tf.FEATURES = "distinct+shape|nfc" + ("" if variant == "base" else f"+{variant}")
        rows = fi.run(mat0, repeats, ("shipped", "all generic terms", fi.TERMS_NFC, fi.SHIPPED_NFC))
        rows = rows[(rows["method"] == fi.SHIPPED_NFC) & (rows["threshold"] == "kappa")]
        results[variant] = figures(rows, part_of, outlet_of)
        print_variant(variant, *results[variant])
    tf.FEATURES = "distinct+shape|nfc"
    return results


def run_kit(repeats: int) -> pd.DataFrame:
    articles, labels = tf.training_data()
    cv = tf.nested_cv(articles, labels, repeats=repeats,
                      feature_sets=(None, "distinct+shape|nfc+sv", "distinct+shape|nfc+sv|nfc"))
    table = tf.summary(cv, "kit")
    return table[table["frame"] == "macro mean"], table


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--part", default="both", choices=("nfc", "kit", "both"))
    ap.add_argument("--variants", default="base,sv,sv|nfc")
    args = ap.parse_args(argv)
    warnings.filterwarnings("ignore", message="The least populated class")
    if args.part in ("kit", "both"):
        macro, table = run_kit(args.repeats)
        print(f"## kit codings (37 articles), train_frames.nested_cv, {args.repeats} x 5-fold\n")
        print(_md(macro))
        print()
        print(_md(table))
    if args.part in ("nfc", "both"):
        print(f"\n## NFC development part (145), frames_ideas.run method {fi.SHIPPED_NFC!r}, {args.repeats} x 5-fold\n")
        run_nfc(args.repeats, args.variants.split(","))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

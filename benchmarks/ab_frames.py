"""Paired A/B timing of `framing.frame_scores`: an earlier commit's framing module and model against this tree's.

Usage: .venv/bin/python benchmarks/ab_frames.py [--base COMMIT] [--runs 6] [--copies 4] [--coding kit|nfc]
       [--base-lexicon]

`--base-lexicon` (session 9): the earlier commit's lexicons (frames.csv and the NFC cues) for its version
too, to time a lexicon change; without it both versions read this tree's lexicon files.

Both versions run in one process, interleaved (A, B, A, B ...), on the development corpus bodies
(../shared/corpus/reference.jsonl) repeated `--copies` times, each copy made distinct; the sentence split is
made once and shared (as in the pipeline), each version's match caches are cleared before each run, so every
run does the whole matching and scoring. Prints best and median ms per article of each version.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis import framing, text  # noqa: E402

sys.path.insert(0, str(ROOT / "benchmarks"))
import frames_base  # noqa: E402

BODIES = ROOT.parent / "shared" / "corpus" / "reference.jsonl"


def base_module(commit: str, workdir: Path, lexicon_too: bool = False):
    """The framing module (one file before session 11, a package since) and model file of `commit`, loaded beside
    this tree's, reading this tree's data files but the commit's model (`frames_base.py`); with `lexicon_too` the
    commit's own lexicon files too (frames.csv and the NFC cues)."""
    data = workdir / "data"
    data.mkdir()
    for path in framing.DATA.iterdir():
        (data / path.name).symlink_to(path)
    own = ["frame_model.csv"] + (["frames.csv", "frames_nfc_cues.csv"] if lexicon_too else [])
    for name in own:
        text = frames_base.git_show(ROOT, commit, f"analysis/data/{name}")
        if text is not None:
            (data / name).unlink()
            (data / name).write_text(text, encoding="utf-8")
    return frames_base.from_commit(ROOT, commit, data, workdir)


def articles(copies: int) -> pd.DataFrame:
    rows = [json.loads(line) for line in open(BODIES, encoding="utf-8") if line.strip()]
    base = pd.DataFrame({"article_id": [r["id"] for r in rows], "text": [r["body"] for r in rows]})
    arts = pd.concat([base] * copies, ignore_index=True)
    arts["text"] = arts["text"] + " (" + arts.index.astype(str) + ")"
    arts["article_id"] = arts["article_id"] + "-" + arts.index.astype(str)
    return arts


def timed(module, arts: pd.DataFrame, coding: str) -> float:
    module.compile_lexicon()._matches.clear()
    if "coding" in module.compile_lexicon.__code__.co_varnames:   # the lexicon per coding (2026-12-04)
        module.compile_lexicon(coding=coding)._matches.clear()
    for path in (getattr(module, "NFC_CUES_PATH", None),):   # the NFC coding's cue lexicon (2026-12-04)
        if path is not None:
            module.compile_lexicon(path)._matches.clear()
    start = time.process_time()
    module.frame_scores(arts, coding=coding)
    return 1000 * (time.process_time() - start) / len(arts)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", default="HEAD", help="the earlier commit (default HEAD: the committed version)")
    ap.add_argument("--runs", type=int, default=6)
    ap.add_argument("--copies", type=int, default=4)
    ap.add_argument("--coding", default="kit", help="frame_scores' coding convention (kit, nfc)")
    ap.add_argument("--base-lexicon", action="store_true", help="the base commit's own lexicon files for its version")
    args = ap.parse_args(argv)
    arts = articles(args.copies)
    for t in arts["text"]:
        text.sentence_table(t)   # the split is shared by every step in the pipeline: made once, outside the timing
    with tempfile.TemporaryDirectory() as tmp:
        old = base_module(args.base, Path(tmp), args.base_lexicon)
        versions = {f"{args.base}": old, "this tree": framing}
        for module in versions.values():
            module.frame_scores(arts.head(5), coding=args.coding)   # warm-up: compile the lexicons, load the model
        times: dict = {name: [] for name in versions}
        for _ in range(args.runs):
            for name, module in versions.items():
                times[name].append(timed(module, arts, args.coding))
    print(f"frame_scores, {len(arts)} articles ({args.copies} x {len(arts) // args.copies} development bodies), "
          f"coding={args.coding!r}, {args.runs} interleaved runs each, CPU ms/article:")
    for name, ts in times.items():
        print(f"  {name:>12}: best {min(ts):.3f}  median {statistics.median(ts):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

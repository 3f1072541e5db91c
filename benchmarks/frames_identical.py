"""Checks that this tree's `framing` tables equal an earlier tree's (speed work: outputs identical).

Usage: .venv/bin/python benchmarks/frames_identical.py [--base /work/wt/base9]

Loads the framing module of the checkout `--base` (its own lexicon, cue lexicon and model files) beside
this tree's and compares, on the development corpus bodies (../shared/corpus/reference.jsonl) and the
Narrative Frames Corpus development texts (../shared/external/narrative-frames-dev.jsonl), plus each body
with its paragraphs joined by single newlines and upper-cased (other white space and case paths):
frame_scores (codings kit and nfc, by article, paragraph and sentence), frame_matches and
frame_questions (the kit's lexicon and the NFC cue lexicon), `nfc_cue_counts`. Prints each table's
verdict; exit status 1 when one differs.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis import framing  # noqa: E402

sys.path.insert(0, str(ROOT / "benchmarks"))
import frames_base  # noqa: E402

SHARED = ROOT.parent / "shared"


def base_framing(base: Path):
    """The framing module (`analysis/framing.py`, or the package `analysis/framing/` since session 11) of checkout
    `base`, reading that checkout's data files (`frames_base.py`)."""
    return frames_base.from_checkout(base, Path(tempfile.mkdtemp(prefix="framing_base")))


def corpus() -> pd.DataFrame:
    bodies = [json.loads(x) for x in open(SHARED / "corpus" / "reference.jsonl", encoding="utf-8") if x.strip()]
    nfc = [json.loads(x) for x in open(SHARED / "external" / "narrative-frames-dev.jsonl", encoding="utf-8")
           if x.strip()]
    ids = [r["id"] for r in bodies] + ["nfc-" + r["id"] for r in nfc]
    texts = [r["body"] for r in bodies] + [r["text"] for r in nfc]
    variants = [t.replace("\n\n", "\n").upper() for t in texts]
    return pd.DataFrame({"article_id": ids + [i + "-v" for i in ids], "text": texts + variants})


def tables(module, arts: pd.DataFrame) -> dict:
    """Every table, each made with empty match caches (so that each path of the matching runs)."""
    cues = module.NFC_CUES_PATH
    calls = {f"frame_scores {coding} {by}": (module.frame_scores, {"by": by, "coding": coding})
             for coding in ("kit", "nfc") for by in ("article", "paragraph", "sentence")}
    calls.update({"frame_matches": (module.frame_matches, {}),
                  "frame_matches cues": (module.frame_matches, {"lexicon": cues}),
                  "frame_questions": (module.frame_questions, {}),
                  "frame_questions cues": (module.frame_questions, {"lexicon": cues})})
    out = {}
    for name, (function, kwargs) in calls.items():
        for path in (None, cues):
            module.compile_lexicon(path)._matches.clear()
        out[name] = function(arts, **kwargs)
    for path in (None, cues):
        module.compile_lexicon(path)._matches.clear()
    out["nfc_cue_counts"] = pd.DataFrame({"counts": [repr(module.nfc_cue_counts(t)) for t in arts["text"]]})
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", default="/work/wt/base9", help="a checkout of the earlier tree")
    args = ap.parse_args(argv)
    arts = corpus()
    old, new = tables(base_framing(Path(args.base)), arts), tables(framing, arts)
    bad = 0
    for name, table in old.items():
        same = table.equals(new[name]) and list(table.dtypes) == list(new[name].dtypes)
        bad += not same
        print(f"{name:>26}: {len(table):>7} rows  {'identical' if same else 'DIFFERENT'}")
    print(f"{len(arts)} texts; {'all identical' if not bad else f'{bad} tables differ'}")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())

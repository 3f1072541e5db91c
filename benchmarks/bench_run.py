"""Paired A/B of a whole `run_corpus` in one process: CPU ms an article, per worker step.

    .venv/bin/python benchmarks/bench_run.py BASE_ROOT CORPUS [--rounds 3]

Runs `run_corpus(CORPUS, jobs=1, restart=True)` (the chunks computed in this process, as a
worker computes them) alternately with the checkout at BASE_ROOT (A) and this one (B), each in a
fresh process, and prints each round's whole-process CPU time and the run's own step timings
(`cpu_seconds` of its summary: load, which includes the page keys, each table, write) per article,
then the best of the rounds. CPU time (`time.process_time`), so the machine's load matters less.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_ONE_RUN = r'''
import json, sys, time, warnings
sys.path.insert(0, sys.argv[1])
warnings.simplefilter("ignore")
import analysis
assert analysis.__file__.startswith(sys.argv[1]), analysis.__file__
from analysis.pipeline import run_corpus
c0 = time.process_time()
s = run_corpus(sys.argv[2], sys.argv[3], jobs=1, progress=False, restart=True, echo=lambda m: None)
n = max(1, s["articles"])
print(json.dumps({"cpu": 1000 * (time.process_time() - c0) / n,
                  "steps": {k: 1000 * v / n for k, v in s["cpu_seconds"].items()}}))
'''


def one_run(root: Path, corpus: str, out: str) -> dict:
    proc = subprocess.run([sys.executable, "-c", _ONE_RUN, str(root), corpus, out], capture_output=True,
                          text=True, env=dict(os.environ, PYTHONPATH=str(root)), cwd=root, timeout=7200)
    if proc.returncode:
        raise SystemExit(f"run in {root} failed:\n{proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("base", type=Path)
    ap.add_argument("corpus")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    runs: dict[str, list[dict]] = {"A": [], "B": []}
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(args.rounds):
            for side, root in (("A", args.base.resolve()), ("B", ROOT)):
                r = one_run(root, os.path.abspath(args.corpus), str(Path(tmp) / side))
                runs[side].append(r)
                print(side, f"{r['cpu']:.2f} ms process,", ", ".join(
                    f"{k} {v:.2f}" for k, v in sorted(r["steps"].items(), key=lambda kv: -kv[1])[:4]), flush=True)
    for side, rs in runs.items():
        print(f"{side} best of {args.rounds}: process {min(r['cpu'] for r in rs):.2f}, worker steps "
              f"{min(sum(r['steps'].values()) for r in rs):.2f}, load {min(r['steps'].get('load', 0) for r in rs):.2f}, "
              f"write {min(r['steps'].get('write', 0) for r in rs):.2f} ms an article")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Every table of the whole pipeline, byte for byte, before and after a speed change.

    python benchmarks/check_tables.py save ROOT OUT.pkl [CORPUS ...]
    python benchmarks/check_tables.py compare A.pkl B.pkl

`save` imports `analysis` from the checkout at ROOT (e.g. `git archive HEAD | tar -x -C /tmp/base`)
and records every table `analysis.analyze(load_articles(X), jobs=1)` gives (as its CSV text and as
the DataFrame) for the seed, the development pages (../shared/corpus/pages: 111 text dumps and
their saved HTML) and each extra CORPUS folder (e.g. 300 pages made by benchmarks/make_corpus.py);
plus every table `run_corpus` writes for the first extra corpus with a 2-worker pool (the streamed
path: Parquet written by workers, assembled by the main process, CSV text compared byte for byte).
`compare` names every table and column that differs; exit status 1 if any does.
"""
from __future__ import annotations

import os
import pickle
import sys
import tempfile
import warnings
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def _analyze(name: str, folder: str) -> dict:
    from analysis import analyze, load_articles

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tables = analyze(load_articles(folder, jobs=1), jobs=1)
    out = {}
    for table, frame in tables.items():
        out[f"{name}:{table}"] = frame
        out[f"{name}:{table}:csv"] = frame.to_csv(index=False)
    return out


def _run(name: str, folder: str) -> dict:
    import pandas as pd

    from analysis.pipeline import TABLE_NAMES, run_corpus

    out = {}
    with tempfile.TemporaryDirectory() as tmp, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        run_corpus(folder, Path(tmp) / "t", jobs=2, chunk_size=100, progress=False, echo=lambda m: None)
        for table in TABLE_NAMES:
            out[f"run {name}:{table}"] = pd.read_parquet(Path(tmp) / "t" / f"{table}.parquet")
            out[f"run {name}:{table}:csv"] = (Path(tmp) / "t" / f"{table}.csv").read_text(encoding="utf-8")
    return out


def save(root: str, out_path: str, corpora: list[str]) -> None:
    out_path = os.path.abspath(out_path)
    corpora = [os.path.abspath(c) for c in corpora]
    sys.path.insert(0, str(Path(root).resolve()))
    import analysis

    assert Path(analysis.__file__).resolve().is_relative_to(Path(root).resolve()), analysis.__file__
    os.chdir(root)   # the seed's `path` column reads "seeds/..." whichever checkout made it
    snap: dict = {}
    snap.update(_analyze("seeds", "seeds"))
    snap.update(_analyze("pages", str(SHARED / "corpus" / "pages")))
    for corpus in corpora:
        snap.update(_analyze(Path(corpus).name, corpus))
    if corpora:
        snap.update(_run(Path(corpora[0]).name, corpora[0]))
    with open(out_path, "wb") as fh:
        pickle.dump(snap, fh)
    print(f"saved {len(snap)} tables to {out_path}")


def table_differences(key: str, fa, fb) -> list[str]:
    """What differs between two snapshots of one table (or CSV text): shape, attrs, dtypes, values."""
    if isinstance(fa, str) or isinstance(fb, str):
        return [] if fa == fb else [f"{key}: CSV text differs"]
    if list(fa.columns) != list(fb.columns) or len(fa) != len(fb):
        return [f"{key}: columns or rows differ ({fa.shape} vs {fb.shape})"]
    out = [] if fa.attrs == fb.attrs else [f"{key}: attrs differ"]
    for col in fa.columns:
        if fa[col].dtype != fb[col].dtype:
            out.append(f"{key}: column {col} dtype {fa[col].dtype} vs {fb[col].dtype}")
        elif not fa[col].equals(fb[col]):
            rows = (fa[col].astype(str) != fb[col].astype(str)).sum()
            out.append(f"{key}: column {col} differs in {rows} rows")
    return out


def compare(a_path: str, b_path: str) -> int:
    with open(a_path, "rb") as fh:
        a = pickle.load(fh)
    with open(b_path, "rb") as fh:
        b = pickle.load(fh)
    problems = []
    for key in sorted(set(a) | set(b)):
        if key not in a or key not in b:
            problems.append(f"{key}: only in one snapshot")
        else:
            problems += table_differences(key, a[key], b[key])
    rows = sum(len(v) for k, v in a.items() if not isinstance(v, str))
    print("\n".join(problems) if problems else
          f"identical: {len(a)} tables and CSV texts ({rows:,} rows)")
    return 1 if problems else 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["save"]:
        save(sys.argv[2], sys.argv[3], sys.argv[4:])
    elif sys.argv[1:2] == ["compare"]:
        sys.exit(compare(sys.argv[2], sys.argv[3]))
    else:
        sys.exit(__doc__)

"""Snapshot every output of loading and metadata, to check a refactoring changes no byte.

    python benchmarks/snapshot_outputs.py save ROOT OUT.pkl [CORPUS ...]
    python benchmarks/snapshot_outputs.py compare A.pkl B.pkl

`save` imports `analysis` from the checkout at ROOT (e.g. `git archive 1fb34b1 | tar -x -C /tmp/base`)
and records: `load_articles` (every column) and `removed_lines` of the seed, the development pages
(../shared/corpus/pages) and each extra CORPUS folder (e.g. one made by benchmarks/make_corpus.py);
`metadata.from_dump` / `from_html` and `clean.clean_dump` of every page of ../shared/corpus/pages and
../shared/external/readability-pages. `compare` names every table and column that differs.
"""
from __future__ import annotations

import gzip
import os
import pickle
import sys
import warnings
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
PAGE_DIRS = [SHARED / "corpus" / "pages", SHARED / "external" / "readability-pages"]


def _load_tables(name: str, folder: str) -> dict:
    from analysis import load_articles, removed_lines

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        frame = load_articles(folder, jobs=1)
    return {f"load:{name}": frame, f"removed:{name}": removed_lines(frame)}


def _page_outputs(folder: Path) -> dict:
    from analysis import clean, metadata

    out = {}
    for txt in sorted(folder.glob("*.txt")):
        raw = txt.read_text(encoding="utf-8", errors="replace")
        meta = metadata.from_dump(raw)
        out[f"dump:{txt.name}"] = meta
        out[f"clean:{txt.name}"] = clean.clean_dump(raw, skip=meta["lines"])
    for page in sorted(folder.glob("*.html.gz")):
        with gzip.open(page, "rt", encoding="utf-8", errors="replace") as fh:
            out[f"html:{page.name}"] = metadata.from_html(fh.read())
    return out


def save(root: str, out_path: str, corpora: list[str]) -> None:
    out_path = os.path.abspath(out_path)
    corpora = [os.path.abspath(c) for c in corpora]
    sys.path.insert(0, str(Path(root).resolve()))
    import analysis

    assert Path(analysis.__file__).resolve().is_relative_to(Path(root).resolve()), analysis.__file__
    snap: dict = {}
    os.chdir(root)   # the seed's `path` column reads "seeds/..." whichever checkout made it
    snap.update(_load_tables("seeds", "seeds"))
    snap.update(_load_tables("pages", str(PAGE_DIRS[0])))
    for corpus in corpora:
        snap.update(_load_tables(Path(corpus).name, corpus))
    pages: dict = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for folder in PAGE_DIRS:
            pages.update(_page_outputs(folder))
    snap["pages"] = pages
    with open(out_path, "wb") as fh:
        pickle.dump(snap, fh)
    print(f"saved {len(snap) - 1} tables and {len(pages)} page outputs to {out_path}")


def compare(a_path: str, b_path: str) -> int:
    from check_tables import table_differences  # the same comparison as the pipeline-level check

    with open(a_path, "rb") as fh:
        a = pickle.load(fh)
    with open(b_path, "rb") as fh:
        b = pickle.load(fh)
    problems = []
    for key in sorted(set(a) | set(b)):
        if key == "pages":
            continue
        fa, fb = a.get(key), b.get(key)
        if fa is None or fb is None:
            problems.append(f"{key}: only in one snapshot")
            continue
        problems += table_differences(key, fa, fb)
    pa, pb = a["pages"], b["pages"]
    diff_pages = [k for k in sorted(set(pa) | set(pb)) if pa.get(k) != pb.get(k)]
    problems += [f"page output differs: {k}" for k in diff_pages[:40]]
    if len(diff_pages) > 40:
        problems.append(f"... {len(diff_pages) - 40} more page outputs differ")
    n_tables = len([k for k in a if k != "pages"])
    print("\n".join(problems) if problems else
          f"identical: {n_tables} tables, {len(pa)} page outputs")
    return 1 if problems else 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["save"]:
        save(sys.argv[2], sys.argv[3], sys.argv[4:])
    elif sys.argv[1:2] == ["compare"]:
        sys.exit(compare(sys.argv[2], sys.argv[3]))
    else:
        sys.exit(__doc__)

"""The same per-article tables on Dask: corpora beyond one machine (or one machine's memory).

`run(source)` computes every table of `analysis.pipeline.PRODUCERS` with the very functions the
pandas path uses, one Dask task per partition, and returns the same tables:

- `source` a Dask DataFrame of loaded articles (needs `article_id` and `text`), or a Parquet
  file/folder of them (e.g. `DIR/tables/articles.parquet` from a run, read with
  `dask.dataframe.read_parquet`): one task per partition, producers only;
- `source` article files (folder, glob, list; `.txt`, `.html`, `.jsonl`, `.json`, `.csv`, `.gz`):
  a bag of chunks of `files_per_partition` files (never mixing folders), each task loads its
  chunk with `load_articles` and computes every table. Big JSONL corpora: split them into
  several files (one file is read by one task).

With `compute=True` (default) the result is a dict of pandas DataFrames, rows in partition order,
identical to `analysis.analyze(...)` on the same articles (the same page in different
partitions is kept once and repeated ids get `-2`, `-3` ... as if loaded together). With
`compute=False` it is a dict of lazy Dask DataFrames sharing one graph (compute them together, e.g.
`dask.compute(*tables.values())`, or persist them); ids are then not de-duplicated across
partitions. Uses the active `distributed.Client` if there is one (or `scheduler=`).
"""
from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd

from analysis.pipeline import (DEFAULT_CHUNK_SIZE, TABLE_NAMES, PipelineWarning, Problems,
                               compute_tables, concat_tables, dedupe_parts, load_paths,
                               page_keys_frame, plan_chunks)
from analysis.producers import with_corpus_passes

__all__ = ["run", "tables_of_partition", "tables_of_files"]


def tables_of_partition(articles: pd.DataFrame) -> tuple[dict[str, pd.DataFrame], list[str]]:
    """Every table for one partition of loaded articles, and the problems met (one line each)."""
    problems = Problems()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return compute_tables(articles, problems=problems), problems.lines


def tables_of_files(paths: list[str]) -> tuple[dict[str, pd.DataFrame], list[str]]:
    """Load one chunk of files and compute every table; problems name the file."""
    from analysis.load import LoadWarning

    problems = Problems()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        articles = load_paths([Path(p) for p in paths], problems)
        tables = compute_tables(articles, problems=problems)
        tables["_page_keys"] = page_keys_frame(articles)   # the same page in two partitions: once
    lines = [str(w.message) for w in caught if issubclass(w.category, LoadWarning)] + problems.lines
    return tables, list(dict.fromkeys(lines))


def _is_parquet(source) -> bool:
    if isinstance(source, (list, tuple)):
        return bool(source) and all(_is_parquet(s) for s in source)
    p = Path(str(source))
    if p.suffix == ".parquet" or str(source).endswith(".parquet"):
        return True
    return p.is_dir() and any(p.glob("*.parquet")) and not any(p.glob("*.txt"))


def _dedupe_across(parts: list[dict[str, pd.DataFrame]]) -> list[str]:
    """The same page in different partitions kept once, ids unique, as when loaded together
    (`analysis.pipeline.dedupe_parts`); returns the messages naming each pair."""
    ids = [t["articles"]["article_id"].tolist() if "article_id" in t["articles"] else [] for t in parts]
    keys = [t.pop("_page_keys", None) for t in parts]
    keys = [k if k is not None else page_keys_frame(t["articles"]) for k, t in zip(keys, parts)]
    decided = dedupe_parts(keys, ids)
    for tables, remap, drop in zip(parts, decided.remaps, decided.drops):
        if not (remap or drop):
            continue
        for name, table in tables.items():
            if "article_id" in table and len(table):
                if drop:
                    table = table[~table["article_id"].isin(drop)].reset_index(drop=True)
                table["article_id"] = table["article_id"].map(lambda v: remap.get(v, v))
                tables[name] = table
    return decided.messages


def run(source, files_per_partition: int = DEFAULT_CHUNK_SIZE, compute: bool = True,
        scheduler=None, warn: bool = True) -> dict:
    """Every table for `source` on Dask: {"articles", "paragraphs", ..., "tone"} (see module doc).

    `files_per_partition`: files per task when `source` is article files. `compute`: pandas
    tables (True) or lazy Dask DataFrames (False). `scheduler`: passed to `dask.compute`
    (default: the active distributed Client, else Dask's default). Problems are re-issued as
    warnings naming the file or article (`warn=False`: not).
    """
    import dask
    import dask.dataframe as dd

    # strings as pandas itself reads them (`str`), not Dask's `string[pyarrow]`, so that the tables
    # are the pandas path's exactly
    with dask.config.set({"dataframe.convert-string": False}):
        return _run(source, files_per_partition, compute, scheduler, warn)


def _run(source, files_per_partition, compute, scheduler, warn) -> dict:
    import dask
    import dask.dataframe as dd

    if isinstance(source, dd.DataFrame):
        ddf = source
    elif _is_parquet(source):
        ddf = dd.read_parquet([str(s) for s in source] if isinstance(source, (list, tuple)) else str(source))
    else:
        ddf = None
    if ddf is not None:
        missing = {"article_id", "text"} - set(ddf.columns)
        if missing:
            raise ValueError(f"articles need columns {sorted(missing)} (load them with analysis.load_articles)")
        parts = [dask.delayed(tables_of_partition)(p) for p in ddf.to_delayed()]
    else:
        from analysis.load import find_files

        chunks = plan_chunks(find_files(source), files_per_partition)
        parts = [dask.delayed(tables_of_files)([str(p) for p in c]) for c in chunks]
        if not parts:
            parts = [dask.delayed(tables_of_files)([])]

    if not compute:
        first = parts[0].compute(scheduler=scheduler)[0]
        out = {}
        for name in TABLE_NAMES:
            meta = first[name].iloc[:0]
            pieces = [dask.delayed(lambda r, n=name: r[0][n])(p) for p in parts]
            out[name] = dd.from_delayed(pieces, meta=meta, verify_meta=False)
        return out

    results = dask.compute(*parts, scheduler=scheduler)
    tables_list = [r[0] for r in results]
    messages = _dedupe_across(tables_list)
    if warn:
        for _, problems in results:
            for line in problems:
                warnings.warn(line, PipelineWarning, stacklevel=2)
        for line in messages:
            warnings.warn(line, PipelineWarning, stacklevel=2)
    return with_corpus_passes({name: concat_tables([t[name] for t in tables_list]) for name in TABLE_NAMES})

"""Every table for a corpus, computed once: the kit's public entry points.

- `analyze(articles, jobs=None)`: every table for an already loaded articles frame, in memory,
  over a process pool (chunks of articles; output identical to `jobs=1`), from any caller: a
  script with or without a main guard, `python -c`, `python -`, a Jupyter kernel.
- `run_corpus(source, tables_dir)`: load + analyze a whole corpus in resumable chunks of files,
  streamed to disk (`analysis.corpus_run`); what `python -m analysis run` calls.
- `tables(corpus, tables_dir)`: the lazy mapping notebooks use (`analysis.lazy_tables`).

The producers and one chunk's computation are in `analysis.producers`, the worker processes in
`analysis.workers`; their public names are importable from here too. Details, measured speed and
the Dask variant: docs/scale.md.
"""
from __future__ import annotations

import warnings
from typing import NamedTuple

import pandas as pd

from analysis.corpus_run import (DEFAULT_CHUNK_SIZE, MAX_PRINTED_WARNINGS, PartDedupe, RunError,
                                 code_fingerprint, dedupe_parts, load_paths, output_lock,
                                 page_keys_frame, plan_chunks, run_corpus)
from analysis.inputs import ARTICLES, takes
from analysis.lazy_tables import Tables, tables
from analysis.producers import (DEFAULT_ARTICLE_SECONDS, FAILURE_COLUMNS, FAILURES, PRODUCERS,
                                TABLE_NAMES, Failure, PipelineWarning, Problems, compute_tables,
                                concat_tables, failures_table, produce, producer, warning_lines,
                                with_corpus_passes)
from analysis.workers import (WORKERS_UNAVAILABLE, default_jobs, pool_results, progress_bar,
                              resolve_jobs, warm)

__all__ = ["analyze", "run_corpus", "tables", "Tables", "compute_tables", "concat_tables",
           "failures_table", "plan_chunks", "code_fingerprint", "dedupe_parts", "page_keys_frame",
           "load_paths", "output_lock", "default_jobs", "warm", "produce", "producer", "Failure",
           "Problems", "PartDedupe", "PipelineWarning", "RunError", "PRODUCERS", "TABLE_NAMES",
           "FAILURES", "FAILURE_COLUMNS", "DEFAULT_ARTICLE_SECONDS", "DEFAULT_CHUNK_SIZE",
           "DEFAULT_ARTICLE_CHUNK", "MAX_PRINTED_WARNINGS"]

_producer = producer       # the names of earlier versions (benchmarks and scripts use them)
_load_paths = load_paths

DEFAULT_ARTICLE_CHUNK = 200     # articles per chunk in `analyze`


class ChunkTask(NamedTuple):
    """One chunk of `analyze`: its articles, the tables to compute, the time budget per article."""

    articles: pd.DataFrame
    names: list[str]
    article_seconds: float | None


class ChunkResult(NamedTuple):
    """What one chunk of `analyze` gives back: its tables and the warning lines it met."""

    tables: dict[str, pd.DataFrame]
    lines: list[str]


def _analyze_chunk(task: ChunkTask) -> ChunkResult:
    problems = Problems(article_seconds=task.article_seconds)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        computed = compute_tables(task.articles, task.names, problems=problems)
    return ChunkResult(computed, problems.lines + warning_lines(caught))


def _chunk_results(tasks: list[ChunkTask], jobs: int, bar) -> list[ChunkResult]:
    """Every chunk's result, in order: over a pool of `jobs` workers, or in this process when
    `jobs` is 1, when there is one chunk, or when worker processes cannot run here (then one
    warning line says so, and the chunks the pool did not finish are computed here)."""
    results: list[ChunkResult | None] = [None] * len(tasks)
    if jobs > 1 and len(tasks) > 1:
        try:
            for i, result in pool_results(_analyze_chunk, tasks, jobs):
                results[i] = result
                bar.update(len(tasks[i].articles))
        except WORKERS_UNAVAILABLE as exc:
            warnings.warn(f"analyze: worker processes cannot run here ({type(exc).__name__}: "
                          f"{str(exc)[:160]}); computing in this process instead", PipelineWarning,
                          stacklevel=4)   # analyze's caller (past `takes`)
    for i, task in enumerate(tasks):
        if results[i] is None:
            results[i] = _analyze_chunk(task)
            bar.update(len(task.articles))
    return results


@takes(ARTICLES)
def analyze(articles: pd.DataFrame, jobs: int | None = None, chunk_size: int | None = None,
            progress: bool = False,
            article_seconds: float | None = DEFAULT_ARTICLE_SECONDS) -> dict[str, pd.DataFrame]:
    """Every table for loaded articles: {"articles", "paragraphs", "removed", "quotes", ..., "failures"}.

    Runs each producer of PRODUCERS on chunks of `chunk_size` articles (default 200) over a process
    pool of `jobs` workers (default: all cores; 1: no pool) and concatenates the chunks in input
    order, so the result is identical whatever `jobs` is. Needs `article_id` and `text` columns
    (plus `raw`/`removed_lines` for the `removed` table, as `load_articles` gives). Producer
    failures never raise: the article is left out of that table, listed in the `failures` table
    and named in a PipelineWarning. `article_seconds`: time budget of one producer on one article
    (None: no limit); an article over it is a failure like any other. Works from any caller
    (the workers never import the caller's script); where worker processes cannot run at all it
    computes in this process, with one PipelineWarning saying so.
    """
    jobs = resolve_jobs(jobs)
    articles = articles.reset_index(drop=True)
    size = max(1, int(chunk_size or DEFAULT_ARTICLE_CHUNK))
    names = list(PRODUCERS)
    bare = articles.copy(deep=False)   # chunks without `attrs`: pandas would deep-copy the whole
    bare.attrs = {}                    # corpus's page keys into each chunk, and pickle them
    chunks = [bare.iloc[i:i + size] for i in range(0, len(bare), size)] or [bare]
    bar = progress_bar(len(articles), "analyze", "article", progress)
    results = _chunk_results([ChunkTask(chunk, names, article_seconds) for chunk in chunks], jobs, bar)
    bar.close()
    out = {"articles": articles}
    for name in [*names, FAILURES]:
        out[name] = concat_tables([result.tables[name] for result in results])
    with_corpus_passes(out)          # corpus-level rules over all chunks (attributions' source types)
    for result in results:
        for line in result.lines:
            warnings.warn(line, PipelineWarning, stacklevel=3)  # analyze's caller (past `takes`)
    return out

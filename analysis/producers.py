"""The table producers, and every table for one chunk of articles in this process.

- `PRODUCERS`: table name -> "module:function" taking the articles frame and returning that table.
- `compute_tables(articles)`: every table for `articles` here and now; a producer that fails on an
  article leaves that article out of its table only (a `Failure` row in the `failures` table).
- `concat_tables(parts)`: chunks' tables concatenated as one call on all articles would give them.

`analysis.pipeline` runs this over a process pool (`analyze`) or over files streamed to disk
(`run_corpus`, in `analysis.corpus_run`); `analysis.lazy_tables` one table at a time.
"""
from __future__ import annotations

import importlib
import os
import time
from typing import NamedTuple

import pandas as pd

from analysis.inputs import missing_columns, needs
from analysis.resources import fewer_collections
from analysis.timelimit import TimeBudgetExceeded, time_limit

PRODUCERS = {
    "paragraphs": "analysis.load:paragraphs",
    "removed": "analysis.load:removed_lines",
    "quotes": "analysis.quotes:find_quotes",
    "quote_share": "analysis.quotes:quote_share",
    "attributions": "analysis.sourcing:attributions",
    "readability": "analysis.readability:scores",
    "frames": "analysis.framing:frame_scores",
    "frame_matches": "analysis.framing:frame_matches",
    "tone": "analysis.framing:tone",
}
# passes over a whole corpus's table once its chunks are concatenated, so that a table does not depend
# on how the corpus was cut into chunks: modules, applied in order, each with `summarise(chunk)` (what a
# chunk says, a small table, from the columns `LEARN_COLUMNS`), `learn(summaries)` (what all chunks say
# together) and `apply(table, learnt=None)` (learnt None: learn from `table` itself)
CORPUS_PASSES = {
    "attributions": ("analysis.sourcing.corpus_types",    # people an article only names, typed from the corpus
                     "analysis.sourcing.corpus_gender"),  # people an article gives no gender, from the corpus
}
FAILURES = "failures"            # the table of (article, producer) pairs left out, see `Failure`
TABLE_NAMES = ("articles", *PRODUCERS, FAILURES)


# seconds one producer may spend on one article before the article is reported in `failures`
# (generous: the slowest real article takes well under a second); ANALYSIS_ARTICLE_SECONDS overrides
DEFAULT_ARTICLE_SECONDS = float(os.environ.get("ANALYSIS_ARTICLE_SECONDS", "120"))

class PipelineWarning(UserWarning):
    """A producer failed on some articles (they are left out of that table) or a table was odd."""


class Failure(NamedTuple):
    """One article a producer could not handle (a row of the `failures` table, docs/columns.md)."""

    article_id: str | None   # None when the file could not be loaded at all
    path: str | None
    producer: str            # the table it is missing from (a key of PRODUCERS), or "load"
    exception: str           # the exception's type, e.g. "KeyError", "TimeBudgetExceeded"
    message: str


FAILURE_COLUMNS = list(Failure._fields)


def failures_table(failures: list[Failure]) -> pd.DataFrame:
    """The `failures` table: one row per (article, producer) left out, in the order met."""
    return pd.DataFrame(failures, columns=FAILURE_COLUMNS).astype(object)


class Problems:
    """What one computation met: warning lines (printed) and failures (the `failures` table)."""

    __slots__ = ("lines", "failures", "article_seconds")

    def __init__(self, lines: list[str] | None = None, article_seconds: float | None = DEFAULT_ARTICLE_SECONDS):
        self.lines = [] if lines is None else lines
        self.failures: list[Failure] = []
        self.article_seconds = article_seconds

    def fail(self, articles: pd.DataFrame, i: int, name: str, exc: BaseException) -> None:
        """Article `i` of `articles` is left out of table `name`: one failure row, one warning line."""
        aid = str(articles["article_id"].iat[i]) if "article_id" in articles else str(i)
        path = articles["path"].iat[i] if "path" in articles else None
        path = path if isinstance(path, str) and path else None
        kind, message = _describe(exc, self.article_seconds)
        self.failures.append(Failure(aid, path, name, kind, message))
        where = f"{path} (article {aid})" if path else f"article {aid}"
        self.lines.append(f"{where}: {name} failed ({kind}: {message}); left out of that table")

    def unloadable(self, path, exc: Exception) -> None:
        kind, message = _describe(exc, self.article_seconds)
        self.failures.append(Failure(None, str(path), "load", kind, message))
        self.lines.append(f"{path}: could not be loaded ({kind}: {message}); skipped")


def _describe(exc: BaseException, article_seconds) -> tuple[str, str]:
    if isinstance(exc, TimeBudgetExceeded):
        return type(exc).__name__, (f"took longer than the time budget of {article_seconds:g} s per "
                                    "article (article_seconds=, or ANALYSIS_ARTICLE_SECONDS)")
    return type(exc).__name__, str(exc)


def producer(name: str):
    """The function that computes table `name` (imported on first use)."""
    module, attr = PRODUCERS[name].split(":")
    return getattr(importlib.import_module(module), attr)


def corpus_passes(name: str) -> tuple:
    """The corpus pass modules of table `name`, in the order they apply (see CORPUS_PASSES); () for none."""
    return tuple(importlib.import_module(module) for module in CORPUS_PASSES.get(name, ()))


def with_corpus_passes(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """`tables` (a whole corpus's, chunks concatenated) with each table's corpus passes applied."""
    for name in CORPUS_PASSES:
        if name in tables and len(tables[name]):
            for module in corpus_passes(name):
                tables[name] = module.apply(tables[name])
    return tables


def _empty_table(func, articles: pd.DataFrame) -> pd.DataFrame:
    """The producer's table with no rows (its columns), giving it the declared columns it lacks."""
    frame = articles.iloc[:0]
    frame = frame.assign(**{c: pd.Series([], dtype=object) for c in missing_columns(needs(func), frame)})
    try:
        return func(frame).iloc[:0].reset_index(drop=True)
    except Exception:  # noqa: BLE001 - no columns known: an empty frame
        return pd.DataFrame()


def produce(name: str, articles: pd.DataFrame, problems: Problems) -> pd.DataFrame:
    """One table for `articles`. If the producer fails (or runs out of time) on the chunk, it runs
    again article by article, each with the full time budget; articles that still fail are left
    out of this table only (`problems.fail`)."""
    try:
        func = producer(name)
    except (ImportError, AttributeError) as exc:  # a broken install must not lose the other tables
        problems.lines.append(f"table {name!r} not computed: {PRODUCERS[name]} unavailable ({exc})")
        return pd.DataFrame()
    spec = needs(func)
    missing = missing_columns(spec, articles)
    if missing:  # e.g. `raw` for `removed`, on articles not loaded from files
        problems.lines.append(f"table {name!r} not computed: the articles have no "
                              f"{', '.join(map(repr, missing))} column; {spec.how} gives it")
        return _empty_table(func, articles)
    try:
        with time_limit(problems.article_seconds):  # a chunk gets one article's budget, then ...
            return func(articles).reset_index(drop=True)
    except ImportError as exc:  # a missing module fails every article alike: say it once
        problems.lines.append(f"table {name!r} not computed: {type(exc).__name__}: {exc}")
        return _empty_table(func, articles)
    except (Exception, TimeBudgetExceeded) as exc:
        return _per_article(name, func, articles, problems, exc)


def _per_article(name, func, articles: pd.DataFrame, problems: Problems, exc: BaseException) -> pd.DataFrame:
    """After a producer failed on a chunk: run it article by article, leaving out the failures."""
    if len(articles) <= 1:
        if len(articles):
            problems.fail(articles, 0, name, exc)
        return _empty_table(func, articles)
    parts = []
    for i in range(len(articles)):
        try:
            with time_limit(problems.article_seconds):
                parts.append(func(articles.iloc[i:i + 1]))
        except (Exception, TimeBudgetExceeded) as err:
            problems.fail(articles, i, name, err)
    return concat_tables(parts) if parts else _empty_table(func, articles)


# the columns every producer reads row by row: held as Python strings once, not once per producer
SHARED_STRING_COLUMNS = ("article_id", "text")


def _plain_strings(bare: pd.DataFrame) -> None:
    """`bare`'s SHARED_STRING_COLUMNS of pandas' `str` type as object columns of the same Python
    strings: iterating a `str` column makes a new Python string per value on every pass (about 5
    us an article per column and producer), and a new string is hashed again by every cache keyed
    by the text; an object column hands out the same objects to every producer."""
    for col in SHARED_STRING_COLUMNS:
        if col in bare.columns and isinstance(bare[col].dtype, pd.StringDtype):
            bare[col] = pd.Series(bare[col].to_numpy(dtype=object), index=bare.index, dtype=object)


@fewer_collections
def compute_tables(articles: pd.DataFrame, names=None, timings: dict | None = None,
                   problems: Problems | None = None) -> dict[str, pd.DataFrame]:
    """Every table (`names`, default all of PRODUCERS) and `failures` for `articles`, in this process.

    `timings` (if given) accumulates CPU seconds per table; `problems` (a `Problems`) carries the
    time budget per article and collects a warning line and a `Failure` for each article a producer
    failed on (the article is then missing from that table only).
    """
    problems = Problems() if problems is None else problems
    articles = articles.reset_index(drop=True)
    out = {"articles": articles}
    # the producers read a shallow copy without `attrs` (the loader's page keys and file notes):
    # pandas deep-copies `attrs` into every column a producer reads (1 ms an article here)
    bare = articles.copy(deep=False)
    bare.attrs = {}
    _plain_strings(bare)
    for name in names or PRODUCERS:
        t0 = time.process_time()
        out[name] = produce(name, bare, problems)
        if timings is not None:
            timings[name] = timings.get(name, 0.0) + time.process_time() - t0
    out[FAILURES] = failures_table(problems.failures)
    return out


def _fill_dtype(dtypes: set):
    """The one dtype that can hold missing values among `dtypes` (else None)."""
    if len(dtypes) != 1:
        return None
    dtype = next(iter(dtypes))
    if isinstance(dtype, pd.api.extensions.ExtensionDtype) or dtype.kind in "fcmM":
        return dtype
    return None


def _harmonise(parts: list[pd.DataFrame]) -> list[pd.DataFrame]:
    """A column that is all-missing (object) in some parts takes the type it has in the others,
    so that concatenating chunks gives the types one call on all articles would give."""
    columns = parts[0].columns
    if any(not p.columns.equals(columns) for p in parts[1:]):
        return parts
    fixed = [p for p in parts]
    for col in columns:
        dtypes = [p[col].dtype for p in parts]
        if all(d == dtypes[0] for d in dtypes):
            continue
        blank = [d == object and p[col].isna().all() for p, d in zip(parts, dtypes)]
        target = _fill_dtype({d for d, b in zip(dtypes, blank) if not b})
        if target is None or not any(blank):
            continue
        for i, b in enumerate(blank):
            if b:
                fixed[i] = fixed[i].astype({col: target})
    return fixed


def concat_tables(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """Row-wise concatenation in order; empty parts do not change the column types."""
    full = [p for p in parts if len(p)]
    if not full:
        return parts[0].reset_index(drop=True) if parts else pd.DataFrame()
    if len(full) == 1:
        return full[0].reset_index(drop=True)
    return pd.concat(_harmonise(full), ignore_index=True)


def warning_lines(caught) -> list[str]:
    """Recorded warnings as printable lines (library deprecations dropped, repeats counted)."""
    counts: dict[str, int] = {}
    for w in caught:
        if issubclass(w.category, (DeprecationWarning, PendingDeprecationWarning)):
            continue
        counts[str(w.message)] = counts.get(str(w.message), 0) + 1
    return [m if n == 1 else f"{m} ({n} times)" for m, n in counts.items()]


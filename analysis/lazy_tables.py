"""What notebooks call: `tables(corpus, tables_dir)`, the corpus's tables as a lazy mapping.

A table a run already wrote (`tables_dir/<name>.parquet`) is read; any other is computed from the
articles on first access, in this process, and kept (`analysis.producers.produce`).
"""
from __future__ import annotations

import warnings
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from analysis.producers import FAILURES, PRODUCERS, TABLE_NAMES, PipelineWarning, Problems, failures_table, produce


class Tables(Mapping):
    """Lazy mapping of table name -> DataFrame for one corpus.

    Reads `tables_dir/<name>.parquet` when a run already wrote it; otherwise computes the table
    from the articles on first access and keeps it, as `analyze` would (an article a producer fails
    on is left out with a PipelineWarning; `failures` computes every table, then lists them).
    """

    def __init__(self, corpus=None, tables_dir=None, articles: pd.DataFrame | None = None):
        self.corpus = corpus
        self.tables_dir = Path(tables_dir) if tables_dir else None
        self._cache: dict[str, pd.DataFrame] = {}
        self._problems = Problems()
        if articles is not None:
            self._cache["articles"] = articles

    def _read(self, name: str) -> pd.DataFrame | None:
        if self.tables_dir is None:
            return None
        path = self.tables_dir / f"{name}.parquet"
        return pd.read_parquet(path) if path.exists() else None

    def __getitem__(self, name: str) -> pd.DataFrame:
        if name not in self._cache:
            if name not in TABLE_NAMES:
                raise KeyError(name)
            table = self._read(name)
            if table is None:
                if name == "articles":
                    from analysis.load import load_articles

                    if self.corpus is None:
                        raise ValueError("Tables needs a corpus or a tables_dir holding articles.parquet")
                    table = load_articles(self.corpus)
                elif name == FAILURES:
                    for producer in PRODUCERS:
                        self[producer]
                    table = failures_table(self._problems.failures)
                else:
                    table = self._compute(name)
            self._cache[name] = table
        return self._cache[name]

    def _compute(self, name: str) -> pd.DataFrame:
        articles = self["articles"].reset_index(drop=True)
        articles.attrs = {}   # not deep-copied into every column the producer reads
        already = len(self._problems.lines)
        table = produce(name, articles, self._problems)
        for line in self._problems.lines[already:]:
            warnings.warn(line, PipelineWarning, stacklevel=3)
        return table

    def __iter__(self):
        return iter(TABLE_NAMES)

    def __len__(self):
        return len(TABLE_NAMES)


def tables(corpus=None, tables_dir=None) -> Tables:
    """The corpus's tables as a lazy mapping (see `Tables`); what notebooks call first."""
    return Tables(corpus, tables_dir)

"""Every table for a corpus, computed once: `analyze` for loaded articles, `tables` for notebooks."""
from __future__ import annotations

import importlib
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

# table name -> "module:function" taking the articles frame and returning that table
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


def _producer(name: str):
    module, attr = PRODUCERS[name].split(":")
    return getattr(importlib.import_module(module), attr)


class Tables(Mapping):
    """Lazy mapping of table name -> DataFrame for one corpus.

    Reads `tables_dir/<name>.parquet` when a run already wrote it; otherwise computes the table
    from the articles on first access and keeps it.
    """

    def __init__(self, corpus=None, tables_dir=None, articles: pd.DataFrame | None = None):
        self.corpus = corpus
        self.tables_dir = Path(tables_dir) if tables_dir else None
        self._cache: dict[str, pd.DataFrame] = {}
        if articles is not None:
            self._cache["articles"] = articles

    def _read(self, name: str) -> pd.DataFrame | None:
        if self.tables_dir is None:
            return None
        path = self.tables_dir / f"{name}.parquet"
        return pd.read_parquet(path) if path.exists() else None

    def __getitem__(self, name: str) -> pd.DataFrame:
        if name not in self._cache:
            if name != "articles" and name not in PRODUCERS:
                raise KeyError(name)
            table = self._read(name)
            if table is None:
                if name == "articles":
                    from analysis.load import load_articles

                    if self.corpus is None:
                        raise ValueError("Tables needs a corpus or a tables_dir holding articles.parquet")
                    table = load_articles(self.corpus)
                else:
                    table = _producer(name)(self["articles"])
            self._cache[name] = table
        return self._cache[name]

    def __iter__(self):
        return iter(["articles", *PRODUCERS])

    def __len__(self):
        return 1 + len(PRODUCERS)


def tables(corpus=None, tables_dir=None) -> Tables:
    """The corpus's tables as a lazy mapping (see `Tables`); what notebooks call first."""
    return Tables(corpus, tables_dir)

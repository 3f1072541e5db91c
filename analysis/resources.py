"""Vocabulary and helpers that several modules share, in one place (issue 12).

Dependencies run one way: `resources` -> `text` -> `quotes` -> `sourcing`; this module imports no
other module of the kit.

- `PARAGRAPH_BREAK` and `paragraphs(text)`: a clean body's paragraphs are separated by one blank line;
- quotation marks: `DOUBLE_MARKS` / `SINGLE_MARKS` (mark -> direction hint: 1 opens, -1 closes,
  0 either way), `QUOTE_MARKS` (every mark, apostrophe-like `’` included);
- `read_csv(name)` / `read_yaml(name)`: the editable files under `analysis/data/` (CSV lines starting
  with `#` are provenance comments), `word_list(name, kinds)`: a checked word list;
- `merge_intervals(spans)`: overlapping (start, end) spans joined;
- `trie_pattern(words)` / `trie_regex(sequences)`: a regex alternation factored by common prefixes;
- `as_articles(articles)`: the articles argument every table function accepts, as a frame;
- `typed_frame(rows, columns, dtypes)`: a producer's rows as a frame built once with its dtypes;
- `fewer_collections`: the garbage collector's first threshold raised while articles are loaded and
  tables computed (a decorator and a context manager).
"""
from __future__ import annotations

import contextlib
import csv
import gc
import re
import threading
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

DATA = Path(__file__).with_name("data")
PARAGRAPH_BREAK = "\n\n"

# double-quote family, single-quote family: mark -> direction hint (1 opens, -1 closes, 0 either way)
DOUBLE_MARKS = {'"': 0, "\u201c": 1, "\u201d": -1, "\u201e": 1, "\u00ab": 1, "\u00bb": -1, "\u201f": 1}
SINGLE_MARKS = {"'": 0, "\u2018": 1, "\u2019": -1}
QUOTE_MARKS = "".join(DOUBLE_MARKS) + "".join(SINGLE_MARKS)


def paragraphs(text: str) -> list[str]:
    """The paragraphs of a clean body (split at `PARAGRAPH_BREAK`, empty ones kept so that indexes
    match the `paragraph` column of every table)."""
    return text.split(PARAGRAPH_BREAK)


def read_csv(name: str) -> list[dict]:
    """Rows of `analysis/data/<name>` as dicts; lines starting with `#` (provenance) are skipped."""
    with open(DATA / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(line for line in fh if not line.startswith("#")))


def read_yaml(name: str):
    """The parsed `analysis/data/<name>` YAML file."""
    import yaml

    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


class DataFileError(ValueError):
    """A data file under analysis/data names a kind (code) that no rule reads: a typo."""


@lru_cache(maxsize=16)
def word_list(name: str, kinds: tuple[str, ...]) -> dict[str, frozenset]:
    """{kind: words} of a `word,kind,...` CSV under analysis/data/, words stripped and lower-cased.
    Every row's kind must be one of `kinds` (the codes the rules read): a typo'd code fails loudly
    with the file and line instead of silently switching a rule off."""
    out: dict[str, set] = {kind: set() for kind in kinds}
    for line_no, row in enumerate(read_csv(name), 2):
        kind = (row.get("kind") or "").strip()
        if kind not in out:
            raise DataFileError(f"analysis/data/{name}: row {line_no} ({row.get('word')!r}) has kind "
                                f"{kind!r}; known kinds: {', '.join(sorted(out))}")
        out[kind].add(row["word"].strip().lower())
    return {kind: frozenset(words) for kind, words in out.items()}


def merge_intervals(spans) -> list[list[int]]:
    """(start, end) spans sorted and joined where they overlap or touch end-to-start (`[1, 3], [3, 5]`
    -> `[1, 5]`), as lists [start, end]."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged


def trie_pattern(words) -> str:
    """A regex alternation of `words` factored by common prefixes (much faster to scan than a
    flat `a|b|c` alternation)."""
    return trie_regex(words, render=re.escape)


def trie_regex(sequences, render=str, order=None) -> str:
    """One regex alternation of many sequences, factored by common prefixes (a trie). Each item of a
    sequence is written as `render(item)`; alternatives are tried in `sorted(key=order)` order. An
    optional tail becomes `(?:...)?`, so the longest sequence wins."""
    trie: dict = {}
    for sequence in sequences:
        node = trie
        for item in sequence:
            node = node.setdefault(item, {})
        node[""] = {}

    def build(node) -> str:
        alternatives = [render(item) + build(node[item])
                        for item in sorted((item for item in node if item != ""), key=order)]
        if not alternatives:
            return ""
        body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return build(trie)


def as_articles(articles) -> pd.DataFrame:
    """The articles argument of a table function as a frame with `article_id` and `text`: a frame
    as given, one body (str) as article "0", None as an empty frame."""
    if articles is None:
        return pd.DataFrame({"article_id": pd.Series(dtype=str), "text": pd.Series(dtype=str)})
    if isinstance(articles, str):
        return pd.DataFrame({"article_id": ["0"], "text": [articles]})
    return articles


def typed_frame(rows: list, columns: list[str], dtypes: dict[str, str] | None = None) -> pd.DataFrame:
    """`rows` (tuples in `columns` order, or dicts keyed by column) as one DataFrame, built once.

    Gives what `pd.DataFrame(rows, columns=columns).astype(dtypes)` gives (a column named in `dtypes`
    takes that numpy dtype: "int64", "float64" or bool, not object, which pandas 3 would read as str;
    the others are inferred as pandas infers rows, object when there are none) without a pandas `astype` call per column: about a millisecond
    each on a one-article table (issue 16). `columns` must not repeat a name.
    """
    dtypes = dtypes or {}
    if rows and isinstance(rows[0], dict):
        values = [[row[c] for row in rows] for c in columns]
    else:
        values = [list(col) for col in zip(*rows)] if rows else [[] for _ in columns]
    data = {}
    for col, vals in zip(columns, values):
        dtype = dtypes.get(col)
        if dtype is not None:
            data[col] = np.array(vals, dtype=dtype)
        else:
            data[col] = vals if vals else np.array([], dtype=object)
    # the dict holds the columns in order and fresh arrays only the frame refers to: no `columns=`
    # (a re-indexing) and no copy (together about 40% of the call on a one-article table)
    return pd.DataFrame(data, copy=False) if data else pd.DataFrame(data, columns=columns)


# Python's default (700) starts a young-generation collection after every 700 net allocations of
# container objects; loading and tables allocate millions of short-lived tuples, lists and dicts, so
# that is thousands of collections for a few hundred articles. Measured (gc.callbacks, CPU time,
# 600 made-up dumps after the workers' warm-up, 2026-12-04): 0.41-0.45 ms an article inside the
# collector at 700 (674 collections), 0.11-0.12 at 10,000 (20 collections). Collection only frees
# reference cycles (everything else goes when its last reference does), so results cannot change;
# an unreachable cycle lives until 10,000 more container objects were made instead of 700 (peak memory
# of a 1,000-dump run with two workers: 821 MiB before, 818-822 after; docs/scale.md, session 10).
GC_FIRST_THRESHOLD = 10_000


class _FewerCollections(contextlib.ContextDecorator):
    """While inside (as a `with` block or a decorated call): the garbage collector's first threshold
    is at least GC_FIRST_THRESHOLD; the caller's thresholds come back when the outermost block ends
    (nested and concurrent blocks, e.g. Dask's threads, count as one). A threshold of 0 (automatic
    collection off) is left alone."""

    def __init__(self, first: int):
        self.first = first
        self._lock = threading.Lock()
        self._depth = 0
        self._saved: tuple[int, ...] | None = None

    def __enter__(self):
        with self._lock:
            if self._depth == 0:
                self._saved = gc.get_threshold()
                if 0 < self._saved[0] < self.first:
                    gc.set_threshold(self.first, *self._saved[1:])
            self._depth += 1
        return self

    def __exit__(self, *exc) -> bool:
        with self._lock:
            self._depth -= 1
            if self._depth == 0 and self._saved is not None:
                gc.set_threshold(*self._saved)
                self._saved = None
        return False


fewer_collections = _FewerCollections(GC_FIRST_THRESHOLD)

"""What the public table functions take, declared once and checked at the call.

`@takes(ARTICLES)` on a function whose first argument is a table:

- declares the columns the function reads (`func.needs`, a `TableSpec`); `analysis.pipeline` reads
  it, so "missing column" is said only when a declared column is missing, and any other exception is
  reported as a failure of that article and producer;
- raises `TypeError` when that argument is not a DataFrame (a path, a text, a list), naming what to
  pass instead (`analysis.load_articles(path)`);
- raises `ValueError` when the table lacks a declared column, naming the missing and present ones.

Further table arguments are checked by keyword, when given (not None):
`@takes(ARTICLES, quotes=QUOTES)`. A first argument that may be one of several tables lists them:
`@takes((ARTICLES, ATTRIBUTIONS))` (the first listed is the declaration the pipeline reads).
"""
from __future__ import annotations

import functools
import inspect
import os
from typing import NamedTuple

import pandas as pd


class TableSpec(NamedTuple):
    """A kind of table a function takes: its name for messages, the columns read, how to get one."""

    what: str
    columns: tuple[str, ...]
    how: str


_LOAD = ("analysis.load_articles(path) for files on disk, or analysis.load.articles_from_texts(texts) "
         "for strings in memory")
ARTICLES = TableSpec("an articles table", ("article_id", "text"), _LOAD)
LOADED_ARTICLES = TableSpec("an articles table as loaded from files", ("article_id", "raw", "removed_lines"),
                            "analysis.load_articles(path) (it keeps each file's raw text and removed lines)")
QUOTES = TableSpec("a quotes table", ("article_id", "paragraph", "start", "end", "n_words", "kind", "nested"),
                   "analysis.quotes.find_quotes(articles)")
QUOTE_SPANS = QUOTES._replace(columns=QUOTES.columns[:4])   # where the quotes are, nothing else
ATTRIBUTIONS = TableSpec("an attributions table",
                         ("article_id", "paragraph", "speaker", "role", "source_type", "kind", "text",
                          "start", "end"),
                         "analysis.sourcing.attributions(articles)")
FRAME_MATCHES = TableSpec("a frame matches table",
                          ("article_id", "paragraph", "sentence", "start", "end", "frame", "term"),
                          "analysis.framing.frame_matches(articles)")
FRAME_SCORES = TableSpec("a frame scores table", ("article_id", "frame", "matches", "per_1000_words"),
                         "analysis.framing.frame_scores(articles)")


def missing_columns(spec: TableSpec, table: pd.DataFrame) -> list[str]:
    """The declared columns `table` lacks, in declaration order."""
    return [c for c in spec.columns if c not in table.columns]


def _not_a_table(where: str, name: str, value, specs: tuple[TableSpec, ...]) -> TypeError:
    wanted = " or ".join(f"{s.what} (columns {', '.join(s.columns)})" for s in specs)
    if isinstance(value, (str, os.PathLike)):
        got = f"the {type(value).__name__} {str(value)[:60]!r}"
    else:
        got = f"a {type(value).__name__}"
    return TypeError(f"{where}: `{name}` must be {wanted}, not {got}; pass {specs[0].how}")


def _lacks_columns(where: str, name: str, table: pd.DataFrame, specs: tuple[TableSpec, ...]) -> ValueError:
    spec = specs[0]
    missing = missing_columns(spec, table)
    present = ", ".join(map(str, table.columns[:20])) or "none"
    return ValueError(f"{where}: `{name}` must be {spec.what}, but it has no column(s) {', '.join(missing)} "
                      f"(it has: {present}); pass {spec.how} (columns: docs/columns.md)")


def check_table(where: str, name: str, value, specs: tuple[TableSpec, ...]) -> None:
    """Raise TypeError / ValueError unless `value` is a DataFrame with the columns of one of `specs`."""
    if not isinstance(value, pd.DataFrame):
        raise _not_a_table(where, name, value, specs)
    if not any(not missing_columns(spec, value) for spec in specs):
        raise _lacks_columns(where, name, value, specs)


def takes(first: TableSpec | tuple[TableSpec, ...], **optional: TableSpec):
    """Decorator: check the first argument against `first` and keyword tables against `optional`."""
    first_specs = first if isinstance(first, tuple) and isinstance(first[0], TableSpec) else (first,)

    def decorate(func):
        signature = inspect.signature(func)
        first_name = next(iter(signature.parameters))
        package = func.__module__.split(".")   # analysis.sourcing.tables -> sourcing, as users import it
        where = f"{package[1] if len(package) > 1 else package[0]}.{func.__name__}()"

        @functools.wraps(func)
        def checked(*args, **kwargs):
            bound = signature.bind_partial(*args, **kwargs).arguments
            check_table(where, first_name, bound.get(first_name), first_specs)
            for name, spec in optional.items():
                if bound.get(name) is not None:
                    check_table(where, name, bound[name], (spec,))
            return func(*args, **kwargs)

        checked.needs = first_specs[0]
        return checked

    return decorate


def needs(func) -> TableSpec:
    """The table a public function declares it takes (ARTICLES when it declares nothing)."""
    return getattr(func, "needs", ARTICLES)

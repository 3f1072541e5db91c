"""table_csv.csv_rows writes exactly what pandas' to_csv writes (random tables, and the edge cases)."""
from __future__ import annotations

import io
import random

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from analysis.table_csv import csv_rows

ALPHABET = ["a", "B", " ", ",", "\"", "\n", "\r", "\t", "é", "\u2028", "'", ";", "0", "-", "“", "\\"]


def _text(rng: random.Random) -> str | None:
    if rng.random() < 0.1:
        return None
    return "".join(rng.choice(ALPHABET) for _ in range(rng.randrange(0, 8)))


def _float(rng: random.Random) -> float:
    kind = rng.randrange(8)
    if kind == 0:
        return float("nan")
    if kind == 1:
        return rng.choice([float("inf"), float("-inf"), -0.0, 0.0, 1e16, 1e-5, 1e-4, 123456.0, 0.1 + 0.2])
    return rng.uniform(-1, 1) * 10 ** rng.randrange(-8, 20)


COLUMNS = {
    "text": lambda rng, n: [_text(rng) for _ in range(n)],
    "str": lambda rng, n: pd.array([_text(rng) for _ in range(n)], dtype="str"),
    "float": lambda rng, n: [_float(rng) for _ in range(n)],
    "int": lambda rng, n: [rng.randrange(-10**12, 10**12) for _ in range(n)],
    "bool": lambda rng, n: [rng.random() < 0.5 for _ in range(n)],
    "missing": lambda rng, n: [None] * n,
    "int with missing": lambda rng, n: [None if rng.random() < 0.3 else rng.randrange(100) for _ in range(n)],
    "Int64": lambda rng, n: pd.array([None if rng.random() < 0.3 else rng.randrange(-9, 10**15) for _ in range(n)],
                                     dtype="Int64"),
    "dates": lambda rng, n: pd.to_datetime([_date(rng, "date") for _ in range(n)]).as_unit("us"),
    "times": lambda rng, n: pd.to_datetime([_date(rng, "time") for _ in range(n)]).as_unit("us"),
    "micro": lambda rng, n: pd.to_datetime([_date(rng, "micro") for _ in range(n)]).as_unit("us"),
}


def _date(rng: random.Random, kind: str):
    if rng.random() < 0.2:
        return None
    stamp = pd.Timestamp(2000 + rng.randrange(30), 1 + rng.randrange(12), 1 + rng.randrange(28))
    if kind == "date" or rng.random() < 0.5:
        return stamp
    stamp += pd.Timedelta(seconds=rng.randrange(86400))
    return stamp + pd.Timedelta(microseconds=rng.randrange(1000) * 1000) if kind == "micro" else stamp


def _round_trip(frame: pd.DataFrame) -> pa.Table:
    """The table as run_corpus reads a chunk back (pandas -> Arrow -> Parquet -> Arrow)."""
    sink = io.BytesIO()
    pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), sink)
    return pq.read_table(io.BytesIO(sink.getvalue()))


@pytest.mark.parametrize("seed", range(200))
def test_random_tables_equal_pandas(seed):
    rng = random.Random(seed)
    n = rng.choice([0, 1, 2, 7, 50])
    kinds = [rng.choice(list(COLUMNS)) for _ in range(rng.randrange(2, 6))]
    frame = pd.DataFrame({f"c{i}": COLUMNS[k](rng, n) for i, k in enumerate(kinds)})
    table = _round_trip(frame)
    expected = table.to_pandas().to_csv(header=False, index=False)
    got = csv_rows(table)
    dates = sum(k in ("dates", "times", "micro") for k in kinds)
    assert got == expected if dates < 2 else got in (None, expected), kinds   # two: pandas writes them


def test_plain_tables_are_written_here_not_by_pandas():
    rng = random.Random(1)
    frame = pd.DataFrame({k: COLUMNS[k](rng, 30) for k in ("text", "str", "float", "int", "bool", "missing",
                                                            "Int64", "times")})
    table = _round_trip(frame)
    assert csv_rows(table) == table.to_pandas().to_csv(header=False, index=False)


def test_what_pandas_must_write():
    one = _round_trip(pd.DataFrame({"a": ["", "x"]}))
    assert csv_rows(one) is None                     # pandas writes `""` for a lone empty field
    dates = _round_trip(pd.DataFrame({"a": ["x"], "d": pd.to_datetime(["2024-01-02"]),
                                      "e": pd.to_datetime(["2024-01-02 10:00"])}))
    assert csv_rows(dates) is None                   # pandas formats the two together
    zoned = _round_trip(pd.DataFrame({"a": ["x"], "d": pd.to_datetime(["2024-01-02"]).tz_localize("UTC")}))
    assert csv_rows(zoned) is None
    lists = _round_trip(pd.DataFrame({"a": ["x"], "l": [[1, 2]]}))
    assert csv_rows(lists) is None


def test_quoting_as_pythons_csv_module():
    table = _round_trip(pd.DataFrame({"a": ["x\ry", "p\nq", "c,d", "e\"f", "", " s", None], "b": range(7)}))
    assert csv_rows(table) == 'x\ry,0\n"p\nq",1\n"c,d",2\n"e""f",3\n,4\n s,5\n,6\n'
    floats = _round_trip(pd.DataFrame({"a": ["x"] * 4, "b": [1e16, np.nan, 1e-05, -0.0]}))
    assert csv_rows(floats) == "x,1e+16\nx,\nx,1e-05\nx,-0.0\n"

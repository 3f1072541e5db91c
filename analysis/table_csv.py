"""The CSV rows pandas writes for a table, made column by column with Arrow's compute functions.

`run_corpus` writes every table as CSV too; pandas' writer (`DataFrame.to_csv`) takes about a tenth
of a corpus run's CPU time, most of it building and quoting one row at a time. `csv_rows(table)`
gives the same text, byte for byte, for tables of plain columns (text, whole numbers, floats,
true/false, all-missing), whole columns at a time:

- text: as Python's `csv` module with pandas' settings (`QUOTE_MINIMAL`, `"` doubled, lines ending
  in `\\n`) writes it: quoted when it holds a comma, a quotation mark or a line feed; missing: empty;
- floats: `numpy`'s `astype(str)` (what pandas uses when no `float_format` is given), missing and
  NaN empty;
- whole numbers and true/false (`True`, `False`) without missing values; pandas' nullable whole
  numbers (`Int64`), missing ones empty;
- one datetime column (without time zone), as pandas formats it (`Series.to_csv`).

Any other column (categories, lists, times with a zone ...), a second datetime column (pandas
formats them together), or a table of one column (where pandas quotes an empty value) gives None,
and the caller uses pandas. Tested against `DataFrame.to_csv` on random tables (tests/test_table_csv.py).
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

_NEEDS_QUOTES = r'[,"\n]'    # what makes Python's csv writer quote a field (lineterminator "\n")
_PANDAS_ROWS_AT_ONCE = 100_000  # cells pandas formats at once (`to_csv`'s chunksize: this // columns)
_TEXT = pa.large_string()
_NULLABLE_INTEGERS = (pd.Int8Dtype, pd.Int16Dtype, pd.Int32Dtype, pd.Int64Dtype,
                      pd.UInt8Dtype, pd.UInt16Dtype, pd.UInt32Dtype, pd.UInt64Dtype)     # every field, whatever the column's type (the join needs one type)


def _text_column(column) -> pa.Array | None:
    """A string column as CSV fields (quoted where needed, missing values empty)."""
    if pa.types.is_null(column.type):
        return pa.array([""] * len(column), type=_TEXT)
    if not (pa.types.is_string(column.type) or pa.types.is_large_string(column.type)):
        return None
    column = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
    column = column.cast(_TEXT)
    mark, nothing = pa.scalar("\"", _TEXT), pa.scalar("", _TEXT)
    quoted = pc.binary_join_element_wise(mark, pc.replace_substring(column, "\"", "\"\""), mark, nothing)
    return pc.fill_null(pc.if_else(pc.match_substring_regex(column, _NEEDS_QUOTES), quoted, column), nothing)


def _column_fields(series: pd.Series, column) -> pa.Array | None:
    """CSV fields of one column as pandas formats them (`series`: the column as pandas reads it,
    `column`: the same column in Arrow), or None for a type left to pandas."""
    dtype = series.dtype
    if isinstance(dtype, pd.StringDtype) or dtype == object:
        return _text_column(column)
    if isinstance(dtype, _NULLABLE_INTEGERS) and pa.types.is_integer(column.type):   # missing: empty
        return pc.fill_null(pc.cast(column, _TEXT), pa.scalar("", _TEXT))
    if not isinstance(dtype, np.dtype):
        return None
    if dtype.kind == "M":
        return _datetime_column(series)
    values = series.to_numpy()
    if dtype == np.float64:
        text = values.astype(str)
        text[np.isnan(values)] = ""
        return pa.array(text, type=_TEXT)
    if dtype.kind in "iu":
        return pc.cast(pa.array(values), _TEXT)
    if dtype.kind == "b":
        return pc.if_else(pa.array(values), pa.scalar("True", _TEXT), pa.scalar("False", _TEXT))
    return None


def _datetime_column(series: pd.Series) -> pa.Array:
    """A datetime column as pandas writes it: one format for all its values (a date when every
    value is midnight, else date and time, with as many decimals as the values need), which is
    what `Series.to_csv` gives for it alone (a lone missing value comes out as `""` there)."""
    lines = series.to_csv(header=False, index=False).split("\n")[:-1]
    return pa.array(["" if line == '""' else line for line in lines], type=_TEXT)


def csv_rows(table: pa.Table, frame: pd.DataFrame | None = None) -> str | None:
    """`table.to_pandas().to_csv(header=False, index=False)`, or None where pandas must write it
    (a column type not handled here, or a single column). `frame`: `table.to_pandas()` if known."""
    frame = table.to_pandas() if frame is None else frame
    attrs, frame.attrs = frame.attrs, {}   # pandas would copy them deeply into every column read
    try:
        return _rows(table, frame)
    finally:
        frame.attrs = attrs


def _rows(table: pa.Table, frame: pd.DataFrame) -> str | None:
    if frame.shape[1] < 2 or list(frame.columns) != table.column_names:
        return None
    if not len(frame):
        return ""
    dates = sum(isinstance(d, np.dtype) and d.kind == "M" for d in frame.dtypes)
    if dates > 1 or (dates and len(frame) > _PANDAS_ROWS_AT_ONCE // frame.shape[1]):
        return None   # pandas formats datetime columns together, a block of rows at a time
    fields = []
    for i in range(frame.shape[1]):
        column = _column_fields(frame.iloc[:, i], table.column(i))
        if column is None:
            return None
        fields.append(column)
    rows = pc.binary_join_element_wise(*fields, pa.scalar(",", _TEXT))
    return "\n".join(rows.to_pylist()) + "\n"

"""Articles from exports: JSON, JSON Lines and pretty-printed JSON told apart by their content,
and CSV, each read record by record so that a bad record costs only itself."""
from __future__ import annotations

import csv
import io
import json
import re

from analysis.encodings import warn_file


def _int(digits: str):
    """A JSON integer; one too long for Python's int() (over 4,000 digits) is kept as its text."""
    return int(digits) if len(digits) <= 4000 else digits


_JSON = json.JSONDecoder(strict=False, parse_int=_int)   # one line: control characters allowed
_JSON_STRICT = json.JSONDecoder(parse_int=_int)          # across lines: no string spans a line end
_UNREADABLE = object()                                    # a value that could not be read


def _json_values(text: str, path, problems: list[str], max_line: int) -> list[tuple[int, object]]:
    """(line number, value) of every JSON value in `text`, one per line (JSON Lines) or spread over
    lines (pretty-printed objects, a JSON document): the format comes from the content, not the
    file name. A line that cannot be read is `_UNREADABLE` (runs of them reported once); a value
    nested too deeply is unreadable, the other values are kept."""
    values: list[tuple[int, object]] = []
    lines = text.split("\n")
    bad: list[tuple[int, str]] = []     # the current run of unreadable lines

    def flush():
        if bad:
            first, why = bad[0]
            where = f"line {first}" if len(bad) == 1 else f"lines {first}-{bad[-1][0]}"
            warn_file(path, f"{where} {'is' if len(bad) == 1 else 'are'} not JSON, skipped ({why})", problems)
            bad.clear()

    i, offset = 0, 0
    while i < len(lines):
        line, line_no, line_start = lines[i], i + 1, offset
        i, offset = i + 1, offset + len(line) + 1
        if not line.strip():
            continue
        why = ""
        try:
            if len(line) > max_line:   # one record larger than any page: not an article
                raise ValueError(f"over {max_line:,} characters on one line")
            value = _JSON.decode(line)
        except RecursionError:
            value, why = _UNREADABLE, "nested too deeply"
        except ValueError as exc:   # JSONDecodeError, or a number Python cannot hold
            value, why = _UNREADABLE, getattr(exc, "msg", str(exc))[:80]
            if getattr(exc, "pos", -1) >= len(line.rstrip()):   # the value goes on: read it whole
                start = line_start + len(line) - len(line.lstrip())
                try:
                    value, end = _JSON_STRICT.raw_decode(text, start)
                    tail_end = text.find("\n", end)
                    tail_end = len(text) if tail_end < 0 else tail_end
                    if text[end:tail_end].strip(" \t\r,]"):
                        raise ValueError("Extra data")
                    i += text.count("\n", line_start, end)
                    offset = tail_end + 1
                except (ValueError, RecursionError):
                    value = _UNREADABLE
        if value is not _UNREADABLE and _SURROGATE_ESCAPE.search(text, line_start, offset):
            try:
                value = _replace_surrogates(value, f"line {line_no}: ", path, problems)
            except RecursionError:
                value, why = _UNREADABLE, "nested too deeply"
        if value is _UNREADABLE and len(line.strip()) <= 2 and not line.strip(" \t\r[]{},"):
            continue   # the brackets of a document that does not parse whole: its items are read
        if value is _UNREADABLE:
            bad.append((line_no, why))
        else:
            flush()
        values.append((line_no, value))
    flush()
    return values


def json_rows(text: str, path, problems: list[str], max_line: int) -> list:
    """The article objects of a JSON / JSON Lines text: one document holding a list (or
    {"articles": [...]}) gives its items; several values give one record each."""
    values = _json_values(text, path, problems, max_line)
    if len(values) == 1 and values[0][1] is not _UNREADABLE:
        doc = values[0][1]
        if isinstance(doc, dict) and "articles" in doc:
            doc = doc["articles"]
            if not isinstance(doc, list):
                warn_file(path, f"\"articles\" is a JSON {_json_type(doc)}, not a list; skipped", problems)
                return []
        if isinstance(doc, list):
            for k, item in enumerate(doc):
                if not isinstance(item, dict):
                    warn_file(path, f"item {k} is a JSON {_json_type(item)}, not an article object; skipped",
                          problems)
            return doc
    rows = []
    for line_no, value in values:
        if value is not _UNREADABLE and not isinstance(value, dict):
            warn_file(path, f"line {line_no} is a JSON {_json_type(value)}, not an article object; skipped",
                  problems)
        rows.append(value if isinstance(value, dict) else None)
    return rows


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")   # JSON escapes that can decode to a lone half


def _replace_surrogates(obj, where: str, path, problems: list[str]):
    """`obj` with lone UTF-16 surrogates (not text; no table can store them) replaced by U+FFFD."""
    found = []

    def fix(value):
        if isinstance(value, str):
            try:
                value.encode("utf-8")
                return value
            except UnicodeEncodeError:
                found.append(1)
                return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
        if isinstance(value, list):
            return [fix(v) for v in value]
        if isinstance(value, dict):
            return {fix(k): fix(v) for k, v in value.items()}
        return value

    obj = fix(obj)
    if found:
        warn_file(path, f"{where}lone surrogate escapes (\\ud800-\\udfff) replaced by U+FFFD", problems)
    return obj


def _json_type(value) -> str:
    return {dict: "object", list: "array", str: "string", bool: "boolean", int: "number",
            float: "number", type(None): "null"}.get(type(value), type(value).__name__)


def csv_rows(path, text: str, problems: list[str], max_line: int) -> list[dict]:
    """The records of a CSV text (first row: the header). A record with more cells than the header
    keeps its first ones and is reported (an unquoted comma?); missing cells are empty; a quote
    left open at the end of the file is reported. A cell may hold up to `max_line` characters."""
    if not text.strip():
        return []
    old_limit = csv.field_size_limit(max(csv.field_size_limit(), max_line + 1))
    try:
        reader = csv.reader(io.StringIO(text), strict=True)
        try:
            header = next(reader, [])
        except csv.Error as exc:
            warn_file(path, f"not a readable CSV, skipped ({exc})", problems)
            return []
        seen: dict[str, int] = {}
        names = []
        for k, name in enumerate(header):  # as pandas names them: "Unnamed: k", "a.1"
            name = name or f"Unnamed: {k}"
            names.append(f"{name}.{seen[name]}" if name in seen else name)
            seen[name] = seen.get(name, 0) + 1
        rows: list[dict] = []
        while True:
            last = reader.line_num
            try:
                cells = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                warn_file(path, f"record {len(rows)} (after line {last}) cannot be read ({exc}: a quote left "
                            "open?); it and the rest of the file are skipped", problems)
                break
            if not cells:
                continue
            if len(cells) > len(names):
                warn_file(path, f"record {len(rows)} (line {reader.line_num}) has {len(cells)} cells, the "
                            f"header {len(names)}: the extra cells are ignored (an unquoted comma?)",
                      problems)
            rows.append(dict(zip(names, cells + [""] * (len(names) - len(cells)))))
        return rows
    finally:
        csv.field_size_limit(old_limit)

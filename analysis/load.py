"""Load raw news articles into one tidy table: one row per article (columns: docs/columns.md).

Formats: browser text dumps (`.txt`), saved pages (`.html`, `.htm`), and already-extracted
articles (`.jsonl`, `.json`, `.csv`); any of them may be gzipped (`.gz`). Extraction (which lines
are the body) lives in `analysis.clean` and `analysis.extract`; metadata (title, byline, date,
caption) in `analysis.metadata`. This module reads files, decodes them, routes them, and keeps the
raw text beside the cleaned text so that no decision is lost.
"""
from __future__ import annotations

import glob as _glob
import gzip
import hashlib
import json
import os
import re
import stat
import warnings
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import pandas as pd

from analysis.inputs import ARTICLES, LOADED_ARTICLES, takes

FORMATS = {".txt": "txt", ".html": "html", ".htm": "html", ".jsonl": "jsonl", ".ndjson": "jsonl",
           ".json": "json", ".csv": "csv"}
MAX_FILE_BYTES = 50 * 2**20       # one page larger than this is not an article: skipped, reported
MAX_ARTICLE_CHARS = 1_000_000     # a longer text is flagged `huge` (and still loaded)
ENCODINGS = ("utf-8-sig", "utf-8", "cp1252")

# record field names accepted in JSONL/CSV exports, first match wins
FIELDS = {
    "text": ("text", "body", "content", "maintext", "article", "full_text", "story_text"),
    "title": ("title", "headline"),
    "url": ("url", "link", "canonical_url"),
    "published": ("published", "date", "publish_date", "published_at", "publication_date",
                  "pubdate", "date_publish", "datetime"),
    "author": ("author", "authors", "byline"),
    "outlet": ("outlet", "media_name", "source", "site", "sitename", "publisher", "media"),
    "article_id": ("id", "article_id", "stories_id", "doc_id"),
}

COLUMNS = ["article_id", "path", "row", "format", "outlet", "url", "title", "author", "published",
           "read_time_min", "caption", "photo_credit", "text", "raw", "n_words", "n_paragraphs",
           "n_removed", "language", "warnings", "removed_lines"]


class LoadWarning(UserWarning):
    """A file could not be read as a normal article; the message names the file."""


# ---------------------------------------------------------------- finding and reading files
def _format_of(path: Path) -> str | None:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return FORMATS.get(suffixes[-1]) if suffixes else None


def find_files(source) -> list[Path]:
    """Expand a folder, file, glob pattern or list of them into a sorted list of article files."""
    if isinstance(source, (str, os.PathLike)):
        source = [source]
    found: list[Path] = []
    for item in source:
        item = str(item)
        p = Path(item)
        kind = _kind(item)
        if kind is None:        # unusual stat error: let Path decide, as before
            kind = "dir" if p.is_dir() else "file" if p.is_file() else ""
        if kind == "dir":
            # a broken or looping symlink is listed too: reading it then fails with a warning
            found += sorted(f for f in p.rglob("*") if (f.is_file() or f.is_symlink()) and _format_of(f)
                            and not any(part.startswith(".") for part in f.relative_to(p).parts))
        elif kind == "file" or os.path.islink(item):   # a broken or looping link: reported when read
            found.append(p)
        elif _glob.has_magic(item):
            found += sorted(Path(f) for f in _glob.glob(item, recursive=True)
                            if Path(f).is_file() or Path(f).is_symlink() and _format_of(Path(f)))
        else:
            raise FileNotFoundError(f"no such file or folder: {item}")
    seen, unique = set(), []
    for f in found:
        if f not in seen:
            seen.add(f)
            unique.append(f)
    return unique


def _kind(item: str) -> str | None:
    """"dir", "file" (regular, symlinks followed) or "" (neither / missing) from one stat call, as
    Path.is_dir()/is_file() would say; None on an error those would raise (e.g. permission)."""
    try:
        mode = os.stat(item).st_mode
    except (FileNotFoundError, NotADirectoryError, ValueError):
        return ""
    except OSError:
        return None
    return "dir" if stat.S_ISDIR(mode) else "file" if stat.S_ISREG(mode) else ""


def _warn(path, message: str, problems: list[str] | None = None) -> None:
    if problems is not None:
        problems.append(message)
    warnings.warn(f"{path}: {message}", LoadWarning, stacklevel=3)


def read_bytes(path: Path, whole: bool = False) -> bytes:
    """The file's bytes, gunzipped when it ends in .gz: at most MAX_FILE_BYTES + 1 of them unless
    `whole` (JSONL/JSON/CSV exports hold many articles and are read whole)."""
    size = -1 if whole else MAX_FILE_BYTES + 1
    if path.suffix.lower() == ".gz":
        with gzip.open(path, "rb") as fh:
            return fh.read(size)
    with open(path, "rb") as fh:
        return fh.read(size)


_CONTROL_BYTES = bytes(b for b in range(32) if b < 9 or 13 < b)   # control bytes except \t \n \v \f \r


def looks_binary(data: bytes) -> bool:
    """True when the first 8 KB hold NUL bytes or mostly control characters (not text)."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    if not head:
        return False
    control = len(head) - len(head.translate(None, _CONTROL_BYTES))   # counted in C
    return control / len(head) > 0.05


_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def _utf16_text(data: bytes) -> bool:
    """True when `data` starts with a UTF-16 byte-order mark and its first 8 KB decode to text."""
    if not data.startswith(_UTF16_BOMS):
        return False
    try:
        head = data[:8192].decode("utf-16", errors="strict") if len(data) <= 8192 else \
            data[:8192].decode("utf-16", errors="ignore")
    except UnicodeDecodeError:
        return False
    return not looks_binary(head.encode("utf-8", errors="replace"))


def decode(data: bytes, path="<text>", problems: list[str] | None = None) -> str:
    """Decode bytes as UTF-8 (with or without BOM), else cp1252, else UTF-8 with replacement.

    Line ends are normalised to "\\n". Anything but plain UTF-8 is reported as a warning.
    """
    text = None
    if data.startswith(_UTF16_BOMS):   # "Unicode" text as Windows tools save it
        try:
            text = data.decode("utf-16")
            _warn(path, "UTF-16 text (decoded as UTF-16; save as UTF-8 to avoid this warning)", problems)
        except UnicodeDecodeError:
            pass
    for enc in ENCODINGS if text is None else ():
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if enc == "cp1252":
            _warn(path, "not valid UTF-8; decoded as cp1252 (Windows-1252)", problems)
        break
    if text is None:
        text = data.decode("utf-8", errors="replace")
        _warn(path, "undecodable bytes replaced by U+FFFD", problems)
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


# ---------------------------------------------------------------- language and text helpers
_EN_STOP = frozenset("""the of and to a in is that for it on was with as he said by at from his be
have are this an not has but they were had or which their been its who will would more about
we after over also than there when her she i you one all new up out into says could what them
other these two our can just may some people year first last no if""".split())
_WORD = re.compile(r"[A-Za-z']+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_ASCII_LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def language_of(text: str) -> str:
    """`en` when English function words are at least 15% of the first 400 words, else `other`."""
    if not text or text.isspace():
        return "unknown"
    head = text[:4000]
    words = None
    if not head.isascii():
        # Latin-word letters must be at least half the letters of the first 4000 characters.
        # Cheap bound first: ASCII letters (all in Latin words) vs non-ASCII characters.
        a = head.encode("ascii", "ignore")
        ascii_letters = len(a) - len(a.translate(None, _ASCII_LETTERS))
        if ascii_letters < len(head) - len(a):
            words = _WORD.findall(head)
            joined = "".join(words)
            latin = len(joined)
            letters = latin - joined.count("'") + sum(map(str.isalpha, "".join(_NON_ASCII.findall(head))))
            if letters and latin / letters < 0.5:
                return "other"
    if words is None:
        words = _WORD.findall(head, 0, 2800)      # usually 400 words already (the last may be cut)
        if len(words) <= 400 and len(head) > 2800:
            words = _WORD.findall(head)
    words = words[:400]
    if len(words) < 8:
        return "unknown"
    hits = sum(map(_EN_STOP.__contains__, " ".join(words).lower().split()))
    return "en" if hits / len(words) >= 0.15 else "other"


_BLANKS = re.compile(r"\n\s*\n+")


def normalise_paragraphs(text: str) -> list[str]:
    """Split an already-extracted text into paragraphs (blank lines, else line breaks); trim them."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    parts = _BLANKS.split(text) if _BLANKS.search(text) else text.split("\n")
    return [re.sub(r"[ \t]+", " ", p.replace("\n", " ")).strip() for p in parts if p.strip()]


def _host(url: str | None) -> str | None:
    """The host of a URL without "www.", or None."""
    if not url:
        return None
    from urllib.parse import urlsplit

    host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    return host.removeprefix("www.") or None


def _sha(data: bytes) -> str:
    return hashlib.sha1(data).hexdigest()[:16]


# a cell holding only one of these (any case) is a missing value written out as text by an export
_MISSING = frozenset({"nan", "none", "null", "na", "n/a", "#n/a", "<na>", "nat"})


def _clean_value(value, sep: str = "; "):
    """A field as stripped text, or None when missing (None, NaN, "", "null", "NaN", ...);
    list items are joined with `sep`."""
    if value is None:
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    if isinstance(value, (list, tuple)):
        value = sep.join(str(v).strip() for v in value if _clean_value(v) is not None)
    value = str(value).strip()
    if len(value) <= 4 and value.lower() in _MISSING:
        return None
    return value or None


def _published(value, path, problems):
    """A naive Timestamp in the page's own clock: offsets are dropped, not converted to UTC."""
    if value is None:
        return None
    if isinstance(value, pd.Timestamp):
        return value.tz_localize(None) if value.tzinfo else value
    from analysis import metadata

    ts = metadata.parse_published(str(value))
    if ts is None:
        _warn(path, f"unreadable date {str(value)[:40]!r}", problems)
    return ts


# ---------------------------------------------------------------- one record per article
def _record(path: Path, fmt: str, raw: str, problems: list[str], row=None, article_id=None,
            data: bytes | None = None) -> dict:
    if article_id is None:
        article_id = _sha(data if data is not None else raw.encode("utf-8"))
    rec = dict.fromkeys(COLUMNS)
    rec.update(article_id=str(article_id), path=str(path), row=row, format=fmt, raw=raw,
               removed_lines="", n_removed=0, text="")
    if len(raw) > MAX_ARTICLE_CHARS:
        _warn(path, f"huge article ({len(raw):,} characters); check that it is one article", problems)
    return rec


def _from_txt(rec: dict, problems: list[str]) -> dict:
    from analysis import metadata

    meta = metadata.from_dump(rec["raw"])
    rec["_meta_lines"] = meta.pop("lines", {}) or {}
    for key in ("title", "author", "read_time_min", "caption", "photo_credit", "outlet", "url"):
        if meta.get(key) is not None:
            rec[key] = meta[key]
    rec["published"] = _published(meta.get("published"), rec["path"], problems)
    return rec


def _from_html(rec: dict, problems: list[str]) -> dict:
    from analysis import extract, metadata

    html = rec["raw"]
    try:
        meta = metadata.from_html(html, url=None)
    except Exception as exc:  # broken markup must not stop a corpus
        meta = {}
        _warn(rec["path"], f"metadata extraction failed ({type(exc).__name__}: {exc})", problems)
    for key in ("title", "author", "read_time_min", "caption", "photo_credit", "outlet", "url"):
        if meta.get(key) is not None:
            rec[key] = meta[key]
    rec["published"] = _published(meta.get("published"), rec["path"], problems)
    paragraphs = extract.html_body(html, title=rec.get("title"))
    if not paragraphs:
        _warn(rec["path"], "HTML without an article body (nothing extracted)", problems)
    rec["text"] = "\n\n".join(paragraphs)
    return rec


def _from_fields(rec: dict, fields: dict, problems: list[str]) -> dict:
    """An already-extracted article (JSONL/CSV row): fields mapped to the kit's columns."""
    def pick(name):
        for key in FIELDS[name]:
            if key in fields and _clean_value(fields[key]) is not None:
                return fields[key]
        return None

    body = _clean_value(pick("text"), sep="\n\n") or ""   # a list of paragraphs: one per item
    if "<p" in body[:2000].lower() or "</" in body[:2000]:
        from analysis import extract

        paragraphs = extract.html_body(body) or normalise_paragraphs(re.sub(r"<[^>]+>", "\n", body))
    else:
        paragraphs = normalise_paragraphs(body)
    rec["text"] = "\n\n".join(paragraphs)
    rec["raw"] = body
    for name in ("title", "url", "author", "outlet"):
        rec[name] = _clean_value(pick(name))
    rec["published"] = _published(_clean_value(pick("published")), rec["path"], problems)
    if not body:
        _warn(f"{rec['path']} (record {rec['row']})", "record without article text", problems)
    return rec


def _records_from_file(path: Path) -> list[dict]:
    """Read one file into raw article records (txt/html: one; jsonl/json/csv: one per row)."""
    fmt = _format_of(path)
    problems: list[str] = []
    try:
        data = read_bytes(path, whole=fmt not in ("txt", "html"))
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        data = exc
    name = str(path)
    if not name.isascii():
        try:
            name.encode("utf-8")
        except UnicodeEncodeError:   # a file name that is not UTF-8: no table could store it
            path = Path(name.encode("utf-8", "surrogateescape").decode("utf-8", "replace"))
            _warn(path, "file name is not valid UTF-8 (undecodable bytes shown as U+FFFD)", problems)
    if isinstance(data, BaseException):
        return _notice(path, problems) + [_skipped(path, fmt, f"unreadable ({type(data).__name__}: {data})")]
    if len(data) > MAX_FILE_BYTES and fmt in ("txt", "html"):
        return _notice(path, problems) + [_skipped(path, fmt, f"too large: over {MAX_FILE_BYTES:,} bytes, not an article page "
                                    "(raise analysis.load.MAX_FILE_BYTES to load it)")]
    if looks_binary(data) and not _utf16_text(data):
        return _notice(path, problems) + [_skipped(path, fmt, "binary file, not text")]
    if fmt in ("txt", "html"):
        raw = decode(data, path, problems)
        rec = _record(path, fmt, raw, problems, data=data)
        if not raw.strip():
            _warn(path, "empty file", problems)
        elif fmt == "txt":
            _from_txt(rec, problems)
        else:
            _from_html(rec, problems)
        rec["_problems"] = problems
        return [rec]
    return _records_from_table(path, fmt, decode(data, path, problems), problems)


def _records_from_table(path: Path, fmt: str, text: str, problems: list[str]) -> list[dict]:
    rows: list[dict] = []
    if fmt == "jsonl":
        for i, line in enumerate(text.split("\n")):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                if _SURROGATE_ESCAPE.search(line):
                    obj = _replace_surrogates(obj, f"line {i + 1}: ", path, problems)
            except json.JSONDecodeError as exc:
                _warn(path, f"line {i + 1} is not JSON, skipped ({exc.msg})", problems)
                obj = None
            else:
                if not isinstance(obj, dict):
                    _warn(path, f"line {i + 1} is a JSON {_json_type(obj)}, not an article object; "
                                "skipped", problems)
            rows.append(obj)
    elif fmt == "json":
        try:
            obj = json.loads(text) if text.strip() else []
            if _SURROGATE_ESCAPE.search(text):
                obj = _replace_surrogates(obj, "", path, problems)
        except json.JSONDecodeError as exc:
            _warn(path, f"not valid JSON, skipped ({exc.msg})", problems)
            obj = []
        rows = obj if isinstance(obj, list) else obj.get("articles", [obj]) if isinstance(obj, dict) else []
        if not isinstance(rows, list):
            _warn(path, f"\"articles\" is a JSON {_json_type(rows)}, not a list; skipped", problems)
            rows = []
        for i, item in enumerate(rows):
            if not isinstance(item, dict):
                _warn(path, f"item {i} is a JSON {_json_type(item)}, not an article object; skipped",
                      problems)
    else:
        rows = _csv_rows(path, text, problems)
    if not rows:
        _warn(path, "no articles in file", problems)
    elif not any(key in fields for fields in rows if isinstance(fields, dict) for key in FIELDS["text"]):
        _warn(path, f"no text field (one of: {', '.join(FIELDS['text'])})", problems)
    records = _notice(path, problems)
    for i, fields in enumerate(rows):
        if not isinstance(fields, dict):
            continue
        rec_problems = []
        given_id = next((fields[k] for k in FIELDS["article_id"] if _clean_value(fields.get(k))), None)
        if given_id is None:
            given_id = _sha(json.dumps(fields, sort_keys=True, default=str, ensure_ascii=False).encode("utf-8"))
        rec = _record(path, fmt, "", rec_problems, row=i, article_id=_clean_value(given_id))
        _from_fields(rec, fields, rec_problems)
        rec["_problems"] = rec_problems
        records.append(rec)
    return records


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
        _warn(path, f"{where}lone surrogate escapes (\\ud800-\\udfff) replaced by U+FFFD", problems)
    return obj


def _json_type(value) -> str:
    return {dict: "object", list: "array", str: "string", bool: "boolean", int: "number",
            float: "number", type(None): "null"}.get(type(value), type(value).__name__)


def _csv_rows(path: Path, text: str, problems: list[str]) -> list[dict]:
    """The records of a CSV text (first row: the header). A record with more cells than the header
    keeps its first ones and is reported (an unquoted comma?); missing cells are empty; a quote
    left open at the end of the file is reported."""
    import csv
    import io

    if not text.strip():
        return []
    old_limit = csv.field_size_limit(max(csv.field_size_limit(), MAX_FILE_BYTES + 1))
    try:
        reader = csv.reader(io.StringIO(text), strict=True)
        try:
            header = next(reader, [])
        except csv.Error as exc:
            _warn(path, f"not a readable CSV, skipped ({exc})", problems)
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
                _warn(path, f"record {len(rows)} (after line {last}) cannot be read ({exc}: a quote left "
                            "open?); it and the rest of the file are skipped", problems)
                break
            if not cells:
                continue
            if len(cells) > len(names):
                _warn(path, f"record {len(rows)} (line {reader.line_num}) has {len(cells)} cells, the "
                            f"header {len(names)}: the extra cells are ignored (an unquoted comma?)",
                      problems)
            rows.append(dict(zip(names, cells + [""] * (len(names) - len(cells)))))
        return rows
    finally:
        csv.field_size_limit(old_limit)


def _skipped(path: Path, fmt, reason: str) -> dict:
    return {"_skip": True, "path": str(path), "format": fmt, "reason": reason}


def _notice(path: Path, problems: list[str]) -> list[dict]:
    """File-level problems of a JSONL/CSV file (not of one record), re-issued by the parent."""
    return [{"_notice": True, "path": str(path), "reason": p} for p in problems]


# ---------------------------------------------------------------- cleaning text dumps
def _clean_txt(rec: dict, repeated: frozenset) -> dict:
    from analysis import clean

    site = rec.get("outlet") or _host(rec.get("url"))
    result = clean.clean_dump(rec["raw"], skip=rec.pop("_meta_lines", {}), repeated=repeated, site=site)
    rec["text"] = "\n\n".join(result["paragraphs"])
    removed = sorted(result["removed"])
    rec["removed_lines"] = ",".join(f"{line}:{reason}" for line, _text, reason in removed)
    rec["n_removed"] = len(removed)
    return rec


def _finish(rec: dict) -> dict:
    problems = rec.pop("_problems", [])
    if not rec.get("outlet"):
        rec["outlet"] = _host(rec.get("url"))
    text = rec["text"] or ""
    paragraphs = text.split("\n\n") if text else []
    rec["n_paragraphs"] = len(paragraphs)
    rec["n_words"] = len(text.split())
    rec["language"] = language_of(text or rec["raw"] or "")
    if rec["language"] == "other":
        _warn(rec["path"], "does not look like English; English-only measures (readability, "
                           "tone, lexicons) will not be meaningful", problems)
    if rec["raw"] and rec["raw"].strip() and not text and "record without article text" not in problems:
        if not any("without an article body" in p for p in problems):
            _warn(rec["path"], "no article body found", problems)
    rec["warnings"] = " | ".join(dict.fromkeys(problems))
    rec.pop("_meta_lines", None)
    return rec


def _group_key(rec: dict) -> tuple:
    return (_parent(rec["path"]), rec.get("outlet") or "")


@lru_cache(maxsize=4096)
def _parent_of_dir(folder: str) -> str:
    return str(Path(folder + "/x").parent)


def _parent(path: str) -> str:
    """str(Path(path).parent), without building a Path per file (one per folder)."""
    head, sep, tail = path.rpartition(os.sep)
    return _parent_of_dir(head) if sep and head and tail not in ("", ".") else str(Path(path).parent)


def _load_chunk(paths: list[Path]) -> list[dict]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LoadWarning)  # the parent re-issues from `warnings` column
        out = []
        for p in paths:
            out += _records_from_file(p)
        return out


def _clean_chunk(items: list[tuple[dict, frozenset]]) -> list[dict]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LoadWarning)
        return [_finish(_clean_txt(rec, rep) if rec["format"] == "txt" else rec) for rec, rep in items]


def _chunks(seq: list, n: int) -> list[list]:
    size = max(1, -(-len(seq) // n))
    return [seq[i:i + size] for i in range(0, len(seq), size)]


def _map(func, chunks: list, jobs: int) -> list:
    if jobs <= 1 or len(chunks) <= 1:
        return [func(c) for c in chunks]
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(func, chunks))


def load_articles(source, jobs: int | None = 1, learn_repeated: bool = True) -> pd.DataFrame:
    """Load articles from a folder, file, glob or list of paths: one row per article.

    Bad files (empty, binary, wrong encoding, huge, not English, HTML without an article) are
    reported with a `LoadWarning` naming the file; unreadable ones are skipped and listed in
    `frame.attrs["skipped"]`, the others are kept with their problem in the `warnings` column.
    `jobs`: processes to use (None: all cores). `learn_repeated`: drop lines that recur across
    many text dumps of the same outlet (learned from the corpus itself).
    """
    paths = find_files(source)
    jobs = (os.cpu_count() or 1) if jobs is None else max(1, int(jobs))
    chunks = _chunks(paths, jobs * 4) if jobs > 1 else [paths]
    records = [r for chunk in _map(_load_chunk, chunks, jobs) for r in chunk]
    skipped = [(r["path"], r["reason"]) for r in records if r.get("_skip")]
    notices = [(r["path"], r["reason"]) for r in records if r.get("_notice")]
    records = [r for r in records if not (r.get("_skip") or r.get("_notice"))]

    repeated: dict[tuple, frozenset] = {}
    if learn_repeated:
        from analysis import clean

        groups: dict[tuple, list[str]] = defaultdict(list)
        for r in records:
            if r["format"] == "txt" and r["raw"]:
                groups[_group_key(r)].append(r["raw"])
        repeated = {k: clean.repeated_lines(v) for k, v in groups.items() if len(v) >= 3}
    none = frozenset()
    items = [(r, repeated.get(_group_key(r), none) if repeated else none) for r in records]
    records = [r for chunk in _map(_clean_chunk, _chunks(items, jobs * 4) if jobs > 1 else [items], jobs)
               for r in chunk]

    _dedupe_ids(records)
    for r in records:  # re-issue warnings in the parent, one per file and problem
        for problem in filter(None, (r["warnings"] or "").split(" | ")):
            where = r["path"] if r["row"] is None else f"{r['path']} (record {r['row']})"
            warnings.warn(f"{where}: {problem}", LoadWarning, stacklevel=2)
    for path, reason in notices:
        warnings.warn(f"{path}: {reason}", LoadWarning, stacklevel=2)
    for path, reason in skipped:
        warnings.warn(f"{path}: skipped, {reason}", LoadWarning, stacklevel=2)
    frame = _frame(records)
    frame.attrs["skipped"] = skipped
    frame.attrs["file_warnings"] = notices
    return frame


def _dedupe_ids(records: list[dict]) -> None:
    counts: dict[str, int] = defaultdict(int)
    for r in records:
        counts[r["article_id"]] += 1
        if counts[r["article_id"]] > 1:
            r["article_id"] = f"{r['article_id']}-{counts[r['article_id']]}"


def _frame(records: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame.from_records(records, columns=COLUMNS)
    frame["row"] = frame["row"].astype("Int64")
    frame["read_time_min"] = pd.to_numeric(frame["read_time_min"], errors="coerce").astype("Int64")
    frame["published"] = pd.to_datetime(frame["published"], errors="coerce")
    for col in ("n_words", "n_paragraphs", "n_removed"):
        frame[col] = frame[col].astype("int64")
    return frame


# ---------------------------------------------------------------- derived tables
@takes(LOADED_ARTICLES)
def removed_lines(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per line of `raw` that the cleaner removed: article_id, line, text, reason."""
    rows = []
    for aid, raw, spec in zip(articles["article_id"], articles["raw"], articles["removed_lines"]):
        if not spec:
            continue
        lines = (raw or "").split("\n")
        for item in spec.split(","):
            line, reason = item.split(":", 1)
            line = int(line)
            rows.append((aid, line, lines[line] if line < len(lines) else "", reason))
    return pd.DataFrame(rows, columns=["article_id", "line", "text", "reason"]).astype(
        {"line": "int64"})


@takes(ARTICLES)
def paragraphs(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per body paragraph: article_id, paragraph (0-based), text, n_words, start (offset)."""
    rows = []
    for aid, text in zip(articles["article_id"], articles["text"]):
        if not text:
            continue
        start = 0
        for i, para in enumerate(text.split("\n\n")):
            rows.append((aid, i, para, len(para.split()), start))
            start += len(para) + 2
    return pd.DataFrame(rows, columns=["article_id", "paragraph", "text", "n_words", "start"]).astype(
        {"paragraph": "int64", "n_words": "int64", "start": "int64"})


def articles_from_texts(texts: Iterable[str], ids: Iterable[str] | None = None) -> pd.DataFrame:
    """A minimal articles frame from clean body texts (for tests and quick experiments)."""
    texts = list(texts)
    ids = list(ids) if ids is not None else [_sha(t.encode("utf-8")) for t in texts]
    return pd.DataFrame({"article_id": ids, "text": ["\n\n".join(normalise_paragraphs(t)) for t in texts]})


@takes(LOADED_ARTICLES)
def line_audit(articles: pd.DataFrame, article_id: str) -> pd.DataFrame:
    """Every line of one article's `raw` with its fate: `body`, the removal reason, or `blank`."""
    match = articles.loc[articles["article_id"] == article_id]
    if match.empty:
        raise KeyError(f"no article with article_id {article_id!r} ({len(articles)} articles loaded)")
    row = match.iloc[0]
    lines = (row["raw"] or "").split("\n")
    fate = ["blank" if not line.strip() else "body" for line in lines]
    for item in filter(None, (row["removed_lines"] or "").split(",")):
        line, reason = item.split(":", 1)
        if int(line) < len(fate):
            fate[int(line)] = reason
    return pd.DataFrame({"line": range(len(lines)), "fate": fate, "text": lines})

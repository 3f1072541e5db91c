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
import zlib
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import pandas as pd

from analysis.duplicates import page_key, resolve_duplicates, where_of
from analysis.encodings import LoadWarning, declared_charset, decode_text, is_binary, warn_file
from analysis.encodings import decode, looks_binary  # noqa: F401  (kept importable from here)
from analysis.exports import csv_rows, json_rows
from analysis.inputs import ARTICLES, LOADED_ARTICLES, takes
from analysis.resources import fewer_collections, typed_frame

FORMATS = {".txt": "txt", ".html": "html", ".htm": "html", ".jsonl": "jsonl", ".ndjson": "jsonl",
           ".json": "json", ".csv": "csv"}
MAX_FILE_BYTES = 50 * 2**20       # one page larger than this is not an article: skipped, reported
MAX_ARTICLE_CHARS = 1_000_000     # a longer body text is flagged `huge` (and still loaded)

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
           "n_removed", "language", "encoding", "warnings", "removed_lines", "heading_lines",
           "removed_paragraphs"]


# ---------------------------------------------------------------- finding and reading files
def _format_of(path: Path) -> str | None:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return FORMATS.get(suffixes[-1]) if suffixes else None


def bodies_comparable(paths) -> bool:
    """Whether loading `paths` can give a text dump and an HTML page (a record's format is its
    file's): only those two are compared by body (`duplicates.resolve_duplicates`), so a corpus of
    one of them needs no body sketch."""
    return {"txt", "html"} <= {_format_of(Path(p)) for p in paths}


OUTPUT_MARKER = ".media-analysis-output"   # written by `run_corpus` into folders it writes; never read


class FoundFiles(list):
    """find_files' answer: the files (a list of Path), plus `problems` (folders that could not be
    listed or were skipped, one line each, named) and `unmatched` ((item, "folder"/"pattern") for
    each folder or pattern given that holds no article file) for the caller to report."""

    def __init__(self, files=(), problems=(), unmatched=()):
        super().__init__(files)
        self.problems: list[str] = list(problems)
        self.unmatched: list[tuple[str, str]] = list(unmatched)

    def messages(self) -> list[str]:
        """Every problem and unmatched item as one line naming it."""
        return self.problems + [
            f"{item}: no article files match this pattern" if kind == "pattern" else
            f"{item}: no article files in this folder (.txt, .html, .jsonl, .json, .csv, optionally .gz)"
            for item, kind in self.unmatched]


def _real(path) -> str:
    try:
        return os.path.realpath(path)
    except (OSError, ValueError):
        return os.path.abspath(path)


def _walk(folder: Path, problems: list[str], exclude: frozenset) -> list[Path]:
    """Article files under `folder` (hidden names skipped), without recursion: a tree of any depth.
    Symlinked folders are followed once (a link back up is a loop, reported); folders that cannot
    be listed and output folders of the kit are reported by name and skipped."""
    found: list[Path] = []
    stack = [folder]
    seen: set[tuple[int, int]] = set()
    while stack:
        current = stack.pop()
        try:
            st = os.stat(current)
            key = (st.st_dev, st.st_ino)
            if key in seen:
                problems.append(f"{current}: folder already read (a symbolic link loop or a second "
                                "link to it); not read again")
                continue
            seen.add(key)
            if key in exclude:
                continue
            with os.scandir(current) as entries:
                entries = list(entries)
        except OSError as exc:
            problems.append(f"{current}: folder skipped, cannot be listed ({exc.strerror or exc})")
            continue
        if any(e.name == OUTPUT_MARKER for e in entries):
            problems.append(f"{current}: folder skipped, it holds the output of an earlier run")
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(current, entry.name)
            try:
                is_dir = entry.is_dir()          # follows symlinks
            except OSError:
                is_dir = False
            if is_dir:
                stack.append(path)
            elif _format_of(path):
                found.append(path)    # a broken link or a special file: reported when read
    return found


def find_files(source, exclude=()) -> FoundFiles:
    """Expand a folder, file, glob pattern or list of them into a sorted list of article files.

    Each file is listed once, however it is reached (relative and absolute paths, symlinks: the
    real path decides; the first spelling is kept). Folders in `exclude` (and folders holding an
    earlier run's output) are never read. A missing path raises FileNotFoundError; a folder or
    pattern that gives no file is listed in the answer's `problems`.
    """
    if isinstance(source, (str, os.PathLike)):
        source = [source]
    excluded = [_real(e) for e in exclude]
    exclude = frozenset(filter(None, map(_identity, excluded)))
    problems: list[str] = []
    unmatched: list[tuple[str, str]] = []
    found: list[Path] = []
    for item in source:
        item = str(item)
        p = Path(item)
        kind = _kind(item)
        if kind == "dir":
            here = sorted(_walk(p, problems, exclude))
            if not here:
                unmatched.append((item, "folder"))
        elif kind in ("file", "other") or os.path.islink(item):   # broken links, pipes: reported when read
            here = [p]
        elif _glob.has_magic(item):
            here = sorted(Path(f) for f in _glob.glob(item, recursive=True)
                          if _format_of(Path(f)) and (os.path.isfile(f) or os.path.islink(f)))
            if not here:
                unmatched.append((item, "pattern"))
        elif kind is None:
            raise FileNotFoundError(f"cannot read {item} (permission denied?)")
        else:
            raise FileNotFoundError(f"no such file or folder: {item}")
        found += here
    seen, unique = set(), []
    for f in found:
        key = _identity(f) or str(f)      # a broken link: its own spelling
        if key in seen or (excluded and any(_real(f).startswith(e + os.sep) for e in excluded)):
            continue
        seen.add(key)
        unique.append(f)
    return FoundFiles(unique, problems, unmatched)


def _identity(path) -> tuple[int, int] | None:
    """(device, inode) of what `path` points to: the same file however it is reached."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return (st.st_dev, st.st_ino)


def _kind(item: str) -> str | None:
    """"dir", "file" (regular), "other" (a pipe, device, socket) or "" (missing), symlinks
    followed, from one stat call; None on another error (e.g. permission)."""
    try:
        mode = os.stat(item).st_mode
    except (FileNotFoundError, NotADirectoryError, ValueError):
        return ""
    except OSError:
        return None
    return "dir" if stat.S_ISDIR(mode) else "file" if stat.S_ISREG(mode) else "other"


class NotRegularFile(OSError):
    """A named pipe, device or socket where a file was expected: never opened for reading."""


def _open_regular(path: Path):
    """The file opened for binary reading; a pipe or device is refused without waiting on it."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = ("named pipe" if stat.S_ISFIFO(mode) else "socket" if stat.S_ISSOCK(mode)
                    else "device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "folder"
                    if stat.S_ISDIR(mode) else "special file")
            raise NotRegularFile(f"not a regular file but a {kind}")
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")


def _gunzip(packed: bytes, limit: int, problems: list[str] | None) -> bytes:
    """Every gzip member of `packed`, as far as it decodes (fed in 64 KB pieces, so that what came
    before a damaged spot is kept): a damaged or truncated stream gives its readable part (the
    problem is noted); bytes after the last member are ignored (noted). `limit` < 0: no limit."""
    out = bytearray()
    notes = problems if problems is not None else []
    pos, step = 0, 1 << 16
    inflate = zlib.decompressobj(31)
    while pos < len(packed) or inflate.unconsumed_tail:
        piece = inflate.unconsumed_tail or packed[pos:pos + step]
        if not inflate.unconsumed_tail:
            pos += len(piece)
        before = inflate.copy()
        try:
            out += inflate.decompress(piece, max(1, limit + 1 - len(out)) if limit >= 0 else 0)
        except zlib.error as exc:
            for k in range(0, len(piece), 16):   # the same piece again in small steps: keep all
                try:                              # that decodes before the damaged spot
                    out += before.decompress(piece[k:k + 16])
                except zlib.error:
                    break
            if not out:
                raise gzip.BadGzipFile(f"not readable as gzip ({exc})") from None
            notes.append(f"damaged gzip data after {len(out):,} readable bytes ({exc}); the readable "
                         "part is loaded")
            break
        if 0 <= limit < len(out):
            break
        if inflate.eof:   # end of one member: another may follow, or trailing bytes
            rest = inflate.unused_data + packed[pos:]
            if not rest.strip(b"\x00"):
                break
            if not rest.startswith(b"\x1f\x8b"):
                notes.append(f"{len(rest):,} bytes after the gzip data ignored (trailing garbage)")
                break
            packed, pos, inflate = rest, 0, zlib.decompressobj(31)
    else:
        if not inflate.eof and out:
            notes.append(f"gzip data ends early (a truncated file?) after {len(out):,} bytes; "
                         "the readable part is loaded")
    if not out and packed and not inflate.eof:
        raise gzip.BadGzipFile("gzip data ends before any readable byte")
    return bytes(out)


def read_bytes(path: Path, whole: bool = False, problems: list[str] | None = None) -> bytes:
    """The file's bytes, gunzipped when it ends in .gz: at most MAX_FILE_BYTES + 1 of them unless
    `whole` (JSONL/JSON/CSV exports hold many articles and are read whole). A damaged gzip gives
    the part that decodes (the problem is appended to `problems`); pipes and devices raise
    NotRegularFile without being waited on."""
    size = -1 if whole else MAX_FILE_BYTES + 1
    with _open_regular(path) as fh:
        if path.suffix.lower() == ".gz":
            return _gunzip(fh.read(), size, problems)
        return _read_upto(fh, size)


def _read_upto(fh, size: int) -> bytes:
    """At most `size` bytes of an open file (all of it if `size` < 0), read in pieces of the file's
    size (+1, to meet its end): `read(size)` would allocate `size` bytes (MAX_FILE_BYTES + 1) for
    every page first."""
    if size < 0:
        return fh.read()
    piece = os.fstat(fh.fileno()).st_size + 1
    out = fh.read(min(size, piece))
    while len(out) < size:
        more = fh.read(min(size - len(out), piece))
        if not more:
            break
        out += more
    return out


# ---------------------------------------------------------------- language and text helpers
_EN_STOP = frozenset("""the of and to a in is that for it on was with as he said by at from his be
have are this an not has but they were had or which their been its who will would more about
we after over also than there when her she i you one all new up out into says could what them
other these two our can just may some people year first last no if""".split())
_WORD = re.compile(r"[A-Za-z']+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_ASCII_LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
# bytes -> themselves lower-cased for `_WORD`'s characters (ASCII letters, '), else a space: with
# non-ASCII characters encoded as "?" first, split() gives exactly `_WORD.findall`, lower-cased
# (as bytes), in C
_WORD_BYTES = bytes(ord(chr(c).lower()) if c in _ASCII_LETTERS or c == ord("'") else ord(" ") for c in range(256))
_EN_STOP_BYTES = frozenset(w.encode("ascii") for w in _EN_STOP)


def _lower_words(text: str, end: int | None = None) -> list[bytes]:
    """`_WORD.findall(text, 0, end)` lower-cased, as ASCII bytes (C-level encode, translate, split)."""
    return text[:end].encode("ascii", "replace").translate(_WORD_BYTES).split()


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
            words = _lower_words(head)
            joined = b"".join(words)
            latin = len(joined)
            letters = latin - joined.count(b"'") + sum(map(str.isalpha, "".join(_NON_ASCII.findall(head))))
            if letters and latin / letters < 0.5:
                return "other"
    if words is None:
        words = _lower_words(head, 2800)      # usually 400 words already (the last may be cut)
        if len(words) <= 400 and len(head) > 2800:
            words = _lower_words(head)
    words = words[:400]
    if len(words) < 8:
        return "unknown"
    hits = sum(map(_EN_STOP_BYTES.__contains__, words))
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
        warn_file(path, f"unreadable date {str(value)[:40]!r}", problems)
    return ts


# ---------------------------------------------------------------- one record per article
def _record(path: Path, fmt: str, raw: str, problems: list[str], row=None, article_id=None,
            data: bytes | None = None) -> dict:
    if article_id is None:
        article_id = _sha(data if data is not None else raw.encode("utf-8"))
    rec = dict.fromkeys(COLUMNS)
    rec.update(article_id=str(article_id), path=str(path), row=row, format=fmt, raw=raw,
               removed_lines="", n_removed=0, text="", heading_lines="", removed_paragraphs="")
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
    from analysis import metadata

    from analysis.metadata.html import parse_page

    html = rec["raw"]
    root = parse_page(html)   # read once: the headings below read the same tree
    try:
        meta = metadata.from_html(html, url=None, root=root)
    except Exception as exc:  # broken markup must not stop a corpus
        meta = {}
        warn_file(rec["path"], f"metadata extraction failed ({type(exc).__name__}: {exc})", problems)
    for key in ("title", "author", "read_time_min", "caption", "photo_credit", "outlet", "url"):
        if meta.get(key) is not None:
            rec[key] = meta[key]
    rec["published"] = _published(meta.get("published"), rec["path"], problems)
    paragraphs = _html_paragraphs(rec, html, title=rec.get("title"))
    if not paragraphs:
        warn_file(rec["path"], "HTML without an article body (nothing extracted)", problems)
    rec["text"] = "\n\n".join(paragraphs)
    rec["heading_lines"] = _heading_lines(html, rec["text"], root)
    return rec


def _html_paragraphs(rec: dict, html: str, title: str | None = None) -> list[str]:
    """The body paragraphs of HTML `html`; the paragraphs of the extracted text left out of the body
    go to `removed_paragraphs` (`reason<TAB>text`, one a line) and are counted in `n_removed`."""
    from analysis import extract

    parts = extract.html_body_parts(html, title=title)
    rec["removed_paragraphs"] = "\n".join(f"{r.reason}\t{_one_line(r.text)}" for r in parts.removed)
    rec["n_removed"] = len(parts.removed)
    return parts.paragraphs


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _heading_lines(html: str, text: str, root=None) -> str:
    """The `heading_lines` column: the body lines the page's markup marks as headings, one a line
    (`root`: the page's tree when already parsed)."""
    from analysis.html_headings import LINE_SEPARATOR, heading_lines

    try:
        return LINE_SEPARATOR.join(heading_lines(html, text, root))
    except Exception:  # noqa: BLE001 - markup the parser chokes on: no headings known, the body stays
        return ""


def _from_fields(rec: dict, fields: dict, problems: list[str]) -> dict:
    """An already-extracted article (JSONL/CSV row): fields mapped to the kit's columns."""
    def pick(name):
        for key in FIELDS[name]:
            if key in fields and _clean_value(fields[key]) is not None:
                return fields[key]
        return None

    body = _clean_value(pick("text"), sep="\n\n") or ""   # a list of paragraphs: one per item
    if "<p" in body[:2000].lower() or "</" in body[:2000]:
        paragraphs = _html_paragraphs(rec, body) or normalise_paragraphs(re.sub(r"<[^>]+>", "\n", body))
        rec["text"] = "\n\n".join(paragraphs)
        rec["heading_lines"] = _heading_lines(body, rec["text"])
    else:
        rec["text"] = "\n\n".join(normalise_paragraphs(body))
    rec["raw"] = body
    for name in ("title", "url", "author", "outlet"):
        rec[name] = _clean_value(pick(name))
    rec["published"] = _published(_clean_value(pick("published")), rec["path"], problems)
    if not body:
        warn_file(f"{rec['path']} (record {rec['row']})", "record without article text", problems)
    return rec


def _records_from_file(path: Path) -> list[dict]:
    """Read one file into raw article records (txt/html: one; jsonl/json/csv: one per row). Never
    raises: a file that cannot be read at all is one `_skip` record naming the reason."""
    try:
        return _read_records(path)
    except Exception as exc:  # noqa: BLE001 - one file never stops a corpus
        return [_skipped(path, _format_of(path), f"could not be read ({type(exc).__name__}: "
                                                 f"{str(exc)[:200]})")]


def _read_records(path: Path) -> list[dict]:
    fmt = _format_of(path)
    problems: list[str] = []
    try:
        data = read_bytes(path, whole=fmt not in ("txt", "html"), problems=problems)
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        data = exc
    name = str(path)
    if not name.isascii():
        try:
            name.encode("utf-8")
        except UnicodeEncodeError:   # a file name that is not UTF-8: no table could store it
            path = Path(name.encode("utf-8", "surrogateescape").decode("utf-8", "replace"))
            warn_file(path, "file name is not valid UTF-8 (undecodable bytes shown as U+FFFD)", problems)
    for note in problems:
        warnings.warn(f"{path}: {note}", LoadWarning, stacklevel=2)
    if isinstance(data, BaseException):
        reason = (str(data) if isinstance(data, NotRegularFile)
                  else f"unreadable ({type(data).__name__}: {data})")
        return _notice(path, problems) + [_skipped(path, fmt, reason)]
    if len(data) > MAX_FILE_BYTES and fmt in ("txt", "html"):
        return _notice(path, problems) + [_skipped(path, fmt, f"too large: over {MAX_FILE_BYTES:,} bytes, not an article page "
                                    "(raise analysis.load.MAX_FILE_BYTES to load it)")]
    if is_binary(data):
        return _notice(path, problems) + [_skipped(path, fmt, "binary file, not text")]
    if fmt in ("txt", "html"):
        raw, encoding = decode_text(data, path, problems, declared_charset(data) if fmt == "html" else None)
        rec = _record(path, fmt, raw, problems, data=data)
        rec["encoding"] = encoding
        if not raw.strip():
            warn_file(path, "empty file", problems)
        elif fmt == "txt":
            _from_txt(rec, problems)
        else:
            _from_html(rec, problems)
        rec["_problems"] = problems
        return [rec]
    text, encoding = decode_text(data, path, problems)
    return _records_from_table(path, fmt, text, problems, encoding)


def _records_from_table(path: Path, fmt: str, text: str, problems: list[str],
                        encoding: str = "utf-8") -> list[dict]:
    rows = (json_rows(text, path, problems, MAX_FILE_BYTES) if fmt in ("jsonl", "json")
            else csv_rows(path, text, problems, MAX_FILE_BYTES))
    if not rows:
        warn_file(path, "no articles in file", problems)
    elif not any(key in fields for fields in rows if isinstance(fields, dict) for key in FIELDS["text"]):
        warn_file(path, f"no text field (one of: {', '.join(FIELDS['text'])})", problems)
    records = _notice(path, problems)
    for i, fields in enumerate(rows):
        if not isinstance(fields, dict):
            continue
        rec_problems: list[str] = []
        try:
            given_id = next((fields[k] for k in FIELDS["article_id"] if _clean_value(fields.get(k))), None)
            if given_id is None:
                given_id = _sha(json.dumps(fields, sort_keys=True, default=str,
                                           ensure_ascii=False).encode("utf-8", "replace"))
            rec = _record(path, fmt, "", rec_problems, row=i, article_id=_clean_value(given_id))
            rec["encoding"] = encoding
            _from_fields(rec, fields, rec_problems)
        except Exception as exc:  # noqa: BLE001 - e.g. a value nested too deeply: this record only
            records.append({"_notice": True, "path": str(path), "reason": f"record {i} could not be "
                            f"read ({type(exc).__name__}: {str(exc)[:120]}); skipped"})
            continue
        rec["_problems"] = rec_problems
        records.append(rec)
    return records


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
    if len(text) > MAX_ARTICLE_CHARS:   # the article's body, not the page's markup
        warn_file(rec["path"], f"huge article ({len(text):,} characters of body text); check that it is "
                           "one article", problems)
    rec["language"] = language_of(text or rec["raw"] or "")
    if rec["language"] == "other":
        warn_file(rec["path"], "does not look like English; English-only measures (readability, "
                           "tone, lexicons) will not be meaningful", problems)
    if rec["raw"] and rec["raw"].strip() and not text and "record without article text" not in problems:
        if not any("without an article body" in p for p in problems):
            warn_file(rec["path"], "no article body found", problems)
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
        return [_clean_one(rec, rep) for rec, rep in items]


def _clean_one(rec: dict, repeated: frozenset) -> dict:
    """One record cleaned and finished; if that fails, the record is kept with its raw text, an
    empty body and the failure in its warnings (the other articles are not affected)."""
    try:
        return _finish(_clean_txt(rec, repeated) if rec["format"] == "txt" else rec)
    except Exception as exc:  # noqa: BLE001 - one article never stops a corpus
        rec.update(text="", removed_lines="", n_removed=0, heading_lines="", removed_paragraphs="")
        rec.setdefault("_problems", []).append(f"cleaning failed ({type(exc).__name__}: {str(exc)[:120]}); "
                                               "kept with an empty body")
        return _finish(rec)


def _chunks(seq: list, n: int) -> list[list]:
    size = max(1, -(-len(seq) // n))
    return [seq[i:i + size] for i in range(0, len(seq), size)]


def _map(func, chunks: list, jobs: int) -> list:
    if jobs <= 1 or len(chunks) <= 1:
        return [func(c) for c in chunks]
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(func, chunks))


@fewer_collections
def load_articles(source, jobs: int | None = 1, learn_repeated: bool = True,
                  keep_duplicates: bool = False, sketch_bodies: bool | None = None) -> pd.DataFrame:
    """Load articles from a folder, file, glob or list of paths: one row per article.

    Bad files (empty, binary, wrong encoding, huge, not English, HTML without an article) are
    reported with a `LoadWarning` naming the file; unreadable ones are skipped and listed in
    `frame.attrs["skipped"]`, the others are kept with their problem in the `warnings` column.
    A damaged file costs only what cannot be read of it (a bad JSON line, the end of a truncated
    gzip). The same page given twice (the same URL, the same bytes, or a `.txt` dump and an
    `.html` page with the same body) is loaded once, from the HTML copy, with a warning naming
    both (`keep_duplicates=True` keeps every copy); repeated ids get a suffix (-2, -3 ...) that
    is no other article's id, with a warning. A folder or pattern that gives no file warns.
    `jobs`: processes to use (None: all cores). `learn_repeated`: drop lines that recur across
    many text dumps of the same outlet (learned from the corpus itself). `keep_duplicates=True`
    also leaves each article's duplicate key in `attrs["page_keys"]` (internal: for a caller that
    decides over more files later, as a corpus run's chunks do); `sketch_bodies`: whether the keys
    hold body sketches (None: with `keep_duplicates`, or when this call compares bodies, i.e. it
    loads text dumps and HTML pages; a run passes False when no file of its corpus could match).
    """
    paths = find_files(source)
    for problem in paths.messages():
        warnings.warn(problem, LoadWarning, stacklevel=2)
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

    if sketch_bodies is None:   # bodies are compared between text dumps and HTML pages only
        sketch_bodies = keep_duplicates or {"txt", "html"} <= {r["format"] for r in records}
    keys = [page_key(r, sketch_bodies) for r in records]
    resolution = resolve_duplicates(keys, keep_duplicates)
    for r, new_id in zip(records, resolution.ids):
        r["article_id"] = new_id
    records = [r for r, kept in zip(records, resolution.keep) if kept]
    for r in records:  # re-issue warnings in the parent, one per file and problem
        for problem in filter(None, (r["warnings"] or "").split(" | ")):
            warnings.warn(f"{where_of(r)}: {problem}", LoadWarning, stacklevel=2)
    for path, reason in notices:
        warnings.warn(f"{path}: {reason}", LoadWarning, stacklevel=2)
    for path, reason in skipped:
        warnings.warn(f"{path}: skipped, {reason}", LoadWarning, stacklevel=2)
    for message in resolution.messages:
        warnings.warn(message, LoadWarning, stacklevel=2)
    frame = _frame(records)
    frame.attrs["skipped"] = skipped
    frame.attrs["file_warnings"] = notices + [("", p) for p in paths.messages()]
    frame.attrs["duplicates"] = resolution.messages
    if keep_duplicates:   # the caller decides later, over more files (not otherwise: pandas
        frame.attrs["page_keys"] = [tuple(k) for k in keys]   # deep-copies attrs into every column)
    return frame


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
    """One row per line of `raw` that the cleaner removed: article_id, line, text, reason; for pages
    read from HTML, one row per paragraph of the extracted text left out of the body, with line -1
    (from the `removed_paragraphs` column, when the table has it)."""
    rows = []
    dropped = articles["removed_paragraphs"] if "removed_paragraphs" in articles.columns else [""] * len(articles)
    for aid, raw, spec, paragraphs in zip(articles["article_id"], articles["raw"], articles["removed_lines"],
                                          dropped):
        if spec:
            lines = (raw or "").split("\n")
            for item in spec.split(","):
                line, reason = item.split(":", 1)
                line = int(line)
                rows.append((aid, line, lines[line] if line < len(lines) else "", reason))
        if isinstance(paragraphs, str) and paragraphs:
            for item in paragraphs.split("\n"):
                reason, _tab, text = item.partition("\t")
                rows.append((aid, -1, text, reason))
    return typed_frame(rows, ["article_id", "line", "text", "reason"], {"line": "int64"})


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
    return typed_frame(rows, ["article_id", "paragraph", "text", "n_words", "start"],
                       dict.fromkeys(("paragraph", "n_words", "start"), "int64"))


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

"""A whole corpus, streamed to disk: what `python -m analysis run` computes.

`run_corpus(source, tables_dir)` loads and analyzes the corpus in chunks of files, each chunk
written to `tables_dir/_chunks/<table>/<chunk>.parquet` as soon as it is done (so an interrupted
run resumes where it stopped), then concatenated into `tables_dir/<table>.parquet` and `.csv`.
Memory stays flat whatever the corpus size. Also here: the chunk plan, the code fingerprint that
makes a new version redo old chunks, and the whole-corpus duplicate decision (`dedupe_parts`,
which `analysis.dask` shares). Details: docs/scale.md.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import sys
import time
import warnings
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from analysis.producers import (DEFAULT_ARTICLE_SECONDS, TABLE_NAMES, Problems, compute_tables,
                                concat_tables, warning_lines)
from analysis.table_csv import csv_rows
from analysis.workers import pool_results, progress_bar, progress_iter, resolve_jobs, start_fork_server

DEFAULT_CHUNK_SIZE = 250        # files per chunk in `run_corpus` (balanced inside each folder)

MAX_PRINTED_WARNINGS = 50       # `run_corpus` prints this many, then points to warnings.txt

_PACKAGE = Path(__file__).resolve().parent


def plan_chunks(files: list[Path], chunk_size: int = DEFAULT_CHUNK_SIZE) -> list[list[Path]]:
    """Split the sorted file list into chunks of at most `chunk_size` files, in order.

    A chunk never mixes folders (the loader learns each outlet's repeated boiler-plate lines from
    the pages loaded together, and outlets are usually one folder), and each folder's run of files
    is split into equal parts (251 files -> 126 + 125, not 250 + 1).
    """
    size = max(1, int(chunk_size))
    runs: list[list[Path]] = []
    for f in files:
        if runs and runs[-1][-1].parent == f.parent:
            runs[-1].append(f)
        else:
            runs.append([f])
    chunks = []
    for run in runs:
        n = -(-len(run) // size)
        base, extra = divmod(len(run), n)
        start = 0
        for k in range(n):
            stop = start + base + (1 if k < extra else 0)
            chunks.append(run[start:stop])
            start = stop
    return chunks


_NOT_IN_TABLES = {"figures.py", "__main__.py", "dask.py"}  # code that cannot change a table


def code_fingerprint() -> str:
    """SHA-1 over the package's code and data files: finished chunks of an older version are redone."""
    h = hashlib.sha1()
    for p in sorted(_PACKAGE.rglob("*")):
        if p.name in _NOT_IN_TABLES and p.parent == _PACKAGE:
            continue
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc":
            h.update(str(p.relative_to(_PACKAGE)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()


def _chunk_id(paths: list[Path], fingerprint: str) -> str:
    from analysis.load import real_paths

    h = hashlib.sha1(fingerprint.encode())
    for p, real in zip(paths, real_paths(paths)):
        try:
            st = p.stat()
            h.update(f"{real}\0{st.st_size}\0{st.st_mtime_ns}\n".encode("utf-8", "surrogateescape"))
        except OSError:
            h.update(f"{p}\0missing\n".encode("utf-8", "surrogateescape"))  # any file name
    return h.hexdigest()[:16]


def load_paths(paths: list[Path], problems: Problems) -> pd.DataFrame:
    """load_articles on the chunk, keeping every copy of a page (which copy of a page to keep is
    decided over the whole corpus, by `dedupe_parts`); the page keys are in attrs["page_keys"].
    If the loader raises (it should not), file by file, skipping bad files (`failures`)."""
    from analysis.load import load_articles

    try:
        return load_articles(paths, jobs=1, keep_duplicates=True)
    except Exception:
        frames = []
        for p in paths:
            try:
                frames.append(load_articles([p], jobs=1, keep_duplicates=True))
            except Exception as exc:
                problems.unloadable(p, exc)
        keys = [k for f in frames for k in f.attrs.get("page_keys", [])]
        frame = concat_tables(frames) if frames else load_articles([], jobs=1)
        frame.attrs["page_keys"] = keys
        return frame


def page_keys_frame(articles: pd.DataFrame) -> pd.DataFrame:
    """The loader's page keys of `articles` (one row per article, in order) as a table."""
    from analysis.duplicates import PageKey

    keys = articles.attrs.get("page_keys")
    if keys is None or len(keys) != len(articles):   # not from the loader: the ids as they are
        blank = [""] * (len(PageKey._fields) - 2)
        keys = [PageKey._make([str(a), str(a), *blank]) for a in articles["article_id"]]
    return pd.DataFrame([tuple(k) for k in keys], columns=list(PageKey._fields), dtype=object)


class PartDedupe(NamedTuple):
    """For each part (chunk, partition): old id -> new id, and the ids of copies to drop."""
    remaps: list[dict[str, str]]
    drops: list[set[str]]
    messages: list[str]


def dedupe_parts(keys: list[pd.DataFrame], ids: list[list[str]],
                 keep_duplicates: bool = False) -> PartDedupe:
    """The same page in several parts loaded once, and ids unique over all parts, exactly as
    `load_articles` on all the files at once decides (`analysis.load.resolve_duplicates`).
    `keys[i]`: part i's page keys; `ids[i]`: its article ids as stored (same order)."""
    from analysis.duplicates import PageKey, resolve_duplicates

    flat = [PageKey(*row) for part in keys for row in part.itertuples(index=False, name=None)]
    decided = resolve_duplicates(flat, keep_duplicates)
    remaps, drops, k = [], [], 0
    for part_ids in ids:
        remap, drop = {}, set()
        for old in map(str, part_ids):
            if not decided.keep[k]:
                drop.add(old)
            elif decided.ids[k] != old:
                remap[old] = decided.ids[k]
            k += 1
        remaps.append(remap)
        drops.append(drop)
    return PartDedupe(remaps, drops, decided.messages)


def _arrow_table(df: pd.DataFrame):
    """pyarrow Table of `df` (no index); object columns of mixed types are stored as strings."""
    import pyarrow as pa

    try:
        return pa.Table.from_pandas(df, preserve_index=False)
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError):
        df = df.copy()
        for col in df.columns:
            if df[col].dtype == object:
                df[col] = [None if v is None or v is pd.NA or (isinstance(v, float) and v != v)
                           else str(v) for v in df[col]]
        return pa.Table.from_pandas(df, preserve_index=False)


def _write_parquet_atomic(table, path: Path) -> None:
    import pyarrow.parquet as pq

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    pq.write_table(table, tmp)
    os.replace(tmp, path)


def _run_chunk(task: dict) -> dict:
    """Worker: load one chunk of files, compute every table, write them; return its statistics."""
    from analysis.load import LoadWarning

    chunk_id, paths, root = task["id"], [Path(p) for p in task["paths"]], Path(task["root"])
    timings: dict[str, float] = {}
    problems = Problems(article_seconds=task.get("article_seconds", DEFAULT_ARTICLE_SECONDS))
    t0 = time.process_time()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        articles = load_paths(paths, problems)
        timings["load"] = time.process_time() - t0
        tables = compute_tables(articles, timings=timings, problems=problems)
    file_lines = [str(w.message) for w in caught if issubclass(w.category, LoadWarning)]
    other = warning_lines([w for w in caught if not issubclass(w.category, LoadWarning)])
    t1 = time.process_time()
    for name, table in tables.items():
        arrow = _arrow_table(table)
        _write_parquet_atomic(arrow, root / name / f"{chunk_id}.parquet")
        if task.get("csv"):  # formatted here, in parallel, rather than in the main process
            _write_csv_part(root / name / f"{chunk_id}.parquet", arrow)
    _write_parquet_atomic(_arrow_table(page_keys_frame(articles)), root / "_keys" / f"{chunk_id}.parquet")
    timings["write"] = time.process_time() - t1
    stats = {"id": chunk_id, "files": len(paths), "articles": len(articles),
             "words": int(articles["n_words"].sum()) if "n_words" in articles else 0,
             "warnings": list(dict.fromkeys(file_lines + problems.lines + other)), "timings": timings,
             "pid": os.getpid()}
    done = root / "_done" / f"{chunk_id}.json"
    done.parent.mkdir(parents=True, exist_ok=True)
    tmp = done.with_name(f".{done.name}.tmp")
    tmp.write_text(json.dumps(stats), encoding="utf-8")
    os.replace(tmp, done)  # the chunk counts as finished only once this marker exists
    return stats


def _chunk_keys(root: Path, cid: str) -> tuple[pd.DataFrame, list[str]]:
    """A finished chunk's page keys and article ids as stored (for `dedupe_parts`)."""
    import pyarrow.parquet as pq

    path = root / "articles" / f"{cid}.parquet"
    ids = pq.read_table(path, columns=["article_id"]).column(0).to_pylist() if path.exists() else []
    key_path = root / "_keys" / f"{cid}.parquet"
    keys = pd.read_parquet(key_path) if key_path.exists() else page_keys_frame(pd.DataFrame({"article_id": ids}))
    return keys, ids


def _dedupe_chunks(root: Path, chunk_ids: list[str], keep_duplicates: bool,
                   known: dict | None = None) -> PartDedupe:
    """Which rows of which chunk are a page already loaded elsewhere, and the final ids (`known`:
    chunk id -> its `_chunk_keys`, read already)."""
    known = known or {}
    parts = [known[cid] if cid in known else _chunk_keys(root, cid) for cid in chunk_ids]
    return dedupe_parts([k for k, _ in parts], [i for _, i in parts], keep_duplicates)


def _deduped(table, remap: dict[str, str], drop: set[str]):
    """A chunk's pyarrow table without the rows of dropped copies and with final article ids."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if not (remap or drop) or "article_id" not in table.column_names or not len(table):
        return table
    if drop:
        table = table.filter(pc.invert(pc.is_in(table.column("article_id"),
                                                value_set=pa.array(sorted(drop), type=pa.string()))))
    if remap:
        col = table.column("article_id")
        new = pa.array([remap.get(v, v) for v in col.to_pylist()], type=col.type)
        table = table.set_column(table.column_names.index("article_id"), "article_id", new)
    return table


def _fit_chunk(table, schema):
    """A chunk's pyarrow table with the columns of the table's final `schema`, in its order and
    types (a column the chunk lacks is all missing)."""
    import pyarrow as pa

    for field in schema:
        if field.name not in table.column_names:
            table = table.append_column(field.name, pa.nulls(len(table), field.type))
    return table.select(schema.names).cast(schema)


def _same_columns(chunk_schema, schema) -> bool:
    """True when a chunk read with its own schema gives the same pandas columns as read with the
    table's `schema`: same fields and the same pandas metadata, but for the frame's `attrs` (the
    loader's page keys of that chunk), which pandas keeps beside the columns, not in the CSV."""
    if not chunk_schema.equals(schema, check_metadata=False):
        return False
    mine, final = dict(chunk_schema.metadata or {}), dict(schema.metadata or {})
    if mine.get(b"pandas") != final.get(b"pandas"):
        try:
            mine[b"pandas"], final[b"pandas"] = (_without_attrs(m[b"pandas"]) for m in (mine, final))
        except (KeyError, ValueError, AttributeError):
            return False
    return mine == final


def _without_attrs(pandas_meta: bytes) -> dict:
    meta = json.loads(pandas_meta)
    meta.pop("attributes", None)
    return meta


def _csv_part(path: Path) -> Path:
    """Where a worker puts the CSV rows (no header) of its chunk's table at `path` (.parquet)."""
    return path.with_suffix(".csv")


def _write_csv_part(path: Path, written=None) -> None:
    """The CSV rows of the chunk table at `path`, formatted as the assembly would (from its Parquet
    file as read back, no header): the main process copies them instead of formatting them.
    `written`: the pyarrow table just written there, used as it is when the file's schema
    (types and metadata) is its own, so that the file need not be read back."""
    import pyarrow.parquet as pq

    same = written is not None and pq.read_schema(path).equals(written.schema, check_metadata=True)
    part = _csv_part(path)
    tmp = part.with_name(f".{part.name}.{os.getpid()}.tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as fh:
        _csv_rows_to(fh, written if same else pq.read_table(path))
    os.replace(tmp, part)


def _csv_rows_to(fh, table) -> None:
    """The CSV rows (no header) of a pyarrow table, as `table.to_pandas().to_csv` writes them."""
    frame = table.to_pandas()
    frame.attrs = {}   # not written; pandas would copy them deeply for every block of rows
    text = csv_rows(table, frame)
    if text is None:
        frame.to_csv(fh, header=False, index=False)
    else:
        fh.write(text)


class _TableFile:
    """One table's Parquet file (and CSV), written chunk by chunk in file order with `schema`
    (the pandas metadata of the first chunk whose columns look like it), to temporary names that
    `close(keep=True)` moves into place."""

    def __init__(self, name: str, out_dir: Path, schema, write_csv: bool, suffix: str = ""):
        import pyarrow.parquet as pq

        out_dir.mkdir(parents=True, exist_ok=True)
        self.schema = schema
        self.target = out_dir / f"{name}.parquet"
        self.csv_path = out_dir / f"{name}.csv"
        self.tmp_pq = self.target.with_name(f".{self.target.name}{suffix}.tmp")
        self.tmp_csv = self.csv_path.with_name(f".{self.csv_path.name}{suffix}.tmp")
        self.rows = 0
        self.chunks = 0
        self.writer = pq.ParquetWriter(self.tmp_pq, schema)
        self.fh = open(self.tmp_csv, "w", encoding="utf-8", newline="") if write_csv else None

    def add(self, table, part: Path | None = None) -> None:
        """The next chunk's rows (`table`, already fitted to the schema and deduplicated). `part`:
        a worker's CSV rows of exactly this table, copied instead of formatted."""
        first = self.chunks == 0
        self.chunks += 1
        self.rows += len(table)
        if not (len(table) or first):
            return
        self.writer.write_table(table)
        if self.fh is None:
            return
        if first:
            table.slice(0, 0).to_pandas().to_csv(self.fh, header=True, index=False)
        if part is None or not part.exists():
            _csv_rows_to(self.fh, table)
            return
        self.fh.flush()   # the part is UTF-8 text as this file writes it: copied as bytes
        with open(part, "rb") as src:
            shutil.copyfileobj(src, self.fh.buffer, 1 << 20)

    def close(self, keep: bool) -> None:
        """Close both files; move them into place (`keep`) or delete them."""
        self.writer.close()
        if self.fh is not None:
            self.fh.close()
        tmps = [(self.tmp_pq, self.target)] + ([(self.tmp_csv, self.csv_path)] if self.fh else [])
        for tmp, final in tmps:
            if keep:
                os.replace(tmp, final)
            else:
                tmp.unlink(missing_ok=True)


def _unified_schema(schemas: list):
    """The table's schema over its chunks' schemas (types promoted; pandas metadata of the first
    chunk whose columns look like the unified ones), or None where the chunks' types clash."""
    import pyarrow as pa

    bare = [s.remove_metadata() for s in schemas]
    try:
        schema = pa.unify_schemas(bare, promote_options="permissive")
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return None
    meta = next((s.metadata for s, b in zip(schemas, bare) if b.equals(schema)),
                schemas[0].metadata if schemas else None)
    return schema.with_metadata(meta)


def _assemble(name: str, root: Path, chunk_ids: list[str], out_dir: Path, dedupe: PartDedupe,
              write_csv: bool = True) -> int:
    """Concatenate one table's chunk files, in order, into out_dir/name.parquet (+ .csv), leaving
    out the copies `dedupe` drops and giving its final ids; returns the rows written."""
    import pyarrow.parquet as pq

    paths = [root / name / f"{cid}.parquet" for cid in chunk_ids]
    schemas = [pq.read_schema(p) for p in paths]
    schema = _unified_schema(schemas)
    if schema is None:  # incompatible chunk types: fall back to pandas (slower, more memory)
        table = concat_tables([_deduped(pq.read_table(p), r, d).to_pandas()
                               for p, r, d in zip(paths, dedupe.remaps, dedupe.drops)])
        _write_parquet_atomic(_arrow_table(table), out_dir / f"{name}.parquet")
        if write_csv:
            table.to_csv(out_dir / f"{name}.csv", index=False)
        return len(table)
    out = _TableFile(name, out_dir, schema, write_csv)
    try:
        for i, (path, chunk_schema) in enumerate(zip(paths, schemas)):
            same = _same_columns(chunk_schema, schema)
            unchanged = not (dedupe.remaps[i] or dedupe.drops[i])
            table = _deduped(_fit_chunk(pq.read_table(path), schema), dedupe.remaps[i], dedupe.drops[i])
            out.add(table, _csv_part(path) if same and unchanged else None)
    except BaseException:
        out.close(keep=False)
        raise
    out.close(keep=True)
    return out.rows


class _StreamedTable:
    """One table written while the chunks come in (in file order), before the whole corpus is
    known: on the bet that every chunk has the first chunk's column types and that no page
    repeats across chunks, which nearly every run wins. `finish` checks the bet (exactly the
    checks `_assemble` makes) and keeps the files, or says the table must be assembled afresh."""

    def __init__(self, name: str, root: Path, out_dir: Path, write_csv: bool):
        self.name, self.root, self.out_dir, self.write_csv = name, root, out_dir, write_csv
        self.schemas: list = []
        self.file: _TableFile | None = None
        self.failed = False

    def add(self, cid: str) -> None:
        """Append chunk `cid` (the next in file order); any surprise drops the bet."""
        import pyarrow.parquet as pq

        if self.failed:
            return
        path = self.root / self.name / f"{cid}.parquet"
        try:
            schema = pq.read_schema(path)
            self.schemas.append(schema)
            if self.file is None:
                self.file = _TableFile(self.name, self.out_dir, schema, self.write_csv, ".streamed")
            same = _same_columns(schema, self.file.schema)
            self.file.add(_fit_chunk(pq.read_table(path), self.file.schema), _csv_part(path) if same else None)
        except Exception:  # noqa: BLE001 - the table is assembled afresh at the end instead
            self.drop()

    def drop(self) -> None:
        self.failed = True
        if self.file is not None:
            self.file.close(keep=False)
            self.file = None

    def finish(self, n_chunks: int, dedupe: PartDedupe) -> int | None:
        """Rows written when the bet held (the files are moved into place), else None."""
        if self.failed or self.file is None:
            return None
        unified = _unified_schema(self.schemas)
        changed = any(dedupe.remaps) or any(dedupe.drops)
        if changed or self.file.chunks != n_chunks or unified is None or \
                not unified.equals(self.file.schema, check_metadata=True):
            self.drop()
            return None
        rows = self.file.rows
        self.file.close(keep=True)
        self.file = None
        return rows


class StreamedTables:
    """Every table written while the run goes on: chunk i is appended as soon as chunks 0..i are
    all finished, so that little is left to do once the last chunk is in (`finish`)."""

    def __init__(self, root: Path, ids: list[str], out_dir: Path, write_csv: bool):
        self.ids = ids
        self.finished: set[str] = set()
        self.next = 0
        self.tables = {name: _StreamedTable(name, root, out_dir, write_csv) for name in TABLE_NAMES}
        self.root = root
        self.keys: dict[str, tuple] = {}   # chunk id -> its page keys and ids (`_chunk_keys`)

    def chunk_done(self, cid: str) -> None:
        self.finished.add(cid)
        while self.next < len(self.ids) and self.ids[self.next] in self.finished:
            for table in self.tables.values():
                table.add(self.ids[self.next])
            self.keys[self.ids[self.next]] = _chunk_keys(self.root, self.ids[self.next])
            self.next += 1

    def finish(self, name: str, dedupe: PartDedupe) -> int | None:
        """Rows of table `name` when its streamed files stand (moved into place), else None."""
        return self.tables[name].finish(len(self.ids), dedupe)

    def discard(self) -> None:
        for table in self.tables.values():
            table.drop()

class RunError(Exception):
    """A run that cannot start, or would lose earlier results: one clear line to show the user."""


@contextlib.contextmanager
def output_lock(folder: Path):
    """Hold `folder` for one run: it is created and marked as output (the loader never reads a
    marked folder), and a second run into it at the same time stops with a RunError at once."""
    from analysis.load import OUTPUT_MARKER

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / OUTPUT_MARKER).touch()
    handle = open(folder / ".lock", "a+", encoding="utf-8")
    try:
        try:
            import fcntl
        except ImportError:  # not POSIX: no lock
            fcntl = None
        if fcntl is not None:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                handle.seek(0)
                holder = handle.read().strip() or "?"
                raise RunError(f"another run (process {holder}) is writing to {folder}; wait for it to "
                               "finish or give another --out") from None
            handle.seek(0)
            handle.truncate()
            handle.write(str(os.getpid()))
            handle.flush()
        yield folder
    finally:
        handle.close()


def _chunk_intact(root: Path, cid: str) -> bool:
    """True when every table file of a finished chunk is there and readable (a damaged cache is
    recomputed, not assembled)."""
    import pyarrow.parquet as pq

    try:
        for name in (*TABLE_NAMES, "_keys"):
            pq.read_metadata(root / name / f"{cid}.parquet")
    except Exception:  # noqa: BLE001 - missing, truncated or not Parquet at all
        return False
    return True


def run_corpus(source, tables_dir, jobs: int | None = None, chunk_size: int = DEFAULT_CHUNK_SIZE,
               progress: bool = True, restart: bool = False, write_csv: bool = True,
               echo=None, exclude=(), keep_duplicates: bool = False,
               article_seconds: float | None = DEFAULT_ARTICLE_SECONDS) -> dict:
    """Load and analyze a corpus in resumable chunks; write every table to `tables_dir`.

    `source`: folder, file, glob or list (as `load_articles`). Files are split into chunks of at
    most `chunk_size` files (never mixing folders); `jobs` worker processes (default all cores,
    1: in this process) each load a chunk and compute every table, writing
    `tables_dir/_chunks/<table>/<chunk>.parquet`; finished chunks are skipped on the next run
    (`restart=True` discards them; chunks of other code versions or changed files are redone).
    Then each table is concatenated in file order into `tables_dir/<table>.parquet` and `.csv`,
    the same rows as `analyze(load_articles(source))` (the same page given twice is kept once,
    over the whole corpus; `keep_duplicates=True` keeps every copy). Warnings name the file; all
    of them go to `tables_dir/warnings.txt`; articles a producer failed on (or spent over
    `article_seconds` on, see `analyze`) are listed in `tables_dir/failures.parquet`. Returns a
    summary: files, articles, words, seconds, timings.

    `tables_dir` (and the folders in `exclude`) are never read as input, one run at a time may
    write there (RunError otherwise), and a pattern that matches nothing, or a source with no
    files where an earlier run left tables, is a RunError that leaves those tables as they are.
    """
    with output_lock(tables_dir):
        return _run_corpus(source, Path(tables_dir), jobs, chunk_size, progress, restart, write_csv,
                           echo, exclude, keep_duplicates, article_seconds)


def _input_files(source, tables_dir: Path, exclude, echo):
    """The run's input files (never its own output); a pattern that matches nothing, or no files
    where an earlier run left tables, is a RunError (nothing is replaced)."""
    from analysis.load import find_files

    files = find_files(source, exclude=[tables_dir, *exclude])
    patterns = [item for item, kind in files.unmatched if kind == "pattern"]
    if patterns:
        raise RunError(f"{patterns[0]}: no article files match this pattern; nothing was run (the "
                       f"tables in {tables_dir} are unchanged)")
    if not files:
        if (tables_dir / "articles.parquet").exists() and (tables_dir / "_run.json").exists():
            raise RunError(f"no article files found in {source}; the tables of an earlier run in "
                           f"{tables_dir} are kept (nothing replaced)")
        echo(f"warning: no article files found in {source}")
    return files


def _finished_chunks(root: Path, ids: list[str], echo) -> dict[str, dict]:
    """Statistics of the chunks an earlier run finished and left intact (damaged ones are redone)."""
    stats: dict[str, dict] = {}
    for cid in ids:
        marker = root / "_done" / f"{cid}.json"
        if not marker.exists():
            continue
        try:
            done = json.loads(marker.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if _chunk_intact(root, cid):
            stats[cid] = done
        else:
            echo(f"warning: finished chunk {cid} in {root} is damaged; it is computed again")
    return stats


def _write_tables(root: Path, ids: list[str], tables_dir: Path, dedupe: PartDedupe, write_csv: bool,
                  progress: bool, streamed: StreamedTables) -> dict[str, int]:
    """Every table from the chunks `ids`: as `streamed` wrote it while the run went on, or else
    assembled now (empty tables when there are no chunks); then the chunk files of no current
    plan, and the chunks' CSV rows, removed; returns the rows written per table."""
    rows = {}
    for name in progress_iter(list(TABLE_NAMES), "write tables", "table", progress and bool(ids)):
        if ids:
            done = streamed.finish(name, dedupe)
            rows[name] = _assemble(name, root, ids, tables_dir, dedupe, write_csv) if done is None else done
    if not ids:  # nothing to read: empty tables with the right columns
        for name, table in compute_tables(load_paths([], Problems())).items():
            _write_parquet_atomic(_arrow_table(table), tables_dir / f"{name}.parquet")
            if write_csv:
                table.to_csv(tables_dir / f"{name}.csv", index=False)
            rows[name] = 0
    keep = set(ids)
    for sub in root.glob("*/*"):
        if sub.is_file() and (sub.name.split(".")[0] not in keep or sub.suffix == ".csv"):
            sub.unlink()
    return rows


def _run_corpus(source, tables_dir: Path, jobs, chunk_size, progress, restart, write_csv, echo,
                exclude, keep_duplicates, article_seconds) -> dict:
    echo = echo or (lambda msg: print(msg, file=sys.stderr))
    t_start = time.perf_counter()
    cpu_start = time.process_time()
    tables_dir = Path(tables_dir)
    root = tables_dir / "_chunks"
    if restart and root.exists():
        shutil.rmtree(root)
    jobs = resolve_jobs(jobs)
    files = _input_files(source, tables_dir, exclude, echo)
    chunks = plan_chunks(files, chunk_size)
    if jobs > 1 and len(chunks) > 1:  # one chunk runs in this process: no workers to warm up
        start_fork_server()   # it imports and warms up while this process plans the chunks
    fingerprint = f"{code_fingerprint()} budget {article_seconds}"  # a new budget redoes chunks
    ids = [_chunk_id(c, fingerprint) for c in chunks]
    stats = _finished_chunks(root, ids, echo)
    pending = [(cid, c) for cid, c in zip(ids, chunks) if cid not in stats]
    if stats:
        echo(f"resuming: {len(stats)} of {len(chunks)} chunks already done, {len(pending)} to go")
    unit = "article" if all(_one_article_file(f) for f in files) else "file"
    printed = 0
    all_warnings: list[str] = []
    shown: set[str] = set()

    def report(s: dict, bar) -> None:
        nonlocal printed
        for line in s.get("warnings", []):
            all_warnings.append(line)
            if printed < MAX_PRINTED_WARNINGS and line not in shown:
                shown.add(line)
                bar.write(f"warning: {line}", file=sys.stderr)
                printed += 1

    for line in files.problems + ([f"{item}: no article files in this folder" for item, _ in files.unmatched]
                                  if files else []):
        all_warnings.append(line)
        echo(f"warning: {line}")
    for s in stats.values():
        all_warnings.extend(s.get("warnings", []))
    tasks = [{"id": cid, "paths": [str(p) for p in c], "root": str(root), "article_seconds": article_seconds,
              "csv": write_csv and jobs > 1} for cid, c in pending]  # CSV rows formatted in parallel
    n_done_files = sum(len(c) for cid, c in zip(ids, chunks) if cid in stats)
    bar = progress_bar(len(files), "load + analyze", unit, progress)
    bar.update(n_done_files)
    # each table is written while the chunks come in; what is left is done after the last one
    streamed = StreamedTables(root, ids, tables_dir, write_csv)
    try:
        for cid in list(stats):
            streamed.chunk_done(cid)
        for s in _computed_chunks(tasks, jobs):
            stats[s["id"]] = s
            report(s, bar)
            bar.update(s["files"])
            streamed.chunk_done(s["id"])
        bar.close()
        t_analyzed = time.perf_counter()
        # the same page in several chunks, and ids unique over the corpus
        dedupe = _dedupe_chunks(root, ids, keep_duplicates, streamed.keys)
        for line in dedupe.messages:
            all_warnings.append(line)
            if printed < MAX_PRINTED_WARNINGS:
                echo(f"warning: {line}")
                printed += 1
        rows = _write_tables(root, ids, tables_dir, dedupe, write_csv, progress, streamed)
    finally:
        streamed.discard()   # whatever was not moved into place (an error, Ctrl-C)
    all_warnings = list(dict.fromkeys(all_warnings))
    (tables_dir / "warnings.txt").write_text("".join(f"{w}\n" for w in all_warnings), encoding="utf-8")
    if printed < len(all_warnings):
        echo(f"... {len(all_warnings) - printed} more warnings: see {tables_dir / 'warnings.txt'}")
    timings: dict[str, float] = {}
    for s in stats.values():
        for k, v in s.get("timings", {}).items():
            timings[k] = timings.get(k, 0.0) + v
    summary = {
        "source": [str(s) for s in source] if isinstance(source, (list, tuple)) else str(source),
        "files": len(files), "chunks": len(chunks), "chunks_computed": len(tasks),
        "articles": rows.get("articles", 0),
        "words": sum(s.get("words", 0) for s in stats.values()),
        "rows": rows, "warnings": len(all_warnings), "jobs": jobs, "chunk_size": chunk_size,
        "seconds_analyze": round(t_analyzed - t_start, 3),
        "seconds_total": round(time.perf_counter() - t_start, 3),
        "cpu_seconds": {k: round(v, 3) for k, v in sorted(timings.items())},
        "cpu_seconds_main": round(time.process_time() - cpu_start, 3),  # planning, assembly, CSV
    }
    (tables_dir / "_run.json").write_text(json.dumps(summary, indent=1), encoding="utf-8")
    return summary


def _computed_chunks(tasks: list[dict], jobs: int):
    """Each task's statistics as its chunk is finished: in this process (`jobs` 1 or one task),
    else by `jobs` worker processes (in the order they finish)."""
    if jobs == 1 or len(tasks) == 1:
        for task in tasks:
            yield _run_chunk(task)
    elif tasks:
        for _, s in pool_results(_run_chunk, tasks, jobs):
            yield s


def _one_article_file(path: Path) -> bool:
    suffixes = [x.lower() for x in path.suffixes if x.lower() != ".gz"]
    return bool(suffixes) and suffixes[-1] in (".txt", ".html", ".htm")

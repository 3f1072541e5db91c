"""Every table for a corpus, computed once.

- `analyze(articles, jobs=None)`: every table for an already loaded articles frame, in memory,
  over a process pool (chunks of articles; output identical to `jobs=1`).
- `run_corpus(source, tables_dir)`: load + analyze a whole corpus in chunks of files, each chunk
  written to `tables_dir/_chunks/<table>/<chunk>.parquet` as soon as it is done (so an interrupted
  run resumes where it stopped), then concatenated into `tables_dir/<table>.parquet` and `.csv`.
  Memory stays flat whatever the corpus size. What `python -m analysis run` calls.
- `tables(corpus, tables_dir)`: the lazy mapping notebooks use (reads what a run wrote).

Details, measured speed and the Dask variant: docs/scale.md.
"""
from __future__ import annotations

import contextlib
import hashlib
import importlib
import json
import os
import re
import shutil
import sys
import time
import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

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
TABLE_NAMES = ("articles", *PRODUCERS)

DEFAULT_CHUNK_SIZE = 250        # files per chunk in `run_corpus` (balanced inside each folder)
DEFAULT_ARTICLE_CHUNK = 200     # articles per chunk in `analyze`
MAX_PRINTED_WARNINGS = 50       # `run_corpus` prints this many, then points to warnings.txt
_PACKAGE = Path(__file__).resolve().parent


class PipelineWarning(UserWarning):
    """A producer failed on some articles (they are left out of that table) or a table was odd."""


def _producer(name: str):
    module, attr = PRODUCERS[name].split(":")
    return getattr(importlib.import_module(module), attr)


def default_jobs() -> int:
    """Cores this process may use (CPU affinity aware)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def _resolve_jobs(jobs) -> int:
    return default_jobs() if not jobs else max(1, int(jobs))


def _mp_context():
    """Worker processes start from a clean fork server (safe with threads, e.g. in Jupyter)."""
    import multiprocessing as mp

    if sys.platform.startswith("linux"):
        ctx = mp.get_context("forkserver")
        modules = {"analysis.pipeline"} | {spec.split(":")[0] for spec in PRODUCERS.values()}
        # imported once, shared by every worker; `analysis._warm` then loads every lexicon and rule
        # file in the fork server, so workers start warm and share that memory
        ctx.set_forkserver_preload([*sorted(modules), "analysis._warm"])
        return ctx
    return mp.get_context("spawn")


_WARM_PAGE = """Council approves the city budget | Example News
Council approves the city budget
By Jane Doe
March 3, 2024, 10:00 AM

The council voted on Tuesday to approve the budget, officials said.

"We are pleased with the result," said Mayor John Smith, a Democrat. Critics disagreed.

"This is a mistake," said Mary Jones, a professor at the University of Example. The plan will cost $3
million, according to the report.

Subscribe to our newsletter
"""


def warm() -> None:
    """Import and load everything a chunk needs (rules, lexicons, dictionaries) by running the whole
    pipeline on one small made-up page; a failure here only means workers warm up themselves."""
    import tempfile

    try:
        with tempfile.TemporaryDirectory() as folder, warnings.catch_warnings():
            warnings.simplefilter("ignore")
            page = Path(folder) / "warm.txt"
            page.write_text(_WARM_PAGE, encoding="utf-8")
            from analysis.load import load_articles

            compute_tables(load_articles([page], jobs=1))
    except Exception:  # noqa: BLE001 - never let warming up break the fork server
        pass


# ---------------------------------------------------------------- one chunk, in this process
def _empty_like(func, articles: pd.DataFrame) -> pd.DataFrame:
    """The producer's table with no rows (its columns), adding input columns it asks for."""
    frame = articles.iloc[:0]
    for _ in range(5):
        try:
            return func(frame).iloc[:0].reset_index(drop=True)
        except KeyError as exc:
            if not exc.args or not isinstance(exc.args[0], str) or exc.args[0] in frame.columns:
                break
            frame = frame.assign(**{exc.args[0]: pd.Series([], dtype=object)})
        except Exception:
            break
    return pd.DataFrame()


def _where(articles: pd.DataFrame, i: int) -> str:
    aid = articles["article_id"].iat[i] if "article_id" in articles else i
    path = articles["path"].iat[i] if "path" in articles else None
    return f"{path} (article {aid})" if path else f"article {aid}"


def _produce(name: str, articles: pd.DataFrame, problems: list[str]) -> pd.DataFrame:
    """One table for `articles`; if the producer fails, retry article by article and skip failures."""
    try:
        func = _producer(name)
    except (ImportError, AttributeError) as exc:  # a broken install must not lose the other tables
        problems.append(f"table {name!r} not computed: {PRODUCERS[name]} unavailable ({exc})")
        return pd.DataFrame()
    try:
        return func(articles).reset_index(drop=True)
    except ImportError as exc:  # a missing module fails every article alike: say it once
        problems.append(f"table {name!r} not computed: {type(exc).__name__}: {exc}")
        return _empty_like(func, articles)
    except KeyError as exc:
        column = exc.args[0] if exc.args else None
        if isinstance(column, str) and column not in articles.columns:  # e.g. `raw` for `removed`
            problems.append(f"table {name!r} not computed: the articles have no {column!r} column")
            return _empty_like(func, articles)
        return _per_article(name, func, articles, problems, exc)
    except Exception as exc:
        return _per_article(name, func, articles, problems, exc)


def _per_article(name, func, articles: pd.DataFrame, problems: list[str], exc: Exception) -> pd.DataFrame:
    """After a producer failed on a chunk: run it article by article, leaving out the failures."""
    if len(articles) <= 1:
        where = _where(articles, 0) if len(articles) else "empty input"
        problems.append(f"{where}: {name} failed ({type(exc).__name__}: {exc}); left out")
        return _empty_like(func, articles)
    parts = []
    for i in range(len(articles)):
        try:
            parts.append(func(articles.iloc[i:i + 1]))
        except Exception as err:
            problems.append(f"{_where(articles, i)}: {name} failed ({type(err).__name__}: {err}); left out")
    return concat_tables(parts) if parts else _empty_like(func, articles)


def compute_tables(articles: pd.DataFrame, names=None, timings: dict | None = None,
                   problems: list[str] | None = None) -> dict[str, pd.DataFrame]:
    """Every table (`names`, default all of PRODUCERS) for `articles`, in this process.

    `timings` (if given) accumulates CPU seconds per table; `problems` collects one line per article a
    producer failed on (the article is then missing from that table only).
    """
    problems = [] if problems is None else problems
    articles = articles.reset_index(drop=True)
    out = {"articles": articles}
    for name in names or PRODUCERS:
        t0 = time.process_time()
        out[name] = _produce(name, articles, problems)
        if timings is not None:
            timings[name] = timings.get(name, 0.0) + time.process_time() - t0
    return out


def _fill_dtype(dtypes: set):
    """The one dtype that can hold missing values among `dtypes` (else None)."""
    if len(dtypes) != 1:
        return None
    dtype = next(iter(dtypes))
    if isinstance(dtype, pd.api.extensions.ExtensionDtype) or dtype.kind in "fcmM":
        return dtype
    return None


def _harmonise(parts: list[pd.DataFrame]) -> list[pd.DataFrame]:
    """A column that is all-missing (object) in some parts takes the type it has in the others,
    so that concatenating chunks gives the types one call on all articles would give."""
    columns = parts[0].columns
    if any(not p.columns.equals(columns) for p in parts[1:]):
        return parts
    fixed = [p for p in parts]
    for col in columns:
        dtypes = [p[col].dtype for p in parts]
        if all(d == dtypes[0] for d in dtypes):
            continue
        blank = [d == object and p[col].isna().all() for p, d in zip(parts, dtypes)]
        target = _fill_dtype({d for d, b in zip(dtypes, blank) if not b})
        if target is None or not any(blank):
            continue
        for i, b in enumerate(blank):
            if b:
                fixed[i] = fixed[i].astype({col: target})
    return fixed


def concat_tables(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """Row-wise concatenation in order; empty parts do not change the column types."""
    full = [p for p in parts if len(p)]
    if not full:
        return parts[0].reset_index(drop=True) if parts else pd.DataFrame()
    if len(full) == 1:
        return full[0].reset_index(drop=True)
    return pd.concat(_harmonise(full), ignore_index=True)


def _analyze_chunk(task):
    articles, names = task
    problems: list[str] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        tables = compute_tables(articles, names, problems=problems)
    return tables, problems + _warning_lines(caught)


def _warning_lines(caught) -> list[str]:
    """Recorded warnings as printable lines (library deprecations dropped, repeats counted)."""
    counts: dict[str, int] = {}
    for w in caught:
        if issubclass(w.category, (DeprecationWarning, PendingDeprecationWarning)):
            continue
        counts[str(w.message)] = counts.get(str(w.message), 0) + 1
    return [m if n == 1 else f"{m} ({n} times)" for m, n in counts.items()]


def analyze(articles: pd.DataFrame, jobs: int | None = None, chunk_size: int | None = None,
            progress: bool = False) -> dict[str, pd.DataFrame]:
    """Every table for loaded articles: {"articles", "paragraphs", "removed", "quotes", ...}.

    Runs each producer of PRODUCERS on chunks of `chunk_size` articles (default 200) over a process
    pool of `jobs` workers (default: all cores; 1: no pool) and concatenates the chunks in input
    order, so the result is identical whatever `jobs` is. Needs `article_id` and `text` columns
    (plus `raw`/`removed_lines` for the `removed` table, as `load_articles` gives). Producer
    failures never raise: the article is left out of that table and a PipelineWarning says so.
    """
    jobs = _resolve_jobs(jobs)
    articles = articles.reset_index(drop=True)
    size = max(1, int(chunk_size or DEFAULT_ARTICLE_CHUNK))
    names = list(PRODUCERS)
    chunks = [articles.iloc[i:i + size] for i in range(0, len(articles), size)] or [articles]
    results: list = [None] * len(chunks)
    bar = _bar(len(articles), "analyze", "article", progress)
    if jobs == 1 or len(chunks) == 1:
        for i, chunk in enumerate(chunks):
            results[i] = _analyze_chunk((chunk, names))
            bar.update(len(chunk))
    else:
        from concurrent.futures import as_completed

        pool = _pool(min(jobs, len(chunks)))
        with _stopping_on_error(pool):
            futures = {pool.submit(_analyze_chunk, (chunk, names)): i for i, chunk in enumerate(chunks)}
            for future in as_completed(futures):
                results[futures[future]] = future.result()
                bar.update(len(chunks[futures[future]]))
    bar.close()
    out = {"articles": articles}
    for name in names:
        out[name] = concat_tables([tables[name] for tables, _ in results])
    for _, problems in results:
        for line in problems:
            warnings.warn(line, PipelineWarning, stacklevel=2)
    return out


def _watch_parent(parent_pid: int) -> None:
    """Worker initializer: exit when the main process is gone (killed), instead of idling forever."""
    import threading

    def watch():
        while True:
            time.sleep(1.0)
            try:
                os.kill(parent_pid, 0)
            except ProcessLookupError:
                os._exit(1)
            except PermissionError:
                pass

    threading.Thread(target=watch, daemon=True, name="watch-parent").start()


def _start_fork_server() -> None:
    """Start the fork server now (not at the first task), so that its imports and warm-up overlap
    with the caller's own work; no-op where workers are spawned instead."""
    ctx = _mp_context()
    if ctx.get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()


def _pool(jobs: int):
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(max_workers=jobs, mp_context=_mp_context(),
                               initializer=_watch_parent, initargs=(os.getpid(),))


@contextlib.contextmanager
def _stopping_on_error(pool):
    """Shut the pool down; on an error or Ctrl-C, drop queued chunks and stop the workers now."""
    try:
        yield pool
    except BaseException:
        workers = list((getattr(pool, "_processes", None) or {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        for proc in workers:
            proc.terminate()  # a half-done chunk is never marked done, so nothing is lost
        raise
    pool.shutdown(wait=True)


def _bar(total, desc, unit, enabled):
    from tqdm import tqdm  # plain text bars: a terminal or a notebook, no widgets needed

    return tqdm(total=total, desc=desc, unit=unit, disable=not enabled, dynamic_ncols=True,
                smoothing=0.1, file=sys.stderr)


# ---------------------------------------------------------------- a whole corpus, streamed to disk
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
    h = hashlib.sha1(fingerprint.encode())
    for p in paths:
        try:
            st = p.stat()
            h.update(f"{p.resolve()}\0{st.st_size}\0{st.st_mtime_ns}\n".encode("utf-8", "surrogateescape"))
        except OSError:
            h.update(f"{p}\0missing\n".encode("utf-8", "surrogateescape"))  # any file name
    return h.hexdigest()[:16]


def _load_paths(paths: list[Path], problems: list[str]) -> pd.DataFrame:
    """load_articles on the chunk, keeping every copy of a page (which copy of a page to keep is
    decided over the whole corpus, by `dedupe_parts`); the page keys are in attrs["page_keys"].
    If the loader raises (it should not), file by file, skipping (and naming) bad files."""
    from analysis.load import load_articles

    try:
        return load_articles(paths, jobs=1, keep_duplicates=True)
    except Exception:
        frames = []
        for p in paths:
            try:
                frames.append(load_articles([p], jobs=1, keep_duplicates=True))
            except Exception as exc:
                problems.append(f"{p}: could not be loaded ({type(exc).__name__}: {exc}); skipped")
        keys = [k for f in frames for k in f.attrs.get("page_keys", [])]
        frame = concat_tables(frames) if frames else load_articles([], jobs=1)
        frame.attrs["page_keys"] = keys
        return frame


def page_keys_frame(articles: pd.DataFrame) -> pd.DataFrame:
    """The loader's page keys of `articles` (one row per article, in order) as a table."""
    from analysis.load import PageKey

    keys = articles.attrs.get("page_keys")
    if keys is None or len(keys) != len(articles):   # not from the loader: the ids as they are
        keys = [PageKey(str(a), str(a), "", "", "", "", "") for a in articles["article_id"]]
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
    from analysis.load import PageKey, resolve_duplicates

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
    problems: list[str] = []
    t0 = time.process_time()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        articles = _load_paths(paths, problems)
        timings["load"] = time.process_time() - t0
        tables = compute_tables(articles, timings=timings, problems=problems)
    file_lines = [str(w.message) for w in caught if issubclass(w.category, LoadWarning)]
    other = _warning_lines([w for w in caught if not issubclass(w.category, LoadWarning)])
    t1 = time.process_time()
    for name, table in tables.items():
        _write_parquet_atomic(_arrow_table(table), root / name / f"{chunk_id}.parquet")
    _write_parquet_atomic(_arrow_table(page_keys_frame(articles)), root / "_keys" / f"{chunk_id}.parquet")
    timings["write"] = time.process_time() - t1
    stats = {"id": chunk_id, "files": len(paths), "articles": len(articles),
             "words": int(articles["n_words"].sum()) if "n_words" in articles else 0,
             "warnings": list(dict.fromkeys(file_lines + problems + other)), "timings": timings,
             "pid": os.getpid()}
    done = root / "_done" / f"{chunk_id}.json"
    done.parent.mkdir(parents=True, exist_ok=True)
    tmp = done.with_name(f".{done.name}.tmp")
    tmp.write_text(json.dumps(stats), encoding="utf-8")
    os.replace(tmp, done)  # the chunk counts as finished only once this marker exists
    return stats


def _dedupe_chunks(root: Path, chunk_ids: list[str], keep_duplicates: bool) -> PartDedupe:
    """Which rows of which chunk are a page already loaded elsewhere, and the final ids."""
    import pyarrow.parquet as pq

    keys, ids = [], []
    for cid in chunk_ids:
        path = root / "articles" / f"{cid}.parquet"
        ids.append(pq.read_table(path, columns=["article_id"]).column(0).to_pylist() if path.exists() else [])
        key_path = root / "_keys" / f"{cid}.parquet"
        keys.append(pd.read_parquet(key_path) if key_path.exists() else
                    page_keys_frame(pd.DataFrame({"article_id": ids[-1]})))
    return dedupe_parts(keys, ids, keep_duplicates)


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


def _assemble(name: str, root: Path, chunk_ids: list[str], out_dir: Path, dedupe: PartDedupe,
              write_csv: bool = True) -> int:
    """Concatenate one table's chunk files, in order, into out_dir/name.parquet (+ .csv), leaving
    out the copies `dedupe` drops and giving its final ids; returns the rows written."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    paths = [root / name / f"{cid}.parquet" for cid in chunk_ids]
    schemas = [pq.read_schema(p) for p in paths]
    bare = [s.remove_metadata() for s in schemas]
    try:
        schema = pa.unify_schemas(bare, promote_options="permissive")
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        frames = [_deduped(pq.read_table(p), r, d).to_pandas()
                  for p, r, d in zip(paths, dedupe.remaps, dedupe.drops)]
        schema = None
    # pandas metadata (dtypes) from the first chunk whose columns look like the unified ones
    meta = next((s.metadata for s, b in zip(schemas, bare) if schema is not None and b.equals(schema)),
                schemas[0].metadata if schemas else None)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{name}.parquet"
    tmp_pq = target.with_name(f".{target.name}.tmp")
    csv_path = out_dir / f"{name}.csv"
    tmp_csv = csv_path.with_name(f".{csv_path.name}.tmp")
    rows = 0
    if schema is None:  # incompatible chunk types: fall back to pandas (slower, more memory)
        table = concat_tables(frames)
        _write_parquet_atomic(_arrow_table(table), target)
        if write_csv:
            table.to_csv(csv_path, index=False)
        return len(table)
    schema = schema.with_metadata(meta)
    writer = pq.ParquetWriter(tmp_pq, schema)
    fh = open(tmp_csv, "w", encoding="utf-8", newline="") if write_csv else None
    try:
        for i, (cid, path) in enumerate(zip(chunk_ids, paths)):
            table = pq.read_table(path)
            for field in schema:
                if field.name not in table.column_names:
                    table = table.append_column(field.name, pa.nulls(len(table), field.type))
            table = _deduped(table.select(schema.names).cast(schema), dedupe.remaps[i], dedupe.drops[i])
            if len(table) or i == 0:
                writer.write_table(table)
                if fh is not None:
                    table.to_pandas().to_csv(fh, header=(i == 0), index=False)
            rows += len(table)
    finally:
        writer.close()
        if fh is not None:
            fh.close()
    os.replace(tmp_pq, target)
    if write_csv:
        os.replace(tmp_csv, csv_path)
    return rows


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
               echo=None, exclude=(), keep_duplicates: bool = False) -> dict:
    """Load and analyze a corpus in resumable chunks; write every table to `tables_dir`.

    `source`: folder, file, glob or list (as `load_articles`). Files are split into chunks of at
    most `chunk_size` files (never mixing folders); `jobs` worker processes (default all cores,
    1: in this process) each load a chunk and compute every table, writing
    `tables_dir/_chunks/<table>/<chunk>.parquet`; finished chunks are skipped on the next run
    (`restart=True` discards them; chunks of other code versions or changed files are redone).
    Then each table is concatenated in file order into `tables_dir/<table>.parquet` and `.csv`,
    the same rows as `analyze(load_articles(source))` (the same page given twice is kept once,
    over the whole corpus; `keep_duplicates=True` keeps every copy). Warnings name the file; all
    of them go to `tables_dir/warnings.txt`. Returns a summary: files, articles, words, seconds,
    timings.

    `tables_dir` (and the folders in `exclude`) are never read as input, one run at a time may
    write there (RunError otherwise), and a pattern that matches nothing, or a source with no
    files where an earlier run left tables, is a RunError that leaves those tables as they are.
    """
    with output_lock(tables_dir):
        return _run_corpus(source, Path(tables_dir), jobs, chunk_size, progress, restart, write_csv,
                           echo, exclude, keep_duplicates)


def _run_corpus(source, tables_dir: Path, jobs, chunk_size, progress, restart, write_csv, echo,
                exclude, keep_duplicates) -> dict:
    from analysis.load import find_files

    echo = echo or (lambda msg: print(msg, file=sys.stderr))
    t_start = time.perf_counter()
    cpu_start = time.process_time()
    tables_dir = Path(tables_dir)
    root = tables_dir / "_chunks"
    if restart and root.exists():
        shutil.rmtree(root)
    jobs = _resolve_jobs(jobs)
    if jobs > 1:
        _start_fork_server()   # it imports and warms up while this process plans the chunks
    files = find_files(source, exclude=[tables_dir, *exclude])
    unmatched = [p for p in files.problems if p.endswith("no article files match this pattern")]
    if unmatched:
        raise RunError(f"{unmatched[0]}; nothing was run (the tables in {tables_dir} are unchanged)")
    if not files:
        if (tables_dir / "articles.parquet").exists() and (tables_dir / "_run.json").exists():
            raise RunError(f"no article files found in {source}; the tables of an earlier run in "
                           f"{tables_dir} are kept (nothing replaced)")
        echo(f"warning: no article files found in {source}")
    fingerprint = code_fingerprint()
    chunks = plan_chunks(files, chunk_size)
    ids = [_chunk_id(c, fingerprint) for c in chunks]
    done_dir = root / "_done"
    stats: dict[str, dict] = {}
    for cid in ids:
        marker = done_dir / f"{cid}.json"
        if marker.exists():
            try:
                done = json.loads(marker.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            if _chunk_intact(root, cid):
                stats[cid] = done
            else:
                echo(f"warning: finished chunk {cid} in {root} is damaged; it is computed again")
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

    for line in files.problems:
        all_warnings.append(line)
        echo(f"warning: {line}")
    for s in stats.values():
        all_warnings.extend(s.get("warnings", []))
    tasks = [{"id": cid, "paths": [str(p) for p in c], "root": str(root)} for cid, c in pending]
    n_done_files = sum(len(c) for cid, c in zip(ids, chunks) if cid in stats)
    bar = _bar(len(files), "load + analyze", unit, progress)
    bar.update(n_done_files)
    if tasks:
        if jobs == 1 or len(tasks) == 1:
            for task in tasks:
                s = _run_chunk(task)
                stats[s["id"]] = s
                report(s, bar)
                bar.update(s["files"])
        else:
            from concurrent.futures import as_completed

            pool = _pool(min(jobs, len(tasks)))
            with _stopping_on_error(pool):
                futures = [pool.submit(_run_chunk, t) for t in tasks]
                for future in as_completed(futures):
                    s = future.result()
                    stats[s["id"]] = s
                    report(s, bar)
                    bar.update(s["files"])
    bar.close()
    t_analyzed = time.perf_counter()

    # concatenate, in file order, then drop chunks that belong to no current plan
    dedupe = _dedupe_chunks(root, ids, keep_duplicates)
    for line in dedupe.messages:
        all_warnings.append(line)
        if printed < MAX_PRINTED_WARNINGS:
            echo(f"warning: {line}")
            printed += 1
    rows = {}
    names = list(TABLE_NAMES)
    for name in _bar_iter(names, "write tables", "table", progress and bool(ids)):
        if ids:
            rows[name] = _assemble(name, root, ids, tables_dir, dedupe, write_csv)
    if not ids:  # nothing to read: empty tables with the right columns
        for name, table in compute_tables(_load_paths([], [])).items():
            _write_parquet_atomic(_arrow_table(table), tables_dir / f"{name}.parquet")
            if write_csv:
                table.to_csv(tables_dir / f"{name}.csv", index=False)
            rows[name] = 0
    keep = set(ids)
    for sub in root.glob("*/*"):
        if sub.is_file() and sub.name.split(".")[0] not in keep:
            sub.unlink()
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


def _one_article_file(path: Path) -> bool:
    suffixes = [x.lower() for x in path.suffixes if x.lower() != ".gz"]
    return bool(suffixes) and suffixes[-1] in (".txt", ".html", ".htm")


def _bar_iter(items, desc, unit, enabled):
    from tqdm import tqdm  # plain text bars: a terminal or a notebook, no widgets needed

    return tqdm(items, desc=desc, unit=unit, disable=not enabled, file=sys.stderr)


# ---------------------------------------------------------------- what notebooks call
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

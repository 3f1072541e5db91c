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
                                concat_tables, corpus_passes, warning_lines)
from analysis.workers import pool_results, progress_bar, resolve_jobs, start_fork_server

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
    h = hashlib.sha1(fingerprint.encode())
    for p in paths:
        try:
            st = p.stat()
            h.update(f"{p.resolve()}\0{st.st_size}\0{st.st_mtime_ns}\n".encode("utf-8", "surrogateescape"))
        except OSError:
            h.update(f"{p}\0missing\n".encode("utf-8", "surrogateescape"))  # any file name
    return h.hexdigest()[:16]


def load_paths(paths: list[Path], problems: Problems, sketch_bodies: bool = True) -> pd.DataFrame:
    """load_articles on the chunk, keeping every copy of a page (which copy of a page to keep is
    decided over the whole corpus, by `dedupe_parts`); the page keys are in attrs["page_keys"], with
    body sketches if `sketch_bodies` (False: the corpus has no text dump and HTML page to compare).
    If the loader raises (it should not), file by file, skipping bad files (`failures`)."""
    from analysis.load import load_articles

    try:
        return load_articles(paths, jobs=1, keep_duplicates=True, sketch_bodies=sketch_bodies)
    except Exception:
        frames = []
        for p in paths:
            try:
                frames.append(load_articles([p], jobs=1, keep_duplicates=True, sketch_bodies=sketch_bodies))
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
    """pyarrow Table of `df` (no index, no `attrs`); object columns of mixed types are stored as strings.

    The tables a run writes carry no `attrs` (their pandas metadata has no `attributes`): the
    loader's attrs describe one chunk (its page keys with body sketches, skipped files, duplicate
    messages), not the corpus; the run's problems are in warnings.txt (docs/scale.md)."""
    import pyarrow as pa

    df = _without_attrs(df)
    try:
        return pa.Table.from_pandas(df, preserve_index=False)
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError):
        df = df.copy()
        for col in df.columns:
            if df[col].dtype == object:
                df[col] = [None if v is None or v is pd.NA or (isinstance(v, float) and v != v)
                           else str(v) for v in df[col]]
        return pa.Table.from_pandas(df, preserve_index=False)


def _without_attrs(df: pd.DataFrame) -> pd.DataFrame:
    """A shallow copy of `df` with empty `attrs` (pyarrow would write them into the pandas
    metadata, and pandas 3 deep-copies them into every column pyarrow reads)."""
    if not df.attrs:
        return df
    bare = df.copy(deep=False)
    bare.attrs = {}
    return bare


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
        articles = load_paths(paths, problems, task.get("sketch_bodies", True))
        timings["load"] = time.process_time() - t0
        tables = compute_tables(articles, timings=timings, problems=problems)
    file_lines = [str(w.message) for w in caught if issubclass(w.category, LoadWarning)]
    other = warning_lines([w for w in caught if not issubclass(w.category, LoadWarning)])
    t1 = time.process_time()
    for name, table in tables.items():
        _write_parquet_atomic(_arrow_table(table), root / name / f"{chunk_id}.parquet")
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


class CorpusLearnt(NamedTuple):
    """A table's corpus passes (`producers.CORPUS_PASSES`) and what each learnt from all the chunks."""

    modules: tuple
    learnt: tuple

    def apply(self, frame: pd.DataFrame) -> pd.DataFrame:
        for module, learnt in zip(self.modules, self.learnt):
            frame = module.apply(frame, learnt)
        return frame


def _corpus_learnt(name: str, root: Path, chunk_ids: list[str], dedupe: PartDedupe) -> CorpusLearnt | None:
    """What table `name`'s corpus passes learn from all its chunk files (each chunk's summary, from only
    the columns a pass reads, copies dropped as in the assembled table); None when it has no corpus pass
    (or its chunks lack the columns of every pass: a pass without them is left out)."""
    import pyarrow.parquet as pq

    modules, learnt = [], []
    for module in corpus_passes(name):
        frames = []
        for cid, remap, drop in zip(chunk_ids, dedupe.remaps, dedupe.drops):
            path = root / name / f"{cid}.parquet"
            if set(module.LEARN_COLUMNS) <= set(pq.read_schema(path).names):
                chunk = _deduped(pq.read_table(path, columns=list(module.LEARN_COLUMNS)), remap, drop).to_pandas()
                frames.append(module.summarise(chunk))
        if frames:
            modules.append(module)
            learnt.append(module.learn(concat_tables(frames)))
    return CorpusLearnt(tuple(modules), tuple(learnt)) if modules else None


def _assemble(name: str, root: Path, chunk_ids: list[str], out_dir: Path, dedupe: PartDedupe,
              write_csv: bool = True) -> int:
    """Concatenate one table's chunk files, in order, into out_dir/name.parquet (+ .csv), leaving
    out the copies `dedupe` drops and giving its final ids, each chunk passed through the table's
    corpus pass (what it learnt from all chunks, `_corpus_learnt`); returns the rows written."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    corpus = _corpus_learnt(name, root, chunk_ids, dedupe)
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
        table = corpus.apply(table) if corpus is not None and len(table) else table
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
            if corpus is not None and len(table):
                table = pa.Table.from_pandas(corpus.apply(table.to_pandas()), schema=schema, preserve_index=False)
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


def _assemble_task(task: dict) -> int:
    """Worker: `_assemble` of one table (the task's keyword arguments)."""
    return _assemble(**task)


def _largest_first(root: Path, ids: list[str]) -> list[str]:
    """TABLE_NAMES, the table with the most bytes of chunk files first (so that the longest
    assembly starts at once and the others fill the other workers)."""
    def size(name: str) -> int:
        return sum(p.stat().st_size for cid in ids if (p := root / name / f"{cid}.parquet").exists())
    return sorted(TABLE_NAMES, key=size, reverse=True)


def _assemble_all(root: Path, ids: list[str], tables_dir: Path, dedupe: PartDedupe, write_csv: bool,
                  progress: bool, jobs: int) -> dict[str, int]:
    """Every table assembled from the chunks `ids`, `jobs` tables at a time in worker processes
    (each table's files are the same whichever process writes them); in this process with one job,
    one chunk, or where workers cannot run. Returns the rows written per table."""
    from analysis.workers import WORKERS_UNAVAILABLE

    rows: dict[str, int] = {}
    names = _largest_first(root, ids) if jobs > 1 and len(ids) > 1 else list(TABLE_NAMES)
    bar = progress_bar(len(names), "write tables", "table", progress)
    if jobs > 1 and len(ids) > 1:
        tasks = [{"name": name, "root": root, "chunk_ids": ids, "out_dir": tables_dir, "dedupe": dedupe,
                  "write_csv": write_csv} for name in names]
        try:
            for i, n_rows in pool_results(_assemble_task, tasks, jobs):
                rows[names[i]] = n_rows
                bar.update(1)
        except WORKERS_UNAVAILABLE:
            pass   # the tables not written yet are written here, below
    for name in names:
        if name not in rows:
            rows[name] = _assemble(name, root, ids, tables_dir, dedupe, write_csv)
            bar.update(1)
    bar.close()
    return {name: rows[name] for name in TABLE_NAMES}


def _write_tables(root: Path, ids: list[str], tables_dir: Path, dedupe: PartDedupe, write_csv: bool,
                  progress: bool, jobs: int = 1) -> dict[str, int]:
    """Every table assembled from the chunks `ids` (empty tables when there are none), then the
    chunk files of no current plan removed; returns the rows written per table."""
    rows = {}
    if ids:
        rows = _assemble_all(root, ids, tables_dir, dedupe, write_csv, progress, jobs)
    if not ids:  # nothing to read: empty tables with the right columns
        for name, table in compute_tables(load_paths([], Problems())).items():
            _write_parquet_atomic(_arrow_table(table), tables_dir / f"{name}.parquet")
            if write_csv:
                table.to_csv(tables_dir / f"{name}.csv", index=False)
            rows[name] = 0
    keep = set(ids)
    for sub in root.glob("*/*"):
        if sub.is_file() and sub.name.split(".")[0] not in keep:
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
    # body sketches only where a text dump and an HTML page could be one page (duplicates compares
    # no other bodies): a corpus of one format skips them (0.27 ms an article)
    from analysis.load import bodies_comparable

    sketch_bodies = not keep_duplicates and bodies_comparable(files)
    # a new budget redoes chunks; so does a corpus that now needs the sketches its chunks lack
    fingerprint = f"{code_fingerprint()} budget {article_seconds}{'' if sketch_bodies else ' no sketches'}"
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
              "sketch_bodies": sketch_bodies} for cid, c in pending]
    n_done_files = sum(len(c) for cid, c in zip(ids, chunks) if cid in stats)
    bar = progress_bar(len(files), "load + analyze", unit, progress)
    bar.update(n_done_files)
    if tasks:
        if jobs == 1 or len(tasks) == 1:
            for task in tasks:
                s = _run_chunk(task)
                stats[s["id"]] = s
                report(s, bar)
                bar.update(s["files"])
        else:
            for _, s in pool_results(_run_chunk, tasks, jobs):
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
    rows = _write_tables(root, ids, tables_dir, dedupe, write_csv, progress, jobs)
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

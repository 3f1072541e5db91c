"""Command line: `python -m analysis run CORPUS --out DIR` (also installed as `media-analysis`).

Loads and cleans the corpus, computes every table (written as Parquet and CSV under the tables
folder), then executes every notebook on it and renders each as HTML. See docs/scale.md.
"""
from __future__ import annotations

import argparse
import contextlib
import sys
import time
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]

RUN_HELP = """\
Load, clean and analyze CORPUS, then run every notebook on it.

Writes (with --out DIR):
  DIR/tables/<table>.parquet and .csv  articles, paragraphs, removed, quotes, quote_share,
                                       attributions, readability, frames, frame_matches, tone
                                       (columns: docs/columns.md); warnings.txt lists every
                                       problem met, with its file name
  DIR/figures/*.png                    the notebooks' figures
  DIR/reports/<notebook>.html          each notebook executed on CORPUS (and the .ipynb)
Without --out: the kit's seeds/ writes to reports/tables/, figures/ and reports/ of the kit; any
other corpus to out/<corpus name>/ (ignored by git: the committed figures are never touched).
The notebooks run are the kit's numbered ones (notebooks/NN_*.ipynb); keep your own notebooks in
notebooks/mine/ and run them with --notebooks notebooks/mine.

Work is done in chunks of files written to DIR/tables/_chunks/ as they finish: run the same
command again after an interruption and finished chunks are not redone (--restart redoes all).
Bad files never stop a run: they are reported as warnings naming the file.
"""


def _default_root() -> Path:
    return ROOT if (ROOT / "notebooks").is_dir() else Path.cwd()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analysis",
                                     description="Media-analysis research kit: whole-corpus runs.")
    sub = parser.add_subparsers(dest="command")
    run = sub.add_parser("run", help="load, analyze and report on a corpus", description=RUN_HELP,
                         formatter_class=argparse.RawDescriptionHelpFormatter)
    run.add_argument("corpus", nargs="*", default=None,
                     help="folder, file(s) or glob of .txt/.html/.jsonl/.json/.csv (optionally .gz) "
                          "articles (default: the kit's seeds/)")
    run.add_argument("--out", type=Path, default=None,
                     help="output folder (default: the kit's figures/ and reports/ for seeds/, "
                          "out/<corpus name>/ for any other corpus)")
    run.add_argument("--no-notebooks", action="store_true",
                     help="only compute the tables; do not execute the notebooks")
    run.add_argument("--jobs", "-j", type=int, default=None,
                     help="worker processes (default: all cores; 1: everything in this process); also "
                          "how many notebooks run at once, each in its own kernel")
    run.add_argument("--chunk-size", type=int, default=None,
                     help="files per chunk, the unit of work and of resuming (default: 250)")
    run.add_argument("--restart", action="store_true",
                     help="discard finished chunks of an earlier run and compute everything again")
    run.add_argument("--notebooks", type=Path, default=None,
                     help="folder of notebooks to execute, every one in it (default: the kit's "
                          "numbered notebooks, notebooks/NN_*.ipynb)")
    run.add_argument("--keep-duplicates", action="store_true",
                     help="keep every copy of a page given twice (same URL, same bytes, or a .txt "
                          "and an .html with the same body); by default it is loaded once, from HTML")
    run.add_argument("--quiet", "-q", action="store_true", help="no progress bars")
    return parser


def output_dirs(out: Path | None, corpus=None) -> dict[str, Path]:
    """Where a run writes: tables, figures and reports (HTML) folders. Without `out`, the seed
    corpus (the default) writes to the kit's folders and any other corpus to out/<corpus name>/."""
    if out is None:
        from analysis.notebooks import run_paths

        paths = run_paths(corpus if corpus is not None else str(_default_root() / "seeds"))
        if paths.is_seed:
            root = _default_root()
            return {"tables": root / "reports" / "tables", "figures": root / "figures",
                    "reports": root / "reports"}
        out = paths.out_dir
    out = Path(out)
    return {"tables": out / "tables", "figures": out / "figures", "reports": out / "reports"}


class _InlineFiguresInKernels:
    """While notebooks execute, their kernels start without the CLI's MPLBACKEND (run.sh exports
    MPLBACKEND=Agg for headless work; inherited by a kernel it would replace ipykernel's inline
    backend and a user's own plt.show() would embed nothing). The kernel then picks its own."""

    def __enter__(self):
        import os

        self.saved = os.environ.pop("MPLBACKEND", None)
        return self

    def __exit__(self, *exc):
        import os

        if self.saved is not None:
            os.environ["MPLBACKEND"] = self.saved


def run_notebooks(notebooks: list[Path], corpus, tables_dir: Path, figures_dir: Path,
                  reports_dir: Path, progress: bool = True, jobs: int | None = 1) -> list[str]:
    """Execute each notebook with papermill (corpus, tables_dir, figures_dir injected) and render
    it to reports_dir/<name>.html; return the names of notebooks that failed, in the given order.
    `jobs` notebooks run at once (None: one per core), each from its own clean kernel: they only
    read the tables and write their own files, so the order they finish in changes nothing."""
    import threading
    from concurrent.futures import ThreadPoolExecutor

    import nbformat  # noqa: F401  (imported here, before any thread needs it)
    import papermill  # noqa: F401
    from nbconvert import HTMLExporter
    from tqdm import tqdm  # plain text bars: a terminal or a notebook, no widgets needed

    from analysis.workers import resolve_jobs

    reports_dir.mkdir(parents=True, exist_ok=True)
    params = {"corpus": corpus, "tables_dir": str(tables_dir.resolve()),
              "figures_dir": str(figures_dir.resolve())}
    at_once = max(1, min(resolve_jobs(jobs), len(notebooks)))
    html = _HtmlWriter(HTMLExporter(), threading.Lock())   # one exporter: its templates load once
    with _InlineFiguresInKernels(), tqdm(total=len(notebooks), desc="notebooks", unit="notebook",
                                         disable=not progress, file=sys.stderr) as bar:
        def run_one(nb: Path) -> bool:
            ok = _run_notebook(nb, params, reports_dir, html)
            bar.update()
            return ok

        if at_once == 1:
            ok = [run_one(nb) for nb in notebooks]
        else:   # the kernels are separate processes: threads only wait for them
            with ThreadPoolExecutor(max_workers=at_once) as pool:
                ok = list(pool.map(run_one, notebooks))
    return [nb.name for nb, good in zip(notebooks, ok) if not good]


class _HtmlWriter(NamedTuple):
    """nbconvert's HTML exporter, shared by the threads that run notebooks (one at a time)."""

    exporter: object
    lock: object

    def write(self, executed: Path, target: Path) -> None:
        import nbformat

        with self.lock:
            body, _ = self.exporter.from_notebook_node(nbformat.read(executed, as_version=4))
        target.write_text(body, encoding="utf-8")


def _run_notebook(nb: Path, params: dict, reports_dir: Path, html: _HtmlWriter) -> bool:
    """One notebook executed (papermill, a clean kernel) and rendered to HTML; False if it failed
    (its error is in its output, and one line on stderr)."""
    import papermill

    executed = reports_dir / nb.name
    ok = True
    try:
        papermill.execute_notebook(str(nb), str(executed), parameters=params, cwd=str(nb.parent),
                                   kernel_name="python3", progress_bar=False,
                                   extra_arguments=["--IPKernelApp.log_level=CRITICAL"])
    except Exception as exc:  # noqa: BLE001  (the notebook's error is in its output; keep going)
        ok = False
        print(f"error: notebook {nb.name} failed: {type(exc).__name__}: "
              f"{str(exc).strip().splitlines()[-1] if str(exc).strip() else ''}", file=sys.stderr)
    if executed.exists():
        html.write(executed, reports_dir / f"{nb.stem}.html")
    return ok


@contextlib.contextmanager
def _without_iri_grammar():
    """While this command imports nbformat and papermill: jsonschema (which nbformat imports) builds
    the whole IRI grammar of the optional `rfc3987-syntax` package at import when it is installed
    (about 1.1 CPU s, before the first notebook starts) for its `iri` format check, which neither
    nbformat's notebook schema nor papermill uses; it is left out of this process only (the kernels
    never import jsonschema)."""
    blocked = "rfc3987_syntax" not in sys.modules and "jsonschema._format" not in sys.modules
    if blocked:
        sys.modules["rfc3987_syntax"] = None   # `from rfc3987_syntax import ...` raises ImportError
    try:
        import nbformat  # noqa: F401
        import papermill  # noqa: F401
    finally:
        if blocked and sys.modules.get("rfc3987_syntax", 0) is None:
            del sys.modules["rfc3987_syntax"]
    yield


def _os_error(exc: OSError) -> str:
    """One line for a file-system error: what failed, on which path, and a hint."""
    import errno

    where = exc.filename or ""
    hint = {errno.ENOSPC: "the disk is full", errno.EACCES: "no permission to write there",
            errno.EROFS: "the file system is read-only", errno.EEXIST: "a file is in the way",
            errno.ENOTDIR: "a file is where a folder should be"}.get(exc.errno, "")
    text = exc.strerror or str(exc)
    return f"{where}: {text}" + (f" ({hint}; choose another --out)" if hint else "") if where else \
        f"{text}" + (f" ({hint})" if hint else "")


def cmd_run(args) -> int:
    from analysis.pipeline import DEFAULT_CHUNK_SIZE, RunError, run_corpus

    root = _default_root()
    sources = [str(c) for c in args.corpus] if args.corpus else [str(root / "seeds")]
    source = sources[0] if len(sources) == 1 else sources
    dirs = output_dirs(args.out, source)
    progress = not args.quiet
    t0 = time.perf_counter()
    try:
        from analysis.load import OUTPUT_MARKER

        out_root = Path(args.out) if args.out is not None else dirs["tables"].parent
        out_root.mkdir(parents=True, exist_ok=True)     # the whole output folder is never read
        (out_root / OUTPUT_MARKER).touch()              # as input, by this run or a later one
        exclude = [out_root]
        summary = run_corpus(source, dirs["tables"], jobs=args.jobs,
                             chunk_size=args.chunk_size or DEFAULT_CHUNK_SIZE, progress=progress,
                             restart=args.restart, exclude=exclude,
                             keep_duplicates=args.keep_duplicates)
    except (FileNotFoundError, RunError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("\ninterrupted: finished chunks are kept; run the same command again to resume",
              file=sys.stderr)
        return 130
    except BrokenProcessPool as exc:  # a worker was killed (e.g. out of memory)
        print(f"error: a worker process died ({exc}); finished chunks are kept: run the same "
              "command again to resume (with --jobs 1 or a smaller --chunk-size if memory is short)",
              file=sys.stderr)
        return 1
    except OSError as exc:   # read-only or full disk, an output path that is a file ...
        print(f"error: {_os_error(exc)}", file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 - never a traceback; the message says what broke
        print(f"error: the run stopped: {type(exc).__name__}: {str(exc).strip()[:300]} "
              "(finished chunks are kept; run the same command again, or with --restart)",
              file=sys.stderr)
        return 1
    rate = summary["articles"] / summary["seconds_analyze"] if summary["seconds_analyze"] else 0.0
    print(f"{summary['articles']} article(s) from {summary['files']} file(s) in "
          f"{summary['seconds_total']:.1f} s ({rate:.0f} articles/s); tables in {dirs['tables']}"
          + (f"; {summary['warnings']} warnings (see {dirs['tables'] / 'warnings.txt'})"
             if summary["warnings"] else ""), file=sys.stderr)
    failed: list[str] = []
    if not args.no_notebooks:
        from analysis.notebooks import numbered_notebooks

        nb_dir = args.notebooks or root / "notebooks"
        notebooks = sorted(Path(nb_dir).glob("*.ipynb")) if args.notebooks else numbered_notebooks(nb_dir)
        if not notebooks:
            print(f"warning: no notebooks in {nb_dir}", file=sys.stderr)
        corpus = [str(Path(s).resolve()) if Path(s).exists() else s for s in sources]
        with _without_iri_grammar():
            failed = run_notebooks(notebooks, corpus[0] if len(corpus) == 1 else corpus, dirs["tables"],
                                   dirs["figures"], dirs["reports"], progress, jobs=args.jobs)
        print(f"{len(notebooks) - len(failed)} of {len(notebooks)} notebooks executed; HTML in "
              f"{dirs['reports']}, figures in {dirs['figures']} ({time.perf_counter() - t0:.1f} s in all)",
              file=sys.stderr)
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "run":
        return cmd_run(args)
    parser.print_help()
    return 2


if __name__ == "__main__":
    sys.exit(main())

"""Worker processes for `analysis.pipeline`: how many, how they start, warm-up, progress bars.

Workers start from a fork server that has imported the kit and loaded every rule file and lexicon
once (`warm`), so each worker starts warm and shares that memory. They never import the caller's
main module: `pool_results` starts them while `sys.modules["__main__"]` is a blank module, so a
script without `if __name__ == "__main__":`, `python -c`, `python -` and a Jupyter kernel all get
the same pool (the tasks are the kit's own functions and data frames; nothing of `__main__` is sent).
Where worker processes cannot run at all, `WorkersUnavailable` lists the errors that mean so and the
caller computes in its own process.
"""
from __future__ import annotations

import contextlib
import gc
import os
import pickle
import sys
import time
import types
import warnings
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

# errors that mean worker processes cannot run here (no semaphores or sockets in a sandbox, a pool
# whose workers died at start, a task that cannot be pickled): the caller computes in-process
WORKERS_UNAVAILABLE = (BrokenProcessPool, OSError, NotImplementedError, pickle.PicklingError)
# modules the workers' functions live in (besides the producers'): imported once in the fork server
WORKER_MODULES = ("analysis.producers", "analysis.pipeline", "analysis.corpus_run")


def default_jobs() -> int:
    """Cores this process may use (CPU affinity aware)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def resolve_jobs(jobs) -> int:
    """`jobs` as a number of processes (None or 0: every core this process may use)."""
    return default_jobs() if not jobs else max(1, int(jobs))


def mp_context():
    """Worker processes start from a clean fork server (safe with threads, e.g. in Jupyter)."""
    import multiprocessing as mp

    if sys.platform.startswith("linux"):
        ctx = mp.get_context("forkserver")
        from analysis.producers import PRODUCERS

        modules = {*WORKER_MODULES} | {spec.split(":")[0] for spec in PRODUCERS.values()}
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
            from analysis.producers import compute_tables

            compute_tables(load_articles([page], jobs=1))
    except Exception:  # noqa: BLE001 - never let warming up break the fork server
        pass
    # the loaded rules and lexicons live as long as the process: out of the garbage collector's
    # generations (Python's gc.freeze, meant for a server before it forks), so that no collection
    # in a worker walks them again
    gc.freeze()


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


def start_fork_server() -> None:
    """Start the fork server now (not at the first task), so that its imports and warm-up overlap
    with the caller's own work; no-op where workers are spawned instead."""
    ctx = mp_context()
    if ctx.get_start_method() == "forkserver":
        from multiprocessing import forkserver

        with _this_sys_path():
            forkserver.ensure_running()


def _this_sys_path():
    """While the fork server starts, PYTHONPATH is this process's `sys.path`: Python 3.11's fork
    server ignores the path it is sent, so it would import (and warm up, and fork workers from)
    whichever copy of the kit is installed rather than the one this process imported."""
    path = os.pathsep.join(os.path.abspath(p or os.curdir) for p in sys.path)
    return _set_for_a_while(os.environ, "PYTHONPATH", path)


@contextlib.contextmanager
def _set_for_a_while(mapping, key: str, value):
    """`mapping[key]` is `value` inside the block, then what it was (or absent) again."""
    missing = object()
    before = mapping.get(key, missing)
    mapping[key] = value
    try:
        yield
    finally:
        if before is missing:
            mapping.pop(key, None)
        else:
            mapping[key] = before


def _pool(jobs: int):
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(max_workers=jobs, mp_context=mp_context(),
                               initializer=_watch_parent, initargs=(os.getpid(),))


def main_module_hidden():
    """While worker processes start: `sys.modules["__main__"]` is a blank module, so that
    multiprocessing does not make each worker import the caller's script again (which re-runs a
    script without a main guard, and fails for `python -`, whose file is "<stdin>")."""
    return _set_for_a_while(sys.modules, "__main__", types.ModuleType("__main__"))


def pool_results(func: Callable, tasks: Sequence, jobs: int) -> Iterator[tuple[int, object]]:
    """(index, func(task)) for every task, as `jobs` worker processes finish them. On an error or
    Ctrl-C the queued tasks are dropped and the workers stopped (`stopping_on_error`)."""
    from concurrent.futures import as_completed

    start_fork_server()
    pool = _pool(max(1, min(jobs, len(tasks))))
    with stopping_on_error(pool):
        with main_module_hidden():   # every worker starts during these submits
            futures = {pool.submit(func, task): i for i, task in enumerate(tasks)}
        for future in as_completed(futures):
            yield futures[future], future.result()


@contextlib.contextmanager
def stopping_on_error(pool):
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


def progress_bar(total, desc, unit, enabled):
    """A text progress bar on stderr (a terminal or a notebook; disabled: prints nothing)."""
    from tqdm import tqdm  # plain text bars: a terminal or a notebook, no widgets needed

    return tqdm(total=total, desc=desc, unit=unit, disable=not enabled, dynamic_ncols=True,
                smoothing=0.1, file=sys.stderr)


def progress_iter(items, desc, unit, enabled):
    """`items` with a text progress bar on stderr."""
    from tqdm import tqdm  # plain text bars: a terminal or a notebook, no widgets needed

    return tqdm(items, desc=desc, unit=unit, disable=not enabled, file=sys.stderr)


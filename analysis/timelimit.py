"""A time budget for one call: the last guard that keeps one article from stalling a run.

`with time_limit(seconds): ...` raises `TimeBudgetExceeded` inside the block once it has run for
`seconds` (None or 0: no limit); `cpu=True` counts this process's CPU seconds instead of wall-clock
seconds (a measure that other processes' load does not stretch; main thread only).

- In a process's main thread (a worker of the pipeline's pool, a notebook kernel, a script) the
  budget is a SIGALRM timer (`signal.setitimer`); CPython's `re` checks for signals while it
  matches, so even a backtracking regular expression is interrupted.
- In any other thread (e.g. Dask's threaded workers) a timer thread raises the exception in the
  working thread (`PyThreadState_SetAsyncExc`); it takes effect at the next Python instruction, so a
  single long call into C code finishes first.

`TimeBudgetExceeded` derives from BaseException, like KeyboardInterrupt, so that a producer's own
`except Exception:` cannot swallow it; if something swallows it anyway, it is raised again every
second until the block ends.
"""
from __future__ import annotations

import contextlib
import ctypes
import signal
import threading
import time

REPEAT_SECONDS = 1.0   # raised again this often if the block swallowed the exception


class TimeBudgetExceeded(BaseException):
    """The block ran longer than its time budget."""


class _Armed:
    """Whether the budget may still fire (cleared first thing when the block ends)."""

    __slots__ = ("active",)

    def __init__(self) -> None:
        self.active = True


@contextlib.contextmanager
def time_limit(seconds: float | None, cpu: bool = False):
    """Raise TimeBudgetExceeded in the block after `seconds` (None, 0 or negative: no limit) of
    wall-clock time, or of this process's CPU time with `cpu=True`."""
    if not seconds or seconds <= 0:
        yield
        return
    on_main = threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")
    if cpu and not on_main:
        raise RuntimeError("time_limit(cpu=True) works in the main thread only")
    with (_alarm(seconds, cpu) if on_main else _raise_in_thread(seconds)):
        yield


@contextlib.contextmanager
def _alarm(seconds: float, cpu: bool):
    armed = _Armed()
    # wall clock: SIGALRM after real time; CPU: SIGPROF after the process's user + system time
    timer, signum, clock = ((signal.ITIMER_PROF, signal.SIGPROF, time.process_time) if cpu
                            else (signal.ITIMER_REAL, signal.SIGALRM, time.monotonic))

    def expire(signum, frame):
        if armed.active:
            raise TimeBudgetExceeded

    started = clock()
    previous_handler = signal.signal(signum, expire)
    outer_delay, outer_interval = signal.setitimer(timer, seconds, REPEAT_SECONDS)

    def disarm() -> None:
        armed.active = False
        signal.setitimer(timer, 0)
        signal.signal(signum, previous_handler)
        if outer_delay:  # an enclosing budget keeps running (fires now if it ran out meanwhile)
            left = max(outer_delay - (clock() - started), 0.001)
            signal.setitimer(timer, left, outer_interval)

    try:
        yield
    finally:
        _to_the_end(disarm)


@contextlib.contextmanager
def _raise_in_thread(seconds: float):
    armed = _Armed()
    lock = threading.Lock()
    thread_id = threading.get_ident()
    timers: list[threading.Timer] = []

    def fire():
        with lock:
            if not armed.active:
                return
            ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id),
                                                       ctypes.py_object(TimeBudgetExceeded))
            start(REPEAT_SECONDS)

    def start(delay: float) -> None:
        timer = threading.Timer(delay, fire)
        timer.daemon = True
        timers.append(timer)
        timer.start()

    def disarm() -> None:
        with lock:
            armed.active = False
            for timer in timers:
                timer.cancel()
            # an exception set but not yet raised must not escape later, outside the block
            ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), None)

    start(seconds)
    try:
        yield
    finally:
        _to_the_end(disarm)


def _to_the_end(disarm) -> None:
    """Run `disarm` to its end even when the budget fires while it runs (it is idempotent)."""
    while True:
        try:
            disarm()
            return
        except TimeBudgetExceeded:
            continue

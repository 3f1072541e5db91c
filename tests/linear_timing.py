"""How a cost grows with input length, measured so that a loaded CI machine cannot fake a failure.

The linearity tests (issue 11: tests/test_linearity.py, the emoji run of tests/test_tone.py) time
the same work at 1x and 8x length in one run and bound the ratio. `scaling` measures it:

- CPU seconds of this process (`time.process_time`): time the other pytest-xdist worker or another
  job takes on the same cores does not count;
- the garbage collector collected before and switched off during each run (as `timeit` does): a
  collection pass, whose cost depends on everything else the process holds, never lands in one
  size's run only;
- one 1x run is as many calls as last at least `MIN_SECONDS` (50 ms: a scheduler tick, a cache
  refill or a page fault, under 1 ms each, stay under 2% of it; a 4 ms call timed alone does not);
- 1x and 8x runs interleaved, best of up to `rounds` each (stopping once the ratio is under the
  bound, or over 1.5 x the bound, which noise never explains): load that comes and goes hits both sizes alike, and the minimum is the run least
  disturbed (noise only ever adds time);
- every call under a CPU-time budget (`analysis.timelimit`), so a quadratic case fails in seconds
  instead of hanging: `one_x_budget` per 1x call, 1.5 x `bound` x the 1x time (at least 1 s) per
  8x call.

The bound, `MAX_RATIO` = 16: at 8x length a linear cost is 8x, an n log n one about 9-10x, and on a
loaded 2-core machine running `pytest -n 2` linear work measured up to 12.2x (a 50 ms 1x run: the
8x run's bigger working set shares the caches with the other worker); a quadratic cost is 64x and
a cubic one 512x. 16 is twice linear and a quarter of quadratic: noise of up to 2x cannot fail a
linear producer, and a quadratic one fails even if its quadratic part is under a fifth of its cost
at 1x (8 x 0.8 + 64 x 0.2 = 19).
"""
from __future__ import annotations

import gc
import math
import time
from collections.abc import Callable
from typing import NamedTuple

from analysis.timelimit import TimeBudgetExceeded, time_limit

MAX_RATIO = 16.0
MIN_SECONDS = 0.05          # one 1x run lasts at least this long (calls repeated)
MAX_CALLS = 200             # calls in one run at most (prepared inputs are held in memory)


class Scaling(NamedTuple):
    """CPU seconds per call at 1x and 8x (best run of each), and the calls in one run."""
    one_x: float
    eight_x: float            # math.inf: an 8x call ran over its budget
    calls: int
    eight_x_budget: float     # CPU seconds one 8x call was allowed

    @property
    def ratio(self) -> float:
        return self.eight_x / max(self.one_x, 1e-9)

    def describe(self, units: int | None = None) -> str:
        size = f" ({units:,} units)" if units is not None else ""
        big = (f"over {self.eight_x_budget:.3f} s" if math.isinf(self.eight_x) else f"{self.eight_x:.4f} s")
        ratio = f">{1.5 * MAX_RATIO:.0f}" if math.isinf(self.eight_x) else f"{self.ratio:.1f}"
        return (f"{self.one_x:.4f} s per call at 1x{size}, {big} at 8x: ratio {ratio} "
                f"(best of runs of {self.calls} calls, CPU time)")


def _run(make_call: Callable[[], Callable[[], object]], calls: int, budget: float) -> float:
    """CPU seconds per call of `calls` calls, each prepared by `make_call()` outside the timing."""
    prepared = [make_call() for _ in range(calls)]
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    try:
        started = time.process_time()
        for call in prepared:
            with time_limit(budget, cpu=True):
                call()
        return (time.process_time() - started) / calls
    finally:
        if enabled:
            gc.enable()


def scaling(make_small: Callable[[], Callable[[], object]], make_big: Callable[[], Callable[[], object]], *,
            bound: float = MAX_RATIO, rounds: int = 3, one_x_budget: float = 1.5,
            min_seconds: float = MIN_SECONDS) -> Scaling:
    """Time the 1x work (`make_small()` gives one prepared call, e.g. on a fresh text so that no cache
    answers) and the 8x work (`make_big()`), as the module says. A 1x call over `one_x_budget`
    raises TimeBudgetExceeded (the work is far from linear or far too slow to measure)."""
    single = _run(make_small, 1, one_x_budget)
    calls = max(1, min(MAX_CALLS, math.ceil(min_seconds / max(single, 1e-6))))
    one_x = eight_x = math.inf
    big_budget = 1.0
    for _ in range(rounds):
        small = _run(make_small, calls, one_x_budget)
        while small * calls < min_seconds and calls < MAX_CALLS:    # the first call was the slow one
            calls = min(MAX_CALLS, max(calls + 1, math.ceil(calls * min_seconds / max(small * calls, 1e-6))))
            small = _run(make_small, calls, one_x_budget)
        one_x = min(one_x, small)
        big_budget = max(1.5 * bound * one_x, 1.0)     # a floor: no abort on one page fault
        try:
            eight_x = min(eight_x, _run(make_big, calls, big_budget))
        except TimeBudgetExceeded:
            break                                       # over 1.5 x bound: no second try needed
        if eight_x / one_x < bound or eight_x / one_x > 1.5 * bound:
            break                                       # under the bound, or far over it
    return Scaling(one_x, eight_x, calls, big_budget)

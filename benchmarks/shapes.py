"""The odd pages a scrape always contains, as text builders, and every producer timed on them.

Issue 11 observed these shapes stalling a run (one article, each producer alone): 50,000 `“Yes”`
pairs in one paragraph, 1 MB of alternating quotation marks, "according to" 30,000 times, 200,000
emoji, a 300,000-character line of dots, 5,000 paragraphs with unbalanced quotes, a 200,000-word
paragraph without punctuation; plus long realistic text: a 5,000-quote interview transcript, one
quote per paragraph and all in one paragraph. `SHAPES[name](n, salt)` builds a body of `n` units
(`FULL[name]` is the issue's size); `salt` goes into every paragraph, so that the producers' caches
(keyed on bodies and paragraphs) never answer a timed call. tests/test_linearity.py times each
producer at 1x and 8x; this script times each producer once at the full size:

    .venv/bin/python benchmarks/shapes.py                  # every shape, every producer
    .venv/bin/python benchmarks/shapes.py dots tone        # some shapes / producers only

Each call runs under a budget of CPU seconds (`--budget`, default 60) and prints its CPU seconds (or
`>budget`); the issue's target is under 10 s for every cell.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402

_WORDS = "the mayor told the council on monday that the city would vote on the budget next week".split()
_MARKS = "\"\u201c\u201d\u201e\u00ab\u00bb\u201f'\u2018\u2019"   # every quotation mark the kit knows


def _quote_pairs(n: int, salt: str) -> str:
    return f"{salt} " + "\u201cYes\u201d " * n


def _alternating_marks(n: int, salt: str) -> str:      # n marks
    return salt + (_MARKS * (n // len(_MARKS) + 1))[:n]


def _according_to(n: int, salt: str) -> str:
    return f"{salt} " + "according to " * n


def _emoji(n: int, salt: str) -> str:
    return salt + "\U0001F600" * n


def _dots(n: int, salt: str) -> str:
    return salt + "." * n


def _unbalanced_paragraphs(n: int, salt: str) -> str:
    return "\n\n".join(f"\u201cThis quote {salt} number {i} never closes, the minister said on Tuesday."
                       for i in range(n))


def _unpunctuated(n: int, salt: str) -> str:            # n words, one paragraph
    words = (_WORDS * (n // len(_WORDS) + 1))[:n]
    return f"{salt} " + " ".join(f"{w}{i % 97}" if i % 7 == 0 else w for i, w in enumerate(words))


def _exchange(i: int, salt: str) -> tuple[str, str]:
    question = (f"\u201cWhat will happen to the {salt} budget in year {i}?\u201d asked the reporter, "
                "Anna Lee.")
    answer = (f"\u201cWe will reopen the bridge in week {i} and fund three schools,\u201d said Mayor "
              f"Jane Smith, a Democrat. \u201cThe council agrees,\u201d she added.")
    return question, answer


def _interview(n: int, salt: str) -> str:               # n quotes, a paragraph each
    paragraphs = [p for i in range(n // 3 + 1) for p in _exchange(i, salt)]
    return "\n\n".join(paragraphs[: max(1, 2 * n // 3)])


def _interview_one_paragraph(n: int, salt: str) -> str:  # n quotes in one paragraph
    return " ".join(_interview(n, salt).split("\n\n"))


SHAPES = {
    "quote_pairs": _quote_pairs,
    "alternating_marks": _alternating_marks,
    "according_to": _according_to,
    "emoji": _emoji,
    "dots": _dots,
    "unbalanced_paragraphs": _unbalanced_paragraphs,
    "unpunctuated": _unpunctuated,
    "interview": _interview,
    "interview_one_paragraph": _interview_one_paragraph,
}
FULL = {"quote_pairs": 50_000, "alternating_marks": 1_000_000, "according_to": 30_000, "emoji": 200_000,
        "dots": 300_000, "unbalanced_paragraphs": 5_000, "unpunctuated": 200_000, "interview": 5_000,
        "interview_one_paragraph": 5_000}


def article(text: str, article_id: str = "shape") -> pd.DataFrame:
    """A one-article frame as `load_articles` gives it (raw = text, nothing removed)."""
    return pd.DataFrame({"article_id": [article_id], "text": [text], "raw": [text], "removed_lines": [""]})


def time_producer(name: str, text: str, budget: float | None) -> float | None:
    """CPU seconds one producer takes on `text` (None when it ran over `budget` CPU seconds); CPU
    time, because on a shared machine other processes' load stretches wall-clock time."""
    from analysis.pipeline import _producer
    from analysis.timelimit import TimeBudgetExceeded, time_limit

    func = _producer(name)
    frame = article(text)
    started = time.process_time()
    try:
        with time_limit(budget, cpu=True):
            func(frame)
    except TimeBudgetExceeded:
        return None
    return time.process_time() - started


def main(argv=None) -> int:
    from analysis.pipeline import PRODUCERS, warm

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("only", nargs="*", help="shape or producer names (default: all)")
    parser.add_argument("--budget", type=float, default=60.0, help="seconds per call before giving up")
    args = parser.parse_args(argv)
    shapes = [s for s in SHAPES if s in args.only] or list(SHAPES)
    producers = [p for p in PRODUCERS if p in args.only] or list(PRODUCERS)
    warm()
    print("| shape | chars | " + " | ".join(producers) + " |")
    print("|---|---:|" + "---:|" * len(producers))
    for shape in shapes:
        cells = []
        for producer in producers:  # a fresh body for each (no cache carries over)
            text = SHAPES[shape](FULL[shape], f"s-{producer}")
            seconds = time_producer(producer, text, args.budget)
            cells.append(f">{args.budget:g}" if seconds is None else f"{seconds:.2f}")
        print(f"| {shape} | {len(SHAPES[shape](FULL[shape], 's0')):,} | " + " | ".join(cells) + " |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

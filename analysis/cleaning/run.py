"""The cleaner's last passes: line weights, the best-scoring contiguous run of lines (the body) and
its edges: a standfirst above the byline, a closing author bio, a closing list (part of
`analysis.clean`)."""
from __future__ import annotations

from analysis.cleaning.lines import GOOD, NEAR, SHORT, Line
from analysis.cleaning.rules import closing_rule, load_rules

HARD_END_MIN = 200.0     # a run scoring this much (about 200 characters of prose) is an article
# Line weights for the best-run search (prose lines weigh their length in characters)
W_RULE = -40.0           # a line removed by a rule (menu item, share button, ...)
W_ISOLATED_SHORT = -5.0  # a short line standing alone between blank lines (sub-heading?)
W_LIST_ITEM = -2.0       # an item of a list introduced by a line ending in ":"
W_NEAR_PER_CHAR = 0.5    # a NEAR line weighs half its length
W_TEASER_PER_CHAR = -0.3     # a teaser card's line, per character
W_SHORT_RUN = -15.0          # a short line among short lines (menus, link lists) ...
W_SHORT_RUN_PER_CHAR = -0.2  # ... and per character
AFTER_END_DISCOUNT = 0.4  # weight of a run that starts after an end marker closing an article
POSITION_DECAY = 0.2     # later runs are discounted by this share of their relative position
# Edges of the run
STANDFIRST_MAX_LINES = 8     # lines at the run's start searched for a byline under a standfirst
SECTION_MIN_LINES = 3        # a closing section of paragraph-separated short lines (see below)
DATA_LIST_MIN_ITEMS = 5      # a closing data list (tour dates, ingredients): at least this many items,
DATA_LIST_MIN_WORDS = 4.0    # ... of this many words on average (menu items have one to three)
DATA_LIST_DIGIT_SHARE = 0.5  # ... and at least this share of them holding a digit (dates, amounts)
HEADING_MAX_WORDS = 8        # a heading line above such a list


def weigh(records: list[Line], blank_separated: bool) -> None:
    """Line weights for the best-run search (prose lines weigh their length in characters)."""
    for line in records:
        if line.barrier:
            continue
        if line.bullet and line.cls == SHORT and line.soft is None and not line.box:
            line.weight = W_NEAR_PER_CHAR * line.nchar
        elif line.list_item and line.cls == SHORT and line.soft is None:
            line.weight = W_LIST_ITEM
        elif line.reason is not None or line.box or line.end:
            line.weight = W_RULE
        elif line.soft is not None:
            line.weight = W_TEASER_PER_CHAR * line.nchar if line.soft == "teaser" else W_ISOLATED_SHORT
        elif line.cls == GOOD:
            line.weight = float(line.nchar)
        elif line.cls == NEAR:
            line.weight = W_NEAR_PER_CHAR * line.nchar
        elif line.run_short or not blank_separated:
            line.weight = W_SHORT_RUN + W_SHORT_RUN_PER_CHAR * line.nchar
        else:
            line.weight = W_ISOLATED_SHORT


def best_run(records: list[Line]) -> tuple[int, int]:
    """(lo, hi) of the maximum-sum contiguous run of line weights, runs split at barriers.

    Once a hard end marker (comments, footer) follows a real article run, nothing after it can be
    the body; a run after an end marker that follows a real article run is discounted
    (AFTER_END_DISCOUNT); later runs lose POSITION_DECAY of their relative position."""
    n = len(records)
    seg_best: list[tuple[float, int, int]] = []
    cur, start, best_here = 0.0, 0, (0.0, -1, -1)
    factor = 1.0
    for k in range(n + 1):
        if k == n or records[k].barrier:
            if best_here[1] >= 0:
                seg_best.append((best_here[0] * factor, best_here[1], best_here[2]))
            if any(x[0] >= HARD_END_MIN for x in seg_best):
                factor = AFTER_END_DISCOUNT
            if k < n and records[k].hard and any(x[0] >= HARD_END_MIN for x in seg_best):
                break
            cur, start, best_here = 0.0, k + 1, (0.0, -1, -1)
            continue
        if cur <= 0:
            cur, start = 0.0, k
        cur += records[k].weight
        if cur > best_here[0]:
            best_here = (cur, start, k)
    best = (0.0, -1, -1)
    for score, lo, hi in seg_best:
        adjusted = score * (1.0 - POSITION_DECAY * lo / n)
        if adjusted > best[0]:
            best = (adjusted, lo, hi)
    return best[1], best[2]


def skip_standfirst(records: list[Line], lo: int, hi: int) -> int:
    """A standfirst above the byline: when a byline or dated line (not a bare "10 p.m." of a live
    blog) follows the run's first one or two lines, the body starts after it."""
    seen, k = 0, lo
    while k <= hi and seen <= 2 and k < lo + STANDFIRST_MAX_LINES:
        line = records[k]
        if seen and (line.reason in ("byline", "dateline")
                     or (line.reason == "timestamp" and load_rules().dated_line.search(line.text))):
            return k + 1
        if line.reason is None and line.soft is None and line.cls != SHORT:
            seen += 1
        k += 1
    return lo


def mark_closing_tail(records: list[Line], lo: int, hi: int) -> None:
    """Author bio / "X contributed to this report" lines closing the body."""
    k = hi
    while k >= lo:
        line = records[k]
        if line.reason is not None or line.soft is not None or line.box or line.cls == SHORT:
            k -= 1
            continue
        reason = line.tail_reason or closing_rule(line.text)
        if reason is None:
            break
        line.reason = reason
        k -= 1


def extend_closing_list(records: list[Line], hi: int) -> int:
    """A list that closes the article: its introducing line and items follow the best run."""
    n = len(records)
    j = hi + 1
    if j < n and not records[j].list_item and records[j].reason is None and records[j].soft is None and \
            records[j].text.endswith(":") and j + 1 < n and records[j + 1].list_item:
        j += 1
    if j > hi + 1 or (j < n and records[j].list_item):
        while j < n and records[j].list_item and not records[j].barrier:
            j += 1
        hi = j - 1
    return hi


def extend_closing_section(records: list[Line], hi: int) -> int:
    """A closing section of short paragraphs that runs up to an end marker: a recipe, a meal plan,
    a changelog, sub-headed steps. When every line from the run's end to the next end marker
    stands alone between blank lines (a paragraph of the page, not an item of a menu or link
    list, which a browser copies without blank lines), no rule, teaser or caption removed any of
    them and there are at least SECTION_MIN_LINES of them, they are the article's too (each one
    alone weighs too little to join the run)."""
    n = len(records)
    j = hi + 1
    while j < n and not records[j].barrier:
        line = records[j]
        if line.reason is not None or line.soft is not None or line.box or line.end or line.run_short:
            return hi
        if (j > 0 and records[j - 1].block == line.block) or (j + 1 < n and records[j + 1].block == line.block):
            return hi
        j += 1
    if j >= n or j - hi - 1 < SECTION_MIN_LINES:
        return hi
    return j - 1


def _is_digit_line(text: str) -> bool:
    return any(ch.isdigit() for ch in text)


def extend_closing_data_list(records: list[Line], hi: int) -> int:
    """A data list closing the article (tour dates, ingredients, results), under an optional short
    heading ("Tour Dates"): one block of consecutive lines that no rule, teaser or caption removed,
    at least DATA_LIST_MIN_ITEMS items of DATA_LIST_MIN_WORDS words on average (a menu's items
    have one to three), at least DATA_LIST_DIGIT_SHARE of them holding a digit (a list of
    headlines rarely does)."""
    n = len(records)
    j = hi + 1

    def free(line: Line) -> bool:
        return line.reason is None and line.soft is None and not line.box and not line.end and not line.barrier

    if j < n and free(records[j]) and records[j].cls == SHORT and len(records[j].toks) <= HEADING_MAX_WORDS \
            and j + 1 < n and records[j + 1].block != records[j].block and records[j].block != records[hi].block:
        j += 1                                        # the list's heading, a line of its own
    if j >= n or records[j].block == records[j - 1].block:
        return hi
    k = j
    while k < n and records[k].block == records[j].block:
        k += 1
    items = records[j:k]
    if len(items) < DATA_LIST_MIN_ITEMS or not all(free(line) and line.cls != GOOD for line in items):
        return hi
    if sum(len(line.toks) for line in items) < DATA_LIST_MIN_WORDS * len(items):
        return hi
    if sum(_is_digit_line(line.text) for line in items) < DATA_LIST_DIGIT_SHARE * len(items):
        return hi
    return k - 1

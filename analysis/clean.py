"""Body extraction from browser text dumps (select-all + copy of a news page).

`clean_dump(raw)` keeps the article's body paragraphs (whole lines of the dump, unchanged) and lists
every other non-blank line with the rule that removed it. `repeated_lines(raws)` learns lines that
recur across many pages of one outlet (menus, promos) so the loader can pass them in.

How a dump is cleaned (details in docs/cleaning.md):
1. every non-blank line is tested against generic rules (analysis/data/boilerplate.yaml) and optional
   outlet hints (analysis/data/sites.yaml), the `skip` lines (metadata) and the `repeated` lines;
2. each line gets a prose score from its length, sentence punctuation and stop-word density (stop
   words from jusText's lists, language chosen per page);
3. teaser cards (headline + cut-off snippet) and photo captions (caption + credit) are found from
   the grouping of lines between blank lines;
4. end markers ("MORE NEWS", "Related", ...) split the page unless the article's prose resumes
   right after them; the main body is the best-scoring contiguous run of lines (maximum-sum
   segment), which allows short gaps such as sub-headings.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from analysis.cleaning.layout import (
    group_blocks, has_bullet_lines, is_blank_separated, mark_bullet_lists, mark_cards_and_captions, mark_cut_snippets,
    mark_galleries_and_player, mark_lists, mark_read_more, place_barriers,
)
from analysis.cleaning.lines import (
    SHORT, Line, apply_line_rules, classify_prose, drop_repeated, mark_duplicates,
    normalised_lines, split_lines,
)
from analysis.cleaning.rules import line_rule, load_rules, load_sites, norm_host
from analysis.cleaning.run import (
    best_run, extend_closing_data_list, extend_closing_list, extend_closing_section, mark_closing_tail, skip_standfirst, weigh,
)
from analysis.cleaning.stoplists import stoplists

__all__ = ["clean_dump", "line_rule", "repeated_lines"]
_rules, _stoplists = load_rules, stoplists   # the names benchmarks warm and inspect the caches by


# ---------------------------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------------------------


def repeated_lines(raws: Iterable[str], min_pages: int = 3, min_share: float = 0.5) -> frozenset[str]:
    """Lines (normalised: NFKC, lower case, single spaces) found on at least `min_pages` pages and
    on at least `min_share` (0-1) of the given pages of one outlet. Byte-identical pages count once.
    """
    seen_pages: set[int] = set()
    counts: Counter = Counter()
    n_pages = 0
    for raw in raws:
        if not isinstance(raw, str) or not raw.strip():
            continue
        h = hash(raw)
        if h in seen_pages:
            continue
        seen_pages.add(h)
        n_pages += 1
        counts.update(normalised_lines(raw))
    if n_pages == 0:
        return frozenset()
    need = max(min_pages, min_share * n_pages)
    return frozenset(line for line, c in counts.items() if c >= need and line)


# ---------------------------------------------------------------------------------------------
# The passes in order
# ---------------------------------------------------------------------------------------------



@dataclass(slots=True)
class Analysis:
    """What `_analyse` found: the dump's lines, its non-blank `records` and the body run lo..hi
    (indices into records; hi = -1 when the page has no body)."""

    lines: list[str]
    invisible: list[int]            # line numbers holding only zero-width characters
    records: list[Line]
    lo: int = -1
    hi: int = -1


def _analyse(raw: str, skip: dict, repeated: frozenset, site: str | None) -> Analysis:
    """The cleaning passes over a dump's lines, in order (kept separate so it can be inspected)."""
    site_rules = load_sites().get(norm_host(site)) if site else None
    lines = raw.split("\n")
    records, invisible = split_lines(lines)
    result = Analysis(lines, invisible, records)
    if not records:
        return result
    apply_line_rules(records, skip or {}, repeated, site_rules)
    classify_prose(records)
    mark_duplicates(records)
    drop_repeated(records)
    mark_galleries_and_player(records, raw)
    groups = group_blocks(records)
    blank_separated = is_blank_separated(records, groups)
    mark_cards_and_captions(groups, blank_separated)
    mark_read_more(records)
    mark_cut_snippets(records)
    place_barriers(records)
    mark_lists(records, groups)
    if has_bullet_lines(raw):
        mark_bullet_lists(records)
    weigh(records, blank_separated)
    lo, hi = best_run(records)
    if hi >= 0:
        lo = skip_standfirst(records, lo, hi)
        mark_closing_tail(records, lo, hi)
        hi = extend_closing_list(records, hi)
        hi = extend_closing_section(records, hi)
        hi = extend_closing_data_list(records, hi)
    result.lo, result.hi = lo, hi
    return result


def _final_reason(line: Line, in_run: bool) -> str | None:
    """The reason a line is removed, from rules and layout (None: body, or outside the run)."""
    if line.reason is not None:
        return line.reason
    if line.box:
        return "teaser"
    if line.soft is not None:
        return line.soft
    if in_run and line.cls == SHORT and len(line.toks) < 2:
        return "short_line"
    return None


def _rule_reasons(analysis: Analysis) -> list[str | None]:
    """Per record, the rules' verdict: None for a body line, else the reason it is removed."""
    lo, hi = analysis.lo, analysis.hi
    reasons: list[str | None] = []
    seen_barrier = False
    for line in analysis.records:
        k = line.index
        if line.barrier and k > hi >= 0:
            seen_barrier = True
        in_run = lo <= k <= hi
        reason = _final_reason(line, in_run)
        if reason is None and not in_run:
            if hi < 0 or k < lo:
                reason = "before_start"
            elif seen_barrier:
                reason = "after_end_marker"
            else:
                reason = "outside_body"
        reasons.append(reason)
    return reasons


def clean_dump(raw: str, *, skip: dict[int, str] | None = None,
               repeated: frozenset[str] = frozenset(), site: str | None = None,
               revise=None) -> dict:
    """Split a page dump into body paragraphs and removed lines.

    Returns {"paragraphs": [line, ...], "removed": [(line_number, line, reason), ...]}: the body's
    lines in order (stripped of surrounding white space, otherwise unchanged) and every other
    non-blank line of `raw` (0-based line number, line as in `raw`, short rule name). Lines in
    `skip` (line number -> reason, e.g. title/byline/caption found by metadata.py) are removed with
    that reason; lines whose normalised form is in `repeated` are removed as
    `repeated_across_pages` (unless that would remove most of the body). `site` (host or outlet
    name) selects extra hints from analysis/data/sites.yaml. `revise(records, reasons) -> reasons`
    may overrule the rules' verdicts (None = body), e.g. `analysis.lineclass.second_opinion`.
    Never raises on bad input: empty, missing or non-text input gives no paragraphs; a dump
    without prose gives no paragraphs and every line in `removed` (the loader reports such pages).
    """
    if not isinstance(raw, str):
        raw = "" if raw is None or (isinstance(raw, float) and raw != raw) else str(raw)
    if skip:
        skip = {int(k): v for k, v in dict(skip).items() if str(k).lstrip("-").isdigit()}
    analysis = _analyse(raw, skip or {}, frozenset(repeated) if repeated else frozenset(), site)
    lines = analysis.lines
    extra = [(i, lines[i].rstrip("\r"), "invisible") for i in analysis.invisible]
    if not analysis.records:
        return {"paragraphs": [], "removed": extra}
    reasons = _rule_reasons(analysis)
    if revise is not None:
        reasons = revise(analysis.records, reasons)
    paragraphs: list[str] = []
    removed: list[tuple[int, str, str]] = []
    for line, reason in zip(analysis.records, reasons):
        if reason is None:
            paragraphs.append(line.text)
        else:
            removed.append((line.number, lines[line.number].rstrip("\r"), reason))
    if extra:
        removed = sorted(removed + extra)
    return {"paragraphs": paragraphs, "removed": removed}
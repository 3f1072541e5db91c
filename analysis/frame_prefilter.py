"""Cheap, exact tests that let `analysis.framing` run its lexicon regexes less often (the same matches).

- `required_strings(rx)`: strings one of which every match of `rx` contains (from its parsed form), so
  that a `Lexicon` searches its `re:` terms only in paragraphs holding one of them; `prefix_strings(rx)`:
  strings one of which every match starts with, so that the terms are tried only where one starts.
- `split_body(text)`: a body's paragraphs, lower-cased, with their offsets and whether the case-sensitive
  fast path may read each; `paragraphs_with`: the paragraphs holding a hit of a string search.
Moved out of `analysis/framing.py` (module-size limit).
"""
from __future__ import annotations

import bisect
import re
from itertools import accumulate
from typing import NamedTuple


def folded_non_ascii() -> frozenset:
    """Non-ASCII characters that case-insensitive matching treats as equal to other characters beyond
    plain lower-casing (e.g. dotless i, long s; Python's re._casefix table)."""
    try:
        from re._casefix import _EXTRA_CASES
    except ImportError:   # other Python versions: a fixed superset of the known cases
        return frozenset("\u0131\u017f\u0130\u212a\u212b\u03c2\u03c3\u1e9b\u1e9e\ufb05\ufb06")
    chars = {chr(k) for k in _EXTRA_CASES} | {chr(v) for vs in _EXTRA_CASES.values() for v in vs}
    return frozenset(c for c in chars if not c.isascii())


FOLDED_NON_ASCII = folded_non_ascii()


def folded_onto_ascii() -> frozenset:
    """The non-ASCII characters that case-insensitive matching treats as equal to an ASCII letter though
    lower-casing does not turn them into it (dotless i, long s): a lower-cased text without them matches
    ASCII terms case-sensitively exactly where the text matches them case-insensitively (characters
    whose lower case is longer are a separate test). Other Python versions: all of `FOLDED_NON_ASCII`."""
    try:
        from re._casefix import _EXTRA_CASES
    except ImportError:
        return FOLDED_NON_ASCII
    out = set()
    for key, others in _EXTRA_CASES.items():
        group = {key, *others}
        if any(c < 128 for c in group):
            out.update(chr(c) for c in group if c >= 128)
    return frozenset(out)


FOLDED_ONTO_ASCII = folded_onto_ascii()


class Body(NamedTuple):
    """A body split for matching: paragraphs, their lower-cased text, their offsets in the body and
    whether a lexicon's fast path may read each (the same length lower-cased, no folded character), and
    the offsets of the lower-cased paragraphs in the lower-cased body (`low_offsets`: the paragraphs
    joined by two line breaks)."""
    paragraphs: list
    lowered: list
    offsets: list
    fast_ok: list
    low_offsets: list
    text: str        # the body (its paragraphs joined by two line breaks)
    low_text: str    # the lower-cased paragraphs joined by two line breaks


def split_body(text: str) -> Body:
    """The body split for matching. Lower-casing maps each character to one character unless the body
    changes length lower-cased; then the lower-cased body split at its paragraph breaks is each paragraph
    lower-cased (line breaks are no cased letters, so no case context crosses them)."""
    paragraphs = text.split("\n\n")
    offsets = [0, *accumulate(len(par) + 2 for par in paragraphs[:-1])]
    low_text = text.lower()
    if len(low_text) == len(text):
        lowered, low_offsets = low_text.split("\n\n"), offsets
        if text.isascii() or not holds_folded(text):
            fast_ok = [True] * len(paragraphs)
        else:
            fast_ok = [not holds_folded(par) for par in paragraphs]
    else:
        lowered = [par.lower() for par in paragraphs]
        low_offsets = [0, *accumulate(len(low) + 2 for low in lowered[:-1])]
        fast_ok = [len(low) == len(par) and not holds_folded(par) for par, low in zip(paragraphs, lowered)]
        low_text = "\n\n".join(lowered)
    return Body(paragraphs, lowered, offsets, fast_ok, low_offsets, text, low_text)


def holds_folded(text: str) -> bool:
    """True when `text` holds a character of `FOLDED_ONTO_ASCII`."""
    return any(c in text for c in FOLDED_ONTO_ASCII)


FEW_STRINGS = 8   # required strings of a lexicon searched one by one (str.find) rather than as one regex


def paragraphs_with(joined: str, offsets: list[int], first) -> set[int]:
    """The paragraphs (starting at `offsets` in `joined`) holding a hit of `first(pos)` (the start of the
    first hit at or after pos, -1 for none): each paragraph's first hit, then on from the next paragraph."""
    held = set()
    pos = first(0)
    while pos >= 0:
        p = bisect.bisect_right(offsets, pos) - 1
        held.add(p)
        pos = first(offsets[p + 1]) if p + 1 < len(offsets) else -1
    return held


_REQ_CAP = 128   # most alternative strings a requirement may hold


def _lit(ch: str, ci: bool):
    """(text, case_sensitive) for one literal character, or None when no plain test is exact."""
    if not ci or (ch.lower() == ch == ch.upper() and ch not in FOLDED_NON_ASCII):
        return ch, True
    if ch.isascii():
        return ch.lower(), False
    return None


def _cat(a: tuple, b: tuple) -> tuple:
    if a[1] and b[1]:
        return a[0] + b[0], True
    return a[0].lower() + b[0].lower(), False


def _product(xs, ys):
    if xs is None or ys is None or len(xs) * len(ys) > _REQ_CAP:
        return None
    return {_cat(x, y) for x in xs for y in ys}


def _scan_cost(strings) -> tuple:
    """How costly a set of required strings is as a prefilter: the chance that one of them occurs at a
    text position (rough English character frequencies), then the number of distinct first characters
    a scan must stop at (letters and spaces count more)."""
    def freq(c: str, sens: bool) -> float:
        if c.isspace():
            return 0.17
        if c.isalpha() and c.isascii():
            return 0.005 if sens and c.isupper() else 0.04
        return 0.01 if c.isascii() else 0.001
    chance = 0.0
    for t, sens in strings:
        p = 1.0
        for c in t:
            p *= freq(c, sens)
        chance += p
    first = sum(3.0 if c.isspace() else 1.0 if c.isalpha() else 0.3 for c in {t[0] for t, _ in strings})
    return round(chance * 1000 + first, 2), -min(len(t) for t, _ in strings)


def _common_part(strings):
    """{the longest string contained in all of `strings`} (3+ characters, one case mode), or None."""
    if len(strings) < 2 or len({sens for _, sens in strings}) != 1:
        return None
    texts = [t for t, _ in strings]
    sens = next(iter(strings))[1]
    short = min(texts, key=len)
    for n in range(len(short), 2, -1):
        for i in range(len(short) - n + 1):
            if all(short[i:i + n] in t for t in texts):
                return {(short[i:i + n], sens)}
    return None


def _best(cands):
    """The cheapest usable requirement to search for (`_scan_cost`); a part common to all strings
    of a candidate (`million`/`billion` -> `illion`) is a candidate too."""
    cands = [c for c in cands if c and min(len(t) for t, _ in c) > 0]
    cands += [x for x in map(_common_part, cands) if x]
    return min(cands, key=_scan_cost) if cands else None


def _node_info(op, av, ci: bool):
    """(exact, prefix, required) of one parsed regex node: the strings it matches exactly (finite),
    the strings every match starts with, the strings one of which every match contains; None when
    unknown. Strings are (text, case_sensitive); case-insensitive ones are lower-case."""
    from re import _constants as C
    empty = {("", True)}
    if op is C.LITERAL:
        x = _lit(chr(av), ci)
        return ({x},) * 3 if x else (None, None, None)
    if op is C.IN:
        chars = set()
        for iop, iav in av:
            if iop is C.LITERAL:
                chars.add(chr(iav))
            elif iop is C.RANGE and iav[1] - iav[0] < 16:
                chars.update(chr(c) for c in range(iav[0], iav[1] + 1))
            else:
                return None, None, None
        xs = {_lit(c, ci) for c in chars}
        return (None,) * 3 if None in xs or len(xs) > 16 else (xs,) * 3
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return empty, empty, None
    if op is C.BRANCH:
        infos = [_seq_info(alt, ci) for alt in av[1]]
        out = []
        for k in range(3):
            sets = [i[k] for i in infos]
            u = set().union(*sets) if None not in sets else None
            out.append(u if u is not None and len(u) <= _REQ_CAP else None)
        return tuple(out)
    if op is C.SUBPATTERN:
        _, add, dele, p = av
        return _seq_info(p, (ci or bool(add & re.IGNORECASE)) and not dele & re.IGNORECASE)
    if op is C.ATOMIC_GROUP:
        return _seq_info(av, ci)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        lo, hi, p = av
        exact, prefix, req = _seq_info(p, ci)
        if lo == hi == 1:
            return exact, prefix, req
        if lo == 0:
            opt = exact | empty if exact is not None and hi == 1 else None
            return opt, opt, None
        return None, prefix, req
    return None, None, None


def _seq_info(seq, ci: bool):
    """(exact, prefix, required) of a sequence of parsed nodes (see `_node_info`)."""
    empty = {("", True)}
    cur, cands, prefix, exact_all = empty, [], None, True
    for op, av in seq:
        exact, pre, req = _node_info(op, av, ci)
        if exact is not None:
            nxt = _product(cur, exact)
            if nxt is None:
                cands.append(cur)
                nxt, exact_all = exact, False
                prefix = prefix or cur
            cur = nxt
            continue
        ext = _product(cur, pre)
        cands += [ext if ext is not None else cur, req]
        if prefix is None:
            prefix = ext if ext is not None else cur
        cur, exact_all = empty, False
    cands.append(cur)
    if exact_all:
        return cur, cur, _best([cur])
    return None, prefix, _best(cands)


def required_strings(rx: str):
    """Strings one of which every match of regex `rx` (compiled case-insensitively) contains, as
    (text, case_sensitive) pairs; None when none can be derived (the term is then always searched)."""
    try:
        from re import _parser
        return _seq_info(_parser.parse(rx, re.IGNORECASE), True)[2]
    except Exception:   # another Python's parser: fall back to always searching
        return None


def prefix_strings(rx: str):
    """Lower-cased ASCII strings one of which every match of regex `rx` (compiled case-insensitively)
    starts with, so that on a lower-cased text (without the characters of `FOLDED_ONTO_ASCII`) a match
    can start only where one of them does; None when none can be derived, one is empty or not ASCII."""
    try:
        from re import _parser
        prefix = _seq_info(_parser.parse(rx, re.IGNORECASE), True)[1]
    except Exception:   # another Python's parser: no prefixes
        return None
    if not prefix or any(not t or not t.isascii() for t, _ in prefix):
        return None
    return {t.lower() for t, _ in prefix}

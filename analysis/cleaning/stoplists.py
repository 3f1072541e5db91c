"""jusText's stop-word lists (shipped with the package, no download) and the choice of one list per
page (part of `analysis.clean`: a line's stop-word density is part of its prose score)."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from itertools import chain
from pathlib import Path


@lru_cache(maxsize=1)
def _stoplist_folder() -> Path | None:
    """jusText's stop-word list folder (shipped with the package, no download)."""
    import importlib.util

    spec = importlib.util.find_spec("justext")   # locate the package without importing lxml
    if spec is None or not spec.origin:          # pragma: no cover - justext is a dependency
        return None
    return Path(spec.origin).parent / "stoplists"


_INNER_SPACE = re.compile(r"\S[^\S\n]+\S")


def _read_stoplist(f: Path) -> frozenset[str]:
    """One list: one entry a line (surrounding white space dropped), lower case; fewer than 30: none."""
    text = f.read_text(encoding="utf-8").lower()
    if _INNER_SPACE.search(text):   # an entry holding a space: line by line
        words = frozenset(w.strip() for w in text.split("\n") if w.strip())
    else:
        words = frozenset(text.split())
    return words if len(words) >= 30 else frozenset()


@lru_cache(maxsize=1)
def english_stoplist() -> frozenset[str]:
    """jusText's English list alone (most pages need no other: the others load on demand)."""
    folder = _stoplist_folder()
    f = folder / "English.txt" if folder is not None else None
    return _read_stoplist(f) if f is not None and f.is_file() else frozenset()


@lru_cache(maxsize=1)
def stoplists() -> dict[str, frozenset[str]]:
    """jusText's stop-word lists (shipped with the package, no download), language -> words."""
    folder = _stoplist_folder()
    if folder is None:                           # pragma: no cover - justext is a dependency
        return {}
    out = {}
    for f in sorted(folder.glob("*.txt")):
        words = english_stoplist() if f.stem == "English" else _read_stoplist(f)
        if words:
            out[f.stem] = words
    return out


@lru_cache(maxsize=1)
def _all_stopwords() -> frozenset[str]:
    """Union of jusText's stop-word lists."""
    return frozenset().union(*stoplists().values())


_STOP_POS: dict[str, tuple[int, ...]] = {}   # stop word -> positions of the lists holding it (filled lazily)


def pick_stoplist(words: list[str], english_hits: int | None = None) -> frozenset[str]:
    """The jusText stop list covering most of the page's words (English checked first).

    `english_hits`: English stop words among words[:4000] when the caller has counted them.
    """
    if not words:
        return frozenset()
    english = english_stoplist()
    sample = words[:4000]
    n = len(sample)
    if english_hits is None and english:
        english_hits = sum(map(english.__contains__, sample))
    if english and english_hits >= 0.25 * n:
        return english
    lists = stoplists()
    if not lists:
        return frozenset()
    # other languages: compare distinct words covered, counted for all lists at once through a
    # word -> lists index (the same counts as intersecting the page's vocabulary with each list)
    vocab = frozenset(sample) & _all_stopwords()
    for w in vocab - _STOP_POS.keys():
        _STOP_POS[w] = tuple(pos for pos, sl in enumerate(lists.values()) if w in sl)
    counts = Counter(chain.from_iterable(map(_STOP_POS.__getitem__, vocab)))
    english_pos = next((pos for pos, name in enumerate(lists) if name == "English"), None)
    best, best_hits = english, (counts[english_pos] if english_pos is not None else 0)
    for pos, sl in enumerate(lists.values()):
        hits = counts[pos]
        if hits > best_hits:
            best, best_hits = sl, hits
    if best_hits < 5:
        return frozenset()
    return best if sum(map(best.__contains__, sample)) >= 0.1 * n else frozenset()

"""Word-level comparisons of headlines, names and lines (shared by the metadata rules)."""
from __future__ import annotations

import re
from functools import lru_cache

from analysis.metadata.config import CFG

HAS_DIGIT = re.compile(r"\d")
_NORM_RE = re.compile(r"[\W_]+")
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\xa0": " "})


def norm(s: str) -> str:
    return _NORM_RE.sub(" ", s.translate(_QUOTES).lower().replace("'", "")).strip()


def fold(s: str) -> str:
    """Lower case without apostrophes (the words of `norm`, still unsplit)."""
    s = s.lower()
    return s.replace("'", "").replace("’", "").replace("‘", "") if ("'" in s or "’" in s or "‘" in s) else s


def collapse(s: str) -> str:
    return _NORM_RE.sub("", s.lower())


# words of a name that are not capitalised ("Ursula von der Leyen"), from metadata.yaml
NAME_PARTICLES = frozenset(str(w).lower() for w in CFG["byline"]["name_particles"])
_WORD_RE = re.compile(r"\w+")


@lru_cache(maxsize=8192)
def word_set(s: str) -> frozenset:
    return frozenset(w for w in _WORD_RE.findall(s.lower()) if len(w) > 2 or w.isdigit())


def overlap(a: str, b: str) -> float:
    wa, wb = word_set(a), word_set(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


def same_start(a: str, b: str, n: int = 3) -> bool:
    """True when two titles open with the same n words ("How to retire early …")."""
    wa, wb = norm(a).split()[:n], norm(b).split()[:n]
    return len(wa) == n and wa == wb


def dice(a: str, b: str) -> float:
    wa, wb = word_set(a), word_set(b)
    return 2 * len(wa & wb) / (len(wa) + len(wb)) if wa and wb else 0.0


@lru_cache(maxsize=1)
def _first_name_list() -> frozenset:
    """The first names of gender-guesser's list (Jörg Michael's `nam_dict.txt`, the list
    analysis/sourcing/firstnames.py reads through the package's detector): the name column of
    each name line (columns 4-29; "=" lines hold two spellings), read directly, about 30 ms
    instead of the detector's 0.2 s, for the one or two name tests a page may need; empty when
    the package is missing."""
    try:
        import gender_guesser
    except ImportError:
        return frozenset()
    from pathlib import Path

    path = Path(gender_guesser.__file__).resolve().parent / "data" / "nam_dict.txt"
    try:
        lines = path.read_bytes().decode("latin-1").splitlines()
    except OSError:
        return frozenset()
    names = set()
    for line in lines:
        if line[:1] != "#" and len(line) > 3:
            names.update(line[3:29].split())
    return frozenset(names)


def listed_first_name(word: str) -> bool:
    """True when `word` (capitalised) is a name in gender-guesser's first-name list ("Dave",
    "Pamela"; not "Mensagens", "Business"); False when the list is missing."""
    return bool(word[:1].isupper()) and word in _first_name_list()

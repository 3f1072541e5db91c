"""Word-level comparisons of headlines, names and lines (shared by the metadata rules)."""
from __future__ import annotations

import re
from functools import lru_cache

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


# words of a name that are not capitalised ("Ursula von der Leyen")
NAME_PARTICLES = {"and", "&", "de", "van", "von", "der", "den", "da", "di", "du", "le", "la",
                   "bin", "al", "el", "y", "del", "dos", "das", "ter", "ten", "st."}
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

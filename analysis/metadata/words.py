"""Word-level comparisons of headlines, names and lines (shared by the metadata rules)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

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


class NameFile(NamedTuple):
    """gender-guesser's name list as read: the file's bytes and where its name lines start."""

    raw: bytes
    start: int


@lru_cache(maxsize=1)
def _first_name_file() -> NameFile:
    """The bytes of gender-guesser's list (Jörg Michael's `nam_dict.txt`, the list
    analysis/sourcing/firstnames.py reads through the package's detector) and the offset where the
    header comments end (2 ms); empty when the package is missing."""
    try:
        import gender_guesser
    except ImportError:
        return NameFile(b"", 0)
    from pathlib import Path

    path = Path(gender_guesser.__file__).resolve().parent / "data" / "nam_dict.txt"
    try:
        raw = path.read_bytes()
    except OSError:
        return NameFile(b"", 0)
    start = raw.find(b"\nM  ")    # the header comments end where the first name line starts
    return NameFile(raw, start) if start >= 0 else NameFile(b"", 0)


@lru_cache(maxsize=1)
def _first_name_set() -> frozenset:
    """The names of `_first_name_file` as a set: the name column (4-29) of each line, "=" lines
    holding two spellings (30 ms)."""
    names = set()
    names_file = _first_name_file()
    for line in names_file.raw[names_file.start:].decode("latin-1").splitlines():
        if len(line) > 3:
            names.update(line[3:29].split())
    return frozenset(names)


_FILE_SEARCHES = 16   # look-ups searched in the file (2 ms each) before the set is built


@lru_cache(maxsize=4096)
def listed_first_name(word: str) -> bool:
    """True when `word` (capitalised, two letters or more) is a name in gender-guesser's first-name
    list ("Dave", "Pamela"; not "Mensagens", "Business"); False when the list is missing. The first
    few look-ups search the file, later ones a set built from it: most pages need none, a few one or
    two, and the detector of analysis/sourcing/firstnames.py takes 0.2 s to load."""
    if len(word) < 2 or not word[:1].isupper() or not word.isalpha():
        return False
    if _first_name_set.cache_info().currsize or listed_first_name.cache_info().misses > _FILE_SEARCHES:
        return word in _first_name_set()
    try:
        key = b" " + word.encode("latin-1") + b" "
    except UnicodeEncodeError:
        return False
    names_file = _first_name_file()
    return names_file.raw.find(key, names_file.start) >= 0

"""benchmarks/validate_polnear.py: how a hand-coded speaker meets the kit's row (gender accuracy)."""
from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import validate_polnear  # noqa: E402


def row(speaker, gender, kind="direct"):
    return SimpleNamespace(speaker=speaker, gender=gender, kind=kind)


ROWS = [row("Hillary Clinton", "female"), row("Bill Clinton", "male"), row("Mr. Khan", "male", "reported")]


def test_full_name_before_last_word():
    # the old rule (first row with the same last word) gave the coded Bill Clinton Hillary's row
    assert validate_polnear._coded_person_gender("Bill Clinton", ROWS) == "male"
    assert validate_polnear._coded_person_gender("Hillary Clinton", ROWS) == "female"


def test_name_ending_then_last_word():
    assert validate_polnear._coded_person_gender("Clinton", [row("Hillary Clinton", "female")]) == "female"
    assert validate_polnear._coded_person_gender("Sen. Bernie Sanders", [row("Bernie Sanders", "male")]) == "male"
    assert validate_polnear._coded_person_gender("Donald J. Trump", [row("Donald Trump", "male")]) == "male"


def test_only_direct_rows_and_nothing_found():
    assert validate_polnear._coded_person_gender("Khan", ROWS) is None
    assert validate_polnear._coded_person_gender("Ryan", ROWS) is None

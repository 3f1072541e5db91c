"""Session 12, speedload12: the cleaner's repeated-line test without normalising long lines."""
from analysis.cleaning.lines import is_repeated, normalise


def test_long_cyrillic_paragraph_is_not_repeated_without_normalising():
    text = "Это длинный абзац статьи, который не повторяется на других страницах сайта."
    repeated = frozenset({"меню", "главная"})
    assert is_repeated(text, len(text), 7, repeated) is False


def test_a_line_nfkc_shortens_is_still_found():
    # 30 "e" + combining acute: 60 characters, NFKC composes them to 30 "é" (one repeated line of 30)
    text = "e\u0301" * 30
    repeated = frozenset({"é" * 30})
    assert len(text) == 60 and normalise(text) == "é" * 30
    assert is_repeated(text, len(text), 30, repeated) is True


def test_double_spaces_are_squashed_before_the_length_test():
    text = "Меню  сайта"            # 11 characters, "меню сайта" (10) once squashed
    assert is_repeated(text, len(text), 10, frozenset({"меню сайта"})) is True


def test_short_ascii_line_lower_cased():
    assert is_repeated("Sign In", 7, 12, frozenset({"sign in", "subscribe now"})) is True
    assert is_repeated("Sign\tIn", 7, 12, frozenset({"sign in"})) is True   # a tab: squashed
    assert is_repeated("Sign Out", 8, 12, frozenset({"sign in"})) is False

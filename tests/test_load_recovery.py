"""Nothing lost at the door (issue 18): one test per kind of bad input a scrape or an export
really produces, each asserting the exact number of records kept and the warning naming the file.
"""
from __future__ import annotations

import contextlib
import gzip
import json
import os
import re
import tempfile
import warnings
import zlib
from pathlib import Path

import pandas as pd
import pytest

from analysis.load import LoadWarning, find_files, load_articles

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_aa55596a56c29464.txt"
CORPUS = ROOT.parent / "shared" / "corpus" / "pages"


def _records(n: int, start: int = 0) -> list[dict]:
    return [{"id": f"r{i}", "title": f"Story {i}",
             "text": f"Article {i} says the port reopened on Monday after the storm, officials said."}
            for i in range(start, start + n)]


def _jsonl(records) -> bytes:
    return "".join(json.dumps(r) + "\n" for r in records).encode("utf-8")


def _load(source, **kw):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        frame = load_articles(source, **kw)
    return frame, [str(w.message) for w in caught if issubclass(w.category, LoadWarning)]


# ---------------------------------------------------------------- records: a bad one costs only itself
def test_a_line_nested_100000_deep_costs_that_line_only(tmp_path):
    lines = _jsonl(_records(10_000)).decode().splitlines()
    lines.insert(5000, "[" * 100_000 + "]" * 100_000)
    path = tmp_path / "export.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    frame, messages = _load(path)
    assert len(frame) == 10_000
    assert messages == [f"{path}: line 5001 is not JSON, skipped (nested too deeply)"]


def test_an_integer_of_5000_digits_is_kept_as_text(tmp_path):
    lines = _jsonl(_records(10_000)).decode().splitlines()
    lines[3] = lines[3].replace('"r3"', "7" * 5000)      # Python's int() refuses over 4,300 digits
    path = tmp_path / "export.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    frame, messages = _load(path)
    assert len(frame) == 10_000 and messages == []
    assert frame["article_id"].iat[3] == "7" * 5000


def test_one_nul_byte_in_a_jsonl_and_a_csv_costs_nothing(tmp_path):
    data = bytearray(_jsonl(_records(10_000)))
    cut = data.index(b'"r4"') + 2
    data[cut:cut] = b"\x00"                                           # inside record 4's id
    (tmp_path / "export.jsonl").write_bytes(bytes(data))
    table = pd.DataFrame(_records(10_000, start=10_000))
    text = table.to_csv(index=False)
    cut = text.index("Article 10004") + 7
    (tmp_path / "export.csv").write_text(text[:cut] + "\x00\x07" + text[cut:], encoding="utf-8")
    frame, messages = _load(tmp_path)
    assert len(frame) == 20_000
    assert sorted(m.replace(str(tmp_path), "") for m in messages) == [
        "/export.csv: 2 NUL or control character(s) removed",
        "/export.jsonl: 1 NUL or control character(s) removed"]
    assert frame.loc[frame["article_id"] == "r4", "text"].tolist() == [_records(5)[4]["text"]]
    assert "Article 10004 says" in frame.loc[frame["article_id"] == "r10004", "text"].iat[0]


def test_corrupt_deflate_stream_keeps_what_decodes(tmp_path):
    packed = bytearray(gzip.compress(_jsonl(_records(1000))))
    packed[len(packed) // 2:len(packed) // 2 + 20] = b"\xff" * 20
    path = tmp_path / "export.jsonl.gz"
    path.write_bytes(bytes(packed))
    readable = bytearray()                       # the oracle: zlib fed a few bytes at a time
    inflate = zlib.decompressobj(31)
    for k in range(0, len(packed), 16):
        try:
            readable += inflate.decompress(bytes(packed[k:k + 16]))
        except zlib.error:
            break
    whole_lines = [line for line in readable.split(b"\n")[:-1]]
    good = sum(1 for line in whole_lines if _is_record(line))
    frame, messages = _load(path)
    assert 0 < good < 1000 and len(frame) == good
    assert any(re.fullmatch(rf"{re.escape(str(path))}: damaged gzip data after {len(readable):,} readable "
                            r"bytes \(.*\); the readable part is loaded", m) for m in messages), messages


def _is_record(line: bytes) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


def test_gzip_with_trailing_garbage_and_truncated_gzip(tmp_path):
    packed = gzip.compress(_jsonl(_records(1000)))
    (tmp_path / "garbage.jsonl.gz").write_bytes(gzip.compress(_jsonl(_records(1000, start=5000)))
                                                + b"\x00\x00junk after the end")
    (tmp_path / "cut.jsonl.gz").write_bytes(packed[:len(packed) * 3 // 4])
    frame, messages = _load(tmp_path)
    readable = zlib.decompressobj(31).decompress(packed[:len(packed) * 3 // 4])
    complete = readable.count(b"\n")                   # the last line is cut mid-record
    assert complete == 747
    assert frame["path"].value_counts().to_dict() == {str(tmp_path / "garbage.jsonl.gz"): 1000,
                                                      str(tmp_path / "cut.jsonl.gz"): 747}
    assert sorted(m.replace(f"{tmp_path}/", "") for m in messages) == [
        f"cut.jsonl.gz: gzip data ends early (a truncated file?) after {len(readable):,} bytes; the readable "
        "part is loaded",
        "cut.jsonl.gz: line 748 is not JSON, skipped (Unterminated string starting at)",
        "garbage.jsonl.gz: 20 bytes after the gzip data ignored (trailing garbage)"]


def test_pretty_printed_objects_and_json_lines_named_json(tmp_path):
    records = _records(300)
    (tmp_path / "pretty.jsonl").write_text("\n".join(json.dumps(r, indent=2) for r in records[:100]) + "\n",
                                           encoding="utf-8")
    (tmp_path / "lines.json").write_bytes(_jsonl(records[100:200]))
    (tmp_path / "array.json").write_text(json.dumps(records[200:], indent=4), encoding="utf-8")
    frame, messages = _load(tmp_path)
    assert messages == []
    assert frame.groupby("path").size().to_dict() == {str(tmp_path / n): 100 for n in
                                                      ("array.json", "lines.json", "pretty.jsonl")}
    assert sorted(frame["article_id"]) == sorted(r["id"] for r in records)
    assert frame.loc[frame["article_id"] == "r7", "text"].iat[0] == records[7]["text"]


def test_a_broken_item_in_a_pretty_printed_array_costs_that_item(tmp_path):
    text = json.dumps(_records(50), indent=2)
    text = text.replace('"id": "r20",', '"id": "r20" BROKEN,')
    (tmp_path / "array.json").write_text(text, encoding="utf-8")
    frame, messages = _load(tmp_path / "array.json")
    assert len(frame) == 49 and "r20" not in set(frame["article_id"])
    assert len(messages) == 1 and "not JSON, skipped" in messages[0]


# ---------------------------------------------------------------- encodings
RUSSIAN = ("Правительство заявило в понедельник, что переговоры продолжатся на следующей неделе.\n\n"
           "Министр сказал журналистам, что решение ещё не принято и что стороны встретятся снова.\n")
ARABIC = "قال الوزير إن الحكومة ستبدأ المفاوضات الأسبوع المقبل مع الشركاء الدوليين لحل الأزمة.\n\n" * 2
CHINESE = "政府周一表示，谈判将于下周继续进行。部长对记者说，目前尚未作出决定，双方将再次会面。\n\n" * 2
JAPANESE = "政府は月曜日、交渉は来週も続くと発表した。大臣は記者団に対し、まだ決定していないと述べた。"


@pytest.mark.parametrize("text, codec, recorded", [
    (RUSSIAN, "cp1251", "cp1251"), (RUSSIAN, "koi8_r", "koi8-r"), (ARABIC, "cp1256", "cp1256"),
    (CHINESE, "gb18030", "gb18030"), (RUSSIAN, "utf-16-le", "utf-16-le"), (CHINESE, "utf-16-be", "utf-16-be")])
def test_encodings_detected_from_the_bytes(tmp_path, text, codec, recorded):
    path = tmp_path / "page.txt"
    path.write_bytes(("Headline\n\n" + text).encode(codec))
    frame, messages = _load(path)
    assert len(frame) == 1
    assert frame["raw"].iat[0] == "Headline\n\n" + text            # not mojibake
    assert frame["encoding"].iat[0] == recorded
    assert any(recorded.upper() in m.upper() for m in messages), messages


def test_html_meta_charset_is_followed(tmp_path):
    body = "".join(f"<p>{JAPANESE}（{i}）</p>" for i in range(4))
    html = (f'<html><head><meta charset="shift_jis"><title>交渉</title></head><body><article>{body}'
            "</article></body></html>")
    path = tmp_path / "page.html"
    path.write_bytes(html.encode("shift_jis"))
    frame, _ = _load(path)
    assert frame["encoding"].iat[0] == "shift_jis"
    assert JAPANESE in frame["text"].iat[0]


def test_western_text_stays_cp1252_and_utf8_is_recorded(tmp_path):
    (tmp_path / "win.txt").write_bytes(SEED.read_text(encoding="utf-8").encode("cp1252", "replace"))
    (tmp_path / "utf8.txt").write_bytes(SEED.read_bytes().replace(b"Denmark", b"Danmark"))
    frame, _ = _load(tmp_path)
    assert dict(zip(frame["path"].map(lambda p: Path(p).name), frame["encoding"])) == {
        "utf8.txt": "utf-8", "win.txt": "cp1252"}


# ---------------------------------------------------------------- HTML of any depth
@pytest.mark.parametrize("tag, depth", [("div", 300), ("div", 5000), ("blockquote", 400)])
def test_html_nested_deeper_than_the_parser_still_gives_its_body(tmp_path, tag, depth):
    paragraphs = [f"Paragraph {i}: the council voted on Tuesday to approve the budget, officials said."
                  for i in range(5)]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    html = (f"<html><head><title>Budget</title></head><body>{f'<{tag}>' * depth}{body}{f'</{tag}>' * depth}"
            "</body></html>")
    (tmp_path / "deep.html").write_text(html, encoding="utf-8")
    frame, _ = _load(tmp_path / "deep.html")
    assert frame["text"].iat[0].split("\n\n") == paragraphs


# ---------------------------------------------------------------- ids and the same page twice
def test_repeated_ids_get_a_suffix_that_cannot_collide(tmp_path):
    rows = [{"id": i, "text": f"Article {k} about the port."} for k, i in enumerate(["a", "a", "a-2", "a"])]
    (tmp_path / "ids.jsonl").write_bytes(_jsonl(rows))
    frame, messages = _load(tmp_path)
    assert frame["article_id"].tolist() == ["a", "a-3", "a-2", "a-4"]
    assert frame["article_id"].is_unique
    where = f"{tmp_path / 'ids.jsonl'}"
    assert messages == [
        f"{where} (record 1): article_id 'a' is also the id of {where} (record 0); this one is 'a-3'",
        f"{where} (record 3): article_id 'a' is also the id of {where} (record 0); this one is 'a-4'"]


def test_the_same_folder_given_twice_is_read_once(tmp_path, monkeypatch):
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "seed.txt").write_bytes(SEED.read_bytes())
    monkeypatch.chdir(tmp_path)
    frame, messages = _load(["c", str(tmp_path / "c"), "./c/seed.txt"])
    assert len(frame) == 1 and messages == []


@pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpus not beside the repo")
def test_the_development_corpus_is_111_pages_not_222():
    frame, messages = _load(CORPUS)
    assert len(frame) == 111 and set(frame["format"]) == {"html"}
    pairs = [m for m in messages if "the same page as" in m]
    assert len(pairs) == 111
    assert all(re.fullmatch(r".*/(\w+)\.txt: the same page as .*/\1\.html\.gz \(.*\); loaded once, from "
                            r".*/\1\.html\.gz \(keep both: keep_duplicates=True\)", m) for m in pairs)
    # false "huge article" alarms on the markup of two CNN pages are gone (bodies of 310 and 826 words)
    assert not [m for m in messages if "huge article" in m]
    both, _ = _load(CORPUS, keep_duplicates=True)
    assert both["format"].value_counts().to_dict() == {"html": 111, "txt": 111}


def test_the_same_url_twice_and_a_txt_beside_its_html(tmp_path):
    rows = [{"id": "x1", "url": "https://www.example.org/a/", "text": "First version of the story."},
            {"id": "x2", "url": "http://example.org/a", "text": "Second copy of the same story."}]
    (tmp_path / "export.jsonl").write_bytes(_jsonl(rows))
    frame, messages = _load(tmp_path)
    assert frame["article_id"].tolist() == ["x1"]
    assert messages == [f"{tmp_path / 'export.jsonl'} (record 1): the same page as {tmp_path / 'export.jsonl'} "
                        "(record 0) (the same URL); loaded once, from "
                        f"{tmp_path / 'export.jsonl'} (record 0) (keep both: keep_duplicates=True)"]


def test_a_glob_or_folder_that_matches_nothing_warns(tmp_path):
    (tmp_path / "empty").mkdir()
    frame, messages = _load([str(tmp_path / "*.jsnol"), tmp_path / "empty"])
    assert len(frame) == 0
    assert messages == [f"{tmp_path / '*.jsnol'}: no article files match this pattern",
                        f"{tmp_path / 'empty'}: no article files in this folder (.txt, .html, .jsonl, "
                        ".json, .csv, optionally .gz)"]


# ---------------------------------------------------------------- folders: links, loops, pipes, depth
def test_symlinked_folder_followed_loop_read_once_pipe_not_waited_on(tmp_path):
    corpus, elsewhere = tmp_path / "corpus", tmp_path / "elsewhere"
    corpus.mkdir()
    elsewhere.mkdir()
    (elsewhere / "linked.txt").write_bytes(SEED.read_bytes())
    (corpus / "sub").symlink_to(elsewhere)
    (corpus / "back").symlink_to(corpus)                     # a loop
    os.mkfifo(tmp_path / "pipe")
    (corpus / "pipe.txt").symlink_to(tmp_path / "pipe")      # would hang a plain open()
    frame, messages = _load(corpus)
    assert frame["path"].tolist() == [str(corpus / "sub" / "linked.txt")]
    assert sorted(messages) == sorted([
        f"{corpus / 'back'}: folder already read (a symbolic link loop or a second link to it); not read again",
        f"{corpus / 'pipe.txt'}: skipped, not a regular file but a named pipe"])


def test_a_folder_that_cannot_be_listed_is_named(tmp_path, monkeypatch):
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "a.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "b.txt").write_text("hidden", encoding="utf-8")
    real = os.scandir

    def scandir(path):   # chmod 000 does not stop root, so the permission error is simulated
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    frame, messages = _load(tmp_path)
    assert len(frame) == 1
    assert messages == [f"{tmp_path / 'locked'}: folder skipped, cannot be listed (Permission denied)"]


@contextlib.contextmanager
def deep_tree(levels: int):
    """A folder `levels` deep holding the seed at the bottom, outside pytest's tmp folders (whose
    clean-up recurses and would fail on it) and removed bottom-up afterwards."""
    top = Path(tempfile.mkdtemp(prefix="deep-tree-"))
    deep = top
    try:
        for _ in range(levels):      # os.makedirs would recurse once per level
            deep = deep / "d"
            deep.mkdir()
        (deep / "bottom.txt").write_bytes(SEED.read_bytes())
        yield top, deep
    finally:
        (deep / "bottom.txt").unlink(missing_ok=True)
        while deep != top.parent:
            for leftover in deep.iterdir() if deep.exists() else ():
                if leftover.is_file() or leftover.is_symlink():
                    leftover.unlink()
            if deep.exists() and not any(deep.iterdir()):
                deep.rmdir()
            deep = deep.parent


def test_a_folder_tree_1100_levels_deep():
    with deep_tree(1100) as (top, deep):
        assert find_files(top) == [deep / "bottom.txt"]
        frame, _ = _load(top)
        assert frame["n_words"].tolist() == [307]


def test_no_exception_escapes_for_any_file(tmp_path):
    """Every kind of file at once: the load finishes, each bad one is named."""
    (tmp_path / "a.html").write_bytes(b"<html>" + bytes(range(256)) * 3)
    (tmp_path / "b.json").write_text("[" * 50_000, encoding="utf-8")
    (tmp_path / "c.csv.gz").write_bytes(b"\x1f\x8b\x08\x00garbage")
    (tmp_path / "d.jsonl").write_text('{"text": ' + "[" * 5000 + "]" * 5000 + "}\n", encoding="utf-8")
    (tmp_path / "e.txt").write_bytes(b"\xff\xfe" + "Ünïcödé text here.".encode("utf-16-le"))
    frame, messages = _load(tmp_path)
    names = {m.split(":")[0].replace(f"{tmp_path}/", "") for m in messages}
    assert {"a.html", "b.json", "c.csv.gz", "d.jsonl", "e.txt"} <= names
    assert frame["path"].map(lambda p: Path(p).name).tolist() == ["e.txt"]

"""Loading: formats, the seed's exact values, stable ids, and every kind of bad input."""
from __future__ import annotations

import gzip
import json
import warnings
from pathlib import Path

import pandas as pd
import pytest

import analysis
from analysis.load import LoadWarning, find_files, load_articles

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_aa55596a56c29464.txt"
SEED_BODY = (ROOT / "tests" / "data" / "seed_body.txt").read_text(encoding="utf-8").strip()
CORPUS = ROOT.parent / "shared" / "corpus" / "pages"


@pytest.fixture(scope="module")
def seed():
    with warnings.catch_warnings():
        warnings.simplefilter("error", LoadWarning)  # the seed is clean input: no warning at all
        frame = load_articles(ROOT / "seeds")
    assert len(frame) == 1
    return frame.iloc[0]


def test_seed_metadata_exact(seed):
    assert seed["title"] == "Denmark potentially open to sending peacekeeping troops to Ukraine"
    assert seed["author"] == "Olena Goncharova"
    assert seed["published"] == pd.Timestamp("2025-03-11 00:49")
    assert seed["read_time_min"] == 2
    assert seed["caption"] == ("The flags of Ukraine and Denmark fluttering against the background of "
                               "the sunset on Sept. 9, 2023 in Mykolaiv, Ukraine.")
    assert seed["photo_credit"] == "Serhii Ovcharyshyn/NikVesti.com/Global Images Ukraine via Getty Images"
    assert seed["format"] == "txt"
    assert seed["language"] == "en"
    assert seed["warnings"] == ""


def test_seed_body_exact(seed):
    assert seed["text"] == SEED_BODY
    paras = seed["text"].split("\n\n")
    assert seed["n_paragraphs"] == len(paras) == 9
    assert paras[0].startswith("Denmark is prepared to contribute troops")
    assert paras[-1].endswith("security in the Baltic region.")
    assert seed["n_words"] == 307
    for junk in ("Trump’s alignment", "‘We’re ready’", "Subscribe", "indicates required",
                 "News Feed", "Navigating the world", "Kyiv officials will meet", "European countries have"):
        assert junk not in seed["text"]
    assert "Denmark’s parliament" in seed["text"]  # typographic apostrophes kept
    assert seed["raw"] == SEED.read_text(encoding="utf-8")


def test_seed_removed_lines_audit(seed):
    frame = load_articles(SEED)
    removed = analysis.removed_lines(frame)
    raw_lines = seed["raw"].split("\n")
    body_lines = {i for i, line in enumerate(raw_lines) if line.strip() and line.strip() in SEED_BODY.split("\n\n")}
    nonblank = {i for i, line in enumerate(raw_lines) if line.strip()}
    # every non-blank line is either body or recorded as removed, with its text and a reason
    assert set(removed["line"]) == nonblank - body_lines
    assert seed["n_removed"] == len(removed)
    for row in removed.itertuples():
        assert row.text == raw_lines[row.line]
        assert row.reason
    reasons = dict(zip(removed["text"], removed["reason"]))
    assert reasons["Denmark potentially open to sending peacekeeping troops to Ukraine"] == "title"
    assert reasons["Trump’s alignment with Russia derails Europe’s push for a peacekeeping force in Ukraine"] == "teaser"


def test_line_audit_of_the_seed():
    from analysis.load import line_audit

    frame = load_articles(SEED)
    audit = line_audit(frame, frame["article_id"].iat[0])
    # every line of the page, in order, with its fate (hand-checked against the dump)
    assert len(audit) == len(frame["raw"].iat[0].split("\n")) == 73
    assert audit["fate"].tolist()[:11] == ["before_start", "blank", "subscription", "navigation",
                                          "navigation", "blank", "title", "blank", "byline", "caption",
                                          "audio_notice"]
    body = audit.loc[audit["fate"] == "body", "text"].str.strip().tolist()
    assert body == SEED_BODY.split("\n\n")      # the 9 body paragraphs, in order
    with pytest.raises(KeyError, match="no article with article_id 'nope'"):
        line_audit(frame, "nope")


def test_paragraph_table(seed):
    paras = analysis.paragraphs(load_articles(SEED))
    assert list(paras.columns) == ["article_id", "paragraph", "text", "n_words", "start"]
    assert list(paras["paragraph"]) == list(range(9))
    assert paras["n_words"].sum() == 307
    text = seed["text"]
    for row in paras.itertuples():
        assert text[row.start:row.start + len(row.text)] == row.text


def test_ids_stable_and_path(tmp_path, seed):
    copy = tmp_path / "copy.txt"
    copy.write_bytes(SEED.read_bytes())
    again = load_articles(copy).iloc[0]
    assert again["article_id"] == seed["article_id"]
    assert len(seed["article_id"]) == 16
    assert again["path"] == str(copy)


def test_gzip_and_glob_and_list(tmp_path):
    gz = tmp_path / "seed.txt.gz"
    gz.write_bytes(gzip.compress(SEED.read_bytes()))
    frame = load_articles(str(tmp_path / "*.gz"))
    assert frame.iloc[0]["text"] == SEED_BODY
    with pytest.warns(LoadWarning, match=r"000_aa55596a56c29464.txt: the same page as .*seed.txt.gz "
                                         r"\(the same bytes\); loaded once"):
        once = load_articles([gz, SEED])
    assert once["path"].tolist() == [str(gz)]
    both = load_articles([gz, SEED], keep_duplicates=True)
    assert len(both) == 2
    # the same bytes twice, both kept: ids kept unique, the duplicate marked
    assert both["article_id"].iloc[1] == both["article_id"].iloc[0] + "-2"


def test_jsonl_and_csv(tmp_path):
    records = [
        {"id": 17, "title": "A headline", "body": "First paragraph.\n\nSecond “quoted” one.",
         "url": "https://example.org/a", "publish_date": "2024-05-01T09:30:00+02:00",
         "author": ["Ann Lee", "Bo Chan"], "media_name": "Example Times"},
        {"title": "No id", "content": "Line one\nLine two", "date": "2024-05-02"},
    ]
    jl = tmp_path / "a.jsonl"
    jl.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    frame = load_articles(jl)
    first, second = frame.iloc[0], frame.iloc[1]
    assert first["article_id"] == "17"
    assert first["text"] == "First paragraph.\n\nSecond “quoted” one."
    assert first["author"] == "Ann Lee; Bo Chan"
    assert first["outlet"] == "Example Times"
    assert first["published"] == pd.Timestamp("2024-05-01 09:30")  # local clock, not UTC
    assert first["row"] == 0 and first["format"] == "jsonl"
    assert second["text"] == "Line one\n\nLine two"
    assert len(second["article_id"]) == 16
    csv = tmp_path / "b.csv"
    table = pd.DataFrame(records).drop(columns=["author"])
    table["id"] = ["17", ""]  # an empty id cell falls back to the content hash
    table.to_csv(csv, index=False)
    frame = load_articles(csv)
    assert frame["title"].tolist() == ["A headline", "No id"]
    assert frame.iloc[0]["article_id"] == "17"


def test_html_page_extracts_body_and_metadata(tmp_path):
    html = """<html><head><title>Storm closes port | Harbour News</title>
    <meta property="og:title" content="Storm closes port">
    <meta property="article:published_time" content="2024-02-03T07:15:00-05:00">
    <meta name="author" content="Jane Doe"></head><body><nav><a href="/">Home</a><a href="/x">World</a></nav>
    <article><h1>Storm closes port</h1>
    <p>The port of Eastbay closed on Saturday after a storm damaged two cranes and flooded the main terminal.</p>
    <p>“We will reopen when it is safe,” harbour master Ana Ruiz said, adding that repairs could take a week.</p>
    <p>Shipping companies diverted at least twelve vessels to neighbouring ports, officials said on Sunday.</p>
    </article><footer>© Harbour News. All rights reserved.</footer></body></html>"""
    page = tmp_path / "storm.html"
    page.write_text(html, encoding="utf-8")
    art = load_articles(page).iloc[0]
    assert art["title"] == "Storm closes port"
    assert art["author"] == "Jane Doe"
    assert art["published"] == pd.Timestamp("2024-02-03 07:15")
    assert art["n_paragraphs"] == 3
    assert art["text"].startswith("The port of Eastbay closed")
    assert "“We will reopen when it is safe,”" in art["text"]
    assert "All rights reserved" not in art["text"]


@pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpus not beside the repo")
def test_corpus_html_and_txt_load_without_errors():
    pages = sorted(CORPUS.glob("*.html.gz"))[:6] + sorted(CORPUS.glob("*.txt"))[:6]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LoadWarning)
        frame = load_articles(pages, keep_duplicates=True)   # the same 6 pages as .html and .txt
    assert len(frame) == 12
    assert set(frame["format"]) == {"html", "txt"}
    assert (frame["n_words"] > 50).sum() >= 10
    # the duplicate keys stay in attrs only for a caller that decides later (keep_duplicates), one
    # per article with its body sketch (16 hashes); pandas deep-copies attrs into every column taken
    assert [len(k[-1].split()) for k in frame.attrs["page_keys"]] == [16] * 12
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LoadWarning)
        once = load_articles(pages)
    assert len(once) == 6 and set(once["format"]) == {"html"}
    assert sorted(once.attrs) == ["duplicates", "file_warnings", "skipped"] and len(once.attrs["duplicates"]) == 6


# ---------------------------------------------------------------- bad input, each named in a warning
def _load_warns(path, match):
    with pytest.warns(LoadWarning, match=match) as record:
        frame = load_articles(path)
    assert any(str(path.name) in str(w.message) for w in record), "warning must name the file"
    return frame


def test_empty_file(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    frame = _load_warns(empty, "empty file")
    assert frame.iloc[0]["text"] == "" and frame.iloc[0]["n_words"] == 0
    assert "empty file" in frame.iloc[0]["warnings"]


def test_binary_file_is_skipped_and_reported(tmp_path):
    blob = tmp_path / "photo.txt"
    blob.write_bytes(bytes(range(256)) * 20)
    good = tmp_path / "good.txt"
    good.write_bytes(SEED.read_bytes())
    with pytest.warns(LoadWarning, match="photo.txt: skipped, binary"):
        frame = load_articles(tmp_path)
    assert len(frame) == 1 and frame.iloc[0]["text"] == SEED_BODY  # one bad file never stops the rest
    assert frame.attrs["skipped"] == [(str(blob), "binary file, not text")]


def test_cp1252_and_bom(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    frame = load_articles(bom)
    assert frame.iloc[0]["text"] == SEED_BODY and frame.iloc[0]["warnings"] == ""
    win = tmp_path / "windows.txt"
    win.write_bytes(text.encode("cp1252", errors="replace"))
    frame = _load_warns(win, "cp1252")
    assert "Denmark’s parliament" in frame.iloc[0]["text"]


def test_huge_file_is_flagged(tmp_path, monkeypatch):
    import analysis.load as load

    monkeypatch.setattr(load, "MAX_ARTICLE_CHARS", 1000)
    big = tmp_path / "big.txt"
    big.write_bytes(SEED.read_bytes())
    frame = _load_warns(big, "huge article")
    assert frame.iloc[0]["text"] == SEED_BODY
    monkeypatch.setattr(load, "MAX_FILE_BYTES", 1000)
    frame = _load_warns(big, "skipped, too large")
    assert len(frame) == 0 and frame.attrs["skipped"][0][1].startswith("too large")


def test_non_english_is_flagged(tmp_path):
    de = tmp_path / "de.txt"
    de.write_text("Die Regierung hat am Montag beschlossen, die Truppen nicht zu entsenden. "
                  "Der Minister sagte, dass die Entscheidung von der Lage abhänge und man "
                  "weiter mit den Partnern sprechen werde, um eine Lösung zu finden.\n", encoding="utf-8")
    frame = _load_warns(de, "does not look like English")
    assert frame.iloc[0]["language"] == "other"


def test_html_without_article(tmp_path):
    page = tmp_path / "nav.html"
    page.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    frame = _load_warns(page, "without an article body")
    assert frame.iloc[0]["text"] == ""


def test_broken_html_and_bad_json_do_not_stop_the_load(tmp_path):
    (tmp_path / "broken.html").write_text("<html><body><p>Unclosed <b>tags <div><p>" + "x " * 50)
    (tmp_path / "bad.jsonl").write_text('{"text": "A fine article about the port."}\n{not json\n')
    with pytest.warns(LoadWarning, match="bad.jsonl: line 2 is not JSON"):
        frame = load_articles(tmp_path)
    assert sorted(frame["format"]) == ["html", "jsonl"]


def test_missing_path_raises_with_name(tmp_path):
    with pytest.raises(FileNotFoundError, match="nowhere.txt"):
        find_files(tmp_path / "nowhere.txt")


def test_parallel_load_equals_serial():
    serial = load_articles(ROOT / "seeds", jobs=1)
    parallel = load_articles([SEED, SEED], jobs=2)
    assert parallel.iloc[0]["text"] == serial.iloc[0]["text"]


def test_import_is_light():
    import subprocess
    import sys

    code = ("import sys, analysis; heavy = {'pandas', 'trafilatura', 'nltk', 'textstat', 'matplotlib'}"
            " & set(sys.modules); print(sorted(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpus not beside the repo")
@pytest.mark.parametrize("suffix, floor", [(".txt", 0.95), (".html.gz", 0.96)])
def test_corpus_body_f1_through_the_loader(suffix, floor):
    """Body F1 of load_articles on the 111 development pages (README table; targets 0.90 / 0.95)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("cleaning_f1", ROOT / "benchmarks" / "cleaning_f1.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    ref = bench.load_reference(CORPUS.parent)
    scores = bench.score_pages(bench._loader_texts(CORPUS.parent, ref, suffix), ref)
    assert scores["pages"] == 111
    assert scores["f1"] >= floor, scores


@pytest.mark.parametrize("path", ["/a/b/c.txt", "a.txt", "/c.txt", "rel/x/y.txt", "//a/b.txt",
                                  "/a//b/c.txt", "/a/./b.txt", "a/b/../c.txt", "/a/b/", "/",
                                  "/a/b/.", "./a.txt", "", "..", "a//"])
def test_parent_is_path_parent(path):
    """The loader's cached folder key equals str(Path(path).parent) for odd paths too."""
    from analysis.load import _parent

    assert _parent(path) == str(Path(path).parent)


def test_find_files_one_stat_same_answers(tmp_path):
    """Folders, files, symlinks, globs and missing paths: same results as Path.is_dir/is_file."""
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "b.txt").write_text("x", encoding="utf-8")
    (tmp_path / "d" / "a.html").write_text("x", encoding="utf-8")
    (tmp_path / "d" / ".hidden.txt").write_text("x", encoding="utf-8")
    (tmp_path / "d" / "notes.pdf").write_text("x", encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(tmp_path / "d" / "b.txt")
    (tmp_path / "dlink").symlink_to(tmp_path / "d")
    d = tmp_path / "d"
    assert find_files(d) == [d / "a.html", d / "b.txt"]
    assert find_files(tmp_path / "dlink") == [tmp_path / "dlink" / "a.html", tmp_path / "dlink" / "b.txt"]
    # one file, however it is reached: the real path decides, the first spelling is kept
    assert find_files([tmp_path / "link.txt", str(d / "b.txt"), d / "b.txt"]) == [tmp_path / "link.txt"]
    assert find_files(str(d / "*.txt")) == [d / "b.txt"]
    with pytest.raises(FileNotFoundError, match="no such file or folder"):
        find_files(tmp_path / "missing.txt")
    with pytest.raises(FileNotFoundError):
        find_files(str(d / "b.txt" / "inside.txt"))       # a file used as a folder

"""analysis.metadata: values checked by hand on the seed page and on development-corpus pages."""
from __future__ import annotations

import gzip
import warnings
from pathlib import Path

import pandas as pd
import pytest

from analysis import metadata as M
from analysis.metadata import dates, words

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_aa55596a56c29464.txt"
CORPUS = ROOT.parent / "shared" / "corpus" / "pages"  # ../shared beside the repo


# ------------------------------------------------------------------ the seed page
def test_seed_dump_exact():
    meta = M.from_dump(SEED.read_text(encoding="utf-8"))
    assert meta["title"] == "Denmark potentially open to sending peacekeeping troops to Ukraine"
    assert meta["author"] == "Olena Goncharova"
    assert meta["published"] == pd.Timestamp("2025-03-11 00:49")  # page: March 11, 2025 12:49 AM
    assert meta["read_time_min"] == 2
    assert meta["caption"] == ("The flags of Ukraine and Denmark fluttering against the background of the "
                               "sunset on Sept. 9, 2023 in Mykolaiv, Ukraine.")
    assert meta["photo_credit"] == "Serhii Ovcharyshyn/NikVesti.com/Global Images Ukraine via Getty Images"
    # 0-based: line 7 of the file is the headline, line 9 the byline, line 10 the caption
    assert meta["lines"] == {6: "title", 8: "byline", 9: "caption"}
    assert meta["outlet"] is None  # the first line is a banner, not "Headline - Site"


# ------------------------------------------------------------------ helpers
@pytest.mark.parametrize("text, expected", [
    ("March 11, 2025 12:49 AM", "2025-03-11 00:49"),
    ("Nov. 19, 2019", "2019-11-19 00:00"),
    ("19 November 2019", "2019-11-19 00:00"),
    ("2019-11-19", "2019-11-19 00:00"),
    ("2019-11-18T20:51:19Z", "2019-11-18 20:51:19"),
    ("2019-11-08T15:30:00-05:00", "2019-11-08 15:30"),  # offset dropped, clock kept
    ("Updated 10:01 pm PST, Tuesday, November 19, 2019", "2019-11-19 22:01"),
    ("PUBLISHED: 10:48, Tue, Nov 19, 2019", "2019-11-19 10:48"),
    ("5:45 AM PST 11/19/2019 by Patrick Shanley", "2019-11-19 05:45"),
    ("13.11.2019, 23:06", "2019-11-13 23:06"),
    ("21/06/2014 Tony Carter", "2014-06-21 00:00"),
    ("11/18/19 11:04 PM EST", "2019-11-18 23:04"),
    ("Published November 20th, 2019 - 07:29 GMT", "2019-11-20 07:29"),
    ("Updated 0339 GMT (1139 HKT) November 19, 2019", "2019-11-19 03:39"),
    ("Nov 20 2019, 10:18am ist", "2019-11-20 10:18"),
    ("Published: Nov. 19, 2019, 6:18 p.m.", "2019-11-19 18:18"),
    ("02 Ago 2017", "2017-08-02 00:00"),          # Italian abbreviation (Remember 80/90)
    ("12 dic. 2019, 18:05", "2019-12-12 18:05"),
    ("5 out 2019", "2019-10-05 00:00"),            # Portuguese "out(ubro)", day first
    ("sold out 12, 2019", None),                   # "out" month first: an English word, not October
    ("2 days ago 2019", None),
    ("Today 12:01 AM", None),
    ("not a date at all", None),
    ("February 30, 2019", None),
    ("99/99/2019", None),
    ("", None),
    (None, None),
])
def test_parse_published(text, expected):
    got = M.parse_published(text)
    assert got == (pd.Timestamp(expected) if expected else None)


@pytest.mark.parametrize("title, sites, expected", [
    ("Julian Assange: Sweden drops rape investigation - BBC News", (),
     "Julian Assange: Sweden drops rape investigation"),
    ("Hong Kong chaos: China deploys troops and warns SURRENDER is only option | World | News | Express.co.uk",
     (), "Hong Kong chaos: China deploys troops and warns SURRENDER is only option"),
    ("Alibaba to raise up to $12.9bn in landmark Hong Kong listing : CityAM", (),
     "Alibaba to raise up to $12.9bn in landmark Hong Kong listing"),
    ("New York State Attorney General reportedly investigating WeWork – TechCrunch", (),
     "New York State Attorney General reportedly investigating WeWork"),
    ("Dear Abby: Husband springs for business class flight to India, but leaves wife in economy seat - oregonlive.com",
     (), "Dear Abby: Husband springs for business class flight to India, but leaves wife in economy seat"),
    ("Simple Hiking Survival Kit (with kids) - the anti-june cleaver", ("The Anti-June Cleaver",),
     "Simple Hiking Survival Kit (with kids)"),
    # a real headline part (five words, lower case) is kept
    ("Milan Design Week 2018 | Anastassiades' light installation for FLOS", (),
     "Milan Design Week 2018 | Anastassiades' light installation for FLOS"),
    ("Impeachment hearing - Day 3 | Gazette", (), "Impeachment hearing - Day 3"),  # digits: headline
    ("MacBook sale at Amazon from $700, AirPods, more - 9to5Mac", (), "MacBook sale at Amazon from $700, AirPods, more"),
    ("Amnesty", (), "Amnesty"),
    ("", (), ""),
    (None, (), ""),
])
def test_strip_site_suffix(title, sites, expected):
    assert M.strip_site_suffix(title, sites) == expected


@pytest.mark.parametrize("text, caption, credit", [
    ("Trump asked voters in Louisiana for a big win. He didn’t get it. Credit... Doug Mills/The New York Times",
     "Trump asked voters in Louisiana for a big win. He didn’t get it.", "Doug Mills/The New York Times"),
    ("WikiLeaks founder Julian Assange (AFP)", "WikiLeaks founder Julian Assange", "AFP"),
    ("An artist's illustration. (Image: © NASA/ESA/K. Retherford/SWRI)", "An artist's illustration.",
     "NASA/ESA/K. Retherford/SWRI"),
    ("The road to retiring early isn't easy. Kathrin Ziegler/Getty", "The road to retiring early isn't easy.",
     "Kathrin Ziegler/Getty"),
    ("Photo: Getty Images", None, "Getty Images"),
    ("Mayor Smith at the council meeting (left)", "Mayor Smith at the council meeting (left)", None),
])
def test_split_credit(text, caption, credit):
    assert M.split_credit(text) == (caption, credit)


# ------------------------------------------------------------------ corpus pages, both paths
# Each value was read in the page's text dump ("l." = 0-based line number) and in its HTML.
CASES = {
    # Twin Cities: l.85 "By Bill Hoppe | Special to the Pioneer Press",
    # l.86 "PUBLISHED: November 19, 2019 at 8:59 pm | UPDATED: ... 10:16 pm"
    "264dc3ae31249cb1": ("Zach Parise heating up, scores twice as Wild beat Sabres 4-1", "Bill Hoppe",
                         "2019-11-19 20:59"),
    # AP (hosted): l.17 headline, l.19 "By LISA MASCARO, MARY CLARE JALONICK and ERIC TUCKER",
    # l.15 "Nov. 20, 2019 5:52 AM EST"
    "82b6d780c792df78": ("Unpredictable Sondland faces questions about Trump, Ukraine",
                         "LISA MASCARO; MARY CLARE JALONICK; ERIC TUCKER", "2019-11-20 05:52"),
    # LA Times: the visible headline differs from <title>; l.134 "By Meg James Staff Writer",
    # l.135-136 "Nov. 19, 2019" / "5:50 PM" (the HTML metadata says 01:50 UTC next day)
    "098bb3e96c0acdf3": ("‘We had some issues,’ exec says on Disney+ glitches", "Meg James",
                         "2019-11-19 17:50"),
    # Washington Examiner: l.147 "by Tom Rogan", l.148 "| November 18, 2019 12:26 PM"
    "e4c6a3b482403a8f": ("Why Beijing will bring slaughter to Hong Kong", "Tom Rogan", "2019-11-18 12:26"),
    # The Sun: l.97 "Debbie White" (no "By"), l.99 "18 Nov 2019, 19:09", l.100 "Updated: ... 19:11"
    "8b19453030820413": ("Hunter diagnosed with bubonic plague after eating a rabbit making him third "
                         "Beijing local to contract medieval disease", "Debbie White", "2019-11-18 19:09"),
    # Healthline: l.10 "Written by Rachael Link, MS, RD on November 14, 2019" (date only: midnight)
    "e593d7fe88f9f5cd": ("15 Helpful Tips to Overcome Binge Eating", "Rachael Link", "2019-11-14 00:00"),
    # Sputnik: l.51 "21:17 18.11.2019 Get short URL", l.52 "by Finian Cunningham"
    "1f765c48780665e8": ("Royal Self-Indicting Arrogance", "Finian Cunningham", "2019-11-18 21:17"),
    # AppleInsider: l.52 "By Mike Wuerthele and Malcolm Owen",
    # l.53 "Monday, November 18, 2019, 04:05 pm PT (07:05 pm ET)"
    "65bf3048b500bbd8": ("16-inch MacBook Pro review: The keyboard is probably enough to convince those waiting",
                         "Mike Wuerthele; Malcolm Owen", "2019-11-18 16:05"),
    # MacRumors: l.104 "Monday November 18, 2019 7:45 am PST by Joe Rossignol"
    "232a43fb15abde80": ("13-Inch MacBook Pro With Scissor Keyboard Expected in First Half of 2020",
                         "Joe Rossignol", "2019-11-18 07:45"),
    # Sportsnet: l.160 "Associated Press November 19, 2019, 9:02 AM" (an agency byline, kept alone)
    "0d46122928b6f468": ("Nadal keeps Spain alive against Russia in Davis Cup Finals", "Associated Press",
                         "2019-11-19 09:02"),
    # Al Jazeera: no byline; l.157 "20 Nov 2019 08:00 GMT"
    "7916ecca969ffdd8": ("US service members killed in Afghanistan helicopter crash", None, "2019-11-20 08:00"),
    # Hollywood Reporter: l.36 "5:45 AM PST 11/19/2019 by Patrick Shanley"
    "8267acacb9e4a109": ("Google Bets on the Future With Launch of Stadia Game Streaming Service",
                         "Patrick Shanley", "2019-11-19 05:45"),
    # --- third hand-check (docs/metadata.md): pages outside the first two samples
    # MoreBikes: l.86 "21/06/2014 Tony Carter All, Books, Kit Reviews, News" (date, author, categories)
    "30b771a40a4e9615": ("Bike & Style book with soundtrack review", "Tony Carter", "2014-06-21 00:00"),
    "612cd29826624e68": ("Clymer workshop manual review", "Tony Carter", "2014-06-13 00:00"),
    # AutoIndustriya: l.155 "Jose Altoveros View More Articles" (author box); l.159 "Brent Co November
    # 20, 2019 12:32" is the photographer (camera icon in the HTML) and the date
    "aadb38e527d53793": ("Lexus wants you to go topless with 2020 LC500 Convertible", "Jose Altoveros",
                         "2019-11-20 12:32"),
    # Remember 80/90 (Italian): l.31 "02 Ago 2017", no byline near the headline
    "b6fb53e9fb043c98": ("Remake serie animata de “I Cavalieri dello Zodiaco” per Netflix", None,
                         "2017-08-02 00:00"),
    # Business Insider DE: l.21 "Charlie Wood, Business Insider", l.23 "19.11.2019, 08:57" (the HTML
    # also holds hidden copies of the headline next to "2019-11-19T08:57:40+01:00")
    "fde930b01859de83": ("10 things in tech you need to know today", "Charlie Wood", "2019-11-19 08:57"),
    # News Nation: l.95 "New Delhi, News Nation Bureau | Updated : 19 November 2019, 09:01 AM" (desk byline)
    "076f4f33bf75059d": ("Fact Check: Is An 'Oxygen Bar' In Delhi Offering Fresh Air For Rs 300?",
                         "News Nation Bureau", "2019-11-19 09:01"),
    # The Anti-June Cleaver: <title> names another post; l.224 headline, l.226 "by Regan September 15, 2014"
    "0e014df693f18282": ("Hiking the Boulder Flat Irons", "Regan", "2014-09-15 00:00"),
    # IndieWire: visible headline differs from <title>; l.129 "David Ehrlich", l.131 "Nov 13, 2019 4:26 pm"
    "3d8f3404cf975af8": ("The Wild Story of How Mary Steenburgen Wrote the Best Original Movie Song of the Year",
                         "David Ehrlich", "2019-11-13 16:26"),
    # ScienceAlert: l.49 "REUTERS" (agency byline as printed), l.50 "19 NOV 2019"
    "359fee228518d55b": ("The First Map of Saturn's Moon Titan Just Revealed Some Tantalising Features",
                         "REUTERS", "2019-11-19 00:00"),
    # Express: l.43 "By Laura Mowat", l.44 "PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05, …"
    "624fcd903d56fc70": ("Hong Kong chaos: China deploys troops and warns SURRENDER is only option",
                         "Laura Mowat", "2019-11-19 10:48"),
    # SB Nation: l.98 "By Chris Pokorny @DawgsByNature Nov 18, 2019, 11:47am EST"
    "6a72de37e8f98f4e": ("Browns’ defensive snap counts, stats, and notes: Week 11", "Chris Pokorny",
                         "2019-11-18 11:47"),
    # Argus Leader: l.8 "Lisa Kaczke and Trevor J. Mitchell Sioux Falls Argus Leader",
    # l.9 "Published 10:02 AM EST Nov 19, 2019"
    "776a1c046798b474": ("South Dakota says, 'Meth. We're On It,' and Twitter asks, Are you guys OK?",
                         "Lisa Kaczke; Trevor J. Mitchell", "2019-11-19 10:02"),
    # Telegraph: l.146 "Telegraph Sport" (desk byline), l.148 "19 November 2019 • 1:16pm" (date • time)
    "88c328b68b038a62": ("Tennis Podcast: Davis Cup Finals launch in Madrid… and feelings are mixed",
                         "Telegraph Sport", "2019-11-19 13:16"),
    # Space.com: l.43 "By Mike Wall 2019-11-18T20:51:19Z Science & Astronomy" (seconds printed)
    "686bb170effe273e": ("The Weird Plumes of Jupiter's Moon Europa Are Spewing Water Vapor", "Mike Wall",
                         "2019-11-18 20:51:19"),
}

needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="development corpus not available")


def _expected(values):
    title, author, published = values
    return {"title": title, "author": author, "published": pd.Timestamp(published)}


# Third hand-check, pages where the two paths rightly differ (the dump cannot see what the HTML holds):
# page -> (title, author, published) for the dump, then for the HTML
PATH_CASES = {
    # Fox Business: prints only "Published 1 day ago"; dc.date "2019-11-19", JSON-LD datePublished
    # "2019-11-19T06:12:56-05:00": the HTML takes the time of the same day in the page's clock
    "51374560f40088e2": (("Home Depot sales miss, shares plunge", "Jonathan Garber", None),
                         ("Home Depot sales miss, shares plunge", "Jonathan Garber", "2019-11-19 06:12")),
    # oregonlive: prints "Today 12:01 AM"; metadata 2019-11-20T08:01:24Z: the UTC time in the page's clock
    "87438a0dacbeb979": (("Dear Abby: Husband springs for business class flight to India, but leaves wife in "
                          "economy seat", "Abigail Van Buren", None),
                         ("Dear Abby: Husband springs for business class flight to India, but leaves wife in "
                          "economy seat", "Abigail Van Buren", "2019-11-20 00:01")),
    # Gizmodo: the dump's first line is a stale <title> and the header is "Adam Clark Estes" / "Monday
    # 5:30PM" (no date); the HTML <h1> is the headline, JSON-LD 2019-11-18T17:30:00-05:00 the date (not
    # "11/12/19 4:40PM", a teaser's date printed above the headline); since session 7 the dump's
    # author comes from the "About the author" box after the article (checked by hand: the same name)
    "5fa5679de56c43ed": (("Apple's 16-Inch MacBook Pro Has a Familiar Keyboard", "Adam Clark Estes", None),
                         ("The Future of Apple Innovation Is Backwards", "Adam Clark Estes", "2019-11-18 17:30")),
    # Vox: prints only "By Umair Irfan Updated Nov 13, 2019, 10:28am EST" (the dump takes the update);
    # article:published_time 2019-11-08T15:30:00-05:00 is the first publication
    "16c30add7e96315e": (("The law that’s helping fuel Delhi’s deadly air pollution", "Umair Irfan",
                          "2019-11-13 10:28"),
                         ("The law that’s helping fuel Delhi’s deadly air pollution", "Umair Irfan",
                          "2019-11-08 15:30")),
}


@needs_corpus
@pytest.mark.parametrize("page", sorted(PATH_CASES))
def test_corpus_path_specific(page):
    dump = M.from_dump((CORPUS / f"{page}.txt").read_text(encoding="utf-8"))
    with gzip.open(CORPUS / f"{page}.html.gz", "rt", encoding="utf-8") as fh:
        html = M.from_html(fh.read())
    for meta, (title, author, published) in zip((dump, html), PATH_CASES[page]):
        assert (meta["title"], meta["author"], meta["published"]) == (
            title, author, pd.Timestamp(published) if published else None)


@needs_corpus
@pytest.mark.parametrize("page", sorted(CASES))
def test_corpus_dump(page):
    meta = M.from_dump((CORPUS / f"{page}.txt").read_text(encoding="utf-8"))
    assert {k: meta[k] for k in ("title", "author", "published")} == _expected(CASES[page])


@needs_corpus
@pytest.mark.parametrize("page", sorted(CASES))
def test_corpus_html(page):
    with gzip.open(CORPUS / f"{page}.html.gz", "rt", encoding="utf-8") as fh:
        meta = M.from_html(fh.read())
    assert {k: meta[k] for k in ("title", "author", "published")} == _expected(CASES[page])


@needs_corpus
def test_corpus_captions_both_paths():
    # Al Jazeera l.160 "Roughly 13,000 US troops ... the country 2001 [File: Reuters]"
    page = "7916ecca969ffdd8"
    dump = M.from_dump((CORPUS / f"{page}.txt").read_text(encoding="utf-8"))
    with gzip.open(CORPUS / f"{page}.html.gz", "rt", encoding="utf-8") as fh:
        html = M.from_html(fh.read())
    for meta in (dump, html):
        assert meta["caption"] == ("Roughly 13,000 US troops remain in Afghanistan, 18 years after "
                                   "Washington invaded the country 2001")
        assert meta["photo_credit"] == "Reuters"
    # The Sun l.108 "... sought treatment Credit: EPA"
    sun = M.from_dump((CORPUS / "8b19453030820413.txt").read_text(encoding="utf-8"))
    assert sun["photo_credit"] == "EPA"
    assert sun["caption"] == ("Beijing Chaoyang Hospital in Beijing, China, where plague-infected people "
                              "from Inner Mongolia sought treatment")


@needs_corpus
def test_dump_lines_marked():
    # CBS Sports (0-based): l.161/163 headline twice, l.167 "by Bryan DeArdo",
    # l.169 "Nov 18, 2019 at 9:24 pm ET • 2 min read"
    meta = M.from_dump((CORPUS / "08f793762792bd25.txt").read_text(encoding="utf-8"))
    assert meta["read_time_min"] == 2
    assert meta["published"] == pd.Timestamp("2019-11-18 21:24")
    assert {i: r for i, r in meta["lines"].items() if 150 < i < 175} == {
        161: "title", 163: "title", 167: "byline", 169: "dateline"}


# ------------------------------------------------------------------ small synthetic dumps
def test_dump_rules():
    raw = ("Council approves budget - Springfield Gazette\n\nNews\n\nCouncil approves budget\n\n"
           "By Ana Ruiz and Tom Lee, Staff Writers\n\nPublished Nov. 19, 2019 | Updated Nov. 20, 2019\n\n"
           "The mayor at the vote. (Photo: Jane Doe/Gazette)\n\n" + "Body text goes on here. " * 10)
    meta = M.from_dump(raw)
    assert meta["title"] == "Council approves budget"
    assert meta["outlet"] == "Springfield Gazette"
    assert meta["author"] == "Ana Ruiz; Tom Lee"
    assert meta["published"] == pd.Timestamp("2019-11-19")
    assert meta["caption"] == "The mayor at the vote."
    assert meta["photo_credit"] == "Jane Doe/Gazette"
    assert meta["lines"] == {0: "title", 4: "title", 6: "byline", 8: "dateline", 10: "caption"}


def test_author_label_and_read_time():
    raw = ("Ten ways to save water | Green Living\n\nTen ways to save water\n\nAuthor: Mary Smith\n\n"
           "19 November 2019\n\n5 min read\n\n" + "Words and more words. " * 12)
    meta = M.from_dump(raw)
    assert (meta["title"], meta["author"], meta["published"], meta["read_time_min"]) == (
        "Ten ways to save water", "Mary Smith", pd.Timestamp("2019-11-19"), 5)
    assert meta["lines"] == {0: "title", 2: "title", 4: "byline", 6: "dateline", 8: "read_time"}


def test_html_metadata_offset_dropped_and_figcaption():
    html = """<html><head><title>Storm hits coast | Daily Bugle</title>
    <meta property="og:site_name" content="Daily Bugle">
    <meta property="article:published_time" content="2019-11-19T17:50:00-08:00">
    <meta name="author" content="Peter Parker">
    </head><body><h1>Storm hits coast</h1>
    <figure><img src="x.jpg"><figcaption>Waves at the pier. <span class="credit">AP Photo/J. Jonah</span>
    </figcaption></figure><p>Body.</p></body></html>"""
    meta = M.from_html(html, url="https://example.org/storm")
    assert meta == {"title": "Storm hits coast", "author": "Peter Parker",
                    "published": pd.Timestamp("2019-11-19 17:50"), "read_time_min": None,
                    "caption": "Waves at the pier.", "photo_credit": "AP Photo/J. Jonah",
                    "outlet": "Daily Bugle", "url": "https://example.org/storm"}


# ------------------------------------------------------------------ bad input
@pytest.mark.parametrize("raw", ["", "   \n\n  ", None, 42, "\x00\x01\x02", "no byline here\n\njust text.",
                                 "Garbage date: 99/99/9999 and 31.02.2019\n\nBy\n\n"])
def test_bad_dump_gives_none(raw):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # not even a warning for ordinary bad input
        meta = M.from_dump(raw)
    assert set(meta) == set(M.KEYS) | {"lines"}
    assert meta["author"] is None and meta["published"] is None and meta["read_time_min"] is None
    assert meta["caption"] is None and meta["photo_credit"] is None


def test_no_byline_dump():
    meta = M.from_dump("Only a headline here - Site\n\nOnly a headline here\n\n" + "Plain words. " * 40)
    assert meta["title"] == "Only a headline here"
    assert (meta["author"], meta["published"]) == (None, None)


@pytest.mark.parametrize("html", ["", None, b"", "<html", "<html><body></body></html>", "\x00garbage<<>>",
                                  "<p>no title</p>"])
def test_bad_html_gives_none(html):
    meta = M.from_html(html)
    assert set(meta) == set(M.KEYS)
    assert meta["author"] is None and meta["published"] is None


def test_huge_and_non_english_dump():
    huge = "Headline of a long page - Site\n\nHeadline of a long page\n\nBy Jo Bloggs\n\n" + "word " * 2_000_000
    meta = M.from_dump(huge)
    assert (meta["title"], meta["author"]) == ("Headline of a long page", "Jo Bloggs")
    korean = "엘제이-류화영 진흙탕 싸움 - Entermedia\n\n엘제이-류화영 진흙탕 싸움\n\n기사입력 :[ 2018-08-25 15:24 ]\n\n본문"
    meta = M.from_dump(korean)
    assert (meta["title"], meta["published"], meta["outlet"]) == (
        "엘제이-류화영 진흙탕 싸움", pd.Timestamp("2018-08-25 15:24"), "Entermedia")


@needs_corpus
def test_corpus_harder_rules():
    def dump(page):
        return M.from_dump((CORPUS / f"{page}.txt").read_text(encoding="utf-8"))

    def html(page):
        with gzip.open(CORPUS / f"{page}.html.gz", "rt", encoding="utf-8") as fh:
            return M.from_html(fh.read())

    # Cleveland (0-based) l.226 "Updated Nov 19, 6:55 AM; Posted Nov 19, 6:51 AM" (no year; l.259
    # "© 2019 Cleveland.com"), l.228 the photo's caption between the date and l.230 the byline
    cle = dump("35b158918c676ff2")
    assert (cle["published"], cle["caption"], cle["photo_credit"]) == (
        pd.Timestamp("2019-11-19 06:51"), "The Doobie Brothers perform at the Beacon.", None)
    assert html("35b158918c676ff2")["published"] == pd.Timestamp("2019-11-19 06:51")
    # Sky News l.48 "Tom Gillespie" / l.50 "News reporter @TomGillespie1"
    assert dump("921019755f4a96ac")["author"] == html("921019755f4a96ac")["author"] == "Tom Gillespie"
    # Forbes l.193 "Bruce Y. Lee Senior Contributor"
    assert dump("a078b3656adc0295")["author"] == "Bruce Y. Lee"
    # SFGate prints only l.288 "Updated 10:01 pm PST, Tuesday, November 19, 2019"; its metadata says
    # 2019-11-20T05:57:50Z (and sailthru.date "2019-11-19 21:57:00 -0800"): first publication in PST
    assert dump("5caf91b8a4423735")["published"] == pd.Timestamp("2019-11-19 22:01")
    assert html("5caf91b8a4423735")["published"] == pd.Timestamp("2019-11-19 21:57")
    # Business Insider: the visible headline l.19 differs from <title>; l.21 "Tanza Loudenback, Business
    # Insider", l.23 "13.11.2019, 23:06", l.31 "The road to retiring early isn't easy. Kathrin Ziegler/Getty"
    # visible headlines that reword the <title> (first line), with no byline or date to anchor them:
    # Russian diet page l.89, BIG Brand System l.64 (its "Pamela Wilson" name line l.74 has no date
    # beside it; she writes the article, "my name is Pamela Wilson" l.88, and the HTML path agrees)
    for page, title, author in (("ff0f958ade714ebf", "Диета Аткинса - потеря веса до 10 килограмм за 14 дней", None),
                                ("c582d3b772578e8f",
                                 "Business Focus: It’s Why Some People Triumph Online and Others Never Make It",
                                 "Pamela Wilson")):
        assert dump(page)["title"] == html(page)["title"] == title
        assert dump(page)["author"] == author and dump(page)["published"] is None
    bi = dump("f81c6c05d9cbc933")
    assert (bi["title"], bi["author"], bi["published"], bi["caption"], bi["photo_credit"]) == (
        "How to retire early so you can work, travel, and relax on your own schedule", "Tanza Loudenback",
        pd.Timestamp("2019-11-13 23:06"), "The road to retiring early isn't easy.", "Kathrin Ziegler/Getty")


@pytest.mark.parametrize("byline, author", [
    ("By Ana Ruiz and Tom Lee, The Springfield Gazette", "Ana Ruiz; Tom Lee"),
    ("By Jane Doe, Reuters", "Jane Doe"),
    ("By JANE DOE, Special to The Post", "JANE DOE"),
    ("By A. B. Smith | Updated 5:00 PM Nov. 2, 2019", "A. B. Smith"),
    ("Written by Rachael Link, MS, RD on November 14, 2019", "Rachael Link"),
    ("Por Juan Pérez", "Juan Pérez"),
    ("By The Associated Press", "The Associated Press"),  # an agency byline alone is kept
    ("By Megan Rowe meganr@spokesman.com (509) 459-5382", "Megan Rowe"),
    ("By Sean Martin Sean Martin", "Sean Martin"),
    ("Analysis by Chris Cillizza, CNN Editor-at-large", "Chris Cillizza"),
    ("PTI, Washington,\n\nNov 20 2019, 10:18am ist", "PTI"),  # agency and a place, next to the date
    ("By joining our club you get more", None),  # "By" + lower-case word: a sentence, not a byline
    ("New Delhi, Gazette Bureau | Updated : 19 November 2019, 09:01 AM", "Gazette Bureau"),  # desk byline
    ("21/06/2014 Jo Bloggs All, Books, Kit Reviews", "Jo Bloggs"),  # date, author, category links
    ("Jo Bloggs View More Articles", "Jo Bloggs"),  # an author box's name and link
    ("Related Stories View All", None),  # a teaser list's heading, not an author box
])
def test_byline_cleaning(byline, author):
    raw = f"Headline of the story - Gazette\n\nHeadline of the story\n\n{byline}\n\n" + "Body words here. " * 30
    assert M.from_dump(raw)["author"] == author


@pytest.mark.parametrize("line, minutes", [
    ("2 min read", 2), ("Reading time: 3 minutes", 3), ("5-minute read", 5), ("Read in 4 minutes", 4),
    ("Lesezeit: 3 Minuten", 3), ("Tempo de leitura: 1 minuto", 1), ("12 mins read", 12),
    ("Nov 18, 2019 at 9:24 pm ET • 2 min read", 2), ("Read more", None), ("15 minutes ago", None),
])
def test_read_time_line(line, minutes):
    raw = f"Headline of the story - Gazette\n\nHeadline of the story\n\nBy Jo Bloggs\n\n{line}\n\n" + "Body. " * 40
    assert M.from_dump(raw)["read_time_min"] == minutes


def test_html_published_rules():
    def page(meta, shown):
        return (f"<html><head><title>Storm hits coast | Gazette</title>{meta}</head><body>"
                f"<nav>Home</nav><h1>Storm hits coast</h1><p>Jo Bloggs</p><p>{shown}</p><p>{'Body words. ' * 30}</p></body></html>")
    # date-only metadata gives way to a same-day time in a local clock (JSON-LD)
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", '
          '"datePublished": "2019-11-19T06:12:56-05:00"}</script>')
    got = M.from_html(page('<meta name="dc.date" content="2019-11-19">' + ld, "Published 1 day ago"))
    assert got["published"] == pd.Timestamp("2019-11-19 06:12")
    # UTC metadata on a page printing "Today 12:01 AM": the page's clock (here UTC-8)
    utc = '<meta property="article:published_time" content="2019-11-20T08:01:24Z">'
    assert M.from_html(page(utc, "Today 12:01 AM"))["published"] == pd.Timestamp("2019-11-20 00:01")
    # without a printed clock the metadata stays as it is (to the minute)
    assert M.from_html(page(utc, "Share"))["published"] == pd.Timestamp("2019-11-20 08:01")


def test_html_h1_keeps_its_words():
    html = ("<html><head><title>Impeachment hearing - Day 3 | Gazette</title>"
            "<meta property='og:site_name' content='Gazette'></head><body>"
            "<h1>Impeachment hearing - Day 3</h1><p>By Jo Bloggs</p><p>Nov. 20, 2019</p><p>Body.</p></body></html>")
    meta = M.from_html(html)
    assert (meta["title"], meta["author"], meta["published"], meta["outlet"]) == (
        "Impeachment hearing - Day 3", "Jo Bloggs", pd.Timestamp("2019-11-20"), "Gazette")
    # the same <title> in a dump: the suffix goes, the headline line is kept whole
    dump = M.from_dump("Impeachment hearing - Day 3 | Gazette\n\nImpeachment hearing - Day 3\n\nBy Jo Bloggs\n\n"
                       "Nov. 20, 2019\n\n" + "Body words. " * 30)
    assert (dump["title"], dump["outlet"]) == ("Impeachment hearing - Day 3", "Gazette")


# ------------------------------------------------------------------ fast paths (speed work)
@pytest.mark.parametrize("line, expected", [
    ("19 November 2019 • 1:16pm", [(1, "2019-11-19 13:16")]),           # the time in the next segment
    ("Published 19 November 2019 | Updated 1:16pm", [(0, "2019-11-19 00:00")]),  # an update's time
    ("19 November 2019 | 3 min read", [(1, "2019-11-19 00:00")]),
])
def test_line_dates_time_in_next_segment(line, expected):
    assert dates.line_dates(line) == [(c, pd.Timestamp(t)) for c, t in expected]


def test_dates_in_cheap_test_and_values():
    assert dates.dates_in("Posted Nov. 19, 2019 5:50 PM") == ((pd.Timestamp("2019-11-19 17:50"), 7, 20),)
    assert dates.dates_in("13.11.2019, 23:06") == ((pd.Timestamp("2019-11-13 23:06"), 0, 10),)
    assert dates.dates_in("11/20/19 6:38 AM") == ((pd.Timestamp("2019-11-20 06:38"), 0, 8),)
    assert dates.dates_in("Call 555-1234 now, 5:50 PM") == ()      # no year, no d/m/y group
    assert dates.dates_in("") == ()


def test_words_and_cached_credit_helpers():
    assert words.word_set("The U.S. and a 5-year plan") == frozenset({"the", "and", "5", "year", "plan"})
    assert M.split_credit("A rally in Kyiv. (Photo: Reuters)") == ("A rally in Kyiv.", "Reuters")
    assert M.split_credit("A rally in Kyiv. (Photo: Reuters)") == ("A rally in Kyiv.", "Reuters")
    assert M.split_credit(None) == (None, None)
    assert M.split_credit(["not", "text"]) == (None, None)


def test_near_identical_headline_found_through_word_test():
    body = ("The band said on Tuesday that it would tour again next year with all of its original "
            "members, and fans were told to expect a long show. ") * 2
    raw = ("Doobie Brothers Unite For 50th Anniversary Tour | Music Site\n\nHome\n\n"
           "Doobie Brothers Tour News\n\n"
           "The Doobie Brothers Unite For 50th Anniversary Tour\n\nBy Jane Doe\n\nNovember 19, 2019\n\n"
           + body + "\n")
    meta = M.from_dump(raw)
    assert meta["title"] == "The Doobie Brothers Unite For 50th Anniversary Tour"
    assert meta["author"] == "Jane Doe"
    assert meta["published"] == pd.Timestamp("2019-11-19")
    assert meta["lines"] == {0: "title", 6: "title", 8: "byline", 10: "dateline"}


def test_a_menu_line_is_never_the_headline():
    from analysis import metadata

    # a page of menus only: the first line is the cleaner's navigation line, so no title at all
    assert metadata.from_dump("Skip to content\nMenu\nSearch\nSubscribe\nLog in\nPrivacy policy")["title"] is None
    # with an article under the menu, the headline above the byline is found as before
    page = ("Skip to content\nMenu\nSearch\n\nCouncil approves the city budget\nBy Jane Doe\nMarch 3, 2024\n\n"
            "The council voted on Tuesday to approve the budget, officials said, after a long debate.")
    got = metadata.from_dump(page)
    assert (got["title"], got["author"]) == ("Council approves the city budget", "Jane Doe")


# ----------------------------------------------------------------------------------- outlets
@pytest.mark.parametrize("line, expected", [
    ("©2019 Forbes Media LLC. All Rights Reserved.", "Forbes"),
    ("© ScienceAlert Pty Ltd. All rights reserved.", "ScienceAlert"),
    ("© 2005 - 2019 Healthline Media. All rights reserved. Our website services, content, and products "
     "are for informational purposes only. Healthline Media does not provide medical advice.", "Healthline"),
    ("Copyright 2019 Hawaii News Now. All rights reserved.", "Hawaii News Now"),
    ("© 2019 The Republic unless otherwise noted. All rights reserved. Privacy Policy", "The Republic"),
    ("Wccftech © 2019 NewAge ADS, LLC. All rights reserved.", "Wccftech"),
    ("© Phys.org 2003 - 2019 powered by Science X Network", "Phys.org"),
    ("© All rights reserved | Terms", None),
    ("This document is subject to copyright. Apart from any fair dealing", None),
])
def test_copyright_holder(line, expected):
    from analysis.metadata import outlets

    assert outlets.copyright_holder(["Headline", "Body text.", line]) == expected


def test_outlet_choice_and_one_name():
    from analysis.metadata import outlets

    footer = ["©2019 The Associated Press. All rights reserved."]
    assert outlets.choose("Hosted", footer) == "The Associated Press"          # a generic site name
    assert outlets.choose("CNNPolitics", []) == "CNN"                          # an edition of a brand
    assert outlets.choose("Business Insider Deutschland", []) == "Business Insider"
    assert outlets.choose("detroitnews", ["© The Detroit News, a Digital First Media Newspaper"]) \
        == "The Detroit News"                                                   # a slug spelled out
    lines = ["Jangan Membenci Satu Kaum Secara Berlebihan | Kabar tentang Dunia Islam", "Iklan",
             "Kabar tentang Dunia Islam"]
    assert outlets.choose(None, lines, lines[0]) == "Kabar tentang Dunia Islam"  # printed again
    assert outlets.choose(None, ["A caption. © Reuters"]) is None              # a photo credit
    dump = "Some headline here today\n\nBy Ann Lee\n\n" + "Body words go here. " * 30 + "\n\n© 2019 Daily Planet Inc."
    assert M.from_dump(dump)["outlet"] == "Daily Planet"

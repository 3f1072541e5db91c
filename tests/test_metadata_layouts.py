"""Metadata rules of 2026-12-04 (issue 14, docs/metadata.md "Readability pages"): headline, byline and
date layouts of text dumps and HTML. Each page is a synthetic dump in the shape of a real page (names
and words changed); expected values checked by hand."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis.metadata import from_dump, from_html, parse_published
from analysis.metadata.dates import RELATIVE_RE
from analysis.metadata.words import listed_first_name

BODY = ("The council voted on Tuesday to keep the old market hall open for another ten years, after a "
        "long campaign by traders and neighbours who said the building was the heart of the town and "
        "that a new supermarket on the site would empty the high street within a year.")
BODY2 = ("Traders had collected more than four thousand signatures in six weeks, and the vote went "
         "their way by nine to four after a debate that lasted most of the evening and ended with "
         "applause from the public gallery, which had been full since the early afternoon.")


def dump(*lines: str) -> dict:
    return from_dump("\n\n".join(lines))


# ------------------------------------------------------------------------------ titles
def test_two_sentence_title_with_a_site_suffix_is_no_banner():
    # Aktuálně.cz shape: the <title> holds two sentences, the visible headline rewords its end, and an
    # embedded tweet with a date stands further down
    meta = dump("Market hall stays open, traders cheer. Vote of the council was easy to miss - Town News",
                "Home", "Sport", "Culture",
                "Market hall stays open, traders cheer. Vote was easy to miss",
                "Anna Berg", "2 hours ago", BODY, "Highlights from our 4-1 win at the hall pic.twitter.com/BUPg",
                "— Town FC (@TownFC) October 31, 2021", BODY2)
    assert meta["title"] == "Market hall stays open, traders cheer. Vote was easy to miss"
    assert meta["author"] == "Anna Berg"


def test_leading_part_of_a_repeated_title_is_the_headline():
    # Tumblr shape: "Headline - Headline - Blog name"; the page prints the headline once
    meta = dump("Market 1.8 - The Big Reopening - Market 1.8 - The Big Reopening - Market Update News",
                "Market News", "Powered by Blogs", "Market 1.8 - The Big Reopening",
                *(f"+ Added stall number {k} with a new roof" for k in range(14)))
    assert meta["title"] == "Market 1.8 - The Big Reopening"


def test_one_word_headline_before_a_site_name():
    meta = dump("Marketplace - Wikipedia", "Marketplace", "From Wikipedia, the free encyclopedia",
                "Founded February 28, 1998", BODY)
    assert meta["title"] == "Marketplace"


def test_later_title_segment_is_not_the_headline():
    # Sphinx documentation shape: "Page title — project name", both printed on the page
    meta = dump("Shared History: A Guide — history extension for Tools", "history extension for Tools",
                "Shared History: A Guide", "Contents", BODY)
    assert meta["title"] == "Shared History: A Guide"


def test_portal_name_in_the_banner_is_no_headline():
    # PIXNET shape: "Post (2) @ Blog name :: Portal ::"; the page's banner prints the portal's name
    meta = dump("Autumn trip to the hills (2) @ Steve's travel notes :: Blogland PIX Net ::",
                "Blogland PIX Net", "Home", "Travel", BODY)
    assert meta["title"] == "Autumn trip to the hills (2) @ Steve's travel notes"


def test_headline_over_a_name_line_and_a_clock_line():
    # CityLab shape: the <title> differs from the visible headline; "NAME" / "1:39 PM ET" under it
    meta = dump("A Short History of Market Halls - Town Lab", "Design", "Transport",
                "Why the Market Hall Is the Heart of the Town", "Sarah Archer", "1:39 PM ET",
                "The once-common building was new when it first appeared, and now it stands for decline.",
                "Share", "Tweet", BODY, BODY2)
    assert meta["title"] == "Why the Market Hall Is the Heart of the Town"
    assert meta["author"] == "Sarah Archer"


def test_teaser_card_over_a_name_and_date_is_no_headline():
    # Kinja sidebar shape: teaser headline / author / date, then more teasers, no body below it
    meta = dump("Old headline nobody prints - Gadget Blog", "Recent from Adam Clark",
                "New Phones Are Backwards", "Adam Clark", "11/13/19 9:00AM", "1", "23", "38.3K",
                "A Short Note on the Phone Bug", "Paula Wells", "11/12/19 4:40PM")
    assert meta["title"] != "New Phones Are Backwards"


def test_title_read_as_a_site_name_is_the_title_when_nothing_else_is():
    assert dump("Document", BODY, BODY2)["title"] == "Document"


# ------------------------------------------------------------------------------ bylines
@pytest.mark.parametrize("line", ["1:39 PM ET", "an hour ago", "před 2 hodinami", "vor 3 Stunden",
                                  "il y a 2 heures", "hace 2 horas", "12:46"])
def test_relative_times_and_lone_clocks(line):
    assert RELATIVE_RE.match(line)


def test_by_alone_on_its_line_above_the_name():
    meta = dump("Chapter Two: The Vote - Story Site", "Story Site", "by", "Sleyca",
                "Chapter Two: The Vote", "Fiction Page", BODY)
    assert meta["author"] == "Sleyca"


def test_von_over_an_is_an_email_form_not_a_byline():
    meta = dump("How to keep a market hall open - Business Paper", "von", "an",
                "Der Artikel wurde versandt.", "How to keep a market hall open", BODY)
    assert meta["author"] is None


def test_a_persons_name_line_between_standfirst_and_tags():
    # GitLab blog shape: date and read time under the headline, the author's name after the standfirst
    meta = dump("3 surprising findings from our market survey", "Blog",
                "3 surprising findings from our market survey", "Published on: June 25, 2024", "5 min read",
                "This year, our survey revealed changes in how traders invest and how the new hall is "
                "shaping the plans of the town's markets for the next ten years.",
                "Dave Steer", "survey markets news", BODY)
    assert meta["author"] == "Dave Steer"


def test_a_name_line_with_a_nickname_in_brackets():
    meta = dump("The sharing economy is a lie: markets and the truth - Town Mag",
                "The sharing economy is a lie: markets and the truth",
                "Disruptive companies talk a good game about sharing.", "Richard (R.J.) Eskow", "Share", BODY)
    assert meta["author"] == "Richard Eskow"


def test_a_menu_word_pair_is_not_a_name_line():
    meta = dump("Messages of the day - Site", "Messages of the day", "Mensagens Diarias", BODY)
    assert meta["author"] is None


def test_personal_site_owner_is_the_author():
    meta = dump("Simple Market Detection Using Plain SQL | Haki Benita", "Haki Benita", "About",
                "Subscribe", "21 September 2020", "Simple Market Detection Using Plain SQL", BODY,
                "© Haki Benita 2016-2020")
    assert meta["author"] == "Haki Benita"
    company = dump("Simple Market Detection Using Plain SQL | Business Insider", "Business Insider", "About",
                   "Subscribe", "21 September 2020", "Simple Market Detection Using Plain SQL", BODY,
                   "© 2020 Business Insider")
    assert company["author"] is None


def test_byline_block_below_teaser_cards():
    # Kinja shape: the headline, "You may also like" cards, then the article's own "NAME" / date
    lines = ["The Long Story Of The Market Hall - Town Blog", "The Long Story Of The Market Hall",
             "You may also like"]
    for k in range(9):   # more than the 22 lines below the headline read as its metadata block
        lines += [f"Teaser headline number {k} about something else", "Matt Novak", "Today 7:30AM"]
    lines += ["Subscribe", "Mama Robotnik", "9/11/13 10:00AM", "Filed to: markets", BODY, BODY2]
    meta = dump(*lines)
    assert meta["author"] == "Mama Robotnik"
    assert meta["published"] == pd.Timestamp("2013-09-11 10:00")


# ------------------------------------------------------------------------------ dates, names
def test_day_dot_month_dot_year_with_a_clock():
    assert parse_published("21.dez.2018 às 12h55") == pd.Timestamp("2018-12-21 12:55")
    assert parse_published("19 November 2019") == pd.Timestamp("2019-11-19")


def test_listed_first_name_agrees_with_the_gender_list():
    from analysis.sourcing.firstnames import known_first_name

    for word in ("Dave", "Pamela", "Richard", "Sarah", "Mensagens", "Business", "Share", "Mama"):
        assert listed_first_name(word) == known_first_name(word)


# ------------------------------------------------------------------------------ HTML
def test_html_h1_that_is_a_later_title_segment_is_the_site_name():
    html = ("<html><head><title>Shared History: A Guide — history extension for Tools</title></head><body>"
            "<h1>history extension for Tools</h1><h1>Shared History: A Guide<a class='headerlink'>¶</a></h1>"
            f"<p>{BODY}</p></body></html>")
    assert from_html(html)["title"] == "Shared History: A Guide"

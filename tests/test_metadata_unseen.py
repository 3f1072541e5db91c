"""Issue 14's metadata rules for pages nobody tuned on: bylines in their common dump layouts,
dates read in the page's locale, the machine-readable publication date over a shown "Updated" time.
Expected values checked by hand (the line shapes come from real pages, names changed)."""
from __future__ import annotations

import pytest

from analysis.metadata import from_dump
from analysis.metadata.bylines import byline_of


@pytest.mark.parametrize("line, expected", [
    ("By Erin Cunningham March 18 at 3:57 PM Follow @erinmcunningham", "Erin Cunningham"),
    ("By Alex Heath, a deputy editor and author of the Command Line newsletter.", "Alex Heath"),
    ("By Daniel Kahn Gillmor, Senior Staff Technologist, ACLU Speech, Privacy, and Technology Project",
     "Daniel Kahn Gillmor"),
    ("By Ana Ruiz and Bob Lee, Staff Writers", "Ana Ruiz; Bob Lee"),
    ("By Jan van der Berg", "Jan van der Berg"),
])
def test_byline_names_stop_at_apposition_and_yearless_date(line, expected):
    assert byline_of(line) == expected


def test_byline_after_a_row_of_share_buttons():
    shares = [f"Share on {s}" for s in ("Facebook", "Twitter", "Google Plus", "LinkedIn", "Tumblr",
                                       "Pinterest", "Whatsapp", "Reddit", "Mastodon", "Threads", "Bluesky", "Flipboard")] + ["Share via Email", "Print Article",
                                                                             "Resize Text", "More Options"]
    raw = "\n\n".join(["Bridge to reopen next week - The Daily Planet", "Bridge to reopen next week"]
                      + shares + ["By Maria Lopez March 18 at 3:57 PM",
                                  "The city said on Tuesday that the bridge would reopen next week after "
                                  "repairs that took most of the winter."])
    assert from_dump(raw)["author"] == "Maria Lopez"


def test_numeric_dates_follow_the_page_order():
    import pandas as pd

    from analysis.metadata.dates import dates_in, month_first_of_locale

    assert dates_in("11.03.17", True)[0][0] == pd.Timestamp("2017-11-03")
    assert dates_in("11.03.17", False)[0][0] == pd.Timestamp("2017-03-11")
    assert dates_in("11.03.17")[0][0] == pd.Timestamp("2017-03-11")      # dots, no page order: day first
    assert dates_in("10.15.15")[0][0] == pd.Timestamp("2015-10-15")      # only one reading is a date
    assert dates_in("21/06/2014", True)[0][0] == pd.Timestamp("2014-06-21")
    assert [month_first_of_locale(c) for c in ("en_US", "en-US", "en-GB", "en", "de-DE", "fr", None)] == \
        [True, True, False, None, False, False, None]


_US_PAGE = ("Xbox One X review: a powerful console - Engadget\n\nXbox One X review: a powerful console\n\n"
            "by Jessica Conditt\n\n{date} in Gadgetry\n\n"
            "As promised, the Xbox One X is the most powerful game console ever made, and it shows in "
            "every game that the company has updated for it, from racing games to shooters and the rest.")


def test_dump_reads_an_ambiguous_date_in_the_page_order():
    import pandas as pd

    assert from_dump(_US_PAGE.format(date="11.03.17"))["published"] == pd.Timestamp("2017-11-03")
    # the same page with a day-first date printed elsewhere ("21.06.2017"): day first
    day_first = _US_PAGE.format(date="11.03.17") + "\n\nRelated: our review of 21.06.2017 still holds."
    assert from_dump(day_first)["published"] == pd.Timestamp("2017-03-11")


def test_html_prefers_metadata_when_the_page_shows_only_an_update():
    import pandas as pd

    from analysis.metadata import from_html

    html = ("<html lang='en'><head><title>Video tools get an upgrade - Techsite</title>"
            "<script type='application/ld+json'>\n<![CDATA[\n[{\"@type\": \"NewsArticle\", "
            "\"datePublished\": \"2020-07-10T14:15:42+00:00\"}]\n]]>\n</script></head><body>"
            "<h1>Video tools get an upgrade</h1><p>Last Updated: January 7, 2025</p>"
            "<p>The company announced significant updates to its video hosting platform and tools on "
            "Thursday, saying that the new product line was introduced in response to demand.</p></body></html>")
    assert from_html(html)["published"] == pd.Timestamp("2020-07-10 14:15")


_BODY = ("The company said on Tuesday that the game would reach phones in December, a first for a firm "
         "that has long kept its characters on its own consoles and away from other devices.")


@pytest.mark.parametrize("layout, expected", [
    (["Alex Perry 1 day ago", "SHARE"], "Alex Perry"),                     # name + age (MSN)
    (["Maria Lopez • 8h", "Share Tweet Share"], "Maria Lopez"),             # name • age (Fandom)
    (["Patrick Allan", "Profile Follow Unfollow"], "Patrick Allan"),        # name over a follow button
    (["Top Stories", "Follow"], None),                                      # a menu word is no name
])
def test_dump_byline_layouts(layout, expected):
    raw = "\n\n".join(["Nintendo's first phone game arrives in December - Techsite",
                       "Nintendo's first phone game arrives in December"] + layout + [_BODY])
    assert from_dump(raw)["author"] == expected


def test_title_line_byline_segment_is_not_the_headline():
    raw = "\n\n".join(["Samantha and the big lie. How to get shanked… | by John C. Welch | Medium",
                       "Open in app", "Samantha and the big lie", "John C. Welch", "Follow",
                       "Oct 15, 2015 · 18 min read", _BODY])
    meta = from_dump(raw)
    assert (meta["title"], meta["author"]) == ("Samantha and the big lie", "John C. Welch")


def test_inline_byline_in_other_languages_and_name_over_date_above_headline():
    from analysis.metadata.bylines import byline_of

    assert byline_of("Le Monde | 04.05.2015 à 13h36 • Mis à jour le 05.05.2015 à 20h13 | Par Martin "
                     "Untersinger (avec Damien Leloup et Morgane Tual)") == "Martin Untersinger"
    raw = "\n\n".join(["Better student journalism — Medium", "Sign in / Sign up", "Pippin Lee",
                       "on Mar 17 11 min", "Next story", "Better student journalism", _BODY])
    assert from_dump(raw)["author"] == "Pippin Lee"


@pytest.mark.parametrize("head, body, expected", [
    # rel="author" (HTML's own author mark), a parenthesised nickname dropped
    ("", "<p class='by'><a rel='author' href='/u/rje'>Richard (R.J.) Eskow</a></p>", "Richard Eskow"),
    # a personal site named after its author: the meta author is kept though it names the site
    ("<meta name='author' content='Haki Benita'>", "", "Haki Benita"),
    # ... but a news organisation given as author is not a byline
    ("<meta property='og:article:author' content='BBC News'>", "", None),
])
def test_html_author_marks(head, body, expected):
    from analysis.metadata import from_html

    site = "Haki Benita" if "Haki" in head else "BBC News"
    html = (f"<html><head><title>Simple anomaly detection using plain SQL | {site}</title>{head}</head>"
            f"<body><h1>Simple anomaly detection using plain SQL</h1>{body}<p>{_BODY}</p></body></html>")
    assert from_html(html)["author"] == expected


def test_html_h1_equal_to_the_title_beats_a_portal_og_title():
    from analysis.metadata import from_html

    html = ("<html><head><title>Russia: Space ship breaks up over Siberia</title>"
            "<meta property='og:title' content='Yahoo News - Latest News &amp; Headlines'></head><body>"
            "<h1>Russia: Space ship breaks up over Siberia</h1><figure><h1>In this photo dated Tuesday, "
            "Nov. 29, 2016 the rocket booster with the ship blasts off, in a news photo</h1></figure>"
            f"<p>{_BODY}</p></body></html>")
    assert from_html(html)["title"] == "Russia: Space ship breaks up over Siberia"


@pytest.mark.parametrize("title, expected", [
    ("Babies Who Eat Peanuts Early May Avoid Allergy", "Babies Who Eat Peanuts Early May Avoid Allergy"),
    ("Google - Site Reliability Engineering", "Allergies Health Center"),   # a site <title>: the <h1> stays
])
def test_html_lone_section_h1_gives_way_to_a_plain_title(title, expected):
    from analysis.metadata import from_html

    html = (f"<html><head><title>{title}</title></head><body><h1>Allergies Health Center</h1>"
            f"<p>{_BODY}</p></body></html>")
    assert from_html(html)["title"] == expected


def test_names_of_teaser_cards_below_an_end_marker_are_no_byline():
    raw = "\n\n".join(["The story of Metroid - Kotaku", "The story of Metroid", "You may also like",
                       "Masks sold overseas", "Matt Novak", "Today 7:30AM", _BODY])
    assert from_dump(raw)["author"] is None


@pytest.mark.parametrize("creator, expected", [("Sleyca", "Sleyca"), ("@BBCWorld", None)])
def test_html_twitter_creator_is_an_author_only_when_a_name(creator, expected):
    from analysis.metadata import from_html

    html = (f"<html><head><title>One hundred two: a chapter - Super Supportive</title>"
            f"<meta name='twitter:creator' content='{creator}'></head><body><h1>One hundred two: a chapter</h1>"
            f"<p>{_BODY}</p></body></html>")
    assert from_html(html)["author"] == expected


def test_blog_name_before_a_colon_in_the_title_line():
    raw = "\n\n".join(["Silicon Exposed: Open Verilog flow for programmable logic", "Silicon Exposed",
                       "Posted by Andrew Zonenberg", "Open Verilog flow for programmable logic", _BODY])
    assert from_dump(raw)["title"] == "Open Verilog flow for programmable logic"


def test_html_a_shared_function_word_does_not_tie_a_section_h1_to_the_title():
    from analysis.metadata import from_html

    html = ("<html><head><title>Superbugs: What They Are and How You Get Them</title></head><body>"
            f"<h1>Information and Resources</h1><p>{_BODY}</p></body></html>")
    assert from_html(html)["title"] == "Superbugs: What They Are and How You Get Them"


def test_html_h1_made_of_the_site_name_words_is_its_banner():
    from analysis.metadata import from_html

    html = ("<html><head><title>Minecraft 1.8 - The Bountiful Update</title>"
            "<meta property='og:site_name' content='Minecraft Update News'></head><body>"
            f"<h1>Minecraft News</h1><h2>Minecraft 1.8 - The Bountiful Update</h2><p>{_BODY}</p></body></html>")
    assert from_html(html)["title"] != "Minecraft News"
    html_ai = html.replace("<h1>Minecraft News</h1>", "<h1>AI is here</h1>")   # short words: still a headline
    assert from_html(html_ai)["title"] == "AI is here"


def test_html_blog_name_h1_before_a_colon_in_the_title():
    from analysis.metadata import from_html

    html = ("<html><head><title>Silicon Exposed: Open Verilog flow for programmable logic</title>"
            "<meta property='og:title' content='Open Verilog flow for programmable logic'></head><body>"
            f"<h1>Silicon Exposed</h1><h3>Open Verilog flow for programmable logic</h3><p>{_BODY}</p></body></html>")
    assert from_html(html)["title"] == "Open Verilog flow for programmable logic"


_BODY = ("The city said on Tuesday that the bridge would reopen next week after two years of repairs, "
         "and that a ferry would keep running until the last lane is open to traffic again.")


def _dump_with_box(box: list[str], headline_shown: bool = True) -> str:
    lines = ["Bridge to reopen next week - The Daily Planet", "News", "Sport"]
    lines += ["Bridge to reopen next week"] if headline_shown else ["The Future of Bridges Is Backwards"]
    return "\n\n".join(lines + [_BODY, _BODY.replace("city", "council"), "Share This Story"] + box)


def test_an_about_the_author_box_gives_the_byline_when_none_is_near_the_headline():
    # session 7 (2026-12-04): Gizmodo's layout, the name under "About the author" after the article
    # (a name whose first word is in no first-name list, so only the box can make it the byline)
    box = ["About the author", "Quorvin Taltash", "Quorvin Taltash", "Writes about bridges."]
    assert from_dump(_dump_with_box(box))["author"] == "Quorvin Taltash"
    # the page's <title> names another headline than the one shown (the headline is not found)
    assert from_dump(_dump_with_box(box, headline_shown=False))["author"] == "Quorvin Taltash"
    # no label, a label over no name ("1 Fictions 8 Posts"), a one-word handle: no byline
    assert from_dump(_dump_with_box(box[1:]))["author"] is None
    assert from_dump(_dump_with_box(["About the author", "1 Fictions 8 Posts 0 Threads", "Sleyca"]))["author"] is None
    assert from_dump(_dump_with_box(["About the author", "Recent posts", "More stories"]))["author"] is None

"""The rules `analysis.extract` applies to trafilatura's output (issue 14, 2026-12-04): a newsletter
promo or comment-section start that ends the body, teaser lines, the page's header above the
headline, a body inside a layout table; and the dropped paragraphs kept with their reasons."""
from __future__ import annotations

from analysis.extract import (BodyRules, HtmlBody, RemovedParagraph, headline_header, html_body,
                              html_body_parts, in_layout_table, without_promos_and_teasers)

P1 = "The city council voted on Tuesday to close the old bridge to traffic for two years of repairs."
P2 = "Engineers said the steel frame had rusted through in several places since the last inspection."
P3 = "Residents will be able to cross on foot while a temporary ferry carries cars across the river."
P4 = "The mayor said the repairs would cost about twelve million dollars, paid for by the state."
PROMO = "Subscribe to our newsletter"
TEASER = "Read more: Why the old bridge was built in the first place"


def test_a_promo_ends_the_body_and_what_follows_is_kept_with_its_reason():
    result = without_promos_and_teasers([P1, P2, P3, PROMO, "Ferry times", "Top stories this week"])
    assert result == HtmlBody([P1, P2, P3], [RemovedParagraph(PROMO, "subscription"),
                                             RemovedParagraph("Ferry times", "after_end_marker"),
                                             RemovedParagraph("Top stories this week", "after_end_marker")])


def test_a_promo_inside_the_article_goes_alone_when_prose_resumes():
    result = without_promos_and_teasers([P1, P2, PROMO, P3, P4, P1 + " Again."])
    assert result.paragraphs == [P1, P2, P3, P4, P1 + " Again."]
    assert result.removed == [RemovedParagraph(PROMO, "subscription")]


def test_a_promo_near_the_start_never_ends_the_body():
    # most of the body's words come after it (LWN's "Subscribe to LWN" above the weekly edition)
    paragraphs = ["Weekly edition", PROMO, "Short line", P1, "Another short line", P2]
    result = without_promos_and_teasers(paragraphs)
    assert result.paragraphs == ["Weekly edition", "Short line", P1, "Another short line", P2]
    assert result.removed == [RemovedParagraph(PROMO, "subscription")]


def test_comments_start_ends_the_body_and_teasers_are_dropped():
    result = without_promos_and_teasers([P1, TEASER, P2, P3, "Leave a reply", P4])
    assert result.paragraphs == [P1, P2, P3]
    assert result.removed == [RemovedParagraph(TEASER, "teaser"), RemovedParagraph("Leave a reply", "comments"),
                              RemovedParagraph(P4, "after_end_marker")]


def test_the_rules_can_be_switched_off():
    off = BodyRules(end_at_promo=False, drop_teasers=False)
    assert without_promos_and_teasers([P1, TEASER, P2, PROMO, "x"], off).paragraphs == [P1, TEASER, P2, PROMO, "x"]


def test_headline_header():
    title = "Cat found in New Mexico after going missing in Oregon"
    url = "https://www.example.com/news/article/Cat-found-14848175.php"
    assert headline_header([url, title, P1], title, 60) == 2          # URL and headline: the header
    assert headline_header([title, P1], title, 60) == 1
    assert headline_header(["- " + title, P1], title, 60) == 1        # a bullet sign is ignored
    assert headline_header([P1, P2, title, P3], title, 60) == 3       # 34 words above: a standfirst
    assert headline_header([P1, P2, title, P3], title, 20) == 0       # too much text above it
    assert headline_header([P1, P2, P3, title], title, 100) == 0      # not among the first three
    assert headline_header([url, title, P1], title, None) == 0        # None: the first paragraph only
    assert headline_header([url, title, P1], None, 60) == 0


def test_in_layout_table():
    cell = " ".join(["word"] * 90) + " and the article ends here."
    assert in_layout_table(f"Headline\n| Amnesty. {cell} |")
    assert not in_layout_table("| Team | Won | Lost |\n| Rams | 7 | 3 |")
    assert not in_layout_table(f"Headline\n{cell}")                  # not a table row


def test_html_body_parts_keeps_every_dropped_paragraph_with_its_reason():
    page = ("<html><head><title>Bridge to close</title></head><body><article><h1>Bridge to close</h1>"
            f"<p>{P1}</p><p>{P2}</p><p>{TEASER}</p><p>{P3}</p><p>{P4}</p><p>{PROMO}</p>"
            "<p>Get the day's top headlines delivered to your inbox every morning.</p>"
            "</article></body></html>")
    result = html_body_parts(page, title="Bridge to close")
    assert result.paragraphs == [P1, P2, P3, P4]
    assert [r.reason for r in result.removed] == ["title", "teaser", "subscription", "after_end_marker"]
    assert html_body(page, title="Bridge to close") == result.paragraphs
    off = BodyRules(end_at_promo=False, drop_teasers=False, trim_edges=False)
    assert html_body(page, title="Bridge to close", rules=off) == [P1, P2, TEASER, P3, P4, PROMO,
        "Get the day's top headlines delivered to your inbox every morning."]
    # the promos closing the body are boilerplate at its end (trim_edges, session 7) without end_at_promo too
    assert html_body_parts(page, title="Bridge to close", rules=off._replace(trim_edges=True)).removed[-2:] == [
        RemovedParagraph(PROMO, "subscription"),
        RemovedParagraph("Get the day's top headlines delivered to your inbox every morning.", "subscription")]
    assert html_body_parts(None) == HtmlBody([], [])


def test_a_teaser_section_label_ends_the_body_or_is_an_in_body_box():
    from analysis.extract import without_teaser_sections

    teasers = ["Who will make the Rock Hall in 2020?", "Dave Matthews Band takes over Rock Hall Fan Vote"]
    result = without_teaser_sections([P1, P2, P3, "You may also like...", *teasers])
    assert result.paragraphs == [P1, P2, P3]
    assert result.removed == [RemovedParagraph(p, "after_end_marker") for p in ["You may also like...", *teasers]]
    # prose resumes after the label: the label and its teasers are a box inside the article
    result = without_teaser_sections([P1, "DON'T MISS", teasers[0], teasers[1], P2, P3, P4])
    assert result.paragraphs == [P1, P2, P3, P4]
    assert result.removed == [RemovedParagraph(p, "teaser") for p in ["DON'T MISS", *teasers]]
    # a longer line, a sentence, the first paragraph, or most of the body after it: not a label
    long_label = "Most read in world news"                                   # 5 words > 4
    assert without_teaser_sections([P1, P2, long_label, *teasers]).paragraphs == [P1, P2, long_label, *teasers]
    assert without_teaser_sections([P1, P2, long_label, *teasers], 6).paragraphs == [P1, P2]
    assert without_teaser_sections(["Related", P1, P2]).paragraphs == ["Related", P1, P2]
    assert without_teaser_sections([P1, "Related", *teasers, P2 + " " + P3 + " " + P4 + " " + P1]
                                   ).paragraphs == [P1, "Related", *teasers, P2 + " " + P3 + " " + P4 + " " + P1]
    assert without_teaser_sections([P1, P2, "You may also like...", *teasers], None).removed == []


def test_a_body_in_a_layout_table_cell_is_extracted_without_tables():
    from analysis.extract import extracted_text

    cell = "<br>".join([P1, P2, P3, P4] * 2)
    page = ("<html><body><table><tr><td>Home | News | Sport</td>"
            f"<td>Bridge to close November 20, 2019 {cell}</td></tr></table></body></html>")
    as_table = extracted_text(page, rules=BodyRules(layout_tables=False))
    assert as_table.startswith("| Home \\| News \\| Sport | Bridge to close November 20, 2019 " + P1 + " " + P2)
    assert in_layout_table(as_table)
    text = extracted_text(page)
    assert text.split("\n")[:3] == ["Home | News | Sport", "Bridge to close November 20, 2019 " + P1, P2]


def test_loaded_html_pages_keep_the_dropped_paragraphs_in_the_removed_table(tmp_path):
    import analysis

    body = "".join(f"<p>{p}</p>" for p in (P1, P2, P3, P4))
    page = (f"<html><head><title>Bridge to close for repairs</title></head><body><article>"
            f"<h1>Bridge to close for repairs</h1>{body}<p>{PROMO}</p><p>Ferry times</p></article></body></html>")
    (tmp_path / "bridge.html").write_text(page, encoding="utf-8")
    articles = analysis.load_articles(tmp_path)
    assert articles["text"].iat[0] == "\n\n".join([P1, P2, P3, P4])
    # the headline became the title (metadata), as a dump's headline line does
    assert articles["removed_paragraphs"].iat[0] == ("title\tBridge to close for repairs\nsubscription\t" + PROMO
                                                     + "\nafter_end_marker\tFerry times")
    assert articles["n_removed"].iat[0] == 3
    removed = analysis.removed_lines(articles)
    assert removed[["line", "text", "reason"]].values.tolist() == [[-1, "Bridge to close for repairs", "title"],
                                                                   [-1, PROMO, "subscription"],
                                                                   [-1, "Ferry times", "after_end_marker"]]


def test_a_longer_label_opens_an_in_body_box_but_never_ends_the_body():
    # 2026-12-04 (session 7): a label of 5-8 words is trusted only where prose resumes right after
    # it (dropping the label risks less than cutting the article's end)
    from analysis.extract import without_teaser_sections

    teasers = ["Who will make the Rock Hall in 2020?", "Dave Matthews Band takes over Rock Hall Fan Vote"]
    long_label = "Most read in world news"                                   # 5 words
    result = without_teaser_sections([P1, P2, long_label, P3, P4, P1 + " Again."], 4, 8)
    assert result == HtmlBody([P1, P2, P3, P4, P1 + " Again."], [RemovedParagraph(long_label, "teaser")])
    # at the end of the body it stays: more than 4 words is too long to end the article
    assert without_teaser_sections([P1, P2, long_label, *teasers], 4, 8).paragraphs == [P1, P2, long_label, *teasers]
    # None: the box label is as short as the section label (the rule before session 7)
    assert without_teaser_sections([P1, P2, long_label, P3, P4, P1 + " Again."], 4, None).removed == []
    nine_words = "Most read in world news this week and last"             # 9 words > 8
    assert without_teaser_sections([P1, nine_words, P2, P3, P4], 4, 8).removed == []


def test_boilerplate_at_the_body_s_ends_is_trimmed_with_its_reason():
    from analysis.extract import without_boilerplate_edges

    copyright_line = "Copyright 2019 The Bridge Gazette. All rights reserved."
    follow = "Follow NBC Latino on Facebook, Twitter and Instagram."
    result = without_boilerplate_edges(["Tempo de leitura: 2 minutos", P1, P2, follow, copyright_line])
    assert result == HtmlBody([P1, P2], [RemovedParagraph("Tempo de leitura: 2 minutos", "byline"),
                                         RemovedParagraph(follow, "share_buttons"),
                                         RemovedParagraph(copyright_line, "footer")])
    # inside the body the same lines stay; captions stay at the ends too; one paragraph always stays
    assert without_boilerplate_edges([P1, "Updated at 1:23 p.m.", P2]).removed == []
    assert without_boilerplate_edges([P1, "Photo: Reuters"]).removed == []
    assert without_boilerplate_edges(["Updated at 1:23 p.m."]).paragraphs == ["Updated at 1:23 p.m."]
    assert without_boilerplate_edges([P1, P2, "Updated at 1:23 p.m."]).removed == [
        RemovedParagraph("Updated at 1:23 p.m.", "timestamp")]
    # a sentence that starts with "Copyright" is the article's, not a footer (no digit, prose)
    lead = "Copyright law has not kept pace with artificial intelligence, experts said on Tuesday."
    assert without_boilerplate_edges([lead, P1, P2]).paragraphs == [lead, P1, P2]
    assert without_boilerplate_edges([P1, P2, "Copyright 2019 The Bridge Gazette."]).paragraphs == [P1, P2]


def test_html_body_parts_trims_the_edges_unless_switched_off():
    page = ("<html><head><title>Bridge to close</title></head><body><article><h1>Bridge to close</h1>"
            f"<p>{P1}</p><p>{P2}</p><p>{P3}</p>"
            "<p>Copyright 2019 The Bridge Gazette. All rights reserved.</p></article></body></html>")
    result = html_body_parts(page, title="Bridge to close")
    assert result.paragraphs == [P1, P2, P3]
    assert [r.reason for r in result.removed] == ["title", "footer"]
    assert html_body(page, title="Bridge to close", rules=BodyRules(trim_edges=False))[-1] == \
        "Copyright 2019 The Bridge Gazette. All rights reserved."

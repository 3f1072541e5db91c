"""Issue 14 (2026-12-04): the text-dump rules for comment forms, captions with their credits,
closing author bios and licence footers. Expected values checked by hand."""
from __future__ import annotations

import pytest

from analysis.clean import clean_dump, line_rule

from news_paragraphs import P1, P2, P3, P4  # noqa: E402


def _reasons(result) -> dict[int, str]:
    return {line: reason for line, _text, reason in result["removed"]}


@pytest.mark.parametrize("line", [
    "Regístrate o inicia sesión para comentar", "Enviá tu comentario", "Sign in to comment",
    "Log in to join the discussion", "4627 Comments. Click to view comments", "Ajouter un commentaire"])
def test_comment_form_prompts_end_the_article(line):
    assert line_rule(line) == ("comments", "hard_end")


@pytest.mark.parametrize("line, expected", [
    ("Note: we are temporarily moderating all comments submitted to deal with a surge in spam.",
     ("comments", "drop")),
    ("Los comentarios publicados son de exclusiva responsabilidad de sus autores y las consecuencias "
     "derivadas de ellos pueden ser pasibles de sanciones legales.", ("comments", "drop")),
    ("Please read our community guidelines before you comment.", ("comments", "drop")),
    # an article about moderation is not a notice to the reader
    ("The platform said it had hired 200 people to moderate comments on videos aimed at children.", (None, None)),
    ("Sign in to your account to change the settings.", (None, None)),
])
def test_comment_policy_notices(line, expected):
    assert line_rule(line) == expected


def test_comment_prompt_cuts_the_comment_section():
    comment = ("When will all of you realize what this council is doing, they tell the audience what they "
               "want to hear whether they will actually do it or not, look how many times.")
    raw = "\n".join([P1, "", P2, "", P3, "", "Regístrate o inicia sesión para comentar", "", comment, "", P4])
    result = clean_dump(raw)
    assert result["paragraphs"] == [P1, P2, P3]
    assert _reasons(result) == {6: "comments", 8: "after_end_marker", 10: "after_end_marker"}


@pytest.mark.parametrize("line, expected", [
    ("Rep. Ilhan Omar, D-Minn., speaks at the Capitol on July 25, 2019. J. Scott Applewhite / AP file", "caption"),
    ("Security forces secure the area after gunmen attacked the famed museum in the capital on "
     "Wednesday morning. Fethi Belaid/AFP/Getty Images", "caption"),
    ("16-inch MacBook Pro's new scissor switch keyboard via iFixit", "caption"),
    ("The view from the summit via Flickr.com", "caption"),
    ("Courtesy of Andrew Vaughan", "caption"),
    ("Courtesy of Andrew Vaughan, who lent us the photo.", None),   # a sentence
    ("Tickets go on sale Friday via Live Nation.", None),           # a sentence
    ("Send the form via email", None),
    ("The help line is open 24/7 and answers calls in English and Spanish from anywhere in the state", None),
])
def test_caption_credit_rules(line, expected):
    assert line_rule(line)[0] == expected


def test_caption_directly_above_a_removed_credit_goes_too():
    caption = ("Teachers wearing red carry signs as they rally at the Statehouse in Indianapolis, Tuesday, "
               "Nov. 19, 2019, calling for higher pay in the biggest such protest in the state.")
    raw = "\n".join([P1, "", P2, "", caption, "Michael Conroy, AP", "", P3, "", P4])
    result = clean_dump(raw)
    assert result["paragraphs"] == [P1, P2, P3, P4]
    assert _reasons(result) == {4: "caption", 5: "caption"}
    # a paragraph a blank line above a credit is not its caption
    raw = "\n".join([P1, "", P2, "", caption, "", "Michael Conroy, AP", "", P3, "", P4])
    result = clean_dump(raw)
    assert result["paragraphs"] == [P1, P2, caption, P3, P4]
    assert _reasons(result) == {6: "caption"}


@pytest.mark.parametrize("line, expected", [
    ("Jeff Foust (jeff@example.com) is the editor and publisher of The Space Review.", "author_bio"),
    ("NRO contributor Victor Davis Hanson is the Martin and Illie Anderson Senior Fellow at the Hoover "
     "Institution.", "author_bio"),
    ("Pamela Wilson is an online educator, author, keynote speaker, and the founder of a brand studio.",
     "author_bio"),
    ("Her book is out now. Follow her on Twitter @janedoe.", "author_bio"),
    ("Contact Mark Di Stefano at mark.distefano@example.com", "author_bio"),
    ("I am a writer, journalist and professor of public health.", "author_bio"),
    ("James Akinaka arrives at Fandom by way of Wookieepedia. He covers Star Wars and animation.", "author_bio"),
    (P1, None),
    ("The mayor is a former teacher who grew up in the eastern suburbs.", None),
    ("Fans can follow the team on Twitter for updates on the tour.", None),
])
def test_author_bio_forms(line, expected):
    from analysis.cleaning.rules import closing_rule

    assert closing_rule(line) == expected


def test_author_bio_forms_only_where_the_body_ends():
    bio = "Jane Doe (jane@example.com) is the editor of the Transit Review. Follow her on Twitter @janedoe."
    result = clean_dump("\n".join([P1, "", P2, "", P3, "", bio]))
    assert result["paragraphs"] == [P1, P2, P3]
    assert _reasons(result) == {6: "author_bio"}
    result = clean_dump("\n".join([P1, "", bio, "", P2, "", P3]))
    assert result["paragraphs"] == [P1, bio, P2, P3]


@pytest.mark.parametrize("line, expected", [
    ("Portions of this content are ©1998–2015 by individual mozilla.org contributors. Content available "
     "under a Creative Commons license.", ("footer", "drop")),
    ("This website and all documents on it are licensed under a Creative Commons Attribution-Share Alike "
     "3.0 United States License.", ("footer", "drop")),
    ("Except as otherwise noted, any code samples from the project are licensed under a BSD-style license.",
     ("footer", "drop")),
    ("This document is subject to copyright. Apart from any fair dealing for the purpose of private study "
     "or research, no part may be reproduced without the written permission.", ("footer", "drop")),
    # an article's own sentences about licences
    ("The library is licensed under the MIT license, so companies can ship it in their products.", (None, None)),
    ("Network Security Services is tri-licensed under the Mozilla Public License, the GNU General Public "
     "License and the GNU Lesser General Public License.", (None, None)),
])
def test_licence_notices(line, expected):
    assert line_rule(line) == expected


def test_standfirst_above_a_dateline_found_by_metadata_is_left_out():
    standfirst = "The council says four new routes will open while residents ask why theirs was left out."
    raw = "\n".join([standfirst, "", "20 Nov 2019 08:00 GMT", "", P1, "", P2, "", P3])
    result = clean_dump(raw, skip={2: "dateline"})
    assert result["paragraphs"] == [P1, P2, P3]
    assert _reasons(result) == {0: "before_start", 2: "dateline"}
    result = clean_dump(raw, skip={2: "caption"})          # any other removed line: no standfirst
    assert result["paragraphs"] == [standfirst, P1, P2, P3]


@pytest.mark.parametrize("line, expected", [
    ("If you enjoyed this article, we have a proposition for you: Join NRPLUS. Members get all of our content.",
     "subscription"),
    ("Get access to India's fastest growing financial subscriptions service for as little as Rs 599 for "
     "first year.", "subscription"),
    ("In each episode of his weekly show, the host will delve a little deeper into politics. Click to subscribe!",
     "subscription"),
    ("If you enjoyed this article, you will like the author's new book about the transit strike.", None),
    ("Get access to the park from the north gate, where the new bus route stops.", None),
])
def test_member_promos(line, expected):
    assert line_rule(line)[0] == expected


def test_member_promo_inside_the_body_is_crossed():
    promo = "If you value our journalism, please support us: become a member today for as little as $5 a month."
    result = clean_dump("\n".join([P1, "", P2, "", promo, "", P3, "", P4, "", P1.replace("Tuesday", "Monday")]))
    assert result["paragraphs"] == [P1, P2, P3, P4, P1.replace("Tuesday", "Monday")]
    assert _reasons(result) == {4: "subscription"}


@pytest.mark.parametrize("line, expected", [
    ("Sakib Ali/Hindustan Times/Getty Images", "caption"),
    ("Michael Conroy, AP", "caption"),
    ("Submitted photo", "caption"),
    ("A crowd outside the court (Reuters )", "caption"),
    ("Protesters outside the court on Monday. (AP Photo)", "caption"),
    ("The map was drawn by a local chap", None),          # ends in "ap" inside a word
    ("Officials from the EPA visited the plant", None),   # "epa" must end the line
])
def test_agency_credit_ending_prefilter_keeps_the_verdicts(line, expected):
    assert line_rule(line)[0] == expected


def test_author_bio_is_tried_only_where_the_body_ends():
    from analysis.cleaning.rules import closing_rule

    bio = "Phil Helsel is a reporter for NBC News."
    assert line_rule(bio) == (None, None)
    assert closing_rule(bio) == "author_bio"
    result = clean_dump("\n".join([P1, "", P2, "", P3, "", bio]))
    assert result["paragraphs"] == [P1, P2, P3]
    assert _reasons(result) == {6: "author_bio"}


@pytest.mark.parametrize("line, expected", [
    ("Previous article These Weeks in Firefox: Issue 84 December 8, 2020", ("after_end_marker", "end")),
    ("← Previous: Chasing Quick Fixes To Sustainability", ("after_end_marker", "end")),
    ("Next Post: Tech Level course to help young mechanics", ("after_end_marker", "end")),
    ("Next On BuzzFeed News ›", ("after_end_marker", "end")),
    ("Next week the council will vote on the second part of the plan", (None, None)),
    ("Older posts are kept in the archive for ten years", (None, None)),
    ("Next time you feel like binge eating, pick up the phone and call a trusted friend.", (None, None)),
])
def test_post_navigation(line, expected):
    assert line_rule(line) == expected


def test_post_navigation_ends_the_article():
    raw = "\n".join([P1, "", P2, "", P3, "", "Previous post: Bus drivers vote to accept new contract", "",
                     "Next post: Library hours extended for the summer", "", P4])
    result = clean_dump(raw)
    assert result["paragraphs"] == [P1, P2, P3]
    assert _reasons(result) == {6: "after_end_marker", 8: "after_end_marker", 10: "after_end_marker"}

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

"""The `DumpPage` record: a page's lines and the metadata the dump passes found in them (the
passes live beside their rules in titles, bylines, dates, captions; `dump.read_dump` runs them)."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

KEYS = ("title", "author", "published", "read_time_min", "caption", "photo_credit", "outlet", "url")


@dataclass(slots=True)
class DumpPage:
    """A page's lines and the metadata the passes found in them."""

    text: list[str]                  # stripped lines (an over-long line blanked)
    nonblank: list[int]              # numbers of the non-blank lines
    pos: dict[int, int]              # line number -> index in nonblank
    i0: int | None                   # the first non-blank line (the <title> in a dump)
    site_names: tuple = ()           # names of the site known beforehand (HTML metadata)
    first_is_title: bool = True      # a dump's first line is the page's <title>
    year_hint: int | None = None     # the year of the metadata date (HTML), for dates without one
    locale: str | None = None        # the page's locale (HTML lang / og:locale: "en-US"), if known
    month_first: bool | None = None  # numeric dates month first (dates._numeric_order, read when needed)
    locale_checked: bool = False     # month_first was looked for
    title0: str = ""                 # the <title> without its site suffix (or the given hint)
    t0_full: str = ""                # the first line as printed
    t0_banner: bool = False          # the first line is a banner (sentences, no site suffix), not a <title>
    outlet: str | None = None        # the site the first line names
    outlet_hint: str | None = None   # outlet or the first known site name (to clean bylines, credits)
    h: int | None = None             # the headline line
    first_named: int | None = None   # the first title-shaped line over a name and a date/clock line, body below
    region: list[int] = field(default_factory=list)   # lines around the headline holding metadata
    marks: dict[int, str] = field(default_factory=dict)   # line -> reason (title, byline, ...)
    title: str | None = None
    author: str | None = None
    by_idx: int | None = None        # the byline line
    published: object = None         # pandas.Timestamp
    pub_class: int | None = None     # dates.PUBLISHED, PLAIN or UPDATED: how the chosen date is labelled
    tz: str | None = None            # time zone printed with the chosen date ("CST")
    pub_above: bool | None = None    # the chosen date is printed above the headline
    rel_clock: int | None = None     # minutes after midnight of a "Today 12:01 AM" line (no date)
    read_time_min: int | None = None
    caption: str | None = None
    photo_credit: str | None = None
    strength: Callable[[str], float] | None = None   # how surely a line marks the header (dump.anchor_strength)
    _anchors: dict[int, float] = field(default_factory=dict)

    def anchor(self, i: int) -> float:
        """`strength` of line i (cached per page)."""
        a = self._anchors.get(i)
        if a is None:
            a = self._anchors[i] = self.strength(self.text[i])
        return a

    def anchor_dist(self, i: int, before: int = 4, after: int = 14):
        """Nonblank lines from line i to the nearest byline/date line (None if none is near)."""
        k = self.pos[i]
        best = None
        for j in self.nonblank[max(0, k - before):k] + self.nonblank[k + 1:k + 1 + after]:
            a = self.anchor(j)
            if a:
                # lines above count double; a bare machine timestamp (leaked metadata, repeated in
                # hidden copies of the headline) counts as two lines further than a printed date
                d = abs(self.pos[j] - k) + (2 if j < i else 0) + (2 if a < 1 else 0)
                best = d if best is None else min(best, d)
        return best

    def result(self) -> dict:
        """The `from_dump` dict: KEYS, then `lines` (line number -> reason)."""
        return {"title": self.title, "author": self.author, "published": self.published,
                "read_time_min": self.read_time_min, "caption": self.caption,
                "photo_credit": self.photo_credit, "outlet": self.outlet, "url": None,
                "lines": self.marks}

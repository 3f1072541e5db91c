"""The cleaner's layout passes: teaser cards, photo captions, "Read more" buttons, end markers
(barriers or in-body boxes) and lists, found from the grouping of a dump's lines between blank
lines (part of `analysis.clean`)."""
from __future__ import annotations

import re
from collections import Counter

from analysis.cleaning.lines import GOOD, SENTENCE_END, SHORT, Line, terminal
from analysis.cleaning.rules import load_rules, player_lines

_CUT_MID = re.compile(r"(?<=[^\s.])(…|\.\.\.)\Z")               # ... right after a word: cut mid-text

CARD_HEAD_MAX_WORDS = 20     # headline of a card in a block of teaser cards
HEADLINE_MAX_WORDS = 25      # a teaser's headline
SNIPPET_MIN_WORDS = 8        # a teaser's snippet
CREDIT_MAX_WORDS = 8         # a photo credit under its caption
CAPTION_MIN_WORDS = 4        # a photo caption above its credit
READ_MORE_MAX_CHARS = 20     # a "Read more" button under a snippet
CUT_SNIPPET_MIN_CHARS = 150  # a line ending in " …" this long is a cut snippet
RESUME_LOOKAHEAD = 80        # lines after an end marker searched for resumed prose
RESUME_MAX_SHORT = 15        # non-prose lines after the marker before giving up
RESUME_LINES = 3             # prose lines in a row that show the article resumed
RESUME_HEADING_MAX_WORDS = 15  # ... crossing one sub-heading of at most this many words ("it", "s" count two)
PROSE_BEFORE_LOOKBACK = 12   # lines before an end marker searched for the running article
LIST_MAX_ITEMS = 80          # items of one list introduced by a line ending in ":"
BULLET_MIN_ITEMS = 5         # a bulleted list: this many lines in a row starting with one bullet sign ...
BULLET_MIN_WORDS = 3.0       # ... of at least this many words on average (a menu's items have one or two)
_BULLET = re.compile(r"([-+*•·–▪◦])\s+\w")                      # "+ Added …", "• Salt", "- Fixed …"
_BULLET_SIGNS = frozenset("-+*•·–▪◦")
_BULLET_AFTER_NEWLINE = re.compile(r"\n[ \t]*[-+*•·–▪◦][ \t]+\w")   # a literal first: fast


def has_bullet_lines(page: str) -> bool:
    """At least BULLET_MIN_ITEMS lines of the page start with a bullet sign (one scan in C: most
    pages have none, and `mark_bullet_lists` need not run)."""
    found = 0
    for _ in _BULLET_AFTER_NEWLINE.finditer("\n" + page):     # the first line too
        found += 1
        if found >= BULLET_MIN_ITEMS:
            return True
    return False
GALLERY_MIN_SLIDES = 3       # slide counters ("1/50", "2 of 50") in sequence that make a gallery ...
GALLERY_MIN_TOTAL = 5        # ... of at least this many slides ("1/4 cup", "2/4 cup" is a recipe)
_SLIDE_COUNTER = re.compile(r"(?:[-•*]\s*)?(\d{1,3})\s*(?:/|of)\s*(\d{1,3})(?!\d|/|\.\d|,\d)", re.IGNORECASE)


def _credit_like(text: str) -> bool:
    """A photo credit: has a '/' or '©', or most of its words are capitalised (names, agencies)."""
    if "/" in text or "©" in text:
        return True
    words = [w for w in text.split() if w[:1].isalpha()]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def group_blocks(records: list[Line]) -> dict[int, list[Line]]:
    groups: dict[int, list[Line]] = {}
    for line in records:
        groups.setdefault(line.block, []).append(line)
    return groups


def is_blank_separated(records: list[Line], groups: dict[int, list[Line]]) -> bool:
    """True when most prose lines stand alone between blank lines (paragraphs a blank line apart)."""
    isolated_good = sum(1 for g in groups.values() if len(g) == 1 and g[0].cls == GOOD)
    all_good = sum(1 for line in records if line.cls == GOOD)
    return all_good > 0 and isolated_good >= 0.5 * all_good


def _is_card_block(group: list[Line]) -> bool:
    """A block of teaser cards: headline, snippet, headline, snippet, ... without blank lines."""
    heads = [not line.terminal and len(line.toks) <= CARD_HEAD_MAX_WORDS for line in group]
    return all(heads[x] != heads[x + 1] for x in range(len(group) - 1)) and \
        all(line.cls != SHORT for line, head in zip(group, heads) if not head)


def _mark_caption_over_credit(group: list[Line], head: Line, credit: Line, blank_separated: bool) -> None:
    """A caption directly above the photo credit a rule already removed ("Michael Conroy, AP",
    "Courtesy of Jane Doe"), the two alone between blank lines: the caption goes too, even a full
    sentence (2026-12-04)."""
    if blank_separated and len(group) == 2 and head.soft is None and not head.end \
            and len(head.toks) >= CAPTION_MIN_WORDS and len(credit.toks) <= CREDIT_MAX_WORDS:
        head.soft = "caption"


def _mark_pair(group: list[Line], x: int, blank_separated: bool) -> None:
    """Teaser card or photo caption from the lines group[x] (headline/caption) and group[x+1]."""
    head, snip = group[x], group[x + 1]
    if snip.reason == "caption" and head.reason is None:
        _mark_caption_over_credit(group, head, snip, blank_separated)
        return
    if head.reason is not None or snip.reason is not None:
        return
    if head.text == snip.text and len(head.toks) <= HEADLINE_MAX_WORDS and not SENTENCE_END.search(head.text):
        # a card repeating its headline (image alt text + link), then its snippet
        head.soft = snip.soft = "teaser"
        if x + 2 < len(group) and group[x + 2].reason is None and group[x + 2].cls != SHORT:
            group[x + 2].soft = "teaser"
        return
    pair = blank_separated and len(group) == 2
    head_like = len(head.toks) <= HEADLINE_MAX_WORDS and not head.terminal or head.text.endswith("?")
    if head_like and len(snip.toks) >= SNIPPET_MIN_WORDS and (snip.cut_off or (pair and not snip.terminal)):
        head.soft = snip.soft = "teaser"
    elif (pair and len(snip.toks) <= CREDIT_MAX_WORDS and not snip.terminal and snip.cls != GOOD
          and len(head.toks) >= CAPTION_MIN_WORDS and head.soft is None and _credit_like(snip.text)):
        head.soft = snip.soft = "caption"


def mark_cards_and_captions(groups: dict[int, list[Line]], blank_separated: bool) -> None:
    """Teaser cards (headline + cut-off snippet) and photo captions (caption + credit) found from
    the grouping of lines between blank lines."""
    for group in groups.values():
        if len(group) < 2:
            continue
        if blank_separated and len(group) >= 4 and _is_card_block(group):
            for line in group:
                if line.reason is None:
                    line.soft = "teaser"
            continue
        for x in range(len(group) - 1):
            _mark_pair(group, x, blank_separated)


def mark_read_more(records: list[Line]) -> None:
    """A "Read more" button under a snippet cut mid-sentence: snippet and headline are a teaser."""
    for k in range(1, len(records)):
        button, snippet = records[k], records[k - 1]
        if button.reason == "teaser" and button.nchar <= READ_MORE_MAX_CHARS and snippet.reason is None \
                and snippet.cls != GOOD and len(snippet.toks) >= SNIPPET_MIN_WORDS and not snippet.terminal:
            snippet.soft = "teaser"
            if k >= 2:
                head = records[k - 2]
                if head.reason is None and len(head.toks) <= HEADLINE_MAX_WORDS \
                        and not SENTENCE_END.search(head.text):
                    head.soft = "teaser"


def mark_cut_snippets(records: list[Line]) -> None:
    """A lone snippet cut off: ellipsis glued to the last word, or a long line ending in " …"
    (a short line ending in " …" is usually the writer's own suspense)."""
    for line in records:
        if line.reason is None and line.soft is None and line.cls != GOOD and line.cut_off \
                and (_CUT_MID.search(line.text) or line.nchar >= CUT_SNIPPET_MIN_CHARS) \
                and len(line.toks) >= SNIPPET_MIN_WORDS:
            line.soft = "teaser"


def _clean_prose(line: Line) -> bool:
    return line.cls == GOOD and line.reason is None and line.soft is None


def _crossable(line: Line) -> bool:
    """A sub-heading (no rule removed it, not a teaser, at most RESUME_HEADING_MAX_WORDS words
    without sentence punctuation) or a photo caption between resumed paragraphs."""
    if line.end:
        return False
    if line.reason == "caption" or line.soft == "caption":
        return True
    return line.reason is None and line.soft is None and len(line.toks) <= RESUME_HEADING_MAX_WORDS \
        and not terminal(line.text)


def _prose_resumes(records: list[Line], k: int) -> bool:
    """3 prose lines in a row soon after the end marker at k (a list of teaser cards alternates
    headline, author and snippet lines instead); one sub-heading or photo caption among them is
    crossed (`_crossable`: "prose, prose, heading, prose"), a second one starts the count again."""
    n = len(records)
    j, short_run, resumed, crossed = k + 1, 0, 0, False
    while j < n and j < k + RESUME_LOOKAHEAD and short_run <= RESUME_MAX_SHORT:
        line = records[j]
        if line.end and (line.hard or resumed):
            break
        if _clean_prose(line) and not line.end:
            resumed += 1
            if resumed >= RESUME_LINES:
                break
        elif resumed == 0:
            short_run += 1
        elif not crossed and _crossable(line):
            crossed = True
        else:
            resumed, crossed = 0, False
            short_run += 1
        j += 1
    return resumed >= RESUME_LINES


def _prose_before(records: list[Line], k: int) -> bool:
    """The article was running just before the marker at k: prose among the previous three
    lines that no rule removed."""
    before, j = 0, k - 1
    while j >= 0 and before < 3 and j > k - PROSE_BEFORE_LOOKBACK:
        line = records[j]
        if line.end:
            j -= 1
            continue
        if line.reason is None and line.soft is None:
            if line.cls != SHORT:
                break
            before += 1
        j -= 1
    return j >= 0 and j > k - PROSE_BEFORE_LOOKBACK and before < 3 and not records[j].end \
        and records[j].cls != SHORT


def place_barriers(records: list[Line]) -> None:
    """End markers: a barrier unless the article's prose resumes right after the marker; then
    the marker and the non-prose lines up to the resumed prose are an in-body box."""
    n = len(records)
    for k, line in enumerate(records):
        if not line.end:
            continue
        if line.hard:
            line.barrier = True
            continue
        if _prose_resumes(records, k) and _prose_before(records, k):
            j = k + 1
            while j < n and not _clean_prose(records[j]):
                records[j].box = True
                j += 1
        else:
            line.barrier = True


def mark_bullet_lists(records: list[Line]) -> None:
    """Lines of a bulleted list whose bullets the dump kept ("+ Added …", "* Fixed …": a changelog,
    ingredients, a list of points) are content, not a menu: at least BULLET_MIN_ITEMS lines in a
    row start with the same bullet sign and hold BULLET_MIN_WORDS words on average. A browser does
    not copy the bullets of an HTML list, so such signs are the page's own text."""
    k, n = 0, len(records)
    while k < n:
        text = records[k].text
        m = _BULLET.match(text) if text[0] in _BULLET_SIGNS else None   # most lines: one set test
        if m is None:
            k += 1
            continue
        sign, j = m.group(1), k + 1
        while j < n and records[j].text[:1] == sign and _BULLET.match(records[j].text):
            j += 1
        items = [line for line in records[k:j] if line.reason is None and not line.end]
        if len(items) >= BULLET_MIN_ITEMS and sum(len(line.toks) for line in items) >= BULLET_MIN_WORDS * len(items):
            for line in items:
                line.bullet = True
        k = j


def mark_lists(records: list[Line], groups: dict[int, list[Line]]) -> None:
    """Short lines inside a run of short lines (menus, link lists) weigh more than a lone short
    line between paragraphs (a sub-heading or list item); a list introduced by a line ending in
    ":" (tour dates, steps): the lines of the group that follows it are list items, not a menu."""
    for group in groups.values():
        if len(group) >= 3 and sum(line.cls == SHORT for line in group) * 2 > len(group):
            for line in group:
                line.run_short = True
    for k in range(len(records) - 1):
        intro = records[k]
        if intro.reason is None and intro.text.endswith(":") and len(intro.toks) >= 3:
            items = [line for line in groups[intro.block] if line.index > k]
            if not items and records[k + 1].block == intro.block + 1:
                items = groups.get(intro.block + 1, [])
            for line in items[:LIST_MAX_ITEMS]:
                if line.reason is not None or line.end:
                    break
                line.list_item = True
                line.run_short = False


def gallery_lines(texts: list[str]) -> set[int]:
    """Positions of the lines of photo galleries: runs of at least GALLERY_MIN_SLIDES lines that
    start with a slide counter of one total ("1/50 United goin down ...", "- 2/50 ...", "3 of 50"),
    counting up, and the lines between them (each slide's headline and caption). A lone "9/11"
    or a date never makes a run."""
    found: set[int] = set()
    run: list[int] = []
    total = last = 0

    def close() -> None:
        if len(run) >= GALLERY_MIN_SLIDES:
            found.update(range(run[0], run[-1] + 1))

    for k, text in enumerate(texts):
        first = text[:1]
        if not (first.isdigit() or first in "-•*"):
            continue
        m = _SLIDE_COUNTER.match(text)
        if not m:
            continue
        n, of = int(m.group(1)), int(m.group(2))
        if not 1 <= n <= of or of < GALLERY_MIN_TOTAL:
            continue
        if run and of == total and n == last + 1:
            run.append(k)
        else:
            close()
            run = [k]
            total = of
        last = n
    close()
    return found


_COUNTER_AT_START = re.compile(r"[ \t]*(?:[-•*][ \t]*)?(\d{1,3})[ \t]*(?:/|of)[ \t]*(\d{1,3})(?!\d)", re.IGNORECASE)
_COUNTER_AFTER_NEWLINE = re.compile(r"\n" + _COUNTER_AT_START.pattern, re.IGNORECASE)   # a literal first: fast


def has_slide_counter(page: str) -> bool:
    """Lines of `page` start with slide counters ("1/50", "- 2 of 9") of one total of at least
    GALLERY_MIN_TOTAL, at least GALLERY_MIN_SLIDES of them (one scan of the page; `gallery_lines`
    then checks that they count up)."""
    counters = _COUNTER_AFTER_NEWLINE.findall(page)
    if len(counters) + 1 < GALLERY_MIN_SLIDES:
        return False
    first = _COUNTER_AT_START.match(page)
    if first:
        counters.append(first.groups())
    totals = Counter(of for n, of in counters if 1 <= int(n) <= int(of) and int(of) >= GALLERY_MIN_TOTAL)
    return bool(totals) and max(totals.values()) >= GALLERY_MIN_SLIDES


def mark_galleries_and_player(records: list[Line], raw: str) -> None:
    """Photo galleries (`gallery_lines`) are captions and a video player's control texts
    (`rules.player_lines`) audio notices, never body. Both look at `raw` (the dump) first:
    most pages have neither."""
    texts = None
    if has_slide_counter(raw):
        texts = [line.text for line in records]
        for k in gallery_lines(texts):
            if records[k].reason is None:
                records[k].reason = "caption"
    player = player_lines(texts or [line.text for line in records], raw) if any(
        marker in raw for marker in load_rules().player_markers) else ()
    for k in player:
        if records[k].reason is None:
            records[k].reason = "audio_notice"

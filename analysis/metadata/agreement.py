"""Agreement of the two metadata paths (text dump and HTML) on pages saved both ways."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from analysis.metadata.dump import from_dump
from analysis.metadata.html import from_html

if TYPE_CHECKING:
    import pandas as pd


def agreement(pages_dir) -> "pd.DataFrame":
    """Per page of a folder holding `<id>.txt` and `<id>.html.gz` of the same pages: title, author
    and published from both paths and whether they agree (the check written up in docs/metadata.md)."""
    import gzip

    import pandas as pd

    rows = []
    for txt in sorted(Path(pages_dir).glob("*.txt")):
        html = txt.with_name(txt.name[:-4] + ".html.gz")
        if not html.exists():
            continue
        d = from_dump(txt.read_text(encoding="utf-8", errors="replace"))
        with gzip.open(html, "rt", encoding="utf-8", errors="replace") as fh:
            h = from_html(fh.read())
        row = {"page": txt.name[:-4]}
        for key in ("title", "author", "published"):
            row[f"{key}_txt"], row[f"{key}_html"] = d[key], h[key]
            row[f"{key}_same"] = d[key] == h[key] if d[key] is not None and h[key] is not None \
                else d[key] is None and h[key] is None
        row["published_same_day"] = (d["published"] is not None and h["published"] is not None
                                     and d["published"].normalize() == h["published"].normalize())
        rows.append(row)
    return pd.DataFrame(rows)

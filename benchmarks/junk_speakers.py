"""List the implausible speaker strings the kit names on PolNeAR's dev part (issue 13: a speaker is
a person, an organisation or a described group, never a fragment of a sentence), by class, with counts.

    .venv/bin/python benchmarks/junk_speakers.py              # dev part: classes, sizes, strings
    .venv/bin/python benchmarks/junk_speakers.py --json out.json

Only the dev part of benchmarks/validate_polnear.py's split (the test part is never read here).
Classes (a speaker string is put in the first that fits; all rows of every kind are read):
- `function`: one capitalised word that is a closed-class word (sourcing_words.csv's function,
  determiner, pronoun, possessive ... words), an interrogative, a number word or a sentence adverb
  (Why, According, One, His, Back, Eleven, Maybe); an interrogative, adverb or conjunction followed
  by anything (`Maybe Trump`, `Why Obama`, `But supporters`); a determiner or number followed by one
  capitalised word not ending in -s (`Six Trump`, `One BLM`; `Other Republicans` is a group);
- `headline`: two or more all-capitals words of five or more letters, or one all-capitals word of
  six or more letters alone (`RUSSIANS SPARED FULL BAN`, `ABILITY`);
- `headline_verb`: a capitalised run whose last word is a capitalised speech verb form in -s or
  `Told` / `Said`, or a preposition (not a place: `United States`) (`Bush Says`, `Sanders Told`, `ESPN Fires Schilling Over`);
- `place`: a US state or a country alone (`Vermont`, `New York`; analysis/data/us_states.csv and
  the kit's countries), as the speaker of a direct quote;
- `role_word`: one capitalised adjective or role word alone (`Presidential`, `Supreme`, `State`).
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from analysis import quotes as _q  # noqa: E402
from analysis.sourcing import article_attributions  # noqa: E402
from analysis.sourcing.referents import is_place_name  # noqa: E402
from validate_polnear import DATA, part_of, read_articles  # noqa: E402

INTERROGATIVES = frozenset("why what how when where who whom whose which maybe perhaps according back "
                           "yet still also even just only instead indeed".split())
NUMBERS = frozenset("one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
                    "fifteen twenty thirty forty fifty hundred thousand million".split())
CONJUNCTIONS = frozenset("but and or if while though although because amid even".split())
PREPOSITIONS = frozenset("over on in at of for to from with by about against after before".split())


def _closed_words() -> frozenset:
    path = ROOT / "analysis" / "data" / "sourcing_words.csv"
    rows = csv.DictReader(line for line in path.open(encoding="utf-8") if not line.startswith("#"))
    keep = {"function", "determiner", "pronoun", "possessive", "indefinite", "adverb", "opening_adverbial"}
    return frozenset(r["word"].lower() for r in rows if r.get("kind") in keep) | INTERROGATIVES | NUMBERS


def _speech_forms() -> frozenset:
    path = ROOT / "analysis" / "data" / "speech_verbs.csv"
    rows = csv.DictReader(line for line in path.open(encoding="utf-8") if not line.startswith("#"))
    return frozenset(r["form"].lower() for r in rows)


def junk_class(speaker: str, kind: str, closed, forms) -> str | None:
    """The junk class of one speaker string (see the module docstring), or None when plausible."""
    words = speaker.split()
    if not words or not words[0][:1].isupper():
        return None
    first = words[0].lower().strip(".,'")
    if first in closed and (len(words) == 1 or first in INTERROGATIVES or first in CONJUNCTIONS or (
            len(words) == 2 and words[1][:1].isupper() and not words[1].endswith("s"))):
        return "function"
    caps = [w for w in words if w.isalpha() and w.isupper() and len(w) >= 5]
    if len(caps) >= 2 or (len(words) == 1 and caps and len(words[0]) >= 6):
        return "headline"
    if kind == "direct" and is_place_name(speaker):
        return "place"
    last = words[-1]
    verb = last.lower() in forms and (last.endswith("s") or last.lower() in {"told", "said"})
    if len(words) >= 2 and last[:1].isupper() and (verb or last.lower() in PREPOSITIONS) and not is_place_name(speaker):
        return "headline_verb"
    if len(words) == 1 and last.lower().endswith(("al", "ial", "ic")) or speaker in {"State", "Supreme"}:
        return "role_word"
    return None


def junk_speakers(arts: list[dict], verbose: bool = False) -> dict[str, Counter]:
    """{class: Counter(speaker string -> rows)} over the given articles' attribution rows."""
    closed, forms = _closed_words(), _speech_forms()
    found: dict[str, Counter] = defaultdict(Counter)
    for art in arts:
        for row in article_attributions(_q.clean_body(art["text"])):
            cls = junk_class(row.speaker, row.kind, closed, forms) if row.speaker else None
            if cls:
                found[cls][row.speaker] += 1
                if verbose:
                    print(f"{cls:13s} {row.speaker!r:30s} {row.kind:9s} {art['id']}  {row.text[:60]!r}")
    return found


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(DATA))
    ap.add_argument("--json", help="also write {class: {speaker: rows}} to this file")
    ap.add_argument("--rows", action="store_true", help="also print each junk row (class, speaker, kind, article)")
    args = ap.parse_args(argv)
    arts = read_articles(args.data)
    if arts is None:
        return 1
    found = junk_speakers([a for a in arts if part_of(a["id"]) == "dev"], args.rows)
    total = sum(sum(c.values()) for c in found.values())
    print(f"junk speakers on dev: {sum(len(c) for c in found.values())} distinct strings, {total} rows")
    for cls, counter in sorted(found.items(), key=lambda kv: -sum(kv[1].values())):
        print(f"\n{cls}: {len(counter)} distinct, {sum(counter.values())} rows")
        for who, n in counter.most_common():
            print(f"  {n:4d}  {who}")
    if args.json:
        Path(args.json).write_text(json.dumps({k: dict(v) for k, v in found.items()}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

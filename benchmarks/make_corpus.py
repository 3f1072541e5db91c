"""Build a benchmark corpus of N realistic news-page text dumps (what `bash run.sh` reads).

Bodies are real: the 111 human-marked article bodies of ../shared/corpus/reference.jsonl plus the
seed's clean body. Each page takes one body, varies it (paragraphs partly reordered, sometimes a
few paragraphs of another article mixed in, sometimes cut shorter, and about 8% of its plain
lower-case words swapped for other words of the same article, so that no two pages share a sentence and
no cache can reuse work across pages, as in a real corpus), and wraps it in the
boiler-plate of one of a dozen made-up outlets: promo banner, navigation menu, title, byline
with date and "N min read", photo caption with credit, teaser cards and a newsletter box between
paragraphs, a "related"/"more news" block and a footer. Pages of one outlet share most of their
menu and footer lines (as real sites do), so the loader's repeated-line learning has work to do.

Deterministic for a given --seed. Pages go to OUT/<outlet>/<number>.txt (one folder per outlet,
like a scrape); --jsonl also writes OUT.jsonl with the clean bodies (id, url, outlet, title,
author, published, body) for the JSONL/Dask paths.

    .venv/bin/python benchmarks/make_corpus.py 10000 --out benchmarks/_corpus_10000
"""
from __future__ import annotations

import argparse
import json
import random
import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT.parent / "shared" / "corpus" / "reference.jsonl"
SEED_BODY = ROOT / "tests" / "data" / "seed_body.txt"

# made-up outlets: name, host, menu items, promo line, newsletter name
OUTLETS = [
    ("The Daily Ledger", "dailyledger.example", ["World", "Politics", "Business", "Opinion", "Sport"],
     "Support independent journalism. Become a member today.", "The Morning Ledger"),
    ("Harbor City Times", "harborcitytimes.example", ["Local", "Nation", "Crime", "Schools", "Weather"],
     "Get unlimited digital access for $1 a week.", "Harbor Brief"),
    ("Northern Dispatch", "northerndispatch.example", ["News", "Energy", "Climate", "Arctic", "Video"],
     "Our first print magazine is here. Pre-order now.", "Dispatch Daily"),
    ("Capital Wire", "capitalwire.example", ["Congress", "White House", "Courts", "Elections", "Podcasts"],
     "Breaking news alerts, straight to your phone.", "Wire Insider"),
    ("Valley Observer", "valleyobserver.example", ["Home", "Community", "Obituaries", "Events", "Jobs"],
     "Subscribe to the Observer and save 50%.", "Valley Weekly"),
    ("Global Review", "globalreview.example", ["Europe", "Asia", "Africa", "Americas", "Middle East"],
     "Read our special report on the world economy.", "Global Digest"),
    ("Metro Herald", "metroherald.example", ["Metro", "Transit", "Housing", "Food", "Arts"],
     "Download the Metro Herald app.", "Herald Headlines"),
    ("The Tech Sentinel", "techsentinel.example", ["AI", "Gadgets", "Security", "Startups", "Reviews"],
     "Join Sentinel Pro for ad-free reading.", "Sentinel Circuit"),
    ("Coastal Chronicle", "coastalchronicle.example", ["Coast", "Fishing", "Tourism", "Environment", "Sports"],
     "Chronicle subscribers get the e-edition free.", "Tide Report"),
    ("Prairie Post", "prairiepost.example", ["Farm", "Markets", "Rural Life", "Opinion", "Photos"],
     "Local news needs you. Donate today.", "Post Roundup"),
    ("Evening Standard Bearer", "standardbearer.example", ["Top Stories", "Health", "Science", "Travel", "Money"],
     "Try 30 days free, cancel any time.", "The Bearer Briefing"),
    ("Riverside Gazette", "riversidegazette.example", ["News", "Police", "Government", "Education", "Sports"],
     "Sign in to keep reading.", "Gazette Today"),
]
FIRST = ["Maria", "James", "Olena", "Ahmed", "Sophie", "Daniel", "Priya", "Tomasz", "Grace", "Kwame",
         "Lucia", "Hiroshi", "Emma", "Rafael", "Amira", "Connor"]
LAST = ["Kowalski", "Okafor", "Lindqvist", "Hernandez", "Nakamura", "Brennan", "Haddad", "Petrov",
        "Adeyemi", "Fischer", "Moreau", "Gupta", "O'Neill", "Santos", "Whitfield", "Novak"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
CAPTION_PLACES = ["in Kyiv, Ukraine", "in Washington, D.C.", "in London", "near the city hall",
                  "at a press conference", "during a rally", "outside the courthouse", "in Brussels"]
AGENCIES = ["Getty Images", "AP Photo", "Reuters", "AFP via Getty Images", "Staff photo"]


def load_bodies() -> list[str]:
    """The real clean bodies: reference.jsonl's 111 plus the seed; paragraphs split on blank lines."""
    bodies = []
    with open(REFERENCE, encoding="utf-8") as fh:
        for line in fh:
            body = json.loads(line)["body"].strip()
            if body:
                bodies.append(body)
    bodies.append(SEED_BODY.read_text(encoding="utf-8").strip())
    return bodies


def _paragraphs(body: str) -> list[str]:
    parts = [p.strip() for p in body.split("\n\n") if p.strip()]
    if len(parts) == 1 and "\n" in parts[0]:
        parts = [p.strip() for p in parts[0].split("\n") if p.strip()]
    return [" ".join(p.split()) for p in parts]


def _title(rng: random.Random, paras: list[str]) -> str:
    words = paras[0].split()[: rng.randint(6, 12)]
    title = " ".join(words).strip(".,;:\u2014-\u201c\u201d\"' ")
    return title[:1].upper() + title[1:] if title else "Untitled"


def _teaser(rng: random.Random, bodies: list[list[str]]) -> list[str]:
    other = rng.choice(bodies)
    head = _title(rng, other)
    snippet = " ".join(" ".join(other).split()[:rng.randint(18, 30)])
    return [head, snippet + "\u2026"]


_LOWER_WORD = re.compile(r"(?<![\w'\u2019-])[a-z]{3,}(?![\w'\u2019-])")


def _vary_words(rng: random.Random, paragraph: str, vocabulary: list[str], share: float = 0.08) -> str:
    """Replace about `share` of the plain lower-case words by other words of the article, so every
    page's sentences are its own (as in a real corpus: no cache can reuse another page's work);
    names, capitals, numbers, punctuation and quotation marks are left as they are."""
    return _LOWER_WORD.sub(lambda m: rng.choice(vocabulary) if rng.random() < share else m.group(0),
                           paragraph)


def make_page(rng: random.Random, i: int, bodies: list[list[str]], vocabularies: list[list[str]]) -> dict:
    """One page dump and its record: a real body, varied, in an outlet's boiler-plate."""
    name, host, menu, promo, newsletter = rng.choice(OUTLETS)
    k = rng.randrange(len(bodies))
    paras, vocabulary = list(bodies[k]), vocabularies[k]
    # variation: swap a few neighbouring paragraphs, mix in another article, cut long bodies
    for _ in range(rng.randint(0, max(0, len(paras) // 4))):
        j = rng.randrange(len(paras))
        k = min(len(paras) - 1, j + 1)
        paras[j], paras[k] = paras[k], paras[j]
    if rng.random() < 0.3:
        other = rng.choice(bodies)
        at = rng.randint(1, max(1, len(paras)))
        paras[at:at] = other[: rng.randint(1, 3)]
    if len(paras) > 12 and rng.random() < 0.5:
        paras = paras[: rng.randint(8, len(paras))]
    paras = [_vary_words(rng, p, vocabulary) for p in paras] if vocabulary else paras
    title = _title(rng, paras)
    author = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    day, month, year = rng.randint(1, 28), rng.randrange(12), rng.randint(2019, 2025)
    hour, minute = rng.randint(1, 12), rng.randint(0, 59)
    ampm = rng.choice(["AM", "PM"])
    read = max(1, sum(len(p.split()) for p in paras) // 230)
    lines = [promo, "", rng.choice(["Subscribe", "pre-order now", "Log In"]), "Skip to content"]
    lines += menu + ["Search", ""]
    lines += [title, ""]
    lines.append(f"by {author} {MONTHS[month]} {day}, {year} {hour}:{minute:02d} {ampm} {read} min read")
    if rng.random() < 0.7:
        lines.append(f"{rng.choice(['Demonstrators gather', 'Officials speak', 'A view of the site', 'Residents wait'])} "
                     f"{rng.choice(CAPTION_PLACES)} on {MONTHS[rng.randrange(12)]} {rng.randint(1, 28)}, {year}. "
                     f"({rng.choice(FIRST)} {rng.choice(LAST)}/{rng.choice(AGENCIES)})")
    if rng.random() < 0.5:
        lines.append("This audio is created with AI assistance")
    lines.append("")
    teaser_at = rng.randint(2, max(2, len(paras) - 1)) if len(paras) > 3 else None
    box_at = rng.randint(1, max(1, len(paras) - 1)) if rng.random() < 0.5 else None
    for j, para in enumerate(paras):
        if j == teaser_at:
            lines += _teaser(rng, bodies) + [""]
        if j == box_at:
            lines += [f"Sign up for {newsletter}", "Enter your email address", "Sign up", ""]
        lines += [para, ""]
    lines += [rng.choice(["Related", "MORE NEWS", "Read more", "You may also like"]), ""]
    for _ in range(rng.randint(2, 4)):
        lines += _teaser(rng, bodies) + [""]
    lines += [f"Subscribe to {newsletter}", "Get the day's top stories in your inbox.", ""]
    lines += [f"\u00a9 {year} {name}. All rights reserved.", "About us", "Contact", "Privacy Policy",
              "Terms of Use", f"Advertise with {name}"]
    slug = "-".join(title.lower().split()[:6])
    return {"outlet": name, "host": host, "text": "\n".join(lines) + "\n", "title": title,
            "author": author, "url": f"https://{host}/{year}/{month + 1:02d}/{day:02d}/{slug}",
            "published": f"{year}-{month + 1:02d}-{day:02d}T{hour % 12 + (12 if ampm == 'PM' else 0):02d}:{minute:02d}:00",
            "body": "\n\n".join(paras), "number": i}


def make_corpus(n: int, out: Path, seed: int = 0, jsonl: bool = False, flat: bool = False) -> Path:
    """Write `n` page dumps under `out` (one folder per outlet unless `flat`); return `out`."""
    rng = random.Random(seed)
    bodies = [p for p in (_paragraphs(b) for b in load_bodies()) if p]
    # words are swapped within one article's own vocabulary (same language, same register)
    vocabularies = [sorted({w for p in body for w in _LOWER_WORD.findall(p)}) for body in bodies]
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    fh = open(out.with_suffix(".jsonl"), "w", encoding="utf-8") if jsonl else None
    try:
        for i in range(n):
            page = make_page(rng, i, bodies, vocabularies)
            folder = out if flat else out / page["host"].split(".")[0]
            folder.mkdir(exist_ok=True)
            (folder / f"{i:06d}.txt").write_text(page["text"], encoding="utf-8")
            if fh is not None:
                fh.write(json.dumps({"id": f"bench-{i:06d}", "url": page["url"], "outlet": page["outlet"],
                                     "title": page["title"], "author": page["author"],
                                     "published": page["published"], "body": page["body"]},
                                    ensure_ascii=False) + "\n")
    finally:
        if fh is not None:
            fh.close()
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("n", type=int, help="number of pages")
    parser.add_argument("--out", type=Path, default=None, help="folder (default benchmarks/_corpus_N)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--jsonl", action="store_true", help="also write OUT.jsonl with the clean bodies")
    parser.add_argument("--flat", action="store_true", help="all pages in one folder")
    args = parser.parse_args(argv)
    out = args.out or ROOT / "benchmarks" / f"_corpus_{args.n}"
    make_corpus(args.n, out, args.seed, args.jsonl, args.flat)
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

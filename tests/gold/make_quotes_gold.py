"""Assemble tests/gold/quotes_gold.jsonl from the hand annotations below.

Each annotation gives the exact quoted words (without the marks) as the coder chose them; this
script finds their character offsets in the paragraph and asserts text == paragraph[start:end].
Run: .venv/bin/python tests/gold/make_quotes_gold.py [--check]
(--check also lists every quotation-mark character not adjacent to an annotated span, so the
coder can verify no mark pair was missed.)
"""
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = Path("/work/shared/corpus/reference.jsonl")
SEED = HERE.parent / "data" / "seed_body.txt"
OUT = HERE / "quotes_gold.jsonl"

_PARA_SPLIT = re.compile(r"\n[ \t\r\f\v]*\n\s*")
MARKS = set('"\u201c\u201d\u2018\u2019\'\u201e\u00ab\u00bb')


def normalise(body):
    """Clean body with paragraphs stripped and joined by exactly one blank line."""
    paras = [p.strip() for p in _PARA_SPLIT.split(body)]
    return "\n\n".join(p for p in paras if p)


# ---------------------------------------------------------------------------------------------
# Annotations. Per article: speakers table (key -> (speaker, role, source_type)) and quotes as
# (quote_id, paragraph, quoted_text, kind, speaker_key or None[, occurrence]).
# occurrence (default 0) picks the n-th match of quoted_text in the paragraph.
# ---------------------------------------------------------------------------------------------
ANN = {}

ANN["seed"] = dict(
    speakers={
        "rasmussen": ("Lars Lokke Rasmussen", "Foreign Minister", "government_official"),
        "poulsen": ("Troels Lund Poulsen", "Defense Minister", "government_official"),
    },
    quotes=[
        (1, 2, "It is important that we in Europe send the right signals both to Putin and to Washington. That is what we are doing today by saying: If it comes to the point where a European presence is needed for a ceasefire or peace agreement to be reached, then Denmark is in principle prepared for that,", "full", "rasmussen"),
        (2, 5, "We have not made a decision to make a concrete effort. It must depend on how things develop. Therefore, this is an expression of timely care,", "full", "poulsen"),
        (3, 7, "Now the initiative has been taken by the French and British sides to form an overview of what could potentially be needed,", "full", "poulsen"),
    ],
)

# Al Jazeera: US helicopter crash in Afghanistan (military, conflict)
ANN["7916ecca969ffdd8"] = dict(
    speakers={
        "usmil": ("US military", None, "military_security"),
        "mujahid": ("Zabihullah Mujahid", "Taliban spokesman", "military_security"),
        "milley": ("Mark Milley", "chairman of the Joint Chiefs of Staff", "military_security"),
    },
    quotes=[
        (1, 1, "The cause of the crash is under investigation, however preliminary reports do not indicate it was caused by enemy fire,", "full", "usmil"),
        (2, 4, "US Chinook helicopter shot down and completely destroyed last night while trying to raid Mujahideen (Taliban) position in Pangram area of Sarkh, Logar,", "full", "mujahid"),
        (3, 5, "The Americans wanted to raid a mujahideen base, but their helicopter was shot down and caught fire. All on board were killed,", "full", "mujahid"),
        (4, 11, "for several more years", "partial", "milley"),
    ],
)

# BBC: Sweden drops Assange investigation (crime, courts)
ANN["c7e39ac49fa1235f"] = dict(
    speakers={
        "spa": ("Swedish Prosecution Authority", None, "government_official"),
        "persson": ("Eva-Marie Persson", "Deputy Director of Public Prosecution", "government_official"),
        "hrafnsson": ("Kristinn Hrafnsson", "Wikileaks editor-in-chief", "media_news_agency"),
        "judge": ("a judge", "judge", "government_official"),
    },
    quotes=[
        (1, 8, "discontinue the investigation regarding Julian Assange", "partial", "spa"),
        (2, 9, "The reason for this decision is that the evidence has weakened considerably due to the long period of time that has elapsed since the events in question,", "full", "spa"),
        (3, 10, "I would like to emphasise that the injured party has submitted a credible and reliable version of events.", "full", "persson"),
        (3, 11, "Her statements have been coherent, extensive and detailed; however, my overall assessment is that the evidential situation has been weakened to such an extent that that there is no longer any reason to continue the investigation.", "full", "persson"),
        (4, 24, "Let us now focus on the threat Mr Assange has been warning about for years: the belligerent prosecution of the United States and the threat it poses to the First Amendment.", "full", "hrafnsson"),
        (5, 31, "history of absconding", "partial", "judge"),
    ],
)

# AFP via Al Bawaba: reactions to US settlements decision (politics, diplomacy)
ANN["833caf3bdba53dcf"] = dict(
    speakers={
        "netanyahu": ("Benjamin Netanyahu", "Israeli Prime Minister", "government_official"),
        "pompeo": ("Mike Pompeo", "US Secretary of State", "government_official"),
        "unhchr": ("United Nations High Commissioner for Human Rights", None, "government_official"),
        "arableague": ("Arab League", None, "government_official"),
        "safadi": ("Ayman Safadi", "Jordanian Foreign Minister", "government_official"),
        "erekat": ("Saeb Erekat", "Palestinian chief negotiator", "government_official"),
        "russiamfa": ("Russia's foreign ministry", None, "government_official"),
        "frmfa": ("French foreign ministry", None, "government_official"),
        "fco": ("a spokesperson for the British Foreign Office", "spokesperson for the British Foreign Office", "government_official"),
        "bell": ("Avi Bell", "senior fellow at the right-wing Kohelet Policy Forum", "expert_academic"),
    },
    quotes=[
        (1, 0, "historic", "partial", "netanyahu"),
        (2, 2, "very moved", "partial", "netanyahu"),
        (3, 3, "not, per se, inconsistent with international law", "partial", "pompeo"),
        (4, 6, "not modify existing international law, nor its interpretation by the International Court of Justice and the UN Security Council", "partial", "unhchr"),
        (5, 9, "Here we are on a historic day with another tremendous achievement for the State of Israel,", "full", "netanyahu"),
        (6, 10, "corrected an historic injustice and lined up with truth and justice", "partial", "netanyahu"),
        (7, 16, "extremely adverse development", "partial", "arableague"),
        (8, 18, "dangerous consequences", "partial", "safadi"),
        (9, 20, "We are going to the (UN) General Assembly and we will ask... the International Criminal Court (ICC) to open an official judicial investigation,", "full", "erekat"),
        (10, 22, "another measure contradicting", "partial", "russiamfa"),
        (11, 23, "regrets any decision likely to encourage... settlement building", "partial", "frmfa"),
        (12, 24, "are illegal under international law, present an obstacle to peace and threaten the physical viability of a two-state solution", "partial", "fco"),
        (13, 29, "The illegality of settlements has always been stated as a fact based upon an international consensus. The breaking of that consensus is important,", "full", "bell"),
        (14, 31, "They wanted us on our knees and they used every trick - internally, externally, regionally - to put pressure on us. We stand tall and we will stand tall.", "full", "erekat"),
    ],
)

# ---- end of annotations ----


def load_texts():
    """Map article id -> (source, url, normalised text) for the annotated articles."""
    texts = {"seed": ("seed", None, normalise(SEED.read_text(encoding="utf-8")))}
    with CORPUS.open(encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if d["id"] in ANN:
                texts[d["id"]] = ("corpus", d["url"], normalise(d["body"]))
    return texts


def build():
    """Return the gold records (one dict per article) with offsets computed and verified."""
    texts = load_texts()
    out = []
    for aid, ann in ANN.items():
        source, url, text = texts[aid]
        paras = text.split("\n\n")
        recs = []
        for q in ann["quotes"]:
            qid, pi, qtext, kind, skey = q[:5]
            occ = q[5] if len(q) > 5 else 0
            para = paras[pi]
            start = -1
            for _ in range(occ + 1):
                start = para.find(qtext, start + 1)
                assert start >= 0, (aid, pi, qtext)
            end = start + len(qtext)
            assert para[start:end] == qtext
            speaker, role, stype = ann["speakers"][skey] if skey else (None, None, None)
            assert (kind == "scare") == (skey is None), (aid, qtext)
            recs.append(dict(quote_id=qid, paragraph=pi, start=start, end=end, text=qtext,
                             kind=kind, speaker=speaker, role=role, source_type=stype))
        recs.sort(key=lambda r: (r["paragraph"], r["start"]))
        out.append(dict(article_id=aid, source=source, url=url, text=text, quotes=recs))
    return out


def check(records):
    """Print every quotation-mark character that is not right next to an annotated span."""
    for rec in records:
        paras = rec["text"].split("\n\n")
        covered = {}
        for q in rec["quotes"]:
            covered.setdefault(q["paragraph"], []).append((q["start"], q["end"]))
        for pi, p in enumerate(paras):
            spans = covered.get(pi, [])
            for i, ch in enumerate(p):
                if ch not in MARKS:
                    continue
                if ch in "\u2019'" and 0 < i < len(p) - 1 and p[i - 1].isalnum() and p[i + 1].isalnum():
                    continue  # apostrophe inside a word
                near = any(i in (s - 1, s - 2, e, e + 1) or s <= i < e for s, e in spans)
                if not near:
                    print(f"{rec['article_id']} p{pi} @{i} {ch!r}: ...{p[max(0, i - 40):i + 40]}...")


def main():
    records = build()
    with OUT.open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    n = sum(len(r["quotes"]) for r in records)
    print(f"{len(records)} articles, {n} quotes -> {OUT}")
    if "--check" in sys.argv:
        check(records)


if __name__ == "__main__":
    main()

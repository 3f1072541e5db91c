"""Dictionary frames, matches and validation helpers (analysis.framing); tone: tests/test_tone.py."""
import csv
import json
import math
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis import framing as F
from analysis.framing import matching as framing_matching
from analysis.framing import model as framing_model
from analysis.resources import DataFileError
from analysis.frame_prefilter import required_strings, split_body

SEED = (Path(__file__).parent / "data" / "seed_body.txt").read_text(encoding="utf-8")
DATA = F.DATA


def frame(*texts, ids=None):
    return pd.DataFrame({"article_id": ids or [f"a{i}" for i in range(len(texts))], "text": list(texts)})


TOY = pd.DataFrame({
    "frame": ["diplomacy", "diplomacy", "diplomacy", "military_security", "military_security",
              "economic", "diplomacy", "human_interest", "ignore", "economic"],
    "term": ["peace", "peace talks", "negotiat*", "troops", "security", "security", "re:(?-i:UN)",
             "mother's day", "at the expense of", "expens*"],
    "source": ["toy"] * 10,
})


def test_seed_matches_hand_checked():
    m = F.frame_matches(frame(SEED, ids=["seed"]))
    got = list(zip(m["paragraph"], m["sentence"], m["start"], m["term"], m["frame"]))
    assert got == [
        (0, 0, 34, "troops", "military_security"),
        (0, 0, 53, "peacekeeping", "military_security"),
        (0, 0, 96, "Foreign Minister", "diplomacy"),
        (0, 0, 138, "Defense Minister", "military_security"),
        (2, 3, 201, "ceasefire", "diplomacy"),
        (2, 3, 214, "peace agreement", "diplomacy"),
        (3, 4, 103, "peacekeepers", "military_security"),
        (3, 4, 153, "war", "military_security"),
        (4, 6, 115, "deployment", "military_security"),
        (6, 10, 32, "NATO", "military_security"),
        (6, 10, 69, "peacekeeping", "military_security"),
        (6, 10, 139, "security assurances", "military_security"),
        (7, 11, 9, "initiative", "responsibility"),
        (8, 12, 37, "troop", "military_security"),
        (8, 12, 127, "soldiers", "military_security"),
        (8, 12, 145, "deployed", "military_security"),
        (8, 13, 181, "commitment", "responsibility"),
        (8, 13, 235, "security", "military_security"),
    ]
    pars = SEED.split("\n\n")
    assert all(pars[p][s:e] == t for p, s, e, t in zip(m["paragraph"], m["start"], m["end"], m["term"]))
    # "at the expense of security" is an idiom: "expense" is not counted as economic
    assert "expense" not in set(m["term"])


def test_seed_scores_and_top_frames():
    s = F.frame_scores(frame(SEED, ids=["seed"])).set_index("frame")
    assert len(s) == len(F.compile_lexicon().frames) == 12
    assert s.loc["military_security", "matches"] == 13
    assert s.loc["military_security", "distinct_terms"] == 12
    assert s.loc["military_security", "per_1000_words"] == pytest.approx(13 / 307 * 1000)
    assert s.loc["diplomacy", "matches"] == 3 and s.loc["conflict", "matches"] == 0
    # responsibility (coded present in the seed) from "initiative" (fourth revision, R1) and "commitment"
    assert list(s.index[s["present"]]) == ["responsibility", "military_security", "diplomacy"]
    top = F.top_frames(F.frame_scores(frame(SEED, ids=["seed"])))
    assert list(top["frame"]) == ["military_security", "diplomacy", "responsibility"]


def test_lexicon_mechanics():
    text = ("Peace talks began. The troops kept the peace; security was tight. UN envoys negotiated, "
            "un-named officials said. At the expense of others, costs and EXPENSES rose.")
    m = F.frame_matches(frame(text), lexicon=TOY)
    got = list(zip(m["term"], m["frame"], m["lexicon_term"]))
    assert got == [
        ("Peace talks", "diplomacy", "peace talks"),            # longest term wins
        ("troops", "military_security", "troops"),
        ("peace", "diplomacy", "peace"),
        ("security", "military_security", "security"),          # one term, two frames: one row each
        ("security", "economic", "security"),
        ("UN", "diplomacy", "re:(?-i:UN)"),                     # case-sensitive regex term
        ("negotiated", "diplomacy", "negotiat*"),               # wildcard ending
        ("EXPENSES", "economic", "expens*"),                    # idiom hides "expense"
    ]
    assert list(m["sentence"]) == [0, 1, 1, 1, 1, 2, 2, 3]


def test_apostrophes_and_spaces_in_terms():
    m = F.frame_matches(frame("On Mother’s\nDay she called. On mother's day too."), lexicon=TOY)
    assert list(m["term"]) == ["Mother’s\nDay", "mother's day"]


def test_scores_by_paragraph_and_sentence():
    text = "Peace talks and troops.\n\nNothing here. Security again, security."
    p = F.frame_scores(frame(text), lexicon=TOY, by="paragraph")
    assert list(p.columns) == ["article_id", "paragraph", "frame", "words", "matches", "distinct_terms",
                               "per_1000_words", "questions", "probability", "present"]
    assert p["probability"].isna().all()   # the model scores whole articles only
    assert len(p) == 2 * 4   # 2 paragraphs x 4 frames of TOY (ignore is not a frame)
    row = p[(p.paragraph == 1) & (p.frame == "military_security")].iloc[0]
    assert (row["words"], row["matches"], row["distinct_terms"]) == (5, 2, 1)
    assert row["per_1000_words"] == pytest.approx(400.0)
    s = F.frame_scores(frame(text), lexicon=TOY, by="sentence")
    assert sorted(set(s["sentence"])) == [0, 1, 2]
    assert s[(s.sentence == 1)]["matches"].sum() == 0
    assert s[(s.sentence == 0) & (s.frame == "diplomacy")]["matches"].item() == 1


def test_bad_input_gives_zero_rows_per_frame():
    arts = frame(None, "", "   ", float("nan"), "«Paix» et négociations à Genève.")
    s = F.frame_scores(arts, lexicon=TOY)
    assert len(s) == 5 * 4
    assert s["matches"].tolist() == [0] * 20
    assert s.loc[s.article_id == "a0", "per_1000_words"].isna().all()
    assert F.frame_matches(arts, lexicon=TOY).empty


def test_lexicon_file_provenance_and_syntax():
    info = F.frame_info()
    lex = F.load_lexicon()
    assert set(F.VALIDATED_FRAMES) <= set(info["frame"])
    assert set(lex["frame"]) == set(info["frame"]) | {"ignore"}
    assert (lex["source"].str.len() > 0).all() and (info["source"].str.len() > 0).all()
    assert not lex.duplicated(["frame", "term"]).any()
    for term in lex["term"]:
        if term.startswith("re:"):
            re.compile(term[3:])
        else:
            assert term == term.lower() and re.fullmatch(r"[a-z0-9.'\- *]+", term), term


def test_yaml_and_csv_lexicons(tmp_path):
    y = tmp_path / "lex.yaml"
    y.write_text("conflict:\n  source: my list\n  terms: [clash*, feud]\nmorality: [sin]\n", encoding="utf-8")
    c = tmp_path / "lex.csv"
    with open(c, "w", newline="", encoding="utf-8") as fh:
        fh.write("# my lexicon\n")
        csv.writer(fh).writerows([["frame", "term", "source"], ["conflict", "clash*", "x"], ["morality", "sin", "y"]])
    text = "Clashes and a feud over sin."
    for path, n in ((y, 3), (c, 2)):
        s = F.frame_scores(frame(text), lexicon=path).set_index("frame")
        assert list(s.index) == ["conflict", "morality"]
        assert s["matches"].sum() == n
    assert F.load_lexicon(y).loc[0, "source"] == "my list"


def test_kwic():
    arts = frame("Far away, the troops were moving north.")
    m = F.frame_matches(arts, lexicon=TOY)
    k = F.kwic(m, arts, width=10)
    assert k.iloc[0][["left", "term", "right"]].tolist() == ["away, the ", "troops", " were movi"]


def test_agreement_hand_computed():
    gold = pd.DataFrame({"article_id": list("abcd") * 2, "frame": ["x"] * 4 + ["y"] * 4,
                         "present": [1, 1, 0, 0, 1, 0, 0, 0]})
    pred = pd.DataFrame({"article_id": list("abcd") * 2, "frame": ["x"] * 4 + ["y"] * 4,
                         "present": [True, False, False, False, True, True, False, False]})
    a = F.agreement(pred, gold).set_index("frame")
    assert a.loc["x", ["tp", "fp", "fn", "tn"]].tolist() == [1, 0, 1, 2]
    assert a.loc["x", "kappa"] == pytest.approx(0.5)      # po 3/4, pe (1*2 + 3*2)/16 = 1/2
    assert a.loc["all", ["tp", "fp", "fn", "tn"]].tolist() == [2, 1, 1, 4]
    assert a.loc["all", "kappa"] == pytest.approx((6 / 8 - (3 * 3 + 5 * 5) / 64) / (1 - 34 / 64))
    assert a.loc["y", "precision"] == 0.5 and a.loc["y", "recall"] == 1.0


def test_gold_agreement_figures():
    """The validation figures reported in docs/framing.md (pooled kappa 0.84, 57/5/8/114 since session 12's model
    refit; before it 0.85, 56/3/9/116, with session 10's human
    interest H1 terms, one private person named by a noun, the man, the victim (two more human-interest articles
    found: 5/0/2/16, was 3/0/4/16); 0.83 with 54/3/11/116 and session 9's
    responsibility R3 terms (one more responsibility article found: 14/0/1/8, was 13/0/2/8); 0.82 on 23 articles
    with the fourth revision; 0.80 with 52/3/13/116 before it; 0.76 with tp/fp/fn/tn 52/7/13/112 before the third revision (economic money words, humanitarian
    single-person words, conflict denials and reproaches), 0.66 with 48/11/17/108 before the second)."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from validate_frames import validate

    table = validate().set_index("frame")
    counts = table[["tp", "fp", "fn", "tn"]].astype(int)
    # session 12's refit (framesrefit12: frame_model.csv refitted on the kit counts of frames12's lexicon): the kit's
    # morality cut-off needs 1 distinct term instead of 2, morality 3/0/2/18 -> 4/2/1/16, pooled 56/3/9/116 -> 57/5/8/114
    assert tuple(counts.loc["all"]) == (57, 5, 8, 114)
    assert tuple(counts.loc["conflict"]) == (11, 0, 1, 11)
    assert tuple(counts.loc["human_interest"]) == (5, 0, 2, 16)
    assert tuple(counts.loc["economic"]) == (5, 0, 1, 17)
    assert tuple(counts.loc["morality"]) == (4, 2, 1, 16)
    assert tuple(counts.loc["responsibility"]) == (14, 0, 1, 8)
    assert tuple(counts.loc["humanitarian"]) == (5, 0, 0, 18)


def test_gold2_agreement_figures():
    """The second development coding (14 articles, coded before the detector was run on them): first
    contact tp/fp/fn/tn 11/11/13/77 (kappa 0.34); after the third revision, which used it, 15/6/9/82
    (kappa 0.58); with currency amounts kept as economic evidence (S&V economic Q2, the costs
    involved) 15/7/9/81 (kappa 0.56); fourth revision (question terms) 15/9/9/79 (kappa 0.52: two
    more false alarms, conflict and responsibility); session 10's human interest H1 terms (the man, the victim
    ...) 16/10/8/78 (kappa 0.54: one more human-interest article found, 3/2/1/8, and one false alarm, a woman in
    a rape case named "the woman" beside "Assange, 47,"), as reported in docs/framing.md."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from validate_frames import GOLD2, TEXTS2, validate

    table = validate(gold=GOLD2, texts=TEXTS2).set_index("frame")
    counts = table[["tp", "fp", "fn", "tn"]].astype(int)
    # session 12's refit: morality 0/0/2/12 -> 1/1/1/11 (kit cut-off 1 term), pooled 16/10/8/78 -> 17/11/7/77
    assert tuple(counts.loc["all"]) == (17, 11, 7, 77)
    assert tuple(counts.loc["human_interest"]) == (3, 2, 1, 8)
    assert tuple(counts.loc["conflict"]) == (4, 2, 2, 6)
    assert tuple(counts.loc["economic"]) == (4, 1, 0, 9)
    assert tuple(counts.loc["humanitarian"]) == (1, 0, 0, 13)
    assert round(float(table.loc["all", "kappa"]), 2) == 0.55   # 0.54 before session 12's refit


def _frames_present(texts, frames=("conflict", "economic", "humanitarian")):
    arts = frame(*texts.values(), ids=list(texts))
    s = F.frame_scores(arts).set_index(["article_id", "frame"])
    return {k: tuple(int(s.loc[(k, f), "distinct_terms"]) for f in frames) for k in texts}


def test_money_alone_is_not_economic():
    # economic = consequences (losses, gains, costs, prices, jobs, markets); money words and
    # company/business names alone are no longer terms (third revision); a currency amount is one
    # term (S&V economic Q2: the costs involved), so an amount alone is still not the frame
    texts = {"fine": "Both teams were fined $250,000 and the company paid the money in cash.",
             "travel": "He flew business class and I sat in economy class; we have money to spend.",
             "losses": "The company reported losses as sales fell and prices rose; 300 jobs will go.",
             "owed": "An auditor found the label owes the singer $7.9 million of unpaid royalties."}
    # hand-checked distinct (conflict, economic, humanitarian) terms: 'losses' has sales, prices, jobs
    # (bare "losses" is no term); 'owed' has owes, unpaid, royalties and "$7.9 million"; 'fine' only
    # "$250,000"; 'travel' only economy
    assert _frames_present(texts) == {"fine": (0, 1, 0), "travel": (0, 1, 0), "losses": (0, 3, 0),
                                      "owed": (0, 4, 0)}


def test_humanitarian_needs_more_than_one_victim():
    # codebook U1/U4: suffering of civilians in aggregate or a disease threat; one stabbing victim or
    # one patient's disease is not the frame (singular words dropped, plural and aggregate added)
    texts = {"single": "The victim died in hospital after he was stabbed to death; a man was injured.",
             "patient": "The patient's disease was an infection of the lungs, his doctor said.",
             "many": "At least 12 civilians were killed and dozens were injured; the death toll rose "
                     "as victims were taken to hospitals.",
             "outbreak": "Officials quarantined 28 people to stop the outbreak of infectious diseases."}
    assert _frames_present(texts) == {"single": (0, 0, 0), "patient": (0, 0, 0), "many": (0, 0, 6),
                                      "outbreak": (0, 0, 4)}


def test_conflict_told_as_denial_or_reproach():
    # S&V conflict Q1/Q2 without the word "dispute": denials, allegations, lawsuits, mockery;
    # hand-checked: "denied the allegations" is one term (longest wins) + sued; backlash, mockery,
    # critics, misleading; "denied bail" and "grand slam" (an ignore idiom) are no conflict
    texts = {"denial": "He has denied the allegations and sued the newspaper.",
             "mock": "The campaign drew backlash and mockery; critics called the ads misleading.",
             "court": "She denied bail to the defendant.",
             "tennis": "He won his first grand slam title with a victory in Paris."}
    assert _frames_present(texts) == {"denial": (2, 0, 0), "mock": (4, 0, 0), "court": (0, 0, 0),
                                      "tennis": (1, 0, 0)}


def test_heldout_agreement_figures():
    """The blind held-out coding (16 articles coded after the lexicon's last change, never used to
    choose terms): pooled kappa 0.61 (tp/fp/fn/tn 19/10/7/92); it was 0.52 (19/15/7/87) with the
    lexicon before the human_interest, responsibility and morality changes."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from validate_frames import validate

    # floors, not exact counts: whoever changes the lexicon must not tune on this set's details
    table = validate(heldout=True).set_index("frame")
    assert int(table.loc["all", "gold_present"]) == 26
    assert float(table.loc["all", "kappa"]) >= 0.55
    assert float(table.loc["all", "precision"]) >= 0.60
    assert float(table.loc["all", "recall"]) >= 0.65


def _hi_mo_re(texts):
    """distinct terms of human_interest, morality, responsibility per made-up text (hand-checked)."""
    arts = frame(*texts.values(), ids=list(texts))
    s = F.frame_scores(arts).set_index(["article_id", "frame"])["distinct_terms"]
    return {k: (s[k, "human_interest"], s[k, "morality"], s[k, "responsibility"]) for k in texts}


def test_crime_vocabulary_attributes_responsibility():
    # guide R4: an arrest, a charge, a guilty plea attribute the harm to a perpetrator
    texts = {"crime": "Police arrested a 19-year-old man on Tuesday. He was charged with burglary and "
                      "later pleaded guilty.",
             "cardiac": "The player went into cardiac arrest on the pitch and was taken to hospital.",
             "verb": "There is good reason to suspect the figures, the analyst said."}
    m = F.frame_matches(frame(*texts.values(), ids=list(texts)))
    got = m[m.frame == "responsibility"][["article_id", "term"]].values.tolist()
    # "was charged" wins over "charged with" (it starts first); "cardiac arrest" is an ignore idiom
    assert got == [["crime", "arrested"], ["crime", "was charged"], ["crime", "pleaded guilty"]]
    assert _hi_mo_re(texts) == {"crime": (1, 0, 3), "cardiac": (0, 0, 0), "verb": (0, 0, 0)}


def test_human_interest_needs_one_person():
    # guide H1/H2/H4: a named private person with an age, a relative tied to her, a feeling of hers;
    # family and emotion words about groups (aggregate) are no longer human_interest terms
    texts = {"person": 'Maria Lopez, 34, said her husband lost his job in May. "I was so scared," she said.',
             "aggregate": "Families fear for their children and hope that friends and neighbors will help. "
                          "Many parents struggle.",
             "official": "The minister said the policy would help families and children.",
             "relative": "Ford's sister said he had left his apartment. Ford's sister was surprised.",
             "patient": "A 43-year-old man fell ill. The man's lungs were inflamed."}
    m = F.frame_matches(frame(*texts.values(), ids=list(texts)))
    hi = m[m.frame == "human_interest"]
    assert hi[hi.article_id == "person"]["term"].tolist() == ["Lopez, 34,", "her husband", "I was so scared"]
    assert hi[hi.article_id == "relative"]["term"].tolist() == ["Ford's sister", "his apartment", "Ford's sister"]
    assert hi[hi.article_id == "patient"]["term"].tolist() == ["year-old", "The man's"]
    # "official": policy (R1) and "would help" (R3, fourth revision)
    assert _hi_mo_re(texts) == {"person": (3, 0, 0), "aggregate": (0, 0, 0), "official": (0, 0, 2),
                                "relative": (2, 0, 0), "patient": (2, 0, 0)}
    s = F.frame_scores(frame(*texts.values(), ids=list(texts)))
    present = s[(s.frame == "human_interest") & s.present]["article_id"].tolist()
    assert present == ["person", "relative", "patient"]
    hi_terms = set(F.load_lexicon().query("frame == 'human_interest'")["term"])
    assert not {"families", "children", "fear", "hope", "friends"} & hi_terms


def test_human_interest_one_person_named_by_a_noun():
    # session 10, guide H1 (a human example): one private individual the story follows, named by a singular
    # person noun with the definite article; the non-possessive forms of the rows "the man's" ... (hand-checked)
    texts = {"story": "The man fell ill after a hunting trip. Doctors said the man was quarantined.",
             "victim": "Police said the victim tried to stop the thief. The family thanked the driver.",
             "both": "The man's lungs were inflamed, the man said.",
             "mother": "The mother of two said the girl was safe.",
             "friendly": "The family-friendly event opens on Friday; the man-made lake is full.",
             "aggregate": "Families and children across the region were affected; a man in a hat waved."}
    m = F.frame_matches(frame(*texts.values(), ids=list(texts)))
    hi = m[m.frame == "human_interest"]
    terms = {k: hi[hi.article_id == k]["term"].tolist() for k in texts}
    assert terms == {"story": ["The man", "the man"], "victim": ["the victim", "The family"],
                     "both": ["The man's", "the man"], "mother": ["The mother of", "the girl"],
                     "friendly": [], "aggregate": []}
    # "the family-friendly" and "the man-made" are ignore idioms, which hide the frame word inside them;
    # distinct terms: "The man" and "the man" are one term; "the mother of" (longest wins) and "the girl" two
    assert {k: v[0] for k, v in _hi_mo_re(texts).items()} == {"story": 1, "victim": 2, "both": 2, "mother": 2,
                                                              "friendly": 0, "aggregate": 0}
    s = F.frame_scores(frame(*texts.values(), ids=list(texts)))
    present = s[(s.frame == "human_interest") & s.present]["article_id"].tolist()
    assert present == ["victim", "both", "mother"]



def test_kit_only_rows_are_not_read_by_the_nfc_coding():
    # frames.csv's `codings` column: the session-10 H1 rows are `kit`, so coding="nfc" reads the lexicon as
    # before them (hand-checked: "The man's" is an every-coding row, "the man" a kit-only one)
    texts = frame("The man's lungs were inflamed, the man said. The family thanked the victim.", ids=["a"])
    kit = F.frame_matches(texts)
    nfc = F.frame_matches(texts, coding="nfc")
    assert kit[kit.frame == "human_interest"]["term"].tolist() == ["The man's", "the man", "The family", "the victim"]
    assert nfc[nfc.frame == "human_interest"]["term"].tolist() == ["The man's"]
    assert F.frame_questions(texts, coding="nfc").set_index("question").loc["H1", "distinct_terms"] == 1
    s = F.frame_scores(texts, coding="nfc", model=False)
    assert s.set_index("frame").loc["human_interest", "distinct_terms"] == 1
    rows = F.compile_lexicon(coding="nfc").table
    assert "the man" not in set(rows[rows.frame == "human_interest"]["term"])
    # kit-only rows: session 10's 13, session 12's 23 (22 ignore idioms, re:griev...); nfc-only: session 12's griev*
    assert len(F.compile_lexicon(coding="kit").table) == len(F.compile_lexicon().table) - 1 == len(rows) + 13 + 23 - 1


def test_lexicon_codings_column_is_checked(tmp_path):
    path = tmp_path / "lex.csv"
    path.write_text("frame,term,question,source,codings\nconflict,feud,C1,test,\nconflict,clash,C1,test,kti\n",
                    encoding="utf-8")
    with pytest.raises(DataFileError, match="conflict,clash.*'kti'"):
        F.load_lexicon(path)
    path.write_text("frame,term,question,source,codings\nconflict,feud,C1,test,nfc\nconflict,clash,C1,test,\n",
                    encoding="utf-8")
    assert F.compile_lexicon(path, coding="kit").table["term"].tolist() == ["clash"]
    assert F.compile_lexicon(path, coding="nfc").table["term"].tolist() == ["feud", "clash"]

def test_moral_vocabulary():
    # guide M1: a moral judgement in moral terms (inhumane, humanity, respect for human life)
    texts = {"moral": "Critics called the detention inhumane and an affront to humanity.",
             "life": "The officers must show respect for human life, the bishop said.",
             "legal": "The court found the detention unlawful."}
    assert _hi_mo_re(texts) == {"moral": (0, 2, 0), "life": (0, 2, 0), "legal": (0, 0, 0)}


def test_lower_case_fast_path_equals_full_regex():
    # speed: plain terms are matched on the lower-cased paragraph; the result must be the full
    # case-insensitive regex's, also around characters that case folding treats specially
    import json

    gold = Path(__file__).parent / "gold"
    lines = (gold / "frames_texts.jsonl").read_text(encoding="utf-8").splitlines()
    texts = [json.loads(line)["text"] for line in lines if line.strip()] + [
        "The WAR in Ukraine: UN troops and EU Ministers discussed the ceaſefire and the İnvaſion.",
        "Negotiations, NEGOTIATIONS and negotiaTions; the un vote and the eu summit. Peace Talks!",
        "ı and ſ in a paragraph with a military attack.\n\nΣ. Plain attack here, and the Peace talks.",
        "Война и мир: the WAR and военные Peace Talks (Cyrillic folds onto no ASCII letter)."]
    arts = pd.DataFrame({"article_id": [str(i) for i in range(len(texts))], "text": texts})
    lex = F.Lexicon(F.load_lexicon())
    assert lex._fast is not None and lex._re_only is not None
    fast = F.frame_matches(arts, lexicon=lex)
    slow_lex = F.Lexicon(F.load_lexicon())
    slow_lex._fast = None
    slow = F.frame_matches(arts, lexicon=slow_lex)
    assert len(fast) > 200
    pd.testing.assert_frame_equal(fast, slow)
    # hand-checked: the long s (ſ) and dotted capital I (İ) fold onto s and i, so these paragraphs
    # take the full regex; UN/EU are case-sensitive `re:` terms, lower-case un/eu are no match
    by_id = {aid: part["term"].tolist() for aid, part in fast.groupby("article_id")}
    n = len(texts) - 1
    assert by_id[str(n - 3)] == ["WAR", "UN", "troops", "EU", "ceaſefire", "İnvaſion"]
    assert by_id[str(n - 2)] == ["Negotiations", "NEGOTIATIONS", "negotiaTions", "summit", "Peace Talks",
                                 "Peace Talks"]
    assert by_id[str(n - 1)] == ["military", "Peace talks", "Peace talks"]
    # hand-checked: Cyrillic letters (some fold onto other Cyrillic letters) keep the fast path
    assert by_id[str(n)] == ["WAR", "Peace Talks", "Peace Talks"]
    assert all(split_body(texts[n]).fast_ok) and not split_body(texts[n - 1]).fast_ok[0]


def test_lexicons_found_together_equal_each_alone():
    # speed: frame_scores(coding="nfc") finds the kit's lexicon and the NFC cues in one scan
    # (candidate positions of both lexicons' plain terms); each lexicon's matches must be its own scan's
    import json

    gold = Path(__file__).parent / "gold"
    lines = (gold / "frames_texts.jsonl").read_text(encoding="utf-8").splitlines()
    texts = [json.loads(line)["text"] for line in lines if line.strip()] + [
        "We must cut emissions now, the minister said.\n\nThe solution: a carbon tax and help reduce costs.",
        "WE MUST ACT. The way forward is the best way to cut emissions; a farmer lost everything.",
        "ſolutions and the ıdea: a resident of Kyiv (Київ) said the war forced them to flee.", ""]
    kit, cues = F.compile_lexicon(), F.compile_lexicon(F.NFC_CUES_PATH)
    alone = [F.Lexicon(F.load_lexicon()), F.Lexicon(F.load_lexicon(F.NFC_CUES_PATH))]
    for lex in alone:
        lex._fast = None   # the full case-insensitive regex, paragraph by paragraph
    found = 0
    for text in texts:
        kit._matches.clear()
        cues._matches.clear()
        together = framing_matching.matches_of(text, (kit, cues))
        assert together == tuple(framing_matching.matches_of(text, (lex,))[0] for lex in alone)
        found += len(together[1])
    assert found > 20
    # hand-checked: the cues of the second text ("we must" starts left of the `re:` term's "MUST ACT", which
    # sends this paragraph to the full regex)
    second = framing_matching.matches_of(texts[-3], (kit, cues))[1]
    assert [m[5] for m in second] == ["WE MUST", "The way forward", "the best way to", "cut emissions",
                                      "a farmer", "lost everything"]


def test_required_strings_of_regex_terms():
    # hand-checked: strings one of which every match of the `re:` term contains (the prefilter)
    assert required_strings("(?-i:UN)") == {("UN", True)}
    assert required_strings(r"[$€]\s?\d") == {("$", True), ("€", True)}
    assert required_strings(r"\d\s?(?:million|billion) dollars") == {("illion dollars", False)}
    assert required_strings(r"(?:he|she) (?:was|felt) sad") == {
        ("he was sad", False), ("he felt sad", False), ("she was sad", False), ("she felt sad", False)}
    assert required_strings(r"[A-Z]\w+['’]s (?:son|wife)") == {
        ("'s son", False), ("'s wife", False), ("’s son", False), ("’s wife", False)}
    assert required_strings(r"\w+ing") == {("ing", False)}
    assert required_strings(r"(?:ab)?\d+") is None          # nothing required: always searched
    assert required_strings(r"x|\d") is None


def test_regex_term_prefilter_gives_the_combined_regex_matches():
    # speed: paragraphs where no `re:` term's required strings occur skip the `re:` search; the
    # matches must be those of the plain combined case-insensitive regex, for any user lexicon
    lexicon = pd.DataFrame({"frame": ["a"] * 12 + ["b"] * 6, "term": [
        "war", "peace talks", "talks", "negotiat*", "re:(?-i:UN)", "re:[$€£]\\s?\\d+(?:\\s?million)?",
        "re:\\d+ (?:million|billion) (?:dollars|euros)", "re:(?:he|she) (?:was|felt) (?:so )?(?:sad|glad)",
        "re:(?-i:[A-Z][a-z]+)['’]s (?:son|wife)", "re:(?-i:[A-Z][a-z]+), \\d\\d?,", "re:(?<!\\w)ex-\\w+",
        "hospital", "re:\\w+gate", "crisis", "re:(?-i:NATO|OSCE)", "re:straße", "re:k\\d", "fund*"]})
    texts = [
        "The WAR: UN and un, NATO and Nato. Peace Talks began; he was so sad and She Felt glad.",
        "Prices rose €5 million and $ 3; 40 billion dollars, 7 million euros. Ford's son, Ford’s wife.",
        "Jane Doe, 34, and john Smith, 5, met the ex-minister at the hospital after Watergate.",
        "No term here at all, just words.\n\nAnother paragraph: negotiations and a crisis fund.",
        "Case folding: HE WAS SAD; the Straße and STRASSE; K9 and \u212a9 (Kelvin sign); ſtraße.",
        "Dotless ı and İstanbul; \u00a3 12 and the UNITED front; EUROS: 3 BILLION EUROS.",
        ""]
    arts = pd.DataFrame({"article_id": [str(i) for i in range(len(texts))], "text": texts})
    lex = F.Lexicon(F.load_lexicon(lexicon))
    assert lex._fast is not None and lex._need is not None
    slow = F.Lexicon(F.load_lexicon(lexicon))
    slow._fast = None                      # the plain combined regex on every paragraph
    got = F.frame_matches(arts, lexicon=lex)
    pd.testing.assert_frame_equal(got, F.frame_matches(arts, lexicon=slow))
    # hand-checked terms of the second text
    assert got[got.article_id == "1"]["term"].tolist() == [
        "€5 million", "$ 3", "40 billion dollars", "7 million euros", "Ford's son", "Ford’s wife"]
    # a term with no required string (a year: \d{4}s?) makes every paragraph search the `re:` terms
    years = pd.concat([lexicon, pd.DataFrame({"frame": ["b"], "term": ["re:\\d{4}s?"]})], ignore_index=True)
    always = F.Lexicon(F.load_lexicon(years))
    assert always._need is None
    texts2 = texts + ["In the 1990s he was sad; in 2019 the UN met."]
    arts2 = pd.DataFrame({"article_id": [str(i) for i in range(len(texts2))], "text": texts2})
    slow2 = F.Lexicon(F.load_lexicon(years))
    slow2._fast = None
    got2 = F.frame_matches(arts2, lexicon=always)
    pd.testing.assert_frame_equal(got2, F.frame_matches(arts2, lexicon=slow2))
    assert got2[got2.article_id == str(len(texts))]["term"].tolist() == ["1990s", "he was sad", "2019", "UN"]


def test_regex_term_prefilter_on_the_gold_texts():
    import json
    gold = Path(__file__).parent / "gold"
    texts = [json.loads(line)["text"] for f in ("frames_texts.jsonl", "frames_gold2_texts.jsonl")
             for line in (gold / f).read_text(encoding="utf-8").splitlines() if line.strip()]
    arts = pd.DataFrame({"article_id": [str(i) for i in range(len(texts))], "text": texts})
    lex = F.Lexicon(F.load_lexicon())
    old = F.Lexicon(F.load_lexicon())
    old._need = None                       # search the `re:` terms in every paragraph
    pd.testing.assert_frame_equal(F.frame_matches(arts, lexicon=lex), F.frame_matches(arts, lexicon=old))


def test_relative_of_one_person_is_human_interest():
    # guide H1/H4: "the son of <a named person>" ties a relative to one person, like "his son"
    texts = {"son": "The son of former President Smith, a 61-year-old physician, was stabbed.",
             "group": "The sons of the revolution and the fathers of the nation met."}
    assert _hi_mo_re(texts) == {"son": (2, 0, 0), "group": (0, 0, 0)}


def test_questions_each_with_their_evidence():
    # hand-checked: "cost" and "$3 billion" (sentence 0) and "Taxpayers" (sentence 1) answer S&V
    # economic Q2 (costs); "critics" C1 (disagreement); "immoral" M1 and "bishop" M2 (sentence 2)
    text = "The plan will cost $3 billion, critics said. Taxpayers face losses. The bishop called it immoral."
    q = F.frame_questions(frame(text, ids=["a"]))
    got = q[q.answered][["frame", "question", "matches", "distinct_terms", "sentences"]].values.tolist()
    assert got == [["conflict", "C1", 1, 1, "0"], ["economic", "E2", 3, 3, "0;1"],
                   ["morality", "M1", 1, 1, "2"], ["morality", "M2", 1, 1, "2"]]
    assert q.set_index("question").loc["M2", "evidence"] == "The bishop called it immoral."
    # every question of the five generic frames has a row, answered or not, and its wording
    assert set(q["question"]) >= {"C1", "C2", "C3", "E1", "E2", "E3", "H1", "M1", "R1", "R3", "R4"}
    wording = F.question_info().set_index("question")["text"]
    assert wording["E2"] == "Is there a mention of the costs or degree of expense involved?"
    assert set(q["question"]) <= set(wording.index)
    m = F.frame_matches(frame(text, ids=["a"]))
    assert m.set_index("term").loc["critics", "question"] == "C1"


def test_model_file_is_checked_when_loaded(tmp_path):
    ok = pd.DataFrame({"frame": ["economic", "economic", "economic"], "feature": ["intercept", "E2", "threshold"],
                       "weight": [-1.0, 2.0, 0.5]})
    m = F.load_model(ok)
    assert m.weights == {"economic": {"intercept": -1.0, "E2": 2.0}} and m.threshold == {"kit": {"economic": 0.5}}
    with pytest.raises(ValueError, match="threshold of economic must lie"):
        F.load_model(ok.assign(weight=[-1.0, 2.0, 1.5]))
    with pytest.raises(ValueError, match="needs an intercept and a threshold"):
        F.load_model(ok.iloc[:2])
    two = F.load_model(pd.concat([ok, pd.DataFrame({"frame": ["economic"], "feature": ["threshold_nfc"],
                                                    "weight": [0.7]})]))
    assert two.threshold == {"kit": {"economic": 0.5}, "nfc": {"economic": 0.7}}
    bad = tmp_path / "m.csv"
    bad.write_text("frame,feature,weight\neconomic,intercept,x\neconomic,threshold,0.5\n")
    with pytest.raises(ValueError, match="m.csv: weight 'x'"):
        F.load_model(bad)
    # the kit's model covers the five generic frames, each question feature one the lexicon knows
    kit = F.load_model()
    assert sorted(kit.weights) == sorted(F.GENERIC_FRAMES) and sorted(kit.threshold) == ["kit", "nfc"]
    with pytest.raises(ValueError, match="coding 'sv'"):
        F.frame_scores(frame("text"), coding="sv")
    known = set(F.load_lexicon()["question"]) | set(F.MODEL_FEATURES)
    lexicon = F.load_lexicon()
    known |= {f"{F.TERM_FEATURE}{f}:{t}" for f, t in zip(lexicon["frame"], lexicon["term"])}
    assert {framing_model.feature_coding(f)[0] for w in kit.weights.values() for f in w} <= known
    # calibration rows come in pairs, for codings with thresholds; a coding-only feature names a known coding
    cal = pd.DataFrame({"frame": ["economic"] * 2, "feature": ["calibration_intercept_kit", "calibration_slope_kit"],
                        "weight": [0.5, 2.0]})
    assert F.load_model(pd.concat([ok, cal])).calibration == {"kit": {"economic": (0.5, 2.0)}}
    with pytest.raises(ValueError, match="needs an intercept and a slope"):
        F.load_model(pd.concat([ok, cal.iloc[:1]]))
    with pytest.raises(ValueError, match="coding 'nfc', which has no thresholds"):
        F.load_model(pd.concat([ok, cal.assign(feature=["calibration_intercept_nfc", "calibration_slope_nfc"])]))
    with pytest.raises(ValueError, match="names a coding without thresholds"):
        F.load_model(pd.concat([ok, pd.DataFrame({"frame": ["economic"], "feature": ["log1p_words|sv"], "weight": [1.0]})]))


def test_text_shape_counts_words_quotation_marks_and_attributions():
    text = 'He said "no." She says it was, according to him, \u201cfine\u201d. They told me.'
    assert F.text_shape(text) == F.TextShape(words=14, quote_marks=4, attributions=4)
    assert F.text_shape("") == F.text_shape(None) == F.TextShape(0, 0, 0)


def test_probability_is_calibrated_per_coding_and_reads_coding_only_features():
    # z = -1.5 + 1.5 log(1 + E2 terms) [+ log(1 + quotation marks) for nfc]; nfc calibrated as logistic(0.5 + 2 z)
    model = pd.DataFrame({"frame": ["economic"] * 7,
                          "feature": ["intercept", "E2", "log1p_quote_marks|nfc", "calibration_intercept_nfc",
                                      "calibration_slope_nfc", "threshold_kit", "threshold_nfc"],
                          "weight": [-1.5, 1.5, 1.0, 0.5, 2.0, 0.5, 0.99]})
    arts = frame('The plan will cost $3 billion, "a lot", he said "twice".', ids=["a"])
    kit = F.frame_scores(arts, model=model).set_index("frame").loc["economic"]
    nfc = F.frame_scores(arts, model=model, coding="nfc").set_index("frame").loc["economic"]
    z = -1.5 + 1.5 * math.log1p(2)
    assert kit["probability"] == pytest.approx(1 / (1 + math.exp(-z)))            # 0.537
    assert nfc["probability"] == pytest.approx(1 / (1 + math.exp(-(0.5 + 2 * (z + math.log1p(4))))))   # 0.973
    assert kit["present"] and not nfc["present"]   # nfc's cut-off is 0.99


def test_probability_reads_lexicon_term_weights_for_their_coding():
    # nfc adds the weights of the lexicon terms the article holds, of any frame: economic z = -1 + 1.5 log(1 + 2
    # distinct terms) [nfc: + 2 (`cost`) + 0.5 (conflict's `critics`) - 1 (absent `costs`: not read)]
    model = pd.DataFrame({"frame": ["economic"] * 7,
                          "feature": ["intercept", "log1p_distinct_terms", "term:economic:cost|nfc",
                                      "term:conflict:critics|nfc", "term:economic:costs|nfc", "threshold_kit", "threshold_nfc"],
                          "weight": [-1.0, 1.5, 2.0, 0.5, -1.0, 0.5, 0.5]})
    arts = frame("The plan will cost $3 billion, critics said.", ids=["a"])
    kit = F.frame_scores(arts, model=model).set_index("frame").loc["economic", "probability"]
    nfc = F.frame_scores(arts, model=model, coding="nfc").set_index("frame").loc["economic", "probability"]
    z = -1.0 + 1.5 * math.log1p(2)
    assert kit == pytest.approx(1 / (1 + math.exp(-z)))                  # 0.662
    assert nfc == pytest.approx(1 / (1 + math.exp(-(z + 2.0 + 0.5))))    # 0.960
    # a term holding `|` (a regular expression) keeps it: the coding is what follows the last `|`
    assert framing_model.feature_coding("term:human_interest:re:(?:a|b)|nfc") == ("term:human_interest:re:(?:a|b)", "nfc")
    assert framing_model.feature_coding("log1p_words") == ("log1p_words", "")


def test_probability_is_the_logistic_of_the_question_evidence():
    # a model written by hand: economic z = -1.5 + 1.5 log(1 + E2 terms); threshold 0.5
    model = pd.DataFrame({"frame": ["economic"] * 3, "feature": ["intercept", "E2", "threshold"],
                          "weight": [-1.5, 1.5, 0.5]})
    arts = frame("The plan will cost $3 billion.", "The plan will cost more.", "Nothing here.", ids=["two", "one", "none"])
    s = F.frame_scores(arts, model=model).set_index(["article_id", "frame"])
    for aid, n in (("two", 2), ("one", 1), ("none", 0)):
        want = 1 / (1 + math.exp(1.5 - 1.5 * math.log1p(n)))
        assert s.loc[(aid, "economic"), "probability"] == pytest.approx(want)
    # present = probability >= 0.5 (two terms: 0.537; one: 0.387; none: 0.182) and at least one term
    assert [bool(s.loc[(a, "economic"), "present"]) for a in ("two", "one", "none")] == [True, False, False]
    assert math.isnan(s.loc[("two", "conflict"), "probability"])   # frames outside the model: the 2-term rule
    # the plain rule on request, and no model with another lexicon
    assert not F.frame_scores(arts, min_terms=3, model=model).set_index(["article_id", "frame"]).loc[("two", "economic"), "present"]
    assert F.frame_scores(arts, lexicon=TOY)["probability"].isna().all()


def test_every_present_frame_has_its_evidence():
    arts = pd.DataFrame([json.loads(line) for line in open(Path(__file__).parent / "gold" / "frames_texts.jsonl",
                                                             encoding="utf-8")])[["article_id", "text"]]
    s = F.frame_scores(arts)
    m = F.frame_matches(arts)
    present = set(map(tuple, s[s.present][["article_id", "frame"]].values))
    evidenced = set(map(tuple, m[["article_id", "frame"]].values))
    assert present and present <= evidenced
    p = s[s.frame.isin(F.GENERIC_FRAMES)]["probability"]
    assert p.between(0, 1).all()
    nfc = F.frame_scores(arts, coding="nfc")   # the NFC coding's term models too
    present = set(map(tuple, nfc[nfc.present][["article_id", "frame"]].values))
    assert present and present <= evidenced and nfc["probability"].dropna().between(0, 1).all()


def test_distinct_terms_each_coding_needs():
    # docs/framing.md's table: the shipped model's thresholds in distinct terms, per coding convention, for
    # an article of 637 words with 16 quotation marks and 4 attributions (the NFC articles' medians)
    model = F.load_model()
    shape = F.TextShape(637, 16, 4)
    need = {}
    for coding in ("kit", "nfc"):
        for f in F.GENERIC_FRAMES:
            scorer = framing_model.Scorer(f, framing_model.coding_weights(model.weights[f], coding), {},
                               model.calibration.get(coding, {}).get(f, (0.0, 1.0)))
            need[coding, f] = next((d for d in range(1, 30) if scorer(637, (), d, shape) >= model.threshold[coding][f]), None)
    # morality 1 since session 12's refit on frames12's kit counts (threshold_kit 0.55 -> 0.26; 2 before)
    assert [need["kit", f] for f in F.GENERIC_FRAMES] == [2, 2, 2, 1, 2]
    # the nfc coding reads its term models for human_interest and economic (which terms, not how many,
    # decide there; the kit's coding reads none); the other three need 2 / 3 / 5 distinct terms
    reads_terms = {f for f in F.GENERIC_FRAMES if framing_model.Scorer(f, framing_model.coding_weights(model.weights[f], "nfc"), {}).terms}
    assert reads_terms == {"human_interest", "economic"}
    assert not any(framing_model.Scorer(f, framing_model.coding_weights(model.weights[f], "kit"), {}).terms for f in F.GENERIC_FRAMES)
    assert [need["nfc", f] for f in ("conflict", "morality")] == [2, 3]
    # responsibility (NFC's resolution) counts its distinct terms together with the resolution cues (since
    # 2026-12-04, issue 17's fourth round): 8 together, so 8 of its own without a cue, 5 with the NFC
    # articles' median cues (2 for re2, 1 for re6) (10 and 7 before session 9's R3 terms and the refit; before
    # the fourth round: 5 whatever the cues); the kit's coding reads none
    f = "responsibility"
    scorer = framing_model.Scorer(f, framing_model.coding_weights(model.weights[f], "nfc"), {}, model.calibration["nfc"][f])
    assert scorer.with_cues > 0 and scorer.distinct == 0
    assert not framing_model.Scorer(f, framing_model.coding_weights(model.weights[f], "kit"), {}).with_cues
    needs = [next(d for d in range(1, 40) if scorer(637, (), d, shape, None, cues) >= model.threshold["nfc"][f])
             for cues in ({}, {"re2": 2, "re6": 1})]
    assert needs == [8, 5]
    # human interest's term model counts its cues (hi1-hi3) with its distinct terms too, for nfc only
    hi = "human_interest"
    assert framing_model.Scorer(hi, framing_model.coding_weights(model.weights[hi], "nfc"), {}).with_cues > 0
    assert not framing_model.Scorer(hi, framing_model.coding_weights(model.weights[hi], "kit"), {}).with_cues


def test_nfc_cues_answer_the_nfc_questions_with_their_evidence():
    # hand-checked: "should quickly cut" (a modal with an action verb; it takes "cut", so "cut emissions" is
    # not matched as well) and "carbon tax" answer re2 (a solution suggested), "aims to" and "could help"
    # re6 (an actor able to alleviate the problem); "lost their" hi3 (how people are affected), "I remember"
    # hi1 (first-person testimony); each question with the sentences holding its terms
    text = ("Governments should quickly cut emissions. The city aims to plant trees, and a carbon tax could help. "
            "I remember when they lost their homes.")
    assert F.nfc_cue_counts(text) == {"responsibility": {"re2": 2, "re6": 2}, "human_interest": {"hi1": 1, "hi3": 1}}
    q = F.frame_questions(frame(text, ids=["a"]), lexicon=F.NFC_CUES_PATH).set_index("question")
    assert q.loc["re2", ["matches", "distinct_terms", "sentences"]].tolist() == [2, 2, "0;1"]
    assert q.loc["re2", "evidence"] == "Governments should quickly cut emissions."
    assert q.loc["re6", ["matches", "sentences"]].tolist() == [2, "1"]
    assert q.loc["hi3", ["frame", "sentences", "evidence"]].tolist() == ["human_interest", "2",
                                                                         "I remember when they lost their homes."]
    assert F.nfc_cue_counts("Nothing to see here.") == {}
    cues = F.load_lexicon(F.NFC_CUES_PATH)
    assert set(cues["frame"]) == {"responsibility", "human_interest"}
    assert set(cues["question"]) == {"re2", "re6", "hi1", "hi2", "hi3"}
    assert (cues["source"].str.len() > 0).all() and not cues.duplicated("term").any()
    # `log1p_distinct_with_cues` counts the frame's distinct terms with its own cues, for its coding only:
    # the first two sentences hold 2 responsibility terms of frames.csv ("aims to", "could help") and 4 of
    # its cues, so z = log(1 + 2 + 4), probability 7 / 8 (kit: z = 0, 1 / 2); the first sentence alone: no
    # term of the frame, 1 cue, z = log 2, probability 2 / 3, but not present (no evidence in frame_matches)
    two = "Governments should quickly cut emissions. The city aims to plant trees, and a carbon tax could help."
    merged = pd.DataFrame({"frame": ["responsibility"] * 4,
                           "feature": ["intercept", "log1p_distinct_with_cues|nfc", "threshold_kit", "threshold_nfc"],
                           "weight": [0.0, 1.0, 0.5, 0.5]})
    got = F.frame_scores(frame(two, ids=["a"]), model=merged, coding="nfc").set_index("frame")
    assert got.loc["responsibility", ["distinct_terms", "present"]].tolist() == [2, True]
    assert got.loc["responsibility", "probability"] == pytest.approx(7 / 8)
    kit = F.frame_scores(frame(two, ids=["a"]), model=merged, coding="kit").set_index("frame")
    assert kit.loc["responsibility", "probability"] == pytest.approx(0.5)
    first = "Governments should quickly cut emissions."
    got = F.frame_scores(frame(first, ids=["a"]), model=merged, coding="nfc").set_index("frame")
    assert got.loc["responsibility", "probability"] == pytest.approx(2 / 3)
    assert got.loc["responsibility", ["distinct_terms", "present"]].tolist() == [0, False]


def _train_frames():
    import importlib
    import sys
    bench = str(Path(__file__).resolve().parents[1] / "benchmarks")
    if bench not in sys.path:
        sys.path.insert(0, bench)
    return importlib.import_module("train_frames")


def test_cross_validation_measures_by_hand():
    T = _train_frames()
    y = np.array([True, True, False, True, False, False, True, False, False, False])
    score = np.array([0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.0])
    # 4 coded; recall >= 0.7 needs 3 found: the cut-off 0.6 finds 0.9, 0.8, 0.7, 0.6 -> precision 3/4
    assert T.precision_at_recall(y, score) == pytest.approx(0.75)
    # AUC: of the 4 x 6 pairs, coded above uncoded in 20 (0.7 beats 0.6 and 0.3; 0.4 beats 0.3; ...)
    assert T.auc(y, score) == pytest.approx(20 / 24)
    cv = pd.DataFrame({"dataset": "nfc", "method": "m", "gold": y, "score": score})
    table = T.reliability(cv, "nfc", "m", bins=2).set_index("probability")
    assert table.loc["0.0-0.5", "pairs"] == 5 and table.loc["0.0-0.5", "coded_share"] == pytest.approx(0.2)
    assert table.loc["0.5-1.0", "mean_probability"] == pytest.approx(0.7)
    assert table.loc["all", "coded_share"] == pytest.approx(0.4)
    # the threshold is the cut-off with the best kappa: the four highest found (tp 3, fp 1), a cut-off in (0.5, 0.6]
    assert 0.5 < T.best_threshold(y, score) <= 0.6


def test_model_inputs_keep_the_coding_only_shape_apart():
    T = _train_frames()
    arts = pd.DataFrame({"article_id": ["a", "b"], "dataset": ["nfc", "kit1"],
                         "text": ['Costs rose, "he said". The budget and the price.', "The budget."]})
    feats = T.question_features(arts)["economic"]
    cols = list(T.model_inputs(feats, "distinct+shape|nfc").columns)
    assert cols == ["log1p_distinct_terms", "log1p_words|nfc", "log1p_quote_marks|nfc", "log1p_attributions|nfc"]
    assert feats.loc["a", "log1p_quote_marks|nfc"] == pytest.approx(math.log1p(2))
    assert feats.loc["b", "log1p_words|nfc"] == 0 and feats.loc["b", "log1p_words"] == pytest.approx(math.log1p(2))


def test_auc_within_folds_ranks_each_fold_alone():
    T = _train_frames()
    # fold 0: coded 0.9, 0.2 vs uncoded 0.5 -> 1 of 2 pairs; fold 1: coded 0.4 vs uncoded 0.3, 0.1 -> 2 of 2;
    # fold 2 holds one class only and is left out: (0.5 + 1.0) / 2. Pooled, 0.4 and 0.2 rank below 0.5: 7 of 12.
    part = pd.DataFrame({"fold": [0, 0, 0, 1, 1, 1, 2],
                         "gold": [True, True, False, True, False, False, False],
                         "score": [0.9, 0.2, 0.5, 0.4, 0.3, 0.1, 0.8]})
    assert T.auc_within_folds(part) == pytest.approx(0.75)
    assert T.auc(part["gold"].to_numpy(), part["score"].to_numpy()) == pytest.approx(7 / 12)
    assert math.isnan(T.auc_within_folds(part.drop(columns="fold")))


def _frames_ideas():
    _train_frames()
    import importlib
    return importlib.import_module("frames_ideas")


def test_scheme_rule_reads_a_pair_of_questions():
    I = _frames_ideas()
    nan = float("nan")
    # coded exactly when questions 0 and 2 are both yes: "at least k of the three" agrees on 2/6 (k=1),
    # 4/6 (k=2), 5/6 (k=3); "both of 0 and 2" on 6/6 (an unanswered question counts as no)
    majority = np.array([[1, 0, 1], [1, 1, 0], [0, 1, 1], [1, nan, 0], [0, 0, 1], [1, 1, 1]], float)
    y = np.array([True, False, False, False, False, True])
    assert I.scheme_rule(majority, y) == I.SchemeRule((0, 2), 2)
    # the at-least-k rules come first: with labels "2 or more yes" k=2 wins, though no pair does better
    assert I.scheme_rule(majority, np.nansum(majority, axis=1) >= 2) == I.SchemeRule((0, 1, 2), 2)


def test_rule_share_counts_each_annotator_under_the_scheme():
    I = _frames_ideas()
    nan = float("nan")
    # article 0: annotator 0 yes/yes (codes), 1 yes/no, 2 answered neither (not counted), 3 no/- -> 1 of 3;
    # article 1: nobody answered -> 0
    votes = {"q0": np.array([[1, 1, nan, 0], [nan] * 4]), "q1": np.array([[0, 0, 0, 1], [nan] * 4]),
             "q2": np.array([[1, 0, nan, nan], [nan] * 4])}
    share = I.rule_share(votes, np.array([0, 1]), I.SchemeRule((0, 2), 2))
    assert share == pytest.approx([1 / 3, 0.0])


def test_bagged_threshold_is_the_middle_of_the_separating_cut_offs():
    I = _frames_ideas()
    y = np.array([False, False, False, True, True, True])
    p = np.array([0.1, 0.2, 0.3, 0.7, 0.8, 0.9])
    # every cut-off in (0.3, 0.7] separates the classes in every resample: 0.31 ... 0.70, middle 0.51
    assert I.bagged_threshold(y, p) == pytest.approx(0.51)
    assert 0.3 < I.bagged_threshold(y, p, bags=5, seed=3) <= 0.7


def test_prefix_strings_of_regex_terms():
    # hand-checked: strings one of which every match starts with (lower-cased), where a lexicon's `re:`
    # terms are tried among the candidate positions; None when unknown, empty or not ASCII
    from analysis.frame_prefilter import prefix_strings

    assert prefix_strings(r"\b(?:should|must)\s+act") == {"should", "must"}
    assert prefix_strings("(?-i:UN)") == {"un"}
    assert prefix_strings("(?:ab)?cd") == {"cd", "abcd"}
    assert prefix_strings("(?=ab)abc") == {"abc"}
    assert prefix_strings(r"x*y") is None                 # may start with y or x: no finite prefix derived
    assert prefix_strings(r"[A-Z]\w+") is None            # 26 letters: more than a requirement may hold
    assert prefix_strings(r"[$€]\d") is None              # not ASCII


def test_frame_ranks_break_ties_by_questions_answered_by_weak_cues():
    # session 11: rank_score = distinct lexicon terms + (questions answered by frames_sv_cues.csv) / 100
    # (hand-checked): responsibility holds "government must" and "act now" (2 terms), its cues answer R1
    # (government) and R3 (must, should: one question); "did not immediately" is an ignore idiom, not R5 urgency.
    # Morality holds "bishop" and "pray" (2 terms), its cues M1 (wrong) and M3 (should, must).
    texts = {"both": "The government must act now. It is wrong, and the bishop said we should pray. "
                     "A spokesman did not immediately respond.",
             "cue only": "Officials should not cheat.", "nothing": "The weather was fine."}
    arts = pd.DataFrame({"article_id": list(texts), "text": list(texts.values())})
    r = F.frame_ranks(arts).set_index(["article_id", "frame"])
    assert r.loc[("both", "responsibility"), ["distinct_terms", "cue_questions"]].tolist() == [2, 2]
    assert r.loc[("both", "responsibility"), "rank_score"] == pytest.approx(2.02)
    assert r.loc[("both", "morality"), ["distinct_terms", "cue_questions"]].tolist() == [2, 2]
    # no lexicon term: the cues alone order the tie at zero (M1 cheat, M3 should not; R1 officials only: the
    # longest term wins, so morality's "should not" hides responsibility's "should")
    assert r.loc[("cue only", "morality"), ["distinct_terms", "cue_questions"]].tolist() == [0, 2]
    assert r.loc[("cue only", "responsibility"), ["distinct_terms", "cue_questions"]].tolist() == [0, 1]
    assert r.loc[("nothing", "morality"), "rank_score"] == 0.0
    assert r.loc[("cue only", "conflict"), "cue_questions"] == 0   # no conflict cue in the text
    # presence and every frame_scores column are frame_scores' own
    pd.testing.assert_frame_equal(r.reset_index().drop(columns=["cue_questions", "rank_score"]),
                                  F.frame_scores(arts), check_like=True)
    q = F.frame_questions(arts, lexicon=F.SV_CUES_PATH)
    assert not q[(q.article_id == "both") & (q.question == "R5")]["answered"].any()
    ev = q[(q.article_id == "cue only") & (q.question == "M1")]["evidence"].tolist()
    assert ev == ["Officials should not cheat."]
    # the other frames' cues (hand-checked): conflict C2 + C4, economic E2, human interest H1 + H2
    other = pd.DataFrame({"article_id": ["x"], "text": ["Critics blamed the mayor after he won. The fee was paid. "
                                                         "A woman said she was afraid."]})
    rx = F.frame_ranks(other).set_index("frame")["cue_questions"]
    assert rx[["conflict", "economic", "human_interest", "morality"]].tolist() == [2, 1, 2, 0]

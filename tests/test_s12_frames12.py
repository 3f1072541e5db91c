"""Session 12 (frames12, issue 17): wildcards of the S&V frames that match words of another sense.

Hand-checked values; every one fails on the lexicon and cue files before this session (the wrong sense was
counted)."""
import pandas as pd

from analysis import framing as F


def _scores(texts: dict, coding: str = "kit") -> pd.DataFrame:
    arts = pd.DataFrame({"article_id": list(texts), "text": list(texts.values())})
    return F.frame_scores(arts, coding=coding).set_index(["article_id", "frame"])


TEXTS = {
    "rabbit": "Rabbits ate the garden while Churchill watched from the Templeton house.",
    "rabbi": "The rabbi spoke at the church.",
    "curbelo": "Representative Carlos Curbelo spoke on Tuesday.",
    "curb": "The rules curb emissions.",
    "accustomed": "He was accustomed to Protestants in the town.",
    "protests": "The accused joined the protests.",
    "grievance": "Their grievances were heard.",
    "grieving": "She was grieving for weeks.",
    "cdc": "The Centers for Disease Control and Prevention said so.",
}


def test_wrong_senses_of_wildcards_are_not_counted_by_the_kit_coding():
    s = _scores(TEXTS)
    # morality: rabbi* no longer reads Rabbits, church* Churchill, temple* Templeton; the words themselves count
    assert s.loc[("rabbit", "morality"), "distinct_terms"] == 0
    assert s.loc[("rabbi", "morality"), "distinct_terms"] == 2     # rabbi*, church*
    # responsibility: curb* is not the name Curbelo; the US agency's name is not a solution (prevention)
    assert s.loc[("curbelo", "responsibility"), "distinct_terms"] == 0
    assert s.loc[("curb", "responsibility"), "distinct_terms"] == 1
    assert s.loc[("cdc", "responsibility"), "distinct_terms"] == 0
    # conflict: accus* not accustomed, protest* not Protestants; accused and protests still count
    assert s.loc[("accustomed", "conflict"), "distinct_terms"] == 0
    assert s.loc[("protests", "conflict"), "distinct_terms"] == 2
    # human interest: grieving is H2, grievances is not (still conflict's grievance*)
    assert s.loc[("grievance", "human_interest"), "distinct_terms"] == 0
    assert s.loc[("grievance", "conflict"), "distinct_terms"] == 1
    assert s.loc[("grieving", "human_interest"), "distinct_terms"] == 1


def test_nfc_coding_reads_the_rows_its_models_were_fitted_on():
    # the session-12 rows are `codings = kit`: coding="nfc" counts as before (its fitted term weights name
    # griev*, curb* ...), until its models are refitted
    s = _scores(TEXTS, coding="nfc")
    assert s.loc[("rabbit", "morality"), "distinct_terms"] == 3     # rabbi*, church*, temple* (Rabbits, Churchill, Templeton)
    assert s.loc[("curbelo", "responsibility"), "distinct_terms"] == 1
    assert s.loc[("grievance", "human_interest"), "distinct_terms"] == 1
    assert s.loc[("cdc", "responsibility"), "distinct_terms"] == 1


def test_evidence_sentences_kept_for_the_remaining_matches():
    arts = pd.DataFrame({"article_id": ["a"], "text": ["Rabbits ran. The rabbi prayed at the church."]})
    m = F.frame_matches(arts)
    mor = m[m.frame == "morality"]
    assert sorted(mor["term"].str.lower()) == ["church", "prayed", "rabbi"]
    assert set(mor["sentence"]) == {1}
    q = F.frame_questions(arts)
    ev = q[(q.frame == "morality") & (q.question == "M2")]["evidence"].tolist()
    assert ev == ["The rabbi prayed at the church."]


def test_sv_cues_word_forms():
    # conflict's oppos* no longer reads "opposite", accus* not "accustomed"; economic's price* not "priceless"
    arts = pd.DataFrame({"article_id": ["wrong", "right"],
                         "text": ["The opposite bank, accustomed to priceless art.",
                                  "They opposed the prices and accused the seller."]})
    r = F.frame_ranks(arts).set_index(["article_id", "frame"])["cue_questions"]
    assert (r.loc["wrong", "conflict"], r.loc["wrong", "economic"]) == (0, 0)
    assert (r.loc["right", "conflict"], r.loc["right", "economic"]) == (2, 1)   # C1 opposed, C2 accused; E2 prices


def test_idioms_of_the_weak_frames_read_in_uncoded_texts():
    # hand-checked: "his home state" is a politician's state (not his private home, H4), "pledged delegates" the
    # US primaries (not a pledge, R3), "a hell of a" and "a far cry" idioms (not M2 hell, not H2 cry)
    texts = {"state": "He won his home state easily.", "home": "He was at his home when it burned.",
             "delegates": "She has 300 pledged delegates.", "pledge": "She pledged to cut taxes.",
             "hell": "It is one hell of a laptop.", "cry": "That is a far cry from a rallying cry.",
             "tears": "She began to cry."}
    s = _scores(texts)
    assert s.loc[("state", "human_interest"), "distinct_terms"] == 0
    assert s.loc[("home", "human_interest"), "distinct_terms"] == 1
    assert s.loc[("delegates", "responsibility"), "distinct_terms"] == 0
    assert s.loc[("pledge", "responsibility"), "distinct_terms"] == 1
    assert s.loc[("hell", "morality"), "distinct_terms"] == 0
    assert s.loc[("cry", "human_interest"), "distinct_terms"] == 0
    assert s.loc[("tears", "human_interest"), "distinct_terms"] == 1
    # the NFC coding reads them as before (kit-only rows)
    n = _scores(texts, coding="nfc")
    assert n.loc[("state", "human_interest"), "distinct_terms"] == 1
    assert n.loc[("delegates", "responsibility"), "distinct_terms"] == 1


def test_sv_cue_idioms():
    # hand-checked: "home state", "with respect to", "the wrong track" are not H4 private life nor M1 judgements;
    # "at home" and "it is wrong" still are
    arts = pd.DataFrame({"article_id": ["idioms", "cues"],
                         "text": ["He won his home state. With respect to polls, voters say the wrong track.",
                                  "She stayed at home. It is wrong."]})
    r = F.frame_ranks(arts).set_index(["article_id", "frame"])["cue_questions"]
    assert (r.loc["idioms", "human_interest"], r.loc["idioms", "morality"]) == (0, 0)
    assert (r.loc["cues", "human_interest"], r.loc["cues", "morality"]) == (1, 1)

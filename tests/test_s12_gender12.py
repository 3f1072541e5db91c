"""Session 12 (gender12, issue 13): source gender rules added this session. Expected values were
checked by reading the texts and gender-guesser's list (`nam_dict.txt`: `1F Mary`, `1M Javier`,
`?M Chris` with a US figure, `?F Hiro` with a Japanese figure only)."""
from __future__ import annotations

from analysis import sourcing
from analysis.sourcing import firstnames


def direct(text):
    return [(r.speaker, r.gender, r.gender_evidence) for r in sourcing.article_attributions(text)
            if r.kind == "direct"]


def test_first_part_names_are_read_from_the_list():
    # `1F` / `1M`: a female (male) name when first part of a name; gender-guesser reads them `mostly_*`
    assert firstnames.first_part_gender("Mary") == "female"
    assert firstnames.first_part_gender("Javier") == "male"
    assert firstnames.first_part_gender("Maria") == "female"
    assert firstnames.first_part_gender("Chris") is None          # `?M`: a unisex name, mostly male
    assert firstnames.first_part_gender("Donald") is None         # `M`: first_name_gender decides it
    assert firstnames.first_name_gender("Mary") is None           # unchanged (used by other modules)


def test_a_first_part_name_decides_like_a_listed_one():
    # PolNeAR dev: `Gov. Mary Fallin` with no pronoun was `unknown`
    text = "\u201cWe will not raise taxes,\u201d Gov. Mary Fallin said on Tuesday."
    assert direct(text) == [("Mary Fallin", "female",
                             "first name: Mary (gender-guesser; female as a name's first part)")]
    text = "\u201cThe vote matters,\u201d said Javier Palomarez, who leads a business group."
    assert direct(text)[0][1:] == ("male", "first name: Javier (gender-guesser; male as a name's first part)")


def test_us_leaning_names():
    assert firstnames.us_leaning_first_name_gender("Chris") == "male"
    assert firstnames.us_leaning_first_name_gender("Erin") == "female"
    assert firstnames.us_leaning_first_name_gender("Hiro") is None    # leans female only outside the US
    assert firstnames.us_leaning_first_name_gender("Mo") is None
    assert firstnames.us_leaning_first_name_gender("Pat") is None     # `andy`
    assert firstnames.us_leaning_first_name_gender("Donald") is None  # decided, not leaning


def test_a_us_leaning_name_decides_when_no_pronoun_is_attached():
    # PolNeAR dev: `Republican political consultant Chris Russell` said one line, no pronoun: was unknown
    text = ("\u201cIt just became a lot of people competing for that space,\u201d said Republican political "
            "consultant Chris Russell.")
    assert direct(text) == [("Chris Russell", "male",
                             "first name: Chris (gender-guesser: mostly male in the US; no pronoun)")]
    # a name that leans only in another country's column, or is `andy`, still decides nothing
    assert direct(text.replace("Chris", "Hiro"))[0][1] == "unknown"
    assert direct(text.replace("Chris", "Pat"))[0][1:] == ("unknown", "no evidence")


def test_a_pronoun_of_the_other_side_keeps_a_leaning_name_undecided():
    # one `she` attached to Chris Russell (by position) while a woman is named: step 3 leaves him undecided,
    # and step 7 needs no pronoun at all for the other side
    text = ("Chris Russell met Hillary Clinton on Monday, and she said the race was close.\n\n"
            "\u201cIt just became a lot of people competing,\u201d said Chris Russell.")
    assert direct(text)[0][:2] == ("Chris Russell", "unknown")


def test_a_surname_speaker_takes_the_leaning_first_name_the_article_writes():
    # PolNeAR dev: `he told Chris Wallace of Fox News` is no speaker phrase, so only `Wallace` is registered
    text = ("Chris Wallace of Fox News then describes what happens.\n\n"
            "\u201cThat is not an answer,\u201d Wallace said.")
    assert direct(text) == [("Wallace", "male",
                             "first name: Chris (gender-guesser: mostly male in the US; no pronoun)")]


def test_the_corpus_pass_mends_a_leaning_name_the_list_gets_wrong():
    # Lindsey Graham: `Lindsey` leans female in the US column; an article with no pronoun says female by the
    # name (step 7), but a first-name call never votes in the corpus pass and gives way to what two other
    # articles' own evidence says (he)
    import pandas as pd

    from analysis.sourcing.corpus_gender import with_corpus_gender
    alone = "Sen. Lindsey Graham spoke in Iowa on Monday.\n\n\u201cWe will win this state,\u201d Graham said."
    said_he = "Sen. Lindsey Graham spoke in Iowa on Monday. He said the system is rigged.\n\n" \
              "\u201cWe will win this state,\u201d Graham said."
    rows = []
    for aid, text in (("a", alone), ("b", said_he), ("c", said_he)):
        rows += [{"article_id": aid, "speaker": r.speaker, "kind": r.kind, "gender": r.gender,
                  "gender_evidence": r.gender_evidence} for r in sourcing.article_attributions(text)]
    table = pd.DataFrame(rows)
    assert table.loc[table.article_id == "a", "gender"].tolist() == ["female"]
    mended = with_corpus_gender(table)
    assert mended.loc[mended.article_id == "a", "gender"].tolist() == ["male"]
    assert mended.loc[mended.article_id == "a", "gender_evidence"].iloc[0].startswith(
        "corpus: male by article evidence in 2 of 2 articles; article: first name: Lindsey")

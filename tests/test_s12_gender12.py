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


def test_a_name_the_us_column_decides_outright():
    # `Nate`: female in the list overall, male in its US column (PolNeAR dev: `Nate Cohn`, unknown before)
    assert firstnames.first_name_gender("Nate") is None
    assert firstnames.us_leaning_first_name_gender("Nate") == "male"
    assert firstnames.us_leaning_first_name_gender("Nate", outright=True) == "male"
    assert firstnames.us_leaning_first_name_gender("Chris", outright=True) is None
    text = "\u201cThe polls were close,\u201d said Nate Cohn, who writes about elections."
    assert direct(text) == [("Nate Cohn", "male", "first name: Nate (gender-guesser: male in the US; no pronoun)")]


def test_a_hyphenated_first_name_whose_parts_agree():
    assert firstnames.compound_first_name_gender("Eva-Maria") == "female"     # Eva female, Maria 1F
    assert firstnames.compound_first_name_gender("Mary-Kate") == "female"
    assert firstnames.compound_first_name_gender("Jean-Claude") is None       # Jean decides nothing
    assert firstnames.compound_first_name_gender("Anne-Marie") is None        # the list holds it whole
    assert firstnames.compound_first_name_gender("Eva") is None
    # PolNeAR dev: a German government spokeswoman, `unknown` before
    text = "\u201cWe see no reason for that,\u201d said Eva-Maria Schultheis, a government official."
    assert direct(text)[0][1:] == ("female", "first name: Eva-Maria (gender-guesser; female in every part)")


def test_a_kin_noun_a_possessive_puts_before_the_name():
    from analysis.sourcing.gender import apposition_gender
    # PolNeAR dev: `Trump prevented his first wife, Ivana, who ...` (speaker `Ivana`, `unknown` before)
    got = apposition_gender("Ivana", "Trump prevented his first wife, Ivana, who worked with him.")
    assert (got.gender, got.noun, got.phrase) == ("female", "wife", "his first wife, Ivana")
    assert apposition_gender("Ivanka Trump", "Trump\u2019s daughter Ivanka Trump spoke.").gender == "female"
    assert apposition_gender("Nick Merrill", "her spokesman, Nick Merrill, said").gender == "male"
    # no possessive: a noun ending a clause before the name is no apposition
    assert apposition_gender("Smith", "The suspect was a man, Smith said.") is None
    # the noun must stand right before the whole name, not before another name of the family
    assert apposition_gender("Trump", "his daughter, Ivanka Trump, spoke") is None
    # nouns of both genders: nothing
    assert apposition_gender("Alex Lee", "his son Alex Lee ... her daughter Alex Lee") is None
    text = ("Trump prevented his first wife, Ivana, who collaborated with him, from writing about it.\n\n"
            "\u201cI signed it,\u201d Ivana said.")
    assert direct(text)[-1] == ("Ivana", "female", "noun: wife (his first wife, Ivana)")


def test_a_registered_name_ending_on_a_gendered_noun():
    # PolNeAR dev: `Merkel spokesman` kept whole as a speaker, no role of its own: `unknown` before
    from analysis.sourcing.gender import head_noun_gender
    assert head_noun_gender("Merkel spokesman") == ("male", "spokesman")
    assert head_noun_gender("Gwen Moore") is None
    assert head_noun_gender("Mr. Man") is None          # capitalised: a name, not a noun

"""analysis.sourcing: speakers, roles, source types, reported speech, according-to, source share.

The seed expectations come from the issue and were checked by reading tests/data/seed_body.txt.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis import quotes, sourcing
from analysis.sourcing import lexicon, names, registry

SEED = (Path(__file__).parent / "data" / "seed_body.txt").read_text(encoding="utf-8")
RASMUSSEN, POULSEN = "Lars Lokke Rasmussen", "Troels Lund Poulsen"
BOTH = f"{RASMUSSEN} and {POULSEN}"


def frame(*texts):
    return pd.DataFrame({"article_id": [f"a{i}" for i in range(len(texts))], "text": list(texts)})


@pytest.fixture(scope="module")
def seed():
    return sourcing.attributions(frame(SEED))


def test_columns(seed):
    assert list(seed.columns) == ["article_id", "paragraph", "speaker", "role", "source_type", "cue",
                                  "kind", "text", "start", "end", "gender", "gender_evidence",
                                  "gender_article", "source_type_article", "source_type_evidence"]


def test_seed_direct_quotes(seed):
    d = seed[seed["kind"] == "direct"]
    assert d["paragraph"].tolist() == [2, 5, 7]
    assert d["speaker"].tolist() == [RASMUSSEN, POULSEN, POULSEN]      # two by "he", resolved
    assert d["role"].tolist() == ["Foreign Minister", "Defense Minister", "Defense Minister"]
    assert d["source_type"].tolist() == ["government_official"] * 3
    assert d["cue"].tolist() == ["said", "explained", "said"]
    assert d["start"].tolist() == [1, 1, 1] and d["end"].tolist() == [292, 142, 123]
    assert d["text"].iloc[2] == ("Now the initiative has been taken by the French and British sides to form an "
                                 "overview of what could potentially be needed,")


def test_seed_according_to_sources(seed):
    a = seed[seed["kind"] == "according_to"]
    assert a["speaker"].tolist() == ["Danish Broadcasting Corporation",
                                     "a poll published by the Ritzau news agency"]
    assert a["source_type"].tolist() == ["media_news_agency", "poll_survey"]
    assert a["paragraph"].tolist() == [2, 3]
    # the broadcaster relayed Rasmussen's quote; the poll supports the 53% claim
    assert a["start"].tolist() == [1, 68] and a["end"].tolist() == [292, 172]
    assert a["text"].iloc[1] == ("about 53% of Danes support sending peacekeepers to Ukraine after Russia’s "
                                 "full-scale war comes to an end")


def test_seed_reported_speech(seed):
    r = seed[seed["kind"] == "reported"]
    assert list(zip(r["paragraph"], r["speaker"], r["cue"])) == [
        (0, BOTH, "said"), (1, BOTH, "said"),
        (4, POULSEN, "emphasized"), (5, POULSEN, "highlighting"), (7, POULSEN, "noting"),
        (8, POULSEN, "indicated"), (8, POULSEN, "stressed")]
    assert r["text"].tolist() == [
        "Denmark is prepared to contribute troops if European peacekeeping forces are needed in Ukraine",
        "the government had clarified its stance and received broad support from multiple parties",
        "no concrete plans have been made at this stage",
        # `"…," he explained, highlighting that …` / `"…," he said, noting …`: the participle after a
        # quotation's cue is its speaker's (since 2026-12-04, cues.cue_subject_before)
        "that Denmark’s position remains conditional on the evolving situation in Ukraine",
        "ongoing discussions about what such a mission might entail",
        "it is too soon to determine which soldiers might be deployed",
        "any commitment to Ukraine must not come at the expense of security in the Baltic region"]
    assert r["role"].iloc[0] == "Foreign Minister and Defense Minister"
    assert set(r["source_type"]) == {"government_official"}
    paras = SEED.split("\n\n")
    for x in seed.itertuples():
        assert paras[x.paragraph][x.start:x.end] == x.text


def test_seed_source_share():
    s = sourcing.source_share(frame(SEED))
    assert s["speaker"].tolist() == [RASMUSSEN, POULSEN]
    assert s["n_quotes"].tolist() == [1, 2]
    assert s["quoted_words"].tolist() == [55, 48]
    assert s["share"].tolist() == pytest.approx([55 / 103, 48 / 103])
    corpus = sourcing.source_share(sourcing.attributions(frame(SEED, SEED + " ")), by="corpus")
    assert corpus["quoted_words"].tolist() == [110, 96]


def test_cue_positions_and_named_sources():
    text = ('"We will not back down," said Jane Doe, a professor of law at Yale University.\n\n'
            'Doe added: "The court must act."\n\n'
            '"It is a sad day," the company said in a statement.\n\n'
            '"Nobody was told," a senior official who spoke on condition of anonymity said.')
    a = sourcing.attributions(frame(text))
    assert a["speaker"].tolist() == ["Jane Doe", "Jane Doe", "the company",
                                     "a senior official who spoke on condition of anonymity"]
    assert a["role"].tolist()[:2] == ["professor of law at Yale University"] * 2
    assert a["source_type"].tolist() == ["expert_academic", "expert_academic", "business",
                                         "anonymous_unnamed"]
    assert a["cue"].tolist() == ["said", "added", "said", "said"]


def test_pronouns_follow_gender():
    text = ('Mayor Anna Berg said her office would pay. Police Chief Tom Holm said his officers were '
            'ready.\n\n"We will see," she said.')
    a = sourcing.attributions(frame(text))
    assert list(zip(a["kind"], a["speaker"], a["role"], a["source_type"])) == [
        ("reported", "Anna Berg", "Mayor", "government_official"),
        ("reported", "Tom Holm", "Police Chief", "government_official"),
        ("direct", "Anna Berg", "Mayor", "government_official")]    # "she", though Holm came last


def test_reported_speech_with_and_without_that():
    text = ("The minister told reporters that the talks had failed. Smith warned the deal was dead.\n\n"
            "The plan was announced on Monday.")
    a = sourcing.attributions(frame(text))
    assert list(zip(a["speaker"], a["cue"], a["text"])) == [
        ("the minister", "told", "the talks had failed"),
        ("Smith", "warned", "the deal was dead")]
    assert a["source_type"].tolist() == ["government_official", "other"]


def test_bad_input_gives_rows_not_errors():
    texts = ["", None, "No quotes and nobody speaks here.", "“A quote that never closes, he said",
             "“Only a quote.”", "“” and \" \" and ‘’"]
    a = sourcing.attributions(frame(*texts))
    assert a["article_id"].tolist() == ["a3", "a4"]
    assert a["speaker"].isna().tolist() == [True, True]
    assert a["source_type"].tolist() == ["other", "other"]
    s = sourcing.source_share(frame(*texts))
    assert s["speaker"].tolist() == [sourcing.UNATTRIBUTED, sourcing.UNATTRIBUTED]
    assert s["share"].tolist() == [1.0, 1.0]
    empty = sourcing.attributions(frame())
    assert empty.empty and list(empty.columns) == sourcing.ATTRIBUTION_COLUMNS
    assert sourcing.source_share(frame()).empty


def test_type_of_uses_taxonomy_file():
    assert sourcing.type_of("Foreign Minister") == "government_official"
    assert sourcing.type_of("a poll published by the Ritzau news agency") == "poll_survey"
    assert sourcing.type_of("researcher at Human Rights Watch") == "civil_society_ngo"
    assert sourcing.type_of("study co-author", person=True) == "expert_academic"
    assert sourcing.type_of("a general view") is None
    assert sourcing.type_of("nothing here") is None


def test_quote_share_of_reported_words_matches_attributions():
    a = sourcing.attributions(frame(SEED))
    r = a[a["kind"] == "reported"]
    assert sum(len(t.split()) for t in r["text"]) == sourcing.quote_share(frame(SEED))["reported_words"][0]


def test_organisations_statements_and_groups():
    text = ("The label that owns her records, Big Machine Records, says it never blocked the show.\n\n"
            "\"We have never refused,\" the company said in a statement.\n\n"
            "\"We will keep talking,\" the statement continued.\n\n"
            "\"It is a misunderstanding,\" she said, after Swift posted her side.")
    a = sourcing.attributions(frame(text))
    assert list(zip(a["paragraph"], a["kind"], a["speaker"].fillna("-"))) == [
        (0, "reported", "Big Machine Records"),
        (1, "direct", "Big Machine Records"),      # "the company": the company that spoke
        (2, "direct", "Big Machine Records"),      # "the statement": whoever spoke in a statement
        (3, "direct", "-")]                        # an organisation is never "she"
    assert a["source_type"].tolist()[:3] == ["business"] * 3


def test_quote_ending_a_sentence_takes_no_cue_from_the_next():
    text = ('He called it "a new era." The agreement maintained that nothing changed.\n\n'
            '"What now?" Smith asked.')
    a = sourcing.attributions(frame(text))
    d = a[a["kind"] == "direct"]
    assert d["cue"].tolist() == ["called", "asked"]
    assert d["speaker"].tolist()[1] == "Smith"


def test_according_to_right_before_a_quotation_names_its_speaker():
    a = sourcing.attributions(frame("According to his aunt, Jane Starner, “He was brilliant from the start.”"))
    assert list(zip(a["kind"], a["speaker"], a["cue"])) == [
        ("direct", "Jane Starner", "according to"),
        ("according_to", "his aunt", "according to")]
    assert a["text"].tolist() == ["He was brilliant from the start."] * 2


def test_group_nouns_resolve_to_the_organisation_they_form():
    text = ("A group of physicians is urging the agency to accept its offer.\n\n"
            "The doctors, members of a recently formed group Doctors for Camp Closure, have offered help.\n\n"
            "“We implore you to let us help,” the physicians stated in the letter.\n\n"
            "“Flu season has begun,” the group said.")
    d = sourcing.attributions(frame(text))
    d = d[d["kind"] == "direct"]
    assert d["speaker"].tolist() == ["Doctors for Camp Closure"] * 2      # physicians = doctors (synonym)
    assert d["source_type"].tolist() == ["civil_society_ngo"] * 2


def test_roles_with_a_place_and_synonyms_find_the_named_person():
    text = ("China’s ambassador to Britain warned that Beijing “will not sit on our hands”.\n\n"
            "China’s ambassador to Britain Liu Xiaming has said it has the “resolve and power to end it”.\n\n"
            "Israel's premier cheered the “historic and brave” move.\n\n"
            "Israeli Prime Minister Benjamin Netanyahu said he was moved.")
    d = sourcing.attributions(frame(text))
    d = d[d["kind"] == "direct"]
    assert d["speaker"].tolist() == ["Liu Xiaming", "Liu Xiaming", "Benjamin Netanyahu"]
    assert d["role"].tolist()[0] == "China’s ambassador to Britain"


def test_cue_right_before_the_mark_beats_a_later_one():
    text = ("Patrick W. Carlineo Jr. pleaded guilty. Carlineo faces 10 years.\n\n"
            "During the call, he asked about the budget and said, “somebody ought to pay,” "
            "the prosecutor’s office said.")
    d = sourcing.attributions(frame(text))
    d = d[d["kind"] == "direct"]
    assert list(zip(d["speaker"], d["cue"])) == [("Patrick W. Carlineo Jr.", "said")]


def test_role_words_inside_an_organisation_name_do_not_type_the_person():
    assert sourcing.type_of("Indiana State Teachers Association President", True) == "civil_society_ngo"
    assert sourcing.type_of("teacher at a public school", True) == "citizen_eyewitness"
    assert sourcing.type_of("U.S. Attorney for the Western District of New York", True) == "government_official"
    assert sourcing.type_of("Deputy Director of Public Prosecution", True) == "government_official"


def test_the_role_is_the_nearest_person_with_it_and_never_someone_else():
    text = ("Kentucky Gov. Matt Bevin signed the bill.\n\n"
            "Indiana Gov. Eric Holcomb, a Republican, met teachers.\n\n"
            "The governor said he was waiting for a pay commission.\n\n"
            "Dr. Owen Dempsey, a pulmonologist at the Aberdeen Royal Infirmary, took a look.\n\n"
            "\"I feel fine now,\" the patient wrote.\n\n"
            "The WikiLeaks co-founder Julian Assange stayed in London. The founder said he was afraid.")
    a = sourcing.attributions(frame(text))
    assert list(zip(a["paragraph"], a["kind"], a["speaker"])) == [
        (2, "reported", "Eric Holcomb"),        # governor = Gov. (synonym), the one named last
        (4, "direct", "the patient"),           # not the pulmonologist named before
        (5, "reported", "Julian Assange")]      # founder in co-founder


def test_an_acronym_that_spells_a_function_word_is_a_source():
    a = sourcing.attributions(frame('Untreated plague is "always fatal", says WHO.'))
    assert list(zip(a["speaker"], a["source_type"], a["cue"])) == [("WHO", "government_official", "says")]


def test_a_closing_verb_first_attribution_owns_the_sentence_quote():
    text = ('Sondland was known for telling others "he was in charge of Ukraine" despite being the U.S. '
            'envoy in Brussels, said another witness in the probe, former White House adviser Fiona Hill.')
    a = sourcing.attributions(frame(text))
    assert list(zip(a["kind"], a["speaker"], a["cue"])) == [("direct", "Fiona Hill", "said")]


def test_a_surname_alone_with_a_copula_gives_the_role():
    text = ("The campaign worried Michelle Hege’s firm.\n\n"
            "Hege is the CEO of DH, a Spokane advertising firm.\n\n"
            "\"It is difficult work,\" Hege said.")
    d = sourcing.attributions(frame(text))
    d = d[d["kind"] == "direct"]
    assert list(zip(d["speaker"], d["role"], d["source_type"])) == [
        ("Michelle Hege", "CEO of DH", "business")]


def test_a_long_apposition_gives_the_role_up_to_what_the_person_did():
    text = ("Lawmakers grilled Jennifer Williams, a top national security aide to Vice President Pence on "
            "Trump's July 25 phone call with Ukraine's president.\n\n"
            "\"It was unusual,\" Williams said.")
    d = sourcing.attributions(frame(text))
    assert list(zip(d["speaker"], d["role"], d["source_type"])) == [
        ("Jennifer Williams", "top national security aide to Vice President Pence", "government_official")]


# ------------------------------------------------------------------------------ speed rewrites
# The fast regexes and helpers must give exactly what the plain definitions they replaced gave.
_EDGE_TEXTS = [
    "The minister said Foreign Minister Lars Lokke Rasmussen, a former premier, spoke.",
    "But After the vote, \u201cThe Plan\u201d of Jan van der Berg (Über Élan) and 'Them' met.",
    "(The) ['A] \"Another Day\" And Then He Said Øresund Þór ×Abc A I O'Neil.",
    "Xhe she She's sHe he-she her\u00b2 \u00b2her Herself hers _he 1he \u00e9he HE",
    "",
]


def test_capitalised_run_regex_equals_its_plain_definition():
    import re
    function = lexicon.kind_words("function")
    glue = "|".join(map(re.escape, sorted(lexicon.kind_words("particle") | {"of", "for"}, key=len,
                                          reverse=True)))
    cap = r"[\"'\u201c\u2018(\[]?[A-Z\u00c0-\u00d6\u00d8-\u00de][^\s\x00]*"
    skip = quotes.trie_pattern(sorted({w.capitalize() for w in function if w.isalpha()}))
    plain = re.compile(r"(?![\"'\u201c\u2018(\[]?(?:" + skip + r")(?![^\s\x00,;:.!?\u2019']))" + cap
                       + r"(?:\s+(?:(?:" + glue + r")\s+)?" + cap + r")*")
    for text in _EDGE_TEXTS:
        assert [m.span() for m in names.capseq_regex().finditer(text)] == \
            [m.span() for m in plain.finditer(text)]
    assert [m.group() for m in names.capseq_regex().finditer(_EDGE_TEXTS[0])] == [
        "Foreign Minister Lars Lokke Rasmussen,"]


def test_pronoun_regexes_equal_their_plain_definitions():
    import re
    plain = re.compile(r"\b(?:[Hh]e|[Hh]is|[Hh]im|[Hh]imself|[Ss]he|[Hh]er|[Hh]ers|[Hh]erself)\b")
    plain_subject = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")
    text = _EDGE_TEXTS[3]
    for pos in range(len(text)):
        assert [m.span() for m in registry.PRONOUN.finditer(text, pos)] == \
            [m.span() for m in plain.finditer(text, pos)]
        assert [m.span() for m in registry.SUBJECT_PRONOUN.finditer(text, pos)] == \
            [m.span() for m in plain_subject.finditer(text, pos)]
    assert [m.group() for m in registry.PRONOUN.finditer(text)] == ["she", "She", "he", "she", "Herself", "hers"]


def test_has_lower_word_is_membership_in_lower_words():
    reg = sourcing.Registry()
    reg.masked = ["Another day, another x-over and over's end.", "overt .over over_ \u00e9over over"]
    assert reg.has_lower_word("another") is True        # lower case once, after the comma
    assert reg.has_lower_word("over") is True           # only the last, free-standing one counts
    assert reg.has_lower_word("overt") is True
    assert reg.has_lower_word("day") is True
    assert reg.has_lower_word("end") is True
    assert reg.has_lower_word("x") is False             # one letter is never a word here
    assert reg.has_lower_word("Another") is False       # lower-case words only
    for w in ("another", "over", "overt", "day", "end", "x", "Another", "s"):
        assert reg.has_lower_word(w) == (w in reg.lower_words)
    reg = sourcing.Registry()
    reg.masked = ["x-over over's .over over_ \u00e9over"]
    assert reg.has_lower_word("over") is False
    for w in ("another", "over", "overt", "day", "end", "x", "Another", "s"):
        assert reg.has_lower_word(w) == (w in reg.lower_words)


def test_mask_and_final_punctuation_helpers():
    assert quotes.mask_quotations("He said \"no, never.\" today", [(9, 19)]) == "He said \"\x00\x00\x00\x00\x00\x00\x00\x00\x00.\" today"
    assert quotes.mask_quotations("abc", [(0, 3), (1, 2)]) == "\x00\x00\x00"
    assert quotes.mask_quotations("abc", [(2, 1)]) == "abc"
    assert [quotes._ends_in(t, ".!?") for t in ("a.", "a.\n", "a\n", ".\n\n", "", "\n", "a")] == \
        [True, True, False, False, False, False, False]


def _rows(text):
    return [r[:4] for r in sourcing.article_attributions(text) if r[5] == "direct"]


def test_roles_from_a_relative_clause_and_a_fronted_as_phrase():
    assert _rows('In 2011, Peter Quill became curious about the cells.\n\n'
                 '"We found nothing," said Quill, who is now a geologist at Yale University.') == [
        (1, "Peter Quill", "geologist at Yale University", "expert_academic")]
    assert _rows('As a marine biologist at the University of Oslo, Karin Holm studied the reef.\n\n'
                 '"The corals are dying," Holm said.') == [
        (1, "Karin Holm", "marine biologist at the University of Oslo", "expert_academic")]


def test_name_runs_stop_at_question_marks_and_closing_quotes():
    assert _rows('Would there be hearings against Obama? Would Adam Schiff agree? '
                 '"We have not spoken to him," Schiff said.') == [(0, "Adam Schiff", None, "other")]


def test_acronyms_polls_spokespeople_and_courts():
    assert _rows('Health officials met on Monday.\n\nThe disease is "almost always fatal", says WHO. '
                 'The World Health Organization tracks it.') == [
        (1, "World Health Organization", None, "government_official")]
    assert _rows('A new Gallup poll shows support falling. Fifty-one percent say that '
                 '"the economy is getting worse."') == [(0, "a new Gallup poll", None, "poll_survey")]
    assert _rows('A company spokesperson said that "we are cooperating with the inquiry."') == [
        (0, "a company spokesperson", None, "business")]
    assert _rows('A spokesperson, who asked not to be named, said that "we are cooperating."') == [
        (0, "a spokesperson", None, "anonymous_unnamed")]
    assert _rows('A judge ruled that he must stay in jail because of his "history of absconding".') == [
        (0, "a judge", None, "government_official")]
    assert _rows('Some Indiana protesters chanted, "Red for Ed," in a hallway.') == [
        (0, "some Indiana protesters", None, "citizen_eyewitness")]
    assert _rows('A 43-year-old man fell ill after buying a duvet.\n\n'
                 '"I could not climb the stairs," the patient said.') == [
        (1, "a 43-year-old man", None, "citizen_eyewitness")]


def test_presidents_of_organisations_countries_and_coordinated_titles():
    assert _rows('"Sales were weak," InfoNation President Dan Brown said.') == [
        (0, "Dan Brown", "InfoNation President", "business")]
    assert _rows('"Sales were weak," said Jeff Sand, president of Chapter & Verse.') == [
        (0, "Jeff Sand", "president of Chapter & Verse", "business")]
    assert _rows('"We will respond," Ukrainian President Volodymyr Zelensky said.') == [
        (0, "Volodymyr Zelensky", "Ukrainian President", "government_official")]
    assert _rows('"Sales were weak," chairman, CEO and president Craig Lane said.') == [
        (0, "Craig Lane", "chairman CEO and president", "business")]
    assert _rows('The UK urged "an end to the violence".') == [(0, "UK", None, "government_official")]
    assert _rows('Delhi’s Chief Minister Arvind Kejriwal turned to Twitter to describe his city as a '
                 '"gas chamber."') == [(0, "Arvind Kejriwal", "Chief Minister", "government_official")]


def direct(text):
    a = sourcing.attributions(frame(text))
    d = a[a["kind"] == "direct"]
    return list(zip(d["speaker"], d["source_type"]))


def test_party_and_state_after_a_name_are_not_part_of_it():
    text = ("At the hearing, Rep. Frank Lucas (R-OK), the ranking member of the full committee, asked "
            "about safety.\n\n“Oh my,” Lucas responded with a sigh.")
    assert direct(text) == [("Frank Lucas", "politician")]


def test_the_listener_after_told_is_not_the_source():
    text = ("Jane Roe, a professor at Yale, met the press.\n\n"
            "She instead told the BBC interviewer: “I had to go and see him in person.”")
    assert direct(text) == [("Jane Roe", "expert_academic")]


def test_a_quote_without_cue_after_a_sentence_about_a_named_person():
    text = ("Rep. Robert Aderholt, ranking member of the subcommittee, spoke. "
            "NASA administrator Jim Bridenstine replied that it depends.\n\n"
            "Aderholt returned to the issue later. “What launch vehicles exist today?”")
    assert direct(text) == [("Robert Aderholt", "politician")]


def test_a_quote_after_a_colon_belongs_to_the_subject_of_its_sentence():
    text = ("Tom Harper, a filmmaker, and Jessie Buckley, an actress, heard the song.\n\n"
            "“It grabbed me,” Harper said. Buckley, who phoned in from a set, had a similar "
            "experience: “It was just that immediate feeling.”")
    assert [s for s, _ in direct(text)] == ["Tom Harper", "Jessie Buckley"]


def test_a_pronoun_continues_the_subject_pronoun_of_the_sentence_before():
    text = ("“The mission did it with one launch,” Tom Stafford, a former astronaut, responded. "
            "He then referred to Doug Cooke’s earlier testimony.\n\n"
            "“With eight launches, your probability of success goes down,” he concluded.")
    assert [s for s, _ in direct(text)] == ["Tom Stafford", "Tom Stafford"]


def test_a_first_name_with_a_relative_who_is_a_person():
    text = ("Tommy — who only goes by his first name online — paid off his house.\n\n"
            "“Being mortgage free adds another level of freedom,” he said.")
    assert direct(text) == [("Tommy", "other")]


def test_concluding_and_a_director_of_public_prosecutions():
    text = ("“The evidence is not strong enough to form the basis for filing an indictment,” Sweden’s "
            "deputy director of public prosecutions, Eva-Marie Persson, said.\n\n"
            "Brian Babin, a lawmaker, spoke later, concluding that the odds were ”dwindling.”")
    assert direct(text) == [("Eva-Marie Persson", "government_official"), ("Brian Babin", "politician")]


def test_a_noun_for_ordinary_people_is_not_a_title_before_a_name():
    text = ("Fan Mengguang, deputy director of the disease prevention and control centre, told the media "
            "that the case is “isolated and unrelated” to the others.")
    assert direct(text) == [("Fan Mengguang", "government_official")]


def test_a_long_apposition_of_two_coordinated_descriptions_keeps_the_first():
    text = ("“We haven’t seen the performance yet,” added Ken Bowersox, the acting associate administrator "
            "for human exploration and operations at NASA and the other witness at the hearing.")
    a = sourcing.attributions(frame(text))
    assert a[["speaker", "role", "source_type"]].values.tolist() == [[
        "Ken Bowersox", "acting associate administrator for human exploration and operations at NASA",
        "government_official"]]


def test_an_unnamed_source_before_a_relative_clause_keeps_its_description():
    text = ("According to AFP, one user on Weibo, which is essentially China’s version of Twitter, "
            "posted: “I just want to know how these two came to Beijing.”")
    assert direct(text) == [("one user on Weibo", "anonymous_unnamed")]


def test_a_pull_quote_after_a_newly_introduced_person_is_theirs():
    text = ("A man fell ill after buying a new duvet, his doctors say.\n\n"
            "His doctor sought advice from one of the study authors, Owen Dempsey, a chest doctor at the "
            "Aberdeen Royal Infirmary.\n\n"
            "“Their immune system behaves in an exaggerated fashion”")
    assert direct(text) == [("Owen Dempsey", "expert_academic")]


def test_a_speech_noun_after_a_possessive_is_its_owners_words():
    text = ("Jane Roe, a professor at Yale, gave an interview.\n\n"
            "Her repeated claims of knowing nothing of the “unbecoming” behaviour were doubted.")
    assert direct(text) == [("Jane Roe", "expert_academic")]


def test_a_title_between_the_cue_and_the_quote_does_not_hide_the_cue():
    text = "Developer Valve called 'Half Life: Alyx' \"a flagship VR game.\""
    assert direct(text) == [("Developer Valve", "business")]


def test_a_senior_vice_president_is_a_company_title():
    text = ("“We have developed a new approach,” Jim Chilton, senior vice president for space and launch "
            "at Boeing Defense, Space, and Security, said in a statement.")
    assert direct(text) == [("Jim Chilton", "business")]


def test_a_description_ending_with_another_name_does_not_take_the_subject():
    text = ("Jane Roe, the younger sister of the company's founder, John Doe, has reportedly told friends "
            "that the interview was a “great success”.")
    assert [s for s, _ in direct(text)] == ["Jane Roe"]


def test_group_speaker_of_an_organisation_gets_a_type_not_a_crash():
    """Two ordinary paragraphs crashed `_group_type` (it read a key the taxonomy rows do not have)
    and emptied `attributions` and `quote_share` for a whole chunk (issues 11 and 12)."""
    from analysis.load import articles_from_texts
    articles = articles_from_texts([
        "The nurses, members of the National Nurses Union, walked off the job on Monday.\n\n"
        "The nurses said they would return when the hospital agreed to hire more staff."])
    table = sourcing.attributions(articles)
    assert table[["speaker", "source_type", "cue", "kind"]].to_dict("records") == [
        {"speaker": "National Nurses Union", "source_type": "civil_society_ngo", "cue": "said",
         "kind": "reported"}]
    assert table["text"].iloc[0].startswith("they would return when the hospital")
    share = sourcing.quote_share(articles).iloc[0]
    assert (share["words"], share["quoted_words"], share["reported_words"]) == (28, 0, 11)

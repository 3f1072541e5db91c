"""analysis.sourcing (issue 13, reported speech), session 11, branch s11-reported31. Every expected row is checked
by hand on short texts written for these tests (not PolNeAR's)."""
from analysis.sourcing import article_attributions


def rows(text, cue=None):
    return [(r.speaker, r.cue, r.kind, r.text) for r in article_attributions(text)
            if r.kind != "direct" and (cue is None or r.cue == cue)]


def test_subject_control_verb_with_its_infinitive():
    # Quirk et al. 1985, 16.38: the infinitive's subject is the main clause's (`voted to endorse`)
    assert rows("The county board voted to endorse the mayor's budget.") == [
        ("the county board", "endorse", "stance", "the mayor's budget")]
    assert rows("Senator Jane Roe pledged Monday to oppose the pipeline.", "oppose") == [
        ("Jane Roe", "oppose", "stance", "the pipeline")]


def test_control_verb_after_be_is_a_passive():
    # `was expected to`, `was asked to`: no source there
    assert rows("The senator was expected to endorse the bill.") == []
    assert rows("The budget office was asked to explain the delay.", "explain") == []


def test_coordinated_predicate_takes_the_main_clause_subject():
    # Quirk et al. 1985, 13.34: coordinated predicates share their subject
    assert rows("The mayor met the council on Monday and warned them the budget would fail.") == [
        ("the mayor", "warned", "reported", "them the budget would fail")]
    assert rows("The dairy farmers of the valley, who lost their crops in the flood, met the minister and opposed "
                "the new tax.") == [("the dairy farmers", "opposed", "stance", "the new tax")]


def test_coordinated_predicate_not_after_a_passive_nor_a_noun():
    assert rows("The budget office missed the deadline but was ordered to publish the figures.") == []
    assert rows("The pressure on the fund rose and worried investors.") == []


def test_participle_after_comma_takes_a_described_subject():
    # Quirk et al. 1985, 15.58: a supplementive participle clause is attached to the main clause's subject
    assert rows("A few retired teachers spoke at the meeting, arguing that the school should stay open.") == [
        ("a few retired teachers", "arguing", "reported", "that the school should stay open")]
    assert rows("At a town hall in Dover, Delaware, on Monday, Senator Jane Roe spoke for an hour, saying that "
                "taxes would rise.") == [("Jane Roe", "saying", "reported", "that taxes would rise")]


def test_participle_after_comma_needs_a_speaker_head():
    # a description whose head is neither plural nor a role or organisation word is no source
    assert rows("The pressure mounted on Friday, threatening further losses for the fund.") == []


def test_restrictive_relative_that_takes_its_antecedent():
    # Quirk et al. 1985, 17.14: `that` right before the verb is the subject of a restrictive relative clause
    assert rows("The mayor met leaders of several groups, including local unions that oppose the new tax.") == [
        ("local unions", "oppose", "stance", "the new tax")]


def test_relative_that_after_a_preposition_is_left_out():
    # the relative may belong to the noun before the preposition (`the report on the water system that …`)
    assert rows("The plan drew praise from the report on the water system that endorsed it.") == []


def test_possessive_nominal_cue_with_its_preposition():
    # Quirk et al. 1985, 17.51-17.54: a deverbal noun keeps its verb's arguments (`Murphy's opposition to the
    # bill` = Murphy opposes the bill); the object ends before the noun phrase's own verb
    assert rows("Senator Jane Roe's opposition to the $1.2 billion pipeline plan was no surprise.") == [
        ("Jane Roe", "opposition to", "stance", "the $1.2 billion pipeline plan")]
    assert rows("Jane Roe spoke for an hour. Her attacks on Mr. Doe are now part of every speech.",
                "attacks on") == [("Jane Roe", "attacks on", "stance", "Mr. Doe")]


def test_nominal_cue_without_a_possessive_is_no_attribution():
    assert rows("Broad support for the pipeline plan surprised nobody.") == []


def test_possessive_topic_nouns():
    # `her views on X`, `his remarks about X`: the topic is the content; a date after `on` is no topic
    assert rows("Mayor Jane Roe's views on the pipeline have changed.") == [
        ("Jane Roe", "views on", "stance", "the pipeline")]
    assert rows("Mayor Jane Roe's remarks on Thursday drew applause.") == []


def test_participle_after_a_preposition():
    # a participle clause after `in` / `since` / `despite` in mid-sentence is the sentence subject's; one that
    # opens the sentence after a preposition is the subject's after its comma (Quirk et al. 1985, 15.58)
    assert rows("Senator Jane Roe broke with her party in endorsing the pipeline.") == [
        ("Jane Roe", "endorsing", "stance", "the pipeline")]
    assert rows("After saying he was nervous, the mayor left the stage.") == [
        ("the mayor", "saying", "reported", "he was nervous")]


def test_reporting_clause_after_content_with_a_participle_or_a_time():
    # `…, X said, wiping …`: the participle is the reporter's, the content is before; a that-only verb closing its
    # content with a time word (`…, the council announced Tuesday.`); not a reduced relative (`a plan announced …`)
    assert rows("Sales were great, the owner said, wiping sweat off his face.") == [
        ("the owner", "said", "reported", "Sales were great")]
    assert rows("The budget will grow by four percent, the city council announced Tuesday.") == [
        ("the city council", "announced", "reported", "The budget will grow by four percent")]
    assert rows("The screening program will continue, a plan announced earlier this year.") == []


def test_capitalised_participle_opening_a_sentence():
    # `Noting that …, X said …`: the verb pattern is lower case, so a sentence-opening -ing form is read apart;
    # its subject is the main clause's after the comma (Quirk et al. 1985, 15.58); `Considering …` is a preposition
    text = "Town hall.\n\nNoting that the plant had closed, Mayor Jane Roe said the town would recover."
    assert rows(text, "Noting") == [("Jane Roe", "Noting", "reported", "that the plant had closed")]
    assert rows("Town hall.\n\nConsidering the cost, Mayor Jane Roe said the town would wait.", "Considering") == []


def test_stance_content_ends_before_another_source():
    # `…, according to X` and `…, X said …` after a stance's content are another source's reporting clause
    assert rows("Senator Jane Roe wants to oppose the pipeline, John Doe said on Monday.", "wants") == [
        ("Jane Roe", "wants", "stance", "to oppose the pipeline")]
    assert rows("Senator Jane Roe pledged to oppose the pipeline, according to her spokesman.", "oppose") == [
        ("Jane Roe", "oppose", "stance", "the pipeline")]


def test_ordinal_noun_with_an_infinitive():
    # Quirk et al. 1985, 17.31: `X became the first member of Congress to endorse him` (X endorsed him)
    assert rows("Rep. Jane Roe became the first member of Congress to endorse the governor.") == [
        ("Jane Roe", "endorse", "stance", "the governor")]


def test_purpose_infinitive_takes_the_main_clause_subject():
    # Quirk et al. 1985, 15.23: a purpose clause's implied subject is the main clause's
    assert rows("Senator Jane Roe took to Twitter to criticize the ruling.") == [
        ("Jane Roe", "criticize", "reported", "the ruling")]
    assert rows("Senator Jane Roe went on a radio show to defend the budget.") == [
        ("Jane Roe", "defend", "stance", "the budget")]


def test_infinitive_after_an_object_control_verb_or_a_modal_is_no_purpose():
    assert rows("Senator Jane Roe asked the voters to support the budget.", "support") == []
    assert rows("Senator Jane Roe had to defend the budget.", "defend") == []


def test_received_support_or_criticism_names_its_agent():
    # `X won the endorsement of Y`, `X has drawn criticism from Y`: Y is the source, X what Y endorses or criticizes
    # (Quirk et al. 1985, 17.51-17.54: the agent of a deverbal noun after `of` / `from`)
    assert rows("The proposal has drawn harsh criticism from fellow Republican candidates.") == [
        ("fellow Republican candidates", "criticism from", "reported", "The proposal")]
    assert rows("Jane Roe has the support of most teachers unions.") == [
        ("most teachers unions", "support of", "stance", "Jane Roe")]
    assert rows("Jane Roe has no support from teachers unions.") == []
    assert rows("The plan received broad support from both parties.") == [
        ("both parties", "support from", "stance", "The plan")]


def test_restrictive_who_takes_its_antecedent_and_ends_at_the_comma():
    # a restrictive `who` without a comma (Quirk et al. 1985, 17.14): the noun phrase before it; a list of such
    # clauses ends each content at its comma
    assert rows("The rally drew two groups: idealists who wanted a clean break, and veterans who were angry.",
                "wanted") == [("idealists", "wanted", "stance", "a clean break")]


def test_possessive_stance_nouns():
    # `Trump's aversion to foreign wars`, `Kennedy's hostility to quotas`: stance nouns with their complement
    assert rows("Senator Jane Roe's aversion to foreign wars was plain.") == [
        ("Jane Roe", "aversion to", "stance", "foreign wars")]


def test_coordinated_participles_and_predicates_after_a_copula():
    # an -ing form after `and` coordinates with an earlier one: the same (main clause) subject
    assert rows("Mayor Jane Roe spent the day touring the plant and calling for new safety rules.", "calling for") == [
        ("Jane Roe", "calling for", "reported", "new safety rules")]
    # a copula in the first conjunct is no passive: `are furious at the company and want their money back`
    assert rows("The dairy farmers of the valley are furious at the agency and want compensation.", "want") == [
        ("the dairy farmers", "want", "stance", "compensation")]


def test_absolute_with_clause_and_reduced_relative_after_a_role_noun():
    # `…, with former Gov. Jane Roe calling …` (Quirk et al. 1985, 15.61); `a group backing X`: a reduced relative
    # after a singular role or organisation noun
    assert rows("The debate turned sharp, with each candidate questioning the other's record.") == [
        ("each candidate", "questioning", "reported", "the other's record")]
    assert rows("The donor gave $3 million to a group backing the governor.") == [
        ("a group", "backing", "stance", "the governor")]


def test_readiness_adjectives_with_a_to_clause():
    # Biber et al. 1999, 9.4.5: `quick / ready / prepared to` after a copula control the to-clause
    assert rows("Senator Jane Roe was quick to condemn the verdict.") == [
        ("Jane Roe", "quick", "stance", "to condemn the verdict")]


def test_light_verb_with_a_stance_noun():
    # `made no mention of X`, `launched an attack on X` (Quirk et al. 1985, 10.13: eventive objects)
    assert rows("Mayor Jane Roe made no mention of the strike.") == [
        ("Jane Roe", "mention of", "reported", "the strike")]
    assert rows("Mayor Jane Roe launched a harsh attack on the council.") == [
        ("Jane Roe", "attack on", "stance", "the council")]


def test_threw_support_behind():
    assert rows("Mayor Jane Roe threw her support behind the union on Wednesday.") == [
        ("Jane Roe", "support behind", "stance", "the union on Wednesday")]

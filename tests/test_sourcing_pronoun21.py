"""Session 10, pronoun21 (issue 13): one majority rule for gender evidence, and the rules of
docs/sourcing_history.md "### pronoun21", each on hand-checked text."""
from analysis.sourcing.referents import majority_gender


def test_majority_gender_more_than_twice():
    # one side more than twice the other decides; a tie, two against one, or nothing does not
    assert majority_gender(3, 1) == "male"
    assert majority_gender(1, 0) == "male"
    assert majority_gender(0, 5) == "female"
    assert majority_gender(2, 1) is None
    assert majority_gender(4, 2) is None
    assert majority_gender(0, 0) is None


def _speakers(text):
    from analysis.sourcing import article_attributions
    return [(r.kind, r.speaker) for r in article_attributions(text)]


def test_name_in_prepositional_phrase_is_not_the_subject_of_he():
    # `like Trump` is a prepositional phrase: the sentence's subject is Rubio (Lappin & Leass 1994);
    # before this rule the first person named in the sentence, Trump, took the he
    text = ('Donald Trump and Marco Rubio campaigned in Iowa on Monday.\n\nBut like Trump, Rubio holds several '
            'positions that are outside the mainstream. "I will not change my views," he said.')
    assert _speakers(text) == [("direct", "Marco Rubio")]


def test_subject_after_a_prepositional_phrase_keeps_she():
    # `a gift to Clinton`: Clinton is a prepositional object; Lynch, the subject of the clause, stays
    text = ('Hillary Clinton and Loretta Lynch met on Monday.\n\nThe meeting was a gift to Clinton, and Lynch said '
            'she would accept the advice. "I will follow the recommendation," she said.')
    assert ("direct", "Loretta Lynch") in _speakers(text)


def _genders(text):
    from analysis.sourcing import article_attributions
    return {(r.speaker, r.gender) for r in article_attributions(text) if r.kind == "direct"}


def test_leaning_first_name_with_concordant_pronouns_decides():
    # `Bernie` leans male in the name list's US column; the article's pronouns (he 2, she 1, speaker
    # phrases he 1, she 1) are a near-tie the more-than-twice rule leaves open: concordant evidence
    text = ('Sen. Bernie Sanders spoke in Iowa on Monday. He said the system is rigged.\n\nSanders met voters in '
            'Ames, and she praised him.\n\n"We will win this state," Sanders said.')
    assert _genders(text) == {("Bernie Sanders", "male")}


def test_leaning_first_name_alone_decides_nothing():
    # `Lindsey` leans female in the list's US column: with no pronoun in the article the name decides last
    # (step 7, since session 12, gender12), wrongly for Lindsey Graham, a man: the list's known error,
    # which the corpus pass mends from his other articles (tests/test_s12_gender12.py); with one `he`
    # step 3 decides male
    assert _genders('Sen. Lindsey Graham spoke in Iowa on Monday.\n\n"We will win this state," Graham said.') \
        == {("Lindsey Graham", "female")}
    assert _genders('Sen. Lindsey Graham spoke in Iowa on Monday. He said the system is rigged.\n\n'
                    '"We will win this state," Graham said.') == {("Lindsey Graham", "male")}


def test_leaning_first_name_reads_the_us_column():
    from analysis.sourcing.firstnames import leaning_first_name_gender
    assert leaning_first_name_gender("Bernie") == "male"      # mostly_female overall, mostly_male in the US
    assert leaning_first_name_gender("Stacy") == "female"
    assert leaning_first_name_gender("Chris") == "male"
    assert leaning_first_name_gender("Donald") is None        # decided by first_name_gender already
    assert leaning_first_name_gender("Kyev") is None          # not in the list


def test_first_name_alone_is_a_mention_of_its_one_person():
    # `And Donald, then in college, …`: a first name used alone, the first name of exactly one person of
    # the article, refers to that person, so the next he is his (before: the last surname, Drake)
    text = ('Donald J. Trump and his friend William Drake grew up in Queens. Trump was younger.\n\nDrake became a '
            'pilot. And Donald, then in college, did not approve.\n\n"I was too young," he said.')
    assert _speakers(text) == [("direct", "Donald J. Trump")]


def test_first_name_two_people_share_is_no_mention():
    # two people named Donald: `Donald` alone names neither, so the he stays with the last surname
    text = ('Donald J. Trump and Donald Drake grew up in Queens. Trump was younger.\n\nDrake became a '
            'pilot. And Donald, then in college, did not approve.\n\n"I was too young," he said.')
    assert _speakers(text) == [("direct", "Donald Drake")]


def test_they_takes_the_nearest_plural_subject():
    # number agreement and subject preference: `The aides … They said` are the aides (before: no
    # group had spoken, so `they` named nobody and the row kept no speaker)
    text = ("Marco Rubio's top advisers met House members on Monday.\n\nThe aides, led by campaign manager Terry "
            "Sullivan, told the group that they were not expecting to win Iowa. They said they were hopeful "
            "that things would turn their way.")
    from analysis.sourcing import article_attributions
    rows = [(r.kind, r.speaker) for r in article_attributions(text) if "turn their way" in r.text]
    assert rows and all(speaker == "The aides" for _, speaker in rows)


def test_they_prefers_a_subject_to_an_object_and_skips_prepositional_objects():
    from analysis.sourcing.resolve import plural_group_before
    text = "Investors see a one-in-five chance that the Fed will act, implying that they expect higher rates."
    assert plural_group_before(text, text.index("they")) == "Investors"
    text = "That frustrates many analysts because they believe the policy will change."
    assert plural_group_before(text, text.index("they")) == "many analysts"
    text = "The deal was a gift to the voters, and they cheered."
    assert plural_group_before(text, text.index("they")) is None


def test_role_noun_surname_after_a_first_name_is_a_surname():
    # `Steve King`, `Billie Jean King`: a role noun ending a name right after a first name is a surname
    # (before: only role nouns of five letters or more were, `Ken Doctor`; `King` was read as a title)
    text = 'Rep. Steve King of Iowa spoke on Monday.\n\n"We will build the wall," King said. "It is time," he added.'
    assert [(r.speaker, r.gender) for r in __import__("analysis.sourcing", fromlist=["x"]).article_attributions(text)] \
        == [("Steve King", "male"), ("Steve King", "male")]
    from analysis.sourcing.names import role_index
    assert role_index(["Facebook", "CEO"]) == 2          # no first name before it: still a title


def test_they_after_a_share_of_a_group_takes_the_group():
    # `About two-thirds of … voters … support banning non-citizen Muslims …, but majorities … say they`: the
    # group of a share is the phrase's notional head and its subject, not a prepositional object
    from analysis.sourcing.resolve import plural_group_before
    text = ("About two-thirds of Republican primary voters support banning non-citizen Muslims from entering the "
            "country, but majorities in all five say they want immigrants to stay.")
    assert plural_group_before(text, text.index("they")) == "voters"
    text = "Ayotte is well known. One thing in her favor is that 78 percent of voters said they think she is different."
    assert plural_group_before(text, text.index("they")) == "voters"

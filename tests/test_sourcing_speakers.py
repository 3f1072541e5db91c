"""Speaker layouts and pronoun resolution found on PolNeAR's dev part (benchmarks/validate_polnear.py),
written here as short texts whose expected speakers were checked by reading them."""
from __future__ import annotations

from analysis import sourcing
from analysis.sourcing.registry import Registry


def speakers(text, kind="direct"):
    return [r.speaker for r in sourcing.article_attributions(text) if r.kind == kind]


def test_party_and_state_tag_after_a_name():
    assert speakers("\u201cThere\u2019s tremendous energy,\u201d Rep. Earl Blumenauer (D-Ore.) said.") == \
        ["Earl Blumenauer"]
    assert speakers("At a rally, Sen. Marco Rubio (R-Fla.) said Trump is \u201cunelectable now.\u201d") == ["Marco Rubio"]
    assert speakers("Rep. Gwen Moore (D-Wis.) said the bill was bad.", "reported") == ["Gwen Moore"]
    assert speakers("Sen. Ted Cruz (R-Texas), also a GOP hopeful, called the KKK \u201cabhorrent\u201d in a tweet.") == \
        ["Ted Cruz"]


def test_nyt_two_apostrophes_then_said_mr():
    text = "Kelly Burman, a shop owner in Ohio, hired two people.\n\n''Sales are up,'' said Mr. Burman."
    assert speakers(text) == ["Kelly Burman"]


def test_he_is_the_source_who_just_spoke_not_the_first_name_of_its_sentence():
    # the sentence names Trump first (a possessive), but Biden is the one who spoke
    text = ("Donald Trump\u2019s accusation that Obama created the group had imperiled the troops, "
            "Joe Biden said.\n\n\u201cThe threat to their life has gone up,\u201d he said.")
    assert speakers(text) == ["Joe Biden"]
    # a person introduced after the last attribution is still the likelier `he`
    text = ("\u201cIt is over,\u201d Joe Biden said.\n\nRaynard Jackson, a consultant, is a Virginia resident. "
            "\u201cObama would not have won,\u201d he said.")
    assert speakers(text) == ["Joe Biden", "Raynard Jackson"]


def test_she_never_resolves_to_a_man_named_by_an_unambiguous_first_name():
    # Trump gets the `she` of the next sentence by position, but his first name is unambiguous
    text = ("Naureen Jahangir, a Sanders supporter from Hemet, says she will not back Donald Trump.\n\n"
            "\u201cIt is a false choice,\u201d she said.")
    assert speakers(text) == ["Naureen Jahangir"]


def test_headline_and_sentence_words_are_not_part_of_a_name():
    text = ("Rival Hillary Clinton Attacks Trump.\n\nHer rival and the candidate met. Hillary Clinton said the "
            "plan was bad. \u201cNo,\u201d said Wendy Nanney R. \u201cFine,\u201d said Bill de Blasio.")
    got = speakers(text)
    assert got == ["Wendy Nanney", "Bill de Blasio"]
    assert speakers(text, "reported") == ["Hillary Clinton"]


def test_an_opening_participle_is_not_the_subject():
    # breitbart 2016-02-08 (PolNeAR dev): the speaker of `calling` is Trump, not `Speaking`, and the
    # following `He says` / `He adds` continue with him
    text = ("Speaking at a town hall event in Salem, New Hampshire, Trump went after Bush, calling him "
            "\u201ca total stiff.\u201d\n\n"
            "He says, \u201cHere\u2019s a guy, honestly, you wouldn\u2019t hire him to do anything.\u201d")
    assert speakers(text) == ["Trump", "Trump"]
    # the same layouts with a past participle and an adverb in -ly
    assert speakers("Reached by POLITICO, Bennett denied the report, calling it \u201cnonsense.\u201d") == ["Bennett"]
    assert speakers("Early in his campaign, Trump attacked Romney, calling him \u201ca failed candidate.\u201d") == \
        ["Trump"]


def test_a_first_name_or_a_speech_verb_is_still_a_subject():
    # `Kelly` ends in -ly and `Mohammed` in -ed: first names, not opening phrases
    assert speakers("Kelly Ayotte met voters on Monday, calling the plan \u201ca disaster.\u201d") == \
        ["Kelly Ayotte"]


def test_she_keeps_the_woman_of_her_sentence_not_an_earlier_mention_without_gender():
    # breitbart 2016-02-20 (`Caesars Palace` before `Hillary Clinton took to Twitter`): a mention the
    # article gives no gender opens the sentence, the woman it names is the one `she` continues
    text = ("\u201cWe are ready,\u201d Okonkwo said.\n\n"
            "As supporters of Okonkwo waited in a ballroom, Hillary Clinton took to Twitter to say thanks.\n\n"
            "\u201cThis is your win,\u201d she wrote.")
    assert speakers(text) == ["Okonkwo", "Hillary Clinton"]


def test_headline_words_do_not_grow_a_name():
    # huff-post 2016-08-03 and 2016-01-19: Title Case headlines ran into the names they mention
    reg = Registry()
    reg.masked = ["Francois Hollande Says Donald Trump Makes You Want To Retch."]
    assert reg.add(["Francois", "Hollande", "Says", "Donald", "Trump"], None).name == "Donald Trump"
    reg = Registry()
    reg.masked = ["Bernie Sanders spoke in Flint. Difference Between Bernie Sanders And Clinton."]
    reg.add(["Bernie", "Sanders"], None)
    assert reg.add(["Difference", "Between", "Bernie", "Sanders"], None).name == "Bernie Sanders"
    # a middle name still makes the fuller form
    reg = Registry()
    reg.masked = ["Hillary Clinton spoke."]
    reg.add(["Hillary", "Clinton"], None)
    assert reg.add(["Hillary", "Rodham", "Clinton"], None).name == "Hillary Rodham Clinton"


def test_a_bare_party_letter_after_a_name_is_no_speaker():
    # the Washington Post's `(D)` / `(R)` after a name (PolNeAR dev: speakers `D` and `R` before)
    text = ('Illinois Attorney General Lisa M. Madigan (D) asserted that "trust in the police is broken."\n\n'
            'State Rep. Wendy Nanney (R) said the voters had not looked into his past.')
    assert speakers(text) == ["Lisa M. Madigan"]
    assert speakers(text, "reported") == ["Wendy Nanney"]


def test_a_bare_place_is_never_the_person_a_pronoun_refers_to():
    # PolNeAR dev (NYT): `Representative Debbie Wasserman Schultz of Florida, ... ''...,'' she said`
    # gave the quote to `Florida`. A state or country alone is never who `she` is. Since session 7
    # the `of Florida` after a name is no part of the name either, so `she` is Mary Smith (was None,
    # and ["Florida"] before 621a192)
    text = ("Mary Smith of Florida, a Democrat, said the party would fight on.\n\n"
            "\"We will not stop,\" she said.")
    assert speakers(text) == ["Mary Smith"]
    from analysis.sourcing.referents import is_place_name
    assert is_place_name("Florida") and is_place_name("New York") and is_place_name("District of Columbia")
    assert not is_place_name("Debbie Wasserman Schultz") and not is_place_name(None)


def test_a_one_word_subject_before_a_comma_opens_a_coordinated_verb():
    # `But Obama, making it clear …, and described`: the subject is the one word before the comma,
    # not the verb's object (was `the government as being`)
    text = ("Barack Obama visited in July.\n\nBut Obama, making it clear that security came first, stood beside "
            "the prime minister and described the government as being \u201cdemocratically elected.\u201d")
    assert speakers(text) == ["Barack Obama"]
    # a place or a dateline before the comma is no subject
    from analysis.sourcing.phrases import leading_subject
    assert leading_subject("At a campaign event in Ames, Iowa, on Sunday, Mrs. Clinton tried", 0) is None
    assert leading_subject("DECATUR, Ill. \u2014 Sen. Ted Cruz weighed in, ", 0) is None


def test_a_time_phrase_between_the_source_and_its_verb():
    # `X on Saturday tweeted`, `which X on Friday declared`, `X (D-Calif.) last week said` (before: no
    # speaker, `Friday`, or the quoted person)
    assert speakers("Republican presidential candidate Donald Trump on Saturday tweeted an image bearing the "
                    "words \u201cmost corrupt candidate ever!\u201d") == ["Donald Trump"]
    assert speakers("The crowd gathered at the Stonewall Inn, which President Obama on Friday declared a "
                    "monument \u201cto tell the story of the struggle.\u201d") == ["Obama"]
    assert speakers("Sen. Dianne Feinstein (D-Calif.) last week said Clinton was not the originator of any "
                    "\u201ctop secret\u201d email chains.") == ["Dianne Feinstein"]
    # inside a description the time phrase stays (no row changes there)
    from analysis.sourcing.phrases import parse_subject
    assert parse_subject("Democrats going to the polls Tuesday ").words[-1] == "Tuesday"


def test_a_place_inside_the_phrase_after_the_opening_name_is_no_source():
    # `Clinton, during a town hall meeting in Columbus, Ohio, said`, `Cory James, 22, of Flint, Mich.,
    # said` (before: Columbus, Flint)
    assert speakers("Hillary Clinton spoke.\n\nClinton, during a town hall meeting in Columbus, Ohio, said she "
                    "was \u201cgoing to put a lot of coal miners out of business.\u201d") == ["Hillary Clinton"]
    assert speakers("Cory James, 22, of Flint, Mich., said he had not given up hope of a convention "
                    "\u201csurprise.\u201d") == ["Cory James"]


def test_a_quotation_without_a_cue_is_the_named_subject_of_its_sentence():
    # `Mr. Cruz pledged to …  "today, tomorrow, forever."`: no speech verb, the sentence's subject
    # (before: the source of the last attribution)
    text = ("\u201cWe will win,\u201d said Gov. George Wallace.\n\nTed Cruz spoke next. "
            "Cruz pledged to oppose legal status for undocumented immigrants \u201ctoday, tomorrow, forever.\u201d")
    assert speakers(text) == ["George Wallace", "Ted Cruz"]
    # not a name after a preposition or article, nor a part (`One of the men`)
    text = ("\u201cWe will win,\u201d said Geoff Garin.\n\nFor African-Americans, on the other hand, "
            "\u201cyou don't take job growth for granted.\u201d")
    assert speakers(text) == ["Geoff Garin", "Geoff Garin"]
    # an inverted attribution's verb is no first name
    text = "Dorothy Poynter grew up nearby.\n\nSaid Dorothy Poynter, \u201cWe were all so proud of him.\u201d"
    assert speakers(text) == ["Dorothy Poynter"]


def test_a_nationality_word_or_a_missing_country_is_never_he():
    # `Former Mexican presidents` registered `Mexican`, and `his parents' Dominican Republic` a person
    # the next `he` took (analysis/data/countries_demonyms.csv)
    text = ("Donald Trump spoke in Phoenix. Former Mexican presidents Vicente Fox and Felipe Calder\u00f3n "
            "fired back at the proposal.\n\nProtesters waved Mexican flags. \u201cI want America First,\u201d "
            "he tweeted.")
    assert not any("Mexican" in speaker for speaker in speakers(text))
    text = ("Labor Secretary Thomas Perez talks about baseball. In his parents' Dominican Republic, "
            "\u201cbaseball and politics are the national sport,\u201d he says.")
    assert speakers(text) == ["Thomas Perez"]
    from analysis.sourcing.referents import demonym_name, is_place_name
    assert demonym_name("Mexican") and demonym_name("Rubbing Japanese") and not demonym_name("Maria American")
    assert is_place_name("Dominican Republic")


def test_a_no_break_space_before_a_name_keeps_the_name():
    # `April,\xa0Trump was talking … when he told`: the run after a no-break space is a mention
    text = ("\u201cIt was wrong,\u201d Vice President Joe Biden said of Donald Trump.\n\nDuring an interview "
            "in April,\u00a0Trump was talking about defense when he\u00a0told Chris Wallace, \u201cSo, North "
            "Korea has nukes.\u201d")
    assert speakers(text) == ["Joe Biden", "Donald Trump"]


def test_he_opening_a_sentence_with_an_earlier_quotation_speaks_its_uncued_quotation():
    # `On Friday, he joined … the so-called "top secret" messages …, with a post on Twitter: "…"`: the
    # sentence's `he`, also when a scare quotation stands before (before: the last source)
    text = ("\u201cIt is fine,\u201d Hillary Clinton said.\n\nDonald Trump disagreed. On Friday, he joined other "
            "Republicans in pouncing on the so-called \u201ctop secret\u201d messages of Mrs. Clinton, "
            "with a post on Twitter: \u201cThe new email release is a disaster for Hillary Clinton.\u201d")
    assert speakers(text) == ["Hillary Clinton", "Donald Trump"]


def test_a_name_in_an_opening_time_phrase_is_not_the_next_he():
    # `Days after Tsege's arrest and extradition, Nega volunteered …`: the main clause's subject is the
    # likelier `he` (before: Tsege, named first in the sentence)
    text = ("Andargachew Tsege ran the movement with Berhanu Nega. Nega said he would stay in his post.\n\n"
            "Days after Tsege's arrest and extradition, "
            "Nega volunteered to replace him in Eritrea. \u201cWas I going to remain an academic?\u201d he told me.")
    assert speakers(text) == ["Nega"]


def test_a_long_opening_phrase_before_the_subject():
    # `By attacking …, Trump hopes`, `By raising … Mitt Romney, the senator said`: the subject after the
    # opening phrase's comma, also past eight words (before: None)
    from analysis.sourcing.phrases import leading_subject
    sp = leading_subject("By attacking Hillary Clinton over her husband's record on women, Trump hopes", 0)
    assert (sp.kind, sp.words) == ("name", ["Trump"])
    sp = leading_subject("By raising taxes on the wealthiest Americans and closing loopholes for hedge fund "
                         "managers like Mitt Romney, the senator said", 0)
    assert (sp.kind, sp.words) == ("desc", ["the", "senator"])
    # a list's comma is no end of the opening phrase
    assert leading_subject("After the 2014 Senate victories of Republicans Cory Gardner in Colorado, Joni Ernst "
                           "in Iowa and Thom Tillis in North Carolina, ", 0) is None


def test_a_royal_or_papal_title_with_one_given_name_stays_in_the_name():
    # `Prince Andrew` … `Andrew said`: the speaker is `Prince Andrew`, not the bare first name `Andrew`
    # (was among the corpus figure's top sources; analysis/data/name_titles.csv)
    text = ("Prince Andrew, the younger brother of the heir, spoke to the BBC.\n\n"
            "\u201cI did not sweat at the time,\u201d Andrew said.")
    assert speakers(text) == ["Prince Andrew"]
    # a title before a full name is still only a role
    assert speakers("\u201cWe are sad,\u201d said Prince Harry Windsor.") == ["Harry Windsor"]


def test_a_verb_the_speech_list_lacks_right_after_the_quotation():
    # `"…?" Beck questioned.`, `"…," reacted Trump.`: a name and a verb in -ed right after a quotation
    # its own `?`, `!` or comma leaves open (before: the last source, `the radioman` / Barack Obama)
    text = ("Glenn Beck hosts a radio show.\n\n\u201cHe changed,\u201d said radio host Mark Levin.\n\n"
            "\u201cWhat was the pivot point?\u201d Beck questioned.")
    assert speakers(text) == ["Mark Levin", "Glenn Beck"]
    text = ("Donald Trump watched the speech.\n\n\u201cMuslims are our heroes,\u201d President Barack Obama said.\n\n"
            "\u201cWhat sport is he talking about?\u201d reacted Trump.")
    assert speakers(text) == ["Barack Obama", "Donald Trump"]
    # a full name the article gives only there (`beamed Donald Hartley of Madison, Alabama`)
    text = ("\u201cWe will win,\u201d said Mike Pence.\n\n\u201cThis is fantastic!\u201d beamed Donald Hartley "
            "of Madison, Alabama, who snuck onto the floor.")
    assert speakers(text) == ["Mike Pence", "Donald Hartley"]
    # the verb first, then a role and the name (`mused Blaze co-host Stu Burguiere.`)
    text = ("Stu Burguiere hosts a show.\n\n\u201cHe changed,\u201d said radio host Mark Levin.\n\n"
            "\u201cImagine him on the stage,\u201d mused Blaze co-host Stu Burguiere.")
    assert speakers(text) == ["Mark Levin", "Stu Burguiere"]
    # a quotation that ends its sentence takes nothing from the next one
    text = "\u201cWe won.\u201d Donald Trump smiled. \u201cIt is over,\u201d Mike Pence said."
    assert speakers(text)[1] == "Mike Pence"


def test_a_name_ending_a_participle_phrase_before_an_inverted_cue_is_no_source():
    # `"…" for Clinton, forcing her to fend off both Trump and Sanders, said Brad Bannon, a pollster.`
    # (before: `Donald Trump and Bernie Sanders`)
    text = ("Donald Trump and Bernie Sanders campaigned.\n\nThat would create a \u201csummer of agony\u201d for "
            "Clinton leading up to the convention, forcing her to fend off both Trump and Sanders, said Brad "
            "Bannon, a Democratic pollster.")
    assert speakers(text) == ["Brad Bannon"]


def test_a_name_in_the_clause_a_pronoun_cues_is_not_that_pronoun():
    # `The Murdoch outlets have been standing in the way, he said, by creating a "…"`: what he said names
    # Murdoch, the speaker is the source before (before: Rupert Murdoch)
    text = ("Rupert Murdoch owns the papers.\n\nDavid Fenton, a strategist, said the goal was a carbon trading "
            "system. The Murdoch outlets have been standing in the way, he said, by creating a \u201cfalse "
            "reality bubble denying science.\u201d")
    assert speakers(text) == ["David Fenton"]
    # a name further back in the sentence, before the cued clause, still is (`Robby Mook acknowledged …,
    # which is an outcome, he said, "…"`)
    text = ("Bernie Sanders won.\n\nIn a memo, Clinton campaign manager Robby Mook acknowledged that Sanders "
            "had won, which is an outcome, he said, \u201cwe've long anticipated.\u201d")
    assert speakers(text) == ["Robby Mook"]


def test_a_role_for_a_name_is_the_person_described():
    # session 9 (PolNeAR dev): an indefinite description whose role word takes the name as the object
    # of `for` / `to` / `at` is the source, not the outlet or person it names (before: Agence
    # France-Presse, Hillary Clinton, Obama)
    assert speakers("A reporter for Agence France-Presse called it \u201cabsolute chaos.\u201d") == \
        ["a reporter for Agence France-Presse"]
    assert speakers("\u201cIt was a great idea,\u201d a senior adviser to Hillary Clinton said.") == \
        ["a senior adviser to Hillary Clinton"]
    assert speakers("A top adviser for President Obama said the benefits are not worth the cost.", "reported") \
        == ["a top adviser for President Obama"]
    # a name in apposition, a place after a role (`ambassador to Britain`) and a definite head are
    # left to their own rules
    assert speakers("\u201cWe won,\u201d Jason Miller, a senior adviser to Donald Trump, said.") == ["Jason Miller"]


def test_a_name_written_as_a_place_is_no_antecedent_and_no_person():
    # session 9 (PolNeAR dev): `Nice, France` (a place in apposition with its country) and `the city
    # of Nice` make the one-word name `Nice` a place: before, `he said` took it and it was male
    text = ("The attack happened in Nice, France, on Thursday night.\n\n\u201cWe saw people hit,\u201d he said."
            "\n\nIn a tweet, the city of Nice urged people to seek shelter.")
    rows = [(r.speaker, r.kind, r.gender) for r in sourcing.article_attributions(text)]
    assert rows == [(None, "direct", None), ("Nice", "reported", None)]
    # a person's state after a role stays a person (`Klobuchar, Minnesota Democrat`)
    text = ("Sen. Amy Klobuchar, Minnesota Democrat, spoke on Friday.\n\n\u201cWe are ready,\u201d she said.")
    assert speakers(text) == ["Amy Klobuchar"]


def test_a_person_named_after_an_organisations_title_is_that_person():
    # session 9 (PolNeAR dev): `Senate Minority Whip Dick Durbin` was an organisation (the name held
    # `Senate`) and so had no gender; the organisation's words are the person's title. A name that
    # ends on an organisation word stays an organisation
    text = ('"I don\'t know what it\'s going to take," said Senate Minority Whip Dick Durbin (D-Ill.) in an '
            'interview.\n\n"They\'re still with you," said Iowa State University Dianne Bystrom.\n\n'
            '"We give to all," the Hillary Clinton Foundation said.')
    rows = [(r.speaker, r.role, r.gender) for r in sourcing.article_attributions(text) if r.kind == "direct"]
    assert rows == [("Dick Durbin", "Senate Minority Whip", "male"),
                    ("Dianne Bystrom", "Iowa State University", "female"),
                    ("Hillary Clinton Foundation", None, None)]

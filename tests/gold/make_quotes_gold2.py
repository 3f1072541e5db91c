"""Assemble tests/gold/quotes_gold2.jsonl, the second development gold set, from the annotations below.

Same rules (tests/gold/QUOTES_ANNOTATION.md) and format as quotes_gold.jsonl, on 10 further
articles of the development corpus (in neither quotes_gold.jsonl nor quotes_heldout.jsonl),
annotated before the detector was run on them. Each annotation gives the exact quoted words
(without the marks); this script finds their offsets and asserts text == paragraph[start:end].
Run: .venv/bin/python tests/gold/make_quotes_gold2.py [--check]
(--check lists every quotation-mark character not next to an annotated span.)
"""
from pathlib import Path

from quotes_builder import main

OUT = Path(__file__).resolve().parent / "quotes_gold2.jsonl"


# Per article: speakers (key -> (speaker, role, source_type)) and quotes as
# (quote_id, paragraph, quoted_text, kind, speaker_key or None[, occurrence]).
ANN = {}

# NYT (opinion): Republicans lose statewide races (politics; tweets, poll wording)
ANN["04a6711caa7c6875"] = dict(
    speakers={
        "trump": ("Trump", "President", "government_official"),
        "abc": ("ABC News poll", None, "poll_survey"),
        "reuters": ("Reuters poll", None, "poll_survey"),
    },
    quotes=[
        (1, 1, "Governor @MattBevin has done a wonderful job for the people of Kentucky!", "full", "trump"),
        (1, 1, "Matt has my Complete and Total Endorsement, and always has. GET OUT and VOTE on November 5th for your GREAT Governor, @MattBevin!", "full", "trump"),
        (2, 2, "Virginia, with all of the massive amount of defense and other work I brought to you, and with everything planned, go out and vote Republican today,", "full", "trump"),
        (3, 3, "The people of this country aren’t buying", "partial", "trump"),
        (4, 3, "You see it because we’re going up and they’re going down.", "full", "trump"),
        (5, 4, "You gotta give me a big win please,", "full", "trump"),
        (5, 4, "Please.", "full", "trump"),
        (6, 8, "President Trump’s actions were wrong and he should be impeached by the House and removed from office by the Senate.", "partial", "abc"),
        (7, 8, "committed impeachable offenses during his conversation with the president of Ukraine.", "partial", "reuters"),
    ],
)

# Vox: Delhi air pollution (science, health, policy)
ANN["16c30add7e96315e"] = dict(
    speakers={
        "kejriwal": ("Arvind Kejriwal", "Delhi’s Chief Minister", "government_official"),
        "apte": ("Joshua Apte", "professor of environmental engineering at the University of Texas Austin", "expert_academic"),
        "prakash": ("Aseem Prakash", "founding director of the Center for Environmental Politics at the University of Washington", "expert_academic"),
        "selvaraj": ("Kurinji Selvaraj", "research analyst at the Delhi-based Council on Energy, Environment and Water think tank", "expert_academic"),
    },
    quotes=[
        (1, 0, "severe", "scare", None),
        (2, 0, "emergency", "scare", None),
        (3, 1, "gas chamber.", "partial", "kejriwal"),
        (4, 19, "It’s like you’re pouring a whole lot of stuff off into a sink that’s plugged up,", "full", "apte"),
        (4, 19, "It overflows with spectacular consequences.", "full", "apte"),
        (5, 21, "I’m actually a Delhiite, and I was born and raised in Delhi, and I never experienced this pollution,", "full", "prakash"),
        (5, 21, "The [severe] pollution has started really in 2010. The question is what happened in 2009?", "full", "prakash"),
        (6, 34, "This is mainly due to the change in wind direction from north-westerly to south-easterly, which allowed Delhi’s air to slightly improve,", "full", "selvaraj"),
        # the inner ‘Oh no, you first,’ ‘No, you first,’ is hypothetical speech voiced by Apte: no record
        (7, 35, "Part of the challenge is that there’s a character of ‘Oh no, you first,’ ‘No, you first,’", "full", "apte"),
        (7, 35, "No one sector wants to sign up for regulations that would lead to sharp cuts in their emissions when other sectors are not necessarily sharing equal portions of the blame.", "full", "apte"),
        (8, 38, "People will be up in revolt, they’ll stop trains, there will be riots, and nobody wants to get into this hassle,", "full", "prakash"),
        (8, 38, "It’s actually a very, very noisy and well-functioning democracy, and there are too many veto points.", "full", "prakash"),
        (9, 45, "The beauty of China is that if they want something to be done, they can do it,", "full", "prakash"),
        (9, 45, "Nothing stands between the decision and the implementation.", "full", "prakash"),
        (10, 48, "If one steps back and says, what is the largest contributor to pollution, the single largest contributor is fossil fuels,", "full", "prakash"),
        (11, 51, "The problem can be solved,", "full", "prakash"),
        (11, 51, "But what you need is political will and a bit of imagination.", "full", "prakash"),
    ],
)

# TechCrunch: New York Attorney General and WeWork (business, law)
ANN["1ace8c85aaee21b9"] = dict(
    speakers={
        "spokes": ("a company spokesperson", "company spokesperson", "business"),
    },
    quotes=[
        (1, 1, "we have received an inquiry from the office of the New York State Attorney General and are cooperating in the matter.", "partial", "spokes"),
        (2, 4, "We", "scare", None),
    ],
)

# The Sun: bubonic plague in Beijing (health)
ANN["8b19453030820413"] = dict(
    speakers={
        "who": ("World Health Organization", None, "government_official"),
    },
    quotes=[
        (1, 20, "buboes", "scare", None),
        (2, 24, "always fatal", "partial", "who"),
        (3, 27, "Black Death", "scare", None),
    ],
)

# ProFootballTalk: Chargers coach after a loss (sport)
ANN["8e3efab59f48fd29"] = dict(
    speakers={
        "lynn": ("Anthony Lynn", "Chargers coach", "other"),
    },
    quotes=[
        (1, 2, "We talked all along about everything we wanted was still in front of us,", "full", "lynn"),
        (1, 2, "Yes, we needed to win this game today. I felt like if we could have won this game today and won out, we could control our own destiny. But now, obviously, I don’t feel that way. I still think we have enough to win next week and beyond that, but we probably are going to need some help.", "full", "lynn"),
    ],
)

# Quanta: tuft cells and taste receptors (science; scientists quoted by last name and "he")
ANN["bdb56ac83513635d"] = dict(
    speakers={
        "locksley": ("Richard Locksley", "immunologist at the University of California, San Francisco", "expert_academic"),
        "pluznick": ("Jennifer Pluznick", "physiologist at Johns Hopkins University", "expert_academic"),
        "howitt": ("Michael Howitt", "immunologist at Stanford University", "expert_academic"),
        "baldridge": ("Megan Baldridge", "molecular microbiologist at Washington University in St. Louis", "expert_academic"),
        "vaughan": ("Andrew Vaughan", "lung biologist", "expert_academic"),
        "herbert": ("De’Broski Herbert", "immunologist", "expert_academic"),
    },
    quotes=[
        (1, 4, "exciting,", "partial", "locksley"),
        (2, 4, "we’re still in the very early days", "partial", "locksley"),
        # the inner ‘I don’t even know ...’ is Pluznick's own retold words: no record
        (3, 9, "I think I even famously said something to my postdoc adviser, like, ‘I don’t even know that I can trust this data, you know?’", "full", "pluznick"),
        (3, 9, "Olfactory receptors in the kidney? Come on.", "full", "pluznick"),
        (4, 13, "Other labs finding similar things in other tissues was both very encouraging and very exciting,", "full", "pluznick"),
        (5, 14, "taste", "scare", None, 1),
        (6, 14, "smell", "scare", None),
        (7, 17, "They were these really intriguing, weird cells that didn’t really have a clear function in terms of the normal physiology,", "full", "howitt"),
        (8, 20, "We weren’t looking for protozoa,", "full", "howitt"),
        (8, 20, "We were focused on bacteria.", "full", "howitt"),
        (9, 25, "Even textbooks of [gastrointestinal] medicine had no idea what these cells did,", "full", "locksley"),
        (10, 27, "people just kind of ignored them or didn’t even realize that they were there,", "full", "baldridge"),
        (11, 30, "Sure enough, they were all over the place,", "full", "vaughan"),
        (12, 30, "basically seeing a cell type where [it’s] not supposed to be.", "partial", "vaughan"),
        (13, 31, "taste", "scare", None),
        (14, 32, "Once some of those metabolic products go out of whack … bam! Tuft cells can recognize it and make a response if something is wrong.", "full", "herbert"),
        (15, 33, "taste", "scare", None, 1),
        (16, 33, "that doesn’t mean that’s the order in which it evolved.", "full", "howitt"),
        (17, 36, "You may not always want to have the ability to [defensively] overreact,", "full", "vaughan"),
        (18, 36, "if you have too many of these cells and they’re too poised to respond to the external environment.", "partial", "vaughan"),
    ],
)

# PanARMENIAN.Net (Amnesty International release): Iran protests (human rights; continuation paragraph)
ANN["d90bda7ed14df195"] = dict(
    speakers={
        "luther": ("Philip Luther", "Research and Advocacy Director for the Middle East and North Africa at Amnesty International", "civil_society_ngo"),
    },
    quotes=[
        (1, 3, "The authorities must end this brutal and deadly crackdown immediately and show respect for human life,", "full", "luther"),
        (2, 4, "The frequency and persistence of lethal force used against peaceful protesters in these and previous mass protests, as well as the systematic impunity for security forces who kill protesters, raise serious fears that the intentional lethal use of firearms to crush protests has become a matter of state policy.", "full", "luther"),
    ],
)

# The Paradigm (Nigeria): senators sue the police chief (courts; a court filing's wording)
ANN["e7301133baab4359"] = dict(
    speakers={
        "lawmakers": ("the lawmakers", "lawmakers", "politician"),
    },
    quotes=[
        (1, 4, "jointly and severally pay the applicants the sum of N500m only, same being the pecuniary and exemplary damages arising from the humiliation, intimidation, harassment and unlawful attempt to arrest the applicants by the agents of the second respondent (Commissioner of Police).", "partial", "lawmakers"),
    ],
)

# National Review (opinion): Schiff's impeachment inquiry (politics; scare quotes, imagined speech)
ANN["f5c90a6d5253c3a2"] = dict(
    speakers={
        "schiff": ("Adam Schiff", None, "politician"),
        "people": ("the people", None, "citizen_eyewitness"),
        "public": ("the collective public", None, "citizen_eyewitness"),
        "crowd": ("the anti-Scottish crowd", None, "other"),
        "inquisitors": ("Democratic inquisitors", None, "politician"),
    },
    quotes=[
        (1, 5, "We have not spoken directly with the whistleblower", "full", "schiff"),
        (2, 9, "Ukrainian collusion.", "scare", None),
        (3, 9, "wise man", "scare", None),
        (4, 11, "reset", "scare", None),
        (5, 13, "space", "scare", None),
        (6, 13, "space", "scare", None, 1),
        (7, 13, "whistleblower’s", "scare", None),
        (8, 18, "Medicare for all.", "scare", None),
        (9, 20, "Enough already, just vote.", "full", "people"),
        (10, 21, "Make Trump just go away.", "full", "public"),
        (11, 23, "Mercy!", "full", "crowd"),
        (12, 26, "whistleblower,", "scare", None),
        (13, 28, "hearsay can be much better evidence than direct", "partial", "inquisitors"),
    ],
)

# Business Insider: how to retire early (personal finance; bloggers, a book title, a podcast)
ANN["f81c6c05d9cbc933"] = dict(
    speakers={
        "dahleen": ("Leif Dahleen", "blogger behind the Physician on FIRE", "citizen_eyewitness"),
        "sabatier": ("Grant Sabatier", "Early retiree and self-made millionaire", "citizen_eyewitness"),
        "tommy": ("Tommy", None, "citizen_eyewitness"),
        "adcock": ("Steve Adcock", "early retiree", "citizen_eyewitness"),
    },
    quotes=[
        (1, 9, "There are two things you need to know in order to make a plan for the future,", "full", "dahleen"),
        (1, 9, "First, you should calculate your net worth. This can be done in a matter of hours.", "full", "dahleen"),
        (2, 10, "The second thing you need to calculate is your annual spending. You may be able to guesstimate this based on credit-card statements and your checking account habits,", "full", "dahleen"),
        (2, 10, "It's a good idea to set up semi-automated tracking with an app to verify how much money actually goes out the door every year.", "full", "dahleen"),
        (3, 13, "Financial Freedom: A Proven Path to All the Money You Will Ever Need,", "scare", None),
        (4, 13, "target number,", "partial", "sabatier"),
        (5, 18, "lean", "scare", None, 1),
        (6, 21, "Beyond Finances.", "scare", None),
        (7, 22, "gives you more flexibility and potentially the opportunity to reach financial independence very quickly,", "partial", "sabatier"),
        (8, 34, "So much of our having a great retirement is mental. Being mortgage free certainly adds another level of mental freedom,", "full", "tommy"),
        (9, 42, "Sacrifice is necessary to retire early, but it's not all we do, either. It is important to treat and reward ourselves along the way by celebrating those smaller achievements.", "full", "adcock"),
    ],
)

# ---- end of annotations ----


if __name__ == "__main__":
    main(ANN, OUT)

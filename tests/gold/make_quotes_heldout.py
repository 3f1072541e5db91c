"""Assemble tests/gold/quotes_heldout.jsonl (held-out gold set of quotes and speakers).

Same rules, format and codes as tests/gold/quotes_gold.jsonl (tests/gold/QUOTES_ANNOTATION.md);
the articles are different ones from /work/shared/corpus/reference.jsonl, annotated by a second
coder without looking at the detector (analysis/quotes.py, analysis/sourcing.py) or its output, so
the set measures how well the detector generalises to articles nobody tuned on.

Each annotation gives the exact quoted words (without the marks) as the coder chose them; this
script finds their character offsets in the paragraph and asserts text == paragraph[start:end].
Run: .venv/bin/python tests/gold/make_quotes_heldout.py [--check]
(--check also lists every quotation-mark character not adjacent to an annotated span, so the
coder can verify no mark pair was missed.)
"""
from pathlib import Path

from quotes_builder import main

OUT = Path(__file__).resolve().parent / "quotes_heldout.jsonl"


# ---------------------------------------------------------------------------------------------
# Annotations. Per article: speakers table (key -> (speaker, role, source_type)) and quotes as
# (quote_id, paragraph, quoted_text, kind, speaker_key or None[, occurrence]).
# occurrence (default 0) picks the n-th match of quoted_text in the paragraph.
# ---------------------------------------------------------------------------------------------
ANN = {}

# USA Today: South Dakota's "Meth. We're on it." campaign (state politics; slogan in a teaser headline)
ANN["776a1c046798b474"] = {
    "speakers": {
        "noem": ("Kristi Noem", "Gov.", "government_official"),
    },
    "quotes": [
        (1, 2, "Meth. We're on it.", "scare", None),
        (2, 4, "The mission of the campaign is to raise awareness – to get people talking about how they can be part of the solution and not just the problem,", "full", "noem"),
        (2, 4, "It is working.", "full", "noem"),
        (3, 5, "Meth. We're On It.", "scare", None),
        (4, 6, "growing at an alarming rate", "partial", "noem"),
        (5, 7, "This is our problem, and together, we need to get on it,", "full", "noem"),
        (6, 8, "bold, innovative effort like the nation has never before seen.", "partial", "noem"),
        (7, 11, "I am confident South Dakota can lead the country in this effort and demonstrate ways we can aggressively combat addiction and spark opportunities for recovery,", "full", "noem"),
    ],
}

# Reuters via ScienceAlert: first geological map of Titan (science; NASA/JPL scientists)
ANN["359fee228518d55b"] = {
    "speakers": {
        "lopes": ("Rosaly Lopes", "planetary geologist of NASA's Jet Propulsion Laboratory in California", "expert_academic"),
        "malaska": ("Michael Malaska", "JPL scientist and study co-author", "expert_academic"),
    },
    "quotes": [
        (1, 3, "Organics are very important for the possibility of life on Titan, which many of us think likely would have evolved in the liquid water ocean under Titan's icy crust,", "full", "lopes"),
        (2, 4, "Organic materials can, we think, penetrate down to the liquid water ocean and this can provide nutrients necessary for life, if it evolved there,", "full", "lopes"),
        (3, 9, "What is really fun to think about is if there are any ways that those more complex organics can go down and mix with water in the deep icy crust or deep subsurface ocean,", "full", "malaska"),
        (4, 10, "Could it or something like it live in Titan deep in the crust or ocean where temperatures are a little warmer?", "full", "malaska"),
        (5, 12, "It is not only scientifically important but also really cool - a drone flying around on Titan,", "full", "lopes"),
        (5, 12, "It will be really exciting.", "full", "lopes"),
    ],
}

# Los Angeles Times: Disney+ launch problems (business, entertainment; titles as scare quotes,
# a closing mark after a space, an opening mark followed by a space)
ANN["098bb3e96c0acdf3"] = {
    "speakers": {
        "mayer": ("Kevin Mayer", "Disney’s chairman of direct-to-consumer and international", "business"),
    },
    "quotes": [
        (1, 1, "Star Wars,", "scare", None),
        (2, 1, "Mary Poppins", "scare", None),
        (3, 1, "Bambi.", "scare", None),
        (4, 3, "We had some issues ... we had some customer service issues that didn’t make me feel good,", "full", "mayer"),
        (5, 4, "patched", "partial", "mayer"),
        (6, 6, "We’ve never had demand that we saw that day, and continue to see", "full", "mayer"),
        (7, 10, "We will see the industry shake out a bit,", "full", "mayer"),
        (7, 10, "Not everyone will succeed.", "full", "mayer"),
        (8, 14, "There will be a time ... when the pay-TV numbers are low enough,", "full", "mayer"),
        (8, 14, "We want to serve consumers the way they wish to be served.", "full", "mayer"),
        (9, 19, "Operating is a lot different than a strategy role,", "full", "mayer"),
        (9, 19, "I love what I’m doing.", "full", "mayer"),
    ],
}

# CRN: Tim Cook and Marc Benioff at Dreamforce (business, technology; many partial quotes)
ANN["291a8bf33ee49074"] = {
    "speakers": {
        "cook": ("Tim Cook", "CEO", "business"),
        "benioff": ("Marc Benioff", "Salesforce founder and co-CEO", "business"),
    },
    "quotes": [
        (1, 0, "pulled into the enterprise,", "partial", "cook"),
        (2, 2, "began to say we want you to do this and that,", "partial", "cook"),
        (3, 2, "best mobile operating system for enterprise.", "partial", "cook"),
        (4, 3, "We really took that challenge to heart,", "full", "cook"),
        (5, 4, "we love you for that,", "partial", "cook"),
        (6, 7, "someone who has redefined what it means to be a chief executive officer", "partial", "benioff"),
        (7, 8, "is our dream,", "partial", "benioff"),
        (8, 13, "I run my business on my phone. I have for years. I don’t even own a computer anymore and I don’t need one,", "full", "benioff"),
        (8, 13, "You guys have done such a good job.", "full", "benioff"),
        (9, 16, "I love the way you're constantly taking all the new things and quickly incorporating those, whether its Siri shortcuts, or handoffs,", "full", "cook"),
        (10, 18, "going way off script in a way that only he could do, making everyone laugh along the way.", "partial", "cook"),
        (11, 19, "I can feel him and his presence when I come here,", "full", "cook"),
        (12, 21, "We all miss Steve so much,", "full", "benioff"),
        (12, 21, "since he passed, you've been so true to him and his values.", "full", "benioff"),
        (13, 22, "a fundamental human right", "partial", "cook"),
        (14, 25, "first hand their love of their country and commitment to it.", "partial", "cook"),
        (15, 26, "bolt-on things,", "partial", "cook"),
        (16, 26, "embedded in who we are.", "partial", "cook"),
    ],
}

# Washington Examiner (opinion): Prince Andrew's Epstein interview (royals, crime; a campaign
# name nested in a quote, a bracketed insertion by the writer)
ANN["87bf60570e6e2e33"] = {
    "speakers": {
        "andrew": ("Prince Andrew", None, "other"),
        "giuffre": ("Virginia Giuffre", None, "citizen_eyewitness"),
    },
    "quotes": [
        (1, 2, "Going to Pizza Express in Woking is an unusual thing for me to do,", "full", "andrew"),
        (1, 2, "I remember it weirdly, distinctly.", "full", "andrew"),
        (2, 4, "Oh, actually? Yes,", "full", "andrew"),
        (2, 4, "I didn’t sweat at the time.", "full", "andrew"),
        (3, 7, "There was no indication, absolutely no indication,", "full", "andrew"),
        (3, 7, "And if there was, you have to remember that at the time, I was the patron of the [National Society for the Prevention of Cruelty to Children’s] ‘Full Stop’ campaign, so I was close-up with what was going on in those — time about getting rid of abuse to children, so I knew what was, what the things were to look for but I never saw them.", "full", "andrew"),
        (4, 7, "Full Stop", "scare", None),
        (5, 9, "the opportunities I was given to learn", "partial", "andrew"),
        (6, 11, "He knows exactly what he's done,", "full", "giuffre"),
        (6, 11, "And I hope he comes clean about it.", "full", "giuffre"),
    ],
}

# Sportsnet (AP): Davis Cup Finals round-up (sports; players, a venue nickname)
ANN["0d46122928b6f468"] = {
    "speakers": {
        "lopez": ("Feliciano Lopez", None, "other"),
        "nadal": ("Rafael Nadal", None, "other"),
        "opelka": ("Reilly Opelka", None, "other"),
        "mahut": ("Nicolas Mahut", None, "other"),
        "schwartzman": ("Diego Schwartzman", None, "other"),
        "bublik": ("Alexander Bublik", None, "other"),
    },
    "quotes": [
        (1, 3, "It was a difficult situation for us,", "full", "lopez"),
        (1, 3, "We needed this win, otherwise we could be close to being out of the tournament. Now we are in a good position to advance.", "full", "lopez"),
        (2, 4, "Caja Magica", "scare", None),
        (3, 6, "The format makes things very difficult because every mistake puts you in a position that you don’t want to be,", "full", "nadal"),
        (3, 6, "And losing that first match, we were under pressure.", "full", "nadal"),
        (4, 12, "Came down to a few points,", "full", "opelka"),
        (4, 12, "Thought I did my part, played well, served well, and I put myself in a position to win. He was just too good.", "full", "opelka"),
        (5, 20, "We know we’ve arrived late from London, but the captain had a lot of confidence in our team,", "full", "mahut"),
        (5, 20, "There was a lot of intensity in the win but we’re really happy today. This was a really difficult tie.", "full", "mahut"),
        (6, 24, "It’s the end of the season but I think I played one of the best matches for sure of the year, maybe in my career,", "full", "schwartzman"),
        (6, 24, "I think Guido helped me a lot to be more confident in this match and I played unreal tennis.", "full", "schwartzman"),
        (7, 28, "I almost died there,", "full", "bublik"),
    ],
}

# Moneycontrol: Indian markets at a high while the economy slows (markets; analysts, a
# brokerage and its report, an investor)
ANN["65408257dbe4b41f"] = {
    "speakers": {
        "bhasin": ("Sanjiv Bhasin", "Director, IIFL Securities", "expert_academic"),
        "kotakreport": ("Kotak Institutional Equities", None, "document_report"),
        "kotak": ("Kotak Institutional Equities", None, "expert_academic"),
        "oza": ("Rusmik Oza", "Head of Fundamental Research at Kotak Securities", "expert_academic"),
        "soros": ("George Soros", "Hungarian-American investor", "business"),
        "pandey": ("Pankaj Pandey", "Head of Research at ICICI Securities", "expert_academic"),
    },
    "quotes": [
        (1, 2, "Markets usually run ahead of macros and price future growth. There are three positive indicators for growth – reduction in the corporate tax rate, proposed divestment of large public sector units and a possible resolution of the US-China trade impasse. Therefore, we see growth coming back in 2020. Now, we expect broader markets to outperform,", "full", "bhasin"),
        (2, 4, "The market and the quality part of the market are largely factoring in a reasonable recovery in the economy and earnings,", "full", "kotakreport"),
        (3, 8, "The hope of a faster recovery in earnings because of a cut in the corporate tax is keeping the market higher,", "full", "oza"),
        (4, 11, "The Essar Steel case verdict is a big positive for banks. This verdict should be seen in a broader view, as now bidders will be much more comfortable in bidding and banks will have this belief that the probability of recovery will be high now,", "full", "oza"),
        (5, 14, "Stock market bubbles don't grow out of thin air. They have a solid basis in reality, but reality as distorted by a misconception.", "full", "soros"),
        (6, 16, "We remain sceptical of a quick recovery in the Indian economy given several structural issues, the limited fiscal capacity to support consumption or investment demand and inefficacy of policy rate cuts given crowding out by the high government borrowings,", "full", "kotak"),
        (7, 20, "It is a stock-specific market so not expecting a broad-based rally. So far, it looks fair as it is following the directional cues,", "full", "pandey"),
        (8, 23, "We see risks to all these points and thus, any negative changes to the market’s expectations, especially related to further reforms in India and strong earnings recovery, could disappoint the market,", "full", "kotak"),
    ],
}

# Rolling Stone: Doobie Brothers 50th-anniversary tour (music; song titles, a statement)
ANN["ac1bfdd4c510f679"] = {
    "speakers": {
        "simmons": ("Patrick Simmons", "Singer-guitarist", "other"),
        "johnston": ("Tom Johnston", "Singer-guitarist", "other"),
    },
    "quotes": [
        (1, 2, "Takin’ It to the Streets,", "scare", None),
        (2, 3, "Black Water,", "scare", None),
        (3, 3, "You might remember him from, well, he has his own band these days,", "full", "simmons"),
        (3, 3, "But you might remember him from his band, the Doobie Brothers — Mr. Michael McDonald.", "full", "simmons"),
        (4, 4, "Takin’ It to the Streets.", "scare", None),
        (5, 6, "We’re truly excited about our 50th Anniversary Tour, as it’s a celebration of the band’s entire history,", "full", "johnston"),
        (5, 6, "We’ll be performing songs from our full catalog, as well as new music.", "full", "johnston"),
        (6, 7, "What a Fool Believes.", "scare", None),
    ],
}

# CNN (analysis): Trump's unscheduled Walter Reed visit (politics, health; a doctor's letter,
# White House spokespeople, distancing quotes)
ANN["ef4e67b66d63b5fa"] = {
    "speakers": {
        "wh": ("White House", None, "government_official"),
        "gidley": ("Hogan Gidley", "principal deputy White House press secretary", "government_official"),
        "bornstein": ("Harold Bornstein", "longtime physician", "expert_academic"),
        "grisham": ("Stephanie Grisham", "White House press secretary", "government_official"),
    },
    "quotes": [
        (1, 0, "quick exam and labs", "partial", "wh"),
        (2, 6, "The President received a diet and exercise plan last year after his annual physical, but the President admits he has not followed it religiously,", "full", "gidley"),
        (3, 7, "VIP", "scare", None),
        (4, 10, "His physical strength and stamina are extraordinary,", "full", "bornstein"),
        (4, 10, "If elected, Mr. Trump, I can state unequivocally, will be the healthiest individual ever elected to the presidency.", "full", "bornstein"),
        (5, 11, "dictated that whole letter. I didn't write that letter. I just made it up as I went along.", "full", "bornstein"),
        (6, 12, "record", "scare", None),
        (7, 15, "We're not going to get into security and movement protocols when it comes to the President, but as my statements said he's in good health and it was a routine checkup as part of his annual physical,", "full", "grisham"),
        (7, 15, "I've given plenty of on-the-record statements that were truthful and accurate -- actively trying to find and report conspiracy theories really needs to stop.", "full", "grisham"),
        (8, 16, "plenty of on-the-record statements that were truthful and accurate.", "partial", "grisham"),
    ],
}

# Polygraph.info (VOA): fact check of Russian claims about al-Tanf and Rukban (military,
# diplomacy; quoted cross-headings, an anonymous refugee, nested distancing quote)
ANN["1ee91d1fce65e09b"] = {
    "speakers": {
        "mod": ("Russian and Syrian defense ministries", None, "government_official"),
        "pentagon": ("Pentagon", None, "government_official"),
        "lamrani": ("Omar Lamrani", "senior military analyst at Stratfor", "expert_academic"),
        "simpson": ("Charles Simpson", "program administrator for the Refugees in Towns Project at Tufts University’s Feinstein International Center", "expert_academic"),
        "refugee": ("a Syrian refugee inside the Rukban camp", "source inside the Rukban camp", "anonymous_unnamed"),
        "robertson": ("Sean Robertson", "spokesperson for Inherent Resolve", "military_security"),
        "haq": ("Farhan Aziz Haq", "United Nations spokesman", "government_official"),
    },
    "quotes": [
        (1, 0, "bandit formations", "partial", "mod"),
        (2, 1, "patently false,", "partial", "pentagon"),
        (3, 4, "de-confliction zone", "scare", None),
        (4, 12, "U.S.-controlled bandit formations", "partial", "mod"),
        (5, 14, "fairly secular by regional standards and has been at the forefront of the fight against ISIS.", "partial", "lamrani"),
        (6, 14, "certainly absurd.", "partial", "lamrani"),
        (7, 16, "I can say with confidence that the U.S. most certainly does not ‘control’ any actors there directly,", "full", "simpson"),
        (8, 16, "control", "scare", None),
        (7, 16, "From my interviews, it appears all U.S. interventions in the region are indirect and sparse.", "full", "simpson"),
        (9, 17, "… prevent the evacuation of the Syrian civilians from the Rubkan camp", "partial", "mod"),
        (10, 18, "absolutely not true.", "partial", "refugee"),
        (11, 19, "Not the U.S. nor any of the U.S.-backed rebels in area 55 are preventing civilians from leaving the camp,", "full", "refugee"),
        (11, 19, "Many people are afraid to return to the Syrian regime areas because they are afraid of retribution. They want a safe road to areas in northwest Syria.", "full", "refugee"),
        (12, 20, "is patently false,", "partial", "robertson"),
        (13, 20, "the United States is not preventing people from leaving Rukban.", "partial", "robertson"),
        (14, 21, "Rukban is another example of the Assad regime’s consistent practice, with Russian support, of facilitating the suffering of its own people while using the situation as a propaganda tool to deflect the blame for its own inhumane behavior,", "full", "robertson"),
        (15, 22, "The (refugees) must not be forced to make decisions under threat of starvation or severe deprivation because Russia and the [Syrian] Regime are blocking them from access to food and other basic needs. The regime must take responsibility for its choice to starve its own people and the pressure must continue for Damascus to allow the U.N. to deliver aid.", "full", "robertson"),
        (16, 23, "working in particular with the International Coalition Forces, who have said they need to undertake a security assessment before providing the necessary guarantees to enter the camp, as well as the Government of Syria to ensure U.N. access to the shelters in Homs.", "partial", "haq"),
        (17, 25, "Although Berm [Rukban] residents have not been permitted to cross into Jordan, their proximity to the border and Jordanian-U.S. joint military border security operations and air patrols provide a modicum of protection to civilians against Russian airstrikes and other military activities in the region,", "full", "simpson"),
        (17, 25, "This is a motivation for residents to stay in Rukban, rather than returning to say, Palmyra.", "full", "simpson"),
        (18, 26, "The United States does not support forced or coerced relocations, including forcing people to move because they are hungry. As a principle, we support informed, safe, voluntary, and dignified movements of internally displaced persons within Syria.", "full", "robertson"),
    ],
}

# The Hollywood Reporter: Google's Stadia launch (technology, games business; executives and an
# analyst, a nested distancing quote, a bracketed insertion)
ANN["8267acacb9e4a109"] = {
    "speakers": {
        "buser": ("Jack Buser", "director for games at Google", "business"),
        "ward": ("Lewis Ward", "research director of gaming VR/AR at tech market research firm IDC", "expert_academic"),
        "early": ("Chris Early", "senior vp partnerships and revenue at Ubisoft", "business"),
        "zelnick": ("Strauss Zelnick", "CEO of Take-Two", "business"),
    },
    "quotes": [
        (1, 0, "You’re going to see a number of things that Stadia can do that is not possible on other platforms,", "full", "buser"),
        (2, 2, "Stadia has been built from the ground up to be a cloud platform,", "full", "buser"),
        (2, 2, "You’re going to see a number of things that Stadia can do that is not possible on other platforms.", "full", "buser"),
        (3, 3, "We have one of the largest private networks in the world,", "full", "buser"),
        (4, 3, "deliver extremely high fidelity content all over the world.", "partial", "buser"),
        (5, 3, "seamless experience", "partial", "buser"),
        (6, 5, "Achilles heel.", "partial", "ward"),
        (7, 6, "They need to ramp up the game catalog ASAP,", "full", "ward"),
        (7, 6, "Google’s planned 'free' base tier (you still have to buy the games outright) is its ace in the hole, as is its ability to promote Stadia through the YouTube Gaming community...and that should seed interest in the Founder’s Edition bundle and Pro service. I think that conversion will be tough, however, since the games catalog will probably stay fairly thin and there’s a lot of other gaming options out there.", "full", "ward"),
        (8, 6, "free", "scare", None),
        (9, 7, "Google offers an extension of the market of people who can play our games,", "full", "early"),
        (9, 7, "They help extend our reach by letting people who maybe don’t own a console or PC join in.", "full", "early"),
        (10, 8, "Our strategy is to be where the consumer is,", "full", "zelnick"),
        (10, 8, "Generally speaking, in the entertainment business, broader distribution is a good thing for consumers and customers. We’re excited by the opportunity and we’ll see how it goes.", "full", "zelnick"),
        (11, 10, "2020 will be about getting these services in good working order and cautiously testing out how gamers respond,", "full", "ward"),
        (11, 10, "I think 2021 and 2022 will begin to see more of a muscular push by several of the large cloud-streamed gaming service providers.", "full", "ward"),
        (12, 11, "Streaming is somewhat binary,", "full", "early"),
        (12, 11, "You are either in a place with adequate bandwidth or you’re not.", "full", "early"),
        (13, 11, "believers", "partial", "early"),
        (14, 12, "The groundwork is there,", "full", "buser"),
        (14, 12, "In terms of running games and having an experience that feels as good as or better than best consoles that exist today. The creativity that is coming from the game development community will break the boundaries of what was previously possible. It's just staggering.", "full", "buser"),
        (15, 13, "Our objective is to make the best game and get it in front of as many people as possible,", "full", "early"),
        (15, 13, "I think the interesting question is if we’re getting to a place that requires a game to be run in the cloud, does that become Stadia exclusive? While the intent may not be that, because [the game] may be exclusive to services that operate with a cloud base, whether that’s xCloud or Stadia or whatever else, that does become something we'd look at.", "full", "early"),
        (16, 15, "I think if [Google] gets to over 100 games by the time the free tier launches next year that will be a big improvement, slow and painful as it is,", "full", "ward"),
        (17, 16, "This is where you’ll see the next big jump in what games can be,", "full", "buser"),
        (17, 16, "You’ll never download a game or have to download an update. We’re already used to this in movies and TV, we just haven’t seen it in games yet. It’s tough to go back to console.", "full", "buser"),
    ],
}

# Los Angeles Times (column): Gannett-GateHouse merger and local news (media business; many
# partial quotes of an executive, an analyst, a survey's author, an investor on a call)
ANN["8634d1211c3f2b73"] = {
    "speakers": {
        "reed": ("Michael Reed", "CEO of New Media Investment Group, GateHouse’s parent", "business"),
        "doctor": ("Ken Doctor", "veteran industry analyst", "expert_academic"),
        "gatehouse": ("GateHouse Media", None, "business"),
        "abernathy": ("Penelope Muse Abernathy", "of the University of North Carolina", "expert_academic"),
        "cooperman": ("Leon Cooperman", "New Media investor", "business"),
    },
    "quotes": [
        (1, 0, "stronger", "partial", "reed"),
        (2, 0, "more viable", "partial", "reed"),
        (3, 0, "with deep local roots and national scale.", "partial", "reed"),
        (4, 2, "new Gannett,", "partial", "reed"),
        (5, 7, "Since 2008, there hasn’t been a single year of revenue gain in the newspaper industry as a whole,", "full", "doctor"),
        (6, 7, "continuous cost-cutting for more than a decade in local news.", "partial", "doctor"),
        (7, 8, "synergies", "partial", "reed"),
        (8, 8, "immaterial", "partial", "gatehouse"),
        (9, 19, "consolidate copy editing and page design", "partial", "abernathy"),
        (10, 19, "GateHouse-owned newsrooms are often half the size within a matter of months,", "full", "abernathy"),
        (11, 20, "to return capital to shareholders through dividends, in addition to investing for growth that will drive revenues.", "partial", "reed"),
        (12, 20, "investing for growth.", "partial", "reed"),
        (13, 22, "morally wrong.", "partial", "cooperman"),
        (14, 23, "I know we’re happy to get rid of Fortress,", "full", "cooperman"),
        (14, 23, "They brought this public in 2014 at $16 a share. The stock is $8.5 and they’re going to walk away with hundreds of millions of dollars. ... They shouldn’t even take the money, given what they’ve done here.", "full", "cooperman"),
        (15, 24, "Financial players like Fortress and Alden are making significant money on the way down,", "full", "doctor"),
        (15, 24, "They see the way down as close to inevitable.", "full", "doctor"),
        (16, 27, "After two more years of this,", "full", "doctor"),
        (16, 27, "what kind of products are going to be left in local communities that readers feel are worth a digital subscription? What’s your strategy after all the cost-cutting?", "full", "doctor"),
    ],
}

# New York Times: Trump's trade war with China (politics, economy; nested retold dialogue,
# officials, economists, an industry body's letter, a closing mark after a space)
ANN["702d1da63b8e064c"] = {
    "speakers": {
        "trump": ("Trump", "President", "government_official"),
        "advisers": ("President Trump’s advisers", None, "government_official"),
        "williams": ("John Williams", "the president of the Federal Reserve Bank of New York", "government_official"),
        "prasad": ("Eswar Prasad", "a trade professor at Cornell", "expert_academic"),
        "levy": ("Phil Levy", "the chief economist at Flexport", "expert_academic"),
        "duvall": ("Zippy Duvall", "the president of the American Farm Bureau", "business"),
        "he": ("He Jianxiong", "the former executive director for China at the International Monetary Fund", "government_official"),
    },
    "quotes": [
        (1, 1, "My people had $20 billion done,", "full", "trump"),
        (1, 1, "And I said, ‘I want more.’ They said, ‘The farmers can’t handle it.’ I said, ‘Tell them to buy larger tractors. It’s very simple.’", "full", "trump"),
        (2, 1, "The farmers can’t handle it.", "full", "advisers"),
        (3, 4, "historic", "partial", "trump"),
        (4, 5, "We’re taking in billions of dollars in tariff money from China,", "full", "trump"),
        (4, 5, "I like our situation very much. They want to make a deal much more than I do, but we could have a deal.", "full", "trump"),
        (5, 10, "It’s striking that in almost every corner of the world geopolitical tensions are threatening to put the brakes on growth,", "full", "williams"),
        (5, 10, "The uncertainty created by current events is no doubt having a lasting effect on the economic conditions we’re experiencing today.", "full", "williams"),
        (6, 14, "mercurial temperament and predilection to undercutting his own negotiating team", "partial", "prasad"),
        (7, 14, "By hyping up expectations and setting unrealistic goals for the trade talks, Trump makes the prospects for any sort of trade deal with China more uncertain and volatile,", "full", "prasad"),
        (8, 15, "farm country,", "partial", "trump"),
        (9, 20, "It makes for better theater to hold this to the last minute,", "full", "levy"),
        (9, 20, "It really doesn’t fit well with the world of global supply chains. And we’re talking to a lot of businesses who are having difficulty with that.", "full", "levy"),
        (10, 22, "near-unprecedented economic uncertainty and hardship", "partial", "duvall"),
        (11, 22, "time is running out for many in agriculture.", "full", "duvall"),
        (12, 23, "than any time in our history, by far", "partial", "trump"),
        (13, 28, "Without rolling back some of the tariffs, or reducing the uncertainty of not raising additional tariffs, then I would ask what is the additional incentive of implementing this deal on the Chinese part?", "full", "he"),
    ],
}

# Forbes: a case report of "feather duvet lung" (health, science; an anonymised patient's
# words, many technical terms as scare quotes, a song title)
ANN["a078b3656adc0295"] = {
    "speakers": {
        "patient": ("a 43-year-old man", "patient", "citizen_eyewitness"),
    },
    "quotes": [
        (1, 0, "Breathless", "scare", None),
        (2, 3, "Two months after the onset of the symptoms, I was unable to stand or walk for more than a few minutes at a time without feeling like I was going to pass out. Going upstairs to bed was a 30 min activity as I could only manage two stairs at a time and then needed to sit and rest. I was signed off work and spent most of the time asleep (day and night).", "full", "patient"),
        (3, 5, "acquired", "scare", None),
        (4, 7, "ground glass", "scare", None),
        (5, 8, "feather duvet lung.", "scare", None),
        (6, 8, "bird fancier’s lung.", "scare", None),
        (7, 8, "pigeon breeder’s lung.", "scare", None),
        (8, 9, "farmer's lung,", "scare", None),
        (9, 9, "Humidifier lung", "scare", None),
        (10, 9, "hot tub lung,", "scare", None),
        (11, 10, "had a transformative effect within 2 days. At the same time, having assumed that a possible cause of the allergy was feather bedding, I replaced them with hypoallergenic bedding.", "full", "patient"),
        (12, 11, "the course of steroids continued ultimately for 12 months, with a gradual reduction in dose over time. I have thankfully been able to stop them completely. My oxygen saturation level nowadays is regularly 97%–98% which I understand to be normal for someone my age, and I have not had any dizzy turns since recovering. It doesn’t affect me at all now and my life is pretty much as it was before.", "full", "patient"),
        (13, 14, "feather duvet lung", "scare", None),
    ],
}

# ---- end of annotations ----


if __name__ == "__main__":
    main(ANN, OUT)

"""Assemble tests/gold/quotes_gold3.jsonl, the third development gold set, from the annotations below.

Same rules (tests/gold/QUOTES_ANNOTATION.md) and format as quotes_gold.jsonl, on 10 further
articles of the development corpus (in neither quotes_gold.jsonl, quotes_gold2.jsonl nor quotes_heldout.jsonl),
annotated before the detector was run on them. Each annotation gives the exact quoted words
(without the marks); this script finds their offsets and asserts text == paragraph[start:end].
Run: .venv/bin/python tests/gold/make_quotes_gold3.py [--check]
(--check lists every quotation-mark character not next to an annotated span.)
"""
from pathlib import Path

from quotes_builder import main

OUT = Path(__file__).resolve().parent / "quotes_gold3.jsonl"


# Per article: speakers (key -> (speaker, role, source_type)) and quotes as
# (quote_id, paragraph, quoted_text, kind, speaker_key or None[, occurrence]).
ANN = {}

# Sputnik (opinion column): Prince Andrew's BBC interview (royals; partial quotes of his words)
ANN["1f765c48780665e8"] = dict(
    speakers={
        "andrew": ("Prince Andrew", "British royal", "other"),
        "aides": ("Former royal PR aides", None, "other"),
        "expert": ("one legal expert", "legal expert", "anonymous_unnamed"),
    },
    quotes=[
        (1, 0, "great success", "partial", "andrew"),
        (2, 2, "an articulated lorry crash", "partial", "aides"),
        (3, 3, "Prince Andrew is not entitled to any form of immunity by virtue of his position as a member of the royal family,", "full", "expert"),
        (4, 4, "His friendship with the convicted sex offender Jeffrey Epstein is under investigation by the FBI and he is vulnerable to extradition,", "full", "expert"),
        (5, 5, "unbecoming", "partial", "andrew"),
        (6, 9, "I took the judgement call that because this was serious, and I felt that doing it [breaking their friendship] over the telephone was the chicken’s way of doing it, I had to go and see him and talk to him.", "full", "andrew"),
        (7, 10, "not close", "partial", "andrew"),
        # the columnist's distancing words ("as expressed in the BBC interview" names no speaker)
        (8, 11, "lack of remorse", "scare", None),
        (9, 11, "sympathy", "scare", None),
    ],
)

# Gizmodo: "feather duvet lung" case report (health; a pull quote, an anonymised patient)
ANN["7bb1ca9035431384"] = dict(
    speakers={
        "dempsey": ("Owen Dempsey", "chest doctor at the Aberdeen Royal Infirmary", "expert_academic"),
        "man": ("the 43-year-old man", None, "citizen_eyewitness"),
    },
    quotes=[
        # pull quote repeating Dempsey's words, no tag
        (1, 3, "Their immune system behaves in an exaggerated fashion—think Donald Trump rather than Barack Obama", "scare", None),   # pull quote repeating p4 (guide revision, issue 13)
        (2, 5, "bird fancier’s lung.", "scare", None),
        (3, 5, "feather duvet lung.", "scare", None),
        (4, 6, "In some individuals that meet proteins from bird droppings or dust from their feathers, their immune system behaves in an exaggerated fashion—think Donald Trump rather than Barack Obama,", "full", "dempsey"),
        (5, 8, "Most people of course don’t get this, and it depends on how their immune system is primed and is affected by their genetics,", "full", "dempsey"),
        (6, 10, "It doesn’t affect me at all now and my life is pretty much as it was before,", "full", "man"),
        (7, 12, "Hold onto your feather bedding, but if you do get chest symptoms, e.g. breathlessness or cough, mention it to your health care professional,", "full", "dempsey"),
        (7, 12, "Most don’t think about it.", "full", "dempsey"),
    ],
)

# Daily Express: plague in Inner Mongolia (health; social-media users, an unclosed single mark)
ANN["ba4dfe2d3e817ff7"] = dict(
    speakers={
        "fan": ("Fan Mengguang", "deputy director of Inner Mongolia’s disease prevention and control centre", "government_official"),
        "user": ("one user on Weibo", None, "anonymous_unnamed"),
        "another": ("another user on Weibo", None, "anonymous_unnamed"),
    },
    quotes=[
        (1, 3, "isolated and unrelated", "partial", "fan"),
        (2, 5, "I just want to know how these two came to Beijing?? By train, airplane, or did they drive themselves?", "full", "user"),
        # opened with a right double mark
        (3, 6, "Bird flu in the year of the rooster... swine fever in the year of the pig. Next year is the year of the rat...the plague is coming.", "full", "another"),
        # ‘black death is never closed: the name is the span
        (4, 9, "black death", "scare", None),
    ],
)

# Business Insider: tech newsletter (business; titles, a company's label, a developer's description)
ANN["fde930b01859de83"] = dict(
    speakers={
        "alibaba": ("Alibaba leaders", None, "business"),
        "valve": ("Valve", "Developer", "business"),
    },
    quotes=[
        # the label is the denying leaders' own word
        (1, 1, "sensational", "partial", "alibaba"),
        (2, 1, "Half-Life", "scare", None),
        (3, 1, "Half Life: Alyx", "scare", None),
        (4, 1, "a flagship VR game.", "partial", "valve"),
        (5, 2, "Business Insider", "scare", None),
        (6, 3, "10 Things in Tech You Need to Know.", "scare", None),
    ],
)

# Hawaii News Now: water vapour on Europa (science; a NASA scientist, "he said" inside the sentence)
ANN["f344ca5fb36e130f"] = dict(
    speakers={
        "paganini": ("Lucas Paganini", "NASA planetary scientist", "expert_academic"),
    },
    quotes=[
        (1, 3, "But the third — liquid water — is somewhat hard to find beyond Earth,", "full", "paganini"),
        (2, 4, "next best thing", "partial", "paganini"),
    ],
)

# Al Bawaba: Sweden drops the Assange investigation (courts; a prosecutor)
ANN["dc7ccccc1f34eb29"] = dict(
    speakers={
        "persson": ("Eva-Marie Persson", "Sweden’s deputy director of public prosecutions", "government_official"),
    },
    quotes=[
        (1, 1, "After conducting a comprehensive assessment of what has emerged during the course of the preliminary investigation, I then make the assessment that the evidence is not strong enough to form the basis for filing an indictment,", "full", "persson"),
    ],
)

# City A.M.: Alibaba's Hong Kong listing (business; a technical term)
ANN["360c732d1fdbfc68"] = dict(
    speakers={},
    quotes=[
        (1, 4, "green shoe", "scare", None),
    ],
)

# Gizmodo (opinion): the 16-inch MacBook Pro (technology; product names only)
ANN["5fa5679de56c43ed"] = dict(
    speakers={},
    quotes=[
        (1, 1, "T", "scare", None, 6),
        (2, 1, "Magic Keyboard", "scare", None),
        (3, 3, "T", "scare", None, 1),
        (4, 5, "T", "scare", None, 1),
    ],
)

# The Space Review: Congress and NASA's SLS (politics, space; hearing testimony, titles, "he continued")
ANN["c00962aabe7bdd1f"] = dict(
    speakers={
        "cooke": ("Doug Cooke", "former NASA associate administrator for exploration and now an industry consultant", "expert_academic"),
        "babin": ("Brian Babin", "ranking member of the House Science Committee’s space subcommittee", "politician"),
        "stafford": ("Tom Stafford", "former astronaut", "expert_academic"),
        "lucas": ("Frank Lucas", "ranking member of the full committee", "politician"),
        "young": ("Tom Young", "retired aerospace executive", "expert_academic"),
        "bridenstine": ("Jim Bridenstine", "NASA administrator", "government_official"),
        "aderholt": ("Robert Aderholt", "ranking member of the subcommittee", "politician"),
        "bowersox": ("Ken Bowersox", "acting associate administrator for human exploration and operations at NASA", "government_official"),
        "chilton": ("Jim Chilton", "senior vice president for space and launch at Boeing Defense, Space, and Security", "business"),
        "serrano": ("José Serrano", "chairman of the subcommittee", "politician"),
    },
    quotes=[
        (1, 0, "Green Run", "scare", None),
        (2, 1, "If NASA focuses on the investment in the ongoing SLS with the EUS, Orion, and ground system developments, there is a better chance of making an earlier date,", "full", "cooke"),
        (3, 4, "Every space exploration study conducted over the last 40 years indicated that the most optimal architectures for exploring the Moon and Mars require a heavy-lift launch vehicle similar to SLS,", "full", "babin"),
        (4, 6, "While I share the frustration and delays to the SLS program, switching horses midstream is not a wise move at this point,", "full", "babin"),
        (5, 8, "The fewer launches and critical operations per mission, the higher the probability of mission success,", "full", "cooke"),
        (6, 9, "If you don’t have a big booster, you’re not going to make it,", "full", "stafford"),
        (7, 10, "SLS is not being used for what it was designed to do, other than carry Orion,", "full", "stafford"),
        (7, 10, "If NASA focuses on the investment in the ongoing SLS with the EUS, Orion, and ground system developments, there is a better chance of making an earlier date.", "full", "stafford"),
        (8, 12, "The mission I did accomplished the whole thing with one launch,", "full", "stafford"),
        (9, 12, "I cannot disagree with it.", "full", "stafford"),
        (10, 13, "But with eight launches, I’ll have to go with Mr. Cooke: your probability of success goes down to about 50 percent,", "full", "stafford"),
        (11, 14, "Oh my,", "full", "lucas"),
        (12, 15, "If you don’t have a big booster, you’re not going to make it,", "full", "stafford"),
        (12, 15, "You have to have a big shroud, which leads you to a big, wide-diameter booster. If you don’t have it, you’re not going to make it.", "full", "stafford"),
        (13, 16, "experiments", "partial", "young"),
        (14, 16, "Managing and contracting experiments must be excluded from the Mars-Moon program,", "full", "young"),
        (15, 17, "A management experiment in my view would be to buy seats for crews to fly to the surface of the Moon,", "full", "young"),
        (15, 17, "I personally think that these should be government-acquired assets under the leadership and direction of NASA.", "full", "young"),
        (16, 18, "The plate is really full today,", "full", "young"),
        (16, 18, "I personally think that the leadership is going to have to, number one, prioritize, but number two is probably to eliminate some of the things that are currently being done that will interrupt having any opportunity of 2024, or I would say even 2028.", "full", "young"),
        (17, 19, "I do not really see a required role for the Gateway in the lunar program,", "full", "young"),
        (18, 19, "There’s not a compelling argument to me for the Gateway for the lunar program.", "full", "young"),
        (19, 20, "Adding an additional SLS into the mix could—I’m not confident that could happen.", "full", "bridenstine"),
        (20, 22, "I understand there is a growing confidence among the prime contractors for SLS to be able to produce two rockets a year starting in 2024,", "full", "aderholt"),
        (21, 22, "What do you think?", "full", "aderholt"),
        (22, 23, "It depends on what Boeing is willing to invest, quite frankly,", "full", "bridenstine"),
        (23, 24, "We haven’t seen the performance yet that would indicate that we’re guaranteed the second core we’d need for a Moon landing in 2024,", "full", "bowersox"),
        (24, 25, "Adding an additional SLS into the mix could—I’m not confident that could happen.", "full", "bridenstine"),
        (25, 26, "What commercial launch vehicles exist today or that are in development that can or will be able to launch the HLS and get to the Moon to accomplish the goal of US boots on the Moon by 2024?", "full", "aderholt"),
        (26, 28, "There could be an SLS-derived commercial solution,", "full", "bridenstine"),
        (26, 28, "We’re not shutting the door on that opportunity. Of course, that would require some investment from Boeing to achieve.", "full", "bridenstine"),
        (27, 29, "What is the contingency if, for some reason, those commercial rockets are not available by 2024,", "full", "aderholt"),
        (28, 30, "But if commercial’s not available, what’s the contingency plan?", "full", "aderholt"),
        (29, 31, "I think, Mr. Ranking Member, that would put us in a position to make landing in 2024 very, very difficult,", "full", "bridenstine"),
        (29, 31, "If we don’t have the additional rockets, then we’re not going to be able to achieve the goal. Btu we’re confident we’ll have those rockets.", "full", "bridenstine"),
        (30, 32, "If this forces NASA to reassess its schedule for returning to the Moon, it would provide an opportunity to ensure that they are developing the ideal architecture that maximizes mission success and minimizes risk,", "full", "babin"),
        (31, 34, "We’re not specifying to any of the commercial providers for the Human Landing System how their systems ought to be developed,", "full", "bridenstine"),
        (31, 34, "We’re waiting to have them tell us what their approach is, and then we’ll assess their approaches.", "full", "bridenstine"),
        (32, 36, "Using the lift capability of NASA’s Space Launch System Block 1B, we have developed a ‘Fewest Steps to the Moon’ approach that minimizes mission complexity, while offering the safest and most direct path to the lunar surface,", "full", "chilton"),
        (33, 36, "Fewest Steps to the Moon", "scare", None),
        (34, 37, "national team", "scare", None),
        (35, 39, "It’s hard to justify any extra spending on this effort in the current fiscal year when we don’t know the costs down the road,", "full", "serrano"),
        (36, 39, "in order to have a successful, safe and cost-effective mission for the benefit of the American people and the world.", "partial", "serrano"),
        # opened with a right double mark
        (37, 40, "dwindling.", "partial", "babin"),
        (38, 41, "If this forces NASA to reassess its schedule for returning to the Moon, it would provide an opportunity to ensure that they are developing the ideal architecture that maximizes mission success and minimizes risk,", "full", "babin"),
        (38, 41, "This could be done by developing landers that leverage the investments already made by the taxpayers in national capabilities like SLS and Orion.", "full", "babin"),
    ],
)

# IndieWire: the song of "Wild Rose" (entertainment; interviews, titles, lyrics, retold speech)
ANN["3d8f3404cf975af8"] = dict(
    speakers={
        "steenburgen": ("Mary Steenburgen", "Oscar-winning actress", "other"),
        "mcdowell": ("Charlie McDowell", "filmmaker", "other"),
        "harper": ("Tom Harper", "young British filmmaker", "other"),
        "buckley": ("Jessie Buckley", None, "other"),
        "york": ("Kate York", "Steenburgen’s co-writers", "other"),
        "smith": ("Caitlyn Smith", "Steenburgen’s co-writers", "other"),
        "rose": ("Rose-Lynn Harlan", None, "other"),
    },
    quotes=[
        (1, 0, "Wild Rose", "scare", None),
        (2, 0, "Melvin and Howard", "scare", None),
        (3, 1, "I felt strange as soon as the anesthesia started to wear off,", "full", "steenburgen"),
        (3, 1, "The best way I can describe it is that it just felt like my brain was only music, and that everything anybody said to me became musical. All of my thoughts became musical. Every street sign became musical. I couldn’t get my mind into any other mode.", "full", "steenburgen"),
        (4, 2, "Musicophilia", "scare", None),
        (5, 2, "I couldn’t focus, I couldn’t have acted,", "full", "steenburgen"),
        (5, 2, "I couldn’t have learned any lines. My husband [actor Ted Danson] and I were kind of frightened about it.", "full", "steenburgen"),
        (6, 3, "The Discovery,", "scare", None),
        (7, 3, "The One I Love", "scare", None),
        (8, 3, "If your mom comes to you after surgery and says that her head is now full of music, I think it’s totally fair to think that she’s gone crazy and has major psychological problems,", "full", "mcdowell"),
        (8, 3, "All of a sudden she was referencing these obscure indie bands and picking up random instruments — I’m not gonna lie, the accordion playing drives me nuts,", "full", "mcdowell"),
        (8, 3, "When I say all this out loud it sounds insane. It was definitely a change.", "full", "mcdowell"),
        (9, 4, "I had been somebody who really liked music,", "full", "steenburgen"),
        (9, 4, "but I had never been obsessed with it; I was obsessed with acting, and that felt like a big enough subject for me.", "full", "steenburgen"),
        # her own retold words inside: no inner record
        (10, 5, "I called a very talented friend of mine on Martha’s Vineyard and I said: ‘Look, if I come over every day and sing what I hear in my head, could you help me make them into songs?’", "full", "steenburgen"),
        (11, 5, "He wanted to work with ‘Nellie Wall,’ but then I showed up instead,", "full", "steenburgen"),
        (12, 5, "Nellie Wall,", "scare", None),
        (13, 7, "War & Peace", "scare", None),
        (14, 7, "Wild Rose,", "scare", None),
        (15, 7, "War & Peace", "scare", None, 1),
        (16, 7, "I’d Do Anything", "scare", None),
        # the script's gist ("something along the lines of") inside Harper's words: no inner record
        (17, 8, "The script just said something along the lines of, ‘Rose-Lynn sings an incredible song and it conveys everything that she wants to express to her mom and kids and everyone’s uplifted. The end,’", "full", "harper"),
        (17, 8, "I had faith that we could figure it out, but it was really worrying.", "full", "harper"),
        # a title with an unclosed outer mark and a nested subtitle
        (18, 9, "Glasgow (“No Place Like Home", "scare", None),
        (19, 9, "No Place Like Home", "scare", None),
        (20, 9, "It grabbed me by the heart the moment I heard it,", "full", "harper"),
        (20, 9, "It just connected.", "full", "harper"),
        (21, 9, "Fargo,", "scare", None),
        (22, 9, "It was just that immediate feeling of ‘ this is the song.’", "full", "buckley"),
        (23, 10, "the Mary Steenburgen of it all.", "scare", None),
        (24, 11, "It was terrifying,", "full", "steenburgen"),
        (24, 11, "The first session I did was a total disaster, and I literally went back to my hotel room in tears, cried my eyes out, and thought ‘Why would anyone be so stupid at age 54 to think they could do something so new?’", "full", "steenburgen"),
        (25, 12, "I was back at it by the next morning,", "full", "steenburgen"),
        (25, 12, "I just told myself: ‘I’m going to go right up and sing the bleeping song if it kills me!’", "full", "steenburgen"),
        # tagged "she said", but the words are her son's (he speaks of "Mary Steenburgen" and "she")
        (26, 13, "It could have been really easy for Mary Steenburgen to just put her name on something and get a pass on many of the usual steps in some new creative thing, but she didn’t do that,", "full", "mcdowell"),
        (26, 13, "She put in the time to learn the craft, and I respect that. And I have to admit, she’s gotten really good at the accordion.", "full", "mcdowell"),
        (27, 14, "Wild Rose", "scare", None),
        (28, 14, "I fought to get the full script, because I just felt like I was looking at such a small part of the story without it,", "full", "steenburgen"),
        (28, 14, "Where does Rose-Lynn live? What does her apartment look like? I needed to think of imagery that might be cohesive with what the production designer, the cinematographer, and the composer would be doing; there are all these people you haven’t met yet who are telling the same story. And as soon as I read the whole thing, I understood what we were writing.", "full", "steenburgen"),
        (29, 15, "It was a really love song from Rose-Lynn to her mother …It was also a love song to her city and a love song to the concept of home and the fact that home doesn’t have to be second best for her or something that she settles for.", "full", "steenburgen"),
        (30, 16, "Nashville,", "scare", None),
        (31, 16, "It’s a totally different muscle,", "full", "york"),
        (31, 16, "You have to take yourself out of it a little bit — it’s kind of like acting, I guess.", "full", "york"),
        (32, 16, "It’s a different job altogether. If you’re just writing a song for someone else, it’s wide open and sometimes hard to figure out. And if you’re writing for yourself, you’re really digging into your own heart.", "full", "smith"),
        (33, 16, "I feel like we could get into the guts of this song because we’ve all lived a similar crazy dream story,", "full", "smith"),
        (34, 18, "Anything we wrote had to have a fond hint of Scotland,", "full", "steenburgen"),
        (34, 18, "So I called one of my best friends, a Scottish woman who started out as a nanny and ended up like a sister,", "full", "steenburgen"),
        # her own words and her own lyric inside: no inner records
        (35, 18, "So I called her up and said ‘Talk to me in your accent — talk to me about you.’ And through that we wound up with images like the opening line: ‘I’ve worn out the stones in front of your doorstep.’", "full", "steenburgen"),
        (36, 19, "Glasgow,", "scare", None),
        (37, 19, "It may sound shallow or like it’s a factory when I talk about how fast we write these things,", "full", "steenburgen"),
        (37, 19, "but I always think of it like this: ‘I can’t take days to do a scene.’ I can’t say ‘I don’t know what the emotion is for the character, so can you give me until tomorrow?’ I’m always having to tell stories on a time limit.", "full", "steenburgen"),
        # imagined speech of other singers inside: no inner record
        (38, 19, "They’re such good singers that people are going to get intimidated by their demos and go, ‘Well I can’t sing like that, so I’m not doing that song.’", "full", "steenburgen"),
        (39, 20, "Wild Rose", "scare", None),
        (40, 22, "Glasgow,", "scare", None),
        (41, 22, "But the story of it really moved me,", "full", "buckley"),
        (41, 22, "so I sat down with a guitarist in a room and sang it really badly and just tried to attach some emotional feeling to it before we started filming.", "full", "buckley"),
        (42, 23, "It made sense, because it clearly came from someone with a complex understanding of character — someone who was able to kind of go right to the root of what this woman’s story is about, and managed to write lyrics that exposed the cracks under the surface,", "full", "buckley"),
        (43, 24, "I told her my secrets and she told me hers and we built a different person together,", "full", "buckley"),
        (43, 24, "‘Glasgow’ is a song of belonging. It’s about stretching yourself to places that you don’t know are within yourself.", "full", "buckley"),
        (44, 24, "Glasgow", "scare", None),
        (45, 24, "This song was such a gift to me,", "full", "buckley"),
        (46, 25, "stunning,", "partial", "steenburgen"),
        (47, 25, "Music is in my genes thanks to the women in my family, and I just think I was somehow granted access to it,", "full", "steenburgen"),
        (47, 25, "It was so overwhelming for me in the beginning because I didn’t grow up with having that voice in my head, like Kate and Caitlyn did.", "full", "steenburgen"),
        # lyrics sung by the film's character
        (48, 26, "I pushed you away, put a pin in a map, then I got lost in the storm.", "full", "rose"),
        (49, 27, "Had to find my own way, make my own mistakes, but you know that I had to go,", "full", "rose"),
        (49, 27, "Ain’t no yellow brick road running through Glasgow, but I found one that’s stronger than stone.", "full", "rose"),
        (50, 28, "Ain’t no place like home,", "full", "rose"),
        (51, 30, "I didn’t fall out of love with acting when this happened,", "full", "steenburgen"),
        (51, 30, "and I still haven’t. But there’s so much more capability in our brains than we probably realize, and agreeing to diminishment and shutting down doors is a choice that we all make for ourselves. It turns out you don’t really have to do that.", "full", "steenburgen"),
        (52, 31, "Wild Rose", "scare", None),
    ],
)

# ---- end of annotations ----


if __name__ == "__main__":
    main(ANN, OUT)

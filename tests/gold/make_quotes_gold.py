"""Assemble tests/gold/quotes_gold.jsonl from the hand annotations below.

Each annotation gives the exact quoted words (without the marks) as the coder chose them; this
script finds their character offsets in the paragraph and asserts text == paragraph[start:end].
Run: .venv/bin/python tests/gold/make_quotes_gold.py [--check]
(--check also lists every quotation-mark character not adjacent to an annotated span, so the
coder can verify no mark pair was missed.)
"""
from pathlib import Path

from quotes_builder import main, normalise

HERE = Path(__file__).resolve().parent
SEED = HERE.parent / "data" / "seed_body.txt"
OUT = HERE / "quotes_gold.jsonl"


# ---------------------------------------------------------------------------------------------
# Annotations. Per article: speakers table (key -> (speaker, role, source_type)) and quotes as
# (quote_id, paragraph, quoted_text, kind, speaker_key or None[, occurrence]).
# occurrence (default 0) picks the n-th match of quoted_text in the paragraph.
# ---------------------------------------------------------------------------------------------
ANN = {}

ANN["seed"] = dict(
    speakers={
        "rasmussen": ("Lars Lokke Rasmussen", "Foreign Minister", "government_official"),
        "poulsen": ("Troels Lund Poulsen", "Defense Minister", "government_official"),
    },
    quotes=[
        (1, 2, "It is important that we in Europe send the right signals both to Putin and to Washington. That is what we are doing today by saying: If it comes to the point where a European presence is needed for a ceasefire or peace agreement to be reached, then Denmark is in principle prepared for that,", "full", "rasmussen"),
        (2, 5, "We have not made a decision to make a concrete effort. It must depend on how things develop. Therefore, this is an expression of timely care,", "full", "poulsen"),
        (3, 7, "Now the initiative has been taken by the French and British sides to form an overview of what could potentially be needed,", "full", "poulsen"),
    ],
)

# Al Jazeera: US helicopter crash in Afghanistan (military, conflict)
ANN["7916ecca969ffdd8"] = dict(
    speakers={
        "usmil": ("US military", None, "military_security"),
        "mujahid": ("Zabihullah Mujahid", "Taliban spokesman", "military_security"),
        "milley": ("Mark Milley", "chairman of the Joint Chiefs of Staff", "military_security"),
    },
    quotes=[
        (1, 1, "The cause of the crash is under investigation, however preliminary reports do not indicate it was caused by enemy fire,", "full", "usmil"),
        (2, 4, "US Chinook helicopter shot down and completely destroyed last night while trying to raid Mujahideen (Taliban) position in Pangram area of Sarkh, Logar,", "full", "mujahid"),
        (3, 5, "The Americans wanted to raid a mujahideen base, but their helicopter was shot down and caught fire. All on board were killed,", "full", "mujahid"),
        (4, 11, "for several more years", "partial", "milley"),
    ],
)

# BBC: Sweden drops Assange investigation (crime, courts)
ANN["c7e39ac49fa1235f"] = dict(
    speakers={
        "spa": ("Swedish Prosecution Authority", None, "government_official"),
        "persson": ("Eva-Marie Persson", "Deputy Director of Public Prosecution", "government_official"),
        "hrafnsson": ("Kristinn Hrafnsson", "Wikileaks editor-in-chief", "media_news_agency"),
        "judge": ("a judge", "judge", "government_official"),
    },
    quotes=[
        (1, 8, "discontinue the investigation regarding Julian Assange", "partial", "spa"),
        (2, 9, "The reason for this decision is that the evidence has weakened considerably due to the long period of time that has elapsed since the events in question,", "full", "spa"),
        (3, 10, "I would like to emphasise that the injured party has submitted a credible and reliable version of events.", "full", "persson"),
        (3, 11, "Her statements have been coherent, extensive and detailed; however, my overall assessment is that the evidential situation has been weakened to such an extent that that there is no longer any reason to continue the investigation.", "full", "persson"),
        (4, 24, "Let us now focus on the threat Mr Assange has been warning about for years: the belligerent prosecution of the United States and the threat it poses to the First Amendment.", "full", "hrafnsson"),
        (5, 31, "history of absconding", "partial", "judge"),
    ],
)

# AFP via Al Bawaba: reactions to US settlements decision (politics, diplomacy)
ANN["833caf3bdba53dcf"] = dict(
    speakers={
        "netanyahu": ("Benjamin Netanyahu", "Israeli Prime Minister", "government_official"),
        "pompeo": ("Mike Pompeo", "US Secretary of State", "government_official"),
        "unhchr": ("United Nations High Commissioner for Human Rights", None, "government_official"),
        "arableague": ("Arab League", None, "government_official"),
        "safadi": ("Ayman Safadi", "Jordanian Foreign Minister", "government_official"),
        "erekat": ("Saeb Erekat", "Palestinian chief negotiator", "government_official"),
        "russiamfa": ("Russia's foreign ministry", None, "government_official"),
        "frmfa": ("French foreign ministry", None, "government_official"),
        "fco": ("a spokesperson for the British Foreign Office", "spokesperson for the British Foreign Office", "government_official"),
        "bell": ("Avi Bell", "senior fellow at the right-wing Kohelet Policy Forum", "expert_academic"),
    },
    quotes=[
        (1, 0, "historic", "partial", "netanyahu"),
        (2, 2, "very moved", "partial", "netanyahu"),
        (3, 3, "not, per se, inconsistent with international law", "partial", "pompeo"),
        (4, 6, "not modify existing international law, nor its interpretation by the International Court of Justice and the UN Security Council", "partial", "unhchr"),
        (5, 9, "Here we are on a historic day with another tremendous achievement for the State of Israel,", "full", "netanyahu"),
        (6, 10, "corrected an historic injustice and lined up with truth and justice", "partial", "netanyahu"),
        (7, 16, "extremely adverse development", "partial", "arableague"),
        (8, 18, "dangerous consequences", "partial", "safadi"),
        (9, 20, "We are going to the (UN) General Assembly and we will ask... the International Criminal Court (ICC) to open an official judicial investigation,", "full", "erekat"),
        (10, 22, "another measure contradicting", "partial", "russiamfa"),
        (11, 23, "regrets any decision likely to encourage... settlement building", "partial", "frmfa"),
        (12, 24, "are illegal under international law, present an obstacle to peace and threaten the physical viability of a two-state solution", "partial", "fco"),
        (13, 29, "The illegality of settlements has always been stated as a fact based upon an international consensus. The breaking of that consensus is important,", "full", "bell"),
        (14, 31, "They wanted us on our knees and they used every trick - internally, externally, regionally - to put pressure on us. We stand tall and we will stand tall.", "full", "erekat"),
    ],
)

# Deccan Herald (PTI): impeachment hearings (politics; typographic + single nested quotes, unbalanced marks)
ANN["c90731f051d033e4"] = dict(
    speakers={
        "trump": ("Donald Trump", "US President", "government_official"),
        "grisham": ("Stephanie Grisham", "White House Press Secretary", "government_official"),
        "volker": ("Kurt Volker", "former special envoy to Kyiv", "government_official"),
        "witnesses": ("both witnesses", "witnesses", "government_official"),
        "vindman": ("Alexander Vindman", "Ukraine specialist on the National Security Council", "government_official"),
        "williams": ("Jennifer Williams", "top national security aide to Vice President Pence", "government_official"),
    },
    quotes=[
        (1, 2, "A great day for Republicans, a great day for our Country! In the end, we will win and save our Country from certain destruction,", "full", "trump"),
        (2, 6, "Today's second hearing is over, and the Democrats’ central allegation in this impeachment sham has again been completely debunked,", "full", "grisham"),
        (3, 7, "Specifically, Ambassador Volker confirmed under oath that he had no indication whatsoever of anything that resembled a quid-pro-quo, corroborating his previous deposition testimony that ‘there was no linkage like that,", "full", "grisham"),
        (4, 7, "there was no linkage like that", "partial", "volker"),
        (5, 9, "With the Democrats’ poll-tested ‘quid-pro-quo’ and ‘bribery’ narratives in shambles, the American public should not be forced to endure this charade for one more second,", "full", "grisham"),
        (6, 9, "quid-pro-quo", "scare", None),
        (7, 9, "bribery", "scare", None),
        (8, 10, "We have learned nothing new in today's illegitimate ‘impeachment’ proceedings. However, buried among the witnesses’ personal opinions and conjecture about a call the White House long ago released to the public, both witnesses testified the July 25 transcript was ‘accurate’ and nothing President Trump has done or said amounts to ‘bribery’ or any other crime,", "full", "grisham"),
        (9, 10, "impeachment", "scare", None),
        (10, 10, "accurate", "partial", "witnesses"),
        (11, 10, "bribery", "scare", None),
        (12, 12, "Today's hearing only further exposes that Chairman Schiff and the Democrats are simply blinded by their hatred for Donald Trump and rabid desire to overturn the outcome of a free and fair election,", "full", "grisham"),
        (13, 15, "Frankly I couldn't believe what I was hearing. It was probably an element of shock that may be in certain regards my worst fear of how our Ukraine policy could play out was playing out and how this was likely to have significant implications for US national security,", "full", "vindman"),
        (14, 17, "I believe what I found unusual or different about this call was the president's reference to specific investigations. That struck me as different than other calls I had listened to,", "full", "williams"),
        (15, 18, "I thought that the references to specific individuals and investigations such as former Vice President Biden and his son struck me as political in nature given that former Vice President is a political opponent of the president,", "full", "williams"),
        (16, 19, "I can't speak to what the president's motivation was in referencing it, but I just noted that the reference to Biden sounded political to me,", "full", "williams"),
        (17, 21, "We should be supporting Ukraine's democracy, reforms, and its own fight against corruption domestically, its struggle against Russia, its defense capabilities. These are the heart of what we should be doing, and I don't think pursuing these things serves a national interest,", "full", "volker"),
    ],
)

# Daily Express: Hong Kong protests (politics, police; multi-paragraph quotes)
ANN["624fcd903d56fc70"] = dict(
    speakers={
        "liu": ("Liu Xiaming", "China's ambassador to Britain", "government_official"),
        "cheuk": ("Cheuk Hau-yip", "commander of Kowloon West district", "government_official"),
        "china": ("China", None, "government_official"),
        "uk": ("UK", None, "government_official"),
    },
    quotes=[
        (1, 2, "will not sit on our hands", "partial", "liu"),
        (2, 2, "becomes uncontrollable", "partial", "liu"),
        (3, 3, "These rioters, they are also criminals. They have to face the consequences of their acts.", "full", "cheuk"),
        (3, 4, "Other than coming out to surrender, I don’t see that there’s any viable option for them.", "full", "cheuk"),
        (4, 5, "resolution and power", "partial", "liu"),
        (5, 6, "They are already there in the Hong Kong garrison. They are there to show sovereignty and are responsible for defence purposes.", "full", "liu"),
        (5, 7, "If the situation becomes uncontrollable, the central government certainly would not sit on our hands and watch. We have enough resolution and power to end the unrest.", "full", "liu"),
        (6, 9, "seriously weakening", "partial", "china"),
        (7, 14, "one country, two systems", "scare", None),
        (8, 15, "end to the violence and for all sides to engage in meaningful political dialogue", "partial", "uk"),
    ],
)

# Fox Business: Home Depot earnings (business; mixed “..." marks)
ANN["51374560f40088e2"] = dict(
    speakers={
        "menear": ("Craig Menear", "chairman, CEO and president", "business"),
    },
    quotes=[
        (1, 3, "Our third quarter results reflected broad-based growth across our business, yet sales were below our expectations driven by the timing of certain benefits associated with our One Home Depot strategic investments,", "full", "menear"),
        (2, 4, "We are largely on track with these investments and have seen positive results, but some of the benefits anticipated for fiscal 2019 will take longer to realize than our initial assumptions,", "full", "menear"),
    ],
)

# Houston Chronicle: new car sales (business)
ANN["9ebb3af65694a953"] = dict(
    speakers={
        "mcdowell": ("Dan McDowell", "InfoNation President", "business"),
        "caldwell": ("Jessica Caldwell", "Edmunds' executive director of industry analysis", "expert_academic"),
    },
    quotes=[
        (1, 3, "People are a little more cautious in regards to purchasing vehicles,", "full", "mcdowell"),
        (1, 3, "2019 is just not as strong as 2018.", "full", "mcdowell"),
        (2, 6, "The end of the calendar year is a popular time for expensive vehicle purchases,", "full", "caldwell"),
        (2, 6, "Shoppers in the market for a large truck or SUV, or a new luxury vehicle, can look forward to taking advantage of lower financing rates as a bit of an early holiday gift.", "full", "caldwell"),
    ],
)

# CNN Business: Asian markets (business, markets)
ANN["d605bdef2cde7308"] = dict(
    speakers={
        "halley": ("Jeffrey Halley", "market analyst with the research firm Oanda", "expert_academic"),
    },
    quotes=[
        (1, 4, "With no significant data releases in Asia today, attention in the region will remain focused on trade concerns and Hong Kong,", "full", "halley"),
        (1, 4, "Neither is likely to inspire the confidence of market participants.", "full", "halley"),
    ],
)

# CBS Sports: Browns-Steelers fight (sports; quote starting inside the reporter's sentence, bracket insertion)
ANN["08f793762792bd25"] = dict(
    speakers={
        "richardson": ("Sheldon Richardson", "Browns DL", "other"),
        "heyward": ("Cam Heyward", "Steelers defensive captain", "other"),
    },
    quotes=[
        (1, 2, "can't antagonize a fight and then claim bullying. … You get what's coming to you. He was protecting himself. I don't blame him. Guy keeps rushing me, even with the helmet off, he's asking for it. Just leave it at that.", "full", "richardson"),
        (2, 5, "The most important thing is we lost that game,", "full", "heyward"),
        (2, 5, "I know it got overshadowed by a lot of things, but as a defense, we didn't play well. We were on the field too much. That's our fault. They drove the ball and had a lot of success. You've got to learn from that. I'm not going to hide away from that.", "full", "heyward"),
        (3, 7, "I like the fact that we lost to them, so we get another shot to play them. I don't care who we lose to, if they're in our division, we get our shot [again],", "full", "heyward"),
        (3, 7, "We've got to right the ship. I know we get them at home, and we're thinking we have this great aura at Heinz Field, but we've got to put in the work. Only way that game means anything is if we win this game, so our focus has got to be on Cincinnati right now.", "full", "heyward"),
    ],
)

# Sky News: Mourinho appointed at Tottenham (sports; multi-paragraph quotes, club statement across an embedded tweet)
ANN["921019755f4a96ac"] = dict(
    speakers={
        "mourinho": ("Jose Mourinho", "Tottenham's manager", "other"),
        "spurs": ("Tottenham Hotspur", None, "business"),
    },
    quotes=[
        (1, 4, "I am excited to be joining a club with such a great heritage and such passionate supporters.", "full", "mourinho"),
        (1, 5, "The quality in both the squad and the academy excites me. Working with these players is what has attracted me.", "full", "mourinho"),
        (2, 6, "Jose is one of the world's most accomplished managers having won 25 senior trophies.", "full", "spurs"),
        (2, 7, "He is renowned for his tactical prowess and has managed FC Porto, Inter Milan, Chelsea, Real Madrid and Manchester United.", "full", "spurs"),
        (2, 10, "He has won a domestic title in a record four different countries (Portugal, England, Italy and Spain) and is one of only three managers to have won the UEFA Champions League twice with two clubs, FC Porto in 2004 and Inter Milan in 2010.", "full", "spurs"),
        (3, 11, "Welcome Jose", "full", "spurs"),
    ],
)

# Pioneer Press: Wild beat Sabres (sports; quotes split by attribution, multi-paragraph, partial quotes)
ANN["264dc3ae31249cb1"] = dict(
    speakers={
        "boudreau": ("Bruce Boudreau", "Wild coach", "other"),
        "suter": ("Ryan Suter", "Wild defenseman", "other"),
        "parise": ("Zach Parise", "veteran winger", "other"),
        "ek": ("Joel Eriksson Ek", None, "other"),
        "eichel": ("Jack Eichel", "Sabres captain", "other"),
    },
    quotes=[
        (1, 1, "It takes a little longer now, but he’s playing well now, he’s getting a little bit of confidence back,", "full", "boudreau"),
        (1, 1, "That goes a long way.", "full", "boudreau"),
        (2, 5, "That’s perfect,", "full", "boudreau"),
        (2, 5, "It’s the mark of a true competitor doing things for the team.", "full", "boudreau"),
        (3, 7, "He’s used to scoring goals, getting points,", "full", "suter"),
        (4, 9, "You can go either way,", "full", "parise"),
        (4, 9, "I was going the other way for a little while. But I was able to, I guess, work my way out of it.", "full", "parise"),
        (5, 12, "He’s starting to feel it a little bit again,", "full", "boudreau"),
        (5, 12, "And we need those goals.", "full", "boudreau"),
        (6, 14, "It’s hard not to, though,", "full", "suter"),
        (6, 14, "We know where we are, we know what we got to do to get out of it, and I thought tonight we took a good step forward.", "full", "suter"),
        (7, 15, "believe in yourselves", "partial", "boudreau"),
        (8, 15, "good team.", "partial", "boudreau"),
        (9, 16, "You’ve beaten some really good teams this year,", "full", "boudreau"),
        (9, 16, "You’ve been in every game for the last 10 games. So if you start believing in yourself, then good things are going to happen.", "full", "boudreau"),
        (9, 17, "I said the same thing when I took over Washington for the first time, because I knew they were a good team but they just weren’t playing good.", "full", "boudreau"),
        (10, 19, "I didn’t really see him coming,", "full", "ek"),
        (10, 19, "He came off my back and, like, I just wasn’t ready for it.", "full", "ek"),
        (11, 20, "We’ve been there. You could tell we were maybe getting under their skin a little bit and not giving them a whole lot to feel good about.", "full", "parise"),
        (12, 21, "just trying to spark some energy.", "partial", "eichel"),
        (13, 25, "I haven’t talked to the trainers at all,", "full", "boudreau"),
    ],
)

# ScienceAlert (Futurism): water vapour on Europa (science; quotes from a statement and from a paper)
ANN["14cc2a0ca59c62a8"] = dict(
    speakers={
        "paganini": ("Lucas Paganini", "lead researcher and NASA planetary scientist", "expert_academic"),
        "mandell": ("Avi Mandell", "Goddard planetary scientist", "expert_academic"),
    },
    quotes=[
        (1, 2, "While scientists have not yet detected liquid water directly, we've found the next best thing: water in vapor form,", "full", "paganini"),
        (2, 6, "We suggest that the outgassing of water vapour on Europa occurs at lower levels than previously estimated, with only rare localized events of stronger activity,", "full", "paganini"),
        (3, 9, "We performed diligent safety checks to remove possible contaminants in ground-based observations,", "full", "mandell"),
        (3, 9, "But, eventually, we'll have to get closer to Europa to see what's really going on.", "full", "mandell"),
    ],
)

# Space.com: Europa plumes (science; scare quotes for technical and ironic terms)
ANN["686bb170effe273e"] = dict(
    speakers={
        "paganini": ("Lucas Paganini", "study lead author", "expert_academic"),
    },
    quotes=[
        (1, 2, "Essential chemical elements (carbon, hydrogen, oxygen, nitrogen, phosphorus and sulfur) and sources of energy, two of three requirements for life, are found all over the solar system. But the third — liquid water — is somewhat hard to find beyond Earth,", "full", "paganini"),
        (2, 3, "While scientists have not yet detected liquid water directly, we've found the next best thing: water in vapor form,", "full", "paganini"),
        (3, 7, "exogenic", "scare", None),
        (4, 10, "For me, the interesting thing about this work is not only the first direct detection of water above Europa, but also the lack thereof within the limits of our detection method,", "full", "paganini"),
        (5, 11, "free samples", "scare", None),
    ],
)

# Live Science: feather-duvet lung (health; patient and doctor, partial quotes, scare quotes for disease names)
ANN["bd673bd7988144f0"] = dict(
    speakers={
        "patient": ("a 43-year-old man", "patient", "citizen_eyewitness"),
        "dempsey": ("Owen Dempsey", "pulmonologist at the Aberdeen Royal Infirmary", "expert_academic"),
    },
    quotes=[
        (1, 0, "feather-duvet lung,", "scare", None),
        (2, 2, "Going upstairs to bed was a 30 min[ute] activity as I could only manage two stairs at a time and then needed to sit and rest,", "full", "patient"),
        (2, 2, "I was signed off work and spent most of the time asleep.", "full", "patient"),
        (3, 4, "feather duvet lung,", "scare", None),
        (4, 5, "hypersensitive pneumonitis", "scare", None),
        (5, 5, "I'm sure it happens much more than we realize,", "full", "dempsey"),
        (6, 5, "You name it, it probably has been described.", "full", "dempsey"),
        (7, 7, "It doesn't affect me at all now and my life is pretty much as it was before,", "full", "patient"),
        (8, 8, "take really detailed histories", "partial", "dempsey"),
        (9, 8, "That way they may uncover things in the environment that trigger lung disease.", "full", "dempsey"),
        (10, 9, "unexplained,", "partial", "dempsey"),
        (11, 10, "people with pillows and duvets containing feathers shouldn't panic or throw them out,", "full", "dempsey"),
    ],
)

# Billboard: Doobie Brothers reunion tour (entertainment; song titles as scare quotes)
ANN["9cb8224b660f36c9"] = dict(
    speakers={
        "simmons": ("Pat Simmons", "singer and guitarist", "other"),
        "johnston": ("Tom Johnston", "founding member", "other"),
    },
    quotes=[
        (1, 4, "Takin’ It To the Streets,", "scare", None),
        (2, 4, "that’s really good, maybe we should go on the road.", "full", "simmons"),
        (3, 7, "We're truly excited about our 50th Anniversary Tour,", "full", "johnston"),
        (3, 7, "as it's a celebration of the band’s entire history. We'll be performing songs from our full catalog, as well as new music.", "full", "johnston"),
        (4, 8, "Listen To The Music,", "scare", None),
        (5, 8, "Takin’ It To The Streets,", "scare", None),
        (6, 8, "Long Train Running,", "scare", None),
        (7, 8, "Black Water,", "scare", None),
        (8, 8, "What A Fool Believes,", "scare", None),
        (9, 8, "China Grove,", "scare", None),
        (10, 8, "Minute By Minute,", "scare", None),
        (11, 8, "It Keeps You Runnin’,", "scare", None),
        (12, 8, "Jesus Is Just Alright With Me", "scare", None),
    ],
)

# Fox News: Scooter Braun / Big Machine / Taylor Swift (entertainment, business; anonymous insider, company statements)
ANN["eb62ac8425e55739"] = dict(
    speakers={
        "insider": ("an insider", None, "anonymous_unnamed"),
        "bmr": ("Big Machine Records", None, "business"),
        "dcp": ("Dick Clark Productions", None, "business"),
        "swiftrep": ("Swift's rep", "rep", "other"),
    },
    quotes=[
        (1, 3, "Scooter is frustrated because his name is being dragged in the mud,", "full", "insider"),
        (1, 3, "He doesn't run Big Machine or have operational control of [the] company. He hasn't taken part in these negotiations.", "full", "insider"),
        (2, 4, "Bad Blood", "scare", None),
        (3, 5, "This fight with Taylor is not something Scooter agrees with,", "full", "insider"),
        (4, 7, "come to terms on a licensing agreement that approves their artists’ performances to stream post show and for re-broadcast on mutually approved platform.", "partial", "bmr"),
        (5, 8, "It should be noted that recording artists do not need label approval for live performances on television or any other live media. Record label approval is only needed for contracted artists' audio and visual recordings and in determining how those works are distributed,", "full", "bmr"),
        (6, 10, "At no time did Dick Clark Productions agree to, create, authorize or distribute a statement in partnership with Big Machine Label Group regarding Taylor Swift’s performance at the 2019 American Music Awards,", "full", "dcp"),
        (6, 10, "Any final agreement on this matter needs to be made directly with Taylor Swift’s management team. We have no further comment.", "full", "dcp"),
        (7, 13, "As Taylor Swift's partner for over a decade, we were shocked to see her tumblr statements yesterday based on false information,", "full", "bmr"),
        (7, 13, "At no point did we say Taylor could not perform on the AMAs or block her Netflix special. In fact, we do not have the right to keep her from performing live anywhere. Since Taylor's decision to leave Big Machine last fall, we have continued to honor all of her requests to license her catalog to third parties as she promotes her current record in which we do not financially participate.", "full", "bmr"),
        (8, 14, "The truth is, Taylor has admitted to contractually owing millions of dollars and multiple assets to our company, which is responsible for 120 hardworking employees who helped build her career,", "full", "bmr"),
        (8, 14, "We have worked diligently to have a conversation about these matters with Taylor and her team to productively move forward.", "full", "bmr"),
        (8, 15, "We started to see progress over the past two weeks and were optimistic as recently as yesterday that this may get resolved. However, despite our persistent efforts to find a private and mutually satisfactory solution, Taylor made a unilateral decision last night to enlist her fanbase in a calculated manner that greatly affects the safety of our employees and their families,", "full", "bmr"),
        (9, 16, "Big Machine is trying to deflect and make this about money by saying she owes them but, an independent, professional auditor has determined that Big Machine owes Taylor $7.9 million dollars of unpaid royalties over several years.", "full", "swiftrep"),
    ],
)

# CBS News: Fort Worth kidnapping rescue (crime, courts)
ANN["2c46804d9db4a85e"] = dict(
    speakers={
        "officers": ("officers", None, "government_official"),
        "mother": ("the victim's mother", "victim's mother", "citizen_eyewitness"),
        "cox": ("Nealy Cox", "U.S. Attorney", "government_official"),
    },
    quotes=[
        (1, 5, "We got her, we got her!", "full", "officers"),
        (1, 5, "He's in custody; we have her.", "full", "officers"),
        (2, 8, "brave, strong, and smart", "partial", "mother"),
        (3, 8, "physical fight", "partial", "mother"),
        (4, 9, "We believe that justice has been served in this case. And we are thankful for and agree with the Judge's decision to sentence him to life in prison. My hope is that this family and this community will find solace in knowing that he will never be able to harm another little child again,", "full", "cox"),
    ],
)

# NBC News: man pleads guilty to threatening Rep. Ilhan Omar (crime; threats quoted by prosecutors)
ANN["7a457a4f71735c17"] = dict(
    speakers={
        "carlineo": ("Patrick W. Carlineo Jr.", None, "citizen_eyewitness"),
        "zoghlin": ("Sonya Zoghlin", "Carlineo's attorney", "other"),
        "kennedy": ("James P. Kennedy Jr.", "U.S. Attorney for the Western District of New York", "government_official"),
    },
    quotes=[
        (1, 4, "terrorist", "partial", "carlineo"),
        (2, 4, "somebody ought to put a bullet in her skull,", "full", "carlineo"),
        (3, 5, "I'll put a bullet in her (expletive) skull,", "full", "carlineo"),
        (4, 7, "He has taken responsibility for using threatening and inappropriate language to express those beliefs in this instance,", "full", "zoghlin"),
        (5, 10, "The First Amendment right to freedom of speech carries with it the responsibility that individuals not make threats to harm lawmakers simply because they may disagree with them,", "full", "kennedy"),
        (5, 10, "The Second Amendment right to bear arms carries with it the responsibility that individuals who desire to possess firearms not commit felony crimes.", "full", "kennedy"),
    ],
)

# News Nation: fact check on a Delhi "oxygen bar" (single-quote scare quotes, company website quoted)
ANN["076f4f33bf75059d"] = dict(
    speakers={
        "oxypure": ("Oxy Pure", None, "business"),
    },
    quotes=[
        (1, 0, "oxygen bar", "scare", None),
        (2, 1, "bar", "scare", None),
        (3, 2, "Oxy Pure", "scare", None),
        (4, 2, "An Indian start-up based out of Delhi-NCR, Oxy Pure was launched with an aim to improve the quality of the air by eradicating the air pollutants in a cost-effective manner,", "full", "oxypure"),
        (5, 3, "rejuvenating", "scare", None),
        (6, 3, "consists of an oxygen concentrator that purifies the ambient air, facilitating customers to breathe 80% to 90% pure oxygen from a disposable nasal cannula along with aromatherapy. The session lasts for 10-15 minutes and leaves you with more vigour and energy.", "full", "oxypure"),
        (7, 5, "poor", "scare", None),
    ],
)

# AP: Sondland and the impeachment inquiry (politics; nested quotes of other speakers, relayed words)
ANN["82b6d780c792df78"] = dict(
    speakers={
        "sondland": ("Gordon Sondland", "ambassador to the European Union", "government_official"),
        "holmes": ("David Holmes", "State Department official", "government_official"),
        "trump": ("Donald Trump", "President", "government_official"),
        "hill": ("Fiona Hill", "former White House Russia adviser", "government_official"),
        "vindman": ("Alexander Vindman", "career Army officer", "government_official"),
        "volker": ("Kurt Volker", "former special envoy to Ukraine", "government_official"),
    },
    quotes=[
        (1, 1, "I now do recall,", "full", "sondland"),
        (2, 6, "vividly.", "partial", "holmes"),
        (3, 8, "I then heard President Trump ask, quote, ‘So he’s going to do the investigation?’", "full", "holmes"),
        (4, 8, "So he’s going to do the investigation?", "full", "trump"),
        (3, 8, "Ambassador Sondland replied that ‘He’s going to do it,’ adding that President Zelensky will, quote, ‘do anything you ask him to.’", "full", "holmes"),
        (5, 8, "He’s going to do it,", "partial", "sondland"),
        (6, 8, "do anything you ask him to.", "partial", "sondland"),
        (7, 9, "he was in charge of Ukraine", "partial", "hill"),
        (8, 10, "And I asked, well, on whose authority?", "full", "hill"),
        (8, 10, "And he said, the President.", "full", "hill"),
        (9, 11, "improper.", "partial", "vindman"),
        (10, 12, "duty", "partial", "vindman"),
        (11, 13, "deliver", "partial", "sondland"),
        (12, 14, "Ambassador Sondland referred to investigations into the Bidens and Burisma in 2016,", "full", "vindman"),
        (13, 15, "disgrace.", "partial", "trump"),
        (14, 15, "Never Trumpers", "partial", "trump"),
        (15, 18, "I think all of us thought it was inappropriate; the conversation did not continue and the meeting concluded,", "full", "volker"),
        (16, 20, "raised, and I rejected, the conspiracy theory that Vice President Biden would have been influenced in his duties as vice president by money paid to his son.", "partial", "volker"),
    ],
)

# Spokesman-Review: South Dakota "Meth. We're on it." campaign (advertising; slogans as scare quotes, nested thoughts)
ANN["c13b9c0e04fb28d4"] = dict(
    speakers={
        "hege": ("Michelle Hege", "CEO of DH", "business"),
        "graham": ("Julie Graham", "Washington State Department of Health public information officer", "government_official"),
        "sanborn": ("Jeff Sanborn", "president of Chapter & Verse", "business"),
    },
    quotes=[
        (1, 0, "Meth. We’re on it.", "scare", None),
        (2, 1, "Starts with one.", "scare", None),
        (3, 2, "I guess my first reaction was, ‘Oh no, they’re going to get a lot of attention and, maybe, not all of it helpful attention,’", "full", "hege"),
        (3, 2, "At the end of the day, the proof’s in the pudding. I’m sure they’ve got a good evaluation plan in place to look at results over time, but I did feel concerned that it may just create noise that doesn’t actually drive the behaviors that they’re looking to drive.", "full", "hege"),
        (4, 3, "Starts with one", "scare", None),
        (5, 4, "It’s difficult to change people’s behaviors, but this is also some of the most important advertising and communications work that’s out there,", "full", "hege"),
        (5, 4, "This is our favorite kind of work to do because it’s a way to make a positive impact in the world.", "full", "hege"),
        (6, 5, "Meth. We’re on it.", "scare", None),
        (7, 6, "When a group is trying to reach a very specific audience, the messaging can either be offensive or really miss the mark with the audience that’s not intended to see it,", "full", "graham"),
        (8, 8, "You might need to have a message that’s very unique to the population that might be at risk, and then you would want to put it in a place where you felt like it would have the best chance of reaching that audience, so you might have a little edgier message,", "full", "graham"),
        (8, 8, "If somebody from the general public saw it, they might think, ‘Wow this is a little over the edge’ or they might think, ‘Why are they putting it here?’ It’s because it’s meant for a specific population.", "full", "graham"),
        (9, 10, "We were trying to reach young males, and we were doing our advertising on gaming sites, because we did some research that showed that that’s where a lot of young men were spending more time,", "full", "graham"),
        (9, 10, "It can seem like there’s a thousand choices for where to put your money and where your audience might be looking now, but there is a benefit in having choices that are very audience-centric.", "full", "graham"),
        (10, 13, "OK, great, let’s be provocative, let’s get people to notice it and talk about it, but I don’t think people are talking about it in the way that you want them talking about it, right?", "full", "sanborn"),
        (10, 13, "What’s America talking about? South Dakota’s got a meth problem, so that’s not the best thing for the South Dakota brand.", "full", "sanborn"),
        (11, 14, "we want to try to help,", "partial", "sanborn"),
        (12, 15, "The problem is, we tell clients all the time, they’ll put the heart of their message somewhere deep in their third paragraph,", "full", "sanborn"),
        (12, 15, "If that’s the core and heart of your message, you better make that the five words that everybody in America reads.", "full", "sanborn"),
    ],
)

# BBC Newsbeat: Taylor Swift and Big Machine (entertainment; quotes continued in a new paragraph after a closed quote, bracketed insertions)
ANN["70cb2d5bca75ab5a"] = dict(
    speakers={
        "swift": ("Taylor Swift", None, "other"),
        "bm": ("Big Machine", None, "business"),
        "dcp": ("Dick Clark Productions", None, "business"),
    },
    quotes=[
        (1, 5, "worst case scenario", "partial", "swift"),
        (2, 5, "incessant, manipulative bullying", "partial", "swift"),
        (3, 10, "I just want to be able to perform my own music,", "full", "swift"),
        (4, 11, "That's it. I've tried to work this out privately through my team but have not been able to resolve anything.", "full", "swift"),
        (5, 16, "At no point did we say Taylor could not perform on the AMAs or block her Netflix special,", "full", "bm"),
        (6, 17, "In fact, we do not have the right to keep her from performing live anywhere.", "full", "bm"),
        (7, 19, "[We] have agreed to grant all licenses of [our] artists' performances to stream post show and for re-broadcast on mutually agreed platforms,", "full", "bm"),
        (8, 20, "It should be noted that recording artists do not need label approval for live performances on television or any other live event.", "full", "bm"),
        (9, 22, "Any final agreement on this matter needs to be made directly with Taylor Swift's management team. We have no further comment,", "full", "dcp"),
    ],
)

# AP via Houston Chronicle: Esper in Vietnam (politics, defence)
ANN["db6b0816c612296c"] = dict(
    speakers={
        "esper": ("Mark Esper", "U.S. Defense Secretary", "government_official"),
    },
    quotes=[
        (1, 1, "We will not accept attempts to assert unlawful maritime claims at the expense of law-abiding nations,", "full", "esper"),
        (2, 3, "The United States firmly opposes intimidation by any claimant to assert its territorial or maritime claims, and we call for an end to the bullying and unlawful activities,", "full", "esper"),
        (3, 4, "We strongly oppose violations of international law by China and excessive claims in the South China Sea.", "full", "esper"),
        (4, 6, "Hanoi Hilton", "scare", None),
    ],
)

# ESA via Phys.org: hibernating astronauts (science; multi-paragraph quote, technical terms as scare quotes)
ANN["e1c7023ee2148901"] = dict(
    speakers={
        "biesbroek": ("Robin Biesbroek", "CDF", "expert_academic"),
        "ngoanh": ("Jennifer Ngo-Anh", "SciSpacE Team Leader", "expert_academic"),
    },
    quotes=[
        (1, 0, "suspended animation", "scare", None),
        (2, 1, "enabling technology", "scare", None),
        (3, 1, "Topical Team", "scare", None),
        (4, 4, "We worked on adjusting the architecture of the spacecraft, its logistics, protection against radiation, power consumption and overall mission design,", "full", "biesbroek"),
        (5, 5, "We looked at how an astronaut team could be best put into hibernation, what to do in case of emergencies, how to handle human safety and even what impact hibernation would have on the psychology of the team. Finally we created an initial sketch of the habitat architecture and created a roadmap to achieve a validated approach to hibernate humans to Mars within 20 years.", "full", "biesbroek"),
        (6, 7, "torpor", "scare", None),
        (7, 10, "fault detection, isolation and recovery", "scare", None),
        (8, 11, "For a while now hibernation has been proposed as a game-changing tool for human space travel,", "full", "ngoanh"),
        (8, 11, "If we were able to reduce an astronaut's basic metabolic rate by 75% – similar to what we can observe in nature with large hibernating animals such as certain bears—we could end up with substantial mass and cost savings, making long-duration exploration missions more feasible.", "full", "ngoanh"),
        (8, 12, "And the basic idea of putting astronauts into long-duration hibernation is actually not so crazy: a broadly comparable method has been tested and applied as therapy in critical care trauma patients and those due to undergo major surgeries for more than two decades. Most major medical centers have protocols for inducing hypothermia in patients to reduce their metabolism to basically gain time, keeping patients in a better shape than they otherwise would be.", "full", "ngoanh"),
        (8, 13, "We aim to build on this in future, by researching the brain pathways that are activated or blocked during initiation of hibernation, starting with animals and proceeding to people.", "full", "ngoanh"),
    ],
)

# NBC News via MSN: doctors offer flu shots to detained migrants (health, immigration; letter quotes, quoted cross-headings, anonymous spokesperson)
ANN["abd9d6291b6bfae0"] = dict(
    speakers={
        "d4cc": ("Doctors for Camp Closure", None, "civil_society_ngo"),
        "cbpspox": ("a CBP spokesperson", "spokesperson", "anonymous_unnamed"),
        "arroyo": ("Luz Contreras Arroyo", "member of the group and signatory to the letter", "civil_society_ngo"),
        "cbp": ("Customs and Border Protection", None, "government_official"),
    },
    quotes=[
        (1, 3, "We implore you to allow our volunteer physicians to hold our requested influenza vaccine clinic,", "full", "d4cc"),
        (2, 5, "As a law enforcement agency and due to the short term nature of CBP holding and other logistical challenges, operating a vaccine program is not feasible,", "full", "cbpspox"),
        (3, 7, "We write with urgency", "scare", None),   # cross-heading repeating p6 (guide revision, issue 13)
        (4, 9, "This is how epidemics begin,", "full", "arroyo"),
        (4, 9, "It's not just migrants. Workers will come out to communities, potentially spreading that virus and it could get out of control.", "full", "arroyo"),
        (5, 10, "These are people as well,", "full", "arroyo"),
        (5, 10, "They are under the care of the government, most not having committed crimes. Seeking asylum is not a crime.", "full", "arroyo"),
        (6, 13, "Flu season has already begun in many parts of the country, so we write with urgency,", "full", "d4cc"),
        (6, 13, "Many people, including those working at and living near CBP facilities, will be at an even higher risk than what is typical.", "full", "d4cc"),
        (7, 15, "create a system to ensure that the majority of migrant families", "partial", "d4cc"),
        (8, 17, "Alarming mortality rate", "partial", "d4cc"),
        (9, 19, "In our professional medical opinion, this alarming mortality rate constitutes an emergency which threatens the safety of human lives, particularly children,", "full", "d4cc"),
        (10, 20, "short-term", "partial", "cbp"),
        (11, 29, "As physicians, we have seen the effects of flu infections in the strongest as well as the most vulnerable, and the outcomes can be devastating,", "full", "d4cc"),
    ],
)

# Detroit News (AP): Indiana teachers' rally (politics, education; chants, signs, a legislator, a union)
ANN["7de5241947a5f714"] = dict(
    speakers={
        "teachers": ("teachers", None, "citizen_eyewitness"),
        "protesters": ("protesters", None, "citizen_eyewitness"),
        "cooper": ("Angela Cooper", "High school math teacher", "citizen_eyewitness"),
        "gambill": ("Keith Gambill", "Indiana State Teachers Association President", "civil_society_ngo"),
        "bosma": ("Brian Bosma", "Indiana House Speaker", "politician"),
        "mccormick": ("Jennifer McCormick", "Republican state schools Superintendent", "government_official"),
        "schlabach": ("Joel Schlabach", "a teacher at eastern Indiana’s Richmond High School", "citizen_eyewitness"),
    },
    quotes=[
        (1, 2, "Fund our schools,", "full", "teachers"),
        (2, 2, "Put kids first,", "full", "teachers"),
        (3, 2, "Less Money on Testing, More Money on Students.", "full", "teachers"),
        (4, 2, "We’re Not Gonna Take It", "scare", None),
        (5, 4, "We need to make sure we keep teachers in the classroom,", "full", "cooper"),
        (5, 4, "They start in the classroom but then they leave because they aren’t paid enough.", "full", "cooper"),
        (6, 6, "The crisis is now, and we need action now,", "full", "gambill"),
        (6, 6, "The issue is funding, and the state has the money.", "full", "gambill"),
        (7, 10, "Red for Ed,", "full", "protesters"),
        (8, 12, "We get that you’re frustrated,", "full", "bosma"),
        (8, 12, "We get that you are concerned about issues.", "full", "bosma"),
        (9, 16, "asking for the moon.", "partial", "mccormick"),
        (10, 17, "What a shame that it takes today to get what our kids deserve,", "full", "mccormick"),
        (11, 18, "vilified", "partial", "schlabach"),
        (12, 19, "They think they know better about education than us,", "full", "schlabach"),
        (12, 19, "They don’t trust us to make important decisions about students whose names we know when we’re in the classroom.", "full", "schlabach"),
    ],
)

# The Hill: man pleads guilty to threatening Rep. Ilhan Omar (same story as NBC; a legislator's letter, tweet without marks)
ANN["6ebac05f637ece8a"] = dict(
    speakers={
        "kennedy": ("James Kennedy Jr.", "U.S. Attorney", "government_official"),
        "zoghlin": ("Sonya A. Zoghlin", "Carlineo’s attorney", "other"),
        "carlineo": ("Patrick Carlineo Jr.", None, "citizen_eyewitness"),
        "omar": ("Ilhan Omar", "Rep.", "politician"),
    },
    quotes=[
        (1, 2, "make threats to harm lawmakers simply because they may disagree with them.", "partial", "kennedy"),
        (2, 4, "Pat Carlineo is passionate about his political beliefs and his right to express them,", "full", "zoghlin"),
        (2, 4, "He has taken responsibility for using threatening and inappropriate language to express those beliefs in this instance.", "full", "zoghlin"),
        (3, 5, "bullet in her f---ing skull.", "partial", "carlineo"),
        (4, 8, "We must teach the defendant love.", "full", "omar"),
        (5, 9, "But we must ask: who are we as a nation if we respond to threats of political retribution with retribution ourselves?", "full", "omar"),
        (5, 9, "The answer to hate is not more hate; it is compassion.", "full", "omar"),
    ],
)

# ---- end of annotations ----


if __name__ == "__main__":
    main(ANN, OUT, extra={"seed": ("seed", None, normalise(SEED.read_text(encoding="utf-8")))})

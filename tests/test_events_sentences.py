"""Events stage on hand-written sentences: each construction of the parse and each mode.

Every case names the CAMEO code prefix the sentence's event must have, its mode, and where it matters a word of
its source and target. The sentences are our own; none comes from a gold file.
"""

from __future__ import annotations

import pytest

from dateline.model import Article, Event
from dateline.pipeline import Pipeline
from dateline.stages.entities import Entities
from dateline.stages.events import Events, extract, lexicon
from dateline.stages.sentences import Sentences

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline([Sentences(), Entities(), Events()])


def events_of(pipeline: Pipeline, text: str) -> list[Event]:
    article = Article(id="t", text=text, published="2024-05-16T10:00:00")
    return pipeline.extract(article).events


def find(events: list[Event], code: str) -> Event:
    matching = [e for e in events if e.cameo and e.cameo.startswith(code)]
    assert matching, f"no {code} event in {[(e.cameo, e.trigger.text) for e in events]}"
    return matching[0]


# (sentence, code prefix, source word or None, target word or None)
CONSTRUCTIONS = [
    # plain transitive verbs
    ("Russian troops attacked the Ukrainian city of Kharkiv.", "19", "Russian", "Kharkiv"),
    ("The Kenyan government condemned the violence in Sudan.", "111", "Kenyan", None),
    ("Egypt praised Jordan for its help.", "051", "Egypt", "Jordan"),
    ("Brazil recognized Kosovo as an independent state.", "054", "Brazil", "Kosovo"),
    ("Police arrested three journalists in Cairo.", "173", "Police", "journalists"),
    ("The army expelled the foreign observers.", "1662", "army", "observers"),
    ("Iran accused Israel of espionage.", "1125", "Iran", "Israel"),
    ("Ghana criticised Togo over the border closure.", "111", "Ghana", "Togo"),
    ("Germany hosted the French president in Berlin.", "043", "Germany", "president"),
    ("Turkey invaded northern Syria.", "190", "Turkey", "Syria"),
    # an act named before a word for a run of such acts ("a bombing campaign", "a shooting spree")
    ("The army launched a bombing campaign against the rebels.", "195", "army", "rebels"),
    ("The militants began a bombing campaign in the capital.", "183", "militants", None),
    ("A gunman went on a shooting spree in the town.", "193", "gunman", None),
    # giving up ties reduces relations; giving up a strike eases dissent; marches "of" people are theirs
    ("Chile will abandon its economic ties with Peru.", "160", "Chile", "Peru"),
    ("The union abandoned its planned strike.", "082", "union", None),
    # a person on the offensive attacks in words, an army by force; "to" the parser calls a dative names the target
    ("Opposition leader Mary Okafor went on the offensive over the comments.", "111", "Okafor", None),
    ("The army went on the offensive in the north.", "190", "army", None),
    ("Japan offered help to Kenya.", "033", "Japan", "Kenya"),
    ("Japan invested five billion dollars in China.", "061", "Japan", "China"),
    # leaving a treaty or deal reduces relations with its other party; troops withdrawn stay a pull-back
    ("Last year the president withdrew the UK from a fishing treaty with Norway.", "160", "president", "Norway"),
    ("The US pulled out of the deal with Iran.", "160", "US", "Iran"),
    ("Russia withdrew its troops from Syria.", "087", "Russia", "Syria"),
    # "in support of" names who is backed; forces sent are not the party they are sent for
    ("The airline carries arms to Yemen in support of the rebels.", "051", None, "rebels"),
    ("Germany sent troops in support of France.", "154", "Germany", "France"),
    ("Nigeria refused to deploy its peacekeepers in Mali.", "1224", "Nigeria", "Mali"),
    # who describes someone "as convicted" did not convict them
    ("The gunman, described by local papers as convicted of robbery, was detained.", "116", None, "gunman"),
    # public support "of" a party backs that party
    ("The big turnout was taken as public support of the protesters.", "051", None, "protesters"),
    ("The army issued a warning to the rebels.", "130", "army", "rebels"),
    # a person attacking a person in a debate or a speech attacks in words
    ("Harris attacked Biden during the Democratic debates.", "111", "Harris", "Biden"),
    ("Biden attacked Trump in a speech in Ohio.", "111", "Biden", "Trump"),
    # charging that something is so accuses; declining to speculate declines comment
    ("EU officials have often charged that the Chinese market is rigged.", "112", "officials", None),
    ("The minister declined to speculate on the outcome.", "011", "minister", None),
    # words used on the press; reversing a ban eases it; a warning of what one has seen is a comment
    (
        "The singer John Mensah has attacked false British gossip magazines, questioning their honesty.",
        "111",
        "Mensah",
        "magazines",
    ),
    ("Ghana's football federation reversed its ban on the striker Kwame Mensah.", "081", "Ghana", None),
    ("Peter Hain has warned that he has seen dangerous complacency among Labour voters.", "012", "Hain", None),
    ("Mary Okafor clashed with the Daily Post for publishing pictures of her wedding.", "110", "Okafor", "Post"),
    ("Rebels clashed with troops for control of the town.", "190", "Rebels", "troops"),
    ("The dockers' union attacked the deficit figures published for the harbour.", "111", "union", None),
    # an attack launched on plans is made in words, one on positions by force; addressing a conference speaks
    ("Angela Merkel launched an attack on the opposition's tax plans.", "111", "Merkel", None),
    ("The army launched an attack on rebel positions.", "190", "army", None),
    ("Government artillery struck the front line near the town.", "194", "artillery", None),  # no power line
    ("Justin Trudeau addressed the conference in private.", "010", "Trudeau", None),
    ("A spokeswoman said the mayor's office intends to appeal the ruling.", "115", "office", None),  # a party's appeal
    ("The march of the students ended at the parliament.", "141", "students", None),
    # the same launches in war and in a police inquiry stay events
    ("Militants launched rockets at the town of Ashkelon.", "194", "Militants", "Ashkelon"),
    ("The army launched an operation against the rebels.", "190", "army", "rebels"),
    ("Police launched a probe into the shooting.", "090", "Police", None),
    ("Peru deported forty Venezuelan migrants.", "174", "Peru", "migrants"),
    ("Rebels kidnapped two Italian aid workers.", "181", "Rebels", "workers"),
    ("The Chinese navy blockaded the Taiwanese port.", "191", "Chinese", "port"),
    ("Gunmen killed five villagers in Nigeria.", "1823", "Gunmen", "villagers"),
    ("Soldiers raped women in the village.", "1821", "Soldiers", "women"),  # the lemmatiser says "rap"
    ("The minister rapped the central bank for its failures.", "111", "minister", "bank"),
    ("Ethiopia annexed the disputed region.", "192", "Ethiopia", None),
    ("Japan apologized to South Korea.", "055", "Japan", "South Korea"),
    ("Chile sued Bolivia at the international court.", "115", "Chile", "Bolivia"),
    ("Algeria recalled its ambassador from Spain.", "161", "Algeria", None),
    ("Poland vetoed the budget resolution.", "129", "Poland", None),
    ("Serbia released the detained Kosovo police officers.", "0841", "Serbia", "officers"),
    # verb + particle or preposition
    ("Armenia called off the talks with Azerbaijan.", "164", "Armenia", None),
    ("The rebels pulled out of the town.", "087", "rebels", None),
    ("France called for the release of the hostages.", "1053", "France", None),
    ("Mali broke off relations with France.", "161", "Mali", "France"),
    ("Thailand cracked down on the protesters.", "173", "Thailand", "protesters"),
    ("Vietnam stood by its ally Laos.", "052", "Vietnam", None),
    # verb + object conditions
    ("Norway signed a fisheries agreement with Iceland.", "057", "Norway", "Iceland"),
    ("Canada imposed sanctions on Belarus.", "163", "Canada", "Belarus"),
    ("The European Union lifted its sanctions on Cuba.", "085", "European Union", "Cuba"),
    ("Sweden provided military assistance to Ukraine.", "072", "Sweden", "Ukraine"),
    ("Australia sent food aid to Fiji.", "073", "Australia", "Fiji"),
    ("Pakistan deployed troops to the border.", "154", "Pakistan", None),
    ("India expressed support for Bhutan.", "051", "India", "Bhutan"),
    ("Oman offered mediation between Iran and Saudi Arabia.", "039", "Oman", None),
    ("Iraq restored diplomatic ties with Kuwait.", "050", "Iraq", "Kuwait"),
    ("Hungary summoned the Ukrainian ambassador.", "114", "Hungary", "ambassador"),
    ("Cuba lodged a protest with the United States.", "114", "Cuba", "United States"),
    ("Police used tear gas against the demonstrators.", "175", "Police", "demonstrators"),
    ("The junta imposed a curfew on the capital.", "1723", "junta", None),
    ("The government banned the opposition party.", "1722", "government", "party"),
    ("Kenya shared intelligence with Uganda.", "064", "Kenya", "Uganda"),
    ("Kenya agreed on a plan with Uganda.", "057", "Kenya", "Uganda"),  # the party inside the particle's object
    ("Greece granted asylum to the Turkish officers.", "075", "Greece", "officers"),
    ("Militants fired rockets at Israel.", "194", "Militants", "Israel"),
    ("Soldiers opened fire on the crowd.", "193", "Soldiers", None),
    ("The United States launched airstrikes against militias in Iraq.", "195", "United States", "militias"),
    # passives
    ("Ukraine was attacked by Russia.", "19", "Russia", "Ukraine"),
    ("The ambassador was expelled by Moldova.", "166", "Moldova", "ambassador"),
    ("Two activists were arrested by Belarusian police.", "173", "police", "activists"),
    ("The treaty was signed by Ecuador and Colombia.", "057", "Ecuador", None),
    ("Argentina was criticized by Uruguay.", "111", "Uruguay", "Argentina"),
    ("The reporter was abducted by gunmen in Mexico.", "181", "gunmen", "reporter"),
    # nominal events with possessives and prepositions
    ("Russia's invasion of Ukraine shocked the world.", "19", "Russia", "Ukraine"),
    ("Putin's visit to Beijing drew attention.", "042", "Putin", "Beijing"),
    ("The talks between Serbia and Kosovo collapsed.", "04", "Serbia", None),
    ("Washington's sanctions against Caracas hurt the economy.", "163", "Washington", "Caracas"),
    ("The Indian army's withdrawal from the valley began.", "087", "army", None),
    ("Canada's condemnation of the coup was swift.", "111", "Canada", None),
    ("Finland's accession talks with NATO went well.", "04", "Finland", "NATO"),
    ("The Saudi bombing of Yemen continued.", "183", "Saudi", "Yemen"),
    ("The meeting of the foreign ministers of Chile and Peru ended early.", "04", "ministers", None),
    ("Macron's trip to Algeria was short.", "04", "Macron", "Algeria"),
    # light verbs with event nouns
    ("Israel launched an offensive against Hamas.", "190", "Israel", "Hamas"),
    ("Egypt held talks with Qatar.", "04", "Egypt", "Qatar"),
    ("Modi paid a visit to Moscow.", "042", "Modi", "Moscow"),
    ("The rebels declared a ceasefire.", "0871", "rebels", None),
    # coordinated actors: one event, both parties
    ("Xi and Putin met in Moscow.", "04", "Xi and Putin", None),
    ("Kenya and Tanzania signed a trade deal.", "057", "Kenya and Tanzania", None),
    ("France and Germany condemned the attack.", "111", "France and Germany", None),
    ("Russia attacked Ukraine and Georgia.", "19", "Russia", "Ukraine and Georgia"),
    # the object of "to", "with", "against"
    ("Morocco sent humanitarian aid to Libya.", "073", "Morocco", "Libya"),
    ("Nepal cooperated with India on the investigation.", "06", "Nepal", "India"),
    ("The opposition protested against the government.", "14", "opposition", "government"),
    ("Belgium negotiated with the Netherlands.", "046", "Belgium", "Netherlands"),
    ("Sudan complained to the United Nations.", "114", "Sudan", "United Nations"),
    # control and raising verbs
    ("Spain agreed to send troops to Latvia.", "03", "Spain", "Latvia"),
    ("Kazakhstan promised to release the prisoners.", "0353", "Kazakhstan", "prisoners"),
    ("North Korea threatened to attack South Korea.", "138", "North Korea", "South Korea"),
    ("Britain urged Iran to release the sailors.", "025", "Britain", "Iran"),
    ("The union demanded the resignation of the minister.", "104", "union", None),
    ("Israel refused to negotiate with Hamas.", "125", "Israel", "Hamas"),
    ("Venezuela threatened sanctions against Guyana.", "1312", "Venezuela", "Guyana"),
    ("China refrained from providing weapons to Russia.", "072", "China", "Russia"),
    ("Italy agreed to withdraw its troops from Iraq.", "0356", "Italy", None),
    # a decision is the act decided, planned: the manual codes "decided to allow" as the allowing
    ("Italy decided to withdraw its troops from Iraq.", "087", "Italy", None),
    ("Morocco has decided to sever diplomatic ties with Venezuela.", "161", "Morocco", "Venezuela"),
    ("Libya rejected calls for talks with the rebels.", "12", "Libya", None),
    # agreeing with each other on what should be done, or on an act
    ("Ghana and Togo agreed that their navies should cooperate against piracy.", "03", "Ghana and Togo", None),
    ("The two sides agreed on a ceasefire.", "0356", "two sides", None),
    # names a plural title introduces are the parties
    ("Foreign ministers Wang Yi and Sergei Lavrov met in Beijing.", "04", "Sergei Lavrov", None),
    # the object of "accuse of", "blame for", "bar from" does what the preposition's clause says
    ("Georgia accused Russian forces of shelling its villages.", "19", "Russian forces", None),
    ("The court barred the police from deploying officers to Haiti.", "15", "police", "Haiti"),
    # a transfer told from the receiving side is the giver's act
    ("Kenya received food aid from Japan.", "073", "Japan", "Kenya"),
    ("Mali received money from Niger by courier.", "071", "Niger", "Mali"),
    ("Jordan accepted refugees from Syria.", "075", "Jordan", "refugees"),
    # journeys, surveillance, reaffirmed ties
    ("The president departed for Beijing on Monday.", "042", "president", "Beijing"),
    ("Agents of Peru tapped the phone lines of the Bolivian embassy.", "176", "Agents", None),
    ("Ghana reaffirmed its friendship with Togo.", "050", "Ghana", "Togo"),
    # weapons refine attacks
    ("Army units killed four rebels in a gunbattle near Goma.", "193", "Army units", "rebels"),
    ("A drone attack killed two militant commanders in Waziristan.", "1952", None, "commanders"),
    ("Israel bombed targets in southern Lebanon.", "195", "Israel", None),
    ("Militants bombed a bus station in Quetta.", "183", "Militants", None),
    ("A drone strike killed four fighters in Somalia.", "1952", None, "fighters"),
    ("A car bomb killed ten soldiers in Kabul.", "1832", None, "soldiers"),
    # a past participle after a noun: the noun is who it was done to, never the doer
    ("Estonia expelled two Russian diplomats accused of spying.", "112", None, "diplomats"),
    ("Two soldiers attacked by militants were taken to hospital.", "19", "militants", "soldiers"),
    # "warned X against doing": X is who would do it
    ("Japan warned Vietnam against selling rice to the junta.", "130", "Japan", "Vietnam"),
    ("Japan warned Vietnam against arming the junta.", "07", "Vietnam", "junta"),
    # what is taken from someone: the "from" phrase is the target
    ("Somali troops captured the port from the militants.", "19", "troops", "militants"),
    # an amount of something promised: the thing is the complement ("$20 million in aid")
    ("Korea pledged $20 million in flood aid to Pakistan.", "033", "Korea", "Pakistan"),
    ("Norway promised thousands of tonnes of food aid to Yemen.", "033", "Norway", "Yemen"),
    # a subject that undergoes the event its object names is the target; the "from" phrase is the doer
    ("The Chilean plan drew sharp criticism from Peru.", "111", "Peru", "Chilean"),
    ("Mali repelled an attack by jihadist fighters.", "19", "fighters", "Mali"),
    ("The senator faced accusations of bribery from Kenyan prosecutors.", "112", None, "senator"),
    # a person's possessive on an event done to people is who it was done to; a state's is who did it
    ("The activists' arrest in Minsk angered Lithuania.", "173", None, "activists"),
    ("Belarus's arrest of the activists angered Lithuania.", "173", "Belarus", "activists"),
    # leaving one place for another: the journey goes to the second
    ("The emir left Doha for Cairo on Sunday.", "042", "emir", "Cairo"),
    # an intransitive participle before people: they do it
    ("The speech was cut short by protesting lawmakers.", "14", "lawmakers", None),
    ("Striking workers marched through Mombasa.", "14", "workers", None),
    # object control in the passive: the subject does what it is accused of
    ("The Kenyan police were accused of beating the protesters.", "18", "police", "protesters"),
    # a passive conjunct: the subject it shares undergoes it
    ("Chad is under pressure and was criticised by the African Union.", "111", "African Union", "Chad"),
    ("Iran is under EU sanctions over the programme.", "163", "EU", "Iran"),
    # riot police with tear gas is crowd control, not a chemical attack
    ("The police used tear gas against protesters in Lagos.", "175", "police", "protesters"),
    # a passive participle clause up front: the main subject is the one it was done to
    ("Backed by Russia, the rebels attacked the town.", "051", "Russia", "rebels"),
    ("Criticised by Ghana, the Togolese government recalled its envoy.", "111", "Ghana", "government"),
    # driving people from their homes expels them
    ("The army ousted hundreds of villagers from the valley.", "174", "army", "villagers"),
    # a loan is economic aid; bodies handed back are a return
    ("The World Bank approved a $300 million loan to Malawi.", "071", "World Bank", "Malawi"),
    ("Israel returned the bodies of two soldiers to Lebanon.", "084", "Israel", "Lebanon"),
    # a state that protests complains officially; people who protest dissent
    ("Beijing protested to Washington over the arms sale.", "114", "Beijing", "Washington"),
    ("Students protested against the government in Dhaka.", "14", "Students", "government"),
    # an amount of money is money
    ("Canada provided $40 million to Jordan last year.", "07", "Canada", "Jordan"),
    # predicative adjectives of stance
    ("The Kenyan president said he was optimistic about the talks.", "013", "president", None),
    ("Ghana is worried about the unrest in Togo.", "012", "Ghana", None),
    ("Ghana has been critical of Togo's handling of the crisis.", "111", "Ghana", "Togo"),
    # pleading guilty admits; attacking something "as" something is words; "the accused" is a party
    ("The former governor pled guilty to bribery.", "015", "governor", None),
    ("The senator attacked the ruling as a disgrace.", "111", "senator", None),
    ("Police arrested the accused outside the court.", "173", "Police", "accused"),
    # a participle's agent after a nominal event is its doer
    ("The ministry quoted a statement released by the Kenyan embassy.", "010", "embassy", None),
    ("An attack carried out by rebels killed four soldiers.", "19", "rebels", None),
    # undertaking a mission does it; the parties mediated between are the target, not the mediator
    ("The Arab League envoy undertook a mediation mission between Syria and Jordan.", "045", "envoy", "Syria"),
    ("Mediation between Chad and Sudan by the African Union failed.", "045", "African Union", "Chad"),
    ("Ghana and Togo agreed to conduct joint naval exercises.", "031", "Ghana and Togo", None),
    # halting mediation is its own code; made conditional, it is a threat to halt it
    ("Norway halted its mediation between the two parties.", "165", "Norway", None),
    ("The African Union may halt its mediation if the fighting continues.", "135", "African Union", None),
    # "were engaged / involved in": the subject takes part in the act; forcing people out of homes expels them
    ("Militia fighters were engaged in ethnic cleansing of the Rohingya villages.", "203", "fighters", None),
    ("The army forced out hundreds of residents from the camp.", "174", "army", "residents"),
    ("The army engaged the enemy near the river.", "19", "army", None),
    # a passive raising verb: its subject does the act
    ("Kenya was expected to deploy police officers to Haiti.", "15", "Kenya", "Haiti"),
    # a promise never to cooperate is a refusal; a promise not to attack is restraint, no threat
    ("The president vowed never to negotiate with the rebels.", "125", "president", "rebels"),
    ("Israel promised not to attack Lebanon.", "0356", "Israel", "Lebanon"),
    # a state's strike, or one that kills, is an attack; workers' strike a walkout
    ("Israeli strikes killed 40 people in Rafah on Sunday.", "19", "Israeli", None),
    ("French workers began a strike over pensions.", "143", "workers", None),
    # a clause before "denies" is not what is denied
    ("Moscow accused Kyiv of shelling the plant, a charge Ukraine denies.", "112", "Moscow", "Kyiv"),
    # a weapons test shows force and attacks nobody
    ("North Korea test-fired a ballistic missile into the sea.", "150", "North Korea", None),
    ("Pakistan tested a nuclear-capable missile on Monday.", "150", "Pakistan", None),
    # an unknown name the model reads as a title or product is still a party when it acts
    ("Sources say Atlantis and Lemuria postponed the talks.", "12", "Atlantis", None),
    # a court appeal is legal action; an appeal to someone or for something is a request
    ("The Kenyan government said it would appeal the ruling.", "115", "government", None),
    ("The ministry said it would appeal.", "115", "ministry", None),
    ("Kenya appealed to donors for food aid.", "0233", "Kenya", "donors"),
    # who is appealed to does what the appeal asks
    ("The Pope appealed to both sides to end the war.", "19", "sides", None),
    # workers who stop work strike
    ("Thousands of workers stopped work at the port on Monday.", "143", "workers", None),
    # the same verbs in their event sense
    ("Rebels took over the town of Kidal.", "192", "Rebels", None),
    ("Morocco declined to comment.", "011", "Morocco", None),
    ("Police released the detained journalists.", "0841", "Police", "journalists"),
    # setting fire to a building destroys property
    ("Rioters set fire to the Danish consulate in Beirut.", "1712", "Rioters", "consulate"),
    # a suicide bomber is the doer of the blast and of the killing
    ("A suicide bomber blew himself up at a market in Mogadishu, killing six people.", "1831", "bomber", None),
    ("A suicide bomber blew himself up at a market in Mogadishu, killing six people.", "1823", "bomber", "people"),
    # a noun with a name in apposition stands for the name; object pronouns are parties
    ("Senator Okafor endorsed his longtime rival, Maria Lindqvist.", "051", "Okafor", "Lindqvist"),
    ("The ruling party endorsed him at its congress.", "051", "party", "him"),
    ("The ruling party endorsed her at its congress.", "051", "party", "her"),
    # a bare name as the object, whatever label the model gives it, is who the act is done to
    ("The minister praised Mendez on Twitter.", "051", "minister", "Mendez"),
    ("Riot police battled with rival supporters near the ground.", "19", "police", "supporters"),
    # who claims an attack, or has it laid at their door, is its doer; the one it is blamed on is blamed
    ("The attack was claimed by the Islamist group in Somalia.", "19", "group", None),
    ("The rebels claimed responsibility for the attack on the base.", "19", "rebels", None),
    # arriving in a place visits it; a trip to a place is a visit; coming home is not
    ("The Kenyan foreign minister made a surprise trip to Chad.", "042", "minister", "Chad"),
    ("The premier held talks with his Ghanaian counterpart, Kwame Mensah.", "040", "premier", "Mensah"),
    ("The Kenyan president arrived in Lima on Monday.", "042", "president", "Lima"),
    ("Two shipping firms struck a pay accord with the dockers' union.", "057", "firms", None),
    # a toll of lives in a conflict with someone says there was fighting
    ("Chad's death toll has risen in the border conflict with Sudan.", "190", "Chad", "Sudan"),
    ("Peru's death toll in the war with the rebels has risen to 300.", "190", "Peru", "rebels"),
    # "is opposed to", "is committed to": the subject holds the stance
    ("Ghana is opposed to foreign mediation in the dispute.", "126", "Ghana", None),
    ("Chad had been allied with the French army in the north.", "062", "Chad", "army"),
    ("Police beat 20 protesters with batons.", "182", "Police", "protesters"),
    ("Rebels are fighting for control of the city.", "19", "Rebels", None),
    # admitting a feeling or insisting on a view is a statement; admitting a deed or insisting on an act is not
    ("Mr Okafor admitted he was frustrated by the result.", "010", "Okafor", None),
    ("The army admitted that its troops had shelled the town.", "015", "army", None),
    ("Mr Okafor insisted that the market was sound.", "010", "Okafor", None),
    ("Iran insisted that the inspectors must leave.", "10", "Iran", None),
    # agreeing with a view, with nothing to be done, is expressing accord
    ("Mr Okafor, a senior economist, agreed.", "019", "Okafor", None),
    ("Iran agreed to free the sailors.", "035", "Iran", "sailors"),
    # declining to give details is declining to comment
    ("The minister declined to give any details.", "011", "minister", None),
    ("The firm refused to provide further information.", "011", "firm", None),
    # support a subject has or wins is given by others
    ("The new plan won support from Germany.", "051", "Germany", None),
    ("Russian missiles hit Kharkiv on Monday.", "19", "missiles", "Kharkiv"),
    # advice to the public is an appeal, not a threat
    ("Police warned residents to stay indoors and close their windows.", "020", "Police", "residents"),
    # seeking refuge asks for humanitarian aid (the codebook's example of 1033)
    ("Thousands of Kurdish villagers sought refuge in Turkey.", "1033", "villagers", None),
    # blowing up infrastructure destroys property; a ceasefire agreement violated is a ceasefire violated
    ("Guerrillas blew up two power lines near the capital.", "1712", "Guerrillas", None),
    ("Rebels blew up a bus near the border.", "183", "Rebels", None),
    ("The army and the rebels both violated the ceasefire agreement.", "196", "army", None),
    ("The militants used villagers as human shields.", "184", "militants", "villagers"),
    # renewed negotiations are negotiations, even when relations are their subject
    ("Chile and Peru renewed negotiations on the border and their future relations.", "046", "Chile", None),
    # a verb that breaks a cooperative noun says what happened
    ("The unions are breaking an agreement signed in May.", "128", "unions", None),
    # "take X hostage": X is the hostage, not the word "hostage"
    ("In 1975, rebels seized the palace, taking dozens of guards hostage.", "181", "rebels", "guards"),
    # deaths told of in a military attack are the attack's toll, done by its doer
    ("Four fishermen were killed in a Saudi airstrike on the port.", "195", "Saudi", "fishermen"),
    ("Three medics were wounded during the shelling of the clinic.", "194", None, "medics"),
    # a death total in a conflict says there was fighting; troops on the march are forces on the move
    ("Chad's death total has risen in the conflict with the rebels.", "190", "Chad", "rebels"),
    ("Russian troops marched to the border with Lithuania.", "154", "troops", None),
    # a crowd rallying for someone demonstrates; a party rallying support mobilises it
    ("Several thousand people rallied in the square in support of the president.", "141", "people", None),
    ("The party rallied support for the bill.", "053", "party", None),
    # an alliance "of" its members is theirs; recognising someone "as" an office-holder is recognition
    ("An alliance of Norway, Canada and Chile will co-ordinate the aid effort.", "06", "Norway", None),
    ("Washington recognised Guaido as interim president.", "054", "Washington", "Guaido"),
    # a meeting in a third country is one at a neutral place
    ("The two leaders will meet in a third country.", "044", "leaders", None),
    # a raid by the police is a search with arrests; by troops, an attack
    ("A police raid seized laptops from the house.", "173", "police", None),
    ("Troops raided the rebel camp at dawn.", "190", "Troops", "camp"),
    # a head of state bombs with the state's forces: a military strike, not a terrorist's device
    ("President Okafor broke the ceasefire by bombing rebels in the north.", "195", "Okafor", "rebels"),
    # pressure towards an act is a demand; pressure alone is coercion
    ("The ministry pressured the dockers to end their walkout.", "100", "ministry", "dockers"),
    ("The United States pressured Iran to release the sailors.", "1053", "United States", "Iran"),
    ("Police pressured the protesters in the square.", "170", "Police", "protesters"),
    # paying compensation yields (the codebook's example of 080)
    ("Uganda paid compensation to the expelled traders.", "080", "Uganda", None),
    # claiming a haven is demanding humanitarian aid
    ("The defector applied for asylum in Norway.", "1033", "defector", None),
    # a "between" phrase on the relation a noun acts on names both parties
    ("The resumption of ties between Chile and Peru surprised analysts.", "050", "Chile and Peru", None),
    # the parties of a relation whose resumption was welcomed did not welcome it
    ("The resumption of ties between Chile and Peru was welcomed.", "051", None, "Chile and Peru"),
    ("An agreement between Chile and Peru was signed on Monday.", "057", "Chile and Peru", None),
    # questions put to a person are questioning, not doubt
    ("Police questioned the driver of the lorry.", "090", "Police", "driver"),
    ("Critics questioned the decision of the court.", "110", "Critics", None),
]


@pytest.mark.parametrize(("text", "code", "source", "target"), CONSTRUCTIONS)
def test_construction(pipeline: Pipeline, text: str, code: str, source: str | None, target: str | None) -> None:
    event = find(events_of(pipeline, text), code)
    if source is not None:
        assert event.source is not None and source in event.source.text
    if target is not None:
        assert event.target is not None and target in event.target.text
    assert text[event.trigger.start : event.trigger.end] == event.trigger.text


# (sentence, code prefix, mode)
MODES = [
    # an undated past told to say who a speaker is: background to what the speaker says
    (
        "Anna Berg, who lost her brother when a bomber set off a device in a cafe, said the verdict was fair.",
        "183",
        "background",
    ),
    ("Okoro, who admitted she was not the favourite, said the race mattered to her.", "010", "asserted"),
    # a bid to do something is an attempt
    ("Kenya and Ghana had bid to host the French president.", "043", "hypothetical"),
    # "going to" plans; "went on" a rampage happened
    ("The army is going to attack the town.", "190", "planned"),
    ("A gunman went on a rampage in the town centre.", "145", "asserted"),
    # an attempt on a named person's life was made, whatever came of it
    ("An attempt to assassinate the deputy governor was thwarted on Monday.", "185", "asserted"),
    ("Gunmen tried to kill President Moise on Monday.", "185", "asserted"),
    ("Rebels tried to kill the villagers.", "1823", "hypothetical"),  # no assassination
    # what a denied report says is denied
    ("The party's chairman denied a report claiming he had warned Mensah the party would lose.", "13", "negated"),
    # ... and so is what a rejected claim or a denied report says
    ("Russia rejected claims that its troops attacked the village.", "19", "negated"),
    ("Reports that the army killed protesters in Lagos were denied.", "18", "negated"),
    # a plan a denied report tells of is denied, not refused by its actor
    ("Mr Okafor dismissed reports the minister told his deputy the mayor would resign.", "08", "negated"),
    # what one side claims or alleges is its claim, whenever it says it happened
    ("Ukraine alleged that Russian forces shelled the town.", "194", "hypothetical"),
    ("The rebels claimed that they had shot down a helicopter.", "19", "hypothetical"),
    ("She hit back at opposition claims she had used the hostages as human shields.", "184", "hypothetical"),
    ("He claimed he and his staff had received death threats.", "13", "hypothetical"),
    ("Police said that the gunmen attacked the bank.", "19", "asserted"),
    ("Rebels claimed responsibility for the attack on the convoy.", "19", "asserted"),
    # what someone is arrested or charged for is alleged; what they were jailed for is told as done
    ("Police arrested three men for attacking a mosque.", "19", "hypothetical"),
    ("The journalist was detained for spying for Israel.", "17", "asserted"),
    # cancelled: it will not take place
    ("The ministry pressed the dockers to cancel the strike.", "143", "negated"),
    # ruled out by a copula
    ("Lifting the embargo on Cuba is out of the question, officials in Washington said.", "124", "asserted"),  # refused
    ("Talks with the rebels are impossible.", "04", "negated"),
    # "without" a noun the event is named beside denies that noun, not the event
    ("The talks ended without a solution to the dock strike by the unions.", "143", "asserted"),
    ("The talks ended without a deal with the unions.", "057", "negated"),
    # an act whose object is "no" thing was not done
    ("The general expressed no regret for the killings.", "055", "negated"),
    ("The minister offered no apology to the victims.", "055", "negated"),
    ("The minister offered an apology to the victims.", "055", "asserted"),  # offering an apology apologises
    ("Talks with the rebels are impossible, the minister said.", "125", "asserted"),  # who rules them out refuses
    # asserted
    ("Russia attacked Ukraine on Tuesday.", "19", "asserted"),
    ("Egypt has praised Jordan.", "051", "asserted"),
    ("Brazil recognizes Palestine.", "054", "asserted"),
    ("Iran accused Israel of the attack.", "112", "asserted"),
    ("Police detained the protest leaders.", "173", "asserted"),
    # negated
    ("China refrained from providing military aid to Russia.", "072", "negated"),
    ("Russia did not attack Ukraine.", "19", "negated"),
    ("Japan has never apologized to China.", "055", "negated"),
    ("Egypt failed to sign the agreement with Sudan.", "057", "negated"),
    ("Neither Chile nor Peru has recognised the new government.", "054", "negated"),
    ("The bank has neither admitted nor denied wrongdoing.", "015", "negated"),
    ("The bank has neither admitted nor denied wrongdoing.", "016", "negated"),
    ("No country has recognised the new government.", "054", "negated"),
    ("Canada has no plans to impose sanctions on India.", "163", "negated"),
    ("Germany did not send tanks to Ukraine.", "072", "negated"),
    ("Kenya didn't condemn the coup in Niger.", "111", "negated"),
    ("Turkey avoided criticizing Russia.", "111", "negated"),
    ("Sweden didn't extradite the activists to Turkey.", "063", "negated"),
    # a bare verb coordinated with another shares its "will", "could" or "not"; after "but" it does not
    ("The president will travel to Lima and meet the Peruvian leader.", "040", "planned"),
    ("Kenya could send troops and impose sanctions on Sudan.", "163", "hypothetical"),
    ("Russia did not attack Ukraine but threatened Poland.", "130", "asserted"),
    ("The bank is eager to finance the new port.", "071", "planned"),
    # "hoping" lemmatised as "hop" is still hoping
    ("The minister is hoping to visit Chile in May.", "042", "hypothetical"),
    # "no" on something named beside the event denies that thing, not the event
    ("No solution is in sight to the national strike by bank workers.", "143", "asserted"),
    # a clause timed by a verb still to come is still to come
    ("The treaty will enter into force when ratified by member states.", "057", "planned"),
    # a "not" the parser hangs on an adverb before the verb still denies it; "not only" does not
    ("Chile did not even ever criticize Peru.", "111", "negated"),
    ("Russia has not only attacked Ukraine but also threatened Poland.", "19", "asserted"),
    ("The talks in Doha ended without an agreement.", "057", "negated"),
    # "would" in what a past reporting verb says is "will" told in the past: a plan, unless it is conditional
    ("Aides said the king would visit Oman in March.", "042", "planned"),
    ("Aides said the king would visit Oman if his health allowed.", "042", "hypothetical"),
    # dated after the story, an event has not happened yet (without a times stage: by its words)
    ("Trade was on the agenda of next week's summit of Gulf leaders.", "04", "planned"),
    # an infinitive of purpose shares its verb's mode
    ("Kenya will send troops to Haiti to fight the gangs.", "19", "planned"),
    # denied, stopped short of, unable to, yet to: not done
    ("Iran denied that it had sent drones to Sudan.", "07", "negated"),
    ("Canada stopped short of imposing sanctions on India.", "163", "negated"),
    ("Qatar was unable to broker a truce between the factions.", "045", "negated"),
    ("The rebels have yet to release the Kenyan hostages.", "0841", "negated"),
    ("Moscow accused Kyiv of shelling the plant, a charge Ukraine denies.", "112", "asserted"),
    # not ruled out: possible; allegedly: claimed
    ("Russia has not ruled out sending troops to Belarus.", "15", "hypothetical"),
    ("The army allegedly shot protesters in the square.", "19", "hypothetical"),
    # a composed request under "tried to" was attempted, not done
    ("Okafor tried to pressure the Ghanaian government to release the files.", "10", "hypothetical"),
    # an act someone is accused of is alleged, not shown
    ("Georgia accused Russian forces of shelling its villages.", "19", "hypothetical"),
    # the anniversary or aftermath of an event looks back at it
    ("Crowds gathered in Tbilisi on the anniversary of Russia's invasion of Georgia.", "19", "background"),
    # the past of what a past "said" reports is the news itself, unless a year before the story dates it
    ("Syria said its troops had captured the airbase near Homs.", "19", "asserted"),
    ("The minister said the two countries had signed a treaty in 1990.", "057", "background"),
    ("The firm said it had not negotiated with the union.", "046", "negated"),
    # "warned that it was ready to retaliate": a threat, not a comment on how things are
    ("France warned the junta that it was ready to hit back after any raid.", "13", "asserted"),
    # a weather service's coloured alert is a forecast, not a threat
    ("Yellow warnings were issued nationwide, and six counties received orange warnings.", "012", "asserted"),
    # a question asserts nothing
    ("Which candidates has Ghana supported in the vote?", "051", "hypothetical"),
    # an imperative asks for an act; nobody has done it
    ("Release the Kenyan hostages now!", "0841", "hypothetical"),
    ("The court disallowed the deportation of the Kenyan activists.", "174", "negated"),
    # refusals: a cooperative act the actor says it will not do is a rejection it makes now (12x)
    ("Germany will not send tanks to Ukraine.", "1222", "asserted"),
    ("Sweden won't extradite the activists to Turkey.", "1213", "asserted"),
    # hypothetical
    ("Washington contemplated sanctioning Chinese banks.", "163", "hypothetical"),
    ("China could provide weapons to Russia.", "072", "hypothetical"),
    ("Russia might attack Moldova.", "19", "hypothetical"),
    ("If Iran attacks Israel, the war will spread.", "19", "hypothetical"),
    ("The extent to which China can assist Russia is unclear.", "07", "hypothetical"),
    ("Poland would criticize Hungary.", "111", "hypothetical"),
    ("Brussels is considering sanctions against Minsk.", "163", "hypothetical"),
    ("The army may arrest the opposition leaders.", "173", "hypothetical"),
    ("Officials discussed expelling the Russian diplomats.", "166", "hypothetical"),
    ("Analysts doubt whether Serbia should recognize Kosovo.", "054", "hypothetical"),
    # planned
    ("Xi and Putin will exchange views on the war.", "0", "planned"),
    ("Putin is set to visit Beijing next week.", "042", "planned"),
    ("India plans to impose tariffs on China.", "163", "planned"),
    ("The president is expected to meet the king of Jordan.", "04", "planned"),
    ("Brazil will host the summit of Mercosur leaders.", "0", "planned"),
    ("NATO is preparing to deploy troops to Romania.", "154", "planned"),
    ("Japan is scheduled to hold talks with Korea.", "04", "planned"),
    ("The minister is to visit Kenya in June.", "042", "planned"),
    ("Ghana intends to expel the Nigerian traders.", "174", "planned"),
    ("Chile is about to sign a treaty with Argentina.", "057", "planned"),
    # background
    ("Russia's 2022 invasion of Ukraine changed Europe.", "19", "background"),
    ("Since the invasion of Kuwait by Iraq, relations stayed cold.", "19", "background"),
    ("Prices rose after Israel's 2006 war with Hezbollah.", "19", "background"),
    ("Prior to Turkey's 2016 incursion into Syria, talks had failed.", "19", "background"),
    ("Trade fell following Britain's 2020 sanctions against Belarus.", "163", "background"),
]


@pytest.mark.parametrize(("text", "code", "mode"), MODES)
def test_mode(pipeline: Pipeline, text: str, code: str, mode: str) -> None:
    assert find(events_of(pipeline, text), code).mode == mode


@pytest.mark.parametrize(
    "text",
    [
        "Norway will give Malawi a large loan, the Norwegian finance minister said.",
        "Norway said it will give Malawi a large loan.",
        "Norway is willing to give Malawi a large loan.",
    ],
)
def test_cooperation_the_actor_announces_is_intent(pipeline: Pipeline, text: str) -> None:
    event = find(events_of(pipeline, text), "03")
    assert event.mode == "planned" and event.cameo == "0331"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Norway will give Malawi a large loan.", "071"),
        ("Norway will give Malawi a large loan, a senior official said.", "071"),
        ("Norway will give Malawi a large loan, Kenyan officials said.", "071"),
        ("The Swedish premier will meet Kenyan leaders during a visit to Nairobi.", "04"),
    ],
)
def test_cooperation_others_report_as_planned_keeps_its_code(pipeline: Pipeline, text: str, code: str) -> None:
    event = find(events_of(pipeline, text), code)
    assert event.mode == "planned"


def test_obligation_stated_by_another_party_is_a_demand(pipeline: Pipeline) -> None:
    event = find(events_of(pipeline, "Britain said Libya must release the prisoners."), "10")
    assert event.source is not None and "Britain" in event.source.text
    assert event.target is not None and "Libya" in event.target.text


def test_visit_is_coded_for_both_sides(pipeline: Pipeline) -> None:
    found = events_of(pipeline, "The Chinese president visited Brazil.")
    visit, host = find(found, "042"), find(found, "043")
    assert visit.trigger == host.trigger
    assert host.source is not None and host.source.text == "Brazil"


def test_peacekeepers_arriving_are_sent_and_received(pipeline: Pipeline) -> None:
    events = events_of(pipeline, "Ghanaian peacekeeping troops arrived in Mali on Tuesday.")
    sent, received = find(events, "074"), find(events, "0861")
    assert sent.target is not None and "Mali" in sent.target.text
    assert received.source is not None and "Mali" in received.source.text
    assert not [e for e in events if e.cameo in ("042", "043")]


def test_coordinated_actors_give_one_event(pipeline: Pipeline) -> None:
    found = [e for e in events_of(pipeline, "Xi and Putin met in Moscow.") if e.cameo and e.cameo.startswith("04")]
    assert len(found) == 1


def test_fallback_actor_codes_from_country_and_sector(pipeline: Pipeline) -> None:
    event = find(events_of(pipeline, "The Russian government condemned the Chinese banks."), "111")
    assert event.source is not None and event.source.code == "RUSGOV"
    assert event.target is not None and event.target.code == "CHNBUS"


def test_event_fields_come_from_the_table(pipeline: Pipeline) -> None:
    event = find(events_of(pipeline, "Egypt praised Jordan."), "051")
    assert (event.plover, event.goldstein, event.quad_class) == ("SUPPORT", 3.4, 1)
    assert 0 < event.confidence <= 1
    assert event.id == "t:e0"


def test_asserted_event_without_a_time_takes_the_anchor(pipeline: Pipeline) -> None:
    assert find(events_of(pipeline, "Egypt praised Jordan."), "051").date == "2024-05-16"


def test_background_event_keeps_its_own_year(pipeline: Pipeline) -> None:
    assert find(events_of(pipeline, "Russia's 2014 annexation of Crimea still matters."), "192").date == "2014"


def test_a_place_in_the_subject_is_not_the_doer(pipeline: Pipeline) -> None:
    events = events_of(pipeline, "The crash in Kasai province killed eleven miners.")
    assert all(e.source is None or "Kasai" not in e.source.text for e in events)


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("When the king visits Oman next month, he will open a port.", "planned"),
        ("The king visited Oman last month.", "asserted"),
    ],
)
def test_an_event_dated_after_the_story_has_not_happened(text: str, mode: str) -> None:
    article = Pipeline().extract(Article(id="t", text=text, published="2024-05-16T10:00:00"))
    assert find(article.events, "042").mode == mode


def test_a_passive_participle_clause_is_done_to_the_main_subject(pipeline: Pipeline) -> None:
    event = find(events_of(pipeline, "Mr Okoro remains in jail, having been charged with fraud."), "173")
    assert event.source is None and event.target is not None and "Okoro" in event.target.text


def test_a_bail_refused_is_a_rejection_not_a_denial(pipeline: Pipeline) -> None:
    events = events_of(pipeline, "The court denied bail to the opposition leader.")
    assert find(events, "12") and not [e for e in events if e.cameo == "016"]


def test_the_one_an_attack_is_blamed_on_is_blamed_not_blaming(pipeline: Pipeline) -> None:
    event = find(events_of(pipeline, "The bombing was blamed on the rebels."), "112")
    assert event.source is None and event.target is not None and "rebels" in event.target.text


def test_a_demand_rejected_in_the_passive_is_not_rejected_by_who_made_it(pipeline: Pipeline) -> None:
    event = find(events_of(pipeline, "The students' demand for a new dean was rejected."), "12")
    assert event.source is None


def test_a_cause_is_not_the_subjects_act(pipeline: Pipeline) -> None:
    events = events_of(pipeline, "The army moved in because of the threat of a dock strike.")
    assert not [e for e in events if e.source is not None and "soldiers" in e.source.text]


def test_a_strike_in_a_story_of_war_is_an_attack(pipeline: Pipeline) -> None:
    text = (
        "Navy jets and armed drones hit a militia depot on Friday. The army said the strike was meant to stop "
        "rocket fire. The militia vowed revenge for the strike."
    )
    strikes = [e for e in events_of(pipeline, text) if e.trigger.text == "strike"]
    assert strikes and all(e.cameo and e.cameo.startswith("19") for e in strikes)


def test_a_strike_in_a_story_of_work_is_a_walkout(pipeline: Pipeline) -> None:
    text = "Bus drivers went on strike on Monday over pay. The army was not involved."
    assert find(events_of(pipeline, text), "143").source is not None


def test_an_attack_spoken_against_or_pointed_to_is_not_the_speakers(pipeline: Pipeline) -> None:
    for text in (
        "The prime minister spoke out against the attack on the embassy.",
        "The minister pointed to the attack on the embassy as proof.",
    ):
        events = events_of(pipeline, text)
        assert not [e for e in events if e.cameo and e.cameo[:2] in ("18", "19") and e.source is not None]


def test_an_attack_nobody_claimed_is_nobodys_and_not_denied(pipeline: Pipeline) -> None:
    events = events_of(pipeline, "No faction has yet claimed responsibility for the blast.")
    attacks = [e for e in events if e.cameo and e.cameo[:2] in ("18", "19")]
    assert all(e.source is None and e.mode != "negated" for e in attacks)


def test_protection_by_troops_is_not_received_peacekeeping(pipeline: Pipeline) -> None:
    events = events_of(pipeline, "UN troops protected the villagers in the valley.")
    assert find(events, "074") and not [e for e in events if e.cameo == "0861"]


def test_violent_words_in_a_story_of_sport_or_song_are_no_violence(pipeline: Pipeline) -> None:
    sport = (
        "Okafor beat two defenders on the left touchline. The striker scored a late goal in the match, and "
        "the coach praised the squad after the league game. The club now leads the championship."
    )
    song = (
        "The band played their new single at the concert. Lindqvist hit the charts with her debut song. "
        "The album topped the chart and the singer thanked her fans after the film premiere."
    )
    rugby = (  # a rugby report: a "clash" is a match, and being "forced" off is an injury
        "Wales and Ireland meet in the Six Nations clash in Cardiff on Saturday. The Wales fly-half was forced "
        "off with a knee injury in the rugby international last week, and the referee awarded a late penalty "
        "to Ireland. The scrum was strong all afternoon, and the stadium was full."
    )
    football = (  # a player sent off and a fixture drawn are no rejection and no meeting
        "The Leeds coach has signed a new contract with the club. The referee dismissed Okafor in the league "
        "match, and the striker missed the cup final. Leeds set up a meeting with Everton in the championship."
    )
    athletics = (  # an athlete withdrawing, a player on loan, a squad's trip
        "Scotland's Mary Okafor withdrew from the relay in Erfurt with a cold. The sprinter joined Leeds on loan "
        "from Glasgow in March. Her coach went on the trip to Madrid with the athletics squad. The marathon and "
        "the 800m close the season of the club."
    )
    for text in (sport, song):
        assert not [e for e in events_of(pipeline, text) if e.cameo and e.cameo[:2] in ("18", "19")]
    assert events_of(pipeline, rugby) == events_of(pipeline, football) == events_of(pipeline, athletics) == []
    riot = "Police beat protesters with batons in the capital. Troops fired on the crowd and killed six people."
    assert find(events_of(pipeline, riot), "18")


def test_an_appeal_to_a_court_is_no_request(pipeline: Pipeline) -> None:
    codes = [e.cameo for e in events_of(pipeline, "The conviction was cut to manslaughter on appeal.")]
    assert codes and not any(c and c.startswith("02") for c in codes)


def test_a_release_of_someone_is_not_their_own_act(pipeline: Pipeline) -> None:
    events = events_of(pipeline, "After his release, Mr Okafor led a strike at the port.")
    assert not [e for e in events if e.cameo and e.cameo.startswith("084") and e.source is not None]


def test_support_a_subject_has_is_not_its_own(pipeline: Pipeline) -> None:
    event = find(events_of(pipeline, "The opposition enjoys broad support among farmers."), "051")
    assert event.source is None and event.target is not None and "opposition" in event.target.text


def test_a_relative_pronoun_for_a_thing_is_no_party(pipeline: Pipeline) -> None:
    event = find(events_of(pipeline, "It was the third night in a row that students protested."), "14")
    assert event.target is None


def test_an_anti_or_pro_name_is_a_stance_not_the_doer(pipeline: Pipeline) -> None:
    for text in ("Crowds gathered at an anti-Brexit march in London.", "Miners joined pro-Russian rallies."):
        events = events_of(pipeline, text)
        assert not [e for e in events if e.source is not None and e.source.text in ("anti", "-", "pro", "Russian")]


def test_a_town_the_model_missed_before_a_battle_is_where_not_who() -> None:
    text = "The militia suffered heavy losses in the Raqqa battle."
    article = Pipeline().extract(Article(id="t", text=text, published="2024-05-16T10:00:00"))
    assert not [e for e in article.events if e.source is not None and e.source.text == "Raqqa"]


def test_a_town_before_a_meeting_noun_is_where_not_who(pipeline: Pipeline) -> None:
    events = events_of(pipeline, "The ministers met at a Nairobi conference on drought.")
    assert not [e for e in events if e.source is not None and e.source.text == "Nairobi"]


def test_a_town_before_an_attack_noun_is_where_not_who(pipeline: Pipeline) -> None:
    events = events_of(pipeline, "A Nairobi car bombing killed four people.")
    assert not [e for e in events if e.source is not None and e.source.text == "Nairobi"]


def test_fighter_jets_are_no_fighters(pipeline: Pipeline) -> None:
    events = events_of(pipeline, "They must not send rifles, fighter jets and bombs.")
    assert not [e for e in events if e.target is not None and "fighter" in e.target.text]


def test_a_city_as_a_party_carries_its_country() -> None:
    text = "The Kenyan president arrived in Lima on Monday."
    article = Pipeline().extract(Article(id="t", text=text, published="2024-05-16T10:00:00"))
    visit = find(article.events, "042")
    assert visit.target is not None and visit.target.code == "PER"


def test_it_in_what_a_person_says_is_not_the_person(pipeline: Pipeline) -> None:
    events = events_of(pipeline, '"It looks like a massacre," a police spokesman said.')
    assert not [e for e in events if e.source is not None and "spokesman" in e.source.text]


def test_a_trailing_participle_shares_the_date_of_its_verb() -> None:
    text = "In 1975, revolutionaries seized the palace, taking dozens of guards hostage."
    article = Pipeline().extract(Article(id="t", text=text, published="2024-05-16T10:00:00"))
    assert find(article.events, "181").date == "1975"


def test_a_sentence_in_another_script_gives_no_events(pipeline: Pipeline) -> None:
    text = (
        "Police in Nairobi arrested ten protesters on Monday. Officials said the march had been banned. "
        "\u092f\u0939\u093e\u0901 \u0932\u094b\u0917 personal loan \u0932\u0947\u0924\u0947 "
        "\u0939\u0948\u0902, demand \u0915\u0930\u0924\u0947 \u0939\u0948\u0902\u0964"
    )
    events = events_of(pipeline, text)
    assert events and all(e.trigger.text not in ("loan", "demand") for e in events)


def test_a_singular_pronoun_is_not_a_plural_speaker(pipeline: Pipeline) -> None:
    events = events_of(pipeline, "Health officials confirmed it had killed three people in the province.")
    assert all(e.source is None or "officials" not in e.source.text for e in events)


def test_a_state_of_emergency_is_not_a_party(pipeline: Pipeline) -> None:
    event = find(events_of(pipeline, "Peru's cabinet declared a state of emergency across Lima."), "17")
    assert event.target is None or "state" not in event.target.text


@pytest.mark.parametrize(
    "text",
    [
        "The weather in Paris was mild on Tuesday.",
        "Shares of the company rose three percent.",
        "The museum opened a new wing for modern art.",
        "She said the film was long.",
        "Trade between the two neighbours was worth 12 billion euros last year.",
        "Aid to the region rose to 300 million dollars in 2023.",
        "Firefighters said water bombing from helicopters was ruled out.",
        "The new phone will go on sale in Europe on 11 March.",
        "The central bank left interest rates on hold for a third month.",
        "Membership of the party has declined since 1990.",
        "After the founder retired, his daughter took over as chair.",
        "The engineer demonstrated a new irrigation pump to farmers.",
        "The ministry released a report on rainfall on Friday.",
        "Warm currents contribute to the storms.",
        "She wore a medal conferred by the university.",
        "The firm has promising fields to drill off Norway.",
        "The critical question remains unanswered.",
        "The prime minister was evacuated to a hospital in Auckland.",
        "The injured governor was flown to a clinic in Nairobi.",
        "The earthquake killed 300 people in Nepal.",
        "A typhoon struck the coast of Luzon on Monday.",
        "Two hikers were killed by lightning in Montana.",
        "The leaders met a cool reception in Brussels.",
        "The Peruvian foreign ministry described the attack as a grave violation.",
        "Journalists filmed the shelling of the town.",
        "Demand for copper fell sharply in March.",
        "The government protected its steel industry from imports.",
        "The senator died after a two-year battle with leukaemia.",
        "The government stepped up its fight against corruption.",
        "The coach hit the wall of the underpass.",
        "The coach is fighting for his job after three defeats.",
        "The singer had to battle alcoholism for years.",
        "Wales beat Italy 30-20 in Rome on Saturday.",
        "Gold reserves hit a record 61 billion euros in May.",
        "Mr Okafor has won a court battle over his royalties.",
        "The levy will hit the poorest households hardest.",
        "The carrier Air Ruanda was hit in 2009 by fierce price competition.",
        "Labour hit back at the claims on Sunday.",
        "The winter sales failed to help the High Street recover.",
        "The new figures support the view that prices rose.",
        "Mr Okafor said he has made a great deal of money.",
        "Dr Okafor was met with applause on Monday.",
        "Okafor: Many thanks for making time to talk to us.",
        "Trading in shares of Okafor Holdings was suspended.",
        "A price war broke out between the airlines.",
        "A helicopter landed on the lawn, flying the senator to a hospital.",
        "The death toll from the earthquake rose to 300.",
        "The death toll in the bus crash rose to twelve.",
        "The prime minister arrived back from Brussels on Friday.",
        "The delegation flew home on Sunday.",
        "The mill is cutting costs to meet weaker demand for steel.",
        "The bank planned to reinforce its presence in Asia.",
        "The Tories were hitting home.",
        "Mensah was admitted to the Royal Society of Chemistry in 2001.",
        "Britain said Iraqis must know that the war is over.",
        "Tax regulators recognised the principle of offsetting losses.",
        "The yen has fallen since the Paris currency accord.",
        "Users cannot deploy the software in their own environment.",
        "Mensah Textiles was threatened with collapse after losing its main buyer.",
        # support measured by polls is opinion, not backing given; a player traded is no commerce
        "Several polls showed national support for the mayor at two percent of voters.",
        "Support for the Liberal Party fell sharply in the spring.",
        "Last summer the Bulls traded him to the Celtics.",
        # "of little help" says what something is like; "there is a threat" is a risk, with nobody threatening
        "It is of little help to the premier that relations remain tense.",
        "The loan was of great help to Kenya.",
        # someone carried somewhere makes no visit
        "The injured climber was found alive and flown to Lima for treatment.",
        # a web page visited, things that appeal
        "The firm keeps logs of the sites that people visit.",
        "One wonders whether such phones will appeal to older buyers.",
        # business: exporting members, loans counted, a hostile takeover of a company
        "The cocoa body has 9 importing and 31 exporting members.",
        "Loans to Mexico were 5.3 billion dollars in 2023.",
        "The government wants to make sure legal aid is not abused.",
        # demand for goods met, a season arriving
        "The Chinese trader said that soybean demand has been met by recent imports from Brazil.",
        "Farmers in Malawi are waiting for the arrival of the monsoon.",
        "The hospital has deployed every necessary preparation to admit the injured.",
        "Ms Ardern said her party had learned to occupy the centre ground of politics.",
        "The brewer may be planning a hostile takeover of Mensah Foods.",
        # what vehicles run into: an accident
        "A crop-spraying plane struck power lines and came down near Tamale.",
        "The lorry driver struck a guard rail and overturned on the motorway.",
        # a firm investing in its own plant is business, not relations
        "The company said it invested 209 million dollars in property, plant and equipment in 2023.",
        "There is a greater threat to laptops than to phones.",
        "The firm sold assets to meet a large tax bill.",
        "Its customers in Asia will be charged 17 dollars per barrel in May.",
        "It was the fourth underground blast at the test site this year.",
        "Brazil must negotiate their way past a hard group.",
        "Critics have recognised Mary Okafor at last.",
        "Okafor gained national recognition during her run for the Senate.",
        "Ghana meets the first criterion but not the second.",
        "Regulators should stop trying to fight the gloomy mood of investors.",
        "Wikinews accredited reporter Mary Okafor reached out to the campaign.",
        # spaceflight and business launches attack and investigate nobody
        "The agency launched a rocket carrying a weather satellite on Monday.",
        "The firm fired the rocket's engines to raise its orbit.",
        "India launched a probe to the Moon.",
        "The company launched a marketing operation in Europe.",
    ],
)
def test_no_event(pipeline: Pipeline, text: str) -> None:
    assert events_of(pipeline, text) == []


# (sentence, code prefix, source word or None, target word or None): the speech-act conventions documented in
# the header of event_patterns.toml, and codebook wordings added in round 2.
SPEECH_ACTS = [
    # "X said Y must / should act": a demand or an appeal, even when the act itself is not coded
    ("Japan said North Korea must stop its missile tests.", "100", "Japan", "North Korea"),
    ("France said Iran should release the two journalists.", "025", "France", "Iran"),
    ("Egypt urged Israel to respond to the proposal.", "020", "Egypt", "Israel"),
    ("The president repeated his demand that Syria withdraw its troops.", "1056", "president", "Syria"),
    # a hostile act made conditional is a threat; an unconditional one keeps its code
    ("Turkey may suspend the talks with Greece if the drilling continues.", "134", "Turkey", "Greece"),
    ("The European Union will impose sanctions on Belarus.", "163", "European Union", "Belarus"),
    # refusals, intents and agreements
    ("Hungary will not accept more migrants from Serbia.", "12", "Hungary", None),
    ("Chile is ready to sign a treaty with Peru.", "03", "Chile", "Peru"),
    ("Israel and Jordan reached an agreement to share intelligence.", "0314", "Israel", None),
    ("Ghana and Togo agreed that the border should be reopened.", "03", "Ghana", None),
    ("The army pledged to hand over the suspects to Kenya.", "0313", "army", "Kenya"),
    # the party that undergoes a nominal event after "under"
    ("The mayor came under attack from rebels.", "19", "rebels", "mayor"),
    # codebook wordings
    ("Oman upgraded its relations with Qatar.", "050", "Oman", "Qatar"),
    ("The union called off the strike.", "082", "union", None),
    ("Hackers defaced the ministry's website.", "176", "Hackers", None),
    ("Chile and Peru staged war games off the coast.", "062", "Chile", None),
    ("Kenya received election monitors from the African Union.", "086", "Kenya", None),
    ("Prosecutors opened an inquiry into the bombing.", "09", "Prosecutors", None),
    ("Russia strengthened its garrison on the island.", "154", "Russia", None),
    ("Border guards stayed on alert all week.", "152", "guards", None),
    ("Police cordoned off the square.", "144", "Police", None),
    ("Aid workers evacuated injured civilians from the camp.", "073", "workers", None),
]


@pytest.mark.parametrize(("text", "code", "source", "target"), SPEECH_ACTS)
def test_speech_act(pipeline: Pipeline, text: str, code: str, source: str | None, target: str | None) -> None:
    test_construction(pipeline, text, code, source, target)


def test_an_event_a_verb_happens_in_is_not_the_verbs_subjects(pipeline: Pipeline) -> None:
    found = events_of(pipeline, "Chile urged Peru to help win a seat for it in the coming peace talks.")
    assert [e.cameo[:2] for e in found if e.cameo] == ["02"]  # the talks are where the seat is, no event of Peru's
    taking_part = find(events_of(pipeline, "Peru took part in talks with Chile on Monday."), "04")
    assert taking_part.source is not None and "Peru" in taking_part.source.text


def test_a_place_near_the_event_is_not_its_doer(pipeline: Pipeline) -> None:
    event = find(events_of(pipeline, "A roadside blast near Hilla killed three farmers."), "18")
    assert event.source is None


def test_leaving_a_place_is_no_event(pipeline: Pipeline) -> None:
    assert events_of(pipeline, "Ethiopia departs from Libya after five years.") == []


def test_main_event_is_the_root_predicate(pipeline: Pipeline) -> None:
    found = events_of(pipeline, "The rebels, who had kidnapped two engineers, released the hostages.")
    assert max(found, key=lambda e: e.confidence).cameo == "0841"


def test_reported_event_is_the_main_event(pipeline: Pipeline) -> None:
    found = events_of(pipeline, "The militia said it will free the journalists it had seized in March.")
    main = max(found, key=lambda e: e.confidence)
    assert main.cameo is not None and main.cameo.startswith("035")


def test_protest_absorbs_the_demand_it_makes(pipeline: Pipeline) -> None:
    found = events_of(pipeline, "Thousands of workers marched in Lagos to demand higher wages.")
    assert [e.cameo[:2] for e in found if e.cameo] == ["14"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The dockers' union said it would blockade the port from Monday.", "13"),
        ("The governor of Lagos said he will impose a curfew on the city.", "132"),
        ("Mali's army said it is ready to declare a state of emergency in the north.", "132"),
    ],
)
def test_hostile_act_the_actor_announces_is_a_threat(pipeline: Pipeline, text: str, code: str) -> None:
    event = find(events_of(pipeline, text), "13")
    assert event.cameo is not None and event.cameo.startswith(code) and event.mode == "asserted"


def test_unconditional_future_attack_is_planned_not_a_threat(pipeline: Pipeline) -> None:
    assert find(events_of(pipeline, "The army will attack the rebel base tomorrow."), "19").mode == "planned"


@pytest.mark.parametrize(
    "text",
    [
        "An embargo on oil would not work, analysts said.",  # an option talked about, with nobody doing it
        "Prices rose with the effort to meet demand for steel.",  # a lexicon word in a side clause, no doer
        "Analysts agree that disputes should be settled in court.",  # "should" with no party addressed
    ],
)
def test_mention_is_not_an_event(pipeline: Pipeline, text: str) -> None:
    assert not [e for e in events_of(pipeline, text) if e.cameo and e.cameo[:2] in ("16", "08", "02", "10")]


@pytest.mark.model
def test_an_act_a_court_blocked_is_not_asserted() -> None:
    from dateline.model import Article
    from dateline.pipeline import Pipeline

    text = "The court blocked the government from deploying troops to the border on Monday."
    article = Pipeline().extract(Article(id="blk", text=text))
    deploy = [e for e in article.events if e.trigger.text == "deploying"]
    assert deploy and deploy[0].mode == "negated"


# (sentence, code prefix of the main event, source word or None, target word or None): the matrix act wins over
# the clause it governs, and the clause yields no event of its own.
MATRIX_ACTS = [
    ("Greece demanded that its partners refuse to admit the envoy.", "100", "Greece", "partners"),
    ("The parliament threatened to break relations with Moscow.", "1313", "parliament", "Moscow"),
    ("Britain promised to keep up its military aid for Kenya.", "0332", "Britain", "Kenya"),
    ("Peru gave Bolivia an ultimatum to stop the raids.", "139", "Peru", "Bolivia"),
    ("The union renewed its demand on Monday that Chile lift the restrictions.", "105", "union", "Chile"),
    ("The rebels said they would free the hostages.", "035", "rebels", "hostages"),
    ("Chile was heavily criticized over the dispute.", "111", None, "Chile"),
    ("Egypt warned that the blockade would harm the region.", "012", "Egypt", None),
    ("The two ministers clashed over the budget plan.", "110", "ministers", None),
]


@pytest.mark.parametrize(("text", "code", "source", "target"), MATRIX_ACTS)
def test_matrix_act_is_the_only_event(
    pipeline: Pipeline, text: str, code: str, source: str | None, target: str | None
) -> None:
    found = events_of(pipeline, text)
    assert [e.cameo[: len(code)] for e in found if e.cameo] == [code]
    test_construction(pipeline, text, code, source, target)


@pytest.mark.parametrize(
    ("text", "roots"),
    [
        ("The militia vowed to fight the army until the government resigns.", {"13"}),  # a condition
        ("Norway signed a deal to supply wheat to Iceland.", {"05"}),  # what the deal is to do
        ("The Asia-Pacific Economic Cooperation forum agreed to set up a research centre.", {"03"}),  # a name
        ("Chile was in agreement with Peru on the matter.", set()),  # a state, not a signed accord
        ("The park will be managed with assistance from the World Bank.", set()),  # the means of another act
        ("Kenya said in a statement that it condemned the attack.", {"11"}),  # how it was said
        ("According to an army press release, troops shelled the town.", {"19"}),  # a document
        ("They issued a statement.", set()),  # nobody the sentence names
    ],
)
def test_word_of_the_lexicon_that_is_no_event(pipeline: Pipeline, text: str, roots: set[str]) -> None:
    assert {e.cameo[:2] for e in events_of(pipeline, text) if e.cameo} == roots


def test_relative_pronoun_stands_for_its_noun(pipeline: Pipeline) -> None:
    event = find(events_of(pipeline, "Sweden criticized Macedonia, which had attacked the rebels."), "19")
    assert event.source is not None and event.source.text == "Macedonia"


def test_the_subject_behind_a_dateline_parsed_as_its_apposition() -> None:
    from dateline.stages.metadata import Metadata

    with_dateline = Pipeline([Metadata(), Sentences(), Entities(), Events()])
    text = (
        "Treaty signed\n\nLIMA, March 3, 2025 (Example Wire) - Peru and Chile signed a border treaty on Monday, "
        "cutting tariffs on copper and fish."
    )
    events = with_dateline.extract(Article(id="t", text=text, published="2025-03-03")).events
    signed = find(events, "057")
    assert signed.source is not None and signed.source.text == "Peru and Chile"
    assert find(events, "085").trigger.text == "cutting"  # cutting tariffs eases them; it imposes nothing
    assert not [e for e in events if e.cameo and e.cameo.startswith("163")]


@pytest.mark.parametrize(
    "text", ["Canada agreed to lower tariffs on steel.", "The two governments will scrap duties on wine."]
)
def test_lowering_or_scrapping_tariffs_eases_them(pipeline: Pipeline, text: str) -> None:
    assert find(events_of(pipeline, text), "0").cameo in {"085", "0354"}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Six villagers were killed in the attack on the market.", "1823"),  # any attacker: no sign of an army
        ("The minister was assassinated in the raid.", "186"),  # an assassination is an act of its own
        ("Nine passengers were injured when the bus crashed.", "182"),  # no weapon
        ("Thousands of students marched to the border.", "141"),  # a crowd on the march protests
    ],
)
def test_violence_not_coded_as_military_attack(pipeline: Pipeline, text: str, code: str) -> None:
    assert find(events_of(pipeline, text), code[:2]).cameo == code


def test_deaths_in_a_raid_are_its_toll(pipeline: Pipeline) -> None:
    events = events_of(pipeline, "Turkish jets carried out raids in which officials said 30 villagers were killed.")
    killed = next(e for e in events if e.trigger.text == "killed")
    assert killed.cameo == "190" and killed.source is not None and killed.source.text == "Turkish jets"


def test_a_place_after_the_weapon_is_where_not_who(pipeline: Pipeline) -> None:
    event = find(events_of(pipeline, "Nine fishermen were killed by a car bomb in Baghdad."), "1832")
    assert event.source is None and event.target is not None and event.target.text == "fishermen"


def test_a_match_report_visits_meets_and_denies_nobody(pipeline: Pipeline) -> None:
    text = (
        "Wales visit Rome on Saturday and will meet Italy again in the league next season. A late tackle denied "
        "Scotland a try, and the coach praised the squad after the match. The club leads the championship."
    )
    assert not [e for e in events_of(pipeline, text) if e.cameo and e.cameo[:2] in ("01", "04")]


@pytest.mark.parametrize(
    "text",
    [
        "Nokia released its new folding phone on Tuesday.",
        "The band's album Northern Lights has climbed the chart despite being released a year ago.",
        "The new app, just released this week, is free.",
        "The game has sold two million copies since its release.",
    ],
)
def test_a_product_released_is_nobody_set_free(pipeline: Pipeline, text: str) -> None:
    assert not [e for e in events_of(pipeline, text) if e.cameo and e.cameo.startswith("084")]


def test_the_one_expected_to_be_released_is_released_not_releasing(pipeline: Pipeline) -> None:
    event = find(events_of(pipeline, "The journalist was expected to be released on Monday."), "0841")
    assert event.source is None and event.target is not None and event.target.text == "The journalist"


@pytest.mark.parametrize(
    "text",
    [
        "The new console will allow players to share games.",
        "A knee injury denied Okafor a place in the final.",
        "Sony launched its Walkman branded phone in Berlin.",
    ],
)
def test_things_allow_deny_and_brand_nobody(pipeline: Pipeline, text: str) -> None:
    assert not [e for e in events_of(pipeline, text) if e.cameo and e.cameo[:2] in ("01", "08", "11", "12")]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The company warned that it was short of cash.", "012"),  # how things are: a gloomy comment
        ("The minister warned the council would have to cut spending.", "012"),
        ("Iran warned that it would retaliate against Israel.", "130"),  # its own act to come: a threat
        ("The army warned it would have no choice but to act.", "130"),
    ],
)
def test_a_warning_of_how_things_are_is_no_threat(pipeline: Pipeline, text: str, code: str) -> None:
    assert find(events_of(pipeline, text), code[:2]).cameo == code


def test_a_verb_inside_a_name_is_no_event(pipeline: Pipeline) -> None:
    events = events_of(pipeline, "The Committee to Protect Journalists condemned the arrest of Mr Okafor.")
    assert not [e for e in events if e.trigger.text == "Protect"]
    assert find(events, "111")


def test_meeting_a_rule_or_target_is_no_meeting(pipeline: Pipeline) -> None:
    assert not [
        e for e in events_of(pipeline, "The cuts help the chancellor meet his golden rule.") if e.cameo == "040"
    ]


def test_the_noun_before_an_absolute_participle_undergoes_it(pipeline: Pipeline) -> None:
    event = find(events_of(pipeline, "The storm hit the coast, with at least 300 villagers killed."), "18")
    assert event.source is None and event.target is not None and "villagers" in event.target.text


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("The minister gave a press conference on Monday.", {"010"}),  # a statement, not a meeting
        ("The minister told a news conference that Egypt would send aid.", {"070"}),  # where it was said
        ("The president said at a press conference that Egypt would send aid.", {"070"}),
    ],
)
def test_a_press_conference_is_a_statement_or_where_one_was_made(
    pipeline: Pipeline, text: str, codes: set[str]
) -> None:
    assert {e.cameo for e in events_of(pipeline, text)} == codes


@pytest.mark.parametrize(
    "text",
    [
        "Okafor Inc shares will trade on Nasdaq.",  # things trade, parties do not
        "Goldman sold securities backed by the loan receivables of Midland Bank.",  # backed by a thing
        "Nokia filed a registration statement for its bond sale.",  # a filing, not a statement
        "At its annual shareholder meeting, the company said profits rose.",
        "Fifty former officials signed a letter saying the story was false.",
        "Senator Okafor withdrew from the race in March.",  # a contest left, no forces pulled back
        "Officers arrived within minutes and held the suspect.",  # called to a scene, not a visit
        "After three days, the president was released from hospital.",  # discharged, not set free
    ],
)
def test_business_and_daily_life_words_that_are_no_political_event(pipeline: Pipeline, text: str) -> None:
    codes = {e.cameo for e in events_of(pipeline, text) if e.cameo}
    assert not codes & {"061", "051", "010", "040", "057", "087", "042", "0841"}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The senator attacked the governor for getting rich in office.", "111"),  # words, with a reason
        ("The senator attacked the government's immigration policy.", "111"),  # what someone did or said
        ("Russia attacked Ukraine on Tuesday.", "190"),  # a date is no reason
        ("Elizabeth Warren attacked Mitt Romney on paying fewer taxes.", "111"),  # the reason as a clause
        ("The senator attacked the government over its handling of the floods.", "111"),  # a politician's words
        ("The opposition leader attacked the president for his silence.", "111"),
        ("Okafor attacked the embassy over the weekend.", "190"),  # a time is no reason
        ("Rebels attacked the convoy on the highway.", "190"),  # nor a road
    ],
)
def test_an_attack_in_words_is_criticism(pipeline: Pipeline, text: str, code: str) -> None:
    assert find(events_of(pipeline, text), code[:2]).cameo == code


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ('"We must get the treaty done," the prime minister said.', set()),  # a resolve the speaker shares
        ("Tesco ordered more stock, while Lidl said it would wait.", set()),  # goods ordered, nobody asked
        ("The villa served as a country retreat for the bishop.", set()),  # a house, not forces pulled back
        ("Johnson said Britain would help protect the rainforest.", set()),
        ("The general ordered the army to withdraw.", {"1056"}),  # an order to a party stands
    ],
)
def test_resolves_goods_and_houses_are_no_events(pipeline: Pipeline, text: str, codes: set[str]) -> None:
    assert {e.cameo for e in events_of(pipeline, text)} == codes


@pytest.mark.parametrize(
    ("text", "roots"),
    [
        ("Japan helped to rebuild the port.", set()),  # taking part in a deed, nobody helped
        ("The US helped Iraq rebuild its army.", {"07"}),  # Iraq was helped
        ("Japan helped Haiti after the storm.", {"07"}),
    ],
)
def test_helping_with_a_deed_is_no_aid_unless_someone_is_helped(pipeline: Pipeline, text: str, roots: set[str]) -> None:
    assert {e.cameo[:2] for e in events_of(pipeline, text) if e.cameo} == roots


def test_fighting_given_as_a_cause_is_an_event_of_its_own(pipeline: Pipeline) -> None:
    text = "Turkey closed its border with Iraq because of fighting between Kurds and Arabs."
    events = events_of(pipeline, text)
    assert find(events, "191").source is not None  # closing a border restricts movement (the codebook's 191)
    fighting = find(events, "190")
    assert fighting.source is not None and fighting.source.text == "Kurds and Arabs"


@pytest.mark.parametrize(
    ("text", "consults"),
    [
        ("Israel's cabinet met on Sunday and approved the budget.", 0),  # a body in session
        ("The council met with Iranian officials on Sunday.", 1),  # another party named
    ],
)
def test_a_body_in_session_meets_nobody(pipeline: Pipeline, text: str, consults: int) -> None:
    assert len([e for e in events_of(pipeline, text) if e.cameo == "040"]) == consults


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("The network pulled its reporters out of the region.", set()),  # no forces pulled back
        ("The company withdrew its bid for the port.", set()),
        ("The deputy could take over the duties of the chairman.", set()),  # a post, not a territory
        ("Kenya will evacuate all twelve outposts in the north.", {"087"}),  # places given up
    ],
)
def test_what_is_withdrawn_or_taken_over_decides(pipeline: Pipeline, text: str, codes: set[str]) -> None:
    assert {e.cameo for e in events_of(pipeline, text)} == codes


def test_forces_withdrawn_from_a_country_target_it(pipeline: Pipeline) -> None:
    event = find(events_of(pipeline, "Russia withdrew its troops from Syria."), "087")
    assert event.target is not None and event.target.text == "Syria"


@pytest.mark.parametrize(
    "text", ["The bill allows China to extradite suspects.", "A law that would have allowed Iran to extradite them."]
)
def test_an_act_a_law_allows_is_possible_not_done(pipeline: Pipeline, text: str) -> None:
    assert find(events_of(pipeline, text), "063").mode == "hypothetical"


@pytest.mark.parametrize(
    "text",
    [
        "The candidate never rose above 4 percent support in the polls.",  # a poll figure
        "Florida Highway Patrol described the scene.",  # the last word of a name
    ],
)
def test_poll_figures_and_names_are_no_events(pipeline: Pipeline, text: str) -> None:
    assert events_of(pipeline, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Ted Heath snatched victory from Labour in 1970.",  # a win, not an abduction
        "Even allowing for the bias against the Tories, they are still behind.",  # taking into account
        "The chancellor talked about a fresh budget.",  # one speaker, nobody consulted
        "Mensah spoke at her party's annual conference in Accra.",  # a party's own gathering
    ],
)
def test_politics_at_home_words_that_are_no_events(pipeline: Pipeline, text: str) -> None:
    assert events_of(pipeline, text) == []


def test_parties_talking_to_each_other_consult(pipeline: Pipeline) -> None:
    assert find(events_of(pipeline, "Xi and Putin talked for two hours."), "040").mode == "asserted"


def test_a_possible_attack_has_not_happened(pipeline: Pipeline) -> None:
    assert find(events_of(pipeline, "Kenya is ready for a possible attack by the militants."), "19").mode == (
        "hypothetical"
    )


def test_a_persons_withdrawal_is_no_pullback_and_a_countrys_targets_where_it_leaves(pipeline: Pipeline) -> None:
    assert events_of(pipeline, "Her withdrawal was announced at a news conference in Ottawa.") == []
    event = find(events_of(pipeline, "Russia's withdrawal from Syria began in March."), "087")
    assert event.source is not None and event.source.text == "Russia"
    assert event.target is not None and event.target.text == "Syria"


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Okafor, the premier, was evacuated on Wednesday from the capital to a hospital.", set()),  # to safety
        ("Kenya will evacuate all twelve outposts in the north.", {"087"}),  # places given up
        ("The NHC warned of flash floods in the Bahamas.", {"012"}),  # harm nobody does
        ("Iran warned of a crushing response.", {"130"}),  # its own act to come
        ("The judge was removed from office for perjury and obstructing justice.", set()),  # no road blocked
        ("The prime minister signed a decree on face veils.", set()),  # a decree is no accord
    ],
)
def test_evacuations_forecasts_and_decrees(pipeline: Pipeline, text: str, codes: set[str]) -> None:
    assert {e.cameo for e in events_of(pipeline, text)} == codes


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Senators who have attacked previous privatisations may stall the bill.", {"111"}),  # words on a policy
        ('"Public spending ought to be paid from oil income," Mr Okafor said.', set()),  # nobody asked
        ("Turkmenistan cut off gas supplies to Ukraine.", {"163"}),  # an economic weapon, not a siege
        ("The army cut off supplies to the besieged town.", {"191"}),
        ("The watchdog disliked the bank's decision to speak openly about the merger.", set()),  # speaking out
        ("The presence of foreign troops feeds the insurgency, he said.", set()),  # a cause, not the insurgents
    ],
)
def test_policies_attacked_supplies_cut_and_causes(pipeline: Pipeline, text: str, codes: set[str]) -> None:
    assert {e.cameo for e in events_of(pipeline, text)} == codes


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("The storm blocked roads and forced thousands of civilians to evacuate.", set()),  # nature did it
        ("Police vans arrived at the park.", set()),  # vehicles at a scene
        (
            "The rule would let anyone living in or visiting Macau be sent to the mainland.",
            set(),
        ),  # a kind of people
        ("Chinese leaders visiting Moscow signed deals.", {"042", "043", "057"}),  # a party's visit
        ("Two thousand US troops arrived in Poland on Monday.", {"154"}),  # forces deployed, not visitors or hosts
        ("Russian soldiers arrived in the border town.", {"154"}),
        # a crowd that rallies against something demonstrates; a party rallies others against it
        ("Thousands rallied in Bangkok against the government.", {"141"}),
        ("Hundreds of students rallied against the fee rise.", {"141"}),
        ("The president rallied African leaders against the coup.", {"113"}),
        ("The governor held her first campaign rally in Dayton.", set()),  # campaigning, not protest
        ("The chef armed himself with a fire extinguisher.", set()),  # no one was given arms
        ("The prime minister stepped down after the vote.", {"0831"}),
        ("A security camera captured their arrival at the hotel.", set()),  # a recording, not a seizure
        ("The company halted production at the plant.", set()),  # work halted, not fighting
        ("The director highlighted detentions without trial at the camp.", set()),  # pointed to, not done
        ("The charities had to recognise that new dangers existed.", set()),  # knowing, not recognising a state
        ("The sprinter was recognised for the finest season of her career.", set()),  # an honour
        ("The firm, while trading under the name Northstar, went bankrupt.", set()),
        ("The president was admitted to hospital as a precaution.", set()),  # no admission of guilt
        ("Senator Elizabeth Warren asked whether the treaty was legal.", set()),  # a question, not an appeal
        ("A bat attacked the Libertarian Party's presidential nominee.", set()),  # an animal
        ("Lions, tigers and Kenya welcomed the resumption of ties with Uganda.", {"051"}),  # Kenya acts
        ("In the week before her arrest the mayor gave interviews to local radio.", set()),  # "in" before "gave"
        ("Shares in Vodafone sank after the company issued a profit warning.", set()),  # business news
        ("The bond fell to a low in early Tokyo trade.", set()),  # a market session
        (
            "The Dunes will support Coldplay on the band's world tour.",
            set(),
        ),  # a support act on a band's tour: no visit
        ("Tokyo is striving to meet American complaints about its trade practices.", {"114"}),  # no meeting
        ("The ministry's bonds yielded eight percent last year.", set()),  # no one yielded
        ("The army halted its offensive on the city.", {"0871"}),
        # "it" after a sentence about a fire or a storm is the fire or the storm
        ("A fire broke out in the market on Sunday. It killed nine traders and destroyed the stalls.", set()),
        ("The cyclone reached the coast at dawn. It killed twelve fishermen.", set()),
        ("The militia entered the town at dawn. It killed twelve villagers.", {"1823"}),  # a body it may be
        ("Typhoon Rai made landfall on Tuesday, killing at least 20. It also forced 5,000 people to flee.", set()),
        ("The area was hit by Hurricane Ida, which killed over 100 people.", set()),  # a storm by its name
        ("Heavy rain killed ten people in the north.", set()),  # the weather is no party
    ],
)
def test_storms_vans_and_kinds_of_people(pipeline: Pipeline, text: str, codes: set[str]) -> None:
    assert {e.cameo for e in events_of(pipeline, text)} == codes


@pytest.mark.parametrize(
    ("text", "code", "mode"),
    [
        ("Russia threatened Ukraine and then attacked it.", "19", "asserted"),  # a sibling verb is no frame
        ("The protesters' demands include an investigation by the police.", "09", "hypothetical"),  # asked for
    ],
)
def test_modes_of_siblings_and_demands(pipeline: Pipeline, text: str, code: str, mode: str) -> None:
    assert find(events_of(pipeline, text), code).mode == mode


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Readers in Asia could not visit the official website of the ministry.", set()),  # a page
        ("The warnings told how firms could protect themselves against attacks.", set()),  # guarding oneself
        ("The agency was set up following the 2005 bombings.", set()),  # a time
    ],
)
def test_web_pages_oneself_and_times_are_no_events(pipeline: Pipeline, text: str, codes: set[str]) -> None:
    assert {e.cameo for e in events_of(pipeline, text) if e.source is not None} == codes


def test_a_tour_of_a_continent_goes_there_and_a_police_raid_is_by_the_police(pipeline: Pipeline) -> None:
    tour = find(events_of(pipeline, "The chancellor's six-day tour of Africa ended on Friday."), "042")
    assert tour.source is not None and "chancellor" in tour.source.text
    raid = find(events_of(pipeline, "The army offensive began on Monday."), "190")
    assert raid.source is not None and raid.source.text == "army"


def test_an_event_during_which_the_subject_acts_may_be_its_own(pipeline: Pipeline) -> None:
    # "after" an event is a time; "during" it the subject may be taking part ("threw stones during demonstrations")
    text = "Students resorted to throwing bottles during protests against the police."
    demonstration = find(events_of(pipeline, text), "14")
    assert demonstration.source is not None and "Students" in demonstration.source.text


def test_a_particle_parsed_as_an_adverb_still_selects_the_pattern(pipeline: Pipeline) -> None:
    event = find(events_of(pipeline, "The senator backed away from the deal with Iran."), "080")  # not "backed" (051)
    assert event.source is not None and "senator" in event.source.text
    assert not [e for e in events_of(pipeline, "The senator backed away from the deal with Iran.") if e.cameo == "051"]


def test_a_passive_clause_after_a_preposition_is_done_to_the_main_subject(pipeline: Pipeline) -> None:
    events = events_of(pipeline, "Two reporters were hurt after being attacked by rioters.")
    attack = next(e for e in events if e.trigger.text == "attacked")
    assert attack.source is not None and attack.source.text == "rioters"
    assert attack.target is not None and "reporters" in attack.target.text


def test_a_country_named_before_a_journey_is_where_it_goes(pipeline: Pipeline) -> None:
    events = events_of(pipeline, "The former minister's husband spoke during a Canadian lecture tour.")
    assert not [e for e in events if e.cameo == "042" and e.source and e.source.text == "United States"]
    war = events_of(pipeline, "Critics of the Iraq war marched in London.")
    assert not [e for e in war if e.cameo and e.cameo[:2] == "19" and e.source and e.source.text == "Iraq"]
    tour = find(events_of(pipeline, "The pope began an African tour on Monday."), "042")
    assert tour.source is not None and tour.source.text == "The pope"  # not "African"
    trip = find(events_of(pipeline, "Obama's China trip ended on Friday."), "042")
    assert trip.source is not None and trip.source.text == "Obama"
    assert trip.target is not None and trip.target.text == "China"


@pytest.mark.parametrize(
    ("text", "code", "source"),
    [
        ("Italian and Spanish warships began a week of war games off Sardinia.", "062", "warships"),
        ("The two governments began three days of talks in Geneva.", "04", "governments"),
        ("Saudi Arabia mobilized pressure groups in Washington.", "053", "Saudi Arabia"),  # no armed forces
        ("The army mobilized twenty thousand reservists.", "154", "army"),
        ("Pakistan closed its airspace to Indian flights.", "191", "Pakistan"),
        ("Militiamen armed with machetes attacked the refugee camp.", "180", "Militiamen"),  # an assault
        ("The agency reduced food supplies to the camp in Chad.", "1623", "agency"),
        ("Riot police prevented the march by students in Ankara.", "170", "police"),
        ("The army forced out more than 1,000 refugees from the camp.", "201", "army"),  # a mass expulsion
        ("Russia expelled two British diplomats.", "166", "Russia"),
        ("Ghana deported 168 Liberians who had no papers.", "174", "Ghana"),  # deported by law, one by one
        ("Archbishop Tutu called for sanctions against Nigeria.", "113", "Tutu"),  # others asked to act against it
        ("Two Iranian army brigades attacked rebel positions north of the city.", "190", "brigades"),
        ("The premier has vowed not to return the islands to Japan.", "12", "premier"),  # a refusal, no pledge
        ("The European Parliament clashed with the Commission on the issue.", "110", "Parliament"),  # words
        ("The scathing attack by the senator drew an angry reply from Paris.", "111", "senator"),  # in words
        ("The finance minister warned that letting deficits grow could have severe consequences.", "012", "minister"),
    ],
)
def test_spans_of_events_mobilising_and_closing(pipeline: Pipeline, text: str, code: str, source: str) -> None:
    event = find(events_of(pipeline, text), code)
    assert event.source is not None and source in event.source.text


def test_an_event_within_hours_of_another_is_not_the_subjects(pipeline: Pipeline) -> None:
    text = "The guards were allowed to leave within hours of the accusation."
    assert not [e for e in events_of(pipeline, text) if e.source is not None and "guards" in e.source.text]


def test_the_nearest_reporting_verb_speaks_before_a_quote_around_it(full_pipeline: Pipeline) -> None:
    """The rebels say they will return the weapons: intent (035x), even inside "according to reports"."""
    text = "The rebels announced they will return the weapons seized last year, according to reports from Freetown."
    article = full_pipeline.extract(Article(id="t", text=text, published="2024-05-16"))  # with the quotes layer
    assert find(article.events, "035").mode == "planned"


def test_a_passive_clause_without_a_subject_is_not_done_by_the_main_subject(full_pipeline: Pipeline) -> None:
    text = "Okoro's father, Emeka, cried on learning his daughter had been convicted."
    article = full_pipeline.extract(Article(id="t", text=text, published="2024-05-16"))
    assert not [e for e in article.events if e.source is not None and "mother" in e.source.text]


@pytest.mark.parametrize(
    ("text", "not_the_doer"),
    [
        (
            "The blogger Amir Rahimi used his site to write about the arrests of journalists.",
            "Rahimi",
        ),  # others' arrests
        ("Syria's fleet of airliners is old, with sanctions limiting the import of spare parts.", "fleet"),  # a setting
        (
            "Tents were sent to refugees fleeing the fighting in Sudan.",
            "refugees",
        ),  # who flee a war do not wage it
    ],
)
def test_events_told_of_are_not_the_subjects_acts(pipeline: Pipeline, text: str, not_the_doer: str) -> None:
    assert not [e for e in events_of(pipeline, text) if e.source is not None and not_the_doer in e.source.text]


def test_restricted_shares_are_a_kind_of_share(pipeline: Pipeline) -> None:
    lex = lexicon.load()
    shares = pipeline.nlp("The firm paid 500,000 restricted shares for the rival.")
    assert extract.match(next(t for t in shares if t.lower_ == "restricted"), lex) is None
    access = pipeline.nlp("The army restricted access to the area.")
    found = extract.match(next(t for t in access if t.lower_ == "restricted"), lex)
    assert found is not None and found.code == "172"


def test_who_describes_someone_as_convicted_did_not_convict_them(pipeline: Pipeline) -> None:
    text = "The gunman, described by local papers as convicted of robbery, was detained."
    convicted = find(events_of(pipeline, text), "116")
    assert convicted.source is None


def test_an_event_noun_in_an_office_name_is_no_event(pipeline: Pipeline) -> None:
    text = "Ana Ruiz, the Spanish special envoy for Sahel negotiations, resigned."
    assert [e.cameo for e in events_of(pipeline, text)] == ["0831"]


def test_a_warning_of_how_things_are_is_a_comment(pipeline: Pipeline) -> None:
    text = "The ministry issued a warning that the film was unsuitable for teenagers."
    assert [e.cameo for e in events_of(pipeline, text)] == ["012"]


def test_one_person_withdrawing_moves_no_forces(full_pipeline: Pipeline) -> None:
    text = "Mary Okafor won the final in Leeds. She had initially withdrawn after contracting a cold."
    article = full_pipeline.extract(Article(id="t", text=text, published="2024-05-16T10:00:00"))
    assert [e for e in article.events if e.cameo == "087"] == []


def test_a_name_of_a_nationality_and_a_noun_is_no_event(pipeline: Pipeline) -> None:
    from spacy.tokens import Doc

    words = ["Christian", "Aid", "condemned", "the", "move", "."]
    doc = Doc(
        pipeline.nlp.vocab,
        words=words,
        pos=["ADJ", "PROPN", "VERB", "DET", "NOUN", "PUNCT"],
        tags=["JJ", "NNP", "VBD", "DT", "NN", "."],
        lemmas=["christian", "aid", "condemn", "the", "move", "."],
        heads=[1, 2, 2, 4, 2, 2],
        deps=["amod", "nsubj", "ROOT", "det", "dobj", "punct"],
        ents=["B-NORP", "O", "O", "O", "O", "O"],
    )  # the parse the model gives the charity's name in one BBC story: "Aid" outside any entity
    lex = lexicon.load()
    assert extract.match(doc[1], lex) is None
    assert extract.match(doc[2], lex) is not None


def test_advice_to_kill_is_an_appeal_not_a_killing(pipeline: Pipeline) -> None:
    events = events_of(pipeline, "Okafor advised his brother to kill the witness.")
    assert find(events, "020").source is not None
    assert not [e for e in events if e.cameo and e.cameo.startswith("18") and e.mode == "asserted"]


def test_obstructing_the_administration_of_laws_blocks_no_road(pipeline: Pipeline) -> None:
    text = "Kerik was convicted of obstructing the administration of the tax laws."
    assert [e.cameo for e in events_of(pipeline, text)] == ["116"]


def test_who_mentions_an_event_did_not_do_it(pipeline: Pipeline) -> None:
    events = events_of(pipeline, "The minister mentioned the attack on the embassy.")
    attack = find(events, "19")
    assert attack.source is None


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The former president suffered a cardiac arrest at his home and died.", "arrest"),
        ("The band Blue Harbour cancelled its world tour after the drummer fell ill.", "tour"),  # concerts, no visit
        ("The gala took place in Oslo and was hosted by the actor Tom Berg.", "hosted"),  # a show
        (
            "Kia plans to build a new plant in Mexico to meet the region's growing demand for trucks.",
            "meet",
        ),  # a market's demand
        ("Labour and the Tories will battle it out in the marginal seats.", "battle"),  # a contest
        ("A stronger yen pressured Tokyo share prices.", "pressured"),  # prices, not parties
        ("Doctors say Zidavir can suppress the virus.", "suppress"),  # medicine
        ("The mayor vowed to fight the closure of the hospital.", "vowed"),  # a campaign, no threat of war
        ("France retreated from its plan to raise fuel taxes.", "retreated"),  # no forces
    ],
)
def test_illnesses_forecasts_shows_and_markets_are_no_events(pipeline: Pipeline, text: str, word: str) -> None:
    events = events_of(pipeline, text)
    hostile = [
        e
        for e in events
        if e.trigger.text == word and e.cameo and e.cameo[:2] in ("04", "08", "10", "13", "17", "18", "19")
    ]
    assert hostile == [], [(e.cameo, e.trigger.text) for e in events]


@pytest.mark.parametrize(
    ("text", "code", "source", "target"),
    [
        ("The army retook the town of Kobani on Monday.", "192", "army", "Kobani"),  # "retook" the model leaves
        ("Rebels recaptured the airport.", "192", "Rebels", None),
        ("The prime minister recommended that NATO troops withdraw.", "025", "minister", "troops"),
        # the guards of the new exclusions: the political sense of each word stays
        ("Police suppressed the protest.", "175", "Police", None),
        ("Rebels fought government troops near the town.", "190", "Rebels", "troops"),
        ("The rebels retreated from the town.", "087", "rebels", None),
        ("The president was hosted by the king.", "043", "king", "president"),
        ("The US pressured Iran to release the sailors.", "1053", "US", "Iran"),
        ("Japan finally signed up to the deal.", "057", "Japan", None),
        # a proposal to meet or to act is an offer: intent, composed with the act
        ("South Korea proposed talks with North Korea.", "036", "South Korea", "North Korea"),
        ("France proposed a ceasefire in Libya.", "0356", "France", None),
        ("Russian warships blasted the coastal battery.", "190", "warships", None),  # guns, not words
        ("Rebels blasted the army's offer of talks.", "111", "Rebels", "offer"),
        ("The opposition gathered signatures for a referendum.", "140", "opposition", None),  # a petition drive
        ("Analysts point to President Lula's hostility towards the central bank.", "110", "Lula", "bank"),
        ("Rebels resumed hostilities against government forces.", "190", "Rebels", "forces"),  # fighting
        ("Japan rebuked China for the incursion.", "111", "Japan", "China"),  # a rebuke criticises
        # what weapons are aimed at is the target
        ("North Korea fired missiles targeting US warships near the coast.", "194", "Korea", "warships"),
        ("Rebels fired rockets aimed at government forces.", "194", "Rebels", "forces"),
        ("The senator attacked the way the budget was presented to voters.", "111", "senator", None),  # words
        ("The junta restored press freedom.", "0811", "junta", None),
        ("Rebels took control of the city.", "192", "Rebels", None),
    ],
)
def test_retaking_recommending_and_the_political_sense_of_words(
    pipeline: Pipeline, text: str, code: str, source: str | None, target: str | None
) -> None:
    event = find(events_of(pipeline, text), code)
    assert (source is None and event.source is None) or (event.source and source in event.source.text)
    assert target is None or (event.target is not None and target in event.target.text)


def test_people_confirmed_killed_are_the_ones_killed(pipeline: Pipeline) -> None:
    killing = find(events_of(pipeline, "Officials said that nine miners have been confirmed killed."), "1823")
    assert killing.source is None
    assert killing.target is not None and "miners" in killing.target.text


@pytest.mark.parametrize(
    ("text", "mode", "date"),
    [
        ("The army captured the town in 2016.", "background", "2016"),  # years before the story: told in passing
        ("The army captured the town in February 2022.", "background", "2022-02"),
        ("The army captured the town on May 10.", "asserted", "2024-05-10"),  # days before: the news itself
        ("Last year the army captured the town.", "asserted", "2023"),  # within half a year of its end
    ],
)
def test_an_event_dated_long_before_the_story_is_background(
    full_pipeline: Pipeline, text: str, mode: str, date: str
) -> None:
    article = full_pipeline.extract(Article(id="t", text=text, published="2024-05-16T10:00:00"))
    capture = find(article.events, "192")
    assert (capture.mode, capture.date) == (mode, date)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Bystanders captured images of the arrest.", "captured"),  # a recording, not a seizure
        ("Villagers drank herbal tea to fight off the coronavirus.", "fight"),  # an illness
        ("The priest said the plague came because of people who kill and eat bats.", "kill"),  # the object they share
        ("Senator Okafor tweeted about the riots in the capital.", "riots"),  # who writes of riots did not riot
        ("Four countries have bid to host the headquarters of the new agency.", "host"),  # an office, not a visitor
        ("The minister has signed up for a course in Mandarin.", "signed"),  # enrols
        ("Serena Williams broke serve twice to take control of the final.", "take"),  # a game
        ("The nurse Anna Berg shared her experience on Twitter.", "shared"),  # a post, no cooperation
        ("Mary Okafor jumped well in the final on her return following a long doping ban.", "ban"),  # hers to serve
        ("The Greens are demonstrating that they can govern.", "demonstrating"),  # shows
        ("The Labour party bombarded voters with leaflets.", "bombarded"),  # campaigning, not shells
    ],
)
def test_pictures_illnesses_animals_and_offices_are_no_events(pipeline: Pipeline, text: str, word: str) -> None:
    events = events_of(pipeline, text)
    assert not [e for e in events if e.trigger.text.startswith(word) and e.source is not None], [
        (e.cameo, e.trigger.text, e.source) for e in events
    ]


def test_regretting_ones_own_mistake_apologises(pipeline: Pipeline) -> None:
    regret = events_of(pipeline, "Russia regrets the mistake made by its pilots.")
    assert [e.cameo for e in regret] == ["055"]
    assert [e.cameo for e in events_of(pipeline, "Russia regrets the decision of Ukraine.")] == ["110"]


def test_a_storm_named_before_is_nature_by_its_bare_name(pipeline: Pipeline) -> None:
    text = (
        "Cyclone Idai hit Beira on Thursday, killing 30. Idai destroyed whole villages. "
        "It also forced thousands of families to flee."
    )
    assert [(e.cameo, e.trigger.text) for e in events_of(pipeline, text)] == []
    rebels = "Rebel leader Joseph Kony attacked the village. Kony also forced children to fight."
    assert find(events_of(pipeline, rebels), "170").source is not None  # a man named before is no storm


def test_a_court_overturning_a_conviction_did_not_convict(pipeline: Pipeline) -> None:
    text = "The appeals court overturned the conviction of the former mayor John Okoro."
    conviction = find(events_of(pipeline, text), "116")
    assert conviction.source is None


def test_an_offer_made_during_a_visit_is_no_visit_by_making(pipeline: Pipeline) -> None:
    events = events_of(pipeline, "The offer was made by General Ana Ruiz during a visit to Chile.")
    assert [e.trigger.text for e in events if e.cameo == "042"] == ["visit"]


@pytest.mark.parametrize(
    ("text", "code", "target"),
    [
        # an appeal to others to back a third party, or to stand together against one, rallies them around it
        ("The African Union urged the European Union to support the Sudanese president.", "053", "president"),
        ("Kenya urged Uganda to support him.", "053", "him"),
        ("The opposition called on voters to unite against the president.", "113", "president"),
        ("A Cuban newspaper called on Latin Americans to unite and mobilise against Donald Trump.", "113", "Trump"),
        # an appeal to back a thing, or a thing named by a pronoun, stays an appeal to the one asked
        ("The US urged China to support the resolution.", "022", "China"),
        ("Kenya urged Uganda to support it.", "022", "Uganda"),
    ],
)
def test_appeals_to_back_or_oppose_a_third_party_rally_others(
    pipeline: Pipeline, text: str, code: str, target: str
) -> None:
    events = events_of(pipeline, text)
    rally = find(events, code)
    assert rally.target is not None and target in rally.target.text


@pytest.mark.parametrize(
    ("text", "code", "source", "target"),
    [
        # who says a concession is out of the question refuses it now
        (
            "Officials in Washington said that lifting the embargo on Cuba is out of the question.",
            "124",
            "Officials",
            "Cuba",
        ),
        # who dies of torture or a beating is who it was done to
        ("A detainee died as a result of torture in a military prison.", "1823", None, "detainee"),
        # a border opened to people in flight gives them refuge; one opened to a neighbour eases a blockade
        ("Benin opened its borders to refugees from Togo.", "073", "Benin", "refugees"),
        ("Hungary opened its border with Austria.", "086", "Hungary", "Austria"),
        # an order to a paper or a broadcaster to stop publishing restricts freedoms; other orders demand
        ("The government ordered the opposition paper to cease publication.", "1721", "government", None),
        ("The court ordered the company to stop production.", "100", "court", "company"),
    ],
)
def test_refusals_deaths_refuge_and_orders_to_stop_publishing(
    pipeline: Pipeline, text: str, code: str, source: str | None, target: str | None
) -> None:
    event = find(events_of(pipeline, text), code)
    assert (source is None and event.source is None) or (event.source and source and source in event.source.text)
    assert target is None or (event.target is not None and target in event.target.text)


@pytest.mark.parametrize(
    ("text", "code", "mode", "doer"),
    [
        # who foils or prevents an attack is not its doer, and a foiled attack did not happen
        ("Police foiled a bomb attack on the embassy.", "183", "negated", None),
        ("The army prevented the attack on the embassy.", "190", "negated", None),
        # a prevention that failed leaves the event happened: two negations cancel
        ("The army failed to prevent the attack on the embassy.", "190", "asserted", None),
        ("Guards could not stop the rebels' attack on the governor.", "190", "asserted", "rebels"),
        # a war that efforts failed to end goes on; an offensive one halts is one's own
        ("All efforts to end the war between Iran and Iraq have failed.", "190", "asserted", "Iran"),
        ("The army halted its offensive on the city.", "0871", "asserted", "army"),
    ],
)
def test_prevented_foiled_and_unended_events(
    pipeline: Pipeline, text: str, code: str, mode: str, doer: str | None
) -> None:
    event = find(events_of(pipeline, text), code)
    assert event.mode == mode
    assert (doer is None and event.source is None) or (event.source is not None and doer and doer in event.source.text)


def test_a_platform_something_is_said_on_is_no_target(pipeline: Pipeline) -> None:
    criticism = find(events_of(pipeline, "The minister criticised the plan on Facebook."), "111")
    assert criticism.target is None  # where it was posted, not at whom
    sanctions = find(events_of(pipeline, "Russia imposed sanctions on Ukraine."), "163")
    assert sanctions.target is not None and sanctions.target.text == "Ukraine"

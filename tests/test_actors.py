"""Actors stage: office knowledge, codes, and actor building on short texts written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.model import Article
from dateline.stages.actors import knowledge

EXAMPLE = Path(__file__).parents[1] / ".." / "shared" / "examples" / "000_a1ff4d17ec0d6026.txt"


def test_bare_name_is_coded_by_the_date() -> None:
    held, _ = knowledge.office_on("Obama", "2016-05-01")
    assert held is not None and held.cameo == "USAGOV"
    held, former = knowledge.office_on("Obama", "2024-05-01")
    assert held is None and former is not None and former.name == "Barack Obama"


def test_shared_surname_needs_the_date() -> None:
    held, _ = knowledge.office_on("Bush", "1990-01-01")
    assert held is not None and held.name == "George H. W. Bush"
    assert knowledge.office_on("Bush", None) == (None, None)


def test_igos_and_sectors() -> None:
    assert knowledge.igo("the U.N.") == ("United Nations", "IGOUNO")
    assert knowledge.igo("NATO") == ("North Atlantic Treaty Organization", "IGOWSTNAT")
    sector = knowledge.sector_of(["state", "news", "agency"])
    assert sector is not None and sector.code == "MED"
    assert knowledge.sector_of(["banana"]) is None


def _run(text: str, published: str | None = None) -> Article:
    from dateline.pipeline import Pipeline
    from dateline.stages.actors import Actors
    from dateline.stages.entities import Entities
    from dateline.stages.metadata import Metadata
    from dateline.stages.places import Places
    from dateline.stages.sentences import Sentences

    pipeline = Pipeline([Metadata(), Sentences(), Entities(), Places(), Actors()])
    return pipeline.extract(Article(id="t", text=text, published=published))


@pytest.mark.model
def test_actors_merge_mentions_and_read_roles() -> None:
    text = (
        "French President Emmanuel Macron met Kenyan officials in Nairobi on Monday. Macron said he wanted more trade. "
        "Paris has long courted Kenya, said Amina Odhiambo, an economist at the University of Nairobi."
    )
    article = _run(text, "2023-06-05")
    by_name = {a.name: a for a in article.actors}
    macron = by_name["Emmanuel Macron"]
    assert (macron.country, macron.code, macron.type) == ("FRA", "FRAGOV", "person")
    assert [m.text for m in macron.mentions] == ["Emmanuel Macron", "Macron", "he"]
    assert "President" in macron.roles
    france = by_name["France"]
    assert [m.text for m in france.mentions] == ["Paris"]  # a capital that acts is its government
    odhiambo = by_name["Amina Odhiambo"]
    assert "affiliation:University of Nairobi" in odhiambo.roles and odhiambo.code == "KENEDU"
    officials = next(a for a in article.actors if a.type == "group")
    assert officials.code == "KENGOV"
    assert [a.id for a in article.actors] == [f"a{i}" for i in range(1, len(article.actors) + 1)]
    linked = [e for e in article.entities if e.actor == macron.id]
    assert {e.text for e in linked} == {"Emmanuel Macron", "Macron"}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        ("The foreign minister of Finland arrived in Dar es Salaam.", "foreign minister", "FINGOV"),
        ("Chile's interior ministry said police arrested ten people.", "interior ministry", "CHLGOV"),
        ("A spokeswoman for the Danish prime minister spoke on Monday.", "spokeswoman", "DNKGOV"),
        ("Police in Peru detained two men.", "Police", "PERCOP"),
        ("United States troops in Iraq were attacked.", "United States troops", "USAMIL"),
    ],
)
def test_unnamed_roles_take_the_country_named_with_them(text: str, name: str, code: str) -> None:
    actor = next(a for a in _run(text).actors if a.name == name)
    assert actor.code == code


@pytest.mark.model
def test_the_country_a_title_is_for_is_the_brief_not_the_persons_country() -> None:
    article = _run("British Special Envoy for Yemen Martin Hollis said the talks failed.")
    envoy = next(a for a in article.actors if a.name == "Martin Hollis")
    assert envoy.code == "GBRGOV"
    assert any(a.code == "YEM" and a.type == "country" for a in article.actors)  # Yemen stays an actor of its own


@pytest.mark.model
def test_the_same_role_of_two_countries_is_two_actors() -> None:
    article = _run(
        "Armenia's defence ministry said its posts were shelled. Azerbaijan's defence ministry denied it. "
        "The defence ministry in Baku later repeated the denial."
    )
    ministries = [a for a in article.actors if a.name == "defence ministry"]
    assert [(a.code, len(a.mentions)) for a in ministries] == [("ARMGOV", 1), ("AZEGOV", 2)]  # "in Baku" is Azerbaijan


@pytest.mark.model
def test_a_middle_name_used_alone_is_the_same_person() -> None:
    article = _run("President Jose Maria Alvarado arrived in Lima. Later Alvarado met students.", "2025-03-04")
    people = [a for a in article.actors if a.type == "person"]
    assert len(people) == 1 and [m.text for m in people[0].mentions] == ["Jose Maria Alvarado", "Alvarado"]
    article = _run("Prime Minister Luiz Inácio Ramos spoke. Inacio said little.", "2025-03-04")
    people = [a for a in article.actors if a.type == "person"]
    assert len(people) == 1


@pytest.mark.model
@pytest.mark.parametrize(
    ("also", "police", "ministry"),
    [
        ("", "CHLCOP", "CHLGOV"),  # a story about Chile alone: its organs are Chile's
        (" Peru protested.", None, None),  # another country named: nothing is inferred
    ],
)
def test_state_organs_of_a_one_country_story_are_that_countrys(
    also: str, police: str | None, ministry: str | None
) -> None:
    text = (
        "SANTIAGO, Oct 18 (Dateline Wire) - Police arrested 43 people in Santiago after a march against the pension "
        "reform, the interior ministry said." + also
    )
    codes = {a.name: a.code for a in _run(text, "2025-10-18").actors}
    assert (codes["Police"], codes["interior ministry"]) == (police, ministry)


@pytest.mark.model
def test_a_titled_official_who_names_no_country_holds_office_where_the_story_is_datelined() -> None:
    text = (
        "SANTIAGO, Oct 18 (Dateline Wire) - Chile and Peru signed a fishing accord on Friday. Interior Minister "
        "Rosa Quispe said the navy would patrol the border. Peruvian Foreign Minister Hugo Salas welcomed the deal."
    )
    codes = {a.name: a.code for a in _run(text, "2025-10-18").actors}
    assert codes["Rosa Quispe"] == "CHLGOV"
    assert codes["Hugo Salas"] == "PERGOV"  # a country the title names is kept


def test_name_words_fold_accents_but_keep_other_scripts() -> None:
    from dateline.stages.actors import _name_words

    assert _name_words("Luiz Inácio Lula") == ["luiz", "inacio", "lula"]
    assert _name_words("王 Wei") == ["wei"]
    assert _name_words("王") == ["王"]  # folding to ASCII leaves nothing: the name is compared as written


@pytest.mark.model
def test_lower_case_organ_is_an_actor_even_when_the_parser_calls_it_a_name() -> None:
    article = _run("Russia will send troops to Syria, the defence ministry said on Monday.")
    assert any(a.name == "defence ministry" for a in article.actors)


@pytest.mark.model
@pytest.mark.shared
def test_user_example() -> None:
    if not EXAMPLE.exists():
        pytest.skip(f"example article not found at {EXAMPLE} (../shared is absent)")
    _title, _, body = EXAMPLE.read_text(encoding="utf-8").partition("\n")
    article = _run(body.lstrip("\n"))
    by_name = {a.name: a for a in article.actors}
    assert by_name["Vladimir Putin"].code == "RUSGOV"
    assert "Putin" in [m.text for m in by_name["Vladimir Putin"].mentions]
    assert by_name["Xi Jinping"].code == "CHNGOV"
    assert "Xi" in [m.text for m in by_name["Xi Jinping"].mentions]
    assert by_name["Xinhua"].code == "CHNMED"
    assert "Char" in [m.text for m in by_name["James Char"].mentions]
    assert by_name["James Char"].code == "SGPEDU"
    assert "based_in:SGP" in by_name["Alexander Neill"].roles
    anonymous = [a for a in article.actors if "anonymous" in a.roles]
    assert len(anonymous) == 1 and anonymous[0].code == "RUSGOV" and anonymous[0].type == "person"
    for country in ("Russia", "China", "United States", "Ukraine", "Singapore"):
        assert by_name[country].type == "country"
    places = {p.text: p for p in article.places}
    assert places["Beijing"].lat == pytest.approx(39.9, abs=0.1)
    assert places["Singapore"].country == "SGP"


def test_a_continents_adjective_names_no_country() -> None:
    from dateline.stages.places import gazetteer

    assert gazetteer.continental("South", "American") and gazetteer.continental("Latin", "American")
    assert not gazetteer.continental("South", "African")  # South Africa is a country


@pytest.mark.model
def test_the_south_american_group_is_not_american() -> None:
    article = _run("Brazil belongs to the South American group Mercosur.")
    assert not [a for a in article.actors if a.country == "USA"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "name", "country", "code"),
    [
        ("Hamas fired rockets at Israel on Monday.", "Hamas", "PSE", "PSEHMS"),
        ("Hezbollah said it shelled an army post.", "Hezbollah", "LBN", "LBNHEZ"),
        ("Al Qaeda claimed the attack on the embassy.", "Al-Qaeda", None, "IMGREBALQ"),
        # a country in the group's name is not the group's country
        ("The Islamic State of Iraq claimed the bombing.", "Islamic State", None, "IMGREB"),
        ("ISIS fighters seized the town.", "Islamic State", None, "IMGREB"),
        ("The PKK attacked a border post.", "Kurdistan Workers' Party", "TUR", "TURSEP"),
    ],
)
def test_known_armed_groups_carry_their_codes(text: str, name: str, country: str | None, code: str) -> None:
    actor = next(a for a in _run(text).actors if a.name == name)
    assert (actor.country, actor.code) == (country, code)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Former New Jersey governor Chris Christie denounced the claims.", "Chris Christie", "USA"),  # not Jersey
        ("New Mexico Governor Michelle Lujan Grisham spoke on Monday.", "Michelle Lujan Grisham", "USA"),  # not Mexico
        ("Texas Governor Greg Abbott said the border was closed.", "Greg Abbott", "USA"),
        ("Punjab Chief Minister Amarinder Singh said the farmers would be paid.", "Amarinder Singh", None),  # two
    ],
)
def test_a_state_before_a_title_gives_its_country_as_a_whole_name(text: str, name: str, country: str | None) -> None:
    actor = next(a for a in _run(text).actors if a.name == name)
    assert actor.country == country


def test_the_day_of_handing_over_counts_as_held() -> None:
    held, _ = knowledge.office_on("Theresa May", "2019-07-24")
    assert held is not None and held.cameo == "GBRGOV"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "published", "code"),
    [
        ("Former Prime Minister Tony Blair criticised the plan.", "2019-08-01", "GBRELI"),
        # titled in their own time, told later: the office they held, not no code at all
        ("In 2017, Prime Minister Theresa May said the deal was done.", "2020-01-10", "GBRGOV"),
    ],
)
def test_a_titled_office_holder_told_of_after_their_term(text: str, published: str, code: str) -> None:
    actor = next(a for a in _run(text, published).actors if a.type == "person")
    assert actor.code == code


@pytest.mark.model
def test_an_undated_story_does_not_make_a_past_holder_former() -> None:
    """Without a date, a past prime minister may be in office in the story: country and title, never ELI."""
    blair = next(a for a in _run("Tony Blair insisted the borders were safe.").actors if a.name == "Tony Blair")
    assert (blair.country, blair.code, "former" in blair.roles) == ("GBR", "GBR", False)
    major = next(a for a in _run("Former prime minister John Major spoke.").actors if a.name == "John Major")
    assert major.code == "GBRELI"  # the text says "former"


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        ("UAE Oil Minister Rashid Okafor arrived in Cairo.", "Rashid Okafor", "AREGOV"),  # initials read as a firm
        ("US Secretary of State Mary Okafor arrived in Cairo.", "Mary Okafor", "USAGOV"),
        ("President of France Mary Okafor arrived in Cairo.", "Mary Okafor", "FRAGOV"),
    ],
)
def test_a_title_before_a_name_gives_the_country_of_the_office(text: str, name: str, code: str) -> None:
    article = _run(text)
    person = next(a for a in article.actors if a.name == name)
    assert person.code == code
    assert not [a for a in article.actors if a.name in ("State", "President", "US Secretary")]  # no title alone

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.model import Article
from dateline.stages import Skip
from dateline.stages.metadata import Metadata, check_language, find_dateline

DATELINES = [
    # text, published, place, date, dateline text
    ("16th May 2024 – (Beijing) Russian President Vladimir Putin arrived.", None, "Beijing", "2024-05-16",
     "16th May 2024 – (Beijing)"),
    ("BEIJING, May 16 (Reuters) - Russian President Vladimir Putin arrived.", "2024-05-17", "Beijing", "2024-05-16",
     "BEIJING, May 16 (Reuters) -"),
    ("BEIJING, May 16 (Reuters) - Putin arrived.", None, "Beijing", None, "BEIJING, May 16 (Reuters) -"),
    ("WASHINGTON — The Senate voted on Tuesday.", None, "Washington", None, "WASHINGTON —"),
    ("May 16, 2024 — The Senate voted on Tuesday.", None, None, "2024-05-16", "May 16, 2024 —"),
    ("KYIV, Ukraine (AP) — Russian drones struck the city.", None, "Kyiv", None, "KYIV, Ukraine (AP) —"),
    ("LONDON, 16 May (Reuters) - Britain said.", "2023-05-20T10:00:00", "London", "2023-05-16",
     "LONDON, 16 May (Reuters) -"),
    ("YEREVAN, Armenia, Feb. 13, 2024 - Two soldiers died.", None, "Yerevan", "2024-02-13",
     "YEREVAN, Armenia, Feb. 13, 2024 -"),
    ("Santiago, 18 October 2025 — Tens of thousands marched.", None, "Santiago", "2025-10-18",
     "Santiago, 18 October 2025 —"),
    ("Friday, January 4, 2019\n\nAn apartment building collapsed.", None, None, "2019-01-04",
     "Friday, January 4, 2019"),
    ("NEW DELHI, July 24, 2025 (Dateline Wire) - India signed.", None, "New Delhi", "2025-07-24",
     "NEW DELHI, July 24, 2025 (Dateline Wire) -"),
    ("Beijing, 16/05/2024 - The talks began.", None, "Beijing", "2024-05-16", "Beijing, 16/05/2024 -"),
    ("  \nPARIS - The strike went on.", None, "Paris", None, "PARIS -"),
]  # fmt: skip

NOT_DATELINES = [
    "Officials said - without giving details - that talks had failed.",
    "The talks - which began in May - failed.",
    "U.S. officials - speaking anonymously - said so.",
    "Talks, which began - and ended - quickly.",
    "Putin arrived in Beijing on Thursday.",
    "",
]


@pytest.mark.parametrize(("text", "published", "place", "date", "span"), DATELINES)
def test_dateline_forms(text: str, published: str | None, place: str | None, date: str | None, span: str) -> None:
    found = find_dateline(text, published)
    assert found is not None
    assert (found.place, found.date) == (place, date)
    assert text[found.start : found.end] == span


@pytest.mark.parametrize("text", NOT_DATELINES)
def test_prose_is_not_a_dateline(text: str) -> None:
    assert find_dateline(text) is None


@given(st.text(max_size=300), st.one_of(st.none(), st.just("2024-01-01")))
def test_find_dateline_never_raises_and_spans_are_inside(text: str, published: str | None) -> None:
    found = find_dateline(text, published)
    if found is not None:
        assert 0 <= found.start < found.end <= len(text)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "no article text"),
        ("12345 67890 3.14", "no article text"),
        ("\"\" '' “”", "no article text"),
        ("Владимир Путин прибыл в Пекин с государственным визитом, сообщает агентство.", "not English"),
        ("习近平主席在北京会见了俄罗斯总统普京，双方就双边关系交换了意见。", "not English"),
        ("Le président russe est arrivé à Pékin jeudi pour une visite d'État de deux jours en Chine, "
         "à l'invitation du président chinois. Les deux dirigeants discuteront de la guerre en Ukraine "
         "et des relations commerciales entre les deux pays.", "not English"),
    ],
)  # fmt: skip
def test_language_gate_skips_with_reason(text: str, reason: str) -> None:
    with pytest.raises(Skip, match=reason):
        check_language(text)


def test_short_english_is_kept() -> None:
    assert check_language("Putin visited Beijing.") == "en"
    assert check_language("Talks resume in Geneva on Monday, officials said.") == "en"


def test_stage_sets_lang_and_dateline() -> None:
    article = Article(id="x", text="WASHINGTON — The Senate voted on Tuesday to approve the bill.")
    Metadata()(article, None)
    assert article.lang == "en"
    assert article.dateline is not None and article.dateline.place == "Washington"

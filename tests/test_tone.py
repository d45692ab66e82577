"""Tone stage on hand-written sentences: the polarity toward a named target, and the layer's invariants.

Each case names a sentence, a target written in it and the polarity the sentence expresses toward that target from
the author's point of view (NewsMTSC's guide: what happens to the person and how they are described). The
sentences are our own; none comes from a gold file.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from dateline import nlp as nlp_loader
from dateline.model import Actor, Article, Event, EventActor, Span
from dateline.stages.entities import Entities
from dateline.stages.sentences import Sentences
from dateline.stages.tone import Tone, tone_toward
from dateline.stages.tone.target import squash

pytestmark = pytest.mark.model

NEG, NEU, POS = -1, 0, 1

# (sentence, target, expected polarity toward the target)
CASES = [
    # what happens to the target
    ("Brown attacked Smith at the rally.", "Smith", NEG),
    ("Prosecutors indicted Senator Walsh on bribery charges.", "Walsh", NEG),
    ("Mayor Okafor was accused of fraud by two former aides.", "Okafor", NEG),
    ("The committee sharply criticised Minister Haldane.", "Haldane", NEG),
    ("Governor Pratt was defeated in the primary.", "Pratt", NEG),
    ("Rebels killed the district commissioner, Joseph Amani.", "Joseph Amani", NEG),
    ("Voters humiliated Carlsen in his home district.", "Carlsen", NEG),
    ("The senator was arrested outside his home on Tuesday.", "senator", NEG),
    ("The board fired chief executive Dana Roy after the scandal.", "Dana Roy", NEG),
    ("Critics mocked Premier Lund for the failed reform.", "Lund", NEG),
    ("Okafor was praised by the council for her work.", "Okafor", POS),
    ("The union endorsed Maria Delgado for governor.", "Maria Delgado", POS),
    ("Fans cheered Kowalski as she won the final.", "Kowalski", POS),
    ("Veterans honoured General Osei at the ceremony.", "Osei", POS),
    ("The jury cleared and exonerated Ms. Tan.", "Tan", POS),
    # what the target does or gains
    ("Smith won the election by a wide margin.", "Smith", POS),
    ("Lopez lost the vote and conceded defeat.", "Lopez", NEG),
    ("Jensen suffered a humiliating defeat in the runoff.", "Jensen", NEG),
    ("Harris faces mounting criticism over the failed project.", "Harris", NEG),
    ("Patel received an award for her brilliant research.", "Patel", POS),
    ("Moreau achieved a historic victory in the runoff.", "Moreau", POS),
    ("Novak lied to investigators about the payments.", "Novak", NEG),
    ("Adams helped the flood victims and rescued two children.", "Adams", POS),
    # how the author describes the target
    ("The corrupt mayor, Tom Reed, left office in disgrace.", "Tom Reed", NEG),
    ("Carter, a brilliant and respected diplomat, arrived in Oslo.", "Carter", POS),
    ("The embattled minister, Sara Holm, faces an investigation.", "Sara Holm", NEG),
    ("Popular governor Ana Ruiz opened the new school.", "Ana Ruiz", POS),
    ("Ibrahim's reckless decision caused chaos in the ministry.", "Ibrahim", NEG),
    ("Kim's successful reform won wide support.", "Kim", POS),
    # negation: a negated positive reads negative, a negated negative says nothing
    ("Nobody accused Harper of anything.", "Harper", NEU),
    ("Garcia was not a successful leader.", "Garcia", NEG),
    ("No one praised Mills for the speech.", "Mills", NEG),
    # neutral reporting
    ("Weber met the ambassador in Geneva on Monday.", "Weber", NEU),
    ("Jones will travel to Tokyo next week.", "Jones", NEU),
    ("Schmidt said the budget would be published on Friday.", "Schmidt", NEU),
    ("Ortiz was born in 1961 and studied law in Madrid.", "Ortiz", NEU),
    ("Nakamura chairs the finance committee.", "Nakamura", NEU),
    # the target's own harsh words are not about the target
    ("Walker said the plan was a disaster.", "Walker", NEU),
    ("Dubois warned that the policy is dangerous and stupid.", "Dubois", NEU),
    ("Singh argued that the tax is unfair to poor families.", "Singh", NEU),
    # two targets, different polarities
    ("Brown attacked Smith, while Jones praised Smith's courage.", "Brown", NEG),
    ("The court convicted Reyes, but a second jury acquitted Ford.", "Reyes", NEG),
    ("Mendes defeated Costa in the final round.", "Mendes", POS),
    # reported events concern the target only when they happen to it
    ("Hughes spoke about the war in a speech to students.", "Hughes", NEU),
    ("Hughes was wounded in the war.", "Hughes", NEG),
    ("Lee visited the earthquake zone on Sunday.", "Lee", NEU),
    ("Three villagers were murdered by Kessler.", "Kessler", NEG),
    # a place where the news happens is its scene, not its subject
    ("Police arrested dozens of rioters in Lyon.", "Lyon", NEU),
    # evaluative news words that VADER lacks
    ("Commentators derided Ivanova's lackluster and incoherent debate performance.", "Ivanova", NEG),
    ("Diaz, a tireless and principled advocate, addressed the convention.", "Diaz", POS),
    # a speaker's praise reflects on the speaker, a speaker's complaint does not
    ("Okafor said she was proud of the brave volunteers and grateful for their help.", "Okafor", POS),
    ("Okafor complained that the plan was a disaster and a disgrace.", "Okafor", NEU),
]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return nlp_loader.load()


def polarity(score: float) -> int:
    return 1 if score > 0.05 else -1 if score < -0.05 else 0


@pytest.mark.parametrize(("text", "target", "expected"), CASES, ids=[f"{c[1]}:{c[2]:+d}" for c in CASES])
def test_tone_toward_a_target(nlp: Language, text: str, target: str, expected: int) -> None:
    doc = nlp(text)
    start = text.index(target)
    score = tone_toward(doc, start, start + len(target))
    assert -1.0 <= score <= 1.0
    assert polarity(score) == expected, f"{target!r} in {text!r}: {score:+.3f}"


def test_a_sentence_span_gives_the_same_tone_as_its_doc(nlp: Language) -> None:
    text = "The weather was mild. Prosecutors indicted Senator Walsh on bribery charges."
    doc = nlp(text)
    start = text.index("Walsh")
    sentence = list(doc.sents)[-1]
    assert tone_toward(sentence, start, start + 5) == tone_toward(doc, start, start + 5) < -0.05


def test_a_span_between_tokens_scores_zero(nlp: Language) -> None:
    doc = nlp("Smith won.")
    assert tone_toward(doc, 5, 6) == 0.0


WAR_REPORT = (
    "Russian forces shelled the city overnight, killing twelve civilians and wounding dozens. "
    "The European Union announced new sanctions on Moscow. "
    "Officials said the war had displaced thousands of families. "
    "Aid groups warned of a humanitarian crisis as the bombing continued."
)


def run(nlp: Language, article: Article) -> Article:
    doc = nlp(article.text)
    for stage in (Sentences(), Entities(), Tone()):
        stage(article, doc)
    return article


def test_a_war_report_reads_negative(nlp: Language) -> None:
    tone = run(nlp, Article(id="w", text=WAR_REPORT)).tone
    assert tone["score"] < -0.3
    assert all(s["score"] < -0.05 for s in tone["sentences"])


def test_layer_invariants_scores_in_range_and_spans_valid(nlp: Language) -> None:
    text = WAR_REPORT + "\n\nThe mayor praised the brave rescue teams. The talks ended without a deal."
    article = run(nlp, Article(id="a", text=text))
    assert set(article.tone) == {"score", "sentences"}
    assert -1.0 <= article.tone["score"] <= 1.0
    assert [(s["start"], s["end"]) for s in article.tone["sentences"]] == [(s.start, s.end) for s in article.sentences]
    for sentence in article.tone["sentences"]:
        assert 0 <= sentence["start"] < sentence["end"] <= len(text)
        assert -1.0 <= sentence["score"] <= 1.0
    assert any(s["score"] > 0.05 for s in article.tone["sentences"])


def test_actors_and_events_get_their_tone(nlp: Language) -> None:
    text = "Prosecutors indicted Mayor Reed. Reed denied wrongdoing. Voters praised Judge Moss."
    reed = [Span(text.index("Reed"), text.index("Reed") + 4, "Reed"), Span(33, 37, "Reed")]
    moss = Span(text.index("Moss"), text.index("Moss") + 4, "Moss")
    article = Article(id="e", text=text)
    article.actors = [Actor("a1", "Reed", "person", mentions=reed), Actor("a2", "Moss", "person", mentions=[moss])]
    indicted, praised = Span(12, 20, "indicted"), Span(64, 71, "praised")
    article.events = [
        Event("e:e1", Span(0, 32), indicted, None, EventActor("a1", None, "Mayor Reed"), "172", None, "asserted"),
        Event("e:e2", Span(57, 83), praised, None, EventActor(None, None, "Judge Moss"), "051", None, "asserted"),
    ]
    run(nlp, article)
    tones = {a.id: a.tone for a in article.actors}
    assert tones["a1"] is not None and tones["a1"] < -0.05
    assert tones["a2"] is not None and tones["a2"] > 0.05
    assert [polarity(e.tone or 0.0) for e in article.events] == [-1, 1]


def test_a_sentence_about_a_person_scores_the_tone_toward_that_person(nlp: Language) -> None:
    text = "He said the war was a disaster. She was indicted on fraud charges. The war killed thousands."
    scores = [s["score"] for s in run(nlp, Article(id="p", text=text)).tone["sentences"]]
    assert [polarity(s) for s in scores] == [NEU, NEG, NEG]  # a speaker's gloom is not about him; events count


def test_an_empty_text_gets_a_neutral_tone(nlp: Language) -> None:
    assert run(nlp, Article(id="z", text="")).tone == {"score": 0.0, "sentences": []}


def test_squash_is_odd_bounded_and_flat_inside_the_dead_band() -> None:
    assert squash(0.1) == squash(-0.1) == 0.0
    assert squash(3.0) == -squash(-3.0) > 0.05
    assert -1.0 < squash(-1e6) < -0.99

"""Sentences stage: the sentence spans of spaCy's parse, kept as plain spans for later stages and the store."""

from __future__ import annotations

from spacy.tokens import Doc

from dateline.model import Article, Span
from dateline.stages import Stage


class Sentences(Stage):
    """Adds ``sentences``: one span a sentence, whitespace trimmed."""

    name = "sentences"
    assigns = ("sentences",)

    def __call__(self, article: Article, doc: Doc | None) -> None:
        assert doc is not None
        text = article.text
        spans = []
        for sent in doc.sents:
            start, end = sent.start_char, sent.end_char
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                spans.append(Span(start, end, text[start:end]))
        article.sentences = spans

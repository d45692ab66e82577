"""Main-text extraction from web pages against the Zyte article-extraction benchmark (``html/``).

Scored the way that benchmark scores, so its published figures stay comparable: both texts are cut into word
tokens (``\\w+``) and then into overlapping 4-token shingles; per page, precision and recall are the shared
shingles over the predicted and over the true ones; both are averaged over pages (every page weighs the same)
and F1 is taken from the two averages. Also reported: the mean of per-page F1 and the share of pages whose F1
reaches 0.9, over all pages and over English and other pages separately.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from dateline.evaluation.common import Context, Figures, SetResult, read_jsonl, require, systems
from dateline.evaluation.metrics import f1, ratio
from dateline.model import Article, Outcome

FOLDER = Path("html")
GOLD = FOLDER / "ground_truth.jsonl"
SHINGLE = 4
GOOD_PAGE = 0.9
_TOKEN_RE = re.compile(r"\w+")


def shingles(text: str) -> Counter[tuple[str, ...]]:
    """Counts of overlapping 4-token shingles (the tokens themselves for texts shorter than that)."""
    tokens = _TOKEN_RE.findall(text)
    if len(tokens) < SHINGLE:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1))


def page_scores(gold: str, pred: str) -> tuple[float, float, float]:
    """Precision, recall and F1 of one page's extracted text against its true body."""
    truth, found = shingles(gold), shingles(pred)
    shared = sum((truth & found).values())
    precision = ratio(shared, sum(found.values()))
    recall = ratio(shared, sum(truth.values()))
    return precision, recall, f1(precision, recall)


def score(pages: Sequence[tuple[str, str]]) -> Figures:
    """Benchmark figures over (true body, extracted text) pairs, one per page."""
    per_page = [page_scores(gold, pred) for gold, pred in pages]
    precision = ratio(sum(p for p, _, _ in per_page), len(per_page))
    recall = ratio(sum(r for _, r, _ in per_page), len(per_page))
    return {
        "p": precision,
        "r": recall,
        "f1": f1(precision, recall),
        "page.f1.mean": ratio(sum(f for _, _, f in per_page), len(per_page)),
        "pages.f1>=0.9": ratio(sum(1 for _, _, f in per_page if f >= GOOD_PAGE), len(per_page)),
    }


def score_by_language(languages: Sequence[str], pages: Sequence[tuple[str, str]]) -> Figures:
    """All-page figures, then F1 over English pages and over the others."""
    figures = score(pages)
    english = [page for lang, page in zip(languages, pages, strict=True) if lang == "en"]
    other = [page for lang, page in zip(languages, pages, strict=True) if lang != "en"]
    figures["en.f1"] = score(english)["f1"] if english else None
    figures["other.f1"] = score(other)["f1"] if other else None
    return figures


def language(text: str) -> str:
    """The language of a true body (py3langid, already a dateline dependency)."""
    import py3langid

    return str(py3langid.classify(text)[0])


def dateline_text(parse_html: Callable[..., Article | Outcome], html: bytes, page_id: str, url: str | None) -> str:
    """The article text dateline's HTML reader extracts; empty when it skips or fails the page."""
    result = parse_html(html, source=page_id, url=url)
    if isinstance(result, Article):
        return result.text
    return result.article.text if result.article is not None else ""


def trafilatura_text(html: bytes) -> str:
    """trafilatura's plain ``extract()`` with its defaults: the baseline."""
    import trafilatura

    return trafilatura.extract(html.decode("utf-8", errors="replace")) or ""


def evaluate(ctx: Context, data_dir: Path, limit: int | None = None) -> SetResult:
    """Score dateline's HTML reader and trafilatura on the benchmark pages (no pipeline needed: text only)."""
    records = read_jsonl(data_dir / GOLD, limit)
    pages = [require(data_dir / FOLDER / f"{r['id']}.html").read_bytes() for r in records]
    bodies = [r["body"] for r in records]
    ours, notes = _dateline_texts(records, pages)
    languages = [language(body) for body in bodies]
    return SetResult(
        name="html",
        baseline="trafilatura 2.3 extract() (defaults)",
        data={"folder": str(FOLDER), "pages": len(records), "english pages": languages.count("en")},
        systems=systems(
            ctx,
            score_by_language(languages, list(zip(bodies, ours, strict=True))),
            lambda: score_by_language(
                languages, [(b, trafilatura_text(p)) for b, p in zip(bodies, pages, strict=True)]
            ),
        ),
        headline=["f1"],
        notes=notes,
    )


def _dateline_texts(records: list[dict[str, Any]], pages: list[bytes]) -> tuple[list[str], list[str]]:
    """dateline's text per page; a page the reader raises on, or every page if it is missing, scores as empty."""
    try:
        from dateline.ingest.html import parse_html  # imported late: the reader is optional for the other sets
    except ImportError as exc:
        return ["" for _ in records], [f"dateline.ingest.html.parse_html unavailable ({exc}): scored as empty"]
    texts: list[str] = []
    failed = 0
    for record, page in zip(records, pages, strict=True):
        try:
            texts.append(dateline_text(parse_html, page, record["id"], record.get("url")))
        except Exception:  # one bad page must not stop the run: it scores as an empty extraction
            failed += 1
            texts.append("")
    return texts, [f"dateline's HTML reader raised on {failed} of {len(records)} pages"] if failed else []

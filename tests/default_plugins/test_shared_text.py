"""The text the ``dates``, ``quotes`` and ``stats`` enrichers share: split once, the same
results as each enricher computing it alone, in any order."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from articles import news_articles
from hypothesis import example, given
from hypothesis import strategies as st

from seedcorpus.default_plugins import dates, quotes, stats
from seedcorpus.models import Article
from seedcorpus.testing import antara_articles
from seedcorpus.text import ArticleText, article_text, sentence_count, sentence_spans

ENRICHERS: list[Callable[[Article], Any]] = [dates.enrich, quotes.enrich, stats.enrich]
ARTICLES = st.one_of(news_articles(), antara_articles())


def _alone(article: Article) -> list[Any]:
    results = []
    for enrich in ENRICHERS:
        article_text.cache_clear()  # nothing shared: each enricher splits on its own
        results.append(enrich(article))
    return results


@given(ARTICLES, st.permutations(range(len(ENRICHERS))))
def test_sharing_changes_no_result(article: Article, order: list[int]) -> None:
    alone = _alone(article)
    article_text.cache_clear()
    shared = {number: ENRICHERS[number](article) for number in order}

    assert [shared[number] for number in range(len(ENRICHERS))] == alone


@given(ARTICLES)
def test_stats_counts_as_before(article: Article) -> None:
    # The counts stats made before it shared the text: words of the body joined with
    # spaces, sentence_count summed over paragraphs.
    article_text.cache_clear()
    quotes.enrich(article)  # some paragraphs split already, the others counted
    result = stats.enrich(article)

    assert result.words == len(" ".join(article.paragraphs).split())
    assert result.sentences == sum(map(sentence_count, article.paragraphs))


# What the splitter looks at: marks, quotes, capitals, abbreviations in any case (the
# Kelvin sign lower-cases to "k"), initials, whitespace, and text glued across them.
_PIECES = st.sampled_from(
    [".", ".", "!", "?", "…", '"', "”", "’", ")", "“", "(", " ", " ", "\xa0", "\u2028",
     "a", "Z", "1", "dr", "DR", "No", "letkol", "Sdri", "\u212ah", "S", "kios.Kepala", "kata"]
)  # fmt: skip
_PARAGRAPHS = st.lists(st.lists(_PIECES, max_size=12).map("".join), max_size=5)


@given(_PARAGRAPHS | st.lists(st.text(st.sampled_from('ab .!?\n"“”A')), max_size=5))
def test_article_text_is_the_split_of_each_paragraph(paragraphs: list[str]) -> None:
    # Counted first: the sentences of all paragraphs come from one search of the body
    # (unless a paragraph holds a newline).
    text = ArticleText(tuple(paragraphs))

    assert text.sentence_total() == sum(map(sentence_count, paragraphs))
    assert [text.sentences(i) for i in range(len(paragraphs))] == [
        tuple(sentence_spans(p)) for p in paragraphs
    ]
    assert text.sentence_total() == sum(len(sentence_spans(p)) for p in paragraphs)
    assert text.body == "\n".join(paragraphs)


def test_the_same_paragraphs_share_one_object() -> None:
    paragraphs = ("Satu. Dua.", "Tiga.")

    assert article_text(paragraphs) is article_text(("Satu. Dua.", "Tiga."))
    assert article_text(paragraphs) is not article_text(("Satu. Dua.",))


@given(_PARAGRAPHS, st.data())
def test_paragraphs_split_alone_and_in_the_body_agree(
    paragraphs: list[str], data: st.DataObject
) -> None:
    # Some paragraphs split on their own before the body is searched, the rest after.
    text = ArticleText(tuple(paragraphs))
    early = data.draw(st.sets(st.integers(0, max(0, len(paragraphs) - 1))))
    spans = {i: text.sentences(i) for i in sorted(early) if i < len(paragraphs)}
    total = text.sentence_total()
    spans |= {i: text.sentences(i) for i in range(len(paragraphs))}

    assert total == sum(map(sentence_count, paragraphs))
    assert [spans[i] for i in range(len(paragraphs))] == [
        tuple(sentence_spans(p)) for p in paragraphs
    ]


@given(_PARAGRAPHS | st.lists(st.text(st.sampled_from('ab .!?"“”AK')), max_size=5), st.booleans())
@example(["A. Budi datang. Lalu pergi."], False)
@example(["Kata dr. Andi: ya.", "   "], True)
def test_the_lead_end_is_where_the_first_sentence_ends(
    paragraphs: list[str], counted: bool
) -> None:
    # Alone (only the first end looked for), or after the body was searched.
    fresh, split = ArticleText(tuple(paragraphs)), ArticleText(tuple(paragraphs))
    if counted:
        fresh.sentence_total()
    for index, paragraph in enumerate(paragraphs):
        spans = split.sentences(index)

        assert fresh.lead_end(index) == (spans[0][1] if spans else len(paragraph))
        assert split.lead_end(index) == fresh.lead_end(index)


@pytest.mark.parametrize("early", [(), (0,), (1,), (2,), (0, 2), (1, 3), (0, 1, 2, 3)])
def test_a_count_searches_only_the_paragraphs_not_split_yet(early: tuple[int, ...]) -> None:
    # Each paragraph's first and last characters matter: a mark first, a capital's
    # period, an abbreviation and no end last.
    paragraphs = (". Satu. Dua.", "! Tiga dr.", "A. Budi", "Empat dr. Lima")
    text = ArticleText(paragraphs)
    for index in early:
        text.sentences(index)

    assert text.sentence_total() == sum(map(sentence_count, paragraphs)) == 7

"""The ``stats`` enricher: words, sentences, paragraphs and reading time of the body.

Sentences are counted as :func:`seedcorpus.text.sentence_count` counts them in each
paragraph, which agrees with :func:`seedcorpus.text.sentence_spans`, the splitter the
``dates`` and ``quotes`` enrichers use; all paragraphs are split in one search of the
body they share (:meth:`seedcorpus.text.ArticleText.sentence_total`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

import attrs

from seedcorpus.hookspecs import hookimpl
from seedcorpus.models import Article, Enrichment
from seedcorpus.specs import EnricherSpec
from seedcorpus.text import article_text

__all__ = ["WORDS_PER_MINUTE", "Stats", "enrich", "seedcorpus_enrichers"]

WORDS_PER_MINUTE = 200
"""Reading speed used for ``reading_minutes``, a common figure for news prose."""

# Each byte of ASCII text as a space (whitespace, as str.split() takes it) or an "x".
_WORD_MARKS = bytes(ord(" ") if chr(byte).isspace() else ord("x") for byte in range(256))


@attrs.frozen
class Stats(Enrichment):
    """Size of the article body.

    Counts cover the body paragraphs only (not the title, caption or footer), so they
    measure what a reader reads.
    """

    kind: ClassVar[str] = "stats"

    words: int
    """Whitespace-separated tokens, as ``wc -w`` counts them."""
    sentences: int
    """Sentences, by :func:`seedcorpus.text.sentence_spans`, summed over paragraphs."""
    paragraphs: int
    """Body paragraphs."""
    reading_minutes: float
    """``words`` / :data:`WORDS_PER_MINUTE`, rounded to 0.1."""


def enrich(article: Article) -> Stats:
    """Count the words, sentences and paragraphs of the body and estimate reading time."""
    paragraphs = article.paragraphs
    # The body the other enrichers share, split once: a newline never glues two
    # tokens, so the count is the sum over paragraphs, without a list per paragraph.
    text = article_text(paragraphs)
    words = _word_count(text.body)
    sentences = text.sentence_total()
    return Stats(
        words=words,
        sentences=sentences,
        paragraphs=len(paragraphs),
        reading_minutes=round(words / WORDS_PER_MINUTE, 1),
    )


def _word_count(text: str) -> int:
    """``len(text.split())``, for ASCII text (most bodies) without making the words."""
    if not text.isascii():  # (a flag of the string: free)
        return len(text.split())
    # A word starts wherever a space meets an "x", and at the start if that is an "x".
    marks = text.encode("ascii").translate(_WORD_MARKS)
    return marks.count(b" x") + marks.startswith(b"x")


@hookimpl
def seedcorpus_enrichers() -> Iterator[EnricherSpec]:
    """Provide the ``stats`` enricher."""
    yield EnricherSpec(
        name="stats",
        enrich=enrich,
        types=(Stats,),
        description="Words, sentences, paragraphs and reading time of the body",
        version="1",
    )

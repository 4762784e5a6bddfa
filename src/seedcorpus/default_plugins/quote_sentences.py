"""Where the sentence around an attribution starts and ends, mostly without splitting.

Indirect speech is the clause before or after an attribution, up to the bounds of its
sentence (``Harga naik. Itu wajar, kata Anas.``). Splitting a paragraph into sentences
(:meth:`seedcorpus.text.ArticleText.sentences`) costs more than the rest of reading its
indirect speech; most attributions sit where the bounds are plain to see: the nearest
period on each side ends a sentence for certain (a space and a capital follow it, or the
paragraph ends; no capital or abbreviation stands before it). These functions give
those bounds, the same the split gives, and ``-1`` where they cannot tell; the caller
then splits. See ``docs/enrichers/quotes.md``.
"""

from __future__ import annotations

from seedcorpus.text import period_ends_sentence

__all__ = ["plain", "sentence_end", "sentence_start"]

# Characters a sentence end is made of (its marks and closing quotes or brackets).
_END_CHARACTERS = frozenset(".!?…\"”’')]")


def plain(paragraph: str) -> bool:
    """Whether the only mark that may end a sentence in ``paragraph`` is the period:
    the functions below read periods alone."""
    return "!" not in paragraph and "?" not in paragraph and "…" not in paragraph


def _inside(paragraph: str, at: int) -> bool:
    """Whether ``at`` is a character that is part of a sentence's words, not of its
    end or of the space between sentences."""
    character = paragraph[at]
    return not character.isspace() and character not in _END_CHARACTERS


def sentence_start(paragraph: str, at: int) -> int:
    """Where the sentence of :func:`~seedcorpus.text.sentence_spans` that holds offset
    ``at`` of a :func:`plain` ``paragraph`` starts, or -1 if that takes the split."""
    if not _inside(paragraph, at):
        return -1
    period = paragraph.rfind(".", 0, at)
    if period < 0:
        return len(paragraph) - len(paragraph.lstrip())
    # ". X": the end of a sentence before, unless the period ends a run of periods
    # (which one match of the splitter takes together) or an abbreviation.
    if (
        period + 2 <= at
        and paragraph[period + 1] == " "
        and "A" <= paragraph[period + 2] <= "Z"
        and (period == 0 or paragraph[period - 1] != ".")
        and period_ends_sentence(paragraph, period)
    ):
        return period + 2
    return -1


def sentence_end(paragraph: str, at: int) -> int:
    """Where the sentence of :func:`~seedcorpus.text.sentence_spans` that holds offset
    ``at`` of a :func:`plain` ``paragraph`` ends, or -1 if that takes the split."""
    if not _inside(paragraph, at):
        return -1
    period = paragraph.find(".", at)
    if period < 0:
        return len(paragraph.rstrip())
    following = paragraph[period + 1 : period + 3]
    if (
        not following or (following[0] == " " and "A" <= following[1:] <= "Z")
    ) and period_ends_sentence(paragraph, period):
        return period + 1
    return -1

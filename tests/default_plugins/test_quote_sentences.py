"""The sentence bounds the quotes enricher reads without splitting are the split's.

The reference is the code the shortcut replaced: the paragraph split with
:func:`seedcorpus.text.sentence_spans`, then the sentence that holds the offset (or the
whole paragraph when none does).
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from seedcorpus.default_plugins import quote_sentences
from seedcorpus.text import article_text, sentence_spans

# Words and gaps that make periods of every kind: ends, abbreviations and initials
# (upper and lower case), decimals, runs of periods, glued sentences, other marks,
# closing quotes and brackets.
_WORDS = st.sampled_from(
    [
        *("Harga", "naik", "kata", "Anas", "BMKG", "Dr", "dr", "Prof", "jebol", "kol"),
        *("S", "H", "M.Si", "1.500", "Rp862", "(1/7)", "Senin", "itu", "x", "É", "é"),
        *('"Kami', 'siap,"', "“Ya”", "(BPS)", "ini.", "kios.Kepala", "no", "st", "NO"),
    ]
)
_GAPS = st.sampled_from([" ", " ", " ", ". ", ".", ", ", "  ", ".. ", ". . ", '." ', ".) "])
_ENDS = st.sampled_from(["", ".", "!", "?", "…", ". ", '."', "  ", ".\n"])


@st.composite
def _paragraphs(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.tuples(_WORDS, _GAPS), min_size=1, max_size=14))
    lead = draw(st.sampled_from(["", " ", "  ", ". ", ".", "A. "]))
    return lead + "".join(word + gap for word, gap in parts).rstrip() + draw(_ENDS)


def _old_sentence(paragraph: str, at: int) -> tuple[int, int]:
    """quotes._indirect's sentence before the shortcut."""
    for bounds in sentence_spans(paragraph):
        if bounds[0] <= at < bounds[1]:
            return bounds
    return (0, len(paragraph))


@given(_paragraphs())
def test_plain_bounds_are_the_bounds_of_the_split(paragraph: str) -> None:
    if not quote_sentences.plain(paragraph):
        return
    for at in range(len(paragraph)):
        start, end = _old_sentence(paragraph, at)
        found_start = quote_sentences.sentence_start(paragraph, at)
        found_end = quote_sentences.sentence_end(paragraph, at)
        assert found_start in (-1, start), at
        assert found_end in (-1, end), at


@given(_paragraphs())
def test_the_shared_split_agrees(paragraph: str) -> None:
    # The enricher falls back on ArticleText.sentences, which is sentence_spans.
    assert list(article_text((paragraph,)).sentences(0)) == sentence_spans(paragraph)


def test_most_bounds_are_read_without_the_split() -> None:
    paragraph = "Harga naik. Itu wajar, kata Anas. Dr. Budi menilai harga turun."
    at = paragraph.index(", kata")
    assert quote_sentences.sentence_start(paragraph, at) == paragraph.index("Itu")
    assert quote_sentences.sentence_end(paragraph, at) == paragraph.index(" Dr.")
    # The period of "Dr." may end an abbreviation: the split decides.
    assert quote_sentences.sentence_start(paragraph, paragraph.index("Budi")) == -1
    assert not quote_sentences.plain("Naik? Ya, kata Anas.")

"""The faster searches of the quotes enricher find exactly what the plain ones find.

Each search below replaced a simpler one for speed (``docs/performance.md``); these
properties compare the two on text made of the characters that matter to them, so
that any input, not only news prose, gives the same result.
"""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from seedcorpus.default_plugins import quote_patterns, quotes, speaker_places


def texts(pieces: list[str], max_size: int = 40) -> st.SearchStrategy[str]:
    """Text joined from ``pieces``: the characters and words a search turns on."""
    return st.lists(st.sampled_from(pieces), max_size=max_size).map("".join)


QUOTE_PIECES = ['"', "“", "”", "a", " ", "Kata", ",", "\n"]


@given(texts(QUOTE_PIECES), st.integers(0, 60))
def test_quotations_are_the_quote_pattern_matches(text: str, start: int) -> None:
    start = min(start, len(text))
    expected = [
        (m.start(), *m.span("text"), m.end()) for m in quote_patterns.QUOTE.finditer(text, start)
    ]

    assert quotes._quotations(text, start) == expected


PLACE_PIECES = [" di ", "di ", "Kendari", "Kabupaten ", "Kab. ", "Kota ", "Wali ", "Desa "]
PLACE_PIECES += ["Provinsi ", "Kecamatan ", "Landak", "x", "-", " ", "Bogor"]
_HEADS = re.compile("|".join(re.escape(head) for head in speaker_places._PLACE_HEADS))
_DI = re.compile(r" di ([A-ZÀ-ÖØ-Þ][a-z]+)(?![\w'’-])")


def _plain_place_words(text: str) -> set[str]:
    """The place words as one search for " di " and one for all heads find them."""
    found = {word.lower() for word in _DI.findall(text)}
    for head in _HEADS.finditer(text):
        at, end = head.span()
        opens = at == 0 or not text[at - 1].isalnum()
        if opens and (head.group() != "Kota " or not text.endswith("Wali ", 0, at)):
            word = speaker_places._CAPITALIZED.match(text, end)
            if word is not None:
                found.add(word.group().lower())
    return found


@given(texts(PLACE_PIECES))
def test_place_words_are_those_of_the_plain_searches(text: str) -> None:
    assert speaker_places._place_words(text) == _plain_place_words(text)


def test_no_cue_word_starts_another() -> None:
    # The cue words before a quotation are one alternation with shared starts; it
    # matches what the plain alternation matches only while this holds.
    words = [*quote_patterns.CUES.split("|"), "menurut"]

    assert not [(a, b) for a in words for b in words if a != b and b.startswith(a)]


_PLAIN_CUE_BEFORE = re.compile(
    quote_patterns.CUE_BEFORE_QUOTE.pattern.replace(
        quote_patterns._CUES_BEFORE, f"{quote_patterns.CUES}|menurut"
    )
)
CUE_PIECES = ["kata", "Kata", "menurut", "Menurut", "tutur", "tutup", "nya", " ", ", "]
CUE_PIECES += ["Budi", "dia", "Anas", ": ", "x"]


@given(texts(CUE_PIECES, max_size=12))
def test_cue_before_a_quotation_is_found_as_before(text: str) -> None:
    assert _PLAIN_CUE_BEFORE.pattern != quote_patterns.CUE_BEFORE_QUOTE.pattern
    expected = _PLAIN_CUE_BEFORE.search(text)
    found = quote_patterns.CUE_BEFORE_QUOTE.search(text)

    assert (found and (found.span(), found.groupdict())) == (
        expected and (expected.span(), expected.groupdict())
    )


ADJUNCT_PIECES = [" ", "\n", "\u00a0", "di", "Budi", ",", "(", ")", "ke", "x"]


@given(texts(ADJUNCT_PIECES, max_size=30))
def test_last_five_words_are_those_of_a_full_split(text: str) -> None:
    # The adjunct test reads the last five words with rsplit, which stops early.
    tail = text.rstrip()

    assert tail.rsplit(None, 5)[-5:] == tail.split()[-5:]

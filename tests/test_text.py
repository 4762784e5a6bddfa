"""Whitespace normalization, the rule every text field of the JSON contract follows, and
the sentence splitter."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seedcorpus import text as text_module
from seedcorpus.text import normalize, sentence_count, sentence_spans


@given(st.text())
def test_normalize_collapses_every_unicode_whitespace_run(text: str) -> None:
    expected = re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()
    assert normalize(text) == expected


@given(st.text())
def test_normalize_is_idempotent(text: str) -> None:
    assert normalize(normalize(text)) == normalize(text)


def test_nbsp_crlf_and_decomposed_letters() -> None:
    assert normalize("\u00a0Juma\u0301t\r\n\tpagi  ") == "Jumát pagi"


# --- sentences ---------------------------------------------------------------------------

# Text made of what the splitter looks at: marks, closing and opening quotes, capitals,
# abbreviations in any case (the Kelvin sign lower-cases to "k"), initials, whitespace.
_SENTENCE_PIECES = st.sampled_from(
    [".", ".", "!", "?", "…", '"', "”", "’", "'", ")", "]", "“", "‘", "(", "[", " ", " ",
     "\n", "\xa0", "a", "Z", "É", "1", "dr", "Dr", "DR", "No", "letkol", "PROF", "Sdri",
     "\u212ah", "S", "kios.Kepala", "kata", "Budi"]
)  # fmt: skip
_SENTENCE_TEXTS = st.lists(_SENTENCE_PIECES, max_size=30).map("".join) | st.text(max_size=40)


def _reference_sentence_spans(text: str) -> list[tuple[int, int]]:
    """The splitter as first written: one search, every period checked in Python."""
    pattern = re.compile(
        r"[.!?…]+[\"”’')\]]*(?=\s+[\"“‘(\[]?[A-Z]|\s*$|(?<=[a-z]{2}\.)[A-Z][a-z])"
    )
    spans: list[tuple[int, int]] = []
    start = 0
    for match in pattern.finditer(text):
        dot = match.start()
        if match.end() - dot == 1 and text[dot] == "." and _reference_abbreviation(text, dot):
            continue
        _reference_add(text, start, match.end(), spans)
        start = match.end()
    _reference_add(text, start, len(text), spans)
    return spans


def _reference_abbreviation(text: str, dot: int) -> bool:
    window = text[max(0, dot - 9) : dot]
    word = window[max(window.rfind(" "), window.rfind(".")) + 1 :].lstrip("\"“‘'([")
    if len(word) > 7:
        return False
    return (len(word) == 1 and word.isupper()) or word.lower() in text_module._ABBREVIATIONS


def _reference_add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        left = start + len(chunk) - len(chunk.lstrip())
        spans.append((left, left + len(stripped)))


@settings(max_examples=500)
@given(_SENTENCE_TEXTS)
def test_sentence_spans_agree_with_the_reference_splitter(text: str) -> None:
    assert sentence_spans(text) == _reference_sentence_spans(text)


@given(_SENTENCE_TEXTS)
def test_sentence_count_is_the_number_of_spans(text: str) -> None:
    assert sentence_count(text) == len(sentence_spans(text))


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("", 0),
        ("   ", 0),
        ("Satu.", 1),
        ("Satu. Dua", 2),
        ("Kata dr. Andi. Lalu pergi.", 2),
        ("A. Budi datang.", 1),
        ("Benarkah?! Ya.", 2),
    ],
)
def test_sentence_count(text: str, count: int) -> None:
    assert sentence_count(text) == count

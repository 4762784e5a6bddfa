"""Whitespace normalization, the rule every text field of the JSON contract follows, and
the sentence splitter."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import example, given, settings
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


# The splitter as of 08a4397, kept to check the one that replaced it: every match of the
# pattern tested in Python, where the new one tests only those ending in a period after a
# capital or an abbreviation's last two letters, and tries the common case first.
_REFERENCE_NEXT = r"[\"”’')\]]*(?=\s+[\"“‘(\[]?[A-Z]|\s*$|(?<=[a-z]{2}\.)[A-Z][a-z])"
_REFERENCE_ENDS = {
    lines: (
        re.compile(r"[.!?…][.!?…]*" + _REFERENCE_NEXT, flags),
        re.compile(r"\.\.*" + _REFERENCE_NEXT, flags),
    )
    for lines, flags in ((False, re.NOFLAG), (True, re.MULTILINE))
}


def _reference_sentence_ends(text: str, lines: bool = False) -> list[int]:
    marks, periods = _REFERENCE_ENDS[lines]
    pattern = marks if ("!" in text or "?" in text or "…" in text) else periods
    endings = text_module._ABBREVIATION_ENDINGS
    ends: list[int] = []
    for dot, end in map(re.Match.span, pattern.finditer(text)):
        if (
            end - dot == 1
            and (text[dot - 2 : dot].lower() in endings or text[dot - 1].isupper())
            and text[dot] == "."
            and _reference_after_abbreviation(
                text, dot, text.rfind("\n", 0, dot) + 1 if lines else 0
            )
        ):
            continue
        ends.append(end)
    return ends


def _reference_after_abbreviation(text: str, dot: int, start: int = 0) -> bool:
    window = text[max(start, dot - 8) : dot]
    word = window[max(window.rfind(" "), window.rfind(".")) + 1 :].lstrip("\"“‘'([")
    if len(word) > 6:
        return False
    return (len(word) == 1 and word.isupper()) or word.lower() in text_module._ABBREVIATIONS


# Pieces for that: text that starts with an initial ("A. "), abbreviations after openers
# and newlines, capitals in and out of ASCII, marks glued to words.
_SPLIT_PIECES = st.sampled_from(
    [".", ".", ". ", ". ", "A. ", "z. ", "!", "?", "…", '"', "”", "’", ")", "(", "“", " ", " ",
     "\n", "\xa0", "A", "a", "Z", "É", "ß", "1", "dr", "DR", "Dr", "drg", "no", "No", "kol", "si",
     "ab", "jl", "yth", "\u212ah", "\u212a", "S", "kios.Kepala", "kata", "Budi", "1.500"]
)  # fmt: skip
_SPLIT_TEXTS = st.lists(_SPLIT_PIECES, max_size=40).map("".join) | st.text(max_size=60)


@settings(max_examples=1000)
@given(_SPLIT_TEXTS, st.booleans())
@example("A. Budi", False)  # an initial whose period is the second character
@example("Kata dr.\nDr. Andi.", True)
def test_sentence_ends_agree_with_the_splitter_they_replaced(text: str, lines: bool) -> None:
    assert text_module._sentence_ends(text, lines) == _reference_sentence_ends(text, lines)


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

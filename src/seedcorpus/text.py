"""Text helpers shared by parsers and enrichers: whitespace normalization, sentences."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["normalize", "sentence_spans"]


def normalize(text: str) -> str:
    """Return ``text`` in Unicode NFC, every run of whitespace one space, ends stripped.

    >>> normalize("  Jakarta\\u00a0(ANTARA) -\\r\\n Indonesia ")
    'Jakarta (ANTARA) - Indonesia'
    """
    # str.split() with no argument splits on every Unicode whitespace run (U+00A0
    # included) and drops the ends: the same as re.sub(r"\s+", " ", ...).strip(), faster.
    return " ".join(unicodedata.normalize("NFC", text).split())


# A sentence ends at . ! ? or … (plus closing quotes or brackets) when the next sentence
# visibly starts: whitespace, then a capital (maybe after an opening quote or bracket).
# Bodies flattened by scrapers glue sentences ("kios.Kepala"), so a period right between
# a lower-case word and a capitalized one ends a sentence too.
_NEXT_STARTS = r"[\"”’')\]]*(?=\s+[\"“‘(\[]?[A-Z]|\s*$|(?<=[a-z]{2}\.)[A-Z][a-z])"
_END = re.compile(r"[.!?…]+" + _NEXT_STARTS)
# The same for text whose only marks are periods, which is most paragraphs: a pattern
# that starts with a literal ("\.\.*", not "\.+") is searched many times faster.
_PERIOD_END = re.compile(r"\.\.*" + _NEXT_STARTS)
# Characters that may open a word before an abbreviation: '(dr.'.
_OPENERS = "\"“‘'(["

# Words that end with a period without ending the sentence: titles and ranks before
# names ("dr.", "Irjen Pol."), "No." before numbers, and the like. Compared in lower case.
# fmt: off
_ABBREVIATIONS = frozenset((
    "dr", "drg", "drs", "dra", "prof", "ir", "hj", "kh", "st", "no", "jl", "jln", "kec",
    "kab", "kel", "bpk", "sdr", "sdri", "ny", "tn", "mr", "mrs", "ms", "vs", "etc",
    "rp", "bp", "si", "pd", "pol", "kol", "letkol", "jend", "inf", "purn", "tgl", "yth",
))
# fmt: on
_LONGEST_ABBREVIATION = max(map(len, _ABBREVIATIONS))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` offsets of the sentences in ``text``, in order.

    Decimals and thousands (``1.500``), initials and abbreviations such as ``dr.`` or
    ``No.`` do not end a sentence. Each span is stripped of surrounding whitespace;
    text that is only whitespace has no sentences.

    >>> text = "Harga naik 1.500 persen. Kata dr. Andi, ini wajar."
    >>> [text[start:end] for start, end in sentence_spans(text)]
    ['Harga naik 1.500 persen.', 'Kata dr. Andi, ini wajar.']
    """
    other_marks = "!" in text or "?" in text or "…" in text
    spans: list[tuple[int, int]] = []
    start = 0
    for match in (_END if other_marks else _PERIOD_END).finditer(text):
        dot = match.start()
        if match.end() - dot == 1 and text[dot] == "." and _after_abbreviation(text, dot):
            continue
        _add_span(text, start, match.end(), spans)
        start = match.end()
    _add_span(text, start, len(text), spans)
    return spans


def _after_abbreviation(text: str, dot: int) -> bool:
    """Whether the period at ``dot`` ends an abbreviation or an initial."""
    # The word is what follows the last space or period, so "S.H." is checked as "H"
    # (an initial, like the "S" of "S. Anwar"). Only a few characters are looked at: a
    # longer word is no abbreviation.
    window = text[max(0, dot - _LONGEST_ABBREVIATION - 2) : dot]
    word = window[max(window.rfind(" "), window.rfind(".")) + 1 :].lstrip(_OPENERS)
    if len(word) > _LONGEST_ABBREVIATION:
        return False
    return (len(word) == 1 and word.isupper()) or word.lower() in _ABBREVIATIONS


def _add_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        left = start + len(chunk) - len(chunk.lstrip())
        spans.append((left, left + len(stripped)))

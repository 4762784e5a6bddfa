"""Text helpers shared by parsers and enrichers: whitespace normalization, sentences."""

from __future__ import annotations

import functools
import re
import unicodedata

__all__ = [
    "ArticleText",
    "article_text",
    "normalize",
    "sentence_count",
    "sentence_spans",
    "split_names",
]


def normalize(text: str) -> str:
    """Return ``text`` in Unicode NFC, every run of whitespace one space, ends stripped.

    >>> normalize("  Jakarta\\u00a0(ANTARA) -\\r\\n Indonesia ")
    'Jakarta (ANTARA) - Indonesia'
    """
    # str.split() with no argument splits on every Unicode whitespace run (U+00A0
    # included) and drops the ends: the same as re.sub(r"\s+", " ", ...).strip(), faster.
    return " ".join(unicodedata.normalize("NFC", text).split())


_NAME_SEPARATORS = re.compile(r"\s*(?:,|;|&|\s+dan\s+|\s+and\s+)\s*", re.IGNORECASE)


def split_names(text: str) -> tuple[str, ...]:
    """Split a printed list of people into names: ``A dan B``, ``A, B dan C``, ``A & B``.

    >>> split_names("Arnidhya Nur Zhafira dan Dadan Ramdani")
    ('Arnidhya Nur Zhafira', 'Dadan Ramdani')
    >>> split_names("  ")
    ()
    """
    return tuple(name for name in _NAME_SEPARATORS.split(normalize(text)) if name)


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


def _maybe_abbreviation() -> str:
    """A group, right after a period, that is set when the period may end an abbreviation:
    it follows one of the words, in any case, or a lone character ("S. Anwar")."""
    by_length: dict[int, list[str]] = {}
    for word in sorted(_ABBREVIATIONS):
        by_length.setdefault(len(word), []).append(word)
    # A lookbehind has a fixed width: one for each length.
    behinds = [f"(?<=(?i:{'|'.join(words)})\\.)" for _, words in sorted(by_length.items())]
    behinds.append(r"(?<=[ .\"“‘'(\[][^ .]\.)")
    return f"(?P<abbreviation>{'|'.join(behinds)})?"


# A sentence ends at . ! ? or … (plus closing quotes or brackets) when the next sentence
# visibly starts: whitespace, then a capital (maybe after an opening quote or bracket).
# Bodies flattened by scrapers glue sentences ("kios.Kepala"), so a period right between
# a lower-case word and a capitalized one ends a sentence too. The group after the first
# mark spares most periods the slower exact test of _after_abbreviation.
_NEXT_STARTS = r"[\"”’')\]]*(?=\s+[\"“‘(\[]?[A-Z]|\s*$|(?<=[a-z]{2}\.)[A-Z][a-z])"
_END = re.compile(r"[.!?…]" + _maybe_abbreviation() + r"[.!?…]*" + _NEXT_STARTS)
# The same for text whose only marks are periods, which is most paragraphs: a pattern
# that starts with a literal ("\.\.*", not "\.+") is searched many times faster.
_PERIOD_END = re.compile(r"\." + _maybe_abbreviation() + r"\.*" + _NEXT_STARTS)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` offsets of the sentences in ``text``, in order.

    Decimals and thousands (``1.500``), initials and abbreviations such as ``dr.`` or
    ``No.`` do not end a sentence. Each span is stripped of surrounding whitespace;
    text that is only whitespace has no sentences.

    >>> text = "Harga naik 1.500 persen. Kata dr. Andi, ini wajar."
    >>> [text[start:end] for start, end in sentence_spans(text)]
    ['Harga naik 1.500 persen.', 'Kata dr. Andi, ini wajar.']
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for end in _sentence_ends(text):
        # The chunk holds the end mark, so it is never blank: only its start moves.
        if text[start].isspace():
            start = end - len(text[start:end].lstrip())
        spans.append((start, end))
        start = end
    tail = text[start:]
    stripped = tail.strip()
    if stripped:
        left = start + len(tail) - len(tail.lstrip())
        spans.append((left, left + len(stripped)))
    return spans


def sentence_count(text: str) -> int:
    """Return ``len(sentence_spans(text))`` without building the spans.

    >>> sentence_count("Harga naik 1.500 persen. Kata dr. Andi, ini wajar.")
    2
    """
    ends = _sentence_ends(text)
    last = ends[-1] if ends else 0
    # Every end closes one sentence; text after the last end is one more unless blank.
    return len(ends) + (last < len(text) and not text[last:].isspace())


def _sentence_ends(text: str) -> list[int]:
    """Offsets one past the end of each sentence but a last one without an end mark."""
    pattern = _END if ("!" in text or "?" in text or "…" in text) else _PERIOD_END
    ends: list[int] = []
    for match in pattern.finditer(text):
        dot, end = match.span()
        # Only a lone period may end an abbreviation ("dr." but not "dr.)" or "dr.!"); the
        # pattern's group marks those that may (but not at the very start: "A. Budi").
        if (
            end - dot == 1
            and text[dot] == "."
            and (dot < 2 or match.start("abbreviation") >= 0)
            and _after_abbreviation(text, dot)
        ):
            continue
        ends.append(end)
    return ends


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


class ArticleText:
    """What several enrichers derive from one article's paragraphs, each computed once.

    The ``dates``, ``quotes`` and ``stats`` enrichers each used to split the same
    paragraphs into sentences; they now ask :func:`article_text` for this object, which
    computes each paragraph's sentences on first use and keeps them for the others.

    >>> text = article_text(("Kata dr. Andi, ini wajar. Harga naik.", "Dua."))
    >>> text.sentences(0)
    ((0, 25), (26, 37))
    >>> text.sentence_total(), text.body.count("\\n")
    (3, 1)
    """

    __slots__ = ("_body", "_sentences", "paragraphs")

    def __init__(self, paragraphs: tuple[str, ...]) -> None:
        self.paragraphs = paragraphs
        """The paragraphs, as given."""
        self._body: str | None = None
        self._sentences: list[tuple[tuple[int, int], ...] | None] = [None] * len(paragraphs)

    @property
    def body(self) -> str:
        """The paragraphs joined with a newline between them."""
        if self._body is None:
            self._body = "\n".join(self.paragraphs)
        return self._body

    def sentences(self, index: int) -> tuple[tuple[int, int], ...]:
        """:func:`sentence_spans` of paragraph ``index``, computed once."""
        found = self._sentences[index]
        if found is None:
            found = self._sentences[index] = tuple(sentence_spans(self.paragraphs[index]))
        return found

    def sentence_total(self) -> int:
        """The number of sentences in all paragraphs: the sum of :func:`sentence_count`
        over them, using the spans other enrichers have already computed."""
        return sum(
            sentence_count(paragraph) if found is None else len(found)
            for paragraph, found in zip(self.paragraphs, self._sentences, strict=True)
        )


@functools.lru_cache(maxsize=4)
def article_text(paragraphs: tuple[str, ...]) -> ArticleText:
    """The shared :class:`ArticleText` of ``paragraphs`` (``article.paragraphs``).

    Keyed on the paragraphs themselves, so the enrichers of one article, run one after
    the other, share it; the few most recent articles are kept.
    """
    return ArticleText(paragraphs)

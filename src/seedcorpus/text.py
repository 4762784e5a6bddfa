"""Text helpers shared by parsers and enrichers: whitespace normalization, sentences."""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
import string
import unicodedata

__all__ = [
    "ArticleText",
    "article_text",
    "normalize",
    "period_ends_sentence",
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
# The last two letters of each abbreviation. A period ends an abbreviation or an initial
# only after one of these (in any case) or after a capital, so the exact test of
# _after_abbreviation runs for few periods. (The splitter's pattern used to have a group
# of look-behinds for this, tried at every period: it cost half of the split.)
_ABBREVIATION_ENDINGS = frozenset(word[-2:] for word in _ABBREVIATIONS)


def _case_variants(word: str) -> set[str]:
    """Every ASCII spelling of ``word`` that lower-cases to it: ``dr``, ``Dr``, ``dR``, ``DR``."""
    variants = {""}
    for letter in word:
        variants = {start + case for start in variants for case in {letter, letter.upper()}}
    return variants


# The same test for ASCII text as one set look-up of the three characters that end a match,
# instead of slicing, lower-casing and calling isupper for each: a lone period after an
# abbreviation's ending in any case, or after a capital (whatever comes before it).
_SUSPECTS = frozenset(
    {ending + "." for word in _ABBREVIATION_ENDINGS for ending in _case_variants(word)}
    | {chr(before) + capital + "." for before in range(128) for capital in string.ascii_uppercase}
)

# A sentence ends at . ! ? or … (plus closing quotes or brackets) when the next sentence
# visibly starts: whitespace, then a capital (maybe after an opening quote or bracket).
# Bodies flattened by scrapers glue sentences ("kios.Kepala"), so a period right between
# a lower-case word and a capitalized one ends a sentence too.
_NEXT_STARTS = r"[\"”’')\]]*(?=\s+[\"“‘(\[]?[A-Z]|\s*$|(?<=[a-z]{2}\.)[A-Z][a-z])"
# Most marks are followed by one space and a capital, or end the paragraph: that case is
# tried first, as one cheap look-ahead; the repeats and \s+ of the general one cost more.
# The general pattern matches such a mark alone too (no mark or closer follows it), so
# the matches are the same.
_COMMON = r"(?= [A-Z]|$)"
_END = r"[.!?…](?:" + _COMMON + r"|[.!?…]*" + _NEXT_STARTS + ")"
# The same for text whose only marks are periods, which is most paragraphs: a pattern
# that starts with a literal ("\.", not "[.!?…]") is searched many times faster.
_PERIOD_END = r"\.(?:" + _COMMON + r"|\.*" + _NEXT_STARTS + ")"
# Compiled for one text, and for paragraphs joined with newlines (see _sentence_ends),
# where "$" is the end of each paragraph.
_ENDS = {
    lines: (re.compile(_END, flags), re.compile(_PERIOD_END, flags))
    for lines, flags in ((False, re.NOFLAG), (True, re.MULTILINE))
}
_MATCH_END = re.Match.end
_PLUS_ONE = (1).__add__


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` offsets of the sentences in ``text``, in order.

    Decimals and thousands (``1.500``), initials and abbreviations such as ``dr.`` or
    ``No.`` do not end a sentence. Each span is stripped of surrounding whitespace;
    text that is only whitespace has no sentences.

    >>> text = "Harga naik 1.500 persen. Kata dr. Andi, ini wajar."
    >>> [text[start:end] for start, end in sentence_spans(text)]
    ['Harga naik 1.500 persen.', 'Kata dr. Andi, ini wajar.']
    """
    return _spans(text, _sentence_ends(text))


def _spans(text: str, ends: list[int]) -> list[tuple[int, int]]:
    """The stripped sentences of ``text`` that :func:`_sentence_ends` ends at ``ends``."""
    spans: list[tuple[int, int]] = []
    start = 0
    for end in ends:
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


def _sentence_ends(text: str, lines: bool = False) -> list[int]:
    """Offsets one past the end of each sentence but a last one without an end mark.

    With ``lines``, ``text`` is paragraphs joined with newlines, none holding one, and
    the ends are those of each paragraph on its own.
    """
    marks, periods = _ENDS[lines]
    pattern = marks if ("!" in text or "?" in text or "…" in text) else periods
    # Every match ends a sentence but a lone period after an abbreviation or initial. The
    # ends are listed without Python code per match, then the few that may be such a
    # period are picked out with one set look-up each: a match is a lone period exactly
    # when it ends with a period after no other mark (no match is followed by a mark, so
    # a mark before its period would belong to it).
    ends = list(map(_MATCH_END, pattern.finditer(text)))
    if not ends:
        return ends
    if text.isascii():  # (a flag of the string: free)
        suspects = [end for end in ends if text[end - 3 : end] in _SUSPECTS]
        if ends[0] == 2 and text[0].isupper() and text[1] == ".":  # no third character
            suspects.insert(0, 2)
    else:
        endings = _ABBREVIATION_ENDINGS
        suspects = [
            end
            for end in ends
            if text[end - 1] == "."
            and (text[end - 3 : end - 1].lower() in endings or text[end - 2].isupper())
        ]
    for end in suspects:
        if _after_abbreviation(text, end - 1, text.rfind("\n", 0, end - 1) + 1 if lines else 0):
            ends.remove(end)  # (rare: a list's remove is cheaper than a filter here)
    return ends


def _first_end(text: str) -> int | None:
    """``_sentence_ends(text)[0]``, or None when there is none, without looking past it."""
    marks, periods = _ENDS[False]
    pattern = marks if ("!" in text or "?" in text or "…" in text) else periods
    for end in map(_MATCH_END, pattern.finditer(text)):
        # The test of _sentence_ends for one end: a period after a capital or an
        # abbreviation's ending (and so after no mark) may end an abbreviation.
        if not (
            text[end - 1] == "."
            and (
                text[end - 3 : end - 1].lower() in _ABBREVIATION_ENDINGS or text[end - 2].isupper()
            )
            and _after_abbreviation(text, end - 1)
        ):
            return end
    return None


def period_ends_sentence(text: str, period: int) -> bool:
    """Whether the sentence split (:func:`sentence_spans`) keeps the period at offset
    ``period`` of ``text`` as a sentence's end, where it ends the split's match: it drops
    one only after an initial or an abbreviation.

    >>> period_ends_sentence("Kata dr. Andi.", 7), period_ends_sentence("Kata dr. Andi.", 13)
    (False, True)
    """
    # Only a period after a capital or an abbreviation's last two letters is tested.
    return not (
        (
            period < 2
            or text[period - 1].isupper()
            or text[period - 2 : period].lower() in _ABBREVIATION_ENDINGS
        )
        and _after_abbreviation(text, period)
    )


def _after_abbreviation(text: str, dot: int, start: int = 0) -> bool:
    """Whether the period at ``dot`` ends an abbreviation or an initial; the word before
    it begins at ``start`` or later."""
    return _ends_abbreviation(text[max(start, dot - _LONGEST_ABBREVIATION - 2) : dot])


# Keyed on the few characters before the period, which decide: most of the periods tested
# end the same common words ("informasi.", "banjir.") in article after article.
@functools.lru_cache(maxsize=2048)
def _ends_abbreviation(window: str) -> bool:
    """Whether ``window``, the characters before a period, ends with an abbreviation or
    an initial."""
    # The word is what follows the last space or period, so "S.H." is checked as "H"
    # (an initial, like the "S" of "S. Anwar"). Only a few characters are looked at: a
    # longer word is no abbreviation.
    word = window[max(window.rfind(" "), window.rfind(".")) + 1 :].lstrip(_OPENERS)
    if len(word) > _LONGEST_ABBREVIATION:
        return False
    return (len(word) == 1 and word.isupper()) or word.lower() in _ABBREVIATIONS


class ArticleText:
    """What several enrichers derive from one article's paragraphs, each computed once.

    The ``dates``, ``quotes`` and ``stats`` enrichers each used to split the same
    paragraphs into sentences; they now ask :func:`article_text` for this object. The
    sentences of all paragraphs are found in one search of :attr:`body` when first
    counted; a paragraph asked for before that is split on its own. Either way the
    results are those of :func:`sentence_spans` and :func:`sentence_count` on each
    paragraph.

    >>> text = article_text(("Kata dr. Andi, ini wajar. Harga naik.", "Dua."))
    >>> text.sentences(0)
    ((0, 25), (26, 37))
    >>> text.sentence_total(), text.body.count("\\n")
    (3, 1)
    """

    __slots__ = ("_body", "_ends", "_searched", "_sentences", "paragraphs")

    def __init__(self, paragraphs: tuple[str, ...]) -> None:
        self.paragraphs = paragraphs
        """The paragraphs, as given."""
        self._body: str | None = None
        self._searched = False
        self._ends: list[int] | None = None
        self._sentences: list[tuple[tuple[int, int], ...] | None] = [None] * len(paragraphs)

    @property
    def body(self) -> str:
        """The paragraphs joined with a newline between them."""
        if self._body is None:
            self._body = "\n".join(self.paragraphs)
        return self._body

    def _body_ends(self) -> list[int] | None:
        """The sentence ends of every paragraph as offsets into :attr:`body`, found in
        one search; None when a paragraph holds a newline (then the body's lines are not
        its paragraphs)."""
        if not self._searched:
            self._searched = True
            if not any(map(operator.contains, self.paragraphs, itertools.repeat("\n"))):
                self._ends = _sentence_ends(self.body, lines=True)
        return self._ends

    def sentences(self, index: int) -> tuple[tuple[int, int], ...]:
        """:func:`sentence_spans` of paragraph ``index``, computed once."""
        found = self._sentences[index]
        if found is None:
            paragraph = self.paragraphs[index]
            if self._ends is not None:  # the body has been searched: take its ends
                start = sum(map(len, self.paragraphs[:index])) + index
                first = bisect.bisect_right(self._ends, start)
                last = bisect.bisect_right(self._ends, start + len(paragraph), first)
                ends = [end - start for end in self._ends[first:last]]
            else:
                ends = _sentence_ends(paragraph)
            found = self._sentences[index] = tuple(_spans(paragraph, ends))
        return found

    def lead_end(self, index: int) -> int:
        """Where the first of the :meth:`sentences` of paragraph ``index`` ends, or the
        paragraph's length when it has none; without splitting the rest of the paragraph
        unless that is known already."""
        found = self._sentences[index]
        if found is None and self._ends is not None:
            found = self.sentences(index)
        paragraph = self.paragraphs[index]
        if found is not None:
            return found[0][1] if found else len(paragraph)
        end = _first_end(paragraph)
        if end is not None:
            return end
        # No end: the one sentence is the paragraph stripped, if it is not blank.
        return len(paragraph.rstrip()) or len(paragraph)

    def sentence_total(self) -> int:
        """The number of sentences in all paragraphs: the sum of :func:`sentence_count`
        over them."""
        ends = self._body_ends()
        if ends is None:
            return sum(
                sentence_count(paragraph) if found is None else len(found)
                for paragraph, found in zip(self.paragraphs, self._sentences, strict=True)
            )
        # Every end closes a sentence, and a paragraph holds one more unless it is blank
        # or ends with an end: sentence_count's rule, for all paragraphs at once. Where each
        # paragraph's text ends in the body is worked out without Python code per
        # paragraph; a blank one "ends" at its start, where no sentence ends (the
        # character before is a newline, not a mark).
        lengths = list(map(len, map(str.rstrip, self.paragraphs)))
        starts = itertools.accumulate(map(_PLUS_ONE, map(len, self.paragraphs)), initial=0)
        lasts = map(operator.add, starts, lengths)
        return len(ends) + len(lengths) - lengths.count(0) - len(set(ends).intersection(lasts))


@functools.lru_cache(maxsize=4)
def article_text(paragraphs: tuple[str, ...]) -> ArticleText:
    """The shared :class:`ArticleText` of ``paragraphs`` (``article.paragraphs``).

    Keyed on the paragraphs themselves, so the enrichers of one article, run one after
    the other, share it; the few most recent articles are kept.
    """
    return ArticleText(paragraphs)

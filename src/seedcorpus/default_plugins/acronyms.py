"""The ``acronyms`` enricher: acronyms the article defines, with their long forms.

Two forms are recognised: ``Long Form (ABBR)`` and ``ABBR (Long Form)``. A definition
counts only when the letters of the acronym can be read off the long form's words in
order: each word gives a prefix of itself (usually its initial; ``Kemen`` of
``Kementerian``), hyphenated parts count as words (``Bangsa-Bangsa``), and function words
(``dan``, ``untuk``, ...) may give nothing. So ``Pendayagunaan Aparatur Negara dan
Reformasi Birokrasi (PANRB)`` is a definition and ``Organisasi Kesehatan Dunia (WHO)``,
an English acronym of a translated name, is not. See ``docs/enrichers/acronyms.md``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from typing import ClassVar

import attrs

from seedcorpus.hookspecs import hookimpl
from seedcorpus.models import Article, Enrichment
from seedcorpus.specs import EnricherSpec

__all__ = ["Acronym", "Acronyms", "enrich", "seedcorpus_enrichers"]

_SHORT = r"[A-Z][A-Za-z0-9&\-]{1,11}"
# Every definition has parentheses; a pattern that starts with a literal is searched
# much faster than one that starts with a capital.
_PARENS = re.compile(r"\((?P<inner>[^()]{1,150})\)")
# The same for the fields joined with NUL between them (see _parentheses), which it does
# not cross.
_JOINED_PARENS = re.compile(r"\((?P<inner>[^()\x00]{1,150})\)")
# "Long Form (ABBR)": the acronym alone in the parentheses.
_SHORT_FORM = re.compile(_SHORT)
# "ABBR (Long Form)": the acronym right before them.
_SHORT_BEFORE = re.compile(rf"(?<![\w&\-])(?P<short>{_SHORT})\s*$")
# A long form does not run across these.
_CLAUSE_BREAKS = '.,;:!?()"“”'
_WORD = re.compile(r"[^\W_]+")
# Words a long form may skip; Indonesian and English (for names kept in English).
# fmt: off
_FUNCTION_WORDS = frozenset((
    "dan", "di", "ke", "dari", "untuk", "yang", "atau", "serta", "bagi", "pada",
    "dalam", "dengan", "oleh", "of", "and", "the", "for", "on", "in", "to",
))
# fmt: on
# Characters before an acronym searched for its long form.
_WINDOW = 200
# A long form has at most this many more words than its acronym has letters.
_EXTRA_WORDS = 4


@attrs.frozen
class Acronym:
    """One acronym definition.

    ``start`` and ``end`` are character offsets into the text of ``field``
    (``article.title``, ``article.caption.text`` or ``article.paragraphs[i]`` for
    ``paragraphs.<i>``) and span the whole definition, ``Long Form (ABBR)`` or
    ``ABBR (Long Form)``.
    """

    short: str
    """The acronym as printed, e.g. ``PBB``."""
    long: str
    """The long form as printed, e.g. ``Perserikatan Bangsa-Bangsa``."""
    start: int
    """Offset of the first character of the definition in the field's text."""
    end: int
    """Offset one past the last character (the closing parenthesis)."""
    field: str
    """The field the definition is in, ``title``, ``caption.text`` or ``paragraphs.<i>``."""


@attrs.frozen
class Acronyms(Enrichment):
    """The acronyms an article defines, each once, in order of first definition."""

    kind: ClassVar[str] = "acronyms"

    acronyms: tuple[Acronym, ...] = ()
    """One entry per short form; the first definition wins."""


def _letters(short: str) -> str | None:
    """The letters to spell, or None if ``short`` does not look like an acronym."""
    if sum(map(str.isupper, short)) < 2:
        return None  # "Persero", "Covid": a word in parentheses
    return "".join(c for c in short.lower() if c.isalpha())


def _spells(letters: str, words: list[str]) -> bool:
    """Whether ``words`` spell ``letters``: each word a prefix, function words optional."""
    if not words:
        return not letters
    word = words[0]
    for length in range(1, min(len(word), len(letters)) + 1):
        if word[length - 1] != letters[length - 1]:
            break
        if _spells(letters[length:], words[1:]):
            return True
    return word in _FUNCTION_WORDS and _spells(letters, words[1:])


def _fits(letters: str, words: list[str]) -> bool:
    """Like :func:`_spells`, but the first and last words must give letters."""
    return (
        bool(words)
        and words[0] not in _FUNCTION_WORDS
        and words[-1] not in _FUNCTION_WORDS
        and words[0][0] == letters[0]
        and _spells(letters, words)
    )


def _long_before(text: str, start: int, letters: str) -> int | None:
    """Start offset of the shortest long form ending right before ``start``, if any."""
    window = max(0, start - _WINDOW)
    offset = max(window, *(text.rfind(c, window, start) + 1 for c in _CLAUSE_BREAKS))
    words = [(m.start(), m.group().lower()) for m in _WORD.finditer(text, offset, start)]
    for count in range(1, min(len(words), len(letters) + _EXTRA_WORDS) + 1):
        if _fits(letters, [word for _, word in words[-count:]]):
            return words[-count][0]
    return None


def _parentheses(texts: Sequence[str]) -> dict[int, list[tuple[int, int, str]]]:
    """The ``(start, end, inner text)`` of the parentheses in ``texts``, by index."""
    found: dict[int, list[tuple[int, int, str]]] = {}
    # One search over all texts instead of one per paragraph; most have no parentheses.
    joined = "\x00".join(texts)
    if joined.count("\x00") >= len(texts):  # a text holds a NUL: search them one by one
        for index, text in enumerate(texts):
            matches = [(m.start(), m.end(), m.group("inner")) for m in _PARENS.finditer(text)]
            if matches:
                found[index] = matches
        return found
    starts = []
    offset = 0
    for text in texts:
        starts.append(offset)
        offset += len(text) + 1
    for match in _JOINED_PARENS.finditer(joined):
        index = bisect.bisect_right(starts, match.start()) - 1
        start = starts[index]
        found.setdefault(index, []).append(
            (match.start() - start, match.end() - start, match.group("inner"))
        )
    return found


def _find(field: str, text: str, parentheses: list[tuple[int, int, str]]) -> Iterator[Acronym]:
    for paren_start, paren_end, inner in parentheses:
        letters = _letters(inner) if _SHORT_FORM.fullmatch(inner) else None
        if letters is not None:
            start = _long_before(text, paren_start, letters)
            if start is not None:
                long = text[start:paren_start].rstrip()
                yield Acronym(inner, long, start, paren_end, field)
            continue
        before = _SHORT_BEFORE.search(text, max(0, paren_start - 16), paren_start)
        if before is None:
            continue
        letters = _letters(before.group("short"))
        long = inner.strip()
        words = [word.lower() for word in _WORD.findall(long)]
        if letters and len(words) <= len(letters) + _EXTRA_WORDS and _fits(letters, words):
            yield Acronym(before.group("short"), long, before.start(), paren_end, field)


def enrich(article: Article) -> Acronyms:
    """Find the acronym definitions in the title, caption and paragraphs of ``article``."""
    texts = [article.title or ""]
    if article.caption is not None:
        texts.append(article.caption.text)
    texts += article.paragraphs
    # Field names are made only for the few texts with parentheses.
    first_paragraph = len(texts) - len(article.paragraphs)
    names = ["title", "caption.text"][:first_paragraph]

    first: dict[str, Acronym] = {}
    for index, parentheses in sorted(_parentheses(texts).items()):
        number = index - first_paragraph
        field = names[index] if number < 0 else f"paragraphs.{number}"
        for acronym in _find(field, texts[index], parentheses):
            first.setdefault(acronym.short, acronym)
    return Acronyms(acronyms=tuple(first.values()))


@hookimpl
def seedcorpus_enrichers() -> Iterator[EnricherSpec]:
    """Provide the ``acronyms`` enricher."""
    yield EnricherSpec(
        name="acronyms",
        enrich=enrich,
        types=(Acronyms,),
        description="Acronyms defined in the text, with their long forms",
        version="1",
    )

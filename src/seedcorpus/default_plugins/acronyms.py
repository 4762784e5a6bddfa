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

import re
from collections.abc import Iterator
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
    if sum(c.isupper() for c in short) < 2:
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


def _find(field: str, text: str) -> Iterator[Acronym]:
    for match in _PARENS.finditer(text):
        inner = match.group("inner")
        letters = _letters(inner) if _SHORT_FORM.fullmatch(inner) else None
        if letters is not None:
            start = _long_before(text, match.start(), letters)
            if start is not None:
                long = text[start : match.start()].rstrip()
                yield Acronym(inner, long, start, match.end(), field)
            continue
        before = _SHORT_BEFORE.search(text, max(0, match.start() - 16), match.start())
        if before is None:
            continue
        letters = _letters(before.group("short"))
        long = inner.strip()
        words = [word.lower() for word in _WORD.findall(long)]
        if letters and len(words) <= len(letters) + _EXTRA_WORDS and _fits(letters, words):
            yield Acronym(before.group("short"), long, before.start(), match.end(), field)


def enrich(article: Article) -> Acronyms:
    """Find the acronym definitions in the title, caption and paragraphs of ``article``."""
    fields = [("title", article.title)]
    if article.caption is not None:
        fields.append(("caption.text", article.caption.text))
    fields += [(f"paragraphs.{i}", paragraph) for i, paragraph in enumerate(article.paragraphs)]

    first: dict[str, Acronym] = {}
    for field, text in fields:
        for acronym in _find(field, text):
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

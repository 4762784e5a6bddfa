"""The words an article uses as place names (``di Kendari``, ``Kabupaten Landak``).

A place word stands between an office and a name (``Bupati Landak Karolin Margret
Natasa``) and is never a speaker (``kata Asmar di Kendari, Minggu``): the speaker resolver
(:mod:`seedcorpus.default_plugins.speakers`) asks :class:`Places` about each word it reads.
See ``docs/enrichers/quotes.md``.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable

__all__ = ["Places"]


class Places(Container[str]):
    """The lower-case words an article uses as place names: ``known`` ones (its dateline)
    and every capitalized word printed after ``di``, ``Kabupaten``, ``Kota``, ``Desa``,
    ... in ``text``, found in a few fast searches of it, on the first question: an
    article with no attribution never asks."""

    def __init__(self, text: str, known: Iterable[str] = ()) -> None:
        self._text = text
        self._known = set(known)
        self._words: set[str] | None = None

    @property
    def words(self) -> set[str]:
        """The same words as a set, whose membership test costs no Python call: the
        speaker resolver asks about every word it reads."""
        if self._words is None:
            self._words = self._known | _place_words(self._text)
        return self._words

    def add(self, known: Iterable[str]) -> None:
        """Take ``known`` as words that are not names here (an organisation's words)."""
        self.words.update(known)

    def __contains__(self, key: object) -> bool:
        return key in self.words


# Words that introduce a place: "di Kendari", "Kabupaten Landak". A search is fastest
# when its pattern opens with a literal (a scan for one character is much faster than
# one for a set) that few places of the text hold: " di " is found from its "di ", the
# space checked behind it (opening with "d" alone tries a match at every "d", which
# costs more than the longer scan), and the other heads, rarer, by three patterns that
# open with one capital each. No head holds a capital after its first letter, so no
# occurrence of one hides another, and the words they find are the same whatever the
# order of the searches.
_DI_PLACE = re.compile(r"di (?<= di )([A-ZÀ-ÖØ-Þ][a-z]+)(?![\w'’-])")
_PLACE_HEADS = ("Kabupaten ", "Kab. ", "Kota ", "Provinsi ", "Kecamatan ", "Desa ")
_PLACE_HEAD_SEARCHES = tuple(
    re.compile("|".join(re.escape(head) for head in _PLACE_HEADS if head[0] == first))
    for first in sorted({head[0] for head in _PLACE_HEADS})
)
_CAPITALIZED = re.compile(r"[A-ZÀ-ÖØ-Þ][a-z]+(?![\w'’-])")


def _place_words(text: str) -> set[str]:
    """The capitalized words ``text`` prints after a word that introduces a place."""
    found = {word.lower() for word in _DI_PLACE.findall(text)}
    for search in _PLACE_HEAD_SEARCHES:
        for head in search.finditer(text):
            at, end = head.span()
            opens = at == 0 or not text[at - 1].isalnum()
            if opens and (head.group() != "Kota " or not text.endswith("Wali ", 0, at)):
                word = _CAPITALIZED.match(text, end)
                if word is not None:
                    found.add(word.group().lower())
    return found

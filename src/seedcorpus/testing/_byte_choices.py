"""Many small choices from one Hypothesis draw of bytes.

A draw costs a few dozen microseconds; an example made of a hundred small choices spends
most of its time drawing them one by one. :class:`_Choices` reads them from one
``st.binary`` draw instead, and shrinks as well: smaller bytes, earlier options.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import TypeVar

from hypothesis import strategies as st

__all__: list[str] = []

_T = TypeVar("_T")


class _Choices:
    """Small choices read from one draw of bytes, a byte (or two) each; byte 0 gives the
    first option, so the choices shrink with the bytes. Past the end, every byte is 0."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._index = 0

    def byte(self) -> int:
        """The next byte."""
        index = self._index
        self._index += 1
        return self._data[index] if index < len(self._data) else 0

    def below(self, limit: int) -> int:
        """A number from 0 to ``limit - 1``; from two bytes when ``limit`` exceeds 64."""
        value = self.byte() if limit <= 64 else self.byte() << 8 | self.byte()
        return value % limit

    def flag(self) -> bool:
        """True or false, about evenly (false for byte 0)."""
        return self.byte() % 2 == 1

    def pick(self, options: Sequence[_T]) -> _T:
        """One of ``options``."""
        return options[self.byte() % len(options)]

    def take(self, size: int) -> bytes:
        """The next ``size`` bytes."""
        return bytes(self.byte() for _ in range(size))


@functools.cache
def _bytes(size: int) -> st.SearchStrategy[bytes]:
    """``size`` bytes in one draw: many small choices at the cost of one. Built once a
    size: a strategy built inside a composite is built, validated and labelled again at
    each draw, which costs more than the draw."""
    return st.binary(min_size=size, max_size=size)

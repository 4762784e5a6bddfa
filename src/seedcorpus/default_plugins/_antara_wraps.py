"""Hard-wrapped paragraphs in a text of blank-line blocks: lines that go on the one before.

A text laid out in blocks separated by blank lines, one paragraph a block, may still be
hard-wrapped at a fixed width (a mail, a terminal, a print view saved as text). A wrapped
line that starts with a lower-case letter is joined while the units are cut (see
:meth:`._antara_reader.Reader.units`); one that starts with a capital or a digit
("Pontianak, Kalimantan Barat, ..." or "2024.") is joined here, once the text is known to
have such blocks, only where the wrap shows: the line before it is long, ends no
sentence and no caption, and the line's first word would not have fit on it.
"""

from __future__ import annotations

from collections.abc import Callable

from seedcorpus.default_plugins import _antara_lines as shape
from seedcorpus.default_plugins._antara_fields import (
    BLOCK,
    END,
    LINES,
    PRINTED,
    START,
    Range,
    Unit,
    unit_ranges,
)

__all__ = ["join_wrapped"]

# A wrapped line is long (a wrap width is seldom under 60), in a block no wider than this.
_WRAP_MIN = 50
_WRAP_MAX = 100


def join_wrapped(
    text: str,
    units: list[Unit],
    candidates: list[int],
    credit: Callable[[Unit], tuple[Range, Range] | None],
    first_footer: int,
) -> int:
    """Join each candidate unit (a text line after a text unit of its block) that is a
    hard-wrapped line onto the unit before it, last first; return ``first_footer``, the
    index of the first footer unit, as it is after the joins."""
    for index in reversed(candidates):
        unit, last = units[index], units[index - 1]
        if not _wrapped(text, units, index, credit):
            continue
        if last[LINES] is None:
            last[LINES] = [(last[START], last[END])]
        last[LINES].extend(unit_ranges(unit))
        last[END] = unit[END]
        last[PRINTED] = None
        del units[index]
        if index < first_footer:
            first_footer -= 1
    return first_footer


def _wrapped(
    text: str,
    units: list[Unit],
    index: int,
    credit: Callable[[Unit], tuple[Range, Range] | None],
) -> bool:
    """Whether ``units[index]`` is the hard-wrapped rest of the unit before it."""
    unit, last = units[index], units[index - 1]
    before_start, before_end = unit_ranges(last)[-1]
    while before_end > before_start and text[before_end - 1].isspace():
        before_end -= 1
    length = before_end - before_start
    if length < _WRAP_MIN or text[before_end - 1] in shape.TERMINAL:
        return False
    width = 0
    for other in units:  # the block's widest line
        if other[BLOCK] == unit[BLOCK]:
            for line_start, line_end in unit_ranges(other):
                width = max(width, line_end - line_start)
    start, end = unit[START], unit[END]
    space = text.find(" ", start, end)
    word = (end if space < 0 else space) - start
    return (
        width <= _WRAP_MAX
        and length + 1 + word > width
        and shape.DATELINE_HINT.search(text, start, min(end, start + 80)) is None
        and credit(last) is None
    )

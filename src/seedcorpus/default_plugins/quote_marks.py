"""Quotation marks: where the quotations of a paragraph open and close.

The ``quotes`` enricher reads direct speech between straight or curly quotation marks
(``"..."``, ``“...”``), a quotation that goes on in the next paragraph (its closing mark
missing) and the closing mark that ends such a continuation. See
``docs/enrichers/quotes.md``.
"""

from __future__ import annotations

__all__ = ["closes", "quotations", "unclosed"]


def quotations(paragraph: str, start: int) -> list[tuple[int, int, int, int]]:
    """What :data:`~seedcorpus.default_plugins.quote_patterns.QUOTE` finds in
    ``paragraph`` from ``start``, each as (mark start, text start, text end, mark end).
    Found with :meth:`str.find`, which goes to the next mark at once where the pattern
    steps through every character of the quotation."""
    found: list[tuple[int, int, int, int]] = []
    if "“" not in paragraph and "”" not in paragraph:
        # Straight marks only (most text): each pair of marks with text between is one.
        at = paragraph.find('"', start)
        while at >= 0:
            end = paragraph.find('"', at + 1)
            if end < 0:
                break
            if end > at + 1:
                found.append((at, at + 1, end, end + 1))
                at = paragraph.find('"', end + 1)
            else:
                at = end  # '""': no text; the second mark may open one
        return found
    at = _next_mark(paragraph, '"“', start)
    while at >= 0:
        # The quotation runs to the next mark of any kind; it must be a closing one.
        end = _next_mark(paragraph, '"“”', at + 1)
        if end < 0:
            break
        if end > at + 1 and paragraph[end] != "“":
            found.append((at, at + 1, end, end + 1))
            at = _next_mark(paragraph, '"“', end + 1)
        else:
            at = _next_mark(paragraph, '"“', at + 1)
    return found


def _next_mark(paragraph: str, marks: str, start: int) -> int:
    """The offset of the first of ``marks`` in ``paragraph`` from ``start``, or -1."""
    found = [at for at in (paragraph.find(mark, start) for mark in marks) if at >= 0]
    return min(found) if found else -1


def closes(paragraph: str, at: int) -> bool:
    """Whether the quotation mark at ``at`` closes (text before it, none after)."""
    return (
        at > 0
        and not paragraph[at - 1].isspace()
        and (at + 1 == len(paragraph) or not paragraph[at + 1].isalnum())
    )


def unclosed(paragraph: str, start: int) -> int | None:
    """The offset of an opening quotation mark after ``start`` that no mark closes."""
    for mark in ('"', "“"):
        at = paragraph.find(mark, start)
        if (
            at >= 0
            and (at == 0 or paragraph[at - 1].isspace())
            and paragraph[at + 1 : at + 2].isalnum()
            and paragraph.find('"', at + 1) < 0
            and paragraph.find("”", at + 1) < 0
        ):
            return at
    return None

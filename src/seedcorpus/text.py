"""Text normalization shared by parsers, enrichers and the JSON contract."""

from __future__ import annotations

import unicodedata

__all__ = ["normalize"]


def normalize(text: str) -> str:
    """Return ``text`` in Unicode NFC, every run of whitespace one space, ends stripped.

    >>> normalize("  Jakarta\\u00a0(ANTARA) -\\r\\n Indonesia ")
    'Jakarta (ANTARA) - Indonesia'
    """
    # str.split() with no argument splits on every Unicode whitespace run (U+00A0
    # included) and drops the ends: the same as re.sub(r"\s+", " ", ...).strip(), faster.
    return " ".join(unicodedata.normalize("NFC", text).split())

"""Whitespace normalization, the rule every text field of the JSON contract follows."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from seedcorpus.text import normalize


@given(st.text())
def test_normalize_collapses_every_unicode_whitespace_run(text: str) -> None:
    expected = re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()
    assert normalize(text) == expected


@given(st.text())
def test_normalize_is_idempotent(text: str) -> None:
    assert normalize(normalize(text)) == normalize(text)


def test_nbsp_crlf_and_decomposed_letters() -> None:
    assert normalize("\u00a0Juma\u0301t\r\n\tpagi  ") == "Jumát pagi"

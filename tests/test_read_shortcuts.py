"""The shortcuts on the way from a manifest row to an article's text agree with the
general code they stand in for."""

from __future__ import annotations

import os

from hypothesis import given
from hypothesis import strategies as st

from seedcorpus import decoding
from seedcorpus.manifest import files, table

_BOMS = [bom for bom, _ in decoding._BOMS]


@given(st.text("ab/.", max_size=6), st.text("ab/.", max_size=6).filter(lambda p: p[:1] != "/"))
def test_joined_is_os_path_join_for_a_relative_part(root: str, part: str) -> None:
    assert files._joined(root, part) == os.path.join(root, part)


@given(st.one_of(st.binary(max_size=8), st.tuples(st.sampled_from(_BOMS), st.binary(max_size=4))))
def test_the_bom_lead_test_lets_every_bom_through(drawn: bytes | tuple[bytes, bytes]) -> None:
    data = drawn if isinstance(drawn, bytes) else b"".join(drawn)
    if any(data.startswith(bom) for bom in _BOMS):
        assert data[:1] in decoding._BOM_LEADS
    text, encoding = decoding.decode(data)
    assert (text, encoding) == _general_decode(data)


def _general_decode(data: bytes) -> tuple[str, str]:
    """decode() as it was, trying every BOM on every file."""
    for bom, encoding in decoding._BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                break
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    repair = decoding._mostly_utf8(data)
    if repair is not None:
        return repair.text, "utf-8"
    detected = decoding._detected(data)
    if detected is not None:
        return detected
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


@given(st.text(st.sampled_from("a_-./\\: \t\n\0é٣\u00a0\u2028"), max_size=8) | st.text(max_size=8))
def test_a_plain_path_is_one_the_general_checks_accept(file: str) -> None:
    if table._PLAIN_PATH.fullmatch(file):
        assert table._path_problem(file) is None
    assert table.path_problem(file) == table._path_problem(file)


@given(
    st.binary(max_size=32)
    | st.lists(
        st.sampled_from([b"\xc2", b"\xc2\xa0", b"\xc2\x85", b"\xc2\x9f", b"a", b"\x80"])
    ).map(b"".join)
)
def test_the_c1_test_finds_what_the_search_finds(data: bytes) -> None:
    assert decoding._has_c1(data) == (decoding._C1_UTF8.search(data) is not None)

"""seedcorpus.decoding: bytes to text, whatever the bytes are."""

from __future__ import annotations

import codecs
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seedcorpus import decoding
from seedcorpus.decoding import BINARY_SHARE, MIN_DETECT_BYTES, decode, decode_article
from seedcorpus.errors import ParseError

TEXT = "Judul berita\n\nJakarta (ANTARA) - “Kami siap,” kata Anas di kafe © 2024.\n"
# Long enough for charset-normalizer to be asked.
LONG = TEXT * 3

HAS_DETECTOR = decoding._detector() is not None
HAS_FTFY = decoding._mojibake_fixer() is not None


@pytest.fixture
def no_detector(monkeypatch: pytest.MonkeyPatch) -> None:
    """Decode as if the ``charset`` extra were not installed."""
    monkeypatch.setattr(decoding, "_detector", lambda: None)


@pytest.fixture
def no_ftfy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Decode as if the ``fix`` extra were not installed."""
    monkeypatch.setattr(decoding, "_mojibake_fixer", lambda: None)


# --- decode -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        pytest.param(TEXT.encode("utf-8"), "utf-8", id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig", id="utf-8-bom"),
        pytest.param(TEXT.encode("utf-16"), "utf-16", id="utf-16-native"),
        pytest.param(codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16", id="utf-16-le"),
        pytest.param(codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16", id="utf-16-be"),
        pytest.param(codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"), "utf-32", id="utf-32-le"),
        pytest.param(codecs.BOM_UTF32_BE + TEXT.encode("utf-32-be"), "utf-32", id="utf-32-be"),
    ],
)
def test_unicode_is_read_by_its_bom_or_as_utf8(data: bytes, encoding: str) -> None:
    assert decode(data) == (TEXT, encoding)


def test_a_broken_file_that_starts_with_a_bom_is_still_decoded() -> None:
    data = codecs.BOM_UTF16_LE + "Judul".encode("utf-16-le") + b"\x00\xd8"  # lone surrogate
    text, encoding = decode(data)
    assert encoding in ("cp1252", "latin-1")
    assert text.encode("utf-8")  # no surrogate made it through


def test_without_the_detector_legacy_text_is_cp1252_then_latin1(no_detector: None) -> None:
    assert decode(LONG.encode("cp1252")) == (LONG, "cp1252")
    # 0x81 is not a cp1252 character: latin-1 takes every byte.
    assert decode(b"caf\xe9 \x81") == ("café \x81", "latin-1")


@pytest.mark.skipif(not HAS_DETECTOR, reason="needs the charset extra (charset-normalizer)")
def test_the_detector_prefers_cp1252_among_equivalent_encodings() -> None:
    # charset-normalizer lists cp1250 first for this; both give the same text.
    assert decode(LONG.encode("cp1252")) == (LONG, "cp1252")


@pytest.mark.skipif(not HAS_DETECTOR, reason="needs the charset extra (charset-normalizer)")
def test_the_detector_reads_other_legacy_encodings() -> None:
    russian = "Привет, мир! Как дела у всех в редакции сегодня утром? Всё хорошо, спасибо."
    assert decode(russian.encode("cp1251")) == (russian, "cp1251")


def test_the_detector_is_not_asked_about_short_or_binary_data(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[bytes] = []

    def spy(data: bytes) -> list[object]:
        asked.append(data)
        return []

    monkeypatch.setattr(decoding, "_detector", lambda: spy)
    short = "caf\xe9 di Jakarta".encode("cp1252")
    assert len(short) < MIN_DETECT_BYTES
    assert decode(short) == ("café di Jakarta", "cp1252")
    # charset-normalizer calls such data UTF-16, turning it into CJK text.
    assert decode(b"Judul\x00\x00 caf\xe9 berita " * 10)[1] == "cp1252"
    assert asked == []
    assert decode(LONG.encode("cp1252"))[1] == "cp1252"
    assert asked == [LONG.encode("cp1252")]


def match(encoding: str, chaos: float = 0.0, *same: str) -> SimpleNamespace:
    """A stand-in for a charset-normalizer match."""
    return SimpleNamespace(encoding=encoding, chaos=chaos, could_be_from_charset=[encoding, *same])


@pytest.mark.parametrize(
    ("matches", "encoding"),
    [
        pytest.param([match("utf_16_be"), match("cp1251")], "cp1251", id="utf-16-guess-skipped"),
        pytest.param([match("utf_32_le"), match("utf_7")], "cp1252", id="only-unicode-guesses"),
        pytest.param([match("cp1250", 0.0, "cp1252")], "cp1252", id="equivalent"),
        pytest.param([match("cp1250"), match("mac_latin2", 0.0, "cp1252")], "cp1252", id="tied"),
        pytest.param([match("cp1250"), match("cp1252", 0.1)], "cp1250", id="worse"),
    ],
)
def test_detector_guesses(
    monkeypatch: pytest.MonkeyPatch, matches: list[SimpleNamespace], encoding: str
) -> None:
    monkeypatch.setattr(decoding, "_detector", lambda: lambda data: matches)
    data = LONG.replace("“", "").replace("”", "").encode("cp1252")
    assert decode(data) == (data.decode(encoding), encoding)


def test_a_detector_that_fails_falls_back(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(data: bytes) -> object:
        raise RuntimeError("detector bug")

    monkeypatch.setattr(decoding, "_detector", lambda: broken)
    assert decode(LONG.encode("cp1252")) == (LONG, "cp1252")


# --- decode_article -------------------------------------------------------------------------


def test_clean_utf8_has_no_problems() -> None:
    decoded = decode_article(TEXT.encode("utf-8"), path="a.txt")
    assert (decoded.text, decoded.encoding, decoded.problems) == (TEXT, "utf-8", ())


def test_legacy_bytes_are_a_not_utf8_problem_naming_the_first_bad_line(no_detector: None) -> None:
    data = "Judul\r\n\r\nJakarta - kafe\n\nbiaya © 2024\n".encode("cp1252")
    decoded = decode_article(data, path="a.txt")
    [problem] = decoded.problems
    assert (problem.code, problem.path, problem.line) == ("not-utf8", "a.txt", 5)
    assert problem.message == "not valid UTF-8; decoded as cp1252"
    assert "©" in decoded.text


def test_utf16_with_a_bom_is_a_not_utf8_problem_without_a_line() -> None:
    [problem] = decode_article(TEXT.encode("utf-16"), path="a.txt").problems
    assert str(problem) == "a.txt: decoded as utf-16, from its byte-order mark [not-utf8]"


def test_stray_nuls_and_controls_are_removed_and_recorded() -> None:
    data = "Judul\n\nJakarta\x00 (ANTARA) - isi\x01\x00.\r\nlagi \ufeffteks\n".encode()
    decoded = decode_article(data, path="a.txt")
    assert decoded.text == "Judul\n\nJakarta (ANTARA) - isi.\r\nlagi teks\n"
    [problem] = decoded.problems
    assert str(problem) == (
        "a.txt:3: removed 4 control characters (NUL, U+0001, U+FEFF) [control-characters]"
    )


@pytest.mark.parametrize(("char", "name"), [("\ufeff", "U+FEFF"), ("\x9d", "U+009D")])
def test_a_lone_bom_or_c1_control_in_utf8_is_removed(char: str, name: str) -> None:
    data = f"\ufeffJudul\n\nisi{char} teks\n".encode()
    decoded = decode_article(data)
    assert decoded.text == "Judul\n\nisi teks\n"
    assert [p.message for p in decoded.problems] == [f"removed 1 control character ({name})"]


def test_whitespace_controls_are_text() -> None:
    text = "Judul\t\x0b\x0c\x1c\x85 x\n"
    assert decode_article(text.encode()).text == text


@pytest.mark.parametrize("encoding", ["utf-8", "latin-1"])
def test_binary_data_is_refused_naming_file_and_line(encoding: str) -> None:
    # Exactly the share allowed, then one control character more.
    share = int(BINARY_SHARE * 100)
    allowed = ("Judul\n\né" + "x" * (92 - share) + "\x00" * share).encode(encoding)
    assert len(decode_article(allowed).text) == 100 - share
    with pytest.raises(ParseError) as caught:
        decode_article(allowed[:-1] + b"\x00\x00", path="a.bin")
    assert str(caught.value).startswith("a.bin:3: looks like binary data, not text: 11% ")
    assert "(the first, NUL, is on this line)" in str(caught.value)


def test_an_image_is_binary() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06"
    with pytest.raises(ParseError, match="looks like binary data"):
        decode_article(png * 10)


MOJIBAKE = "Judul\n\n“Kami siap,“ kata dia di kafé.\n\nCOPYRIGHT © ANTARA 2024\n"
BROKEN = MOJIBAKE.encode("utf-8").decode("cp1252")


@pytest.mark.skipif(not HAS_FTFY, reason="needs the fix extra (ftfy)")
def test_mojibake_is_repaired_with_ftfy() -> None:
    assert "â€œKami" in BROKEN
    decoded = decode_article(BROKEN.encode("utf-8"), path="a.txt")
    assert decoded.text == MOJIBAKE
    [problem] = decoded.problems
    assert (problem.code, problem.line) == ("mojibake-fixed", 3)


@pytest.mark.skipif(not HAS_FTFY, reason="needs the fix extra (ftfy)")
def test_utf8_with_a_stray_cp1252_byte_is_repaired_too(no_detector: None) -> None:
    # One cp1252 byte makes the file not UTF-8; read as cp1252, its UTF-8 turns to mojibake.
    data = "Judul kafé\n\n".encode("cp1252") + "COPYRIGHT © ANTARA 2024\n".encode()
    decoded = decode_article(data)
    assert decoded.text == "Judul kafé\n\nCOPYRIGHT © ANTARA 2024\n"
    assert [p.code for p in decoded.problems] == ["not-utf8", "mojibake-fixed"]


def test_without_ftfy_mojibake_is_left_as_it_is(no_ftfy: None) -> None:
    decoded = decode_article(BROKEN.encode("utf-8"))
    assert (decoded.text, decoded.problems) == (BROKEN, ())


def test_text_without_mojibake_pairs_never_reaches_ftfy(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(text: str) -> str:
        raise AssertionError("ftfy was called")

    monkeypatch.setattr(decoding, "_mojibake_fixer", lambda: fail)
    # é, ©, curly quotes and no-break spaces, but no "Â©"-like pair.
    for text in (TEXT, "café naïve\xa0x ½ © “a”", "São Tomé"):
        assert decode_article(text.encode()).text == text
        assert decode_article(text.encode("cp1252")).text == text


@given(
    st.binary(max_size=64)
    | st.text(alphabet="a \n\ufeff\x85\x9d\x81\u00a0é€\x01", max_size=24).map(str.encode)
)
def test_quick_checks_of_utf8_agree_with_the_searches(data: bytes) -> None:
    # One-byte finds go before the searches; they must never change an answer.
    plain = (
        bool(data.translate(None, decoding._NOT_CONTROL_BYTES))
        or decoding._C1_UTF8.search(data) is not None
        or data.find(codecs.BOM_UTF8, 1) >= 0
    )
    assert decoding._utf8_has_controls(data) == plain


# --- UTF-8 with a few bad bytes -------------------------------------------------------------

MOSTLY = "Judul kafé\n\nJakarta (ANTARA) - “Kami siap,” kata Anas.\n\nCOPYRIGHT © ANTARA 2024"


@pytest.mark.parametrize(
    ("data", "text", "message", "line"),
    [
        pytest.param(
            MOSTLY.encode() + b"\xc3",
            MOSTLY + "Ã",
            "ends inside a UTF-8 character (cut short?), read as cp1252; the rest is UTF-8",
            5,
            id="cut-inside-a-character",
        ),
        pytest.param(
            MOSTLY.encode() + "—".encode()[:2],
            MOSTLY + "â€",
            "ends inside a UTF-8 character (cut short?), read as cp1252; the rest is UTF-8",
            5,
            id="cut-after-two-of-three-bytes",
        ),
        pytest.param(
            MOSTLY.encode().replace(b"Kami", b"K\xe9mi"),
            MOSTLY.replace("Kami", "Kémi"),
            "not valid UTF-8 in 1 place, read there as cp1252; the rest is UTF-8",
            3,
            id="a-stray-legacy-byte",
        ),
        pytest.param(
            MOSTLY.encode() + b" caf\xe9",
            MOSTLY + " café",
            "ends inside a UTF-8 character (cut short?), read as cp1252; the rest is UTF-8",
            5,
            id="a-legacy-byte-at-the-end",
        ),
    ],
)
def test_mostly_utf8_keeps_its_utf8_and_names_the_bad_line(
    data: bytes, text: str, message: str, line: int
) -> None:
    # Guessing an encoding for the whole file (hp_roman8, gb18030) garbled every ©,
    # quotation mark and no-break space in it for the sake of one byte.
    decoded = decode_article(data, path="a.txt")
    assert (decoded.text, decoded.encoding) == (text, "utf-8")
    [problem] = decoded.problems
    assert (problem.code, problem.message, problem.line) == ("not-utf8", message, line)


def test_legacy_text_with_one_accidental_utf8_pair_is_still_legacy(no_detector: None) -> None:
    # As many bad bytes as valid characters: no evidence for UTF-8.
    data = "kafé Ã©".encode("cp1252") + b"\n"
    assert decode(data) == ("kafé Ã©\n", "cp1252")


@given(
    st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1),
    st.data(),
)
def test_one_stray_byte_in_utf8_changes_only_itself(text: str, data: st.DataObject) -> None:
    text = "é©" + text  # two valid multi-byte characters outweigh one bad byte
    at = data.draw(st.integers(0, len(text)))
    stray = data.draw(st.sampled_from([b"\xe9", b"\x92", b"\xa0", b"\xff"]))
    broken = text[:at].encode() + stray + text[at:].encode()
    decoded, encoding = decode(broken)
    assert encoding == "utf-8"
    assert (
        decoded == text[:at] + stray.decode("cp1252", "replace").replace("\ufffd", "ÿ") + text[at:]
    )

"""Turning an article file's bytes into text, and cleaning what decoding cannot fix.

:func:`decode` only decodes, and never fails. :func:`decode_article` is what a corpus
uses: it decodes, refuses binary data, removes control characters and repairs mojibake,
and lists each thing it did as a :class:`~seedcorpus.models.Problem`. The rules are
described in ``docs/corpus-format.md`` ("Reading files").
"""

from __future__ import annotations

import codecs
import functools
import importlib
import re
from collections.abc import Callable
from typing import Any

import attrs

from seedcorpus.errors import ParseError
from seedcorpus.models import Problem

__all__ = ["BINARY_SHARE", "MIN_DETECT_BYTES", "Decoded", "decode", "decode_article"]

BINARY_SHARE = 0.1
"""Text with a larger share of control characters than this is binary data, not text."""

_MAX_REPAIRS = 16
"""UTF-8 with more bad spots than this is not "mostly UTF-8": it goes to the detector."""

MIN_DETECT_BYTES = 64
"""Shorter data is too little to detect an encoding from: it is read as cp1252 or latin-1."""

# UTF-32 first: its little-endian BOM starts with the UTF-16 one.
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_BOM_LEADS = frozenset(bom[:1] for bom, _ in _BOMS)
_UTF8 = ("utf-8", "utf-8-sig")

# C0 control bytes other than whitespace: no text in a legacy 8-bit encoding has them.
# Where they occur the data is binary, or UTF-16/32 without a BOM; guessing an encoding
# for it (charset-normalizer readily calls it UTF-16) would turn junk into fake text.
_CONTROL_BYTE = re.compile(rb"[\x00-\x08\x0e-\x1b]")
# Control characters that are not whitespace (str.isspace() is false for them), and the
# BOM (U+FEFF) anywhere but at the start, where concatenated files leave it. Whitespace
# controls (tab, line ends, U+001C-U+001F, U+0085) stay: the parser reads them as space.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\ufeff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_NO_BOM_GUESS = re.compile(r"utf_(?:16|32|7)")
# UTF-8 read as cp1252 or latin-1 always shows a lead byte (Â-ô) followed by what a
# continuation byte (0x80-0xBF) becomes: a C1 control, U+00A0-U+00BF, or one of the
# characters cp1252 puts at 0x80-0x9F. Text without such a pair has none of that
# mojibake, and skips ftfy, which is slow (about 0.5 s per MB).
_MOJIBAKE_HINT = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030"
    "\u2039\u203a\u20ac\u2122]"
)
# The same two checks on UTF-8 bytes, the usual case, where they run several times
# faster than a regular expression over the text: in UTF-8 a byte below 0x80 is always
# that character, C1 controls are C2 80-9F, a BOM is EF BB BF, and the mojibake pairs
# above start C3 82-B4 followed by the lead byte of the second character.
_NOT_CONTROL_BYTES = bytes(set(range(256)) - {*range(0x09), *range(0x0E, 0x1C), 0x7F})
_C1_UTF8 = re.compile(rb"\xc2[\x80-\x84\x86-\x9f]")
_MOJIBAKE_HINT_UTF8 = re.compile(rb"\xc3[\x82-\xb4][\xc2\xc5\xc6\xcb\xe2]")
# The parser's line breaks: problem line numbers must match the ones it reports.
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@attrs.frozen
class Decoded:
    """An article file's text, ready for a parser, and what had to be done to get it."""

    text: str
    """The decoded text, control characters removed and mojibake repaired."""
    encoding: str
    """The encoding the bytes were decoded with (a Python codec name)."""
    problems: tuple[Problem, ...] = ()
    """``not-utf8``, ``control-characters``, ``mojibake-fixed``, in that order, each
    present only if it happened."""


@functools.cache
def _detector() -> Callable[[bytes], Any] | None:
    """charset-normalizer's ``from_bytes``, if the ``charset`` extra is installed."""
    try:
        module = importlib.import_module("charset_normalizer")
    except ImportError:
        return None
    detect: Callable[[bytes], Any] = module.from_bytes
    return detect


@functools.cache
def _mojibake_fixer() -> Callable[[str], str] | None:
    """ftfy's ``fix_encoding``, if the ``fix`` extra is installed."""
    try:
        module = importlib.import_module("ftfy")
    except ImportError:
        return None
    fix: Callable[[str], str] = module.fix_encoding
    return fix


def _detected(data: bytes) -> tuple[str, str] | None:
    """The text and encoding charset-normalizer finds, if it is installed and has enough
    to go on."""
    detect = _detector()
    if detect is None or len(data) < MIN_DETECT_BYTES or _CONTROL_BYTE.search(data):
        return None
    try:
        # Without a BOM, UTF-16/32 and UTF-7 are guesses that turn junk into fake text.
        matches = [m for m in detect(data) if not _NO_BOM_GUESS.match(str(m.encoding))]
        if not matches:
            return None
        best = matches[0]
        # Equally good encodings that decode to the same text are listed together, and
        # charset-normalizer names the first in its own order (cp1250 before cp1252).
        # Indonesian text in a legacy encoding is cp1252 far more often than anything.
        tied = (m for m in matches if m.chaos == best.chaos)
        cp1252 = any("cp1252" in m.could_be_from_charset for m in tied)
        encoding = "cp1252" if cp1252 else str(best.encoding)
        text = data.decode(encoding)
    except Exception:  # a detector failure must never make a file unreadable
        return None
    if _SURROGATE.search(text):  # none of the codecs left should; exports need UTF-8
        return None
    return text, encoding


@attrs.frozen
class _Repair:
    """UTF-8 with a few bytes that are not: where they were, and what was done."""

    text: str
    invalid: int  # bytes (or runs of them) read as cp1252, the last aside if truncated
    truncated: bool  # the data ended inside a character (read as cp1252 too)
    first: int  # the offset of the first bad byte


def _mostly_utf8(data: bytes) -> _Repair | None:
    """``data`` read as UTF-8 where it is valid and as cp1252 (else latin-1) where it is
    not, if the UTF-8 in it outweighs the rest: a file cut in the middle of a character,
    or a UTF-8 file with a stray legacy byte. Guessing an encoding for the whole of such
    a file (charset-normalizer calls it hp_roman8 or gb18030) would garble every
    non-ASCII character it has, not one.

    ``None`` if there is no valid multi-byte character, or no more of them than bad
    spots: legacy text, left to the detector.
    """
    parts: list[str] = []
    start = invalid = 0
    first: int | None = None
    truncated = False
    while start < len(data):
        try:
            parts.append(data[start:].decode("utf-8"))
            break
        except UnicodeDecodeError as error:
            bad, end = start + error.start, start + error.end
            parts.append(data[start:bad].decode("utf-8"))
            first = bad if first is None else first
            # Cut inside a character, or a legacy character at the very end: read as
            # cp1252 like the others, as it may be the latter (é is a UTF-8 lead byte).
            truncated = error.reason == "unexpected end of data" and end == len(data)
            invalid += 0 if truncated else 1
            if invalid > _MAX_REPAIRS:
                return None
            chunk = data[bad:end]
            try:
                parts.append(chunk.decode("cp1252"))
            except UnicodeDecodeError:
                parts.append(chunk.decode("latin-1"))
            start = end
    if first is None:
        return None
    valid = [part for part in parts[::2] if not part.isascii()]
    multibyte = sum(1 for part in valid for char in part if ord(char) > 0x7F)
    if multibyte <= invalid or multibyte == 0:
        return None
    return _Repair("".join(parts), invalid, truncated, first)


def decode(data: bytes) -> tuple[str, str]:
    """Decode an article file's bytes; return the text and the encoding used.

    Never fails. In order: a byte-order mark selects UTF-8, UTF-16 or UTF-32; then
    UTF-8; then UTF-8 with a few bad bytes, where its valid multi-byte characters
    outnumber them (a file cut inside a character, a stray legacy byte): the bad bytes
    (a last incomplete character too) are read as cp1252; then the encoding
    charset-normalizer detects, if the ``charset`` extra is
    installed, the data has at least :data:`MIN_DETECT_BYTES` and no control bytes,
    and the guess is not UTF-16, UTF-32 or UTF-7 (those need a BOM); then cp1252; then
    latin-1, which decodes anything. The text never holds a lone surrogate, so it always
    encodes as UTF-8.

    >>> decode("café".encode("utf-8"))
    ('café', 'utf-8')
    >>> decode(b"\\xff\\xfeA\\x00")
    ('A', 'utf-16')
    >>> decode(b"caf\\xe9 \\x81")
    ('café \\x81', 'latin-1')
    >>> decode("déjà vu".encode("utf-8") + b" \\xe9t\\xe9")
    ('déjà vu été', 'utf-8')
    """
    text, encoding, _ = _decode(data)
    return text, encoding


def _decode(data: bytes) -> tuple[str, str, _Repair | None]:
    """:func:`decode`, and what was repaired in UTF-8 that is mostly valid."""
    if data[:1] in _BOM_LEADS:  # one test where most files have no BOM, not five
        for bom, encoding in _BOMS:
            if data.startswith(bom):
                try:
                    return data.decode(encoding), encoding, None
                except UnicodeDecodeError:
                    break  # a broken file that only starts like one: decode it as bytes
    try:
        return data.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError:
        pass
    repair = _mostly_utf8(data)
    if repair is not None:
        return repair.text, "utf-8", repair
    detected = _detected(data)
    if detected is not None:
        return (*detected, None)
    try:
        return data.decode("cp1252"), "cp1252", None
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1", None


def _line(text: str, index: int) -> int:
    """The 1-based line of ``text[index]``, counting line breaks as the parser does."""
    return sum(1 for _ in _LINE_BREAK.finditer(text, 0, index)) + 1


def _not_utf8(data: bytes, encoding: str, path: str | None) -> Problem:
    if encoding in ("utf-16", "utf-32"):
        return Problem("not-utf8", f"decoded as {encoding}, from its byte-order mark", path=path)
    # The line of the first byte that is not UTF-8: the place to look at in the file.
    start = 0
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        start = error.start
    valid = data[:start].decode("utf-8")
    message = f"not valid UTF-8; decoded as {encoding}"
    return Problem("not-utf8", message, path=path, line=_line(valid, len(valid)))


def _repaired(data: bytes, repair: _Repair, path: str | None) -> Problem:
    valid = data[: repair.first].decode("utf-8")
    done = []
    if repair.invalid:
        places = "1 place" if repair.invalid == 1 else f"{repair.invalid} places"
        done.append(f"not valid UTF-8 in {places}, read there as cp1252")
    if repair.truncated:
        done.append("ends inside a UTF-8 character (cut short?), read as cp1252")
    message = "; ".join(done) + "; the rest is UTF-8"
    return Problem("not-utf8", message, path=path, line=_line(valid, len(valid)))


def _first_difference(a: str, b: str) -> int:
    """The first index where ``a`` and ``b`` differ (they do): a binary search, since
    comparing slices runs in C and texts may be megabytes long."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high) // 2
        if a[: middle + 1] == b[: middle + 1]:
            low = middle + 1
        else:
            high = middle
    return low


def _describe(char: str) -> str:
    return "NUL" if char == "\0" else f"U+{ord(char):04X}"


def _utf8_has_controls(data: bytes) -> bool:
    """Whether UTF-8 ``data`` may hold a character that :func:`_remove_controls` removes."""
    if data.translate(None, _NOT_CONTROL_BYTES):
        return True
    # A C1 control and a BOM are not ASCII: ASCII articles skip both searches. Each
    # search starts with a one-byte find (memchr), far quicker than the search itself
    # where the byte is absent, as the BOM's lead byte (0xEF) nearly always is.
    return not data.isascii() and (
        _has_c1(data) or (data.find(b"\xef", 1) >= 0 and data.find(codecs.BOM_UTF8, 1) >= 0)
    )


def _has_c1(data: bytes) -> bool:
    """Whether UTF-8 ``data`` holds a C1 control (other than U+0085): ``_C1_UTF8``."""
    # Most articles have a few C2 lead bytes (no-break spaces, ©), each found by memchr
    # and its next byte tested, in a third of the time the search takes to scan the
    # bytes; only where there are many does the search take over from the last one.
    at = data.find(b"\xc2")
    for _ in range(8):
        if at < 0:
            return False
        following = data[at + 1] if at + 1 < len(data) else 0
        if 0x80 <= following <= 0x9F and following != 0x85:
            return True
        at = data.find(b"\xc2", at + 1)
    return _C1_UTF8.search(data, at) is not None


def _remove_controls(text: str, path: str | None, problems: list[Problem]) -> str:
    """``text`` without its control characters, recording a problem if there were any.

    :raises ParseError: they are more than :data:`BINARY_SHARE` of the text.
    """
    first = _CONTROL.search(text)
    if first is None:
        return text
    cleaned = _CONTROL.sub("", text)
    removed = len(text) - len(cleaned)
    line = _line(text, first.start())
    if removed > BINARY_SHARE * len(text):
        raise ParseError(
            f"looks like binary data, not text: {removed / len(text):.0%} of its "
            f"characters are control characters (the first, {_describe(first.group())}, "
            "is on this line)",
            path=path,
            line=line,
        )
    kinds = ", ".join(sorted(_describe(char) for char in set(text) if _CONTROL.match(char)))
    count = "1 control character" if removed == 1 else f"{removed} control characters"
    problems.append(
        Problem("control-characters", f"removed {count} ({kinds})", path=path, line=line)
    )
    return cleaned


def decode_article(data: bytes, *, path: str | None = None) -> Decoded:
    """Decode an article file's bytes (see :func:`decode`) and clean the text.

    - Text of which more than :data:`BINARY_SHARE` is control characters is refused:
      it is binary data (an image, an archive, UTF-16 without a byte-order mark).
    - Otherwise control characters that are not whitespace (NUL, U+0001, ...) and
      byte-order marks after the start are removed: a ``control-characters`` problem.
    - Mojibake (UTF-8 once decoded as cp1252 or latin-1: ``Â©``, ``â€œ``) is repaired
      with ftfy, if the ``fix`` extra is installed: a ``mojibake-fixed`` problem.
      Without ftfy the text is left as it is.
    - Bytes that are not UTF-8 give a ``not-utf8`` problem naming the encoding used.

    Problems name ``path`` and the line (of the cleaned text) where that is known.

    :param path: the file, as problems and errors should name it.
    :raises ~seedcorpus.errors.ParseError: the data is binary; the error names the line
        of the first control character.
    """
    text, encoding, repair = _decode(data)
    utf8 = encoding in _UTF8 and repair is None
    if repair is not None:
        problems = [_repaired(data, repair, path)]
    else:
        problems = [] if utf8 else [_not_utf8(data, encoding, path)]
    if not utf8 or _utf8_has_controls(data):
        text = _remove_controls(text, path, problems)
        hint = _MOJIBAKE_HINT.search(text) is not None
    else:
        hint = b"\xc3" in data and _MOJIBAKE_HINT_UTF8.search(data) is not None
    fix = _mojibake_fixer()
    if hint and fix is not None:
        fixed = fix(text)
        if fixed != text:
            problems.append(
                Problem(
                    "mojibake-fixed",
                    "repaired mojibake (UTF-8 that had been decoded as cp1252 or latin-1)",
                    path=path,
                    line=_line(fixed, _first_difference(text, fixed)),
                )
            )
            text = fixed
    return Decoded(text=text, encoding=encoding, problems=tuple(problems))

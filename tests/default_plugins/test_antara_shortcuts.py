"""The ANTARA parser's shortcuts give what the patterns and helpers they stand in for give.

The parser avoids its slowest patterns where a cheaper test proves they cannot match, and
reads the usual shapes without them; each property here compares a shortcut with the
full computation on strings built from the pieces that matter to it.
"""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from seedcorpus.default_plugins import _antara_lines as shape
from seedcorpus.default_plugins._antara_fields import FOOTER, ITEM, PARAGRAPH, TEXT, FieldReader
from seedcorpus.default_plugins._antara_footer import FooterReader
from seedcorpus.default_plugins._antara_reader import Reader
from seedcorpus.models import Source, paragraph_field
from seedcorpus.specs import Document
from seedcorpus.text import normalize, split_names


def joined(pieces: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces), max_size=12).map("".join)


LINK_TEXTS = joined(
    [*("Baca", "BACA", "baca", "Bac", "juga", "Juga", "JUGA", "jUga", "uga", ":", "x"),
     *(" ", "  ", "\t", "\xa0", "\u2028", "\x0b", "\x85", "\n", "\r", "Baca juga:"),
     *("Related", "RELATED", "elated", "news", "News", "NEWS", "Also", "ALSO", "read", "Read"),
     *("READ", "ead", "Related news:", "Also read:", "sd", "Lihat", "Berita", "terkait"),
     *("Terkait", "TERKAIT", "Artikel", "kait", "Berita terkait:", "t")]
)  # fmt: skip


@given(LINK_TEXTS)
def test_has_link_is_the_link_pattern(text: str) -> None:
    assert shape.has_link(text) == (shape.LINK.search(text) is not None)


CREDIT_TEXTS = joined(
    [*("foto", "FOTO", "Foto", ":", " ", "\n", "\xa0", "kepri.", "a-b.", "-", ".", "x", "Z"),
     *("antara", "ANTARA", "Antara", "aNtArA", "news", "NEWS", ".com", "/", ")", "(", "1"),
     *("_", "é", "İ", "ſ", "K", "antaranews.com/", "ANTARA FOTO/", "(Foto antaranews.com)"),
     *("antarantara", "ANTARA/", " ANTARA News/")]
)  # fmt: skip


@given(CREDIT_TEXTS, st.integers(0, 200), st.integers(0, 200))
def test_credit_heads_are_found_from_their_reach(text: str, window: int, end: int) -> None:
    window, end = sorted((min(window, len(text)), min(end, len(text))))
    everywhere = [m.span() for m in shape.CREDIT_HEAD.finditer(text, window, end)]
    tail = text[window:end].lower()
    antara = tail.find("antara")
    if antara < 0:
        assert everywhere == []  # the parser skips the pattern here
    elif len(tail) == end - window:
        reach = shape.credit_head_reach(text, window + antara, window)
        found = [m.span() for m in shape.CREDIT_HEAD.finditer(text, reach, end)]
        assert found == everywhere
        last = shape.last_credit_head(text, tail, window, end, antara)
        assert (last and last.span()) == (everywhere[-1] if everywhere else None)


NAME_VALUES = joined(
    [*("A", "Budi", "dan", "DAN", "Dan", "and", "AND", ",", ";", "&", "x", "dani", "Idan"),
     *(" ", " ", "  ", "\t", "é", "Ω")]
).map(normalize)  # fmt: skip


@given(NAME_VALUES)
def test_names_split_as_split_names_does(value: str) -> None:
    assert shape.byline_names(value) == split_names(value)


SPACED_TEXTS = joined(
    [*("a", "Kata", "é", "e\u0301", ",", ".", "1", "\x00", "\xad", "\u200b"),
     *(" ", "  ", "\n", "\t", "\r", "\x0b", "\x0c", "\x1c", "\x1f", "\xa0", "\u3000")]
)  # fmt: skip


@given(SPACED_TEXTS, st.integers(0, 40), st.integers(0, 40))
def test_clean_is_normalize_with_the_offsets(text: str, start: int, end: int) -> None:
    # clean() joins words only where a value holds whitespace other than single spaces,
    # told by cheap tests for ASCII values: it must give what normalize() gives.
    start, end = sorted((min(start, len(text)), min(end, len(text))))
    reader = FieldReader(Document(id="a", text=text, source=Source("a.txt", "0" * 64, "x")))
    value = text[start:end]
    expected = None
    if value.strip():
        first = start + len(value) - len(value.lstrip())
        expected = (first, first + len(value.strip()), normalize(value))
    assert reader.clean(start, end) == expected


PARAGRAPH_PIECES = joined(
    [*("Kata", "dia", "é", "e\u0301", ".", "x" * 40, "y" * 39, " ", "  ", "\xa0", "\t"),
     *("\n", "\x0c", "\u3000", "–")]
)  # fmt: skip


@given(st.lists(PARAGRAPH_PIECES, max_size=8))
def test_plain_paragraphs_are_clean_values_without_repeats(pieces: list[str]) -> None:
    # plain_paragraph() normalizes as clean() does (no-break spaces replaced where the
    # rest is ASCII) and finds repeats by length before comparing: the same as a set.
    text = "|".join(pieces)
    reader = FieldReader(Document(id="a", text=text, source=Source("a.txt", "0" * 64, "x")))
    expected, spans, seen, repeats = [], [], set(), 0
    start = 0
    for number, piece in enumerate(pieces, start=1):
        end = start + len(piece)
        # The reader passes a unit's text when it is one line without odd spaces.
        one_line = not any(space in piece for space in "\n\r" + shape.OTHER_ASCII_SPACES)
        reader.plain_paragraph(start, end, number, piece if one_line else None)
        found = reader.clean(start, end)
        if found is not None:
            value = found[2]
            if len(value) >= 40 and value in seen:
                repeats += 1
            else:
                if len(value) >= 40:
                    seen.add(value)
                expected.append(value)
                spans += [found[0], found[1]]
        start = end + 1
    assert reader.paragraphs == expected
    assert reader.span_offsets == spans
    assert reader.span_fields == [paragraph_field(number) for number in range(len(expected))]
    assert [problem.code for problem in reader.problems] == ["repeated-paragraph"] * repeats
    assert expected == [normalize(value) for value in expected]


@given(st.lists(PARAGRAPH_PIECES, max_size=8), st.integers(0, 8), st.integers(0, 110))
def test_plain_paragraph_runs_name_each_paragraph_in_order(
    pieces: list[str], cut: int, before: int
) -> None:
    # plain_paragraphs() adds the field names of a run's paragraphs after its loop: the
    # same names, in the same order, as adding each one with its span, whatever number
    # the run starts at (the usual names are made once, up to 100).
    text = "|".join(pieces)
    reader = FieldReader(Document(id="a", text=text, source=Source("a.txt", "0" * 64, "x")))
    reader.paragraphs += ["earlier"] * before
    reader.span_fields += [paragraph_field(number) for number in range(before)]
    units, start = [], 0
    for number, piece in enumerate(pieces, start=1):
        units.append([start, start + len(piece), number, 0, TEXT, None, PARAGRAPH, None])
        start += len(piece) + 1
    reader.plain_paragraphs(units[:cut])
    reader.plain_paragraphs(units[cut:])
    assert len(reader.span_fields) * 2 == len(reader.span_offsets) + 2 * before
    assert reader.span_fields == [paragraph_field(n) for n in range(len(reader.paragraphs))]


DATELINE_TEXTS = joined(
    [*("Jakarta", "Bandar", "Lampung", "a", "É", "1", "-", ".", ",", " ", "  ", "\xa0", "\n"),
     *("(ANTARA)", "(Antara)", "(ANTARA", "(aNtArA)", "(ANTARA News)", "(", ")", " - ", "--"),
     *("–", "—", "—–", " x", "NTB", "x" * 30, ", ", "11/2", "/", "2016", "123", "\t"),
     *("(antara  News)", "(ANTARA News/Reuters)", "( ANTARA)", "(ANTARA ", "(Antaranews/")]
)  # fmt: skip


@given(DATELINE_TEXTS, st.integers(0, 5))
@example("Bandar Lampung (ANTARA) -- Kata", 0)
@example(" Jakarta\xa0\n(aNtArA)\n—– ", 1)
@example("Mataram, NTB (ANTARA News) – Kata", 0)
@example("Jakarta, 11/2/2016 (Antara) - Kata", 0)
def test_plain_datelines_are_what_the_pattern_matches(text: str, start: int) -> None:
    start = min(start, len(text))
    paren = text.find("(", start)
    plain = shape.plain_dateline(text, start, paren, len(text)) if paren >= 0 else None
    if plain is not None:
        match = shape.DATELINE.match(text, start, len(text))
        assert match is not None
        assert shape.dateline_parts(match)[:5] == plain[:5]
        for part in plain[:4]:  # the parts read as printed are clean
            if part is not None:
                assert normalize(text[part[0] : part[1]]) == text[part[0] : part[1]]


def test_plain_datelines_are_read_without_the_pattern() -> None:
    text = "Bandar Lampung (ANTARA) -- Kata"
    found = ((0, 14), None, None, (16, 22), 26, True)
    assert shape.plain_dateline(text, 0, 15, len(text)) == found
    text = " Jakarta\xa0\n(aNtArA)\n—– "
    found = ((1, 8), None, None, (11, 17), 21, True)
    assert shape.plain_dateline(text, 1, 10, len(text)) == found
    text = "Mataram, NTB (ANTARA News) – Kata"
    found = ((0, 7), (9, 12), None, (14, 25), 28, True)
    assert shape.plain_dateline(text, 0, 13, len(text)) == found
    text = "Jakarta, 11/2 (Antara) - Kata"
    found = ((0, 7), None, (9, 13), (15, 21), 24, True)
    assert shape.plain_dateline(text, 0, 14, len(text)) == found
    # A part of another shape, or a third part: left to the pattern.
    assert shape.plain_dateline("Jakarta, 11 (ANTARA) -", 0, 12, 22) is None
    assert shape.plain_dateline("Jakarta, NTB, 11/2 (ANTARA) -", 0, 19, 29) is None


COPYRIGHT_TEXTS = joined(
    [*("ANTARA", "Antara", "News", "2024", "12", "1", "x", "é", " ", "  ", "\xa0", "\t", "-")]
)


@given(COPYRIGHT_TEXTS)
def test_usual_copyrights_are_read_as_the_patterns_read_them(text: str) -> None:
    def read(method: str) -> tuple[object, ...]:
        reader = FooterReader(Document(id="a", text=text, source=Source("a.txt", "0" * 64, "x")))
        found = getattr(reader, method)(0, len(text), 1)
        return found, reader.span_fields, reader.span_offsets, reader.problems

    assert read("copyright") == read("any_copyright")


UNIT_TEXTS = joined(
    [*("Jakarta ", "(ANTARA) - ", "( antara", "(Antara News)", "(", ")", "-", "kata dia. "),
     *("\n", "\n\n", " ", "ANTARA FOTO/", "x" * 30, "2017-05 ")]
)  # fmt: skip


@given(UNIT_TEXTS)
def test_units_after_the_last_agency_hint_have_no_dateline(text: str) -> None:
    # find_dateline() skips the units no "(ANTARA" starts in: none has a dateline.
    reader = Reader(Document(id="a", text=text, source=Source("a.txt", "0" * 64, "x")))
    units, _ = reader.units()
    for unit in units:
        hint = shape.DATELINE_HINT.search(text, unit[0])
        if hint is None or hint.start() >= unit[1]:
            assert reader.dateline_match(unit)[0] is None


ODD_SPACE_TEXTS = joined(
    [*("a", " ", "\n", "\t", "\x0b", "\x0c", "\r", "\x1c", "\x1d", "\x1e", "\x1f", "\r\n"),
     *("\xa0", "\u201c", "\u201d", "\u2028", "\u0109", "\U0001f600", "\u1c1c")]
)  # fmt: skip


@given(ODD_SPACE_TEXTS)
def test_odd_spaces_are_the_other_ascii_whitespace_in_order(text: str) -> None:
    expected = [i for i, c in enumerate(text) if c.isspace() and c.isascii() and c not in " \n"]
    assert shape.odd_spaces(text) == expected


NAME_TEXTS = joined(
    [*("Budi", "Kusuma", "dan", "and", ",", ";", "&", " ", "  ", "\xa0", "\t", "\n", "é"),
     *("e\u0301", "\u037e", "\u0301", "x")]
)  # fmt: skip


@given(NAME_TEXTS)
def test_names_values_are_the_values_of_the_names(text: str) -> None:
    def read(fast: bool) -> tuple[object, ...]:
        reader = FooterReader(Document(id="a", text=text, source=Source("a.txt", "0" * 64, "x")))
        if fast:
            found = reader.names_value("byline.editors", 0, len(text))
        else:  # the code names_value() stands in for
            found = reader.value("byline.editors", *reader.names(0, len(text))) or None
        return found, reader.span_fields, reader.span_offsets

    assert read(fast=True) == read(fast=False)


HINT_TEXTS = joined(
    [*("Jakarta ", "(ANTARA) - ", "(", "antara", "ANTARA", ")", "-", "kata dia. ", "\n"),
     *("\n\n", " ", "x" * 150, "2017-05 ")]
)  # fmt: skip


@given(HINT_TEXTS)
@example("x\n(\nantara) -")  # a hint from one unit into the next
def test_dateline_matches_take_the_first_hint_as_found(text: str) -> None:
    # find_dateline() passes the hint it searched for from a point before each unit.
    reader = Reader(Document(id="a", text=text, source=Source("a.txt", "0" * 64, "x")))
    units, _ = reader.units()
    for unit in units:
        hint = shape.DATELINE_HINT.search(text, unit[0])
        assert reader.dateline_match(unit, hint) == reader.dateline_match(unit)
        if unit[0] > 0:
            earlier = shape.DATELINE_HINT.search(text, unit[0] - 1)
            assert reader.dateline_match(unit, earlier) == reader.dateline_match(unit)


@given(CREDIT_TEXTS)
@example("Foto: kepri.ANTARA/x")
def test_no_credit_without_antara(text: str) -> None:
    # body() takes a unit without "antara" (in any case) for a paragraph, not asking credit().
    reader = Reader(Document(id="a", text=text, source=Source("a.txt", "0" * 64, "x")))
    if text.strip() and "antara" not in text.lower():
        start = len(text) - len(text.lstrip())
        assert reader.credit([start, len(text), 1, 0, 0, None, -1, None]) is None


@given(CREDIT_TEXTS)
@example("Kata (16/5/2020) \xa0")
@example("Kata kata (Foto antaranews.com) ")  # a credit ending in ")" before a space
@example("ANTARA/x\n(Antara)")
def test_unit_credits_are_the_credits_of_the_units(text: str) -> None:
    # unit_credit() answers the usual units without calling credit(), and remembers the
    # rest: asked twice, in any order, it gives what credit() gives.
    reader = Reader(Document(id="a", text=text, source=Source("a.txt", "0" * 64, "x")))
    units, _ = reader.units()
    for unit in [*units, *reversed(units)]:
        assert reader.unit_credit(unit) == reader.credit(unit)


@given(SPACED_TEXTS)
def test_unit_plains_are_the_units_cleaned(text: str) -> None:
    # unit_plain() remembers what it reads as unit_clean() does, without calling it.
    reader = Reader(Document(id="a", text=text, source=Source("a.txt", "0" * 64, "x")))
    units, _ = reader.units()
    for index in [*range(len(units)), *reversed(range(len(units)))]:
        found = reader.clean(units[index][0], units[index][1])
        assert reader.unit_plain(units, index) == ("" if found is None else found[2])
        assert reader.unit_clean(units, index) == found


@given(SPACED_TEXTS)
@example("x \n \xa0\n")
def test_units_start_and_end_as_trim_says(text: str) -> None:
    # glued_signoff() steps back over a paragraph's trailing whitespace instead of
    # trim(), relying on every unit starting with a non-space character: then both give
    # the same end.
    reader = Reader(Document(id="a", text=text, source=Source("a.txt", "0" * 64, "x")))
    units, _ = reader.units()
    for unit in units:
        assert not text[unit[0]].isspace()
        end = unit[1]
        while end > unit[0] and text[end - 1].isspace():
            end -= 1
        assert reader.trim(unit[0], unit[1]) == (unit[0], end)


FOOTER_TEXTS = joined(
    [*("Pewarta: ", "Editor:", "PEWARTA :", "Berita ini telah tayang di ", "COPYRIGHT © "),
     *("Budi", "Editor", "Pewarta", "ANTARA 2024", "dengan judul: ", "\n", " ", "x", ",")]
)  # fmt: skip


@given(FOOTER_TEXTS)
@example("Pewarta: Budi Editor: Ani\nEditor: Citra")
def test_footer_lines_read_as_their_keys_say(text: str) -> None:
    # footer() takes a line's key from the look-up that told its kind and searches the
    # rest for another, instead of calling footer_keys(): the same fields, spans and
    # problems as footer_keys() gives for every line.
    def read(remembered: bool) -> tuple[object, ...]:
        reader = Reader(Document(id="a", text=text, source=Source("a.txt", "0" * 64, "x")))
        units, _ = reader.units()
        if not remembered:
            reader.footer_key_at.clear()
        footer = [unit for unit in units if unit[4] == FOOTER]
        for unit in footer:
            keys = [key.span() for key in reader.footer_keys(unit[0], unit[1])]
            found = shape.FOOTER_KEY.finditer(text, unit[0], unit[1])
            assert keys == [key.span() for key in found]
        fields = reader.footer(footer)
        return fields, reader.span_fields, reader.span_offsets, reader.problems

    assert read(remembered=True) == read(remembered=False)


@given(FOOTER_TEXTS | LINK_TEXTS | UNIT_TEXTS)
@example("Pewarta: Budi\nBerita lain\nBaca juga: x\nCOPYRIGHT ANTARA")
@example("Baca juga:\nJudul lain\nPewarta: Budi")
def test_units_have_the_kinds_kind_gives(text: str) -> None:
    # units() tells a footer line by its key without calling kind(): every one-line
    # unit has the kind kind() gives it, and a footer line's key is remembered.
    reader = Reader(Document(id="a", text=text, source=Source("a.txt", "0" * 64, "x")))
    units, _ = reader.units()
    fresh = Reader(Document(id="a", text=text, source=Source("a.txt", "0" * 64, "x")))
    for unit in units:
        # (A list's titles are ITEMs by the header before them, not by their shape.)
        if unit[5] is None and unit[4] not in (TEXT, ITEM):
            assert fresh.kind(unit[0], unit[1]) == unit[4]
    assert {start: key.span() for start, key in reader.footer_key_at.items()} == {
        start: key.span() for start, key in fresh.footer_key_at.items()
    }

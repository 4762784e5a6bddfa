"""The ANTARA parser and layout writer: the seed, the real samples, one fixture per layout
variant, and properties (totality, provenance spans, writer round trip)."""

from __future__ import annotations

import hashlib
import json
import re
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from seedcorpus.default_plugins import antara
from seedcorpus.default_plugins._antara_lines import DATE_LINE, date_line_time
from seedcorpus.default_plugins.antara import format_antara, parse_antara
from seedcorpus.errors import ParseError
from seedcorpus.models import (
    Article,
    Byline,
    Caption,
    Copyright,
    Dateline,
    FieldSpan,
    Source,
    Syndication,
)
from seedcorpus.specs import Document
from seedcorpus.testing import (
    antara_articles,
    antara_renderings,
    antara_styled_renderings,
    antara_texts,
    check_parser,
)
from seedcorpus.text import normalize, split_names

DATA = Path(__file__).parent.parent / "data"
SEED = Path(__file__).parent.parent.parent / "seeds" / "000_b88b87f86327f4ee.txt"
FIXTURES = DATA / "antara"


def document(text: str, path: str = "a.txt") -> Document:
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return Document(
        id=Path(path).stem, text=text, source=Source(path=path, sha256=digest, parser="antara")
    )


def read(path: Path) -> tuple[str, Article]:
    """The file's text (line ends kept) and its article."""
    text = path.read_bytes().decode("utf-8")
    return text, parse_antara(document(text, path.name))


# --- provenance ----------------------------------------------------------------------

_LINK = re.compile(r"(?:Baca|BACA)[^\S\r\n]+(?:juga|Juga|JUGA)[^\S\r\n]*:")


def field_values(article: Article) -> dict[str, str]:
    """Every non-empty parsed field of ``article`` as text, by its span name."""
    values: dict[str, Any] = {"title": article.title, "language": article.language}
    values.update({f"tags.{i}": tag for i, tag in enumerate(article.tags)})
    values.update({f"paragraphs.{i}": p for i, p in enumerate(article.paragraphs)})
    values.update({f"related.{i}": r for i, r in enumerate(article.related)})
    values["signoff"], values["summary"] = article.signoff, article.summary
    values["section"], values["url"] = article.section, article.url
    values.update({f"metadata.{key}": value for key, value in article.metadata.items()})
    values["byline.reporters"] = article.byline.reporter
    values["byline.editors"] = article.byline.editor
    for part in ("caption", "dateline", "syndication", "copyright"):
        record = getattr(article, part)
        if record is not None:
            values.update({f"{part}.{k}": v for k, v in attrs.asdict(record).items()})
    return {field: str(value) for field, value in values.items() if value not in (None, "")}


def paragraph_from_span(text: str, span: FieldSpan, spans: dict[str, FieldSpan]) -> str:
    """The paragraph a span stands for: its text, with each ``Baca juga:`` link inside
    (the key and the ``related.N`` span right after it) cut out, the pieces normalized
    and joined by one space. Without a link inside, that is ``normalize(span text)``."""
    related_at = {s.start: s.end for f, s in spans.items() if f.startswith("related.")}
    pieces, position = [], span.start
    for key in _LINK.finditer(text, span.start, span.end):
        pieces.append(text[position : key.start()])
        rest = text[key.end() : span.end]
        position = related_at.get(key.end() + len(rest) - len(rest.lstrip()), key.end())
    pieces.append(text[position : span.end])
    return " ".join(piece for piece in map(normalize, pieces) if piece)


def assert_spans(text: str, article: Article) -> None:
    """Each non-empty field has exactly one span, and the span's text is the field."""
    spans = {span.field: span for span in article.source.spans}
    assert len(spans) == len(article.source.spans), "one span per field"
    values = field_values(article)
    assert set(spans) - {"published_at"} == set(values)
    published = spans.pop("published_at", None)
    assert (published is None) == (article.published_at is None)
    if published is not None:
        match = DATE_LINE.match(text, published.start, published.end)
        assert match is not None
        assert date_line_time(match)[0] == article.published_at
    for field, span in spans.items():
        assert 0 <= span.start < span.end <= len(text)
        if field.startswith("paragraphs."):
            assert paragraph_from_span(text, span, spans) == values[field], field
        elif field.startswith("byline."):  # the printed list of names, split
            names = " dan ".join(split_names(text[span.start : span.end]))
            assert names == values[field], field
        else:
            printed = normalize(text[span.start : span.end])
            if field.startswith("byline."):  # "A, B" and "A dan B" are the same names
                printed = " dan ".join(split_names(printed))
            assert printed == values[field], field


# --- the seed ------------------------------------------------------------------------


def test_seed_every_field() -> None:
    text, article = read(SEED)
    assert article.id == "000_b88b87f86327f4ee"
    assert article.title == "RI-Azerbaijan memperkuat kerja sama akselerasi pelayanan publik"
    assert article.language == "id"
    assert article.tags == (
        "Kementerian PANRB",
        "Abdullah Azwar Anas",
        "Indonesia-Azerbaijan",
        "Ulvi Mehdiyev",
    )
    assert article.caption is not None
    assert article.caption.text.startswith("Menteri PANRB Abdullah Azwar Anas (kanan)")
    assert article.caption.text.endswith("Jakarta, Senin (1/7/2024).")
    assert article.caption.credit == "ANTARA/HO-Humas Kementerian PANRB"
    assert article.dateline == Dateline(city="Jakarta", agency="ANTARA")
    assert len(article.paragraphs) == 9
    assert article.paragraphs[0].startswith("Indonesia dan Azerbaijan memperkuat kerja sama")
    assert "\u00a0" not in article.text
    assert "  " not in article.text
    assert article.paragraphs[-1].endswith("di Indonesia dan Azerbaijan.")
    assert article.related == ()
    assert article.syndication == Syndication(
        site="Antaranews.com",
        original_title="Indonesia-Azerbaijan perkuat kerja sama akselerasi pelayanan publik",
    )
    assert article.byline == Byline.from_text(reporter=None, editor="Herry Soebanto")
    assert article.copyright == Copyright(holder="ANTARA", year=2024)
    assert article.problems == ()
    assert article.source.parser == "antara"
    assert_spans(text, article)


def test_seed_spans_point_into_the_file() -> None:
    text, article = read(SEED)
    spans = {span.field: span for span in article.source.spans}
    assert text[spans["title"].start : spans["title"].end] == article.title
    assert text[spans["tags.0"].start : spans["tags.0"].end] == "Kementerian PANRB"
    assert text[spans["copyright.year"].start : spans["copyright.year"].end] == "2024"
    first = spans["paragraphs.0"]
    assert text[first.start - len("Jakarta (ANTARA) - ") : first.start] == "Jakarta (ANTARA) - "


# --- the real samples ------------------------------------------------------------------


def gold_rows() -> list[dict[str, Any]]:
    lines = (DATA / "samples" / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.mark.parametrize("gold", gold_rows(), ids=lambda row: row["file"])
def test_sample_matches_gold(gold: dict[str, Any]) -> None:
    text, article = read(DATA / "samples" / gold["file"])
    assert article.title == gold["title"]
    assert article.language == gold["language"]
    assert list(article.tags) == (gold["tags"] or [])
    if gold["caption"] is None:
        assert article.caption is None
    else:
        # gold prints the caption as the page does: text, then the credit, maybe in ().
        assert article.caption is not None
        printed = {article.caption.text, f"{article.caption.text} {article.caption.credit}"}
        printed.add(f"{article.caption.text} ({article.caption.credit})")
        assert normalize(gold["caption"]) in printed
        assert article.caption.credit is not None
    assert (article.dateline.city if article.dateline else None) == gold["dateline_city"]
    assert article.byline.reporter == gold["reporter"]
    assert article.byline.editor == gold["editor"]
    original = article.syndication.original_title if article.syndication else None
    assert original == gold["original_title"]
    assert (article.copyright.year if article.copyright else None) == gold["copyright_year"]
    assert len(article.paragraphs) == gold["paragraph_count"]
    assert article.problems == ()
    assert_spans(text, article)


# --- one fixture per variant -----------------------------------------------------------

A_TITLE = "Pemkot Mataram perluas jaringan air bersih ke 12 kelurahan"
A_TAGS = ("Mataram", "Air Bersih", "PDAM Giri Menang")
A_CAPTION = (
    "Petugas PDAM Giri Menang memeriksa pipa distribusi di Kelurahan Ampenan, Mataram, "
    "Senin (7/12/2020)."
)
A_FIRST = (
    "Pemerintah Kota Mataram memperluas jaringan air bersih ke 12 kelurahan yang selama ini "
    "belum terlayani pipa PDAM."
)
A_SECOND = (
    '"Tahun ini kami targetkan 3.000 sambungan rumah baru," kata Wali Kota Mataram Ahyar '
    "Abduh di Mataram, Senin."
)
A_THIRD = (
    "Menurut dia, perluasan jaringan dibiayai dari dana alokasi khusus dan penyertaan modal "
    "pemerintah daerah."
)
A_PARAGRAPHS = (A_FIRST, A_SECOND, A_THIRD)
A_BYLINE = Byline.from_text(reporter="Nur Imansyah", editor="Budi Santoso")
B_TITLE = "BPBD Surabaya siagakan 40 pompa air hadapi musim hujan"
B_CAPTION = (
    "Petugas BPBD Surabaya menguji pompa air di Rumah Pompa Kenjeran, Surabaya, "
    "Selasa (3/11/2023)."
)
B_FIRST = (
    "Badan Penanggulangan Bencana Daerah (BPBD) Kota Surabaya menyiagakan 40 pompa air untuk "
    "menghadapi puncak musim hujan."
)
B_SECOND = (
    "Kepala BPBD Surabaya Agus Hebi Djuniantoro mengatakan seluruh pompa telah diuji dan siap "
    "dioperasikan sewaktu-waktu."
)
B_THIRD = '"Kami juga menyiapkan tim reaksi cepat yang bersiaga 24 jam," ujarnya.'
B_PARAGRAPHS = (B_FIRST, B_SECOND, B_THIRD)
B_DATELINE = Dateline(city="Surabaya", agency="ANTARA")
RELATED = "BMKG prakirakan puncak musim hujan di Jatim pada Januari"
A_STANDARD: dict[str, Any] = {
    "title": A_TITLE,
    "language": "id",
    "tags": A_TAGS,
    "caption": Caption(A_CAPTION, "ANTARA/Nur Imansyah"),
    "dateline": Dateline(city="Mataram", agency="ANTARA"),
    "paragraphs": A_PARAGRAPHS,
    "byline": A_BYLINE,
    "copyright": Copyright("ANTARA", 2020),
}
B_STANDARD: dict[str, Any] = {
    "title": B_TITLE,
    "language": "id",
    "tags": ("Surabaya", "BPBD", "Banjir"),
    "caption": Caption(B_CAPTION, "ANTARA FOTO/Didik Suhartono"),
    "dateline": B_DATELINE,
    "paragraphs": B_PARAGRAPHS,
    "byline": Byline.from_text(reporter="Willy Irawan", editor="Triono Subagyo"),
    "copyright": Copyright("ANTARA", 2023),
}

# file name -> the fields it must parse to; unnamed fields must be empty or None.
VARIANTS: dict[str, dict[str, Any]] = {
    "dateline_region.txt": {
        **A_STANDARD,
        "dateline": Dateline(city="Mataram", agency="ANTARA News", region="NTB"),
    },
    "dateline_day_month.txt": {
        **A_STANDARD,
        "dateline": Dateline(city="Mataram", agency="Antara", date="7/12"),
    },
    "dateline_prnewswire.txt": {
        "title": "TURKISH AIRLINES BUKA RUTE BARU ISTANBUL-JAKARTA",
        "dateline": Dateline(city="ISTANBUL", agency="Antara/PRNewswire", date="23 Februari 2016"),
        "paragraphs": (
            "Turkish Airlines mengumumkan pembukaan rute penerbangan langsung Istanbul-Jakarta "
            "mulai bulan depan.",
            "Rute tersebut akan dilayani tiga kali dalam seminggu dengan pesawat berbadan lebar.",
        ),
        "byline": Byline.from_text(editor="Suryanto"),
    },
    "dateline_en_dash.txt": B_STANDARD,
    "dateline_leading_space.txt": B_STANDARD,
    "no_tag_line.txt": {**A_STANDARD, "language": None, "tags": ()},
    "no_caption.txt": {**B_STANDARD, "caption": None},
    "no_repeated_title.txt": A_STANDARD,
    "title_case.txt": {
        **B_STANDARD,
        "title": "BPBD Surabaya Siagakan 40 Pompa Air Hadapi Musim Hujan",
    },
    "credit_humas.txt": {
        **A_STANDARD,
        "caption": Caption(
            "Wali Kota Mataram Ahyar Abduh meninjau pemasangan pipa di Ampenan, Mataram, "
            "Senin (7/12/2020).",
            "ANTARA/HO-Humas Pemkot Mataram",
        ),
    },
    "credit_foto.txt": B_STANDARD,
    "credit_foto_parentheses.txt": {
        **B_STANDARD,
        "caption": Caption(B_CAPTION, "ANTARA FOTO/Didik Suhartono/foc."),
    },
    "credit_antaranews_parentheses.txt": {
        **A_STANDARD,
        "caption": Caption(A_CAPTION, "Antaranews/Nur Imansyah"),
    },
    "credit_antara_name.txt": A_STANDARD,
    "reporter_colon.txt": {**A_STANDARD, "copyright": None},
    "reporter_spaced_colon.txt": {**A_STANDARD, "copyright": None},
    "reporter_empty.txt": {
        **A_STANDARD,
        "copyright": None,
        "byline": Byline.from_text(editor="Budi Santoso"),
    },
    "reporter_two_names.txt": {
        **B_STANDARD,
        "copyright": None,
        "byline": Byline.from_text("Willy Irawan dan Hanif Nashrullah", "Triono Subagyo"),
    },
    "editor_empty.txt": {**B_STANDARD, "byline": Byline.from_text(reporter="Willy Irawan")},
    "editor_missing.txt": {**B_STANDARD, "byline": Byline.from_text(reporter="Willy Irawan")},
    "no_copyright.txt": {
        **A_STANDARD,
        "copyright": None,
        "syndication": Syndication("Antaranews.com", "Mataram tambah 3.000 sambungan air bersih"),
    },
    "syndication.txt": {
        **A_STANDARD,
        "byline": Byline.from_text(editor="Budi Santoso"),
        "syndication": Syndication("Antaranews.com", "Mataram tambah 3.000 sambungan air bersih"),
    },
    "footer_any_order.txt": A_STANDARD,
    "copyright_mojibake.txt": A_STANDARD,
    "copyright_c.txt": A_STANDARD,
    "glued_footer.txt": {
        **B_STANDARD,
        "byline": Byline.from_text(reporter="Arnidhya Nur Zhafira", editor="Dadan Ramdani"),
    },
    "nbsp_trailing_spaces.txt": A_STANDARD,
    "crlf.txt": B_STANDARD,
    "lone_cr.txt": B_STANDARD,
    "whitespace_separators.txt": A_STANDARD,
    "no_final_newline.txt": A_STANDARD,
    "related_block.txt": {
        **B_STANDARD,
        "caption": None,
        "copyright": None,
        "related": (RELATED,),
    },
    "related_inline.txt": {
        "title": B_TITLE,
        "dateline": B_DATELINE,
        # The link sat between two sentences glued together; they stay one paragraph.
        "paragraphs": (f"{B_FIRST} {B_SECOND}", B_THIRD),
        "related": (RELATED, "Pemkot Surabaya normalisasi 12 saluran"),
        "byline": Byline.from_text(reporter="Willy Irawan"),
    },
    "flattened_body.txt": {
        "title": A_TITLE,
        "dateline": Dateline(city="Mataram", agency="ANTARA"),
        # Never invent splits: the glued sentences stay one paragraph, glued.
        "paragraphs": ("".join(A_PARAGRAPHS),),
        "byline": A_BYLINE,
        "copyright": Copyright("ANTARA", 2020),
    },
    "footer_glued_to_body.txt": {
        "title": A_TITLE,
        "dateline": Dateline(city="Mataram", agency="ANTARA"),
        "paragraphs": ("".join(A_PARAGRAPHS),),
        "byline": A_BYLINE,
        "copyright": Copyright("ANTARA", 2020),
    },
    "title_mismatch.txt": A_STANDARD,
    "duplicate_footer.txt": {**A_STANDARD, "copyright": None},
}
PROBLEMS = {
    "title_mismatch.txt": [("title-mismatch", 5)],
    "duplicate_footer.txt": [("duplicate-footer", 17)],
}
EMPTY = attrs.asdict(Article(id="", source=Source("", "", ""), title=""), recurse=False)


def test_every_fixture_is_listed() -> None:
    assert sorted(path.name for path in FIXTURES.glob("*.txt")) == sorted(VARIANTS)


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_variant(name: str) -> None:
    text, article = read(FIXTURES / name)
    expected = {**EMPTY, "byline": Byline(), **VARIANTS[name]}
    for field in ("title", "language", "tags", "caption", "dateline", "paragraphs"):
        assert getattr(article, field) == expected[field], field
    for field in ("related", "syndication", "byline", "copyright"):
        assert getattr(article, field) == expected[field], field
    assert [(p.code, p.line) for p in article.problems] == PROBLEMS.get(name, [])
    assert all(p.path == name for p in article.problems)
    assert_spans(text, article)


def test_title_mismatch_names_the_repeated_title() -> None:
    _, article = read(FIXTURES / "title_mismatch.txt")
    (problem,) = article.problems
    assert "ke 12 kelurahan baru" in problem.message
    assert str(problem).startswith("title_mismatch.txt:5: ")


def test_inline_link_paragraph_span_contains_the_link() -> None:
    text, article = read(FIXTURES / "related_inline.txt")
    spans = {span.field: span for span in article.source.spans}
    paragraph, link = spans["paragraphs.0"], spans["related.0"]
    assert paragraph.start < link.start < link.end < paragraph.end
    assert normalize(text[paragraph.start : paragraph.end]) != article.paragraphs[0]
    # The second link ends its block, so the paragraph's span stops before it.
    assert normalize(text[spans["paragraphs.1"].start : spans["paragraphs.1"].end]) == B_THIRD


# --- errors ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("", 1, "empty"),
        ("  \r\n\t\n\u00a0", 1, "whitespace"),
        ("\n\nPewarta: Nur Imansyah\nEditor: Budi Santoso\n", 3, "footer"),
        ("Baca juga: Judul lain\n", 1, "no title and no body"),
        ("(K009)\n\n27 Januari 2016 14:53 WIB\n", 1, "no title and no body"),
    ],
)
def test_not_an_article(text: str, line: int, message: str) -> None:
    with pytest.raises(ParseError, match=message) as raised:
        parse_antara(document(text, "bad.txt"))
    assert raised.value.path == "bad.txt"
    assert raised.value.line == line


@pytest.mark.parametrize(
    ("text", "paragraphs", "related"),
    [
        ("\n\nJakarta (ANTARA) - Isi berita.\n", ("Isi berita.",), ()),
        ("Baca juga: Judul lain\n\nIsi.", ("Isi.",), ("Judul lain",)),
    ],
)
def test_a_body_without_a_title_is_an_article(
    text: str, paragraphs: tuple[str, ...], related: tuple[str, ...]
) -> None:
    article = parse_antara(document(text))
    assert article.title is None
    assert (article.paragraphs, article.related) == (paragraphs, related)
    assert [p.code for p in article.problems] == ["no-title"]


def test_title_only() -> None:
    article = parse_antara(document("Judul saja\n"))
    assert article.title == "Judul saja"
    assert article.paragraphs == ()
    assert article.byline == Byline()


def test_hook_provides_the_parser() -> None:
    (spec,) = list(antara.seedcorpus_parsers())
    assert spec.name == "antara"
    assert spec.parse is parse_antara
    assert spec.description


# --- properties ------------------------------------------------------------------------


def parse_or_error(text: str) -> Article | ParseError:
    try:
        return parse_antara(document(text))
    except ParseError as error:  # anything else escapes and fails the test
        return error


@given(st.text() | antara_texts())
def test_any_text_is_an_article_with_true_spans_or_a_parse_error(text: str) -> None:
    result = parse_or_error(text)
    if isinstance(result, ParseError):
        assert result.line is not None
        assert result.path == "a.txt"
    else:
        assert result.title or result.paragraphs
        assert_spans(text, result)


def test_parser_keeps_the_plugin_contract() -> None:
    (spec,) = list(antara.seedcorpus_parsers())
    check_parser(spec, antara_texts())


def test_writer_layout() -> None:
    article = Article(
        id="a",
        source=Source("a.txt", "0" * 64, "antara"),
        title="Judul",
        language="id",
        tags=("Satu", "Dua tiga"),
        caption=Caption("Foto.", "ANTARA/Nama"),
        dateline=Dateline("Mataram", "Antara", region="NTB", date="7/12"),
        paragraphs=("Pertama.", "Kedua."),
        related=("Judul lain",),
        syndication=Syndication("Antaranews.com", "Judul asli"),
        byline=Byline.from_text(editor="Budi"),
        copyright=Copyright("ANTARA", 2020),
    )
    assert format_antara(article) == (
        "Judul\n\nid Satu,Dua tiga\n\nJudul\n\nFoto. ANTARA/Nama\n\n"
        "Mataram, NTB, 7/12 (Antara) - Pertama.\n\nKedua.\n\nBaca juga: Judul lain\n\n"
        "Berita ini telah tayang di Antaranews.com dengan judul: Judul asli\n"
        "Editor: Budi\nCOPYRIGHT © ANTARA 2020\n"
    )


def test_a_title_printed_again_after_the_tag_line_is_a_title() -> None:
    # Without a dateline, a first line shaped like a sentence is a title when the layout
    # prints it again after the tag line (Hypothesis found this with a title-only article).
    title = "Kerja kerja kerja kerja kerja kerja kerja kerja kerja Senin (1/7). " * 2 + "Senin."
    article = parse_antara(document(f"{title}\n\naa\n\n{title}\n"))
    assert (article.title, article.language, article.paragraphs) == (title, "aa", ())
    assert article.problems == ()


def without_spans(article: Article) -> Article:
    return attrs.evolve(article, source=attrs.evolve(article.source, spans=()))


@given(antara_articles())
def test_writer_round_trip(article: Article) -> None:
    text = format_antara(article)
    again = parse_antara(Document(article.id, text, article.source))
    assert without_spans(again) == article
    assert_spans(text, again)


@given(antara_renderings())
def test_noisy_renderings_read_back(rendering: tuple[Article, str]) -> None:
    article, text = rendering
    again = parse_antara(Document(article.id, text, article.source))
    assert without_spans(again) == article
    assert_spans(text, again)


@pytest.mark.parametrize("path", [SEED, *sorted((DATA / "samples").glob("*.txt"))])
def test_real_files_round_trip_through_the_writer(path: Path) -> None:
    _, article = read(path)
    again = parse_antara(Document(article.id, format_antara(article), article.source))
    assert without_spans(again) == without_spans(article)


@given(antara_styled_renderings())
def test_every_rendering_reads_back_field_by_field(rendering: tuple[str, Article, str]) -> None:
    style, article, text = rendering
    again = parse_antara(Document(article.id, text, article.source))
    for field in attrs.fields(Article):
        if field.name not in ("source", "problems", "enrichments"):
            assert getattr(again, field.name) == getattr(article, field.name), (style, field.name)
    assert_spans(text, again)
    codes = {problem.code for problem in again.problems}
    assert ("no-title" in codes) == (style == "body-first")


@pytest.mark.parametrize(
    ("name", "section", "metadata", "noise_lines"),
    [
        (
            "reporter_bar",
            None,
            {
                "source": "ANTARA",
                "syndication.url": "https://www.antaranews.com/berita/123/menkeu",
            },
            [],
        ),
        ("breadcrumb", "Ekonomi > Makro", {}, [13]),
        ("glued_syndication", "Daerah › Jawa Barat", {}, [14, 16]),
        (
            "detik_read_on",
            None,
            {"syndication.url": "https://news.detik.com/berita/d-123/gempa"},
            [7, 8],
        ),
        ("ad_placeholders", None, {}, [5, 7, 11, 12]),
    ],
)
def test_other_sites_copies_keep_their_chrome_out_of_the_article(
    name: str, section: str | None, metadata: dict[str, str], noise_lines: list[int]
) -> None:
    text, article = read(DATA / "renderings" / "copies" / f"{name}.txt")
    assert article.section == section
    assert dict(article.metadata) == metadata
    noise = [p.line for p in article.problems if p.code == "page-noise"]
    assert noise == noise_lines
    assert not any(
        word in paragraph
        for paragraph in article.paragraphs
        for word in (
            *("Bagikan", "Google News", "WhatsApp", "Sumber:", "Reporter:", "tayang"),
            *("Advertisement", "Scroll", "Video", "Komentar", "Kirim", "selengkapnya"),
        )
    )
    assert_spans(text, article)


def test_a_links_title_on_the_next_line_is_its_title() -> None:
    text, article = read(DATA / "renderings" / "copies" / "link_title_next_line.txt")
    assert article.related == ("Harga emas dunia melemah",)
    assert "Harga emas dunia melemah" not in article.paragraphs
    assert_spans(text, article)
    # A finished sentence after a blank line is body, not the bare key's title.
    text = "Judul\n\nJakarta (ANTARA) - Isi.\n\nBaca juga:\n\nWarga lega atas kabar itu.\n"
    article = parse_antara(document(text))
    assert article.paragraphs == ("Isi.", "Warga lega atas kabar itu.")
    assert article.related == ()


@pytest.mark.parametrize(
    ("name", "related", "noise_lines"),
    [
        ("lists_in_body", ["Harga bawang merah turun di Pontianak"], [10, 11, 12]),
        (
            "related_after_footer",
            [
                "Harga bawang merah turun di Pontianak",
                "Pemprov Kalbar gelar pasar murah",
                "Stok beras Kalbar aman hingga akhir tahun",
            ],
            [16],
        ),
    ],
)
def test_a_pages_lists_of_titles(name: str, related: list[str], noise_lines: list[int]) -> None:
    # "Berita Terkait" lists related articles; "TERPOPULER" the page's other news.
    text, article = read(DATA / "renderings" / "copies" / f"{name}.txt")
    assert list(article.related) == related
    assert [p.line for p in article.problems if p.code == "page-noise"] == noise_lines
    assert len(article.paragraphs) == 2
    assert_spans(text, article)


def test_a_list_ends_at_a_sentence() -> None:
    text = (
        "Judul\n\nJakarta (ANTARA) - Isi.\n\nBerita Terkait\nJudul lain di sini\n"
        "Warga lega atas kabar itu.\n\nPewarta: Ani\n"
    )
    article = parse_antara(document(text))
    assert article.related == ("Judul lain di sini",)
    assert article.paragraphs == ("Isi.", "Warga lega atas kabar itu.")


def test_the_english_sites_related_links_and_byline() -> None:
    text, article = read(DATA / "renderings" / "english" / "en_site.txt")
    assert article.related == (
        "Indonesia, Azerbaijan discuss public service innovation",
        "Indonesia opens more public service malls",
    )
    assert article.byline.reporters == ("Fransiska Ninditya",)
    assert article.byline.editors == ("Rahmad Nasution",)
    assert len(article.paragraphs) == 3
    assert article.problems == ()
    assert_spans(text, article)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Bagikan bantuan itu kepada warga yang membutuhkan, kata dia.",
        "Simak juga pesan Presiden di kanal Telegram resmi Sekretariat Presiden.",
        "Sumber: BPS",
        "Penulis buku itu hadir dalam acara peluncuran.",
        "Skor akhir 2-1 | pertandingan berlangsung ketat sejak menit awal",
        "Home industry di desa itu terus berkembang > dari tahun ke tahun.",
        "Simak videonya dan kirim komentar Anda ke redaksi kami.",
        "Baca artikel itu, katanya, sebelum rapat dimulai.",
        "Kirim bantuan ke lokasi bencana, kata dia.",
        "Bagikan ke teman dan keluarga anda untuk membantu mereka.",
        "Share this article with your friends, he told reporters.",
    ],
)
def test_body_text_near_the_chrome_shapes_stays_body(paragraph: str) -> None:
    text = f"Judul berita\n\nJakarta (ANTARA) - Isi berita.\n\n{paragraph}\n\nPewarta: Ani\n"
    article = parse_antara(document(text))
    assert article.paragraphs == ("Isi berita.", paragraph)
    assert article.section is None
    assert not article.metadata
    assert [p.code for p in article.problems] == []


def test_writer_writes_the_date_line_and_sign_off() -> None:
    moment = datetime(2020, 9, 23, 20, 2, tzinfo=timezone(timedelta(hours=8)))
    article = Article(
        id="a",
        source=Source("a.txt", "0" * 64, "antara"),
        title="Judul",
        published_at=moment,
        dateline=Dateline(city="Palu", agency="ANTARA"),
        paragraphs=("Isi berita.",),
        signoff="(K009)",
    )
    text = format_antara(article)
    assert "23 September 2020 20:02 WITA" in text
    assert without_spans(parse_antara(Document("a", text, article.source))) == article
    # An offset the layout cannot print is left out rather than written wrong.
    utc = attrs.evolve(article, published_at=moment.astimezone(UTC))
    assert "2020" not in format_antara(utc)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("27 Januari 2016 14:53 WIB", "2016-01-27T14:53:00+07:00"),
        ("Sabtu, 5 Maret 2022 09:15 WITA", "2022-03-05T09:15:00+08:00"),
        ("Rabu, 23 September 2020 20:02 WIB 7522", "2020-09-23T20:02:00+07:00"),
        ("Rabu, 23 September 2020 20:02 WIB | 7.522 kali dibaca", "2020-09-23T20:02:00+07:00"),
        ("Jumat, 12 Januari 2018 / 14:00 WIT", "2018-01-12T14:00:00+09:00"),
        ("Selasa, 5 Mei 2020 pukul 09.00 WIB", "2020-05-05T09:00:00+07:00"),
        ("2016-01-27 14:53", "2016-01-27T14:53:00+07:00"),
        ("27 January 2016 14:53 WIB", "2016-01-27T14:53:00+07:00"),
    ],
)
def test_date_lines(line: str, expected: str) -> None:
    text = f"Judul\n\n{line}\n\nJakarta (ANTARA) - Isi berita.\n"
    article = parse_antara(document(text))
    assert article.published_at is not None
    assert article.published_at.isoformat() == expected
    assert article.paragraphs == ("Isi berita.",)
    assert_spans(text, article)


@pytest.mark.parametrize(
    ("line", "original_title"),
    [
        # After ANTARA's colon the quotation marks belong to the title.
        ('Berita ini telah tayang di Antaranews.com dengan judul: "Kami siap"', '"Kami siap"'),
        # Another site quotes the title it names.
        ('Artikel ini telah tayang di Example.id dengan judul "Kami siap"', "Kami siap"),
    ],
)
def test_a_quoted_original_title_keeps_its_marks_after_a_colon(
    line: str, original_title: str
) -> None:
    text = f"Judul\n\nJakarta (ANTARA) - Isi berita.\n\n{line}\nEditor: Budi\n"
    syndication = parse_antara(document(text)).syndication
    assert syndication is not None
    assert syndication.original_title == original_title


def test_a_short_title_with_its_tag_line_and_date_line_is_no_masthead() -> None:
    # Short lines above a date line look like a site's masthead and menu; ANTARA's own
    # head (the title, its tag line, the title again) is not one.
    text = "Kerja\n\nid\n\n1 Januari 1990 00:00 WIB\n\nKerja\n\nKerja kerja kerja kerja kerja.\n"
    article = parse_antara(document(text))
    assert (article.title, article.language) == ("Kerja", "id")
    assert article.paragraphs == ("Kerja kerja kerja kerja kerja.",)
    assert article.problems == ()

"""The acronyms enricher: definitions in both orders, Indonesian word order, first wins."""

from __future__ import annotations

import cattrs
import pytest
from articles import SAMPLE, SEED, article, news_articles
from hypothesis import assume, example, given
from hypothesis import strategies as st

from seedcorpus.default_plugins import acronyms
from seedcorpus.default_plugins.acronyms import Acronyms
from seedcorpus.models import Article, Caption
from seedcorpus.testing import check_enricher


def pairs(item: Article) -> list[tuple[str, str]]:
    return [(a.short, a.long) for a in acronyms.enrich(item).acronyms]


def test_seed_defines_panrb_pbb_and_mpp() -> None:
    assert pairs(SEED) == [
        ("PANRB", "Pendayagunaan Aparatur Negara dan Reformasi Birokrasi"),
        ("PBB", "Perserikatan Bangsa-Bangsa"),
        ("MPP", "mal pelayanan publik"),
    ]


def test_seed_spans_cover_the_definitions() -> None:
    found = acronyms.enrich(SEED).acronyms

    assert [a.field for a in found] == ["paragraphs.0", "paragraphs.1", "paragraphs.1"]
    assert [SEED.paragraphs[int(a.field.split(".")[1])][a.start : a.end] for a in found] == [
        "Pendayagunaan Aparatur Negara dan Reformasi Birokrasi (PANRB)",
        "Perserikatan Bangsa-Bangsa (PBB)",
        "mal pelayanan publik (MPP)",
    ]


def test_sample_defines_nothing() -> None:
    # "(Astra Otoparts 40 persen, Pirelli 60 persen)" is in parentheses but no definition.
    assert pairs(SAMPLE) == []


@pytest.mark.parametrize(
    ("text", "short", "long"),
    [
        ("Ia bekerja di Badan Usaha Milik Negara (BUMN) itu.", "BUMN", "Badan Usaha Milik Negara"),
        ("Ia bekerja di BUMN (Badan Usaha Milik Negara) itu.", "BUMN", "Badan Usaha Milik Negara"),
        ("Diakui PBB (Perserikatan Bangsa-Bangsa).", "PBB", "Perserikatan Bangsa-Bangsa"),
        (
            "Diuji Badan Pengawas Obat dan Makanan (BPOM).",
            "BPOM",
            "Badan Pengawas Obat dan Makanan",
        ),
        ("Kata Kementerian PANRB (KemenPANRB) hari ini.", "KemenPANRB", "Kementerian PANRB"),
        (
            "Rapat Dewan Perwakilan Rakyat Republik Indonesia (DPR-RI) ditunda.",
            "DPR-RI",
            "Dewan Perwakilan Rakyat Republik Indonesia",
        ),
        ("Dibahas di Komisi Pemberantasan Korupsi (KPK).", "KPK", "Komisi Pemberantasan Korupsi"),
        ("Kata International Monetary Fund (IMF) itu.", "IMF", "International Monetary Fund"),
        # An English acronym of a translated name: Organisation, Health, World.
        ("Kata Organisasi Kesehatan Dunia (WHO) hari ini.", "WHO", "Organisasi Kesehatan Dunia"),
    ],
)
def test_definition_forms(text: str, short: str, long: str) -> None:
    assert pairs(article(text)) == [(short, long)]


@pytest.mark.parametrize(
    "text",
    [
        "Menteri (kanan) dan Duta Besar (kiri) bertemu.",
        "PT Pertamina (Persero) menaikkan harga.",  # one capital: a word, not an acronym
        "Rapat digelar Senin (1/7).",
        "Dibuka oleh Presiden (RI) kemarin.",  # "Presiden" does not spell RI
        "Ia bekerja di sini dan (DS) itu.",  # a long form does not start with "dan"
        "Kata World - Health (WHO) itu.",  # a lone dash among English words: no letter
    ],
)
def test_parentheses_that_define_nothing(text: str) -> None:
    assert pairs(article(text)) == []


def test_first_definition_wins_and_order_is_kept() -> None:
    item = article(
        "Diakui Perserikatan Bangsa-Bangsa (PBB) dan Badan Usaha Milik Negara (BUMN).",
        "Lalu PBB (Pusat Bahasa Bali) dan Tentara Nasional Indonesia (TNI).",
    )

    assert pairs(item) == [
        ("PBB", "Perserikatan Bangsa-Bangsa"),
        ("BUMN", "Badan Usaha Milik Negara"),
        ("TNI", "Tentara Nasional Indonesia"),
    ]


def test_caption_comes_before_the_body() -> None:
    item = article(
        "Diakui Pusat Bahasa Bali (PBB).",
        caption=Caption("Gedung Perserikatan Bangsa-Bangsa (PBB) di New York."),
    )
    (found,) = acronyms.enrich(item).acronyms

    assert (found.long, found.field) == ("Perserikatan Bangsa-Bangsa", "caption.text")


def text_of(item: Article, field: str) -> str:
    if field == "title":
        return item.title
    if field == "caption.text":
        assert item.caption is not None
        return item.caption.text
    return item.paragraphs[int(field.removeprefix("paragraphs."))]


@given(news_articles())
def test_enrich_is_total_and_round_trips(item: Article) -> None:
    result = acronyms.enrich(item)
    converter = cattrs.Converter()

    assert converter.structure(converter.unstructure(result), Acronyms) == result
    shorts = [a.short for a in result.acronyms]
    assert len(shorts) == len(set(shorts))
    for found in result.acronyms:
        definition = text_of(item, found.field)[found.start : found.end]
        long_first = definition.startswith(found.long) and definition.endswith(f"({found.short})")
        short_first = definition.startswith(found.short) and found.long in definition
        assert long_first or short_first, definition


def test_plugin_contract() -> None:
    (spec,) = acronyms.seedcorpus_enrichers()
    assert spec.name == Acronyms.kind
    check_enricher(spec, max_examples=50)


@given(news_articles())
def test_one_search_of_all_fields_finds_what_a_search_of_each_finds(item: Article) -> None:
    texts = [item.title, *item.paragraphs]
    found = acronyms._Joined(texts).parentheses()

    for index, text in enumerate(texts):
        matches = acronyms._PARENS.finditer(text)
        expected = [(m.start(), m.end(), m.group("inner")) for m in matches]
        assert found.get(index, []) == expected


def found(text: str) -> list[tuple[str, str, str | None, str | None]]:
    return [(a.short, a.long, a.kind, a.evidence) for a in acronyms.enrich(article(text)).acronyms]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Data Badan Meteorologi, Klimatologi, dan Geofisika (BMKG) menunjukkan hujan.",
            ("BMKG", "Badan Meteorologi, Klimatologi, dan Geofisika", "initialism", "B+M+K+G"),
        ),
        (
            "Hotel meraih sertifikat Cleanliness, Health, Safety, and Environment (CHSE).",
            ("CHSE", "Cleanliness, Health, Safety, and Environment", "initialism", "C+H+S+E"),
        ),
        (
            "Okupansi hotel, restoran, dan kafe (Horeka) naik.",
            ("Horeka", "hotel, restoran, dan kafe", "syllabic", "Ho+re+ka"),
        ),
        (
            "Kepala Dinas Pendidikan dan Kebudayaan (Disdikbud) hadir.",
            ("Disdikbud", "Dinas Pendidikan dan Kebudayaan", "syllabic", "Dis+dik+bud"),
        ),
        (
            "Diatur dalam Peraturan Gubernur (Pergub) Nomor 5.",
            ("Pergub", "Peraturan Gubernur", "syllabic", "Per+gub"),
        ),
        (
            "Napi kabur dari lembaga pemasyarakatan (lapas) itu.",
            ("lapas", "lembaga pemasyarakatan", "lower-case", "la+pas"),
        ),
        (
            "Jelang pilkada (pemilihan kepala daerah) serentak.",
            ("pilkada", "pemilihan kepala daerah", "lower-case", "pil+ka+da"),
        ),
        (
            "Anggota Organisasi Negara-negara Pengekspor Minyak (OPEC) sepakat.",
            (
                "OPEC",
                "Organisasi Negara-negara Pengekspor Minyak",
                "cross-language",
                "organisasi=O negara-negara=C pengekspor=E minyak=P",
            ),
        ),
        (
            "Proyek Belt and Road Initiative/BRI berlanjut.",
            ("BRI", "Belt and Road Initiative", "slash", "B+R+I"),
        ),
        (
            "Kerja sama BRI/Belt and Road Initiative berlanjut.",
            ("BRI", "Belt and Road Initiative", "slash", "B+R+I"),
        ),
        (
            "Proyek itu (Belt and Road Initiative/BRI) berlanjut.",
            ("BRI", "Belt and Road Initiative", "slash", "B+R+I"),
        ),
        (
            "Warga antre di stasiun pengisian bahan bakar umum (SPBU) itu.",
            ("SPBU", "stasiun pengisian bahan bakar umum", "initialism", "S+P+B+U"),
        ),
        (
            "Dijerat Undang-Undang Lalu Lintas dan Angkutan Jalan (UU LLAJ).",
            (
                "UU LLAJ",
                "Undang-Undang Lalu Lintas dan Angkutan Jalan",
                "initialism",
                "U+U+L+L+A+J",
            ),
        ),
        (
            "Kata Kepolisian Negara Republik Indonesia (Polri) kemarin.",
            ("Polri", "Kepolisian Negara Republik Indonesia", "syllabic", "Pol+r+i"),
        ),
    ],
)
def test_kinds_of_definition(text: str, expected: tuple[str, str, str, str]) -> None:
    assert found(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Presiden Joko Widodo (Jokowi) datang.",  # a nickname, not an abbreviation
        "Perum Bulog (Persero) dan Wakil Gubernur (kiri) hadir.",
        "Harga cabai Rp80/kg dan 1/7 turun, kata ANTARA/HO.",
        "Bank Dunia/World Bank merilis proyeksi.",
        "Ia tinggal bersama istrinya (Siti) di Bandung.",
    ],
)
def test_words_in_parentheses_or_slashes_that_define_nothing(text: str) -> None:
    assert found(text) == []


def test_contract_1_json_still_reads() -> None:
    data = {"acronyms": [{"short": "PBB", "long": "Perserikatan Bangsa-Bangsa", "start": 0,
                          "end": 32, "field": "paragraphs.0"}]}  # fmt: skip
    result = cattrs.Converter().structure(data, Acronyms)

    assert (result.acronyms[0].kind, result.acronyms[0].evidence) == (None, None)


def test_version_is_bumped() -> None:
    (spec,) = acronyms.seedcorpus_enrichers()
    assert spec.version == "2"


_LONG_WORDS = (
    "Badan", "Dinas", "Dewan", "Komisi", "Lembaga", "Pusat", "Nasional", "Daerah", "Pengawas",
    "Pelayanan", "Perlindungan", "Konsumen", "Keuangan", "Pangan", "Riset", "Inovasi",
    "Sosial", "Jaminan", "Tenaga", "Kerja", "Usaha", "Milik", "Negara", "Umum", "Otoritas",
    "Jasa", "Angkutan", "Sungai", "Hutan", "Rakyat", "Teknologi", "Informasi", "Ekonomi",
)  # fmt: skip


@st.composite
def definitions(draw: st.DrawFn) -> tuple[str, str, str]:
    """A text defining an acronym made from a long form, the acronym and the long form."""
    words = draw(st.lists(st.sampled_from(_LONG_WORDS), min_size=2, max_size=5, unique=True))
    # Distinct initials, so no shorter run of the same words spells the acronym too.
    initials = [w[0] for w in words]
    assume(len(set(initials)) == len(initials))
    if draw(st.booleans()) and len(words) >= 3:
        words.insert(len(words) - 1, "dan")
    long = " ".join(words)
    syllabic = draw(st.booleans())
    if syllabic:
        # A syllabic abbreviation names an institution or a thing, not a person: its
        # long form opens with an institution's noun ("Badan ...", "Dinas ...").
        assume(words[0] in ("Badan", "Dewan", "Komisi", "Lembaga", "Pusat", "Otoritas"))
        short = "".join(w[: draw(st.integers(2, 3))] for w in words if w != "dan")
        short = short[0] + short[1:].lower()
        # Words never taken for an abbreviation ("(depan)", "(kanan)") are left out.
        assume(short.lower() not in acronyms._NOT_ABBREVIATIONS)
    else:
        short = "".join(w[0] for w in words if w != "dan")
    if draw(st.booleans()):
        return f"Pemerintah membentuk {long} ({short}) tahun ini.", short, long
    return f"Pemerintah membentuk {short} ({long}) tahun ini.", short, long


@given(definitions())
def test_a_definition_made_from_its_long_form_resolves(case: tuple[str, str, str]) -> None:
    text, short, long = case

    assert pairs(article(text)) == [(short, long)]


@given(st.text(st.sampled_from('ab .;:!?()"“”/,\n')), st.integers(0, 40), st.integers(0, 40))
def test_the_last_clause_break_is_the_last_of_any(text: str, window: int, start: int) -> None:
    # One search finds what a str.rfind for each break character finds.
    found = acronyms._TO_LAST_BREAK.match(text, window, start)
    each = (text.rfind(c, window, start) + 1 for c in acronyms._CLAUSE_BREAKS)

    assert (window if found is None else found.end()) == max(window, *each)


def _reference_enrich(item: Article) -> Acronyms:
    """The enricher as it searched before the texts were joined (each text searched on
    its own, every text with a slash read), with the uncached :func:`acronyms._match`."""
    texts = [item.title or ""]
    if item.caption is not None:
        texts.append(item.caption.text)
    texts += item.paragraphs
    first_paragraph = len(texts) - len(item.paragraphs)
    names = ["title", "caption.text"][:first_paragraph]

    def field(index: int) -> str:
        number = index - first_paragraph
        return names[index] if number < 0 else f"paragraphs.{number}"

    found: list[tuple[int, int, acronyms.Acronym]] = []
    for index, text in enumerate(texts):
        parentheses = [(m.start(), m.end(), m["inner"]) for m in acronyms._PARENS.finditer(text)]
        found += ((index, a.start, a) for a in acronyms._find(field(index), text, parentheses))
    for index, text in enumerate(texts):
        if "/" in text:
            found += ((index, a.start, a) for a in acronyms._slashes(field(index), text))
    first: dict[str, acronyms.Acronym] = {}
    for _, _, acronym in sorted(found, key=lambda item: item[:2]):
        first.setdefault(acronym.short, acronym)
    return Acronyms(acronyms=tuple(first.values()))


# Definitions in every form, cut anywhere: texts that end inside parentheses or right
# before a slash, start with one, hold a NUL, or are empty; cased letters outside ASCII.
_DEFINITION_PIECES = st.sampled_from(
    (
        "Badan Pusat Statistik", "(BPS)", "BPS", "(Badan Pusat Statistik)", "(", ")", "/",
        "Belt and Road Initiative/BRI", "kecerdasan buatan/AI", "BRI/Belt and Road Initiative",
        "Dinas Pendidikan dan Kebudayaan", "(Disdikbud)", "(UU LLAJ)", "(kanan)", "(1/7/2024)",
        "Organisasi Kesehatan Dunia", "(WHO)", "lembaga pemasyarakatan", "(lapas)", "\x00",
        "Perserikatan Bangsa-Bangsa", "(PBB)", "ǅ", "Ⓐ", "ⓐ/BPS", "É/", "dan", ",", ".",
    )
)  # fmt: skip
_DEFINITION_TEXTS = st.lists(_DEFINITION_PIECES | st.text(max_size=3), max_size=10).map(
    lambda pieces: " ".join(pieces) if len(pieces) % 2 else "".join(pieces)
)


@given(
    _DEFINITION_TEXTS,
    st.none() | _DEFINITION_TEXTS,
    st.lists(_DEFINITION_TEXTS, max_size=6).map(tuple),
)
def test_joined_search_finds_what_a_search_of_each_text_finds(
    title: str, caption: str | None, paragraphs: tuple[str, ...]
) -> None:
    item = article(*paragraphs, title=title, caption=None if caption is None else Caption(caption))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(acronyms, "_match", acronyms._match.__wrapped__)
        expected = _reference_enrich(item)

    assert acronyms.enrich(item) == expected


@given(news_articles())
def test_news_articles_give_what_the_reference_gives(item: Article) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(acronyms, "_match", acronyms._match.__wrapped__)
        expected = _reference_enrich(item)

    assert acronyms.enrich(item) == expected


@given(st.lists(_DEFINITION_TEXTS, min_size=1, max_size=6))
@example(["Badan Pusat Statistik (BPS", ") dan", "(BPS) itu"])
@example(["1/7", "Badan Pusat Statistikⓐ/BPS"])  # "ⓐ" is lower case, not a letter
def test_joined_parentheses_and_slashes_are_those_of_each_text(texts: list[str]) -> None:
    joined = acronyms._Joined(texts)
    found = joined.parentheses()
    with_slashes = joined.with_slashes()

    for index, text in enumerate(texts):
        matches = acronyms._PARENS.finditer(text)
        assert found.get(index, []) == [(m.start(), m.end(), m["inner"]) for m in matches]
        # Every text a slash definition may be in is read; none without a slash.
        if list(acronyms._slashes("title", text)):
            assert index in with_slashes
        if index in with_slashes:
            assert "/" in text
    assert with_slashes == sorted(set(with_slashes))

"""The acronyms enricher: definitions in both orders, Indonesian word order, first wins."""

from __future__ import annotations

import cattrs
import pytest
from articles import SAMPLE, SEED, article, news_articles
from hypothesis import given

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
    found = acronyms._parentheses(texts)

    for index, text in enumerate(texts):
        matches = acronyms._PARENS.finditer(text)
        expected = [(m.start(), m.end(), m.group("inner")) for m in matches]
        assert found.get(index, []) == expected

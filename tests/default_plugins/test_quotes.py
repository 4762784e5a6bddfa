"""The quotes enricher: direct and indirect speech, cues, speakers and their full names."""

from __future__ import annotations

import re

import cattrs
import pytest
from articles import SAMPLE, SEED, article, news_articles
from hypothesis import given
from hypothesis import strategies as st

from seedcorpus.default_plugins import quote_patterns, quotes
from seedcorpus.default_plugins.quotes import Quote, Quotes
from seedcorpus.models import Article, Caption, Dateline
from seedcorpus.testing import check_enricher

ANAS = "Abdullah Azwar Anas"
CUES = ["kata", "ujar", "ucap", "tutur", "jelas", "ungkap", "tambah", "lanjut", "imbuh"]


def direct(item: Article) -> list[Quote]:
    return [quote for quote in quotes.enrich(item).quotes if quote.direct]


def test_seed_has_two_direct_quotes_by_anas() -> None:
    found = direct(SEED)

    assert [(q.paragraph, q.speaker, q.cue) for q in found] == [
        (3, ANAS, "kata"),
        (5, ANAS, "katanya"),
    ]
    assert found[0].text.startswith("Indonesia mereplikasi praktik")
    assert found[0].text.endswith("berjumlah 207 MPP")  # the comma is the attribution's
    assert found[1].text.endswith("di dua negara")


def test_seed_indirect_speech() -> None:
    indirect = [q for q in quotes.enrich(SEED).quotes if not q.direct]
    lead = indirect[0]

    assert lead.paragraph == 0
    assert lead.speaker == ANAS
    assert lead.role == "Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi (PANRB)"
    assert lead.text == (
        "Indonesia dan Azerbaijan memperkuat kerja sama yang terjalin dalam mengakselerasi "
        "pelayanan publik"
    )
    # "Kerja sama ..., kata dia, telah ...": the previous speaker, the whole sentence.
    kata_dia = next(q for q in indirect if q.paragraph == 4)
    assert kata_dia.speaker == ANAS
    assert kata_dia.text.startswith("Kerja sama Indonesia dan Azerbaijan, kata dia, telah")
    # A title alone names no one.
    by_title = next(q for q in indirect if q.paragraph == 6)
    assert (by_title.speaker, by_title.role, by_title.cue) == (
        None,
        "Menteri PANRB",
        "menjelaskan",
    )


def test_sample_speakers_without_their_titles() -> None:
    found = quotes.enrich(SAMPLE).quotes

    assert [(q.paragraph, q.direct, q.speaker, q.cue) for q in found] == [
        (2, True, "Yusak Kristian", "kata"),
        (4, True, "Alessandro Monzani", "jelas"),
        (5, False, "Alessandro Monzani", "lanjutnya"),
        (7, False, "Alessandro Monzani", "menambahkan"),
        (8, True, "Alessandro Monzani", "jelas"),
    ]
    assert found[0].role == "Direktur PT Astra Otoparts Tbk"
    assert found[1].role == "R&D PR PT Evoluzione"


@pytest.mark.parametrize("cue", CUES)
def test_each_cue_verb_names_the_speaker_after_it(cue: str) -> None:
    (quote,) = direct(article(f'"Kami siap bersaing," {cue} Budi Santoso di Jakarta.'))

    assert (quote.text, quote.speaker, quote.cue) == ("Kami siap bersaing", "Budi Santoso", cue)


@pytest.mark.parametrize("cue", [f"{cue}nya" for cue in CUES])
def test_each_nya_form_is_the_previous_speaker(cue: str) -> None:
    item = article('"Kami siap," kata Budi Santoso.', f'"Harga kami bersaing," {cue}.')
    first, second = direct(item)

    assert (second.speaker, second.cue) == ("Budi Santoso", cue)
    assert first.speaker == second.speaker


def test_curly_quotes() -> None:
    (quote,) = direct(article("“Kami siap bersaing,” ujar Budi."))

    assert (quote.text, quote.speaker) == ("Kami siap bersaing", "Budi")


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ('Budi mengatakan, "Kami siap bersaing di pasar."', "mengatakan"),
        ('Budi menambahkan: "Kami siap bersaing di pasar."', "menambahkan"),
        ('Menurut Budi, "Kami siap bersaing di pasar."', "menurut"),
    ],
)
def test_speaker_before_the_quote(text: str, cue: str) -> None:
    (quote,) = direct(article(text))

    assert (quote.text, quote.speaker, quote.cue) == ("Kami siap bersaing di pasar.", "Budi", cue)


@pytest.mark.parametrize(
    ("attribution", "speaker", "role"),
    [
        ("kata Direktur PT Pelindo Kevin Sinaga", "Kevin Sinaga", "Direktur PT Pelindo"),
        ("kata Wali Kota Budi Santoso", "Budi Santoso", "Wali Kota"),
        ("kata Kepala Desa Sukamaju Ahmad Wenda", "Ahmad Wenda", "Kepala Desa Sukamaju"),
        (
            "kata Kapolda DKI Jakarta Irjen Pol. Irfan Sitompul",
            "Irfan Sitompul",
            "Kapolda DKI Jakarta Irjen Pol.",
        ),
        (
            "ucap Kepala Dinas Kesehatan Sulut Ahmad Daulay",
            "Ahmad Daulay",
            "Kepala Dinas Kesehatan Sulut",
        ),
    ],
)
def test_titles_places_and_companies_are_not_the_name(
    attribution: str, speaker: str, role: str
) -> None:
    (quote,) = direct(article(f'"Kami siap bersaing," {attribution}.'))

    assert (quote.speaker, quote.role) == (speaker, role)


def test_dateline_city_is_not_the_name() -> None:
    item = article(
        '"Kami siap bersaing," kata Bupati Merauke Romanus Mbaraka.',
        dateline=Dateline("Merauke", "ANTARA"),
    )

    assert [q.speaker for q in direct(item)] == ["Romanus Mbaraka"]


def test_one_word_tag_is_a_place_not_a_speaker() -> None:
    item = article('"Kami siap," imbuh Bupati Bengkulu Indah Santoso.', tags=("Bengkulu",))

    assert [q.speaker for q in direct(item)] == ["Indah Santoso"]


def test_short_name_resolves_to_the_tag() -> None:
    item = article('"Kami siap," kata Anas.', tags=("Kementerian PANRB", ANAS))

    assert [q.speaker for q in direct(item)] == [ANAS]


def test_short_name_resolves_to_a_fuller_name_in_the_text() -> None:
    item = article(
        '"Kami siap," kata Direktur PT Maju Jaya Tbk Budi Santoso.',
        '"Harga kami bersaing," jelas Budi.',
    )

    assert [q.speaker for q in direct(item)] == ["Budi Santoso", "Budi Santoso"]


def test_pronouns_take_the_previous_speaker() -> None:
    item = article(
        '"Kami siap," kata Budi Santoso.',
        "Harga itu, kata dia, sudah bersaing.",
        '"Ya, kami siap," ujar Siti Aminah.',
        '"Kami juga bersaing," katanya.',
    )

    assert [q.speaker for q in quotes.enrich(item).quotes] == [
        "Budi Santoso",
        "Budi Santoso",
        "Siti Aminah",
        "Siti Aminah",
    ]


def test_pronoun_without_a_previous_speaker() -> None:
    (quote,) = direct(article('"Kami siap bersaing," katanya.'))

    assert (quote.speaker, quote.cue) == (None, "katanya")


def test_indirect_speech_is_not_direct() -> None:
    (quote,) = quotes.enrich(article("Harga naik, kata Menteri Keuangan Sri Mulyani.")).quotes

    assert quote.direct is False
    assert (quote.text, quote.speaker, quote.role) == (
        "Harga naik",
        "Sri Mulyani",
        "Menteri Keuangan",
    )


def test_indirect_speech_with_the_speaker_first() -> None:
    (quote,) = quotes.enrich(article("Budi menegaskan bahwa harga tetap stabil.")).quotes

    assert (quote.direct, quote.text, quote.speaker) == (False, "harga tetap stabil", "Budi")


@pytest.mark.parametrize(
    "closing", ["demikian Budi Santoso", "demikian kata Budi Santoso", "demikian dia"]
)
def test_demikian_closes_indirect_speech(closing: str) -> None:
    item = article("Budi Santoso mengatakan harga stabil.", f"Stok beras aman, {closing}.")
    said = quotes.enrich(item).quotes[-1]

    assert (said.paragraph, said.direct, said.text) == (1, False, "Stok beras aman")
    assert (said.speaker, said.cue) == ("Budi Santoso", "demikian")


@pytest.mark.parametrize(
    "text", ["Harga naik, demikian pula harga beras.", "Harga naik, demikian juga stoknya."]
)
def test_demikian_without_a_name_is_no_attribution(text: str) -> None:
    assert quotes.enrich(article(text)).quotes == ()


def test_title_alone_names_no_one() -> None:
    (quote,) = direct(article('"Kami siap bersaing," kata Menteri PANRB.'))

    assert (quote.speaker, quote.role) == (None, "Menteri PANRB")


def test_quote_split_by_its_attribution() -> None:
    found = direct(article('"Kami siap," kata Budi, "untuk bersaing di pasar dunia."'))

    assert [(q.text, q.speaker) for q in found] == [
        ("Kami siap", "Budi"),
        ("untuk bersaing di pasar dunia.", "Budi"),
    ]


def test_terms_in_quotation_marks_are_not_speech() -> None:
    assert quotes.enrich(article('Program "smart city" itu berjalan baik.')).quotes == ()


def test_words_that_look_like_cues_are_not_attributions() -> None:
    text = "Harga naik, kata kunci pasar itu, dan tambah lagi pajaknya."
    assert quotes.enrich(article(text)).quotes == ()


def test_unattributed_quotation_that_opens_a_paragraph() -> None:
    (quote,) = direct(article('"Yang pasti tes dilakukan di Indonesia."'))

    assert (quote.speaker, quote.cue) == (None, None)


@given(news_articles())
def test_enrich_is_total_and_round_trips(item: Article) -> None:
    result = quotes.enrich(item)
    converter = cattrs.Converter()

    assert converter.structure(converter.unstructure(result), Quotes) == result
    for quote in result.quotes:
        assert item.paragraphs[quote.paragraph][quote.start : quote.end] == quote.text
        assert quote.text == quote.text.strip()
        assert quote.text
    positions = [(quote.paragraph, quote.start) for quote in result.quotes]
    assert positions == sorted(positions)


def test_plugin_contract() -> None:
    (spec,) = quotes.seedcorpus_enrichers()
    assert spec.name == Quotes.kind
    check_enricher(spec, max_examples=50)


@given(news_articles())
def test_one_search_of_the_body_finds_what_a_search_of_each_paragraph_finds(
    item: Article,
) -> None:
    groups = [[quotes._INDIRECT_CUE], list(quotes._INDIRECT_VERBS)]
    starts, found = quotes._by_paragraph(item.paragraphs, groups)

    for group, by_index in zip(groups, found, strict=True):
        for index, paragraph in enumerate(item.paragraphs):
            offset = starts[index]
            expected = [(m.span(), m.groupdict()) for p in group for m in p.finditer(paragraph)]
            got = [
                ((m.start() - offset, m.end() - offset), m.groupdict())
                for m in by_index.get(index, [])
            ]
            assert got == expected


def test_a_paragraph_with_a_nul_is_searched_alone() -> None:
    item = article('"Kami siap bersaing," kata\x00 Budi.', "Harga naik, kata Anas.")
    texts = [quote.text for quote in quotes.enrich(item).quotes]

    assert texts == ["Kami siap bersaing", "Harga naik"]


def test_speaker_kind_and_attribution_as_printed() -> None:
    item = article(
        '"Hujan lebat masih terjadi," kata BMKG dalam keterangannya.',
        '"Kami siaga," kata Kepala BPBD Sultra, Asmar, di Kendari, Minggu.',
        '"Tenda sudah disiapkan," katanya.',
        '"Kami menunggu data," kata Menteri PANRB.',
    )
    found = [(q.speaker, q.speaker_kind, q.attribution) for q in direct(item)]

    assert found == [
        (None, "institution", "BMKG"),
        ("Asmar", "person", "Kepala BPBD Sultra, Asmar"),
        ("Asmar", "person", None),
        (None, "role", "Menteri PANRB"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        'Asmar di Kendari, Minggu mengatakan, "Banjir rob merendam 120 rumah warga."',
        'Asmar di Kendari, Minggu (1/7), mengatakan, "Banjir rob merendam 120 rumah warga."',
        'Asmar saat ditemui di Kendari, Minggu, mengatakan, "Banjir rob merendam rumah warga."',
    ],
)
def test_a_weekday_or_place_before_the_verb_is_not_the_speaker(text: str) -> None:
    item = article(text, dateline=Dateline("Kendari", "ANTARA"))

    assert [q.speaker for q in direct(item)] == ["Asmar"]


def test_a_quotation_running_over_two_paragraphs_is_the_next_speakers() -> None:
    item = article(
        '"Festival digelar setiap bulan. Ada 80 agenda wisata sepanjang tahun.',
        '"Semua melibatkan pelaku usaha lokal," kata Kepala Dinas Pariwisata Budi Santoso.',
    )
    first, second = direct(item)

    assert first.text == "Festival digelar setiap bulan. Ada 80 agenda wisata sepanjang tahun"
    assert (first.cue, first.speaker) == (None, "Budi Santoso")
    assert second.speaker == "Budi Santoso"


def test_an_unattributed_quotation_continues_the_speaker_before_it() -> None:
    item = article(
        "Budi Santoso mengatakan harga beras naik.",
        '"Pasokan dari Jawa Timur berkurang karena panen mundur."',
    )

    assert [q.speaker for q in direct(item)] == ["Budi Santoso"]


@pytest.mark.parametrize(
    "text",
    [
        '"Mercy and Justice" International Short Film Festival memilih film itu.',
        'Novel "Laut Bercerita" dicetak ulang untuk ke-50 kalinya.',
        '"Indonesia Emas 2045" menjadi tema forum pemuda di Makassar.',
    ],
)
def test_a_quoted_title_is_not_speech(text: str) -> None:
    assert direct(article(text)) == []


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ('"Pasar menahan diri," catat Analis Riset Praus Kapital Alfred Nainggolan.', "catat"),
        (
            '"Pasar menahan diri," demikian Analis Riset Praus Kapital Alfred Nainggolan.',
            "demikian",
        ),
        ('"Pasar menahan diri," demikian kata Alfred Nainggolan.', "demikian"),
        ('"Pasar menahan diri," sebut Alfred Nainggolan.', "sebut"),
        ('"Pasar menahan diri," papar Alfred Nainggolan.', "papar"),
    ],
)
def test_more_cue_words(text: str, cue: str) -> None:
    (quote,) = direct(article(text))

    assert (quote.speaker, quote.cue) == ("Alfred Nainggolan", cue)


def test_a_name_from_indirect_speech_or_the_caption_resolves_a_short_one() -> None:
    item = article(
        "Menteri Perdagangan Zulkifli Hasan menyatakan bahwa harga minyak goreng normal.",
        '"Kami akan cek ke pasar di Papua," kata Zulkifli.',
        '"Stok vaksin cukup," kata Budi.',
        caption=Caption("Menteri Kesehatan Budi Gunadi Sadikin di Jakarta, Senin (3/4/2023)."),
    )

    assert [q.speaker for q in direct(item)] == ["Zulkifli Hasan", "Budi Gunadi Sadikin"]


def test_contract_1_json_still_reads() -> None:
    data = {"quotes": [{"text": "Kami siap", "speaker": "Budi", "cue": "kata", "paragraph": 0,
                        "direct": True, "start": 1, "end": 10}]}  # fmt: skip
    (quote,) = cattrs.Converter().structure(data, Quotes).quotes

    assert (quote.speaker, quote.speaker_kind, quote.attribution, quote.role) == (
        "Budi",
        None,
        None,
        None,
    )


def test_version_is_bumped() -> None:
    (spec,) = quotes.seedcorpus_enrichers()
    assert spec.version == "3"


def test_a_description_points_back_to_the_person_named_before() -> None:
    item = article(
        '"Kami bermain dengan semangat," kata Leonardo Medina.',
        "Di sisi lain, pelatih Arema FC Joel Cornelli memuji permainan anak asuhnya.",
        '"Mereka disiplin menjalankan instruksi," kata pelatih asal Brasil itu.',
        '"Pertahanan kami rapat," ujar pria berusia 50 tahun tersebut.',
    )

    assert [q.speaker for q in direct(item)] == [
        "Leonardo Medina",
        "Joel Cornelli",
        "Joel Cornelli",
    ]


def test_a_nickname_the_article_explains_is_the_full_name() -> None:
    item = article(
        "Kepala Eksekutif OJK Friderica Widyasari Dewi mengatakan 500 aplikasi diblokir.",
        '"Cek legalitas sebelum meminjam," ujar Kiki, sapaan akrab Friderica.',
    )

    assert [q.speaker for q in direct(item)] == ["Friderica Widyasari Dewi"]


def test_a_cue_after_speech_that_names_no_one() -> None:
    item = article(
        '"Kami siap," kata Budi Santoso.',
        '"Pemeriksaan dijadwalkan pekan depan," kata sumber di lingkungan kejaksaan.',
    )

    assert [(q.speaker, q.speaker_kind) for q in direct(item)] == [
        ("Budi Santoso", "person"),
        (None, "unknown"),
    ]


_PLAIN_ME_VERBS = re.compile(
    rf"(?P<verb>{quote_patterns.ME_VERBS})\b(?:\s+bahwa\b)?(?!\s*[,:]?\s*[\"“])"
)


@given(
    st.lists(
        st.sampled_from(
            [
                *(f"me{word}" for word in quote_patterns._ME_WORDS),
                "mengaku",
                "mengakuinya",
                "menyebutnya",
                "me",
                "bahwa",
                '"',
                ",",
                " ",
                "Anas",
                "menilainya",
                "m",
                "n",
            ]
        ),
        max_size=12,
    ).map(" ".join)
)
def test_shared_start_verbs_match_as_the_plain_alternation(text: str) -> None:
    spans = [m.span("verb") for m in quote_patterns.INDIRECT_VERBS[0].finditer(text)]

    assert spans == [m.span("verb") for m in _PLAIN_ME_VERBS.finditer(text)]

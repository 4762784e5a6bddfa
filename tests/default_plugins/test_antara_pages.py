"""The ANTARA parser on the page renderings an outside audit fed it: other sites' date
lines, mastheads and menus above the title, desk codes that look like credits, and the
damage copies carry. Each case is a shape a real page prints; see docs/antara.md."""

from __future__ import annotations

import pytest
from test_antara import assert_spans, document

from seedcorpus.default_plugins.antara import parse_antara
from seedcorpus.models import Article


def parse(text: str) -> Article:
    """The article ``text`` gives, its spans checked."""
    article = parse_antara(document(text))
    assert_spans(text, article)
    return article


# --- date lines ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Sen, 16 Des 2024 17:02 WITA", "2024-12-16T17:02:00+08:00"),
        ("Senin 09 Desember 2024 13:35 WIB", "2024-12-09T13:35:00+07:00"),
        ("December 3, 2024 10:05 WIB", "2024-12-03T10:05:00+07:00"),
        ("Monday, December 2, 2024 18:20 WIB", "2024-12-02T18:20:00+07:00"),
        ("2nd December 2024 18:20 GMT+700", "2024-12-02T18:20:00+07:00"),
        ("Tue, 03 Dec 2024 08:31:12 +0700", "2024-12-03T08:31:12+07:00"),
        ("2024-12-20T09:30:00+07:00", "2024-12-20T09:30:00+07:00"),
        ("2024-12-20T02:30:00Z", "2024-12-20T02:30:00+00:00"),
        ("Diterbitkan 04 Des 2024, 09:15 WIB", "2024-12-04T09:15:00+07:00"),
        ("Diperbarui: 04 Des 2024, 09:30 WIB", "2024-12-04T09:30:00+07:00"),
        ("Published on 4 December 2024 09:15 WITA", "2024-12-04T09:15:00+08:00"),
        ("Senin, 02 Desember 2024 – 14:35 WIB", "2024-12-02T14:35:00+07:00"),
        ("Senin, 09 Desember 2024 - 10:20:00 WIB", "2024-12-09T10:20:00+07:00"),
    ],
)
def test_other_sites_date_lines(line: str, expected: str) -> None:
    text = f"Judul berita hari ini\n\n{line}\n\nJakarta (ANTARA) - Isi berita.\n"
    article = parse(text)
    assert article.published_at is not None
    assert article.published_at.isoformat() == expected
    assert article.title == "Judul berita hari ini"
    assert article.caption is None
    assert article.paragraphs == ("Isi berita.",)
    assert not any(problem.code == "assumed-timezone" for problem in article.problems)


def test_day_month_year_with_slashes_assumes_wib() -> None:
    article = parse("Judul\n\n02/12/2024 16:30\n\nJakarta (ANTARA) - Isi berita.\n")
    assert article.published_at is not None
    assert article.published_at.isoformat() == "2024-12-02T16:30:00+07:00"
    assert [problem.code for problem in article.problems] == ["assumed-timezone"]


@pytest.mark.parametrize(
    "line",
    [
        "Sen, 16 Des 2024 17:02 WITA sore",  # more after the time: a sentence
        "December 3, 2024.",
        "Diterbitkan oleh Kementerian 2024",
        "2024-12-20T09:30:00+07:00 kata dia",
    ],
)
def test_sentences_that_hold_a_date_stay_text(line: str) -> None:
    text = f"Judul\n\nJakarta (ANTARA) - Isi berita.\n\n{line}\n"
    article = parse(text)
    assert article.published_at is None
    assert article.paragraphs[-1] == line


# --- mastheads and menus above the title ---------------------------------------------


def test_a_short_title_next_to_its_date_line_stays_the_title() -> None:
    text = (
        "Harga cabai naik\n27 Januari 2016 14:53 WIB\n"
        "Pedagang menata cabai. ANTARA FOTO/Jessica Helena Wuysang\n"
        "Pontianak (ANTARA) - Harga cabai rawit naik.\n"
    )
    article = parse(text)
    assert article.title == "Harga cabai naik"
    assert article.caption is not None
    assert not any(problem.code == "page-noise" for problem in article.problems)


def test_short_lines_without_a_date_line_or_site_name_are_not_a_masthead() -> None:
    # Nothing tells that "Banjir" is a site's name: position decides, as before.
    text = (
        "Banjir\n\nBanjir melanda tiga kecamatan di Demak\n\n"
        "Demak (ANTARA) - Banjir merendam ratusan rumah.\n"
    )
    article = parse(text)
    assert article.title == "Banjir"
    assert article.paragraphs == ("Banjir merendam ratusan rumah.",)


def test_the_masthead_above_the_title_is_page_noise_with_its_lines() -> None:
    text = (
        "ANTARA News\nEkonomi\nBI pertahankan suku bunga acuan di level 6 persen\n"
        "Rabu, 18 Desember 2024 15:20 WIB\n"
        "Jakarta (ANTARA) - Bank Indonesia mempertahankan suku bunga acuan.\n"
    )
    article = parse(text)
    assert article.title == "BI pertahankan suku bunga acuan di level 6 persen"
    assert article.caption is None
    noise = [problem.line for problem in article.problems if problem.code == "page-noise"]
    assert noise == [1, 2]
    assert article.paragraphs == ("Bank Indonesia mempertahankan suku bunga acuan.",)


def test_a_dateline_after_many_menu_lines_is_found() -> None:
    menu = "\n".join(("Home", "Indonesia", "Business", "World", "Sports", "Features", "Video"))
    text = f"{menu}\nIndonesia and Japan agree on energy\n2 December 2024 18:20 WIB\n"
    text += "Jakarta (ANTARA) - Indonesia and Japan have agreed.\n"
    article = parse(text)
    assert article.dateline is not None
    assert article.title == "Indonesia and Japan agree on energy"


# --- credits, desk codes and addresses -----------------------------------------------


def test_another_sites_desk_code_after_antara_is_a_signoff_not_a_credit() -> None:
    text = (
        "Judul berita\n\nJakarta (ANTARA) - Isi berita pertama.\n\n"
        '"Kami sudah siap," ujar Hilman. (antara/jpnn)\n'
    )
    article = parse(text)
    assert article.caption is None
    assert article.signoff == "(antara/jpnn)"
    assert article.paragraphs == ("Isi berita pertama.", '"Kami sudah siap," ujar Hilman.')


def test_a_photographers_credit_after_antara_stays_a_credit() -> None:
    text = "Judul\n\nWarga berjalan. (ANTARA/Wisnu Adhi)\n\nJakarta (ANTARA) - Isi.\n"
    article = parse(text)
    assert article.caption is not None
    assert article.caption.credit == "ANTARA/Wisnu Adhi"


def test_a_credit_in_parentheses_before_the_sentences_period() -> None:
    text = "Judul\n\nWarga berjalan. (ANTARA FOTO/Aji Styawan).\n\nJakarta (ANTARA) - Isi.\n"
    article = parse(text)
    assert article.caption is not None
    assert article.caption.text == "Warga berjalan."
    assert article.caption.credit == "ANTARA FOTO/Aji Styawan"


def test_the_articles_own_address_is_its_url_and_no_caption() -> None:
    address = "https://www.antaranews.com/berita/4509876/gempa-guncang-garut"
    text = f"Gempa guncang Garut\n\n{address}\n\nGarut (ANTARA) - Gempa terjadi.\n"
    article = parse(text)
    assert article.url == address
    assert article.caption is None
    assert article.paragraphs == ("Gempa terjadi.",)


def test_another_address_on_its_own_line_stays_body() -> None:
    text = "Judul\n\nJakarta (ANTARA) - Daftar di laman ini.\n\nhttps://sscasn.bkn.go.id/daftar\n"
    article = parse(text)
    assert article.url is None
    assert article.paragraphs[-1] == "https://sscasn.bkn.go.id/daftar"


def test_a_caption_ending_with_its_credit_is_not_continued_by_a_lower_case_line() -> None:
    text = (
        "Judul berita hari ini\n\nKemenag. Foto: ANTARA/Hafidz Mubarak A\n"
        "jpnn.com, JAKARTA - Kementerian Agama menyiapkan kuota tambahan.\n"
    )
    article = parse(text)
    assert article.caption is not None
    assert article.caption.credit == "Foto: ANTARA/Hafidz Mubarak A"
    assert article.paragraphs == ("Kementerian Agama menyiapkan kuota tambahan.",)


def test_a_links_title_on_the_next_line_may_end_with_a_period() -> None:
    text = "Judul\n\nJakarta (ANTARA) - Isi.\n\nBaca juga:\nWarga lega atas kabar itu.\n"
    article = parse(text)
    assert article.related == ("Warga lega atas kabar itu.",)
    assert article.paragraphs == ("Isi.",)


# --- no dateline: the first paragraph is never the title again -----------------------


@pytest.mark.parametrize(
    "first",
    [
        "Pemerintah menyalurkan bantuan kepada warga yang terdampak banjir di tiga kecamatan",
        '"Kami siap membantu warga yang terdampak banjir," kata Bupati',
        "Apakah warga siap menghadapi banjir di tiga kecamatan tahun ini?",
    ],
)
def test_without_a_dateline_a_paragraph_unlike_the_title_stays_body(first: str) -> None:
    text = f"Judul berita hari ini\n\n{first}\n\nBantuan berupa beras dan mi instan.\n"
    article = parse(text)
    assert article.title == "Judul berita hari ini"
    assert article.paragraphs == (first, "Bantuan berupa beras dan mi instan.")
    assert not any(problem.code == "title-mismatch" for problem in article.problems)


def test_without_a_dateline_a_reworded_title_is_still_the_title_again() -> None:
    text = "Banjir rendam tiga kecamatan\n\nBanjir merendam tiga kecamatan\n\nIsi berita.\n"
    article = parse(text)
    assert article.paragraphs == ("Isi berita.",)
    assert [problem.code for problem in article.problems] == ["title-mismatch"]


# --- a text that lost its line breaks ------------------------------------------------


def test_a_title_glued_before_the_dateline_of_a_text_without_one_is_its_title() -> None:
    text = (
        "Harga cabai naik tajam di pasar tradisional Banjarmasin (ANTARA) - Harga cabai "
        "rawit naik.Pewarta: Firman Editor: Gusti COPYRIGHT © ANTARA 2024"
    )
    article = parse(text)
    assert article.title == "Harga cabai naik tajam di pasar tradisional"
    assert article.dateline is not None
    assert article.dateline.city == "Banjarmasin"
    assert article.paragraphs == ("Harga cabai rawit naik.",)
    assert article.byline.reporters == ("Firman",)
    assert article.copyright is not None
    assert "title-before-dateline" in {problem.code for problem in article.problems}


@pytest.mark.parametrize("city", ["Rio de Janeiro", "Dar es Salaam", "Bandar Seri Begawan"])
def test_a_city_with_one_lower_case_word_is_kept_whole(city: str) -> None:
    article = parse(f"Judul\n\n{city} (ANTARA) - Isi berita.\n")
    assert article.dateline is not None
    assert article.dateline.city == city


def test_a_lead_glued_before_the_dateline_stays_the_summary() -> None:
    text = 'Judul\n\n"Kami siap," kata dia. Jakarta (ANTARA) - Isi berita.\n'
    article = parse(text)
    assert article.title == "Judul"
    assert article.summary == '"Kami siap," kata dia.'


# --- damaged dashes ------------------------------------------------------------------


@pytest.mark.parametrize("dash", ["â€“", "â€”", "?"])
def test_a_dateline_with_a_damaged_dash(dash: str) -> None:
    article = parse(f"Judul\n\nJakarta (ANTARA) {dash} Isi berita.\n")
    assert article.dateline is not None
    assert article.dateline.city == "Jakarta"
    assert article.paragraphs == ("Isi berita.",)


def test_a_title_asking_about_antara_is_no_dateline() -> None:
    article = parse("Siapa juara lomba foto (Antara)?\n\nJakarta (ANTARA) - Isi berita.\n")
    assert article.title == "Siapa juara lomba foto (Antara)?"
    assert article.dateline is not None
    assert article.dateline.city == "Jakarta"


# --- other page chrome ---------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "4-5 minutes",
        "waktu baca 2 menit",
        "3 min read",
        "SCROLL TO CONTINUE WITH CONTENT",
        "Follow Berita Okezone di Google News",
    ],
)
def test_page_chrome_between_paragraphs_is_noise(line: str) -> None:
    text = f"Judul\n\nJakarta (ANTARA) - Isi pertama.\n\n{line}\n\nIsi kedua.\n"
    article = parse(text)
    assert article.paragraphs == ("Isi pertama.", "Isi kedua.")
    assert [problem.code for problem in article.problems] == ["page-noise"]


@pytest.mark.parametrize(
    "line",
    ["2 menit lagi bus berangkat.", "Follow up kasus ini dilakukan polisi.", "Foto itu viral."],
)
def test_body_that_starts_like_chrome_stays_body(line: str) -> None:
    text = f"Judul\n\nJakarta (ANTARA) - Isi pertama.\n\n{line}\n"
    assert parse(text).paragraphs == ("Isi pertama.", line)


def test_tempos_editors_pick_is_a_related_link() -> None:
    text = "Judul\n\nJakarta (ANTARA) - Isi.\n\nPilihan Editor: KPK Tahan Eks Pejabat Kementan\n"
    article = parse(text)
    assert article.related == ("KPK Tahan Eks Pejabat Kementan",)
    assert article.paragraphs == ("Isi.",)


# --- the first paragraph printed again, dateline and all -----------------------------


def test_the_dateline_paragraph_printed_again_is_a_repeat() -> None:
    text = "Judul\n\nJakarta (ANTARA) - Isi.\n\nJakarta (ANTARA) - Isi.\n\nLain.\n"
    article = parse(text)
    assert article.paragraphs == ("Isi.", "Lain.")
    assert [problem.code for problem in article.problems] == ["repeated-paragraph"]


def test_another_paragraph_opening_with_the_same_dateline_stays() -> None:
    text = "Judul\n\nJakarta (ANTARA) - Isi.\n\nJakarta (ANTARA) - Cerita kedua.\n"
    article = parse(text)
    assert article.paragraphs == ("Isi.", "Jakarta (ANTARA) - Cerita kedua.")


# --- a copy's lines naming the agency ------------------------------------------------


@pytest.mark.parametrize(
    "line", ["Antara", "ANTARA", "Antara, Jurnalis", "Antara - Bisnis.com", "Penulis Antara"]
)
def test_a_line_naming_the_agency_is_page_noise(line: str) -> None:
    text = f"Judul berita\n\nJakarta (ANTARA) - Isi pertama.\n\n{line}\n\nIsi kedua.\n"
    article = parse(text)
    assert article.paragraphs == ("Isi pertama.", "Isi kedua.")
    assert [problem.code for problem in article.problems] == ["page-noise"]


@pytest.mark.parametrize(
    "line",
    ["Antara menyebutkan harga naik.", "ANTARA News Agency hosts a forum", "Oleh karena itu"],
)
def test_body_that_starts_with_the_agencys_name_stays_body(line: str) -> None:
    text = f"Judul\n\nJakarta (ANTARA) - Isi.\n\n{line}\n"
    assert parse(text).paragraphs == ("Isi.", line)


def test_republikas_byline_and_lower_case_source() -> None:
    text = (
        "Judul berita\n\nRep: Antara/ Red: Friska Yolandha\n\n"
        "Jakarta (ANTARA) - Isi.\n\nsumber : Antara\n"
    )
    article = parse(text)
    assert article.byline.reporters == ("Antara",)
    assert article.byline.editors == ("Friska Yolandha",)
    assert article.caption is None
    assert article.metadata["source"] == "Antara"
    assert article.paragraphs == ("Isi.",)


# --- other sites' own datelines ------------------------------------------------------


@pytest.mark.parametrize(
    ("opening", "city", "agency"),
    [
        ("TEMPO.CO, Jakarta - ", "Jakarta", "TEMPO.CO"),
        ("REPUBLIKA.CO.ID, JAKARTA -- ", "JAKARTA", "REPUBLIKA.CO.ID"),
        ("BOLAANG MONGONDOW, KOMPAS.com - ", "BOLAANG MONGONDOW", "KOMPAS.com"),
        ("Jakarta, CNN Indonesia -- ", "Jakarta", "CNN Indonesia"),
        ("Bisnis.com, JAKARTA — ", "JAKARTA", "Bisnis.com"),
    ],
)
def test_another_sites_own_dateline(opening: str, city: str, agency: str) -> None:
    article = parse(f"Judul berita\n\n{opening}Isi berita.\n\nLain.\n")
    assert article.dateline is not None
    assert (article.dateline.city, article.dateline.agency) == (city, agency)
    assert article.paragraphs == ("Isi berita.", "Lain.")


def test_antaras_dateline_wins_over_a_sites() -> None:
    text = "Judul\n\nJakarta (ANTARA) - Isi.\n\nTEMPO.CO, Jakarta - Kutipan lain.\n"
    article = parse(text)
    assert article.dateline is not None
    assert article.dateline.agency == "ANTARA"
    assert article.paragraphs == ("Isi.", "TEMPO.CO, Jakarta - Kutipan lain.")


@pytest.mark.parametrize(
    "line",
    ["Jakarta, Bandung dan Surabaya - tiga kota besar.", "Menurut dia, harga naik - turun."],
)
def test_a_paragraph_with_a_comma_and_a_dash_is_no_dateline(line: str) -> None:
    article = parse(f"Judul\n\n{line}\n")
    assert article.dateline is None
    assert article.paragraphs == (line,)


def test_the_credited_unit_before_the_dateline_is_the_caption() -> None:
    text = (
        "Judul berita\n\nJudul berita\n\nEditor Dita Angga\n\nPenjelasan foto. (ANTARA/Nama)\n\n"
        "Jakarta (ANTARA) - Isi.\n"
    )
    article = parse(text)
    assert article.caption is not None
    assert article.caption.credit == "ANTARA/Nama"
    assert article.paragraphs == ("Editor Dita Angga", "Isi.")


# --- the site's name by the title ----------------------------------------------------


@pytest.mark.parametrize(
    "printed",
    [
        "ANTARA News - Harga cabai naik",
        "Harga cabai naik - ANTARA News",
        "Harga cabai naik | antaranews.com",
        "Antaranews.com - Harga cabai naik",
    ],
)
def test_the_sites_name_by_the_title_is_cut_off(printed: str) -> None:
    article = parse(f"{printed}\n\nJakarta (ANTARA) - Isi.\n")
    assert article.title == "Harga cabai naik"
    assert [problem.code for problem in article.problems] == ["page-noise"]


@pytest.mark.parametrize(
    "title", ["ANTARA: kantor berita rayakan HUT", "Kerja sama dengan ANTARA"]
)
def test_a_title_naming_the_agency_is_kept(title: str) -> None:
    assert parse(f"{title}\n\nJakarta (ANTARA) - Isi.\n").title == title


# --- hard-wrapped paragraphs in blank-line blocks ------------------------------------

_WRAPPED = (
    "Judul berita\n\n"
    "Pontianak (ANTARA) - Harga sejumlah bahan pokok di pasar tradisional Kota\n"
    "Pontianak, Kalimantan Barat, terpantau stabil menjelang perayaan Natal\n"
    "2024.\n\n"
    "Kepala Dinas Perdagangan mengatakan stok beras mencukupi hingga awal tahun\n"
    "depan.\n\n"
    "Pewarta: Rendra Oxtora\n"
)


def test_a_hard_wrapped_paragraph_is_one_whatever_its_lines_start_with() -> None:
    article = parse(_WRAPPED)
    assert article.paragraphs == (
        "Harga sejumlah bahan pokok di pasar tradisional Kota Pontianak, Kalimantan Barat, "
        "terpantau stabil menjelang perayaan Natal 2024.",
        "Kepala Dinas Perdagangan mengatakan stok beras mencukupi hingga awal tahun depan.",
    )
    assert article.byline.reporters == ("Rendra Oxtora",)


@pytest.mark.parametrize(
    "block",
    [
        # The line before ends a sentence.
        "Harga sejumlah bahan pokok di pasar tradisional Kota Pontianak stabil.\nWarga lega.",
        # The next word would have fit: a line of its own.
        "Harga sejumlah bahan pokok di pasar tradisional Kota Pontianak stabil\n"
        "Warga menyambut baik kabar itu dan berharap harga tetap stabil sampai tahun baru",
        # A caption line ends with its credit.
        "Pedagang menata cabai di Pasar Flamboyan Pontianak. ANTARA/Jessica Wuysang\n"
        "Pontianak, Kalimantan Barat, terpantau stabil menjelang perayaan Natal tahun",
    ],
)
def test_lines_that_are_not_wrapped_stay_apart(block: str) -> None:
    text = f"Judul\n\nJakarta (ANTARA) - Isi.\n\n{block}\n\nLain.\n"
    article = parse(text)
    assert len(article.paragraphs) + (article.caption is not None) == 4


def test_single_newline_paragraphs_after_the_title_are_not_joined() -> None:
    # Two blocks: the title and the rest, paragraphs a line each (no blank-line blocks).
    first = "Pontianak (ANTARA) - Harga sejumlah bahan pokok di pasar tradisional Kota"
    text = f"Judul\n\n{first}\nPontianak, Kalimantan Barat, terpantau stabil\n"
    assert len(parse(text).paragraphs) == 2


def test_a_sites_dateline_deep_in_a_text_without_one_is_the_storys() -> None:
    words = "Polisi menyelidiki kasus itu dan memeriksa saksi di lokasi kejadian pada hari"
    body = [
        f"{words} ke-{n} setelah laporan warga masuk ke kantor polisi setempat." for n in range(6)
    ]
    text = "\n\n".join([*body, "TEMPO.CO, Jakarta - Kutipan dari laman lain."]) + "\n"
    article = parse(text)
    assert article.dateline is None
    assert article.paragraphs[-1] == "TEMPO.CO, Jakarta - Kutipan dari laman lain."
    assert len(article.paragraphs) == 7

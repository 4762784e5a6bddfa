"""The speaker resolver: the person apart from roles, ranks, honorifics and places."""

from __future__ import annotations

import pytest
from articles import article
from hypothesis import given
from hypothesis import strategies as st

from seedcorpus.default_plugins import quotes, speakers
from seedcorpus.default_plugins.speakers import Attribution, Names, Places, split


@pytest.mark.parametrize(
    ("run", "role", "name"),
    [
        (
            "Direktur PT Astra Otoparts Tbk Yusak Kristian",
            "Direktur PT Astra Otoparts Tbk",
            "Yusak Kristian",
        ),
        (
            "Analis Riset Monex Investindo Futures Ariston Tjendra",
            "Analis Riset Monex Investindo Futures",
            "Ariston Tjendra",
        ),
        (
            "Direktur Retail Banking Bank Mega Kostaman Thayib",
            "Direktur Retail Banking Bank Mega",
            "Kostaman Thayib",
        ),
        (
            "Kasubdit Tipikor Ditreskrimsus Polda, AKBP Ferdiyan Fahmi",
            "Kasubdit Tipikor Ditreskrimsus Polda, AKBP",
            "Ferdiyan Fahmi",
        ),
        (
            "Perdana Menteri Malaysia Dato`Sri Anwar Ibrahim",
            "Perdana Menteri Malaysia Dato`Sri",
            "Anwar Ibrahim",
        ),
        (
            "Perdana Menteri Malaysia Dato' Sri Anwar Ibrahim",
            "Perdana Menteri Malaysia Dato' Sri",
            "Anwar Ibrahim",
        ),
        (
            "Wakil Ketua Komisi III DPR RI H. Ahmad Sahroni",
            "Wakil Ketua Komisi III DPR RI H.",
            "Ahmad Sahroni",
        ),
        ("Bupati Landak Karolin Margret Natasa", "Bupati Landak", "Karolin Margret Natasa"),
        ("Wali Kota Bogor Bima Arya", "Wali Kota Bogor", "Bima Arya"),
        (
            "Dandim 1417 Kendari Letkol Inf Ari Sutrisno",
            "Dandim 1417 Kendari Letkol Inf",
            "Ari Sutrisno",
        ),
        ("Budi Santoso, Kepala Dinas Kesehatan", "Kepala Dinas Kesehatan", "Budi Santoso"),
        (
            "Sekretaris Dinas Pertanian Lampung, Ir. Kusnardi, M.Si",
            "Sekretaris Dinas Pertanian Lampung, Ir.",
            "Kusnardi",
        ),
        (
            "Kepala Bidang Kedokteran Polda Jatim Kombes Pol dr. Erwin Zainul Hakim",
            "Kepala Bidang Kedokteran Polda Jatim Kombes Pol dr.",
            "Erwin Zainul Hakim",
        ),
        (
            "Kepala Dinas Pariwisata Toba Tetti Naibaho",
            "Kepala Dinas Pariwisata Toba",
            "Tetti Naibaho",
        ),
        (
            "Juru bicara Kementerian Luar Negeri, Lalu Muhamad Iqbal",
            "Juru bicara Kementerian Luar Negeri",
            "Lalu Muhamad Iqbal",
        ),
    ],
)
def test_split_separates_the_person(run: str, role: str, name: str) -> None:
    assert split(run) == Attribution(role, name, "person")


@pytest.mark.parametrize(
    ("run", "kind"),
    [
        ("Minggu", "not-a-person"),
        ("Rabu (12/6)", "not-a-person"),
        ("Menteri PANRB", "role"),
        ("Kepala Bandara", "role"),
        ("Menkeu", "role"),
        ("BMKG", "institution"),
        ("Kementerian Keuangan", "institution"),
        ("Direktorat Jenderal Imigrasi", "institution"),
        ("Airnav Indonesia", "institution"),
    ],
)
def test_split_says_what_is_not_a_person(run: str, kind: str) -> None:
    attribution = split(run)

    assert (attribution.name, attribution.kind) == (None, kind)


def test_a_place_the_article_names_is_not_the_name() -> None:
    places = Places("Banjir melanda Kabupaten Sikka dan rumah warga di Nita.", ["maumere"])

    assert "sikka" in places
    assert "nita" in places
    assert "maumere" in places
    assert "banjir" not in places
    assert split("Camat Nita Petrus Herlemus", places).name == "Petrus Herlemus"


def test_di_inside_a_word_does_not_make_a_place() -> None:
    # "Budi Sudirman" holds "di Sudirman", but not after a word break.
    assert "sudirman" not in Places("Kata Budi Sudirman kemarin.")
    assert "bogor" not in Places("Wali Kota Bogor hadir.")


@pytest.mark.parametrize(
    ("mention", "fullest"),
    [
        ("Zulkifli", "Zulkifli Hasan"),
        ("Hasan", "Zulkifli Hasan"),
        ("Sri Mulyani", "Sri Mulyani Indrawati"),
        ("Jokowi", "Joko Widodo"),
        ("Alessandro", "Alessandro Monzani"),
        ("Irawan", "Irawan"),
    ],
)
def test_fullest_name_in_the_article(mention: str, fullest: str) -> None:
    text = (
        "Menteri Perdagangan Zulkifli Hasan menyatakan bahwa harga stabil.\n"
        "Sri Mulyani Indrawati hadir bersama Presiden Joko Widodo.\n"
        "Menurut R&D PR PT Evoluzione Alessandro Monzani, ban itu kuat."
    )
    names = Names.build([], ["Joko Widodo"], text)

    assert names.fullest(mention) == fullest


def test_a_tag_with_the_name_cuts_a_longer_printed_name() -> None:
    names = Names.build(["Karolin Margret Natasa"], [], "")

    assert names.fullest("Landak Karolin Margret Natasa") == "Karolin Margret Natasa"
    # A usual first word of a name stays: "Muhammad Tito Karnavian" is not cut to "Tito".
    names = Names.build(["Tito Karnavian"], [], "")
    assert names.fullest("Muhammad Tito Karnavian") == "Muhammad Tito Karnavian"


def test_a_later_short_mention_cuts_an_organisation_word() -> None:
    text = "Laba Bank Mandiri naik, kata Direktur Utama Bank Mandiri Darmawan Junaidi."
    names = Names.build([], ["Mandiri Darmawan Junaidi", "Darmawan"], text)

    assert names.fullest("Darmawan") == "Darmawan Junaidi"


def test_a_middle_name_mention_keeps_the_first_name() -> None:
    # "Sufmi" is printed only before "Dasco": it is the person's, not an organisation's.
    text = "Wakil Ketua DPR Sufmi Dasco Ahmad hadir. Dasco menegaskan itu."
    names = Names.build([], ["Sufmi Dasco Ahmad", "Dasco"], text)

    assert names.fullest("Dasco") == "Sufmi Dasco Ahmad"


# --- property: a rendered quote resolves to the generated name ------------------------

_GIVEN = (
    "Budi", "Siti", "Agus", "Dewi", "Rudi", "Wahyu", "Rina", "Hendra", "Yusuf", "Fitri",
    "Andika", "Bambang", "Ratna", "Irfan", "Nurul", "Dimas", "Yohanes", "Ferdiyan",
)  # fmt: skip
_FAMILY = (
    "Santoso", "Hartono", "Wijaya", "Kurniawan", "Saputra", "Simanjuntak", "Nasution",
    "Siregar", "Lubis", "Pratama", "Setiawan", "Hidayat", "Rahman", "Sitompul", "Purnomo",
    "Gunawan", "Susanto", "Tjendra", "Thayib", "Naibaho",
)  # fmt: skip
_ROLES = (
    "Kepala Dinas Kesehatan Provinsi Jawa Barat", "Direktur Utama PT Maju Bersama Tbk",
    "Kapolres Gowa AKBP", "Ketua DPRD Kota Bogor", "Menteri Perdagangan",
    "Juru Bicara Kementerian Luar Negeri", "Wakil Gubernur Sumatera Utara",
    "Dandim 1417 Kendari Letkol Inf", "Kepala Pelaksana BPBD Sulawesi Tenggara",
    "Analis Senior Phintraco Sekuritas", "Head of Research Samuel Sekuritas",
    "Rektor Universitas Hasanuddin Prof. Dr.", "Kasubdit Tipikor Ditreskrimsus Polda,",
    "Kepala Bidang Humas Polda Sultra Kombes Pol", "Bupati Landak", "Camat Ngabang",
    "Sekretaris Daerah Provinsi Bali", "Perdana Menteri Malaysia Dato`Sri",
    "Ketua Umum MUI Provinsi Banten KH.", "Direktur RSUD Kota Kendari dr.",
    "Chief Executive Officer PT Kargoku Indonesia", "",
)  # fmt: skip
_HONORIFICS = ("", "", "H. ", "Hj. ", "Dr. ", "Prof. Dr. Ir. ", "Ir. ")
_AFTER = ("kata", "ujar", "ucap", "tutur", "jelas", "ungkap", "tegas", "imbuh", "catat", "tambah")
_BEFORE = ("mengatakan", "menegaskan", "menjelaskan", "menyampaikan")

names = st.builds(
    lambda given, family: " ".join((*given, *family)),
    st.lists(st.sampled_from(_GIVEN), min_size=1, max_size=2, unique=True),
    st.lists(st.sampled_from(_FAMILY), max_size=1),
)


@st.composite
def rendered(draw: st.DrawFn) -> tuple[str, str]:
    """A paragraph quoting ``name`` with a role, a rank or an honorific, and the name."""
    name = draw(names)
    role = draw(st.sampled_from(_ROLES))
    honorific = draw(st.sampled_from(_HONORIFICS)) if not role.endswith(".") else ""
    who = " ".join(part for part in (role, honorific + name) if part)
    speech = "Harga bahan pokok kami jaga tetap stabil sampai akhir tahun"
    adjunct = draw(st.sampled_from(("", " di Kendari, Minggu", " dalam jumpa pers", ", Senin")))
    forms = (
        f'"{speech}," {draw(st.sampled_from(_AFTER))} {who}{adjunct}.',
        f'{who}{adjunct} {draw(st.sampled_from(_BEFORE))}, "{speech}."',
        f'Menurut {who}, "{speech}."',
        f'"{speech}," kata {who}, "karena pasokan cukup."',
    )
    return draw(st.sampled_from(forms)), name


@given(rendered())
def test_a_rendered_quote_resolves_to_the_name(case: tuple[str, str]) -> None:
    paragraph, name = case
    found = [q for q in quotes.enrich(article(paragraph)).quotes if q.direct]

    assert found, paragraph
    assert {q.speaker for q in found} == {name}, paragraph
    assert {q.speaker_kind for q in found} == {"person"}


def test_kinds_are_listed() -> None:
    assert set(speakers.KINDS) == {"person", "role", "institution", "not-a-person", "unknown"}


_REMEMBERED_RUNS = [
    "Bupati Landak Karolin Margret Natasa",
    "PT Evoluzione Alessandro Monzani",
    "Minggu",
    "Kendari",
    "Asmar di Kendari",
    "Kepala Dinas Kendari Budi Santoso",
    "Aburizal Bakrie",
]


@given(
    st.lists(
        st.tuples(
            st.sampled_from(_REMEMBERED_RUNS),
            st.frozensets(st.sampled_from(["kendari", "landak", "bakrie", "budi", "asmar"])),
        ),
        max_size=12,
    )
)
def test_remembered_readings_are_the_readings(calls: list[tuple[str, frozenset[str]]]) -> None:
    # split() remembers readings across articles by the answers about places they
    # depended on; with other places the same words must be read afresh.
    for run, places in calls:
        assert split(run, places) == speakers._split(run, places)

"""Hand-built articles for the enricher tests, so they do not depend on the parser.

Each is what the ANTARA parser should make of a file under ``seeds/`` or
``tests/data/samples/``: paragraphs without the dateline prefix, the caption split from
its credit, whitespace normalized.
"""

from __future__ import annotations

from typing import Any

import attrs
from hypothesis import strategies as st

from seedcorpus.models import Article, Byline, Caption, Copyright, Dateline, Source, Syndication
from seedcorpus.text import normalize

__all__ = ["SAMPLE", "SEED", "article", "news_articles"]

SEED = Article(
    id="000_b88b87f86327f4ee",
    source=Source(path="000_b88b87f86327f4ee.txt", sha256="0" * 64, parser="antara"),
    title="RI-Azerbaijan memperkuat kerja sama akselerasi pelayanan publik",
    language="id",
    tags=("Kementerian PANRB", "Abdullah Azwar Anas", "Indonesia-Azerbaijan", "Ulvi Mehdiyev"),
    caption=Caption(
        text="Menteri PANRB Abdullah Azwar Anas (kanan) saat menerima kunjungan Kepala Badan "
        "Pelayanan Publik dan Inovasi Sosial Azerbaijan Ulvi Mehdiyev (kiri) di Kantor "
        "Kementerian PANRB, Jakarta, Senin (1/7/2024).",
        credit="ANTARA/HO-Humas Kementerian PANRB",
    ),
    dateline=Dateline(city="Jakarta", agency="ANTARA"),
    paragraphs=(
        "Indonesia dan Azerbaijan memperkuat kerja sama yang terjalin dalam mengakselerasi "
        "pelayanan publik, kata Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi "
        "(PANRB) Abdullah Azwar Anas ketika menerima kunjungan Kepala Badan Pelayanan Publik "
        "dan Inovasi Sosial Azerbaijan Ulvi Mehdiyev di Kantor Kementerian PANRB, Jakarta, "
        "Senin.",
        "Sebelumnya, kerja sama kedua negara ini telah terjalin sejak 2017 yang mengadopsi "
        "ASAN Xidmat, pusat pelayanan terintegrasi dan telah diakui oleh Perserikatan "
        "Bangsa-Bangsa (PBB) sebagai yang terbaik di dunia, menjadi mal pelayanan publik (MPP) "
        "di Indonesia.",
        "Anas pun mengapresiasi langkah lanjutan sebagai penguatan di bidang pelayanan publik "
        "ini, terlebih ASAN Xidmat telah diakui sebagai salah satu pusat pelayanan publik "
        "terbaik di dunia oleh PBB.",
        '"Indonesia mereplikasi praktik baik ini dengan menciptakan MPP yang kini berjumlah 207 '
        'MPP," kata Anas dalam keterangannya di Jakarta.',
        "Kerja sama Indonesia dan Azerbaijan, kata dia, telah berlangsung relatif cukup lama. "
        "Indonesia telah mendapatkan inspirasi dan praktik baik yang diterapkan dengan MPP.",
        '"Kami terus melakukan replikasi dan sempurnakan dengan berbagai kebutuhan dan '
        "perkembangan yang ada, termasuk dengan menjalankan rencana aksi untuk mengakselerasi "
        'pelayanan publik di dua negara," katanya.',
        "Menteri PANRB menjelaskan bahwa peningkatan kerja sama dengan Azerbaijan melalui "
        "rencana aksi untuk akselerasi pelayanan publik di Indonesia dan Azerbaijan pada hari "
        "Senin (1/7).",
        "Rencana aksi tersebut, lanjut dia, terdiri atas berbagai kegiatan, antara lain, "
        "lokakarya, knowledge sharing, hingga pengembangan penyelenggaraan pelayanan publik "
        "yang akan diselenggarakan dalam kurun waktu 2 tahun.",
        "Melalui rencana aksi ini, Indonesia dan Azerbaijan akan melihat secara langsung apa "
        "saja yang telah dilakukan oleh masing-masing negara untuk saling melengkapi "
        "pelayanan publik sesuai dengan kebutuhan dan perkembangan di Indonesia dan "
        "Azerbaijan.",
    ),
    syndication=Syndication(
        site="Antaranews.com",
        original_title="Indonesia-Azerbaijan perkuat kerja sama akselerasi pelayanan publik",
    ),
    byline=Byline.from_text(reporter=None, editor="Herry Soebanto"),
    copyright=Copyright(holder="ANTARA", year=2024),
)
"""The seed article, ``seeds/000_b88b87f86327f4ee.txt``."""

SAMPLE = Article(
    id="000_016a03571f98f98c",
    source=Source(path="000_016a03571f98f98c.txt", sha256="0" * 64, parser="antara"),
    title="Astra Otoparts luncurkan ban motor terbaru Aspira Premio",
    caption=Caption(
        text="Astra Otoparts bekerja sama dengan pabrikan ban terkemuka di dunia asal Italia, "
        "Pirelli meluncurkan ban sepeda motor terbaru dengan merek Aspira Premio.",
        credit="(Antaranews/Monalisa)",
    ),
    dateline=Dateline(city="Jakarta", agency="ANTARA News"),
    paragraphs=tuple(
        normalize(paragraph)
        for paragraph in (
            "PT Astra Otoparts Tbk meluncurkan rangkaian jenis ban sepeda motor terbaru dengan "
            "merek Aspira Premio.",
            "Untuk memproduksi ban yang diklaim berkualitas premium itu, Astra Otoparts bekerja "
            "sama dengan pabrikan ban terkemuka di dunia asal Italia, Pirelli dengan mendirikan "
            "perusahaan patungan (Astra Otoparts 40 persen, Pirelli 60 persen), yakni PT "
            "Evoluzione Tyres untuk memproduksi ban tersebut.",
            '"Kami siap bersaing untuk menjadi pilihan utama para pengendara sepeda motor di '
            "Indonesia dalam memberikan pengalaman berkendara dengan performa dan kualitas kelas "
            "dunia karena seluruh proses produksi ban akan dikontrol secara penuh oleh Pirelli "
            'baik dari sisi teknologi, pengadaan, kualitas bahan, dan juga tenaga ahli," kata '
            "Direktur PT Astra Otoparts Tbk Yusak Kristian, di Jakarta, Selasa.",
            "Ban yang diluncurkan Aspira Premio dengan teknologi Italia itu meliputi tiga tipe "
            "Urbano, Sportivo, dan Sportivo RS.",
            '"Urbano yang merupakan ban urban commuting untuk melakukan aktivitas sehari-hari '
            "yang sesuai dengan medan jalan perkotaan dengan aus yang merata, nyaman di jalan "
            'kering, dan aman di medan basah," jelas R&D PR PT Evoluzione Alessandro Monzani.',
            "Sementara Sportivo, lanjutnya, merupakan ban sporty touring bagi pengendara yang "
            "suka berpetualang atau melakukan perjalanan jarak jauh dengan performa manuver yang "
            "lebih baik.",
            "Sedangkan Sportivo RS, ban racing street, yang diciptakan untuk memberikan performa "
            "berkendara maksimal di jalan raya maupun lintasan balap. Sportivo RS menggunakan "
            "komponen silika yang memberikan traksi maksimal di kecepatan tinggi, cengkeraman "
            "kuat pada saat manuver dan keamanan dalam pengereman dan jalan basah.",
            "Alessandro menambahkan ban tersebut telah menjalani proses tes yang ketat baik tes "
            "dalam jangka waktu pendek maupun tes dengan proses waktu yang panjang. Namun, ia "
            "menolak membeberkan secara detail mengenai proses pengetesan.",
            '"Yang pasti tes dilakukan di Indonesia karena disesuaikan dengan jalan di Indonesia. '
            "Dan mulai dari proses merancang hingga masuk produksi memakan waktu setahun. Kami "
            'sangat detail dan menggunakan material yang terbaik dengan harga yang kompetitif," '
            "jelas Alessandro.",
        )
    ),
    byline=Byline.from_text(reporter="Monalisa"),
)
"""The real sample ``tests/data/samples/000_016a03571f98f98c.txt``: no tags, no year."""


def article(*paragraphs: str, **changes: Any) -> Article:
    """A small article with the given paragraphs; ``changes`` replace other fields."""
    base = Article(
        id="test",
        source=Source(path="test.txt", sha256="0" * 64, parser="antara"),
        title="Judul",
        paragraphs=paragraphs,
    )
    return attrs.evolve(base, **changes)


# Pieces that exercise the enrichers: date forms (good and broken), quotation marks and
# attributions, acronym definitions, abbreviations, and punctuation in awkward places.
_PIECES = (
    "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Jum'at", "Sabtu", "Minggu", "Ahad",
    "(1/7/2024)", "(1/7)", "1/7", "(31/2)", "(29/2)", "/", "(", ")", "1", "12", "2024",
    "23 Februari 2016", "1 Juli", "Juli", "Agt", "Des", "depan", "pada", "hari", ",", ".",
    '"', "“", "”", "!", "?", "…", "-", "kata", "katanya", "kata dia", "ujarnya", "lanjut",
    "mengatakan", "menambahkan bahwa", "Menurut", "Ia", "Menteri", "PT", "Tbk", "Anas",
    "Abdullah Azwar Anas", "Budi", "Direktur", "Perserikatan Bangsa-Bangsa", "(PBB)", "PBB",
    "mal pelayanan publik", "(MPP)", "dan", "(Persero)", "dr.", "No.", "1.500", "kios.Kepala",
    "Indonesia", "pelayanan", "publik", "yang", "di", "Jakarta", "the", "kerana",
    "Perserikatan Bangsa-Bangsa (PBB)", "PBB (Perserikatan Bangsa-Bangsa)", "(KemenPANRB)",
    "Pendayagunaan Aparatur Negara dan Reformasi Birokrasi (PANRB)", '"Kami siap," kata Budi',
    '“Kami siap bersaing,” katanya.', ", kata Menteri PANRB Abdullah Azwar Anas",
    ", kata dia,", "Anas mengatakan", '"Ya."', "Jakarta, Senin.", "Senin (1/7/2024).",
)  # fmt: skip
_SEPARATORS = (" ", " ", " ", "", "\u00a0", "  ")


@st.composite
def _texts(draw: st.DrawFn, max_pieces: int = 12) -> str:
    pieces = draw(st.lists(st.sampled_from(_PIECES) | st.text(max_size=6), max_size=max_pieces))
    count = len(pieces)
    separators = draw(st.lists(st.sampled_from(_SEPARATORS), min_size=count, max_size=count))
    return "".join(piece + separator for piece, separator in zip(pieces, separators, strict=True))


def news_articles() -> st.SearchStrategy[Article]:
    """Articles made of news-like pieces: what the enrichers look for, often broken."""
    names = st.sampled_from(("Abdullah Azwar Anas", "Kementerian PANRB", "Budi", "")) | _texts(3)
    return st.builds(
        Article,
        id=st.just("generated"),
        source=st.just(SEED.source),
        title=_texts(),
        language=st.sampled_from((None, "id", "en")),
        tags=st.lists(names, max_size=3).map(tuple),
        caption=st.none() | st.builds(Caption, text=_texts()),
        dateline=st.none()
        | st.builds(Dateline, city=st.just("Jakarta"), agency=st.just("ANTARA"), date=_texts(4)),
        paragraphs=st.lists(_texts(), max_size=4).map(tuple),
        copyright=st.none()
        | st.builds(Copyright, holder=st.just("ANTARA"), year=st.integers(-(2**40), 2**40)),
    )

"""Synthetic ANTARA corpora: many realistic articles, deterministic, fast to write.

:func:`synth_corpus` writes a corpus folder of generated articles in the ANTARA text
layout (see ``docs/antara.md``) with its ``INDEX.md``, for benchmarks and tests
that need more data than the seed corpus. :func:`synth_article` makes one of those
articles together with the :class:`~seedcorpus.models.Article` the ``antara`` parser
should read from it, so a test compares real values instead of hard-coded numbers.

The text is assembled from Indonesian word lists and sentence patterns: 3-25
paragraphs, quotations with the usual cue verbs, acronym definitions, datelines and
photo credits in the styles ANTARA prints, footers full, empty or missing, and the
noise of scraped copies (no-break spaces, trailing spaces, whitespace-only lines,
CRLF line ends, a missing final newline). Article ``i`` of a corpus depends only on
``seed`` and ``i``: the same seed gives a byte-identical corpus.

>>> example = synth_article(7, seed=1)
>>> example.path
'0000/000000007.txt'
>>> example.expected.title == example.text.splitlines()[0].strip()
True
"""

from __future__ import annotations

import datetime
import hashlib
import os
import random
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TypeVar

import attrs

from seedcorpus.errors import ExportError, SeedcorpusError
from seedcorpus.manifest import read_manifest, write_manifest
from seedcorpus.models import (
    Article,
    Byline,
    Caption,
    Copyright,
    Dateline,
    Manifest,
    ManifestEntry,
    Source,
    Syndication,
)

__all__ = ["CUE_VERBS", "SynthArticle", "synth_article", "synth_corpus", "synth_path"]

CUE_VERBS = ("kata", "ujar", "ucap", "tutur", "jelas", "ungkap", "tambah", "lanjut", "imbuh")
"""The cue verbs that attribute quotations after them: ``"...," kata Anas``."""

# --- vocabulary ------------------------------------------------------------------------
# fmt: off
_FIRST_NAMES = (
    "Ahmad", "Budi", "Siti", "Dewi", "Agus", "Rina", "Hendra", "Yusuf", "Indah", "Rizky",
    "Fajar", "Wahyu", "Nur", "Eko", "Sri", "Dedi", "Lestari", "Andi", "Putri", "Bambang",
    "Hadi", "Ratna", "Taufik", "Arief", "Mega", "Ilham", "Yohanes", "Made", "Ketut",
    "Nyoman", "Maria", "Fransiskus", "Teguh", "Irfan", "Fitri", "Hasan", "Zainal",
    "Muhammad", "Abdul", "Lukman", "Rahmat", "Joko", "Slamet", "Yanti", "Nanda", "Gilang",
    "Reza", "Dimas", "Ayu", "Wulan", "Kurnia", "Aditya", "Bayu", "Citra", "Erlangga",
    "Gusti", "Haris", "Intan", "Januarius", "Kevin", "Lalu", "Baiq", "Martinus", "Novi",
)
_LAST_NAMES = (
    "Santoso", "Wijaya", "Saputra", "Hidayat", "Nugroho", "Pratama", "Setiawan", "Kusuma",
    "Siregar", "Nasution", "Harahap", "Lubis", "Simanjuntak", "Manurung", "Sembiring",
    "Ginting", "Tanjung", "Daulay", "Rahman", "Hakim", "Fauzi", "Syahputra", "Wibowo",
    "Susanto", "Purnomo", "Gunawan", "Halim", "Sitompul", "Pangaribuan", "Mahendra",
    "Permana", "Ramadhan", "Firmansyah", "Hutapea", "Tuhumury", "Wenda", "Kogoya",
    "Sudirman", "Anwar", "Effendi", "Lesmana", "Sinaga", "Panjaitan", "Maulana", "Iskandar",
    "Kurniawan", "Suryadi", "Hasibuan", "Pohan", "Latuconsina", "Manuhutu", "Suparman",
)
# (city, region as datelines print it, region as text names it)
_JAKARTA = ("Jakarta", "DKI Jakarta", "DKI Jakarta")
_PLACES = (
    ("Mataram", "NTB", "Nusa Tenggara Barat"), ("Kupang", "NTT", "Nusa Tenggara Timur"),
    ("Padang", "Sumbar", "Sumatera Barat"), ("Medan", "Sumut", "Sumatera Utara"),
    ("Makassar", "Sulsel", "Sulawesi Selatan"), ("Pontianak", "Kalbar", "Kalimantan Barat"),
    ("Ambon", "Maluku", "Maluku"), ("Jayapura", "Papua", "Papua"),
    ("Semarang", "Jateng", "Jawa Tengah"), ("Surabaya", "Jatim", "Jawa Timur"),
    ("Bandung", "Jabar", "Jawa Barat"), ("Banda Aceh", "Aceh", "Aceh"),
    ("Palembang", "Sumsel", "Sumatera Selatan"), ("Pekanbaru", "Riau", "Riau"),
    ("Denpasar", "Bali", "Bali"), ("Manado", "Sulut", "Sulawesi Utara"),
    ("Samarinda", "Kaltim", "Kalimantan Timur"), ("Palu", "Sulteng", "Sulawesi Tengah"),
    ("Bengkulu", "Bengkulu", "Bengkulu"), ("Tanjung Pinang", "Kepri", "Kepulauan Riau"),
    ("Yogyakarta", "DIY", "Daerah Istimewa Yogyakarta"), ("Serang", "Banten", "Banten"),
)
# (long form, acronym): each letter of the acronym is the initial of a word of the long form
_ACRONYMS = (
    ("Badan Pusat Statistik", "BPS"), ("Badan Nasional Penanggulangan Bencana", "BNPB"),
    ("Otoritas Jasa Keuangan", "OJK"), ("Dewan Perwakilan Rakyat", "DPR"),
    ("Komisi Pemberantasan Korupsi", "KPK"), ("Badan Usaha Milik Negara", "BUMN"),
    ("Perusahaan Listrik Negara", "PLN"), ("Bank Indonesia", "BI"),
    ("Tentara Nasional Indonesia", "TNI"), ("Badan Penyelenggara Jaminan Sosial", "BPJS"),
    ("Produk Domestik Bruto", "PDB"), ("Anggaran Pendapatan dan Belanja Negara", "APBN"),
    ("Bahan Bakar Minyak", "BBM"), ("Organisasi Perangkat Daerah", "OPD"),
    ("Sumber Daya Manusia", "SDM"), ("Mal Pelayanan Publik", "MPP"),
    ("Komisi Pemilihan Umum", "KPU"), ("Badan Pengawas Obat dan Makanan", "BPOM"),
    ("Usaha Mikro Kecil Menengah", "UMKM"), ("Kredit Usaha Rakyat", "KUR"),
    ("Badan Meteorologi Klimatologi Geofisika", "BMKG"), ("Dana Alokasi Khusus", "DAK"),
)
_ROLES = (
    "Gubernur {region}", "Wakil Gubernur {region}", "Wali Kota {city}", "Bupati {city}",
    "Kepala Dinas Kesehatan {region}", "Kepala Dinas Pendidikan {region}",
    "Kepala BPS {region}", "Kepala Bappeda {region}", "Ketua DPRD {region}",
    "Sekretaris Daerah {region}", "Kapolda {region} Irjen Pol.", "Kepala Kantor Perwakilan BI",
    "Direktur Utama PT Pelindo", "Menteri Keuangan", "Menteri Pertanian",
    "Menteri Perhubungan", "Menteri Kesehatan", "Menteri Pendidikan Dasar dan Menengah",
    "Juru Bicara Kementerian Luar Negeri", "Pengamat ekonomi Universitas Indonesia",
    "Kepala Pelaksana BPBD {region}", "Ketua Kadin {region}", "Rektor Universitas {city}",
    "Kepala Balai Besar Wilayah Sungai", "Deputi Bidang Pencegahan", "Kepala Desa Sukamaju",
)
_HUMAS = (
    "Humas Pemprov {region}", "Humas Kementerian PANRB", "Humas Polda {region}",
    "Humas Pemkot {city}", "Dokumentasi Pribadi", "Humas Kemenkes", "Humas BNPB",
    "Biro Pers Sekretariat Presiden", "Humas PT PLN",
)
_CAPTION_ACTIONS = (
    "saat menerima kunjungan kerja delegasi luar negeri",
    "memberikan keterangan kepada wartawan",
    "meninjau lokasi terdampak banjir",
    "berbincang dengan warga penerima bantuan",
    "meresmikan gedung pelayanan terpadu",
    "memimpin rapat koordinasi penanganan inflasi",
    "menyerahkan bantuan secara simbolis",
    "meninjau proses vaksinasi di puskesmas",
    "membuka pameran produk usaha kecil",
    "memantau harga bahan pokok di pasar tradisional",
    "mengikuti upacara peringatan hari jadi daerah",
)
_WEEKDAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
_MONTHS = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
    "September", "Oktober", "November", "Desember",
)
_GENERIC_SUBJECTS = (
    "pemerintah daerah", "pihaknya", "masyarakat setempat", "para pelaku usaha",
    "dinas terkait", "tim gabungan", "pemerintah pusat", "pemerintah provinsi",
    "kementerian tersebut", "aparat kepolisian", "petugas di lapangan", "warga sekitar",
)
_OPENERS = (
    "Selain itu, ", "Sementara itu, ", "Menurut dia, ", "Di sisi lain, ", "Oleh karena itu, ",
    "Sebelumnya, ", "Dalam kesempatan tersebut, ", "Lebih lanjut, ", "Namun, ",
    "Pada tahun ini, ", "Untuk itu, ", "Meski demikian, ",
)
_VERBS = (
    "terus mendorong", "berupaya meningkatkan", "telah menyalurkan", "akan memperluas",
    "mencatat", "menargetkan", "mengimbau", "memperkuat", "mempercepat", "mengevaluasi",
    "menyiapkan", "mengalokasikan", "meninjau", "memastikan", "mengoptimalkan",
    "menggencarkan", "memprioritaskan", "mendukung penuh", "berkomitmen menjaga",
    "berencana membangun",
)
_CONNECTIVES = (
    "sehingga", "agar", "serta", "karena", "yang diharapkan mampu", "sekaligus", "guna",
)
_QUOTE_SUBJECTS = (
    "Kami", "Kita", "Kami juga", "Kita semua", "Pemerintah", "Kami terus", "Saya berharap kita",
    "Ini merupakan upaya agar kita", "Tentu kami",
)
_TOPICS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    # topic: (subjects, objects, title objects)
    "ekonomi": (
        ("Bank Indonesia", "OJK", "para eksportir", "pelaku UMKM", "Kadin"),
        (
            "pertumbuhan ekonomi di wilayah tersebut", "penyaluran kredit usaha rakyat",
            "stabilitas harga bahan pokok", "investasi di sektor manufaktur",
            "nilai ekspor komoditas unggulan", "daya beli masyarakat",
            "pengendalian inflasi daerah", "digitalisasi sistem pembayaran",
            "penerimaan pajak daerah", "akses permodalan bagi pelaku usaha kecil",
        ),
        (
            "pertumbuhan ekonomi", "penyaluran KUR", "harga bahan pokok", "ekspor kopi",
            "inflasi daerah", "investasi manufaktur", "pembayaran digital",
        ),
    ),
    "kesehatan": (
        ("Dinas Kesehatan", "Kemenkes", "BPJS Kesehatan", "tenaga kesehatan", "puskesmas"),
        (
            "layanan kesehatan di daerah terpencil", "cakupan imunisasi dasar lengkap",
            "penanganan kasus demam berdarah", "pencegahan tengkes pada balita",
            "ketersediaan obat di fasilitas kesehatan", "pemeriksaan kesehatan gratis",
            "jumlah peserta jaminan kesehatan nasional", "kualitas gizi ibu hamil",
        ),
        ("imunisasi anak", "penanganan tengkes", "kasus demam berdarah", "layanan kesehatan"),
    ),
    "pendidikan": (
        ("Dinas Pendidikan", "para guru", "pihak sekolah", "Kemendikdasmen", "perguruan tinggi"),
        (
            "kualitas pembelajaran di sekolah dasar", "beasiswa bagi siswa berprestasi",
            "rehabilitasi ruang kelas yang rusak", "kompetensi guru honorer",
            "program makan bergizi gratis", "penerimaan murid baru secara daring",
            "literasi digital di kalangan pelajar",
        ),
        ("beasiswa pelajar", "rehabilitasi sekolah", "makan bergizi gratis", "kompetensi guru"),
    ),
    "bencana": (
        ("BPBD", "BNPB", "tim SAR gabungan", "BMKG", "relawan"),
        (
            "evakuasi warga terdampak banjir", "bantuan logistik bagi pengungsi",
            "perbaikan tanggul yang jebol", "mitigasi bencana tanah longsor",
            "pemantauan aktivitas gunung api", "kesiapsiagaan menghadapi musim hujan",
            "pendataan rumah rusak akibat gempa",
        ),
        ("penanganan banjir", "bantuan pengungsi", "mitigasi longsor", "siaga musim hujan"),
    ),
    "infrastruktur": (
        ("Kementerian PUPR", "Dinas PUPR", "kontraktor pelaksana", "PLN", "Pelindo"),
        (
            "pembangunan jalan desa", "perbaikan jembatan penghubung antarkecamatan",
            "penyediaan air bersih bagi warga", "pembangunan bendungan irigasi",
            "elektrifikasi desa terpencil", "pengembangan pelabuhan penyeberangan",
            "revitalisasi pasar tradisional",
        ),
        ("pembangunan jalan desa", "jembatan baru", "air bersih", "listrik desa"),
    ),
    "pertanian": (
        ("Dinas Pertanian", "para petani", "Bulog", "kelompok tani", "penyuluh pertanian"),
        (
            "produksi padi pada musim tanam ini", "distribusi pupuk bersubsidi",
            "serapan gabah petani", "luas tanam jagung", "cadangan beras pemerintah",
            "harga jual hasil panen", "penggunaan benih unggul",
        ),
        ("produksi padi", "pupuk bersubsidi", "serapan gabah", "panen jagung"),
    ),
    "pelayanan": (
        ("Kementerian PANRB", "Ombudsman", "aparatur sipil negara", "pemerintah kota"),
        (
            "kualitas pelayanan publik", "digitalisasi layanan administrasi kependudukan",
            "reformasi birokrasi di lingkungan pemerintah daerah", "sistem merit ASN",
            "pengaduan masyarakat secara daring", "integrasi layanan perizinan",
        ),
        ("pelayanan publik", "reformasi birokrasi", "layanan kependudukan", "perizinan"),
    ),
}
_TITLE_VERBS = (
    "percepat", "perkuat", "dorong", "targetkan", "catat", "salurkan", "gelar", "tingkatkan",
    "siapkan", "optimalkan", "evaluasi", "prioritaskan", "genjot", "perluas",
)
_TITLE_VERBS_LONG = (
    "mempercepat", "memperkuat", "mendorong", "menargetkan", "mencatat", "menyalurkan",
    "menggelar", "meningkatkan", "menyiapkan", "mengoptimalkan", "mengevaluasi",
    "memprioritaskan", "menggenjot", "memperluas",
)
_DATELINE_AGENCIES = ("ANTARA", "ANTARA News", "Antara")
# fmt: on
_TAG_TOPICS = {
    "ekonomi": "Ekonomi daerah",
    "kesehatan": "Kesehatan",
    "pendidikan": "Pendidikan",
    "bencana": "Bencana alam",
    "infrastruktur": "Infrastruktur",
    "pertanian": "Ketahanan pangan",
    "pelayanan": "Pelayanan publik",
}
_TOPIC_NAMES = tuple(_TOPICS)
# Each topic's "verb object" phrases and ", connective verb object" second clauses, made
# once: drawing one phrase is much faster than drawing its words.
_CLAUSES = {
    topic: (
        tuple(f"{verb} {object_}" for verb in _VERBS for object_ in objects),
        tuple(
            f", {connective} {verb} {object_}"
            for connective in _CONNECTIVES
            for verb in _VERBS
            for object_ in objects
        ),
    )
    for topic, (_, objects, _) in _TOPICS.items()
}
_T = TypeVar("_T")
_FIRST_DAY = datetime.date(2015, 1, 1)
_DAYS = 3653  # ten years of publication dates


@attrs.frozen
class SynthArticle:
    """One generated article: its file and what a parser should read from it."""

    path: str
    """Path of the file relative to the corpus root, e.g. ``0000/000000123.txt``."""
    text: str
    """The text of the file."""
    data: bytes
    """The bytes of the file (``text`` in UTF-8)."""
    expected: Article
    """What the ``antara`` parser should return, spans, problems and enrichments aside."""
    published: datetime.date
    """The day the article was written for: weekday names and dates in it refer to it."""
    cues: tuple[str, ...]
    """The cue word of each attribution of direct or reported speech, in order, as
    printed: ``kata``, ``katanya``, ``ujarnya``, ``lanjut`` (of ``lanjut dia``), ..."""
    acronyms: tuple[tuple[str, str], ...]
    """The acronym definitions ``Long Form (ABBR)`` in the text, as ``(short, long)``."""


def synth_path(index: int, *, per_folder: int = 10_000) -> str:
    """The path of article ``index`` in a synthetic corpus: ``<folder>/<index>.txt``.

    >>> synth_path(123_456)
    '0012/000123456.txt'
    """
    return f"{index // per_folder:04d}/{index:09d}.txt"


def synth_article(index: int, *, seed: int = 0, per_folder: int = 10_000) -> SynthArticle:
    """Generate article ``index`` of the corpus :func:`synth_corpus` writes for ``seed``.

    It depends only on ``seed`` and ``index`` (and ``per_folder``, for its path): a test
    can regenerate any article of a corpus and compare what was parsed with
    ``expected``.
    """
    path = synth_path(index, per_folder=per_folder)
    draft = _Draft(random.Random(f"{seed}/{index}"))
    data = draft.text.encode("utf-8")
    expected = Article(
        id=path.rpartition("/")[2].removesuffix(".txt"),
        source=Source(path=path, sha256=hashlib.sha256(data).hexdigest(), parser="antara"),
        language=draft.language,
        title=draft.title,
        tags=draft.tags,
        caption=draft.caption,
        dateline=draft.dateline,
        paragraphs=tuple(draft.paragraphs),
        syndication=draft.syndication,
        byline=draft.byline,
        copyright=draft.copyright,
    )
    return SynthArticle(
        path=path,
        text=draft.text,
        data=data,
        expected=expected,
        published=draft.published,
        cues=tuple(draft.cues),
        acronyms=tuple(draft.acronyms),
    )


def synth_corpus(
    out: str | os.PathLike[str],
    n: int,
    *,
    seed: int = 0,
    per_folder: int = 10_000,
    jobs: int = 1,
    force: bool = False,
) -> Manifest:
    """Write a corpus of ``n`` synthetic articles to the folder ``out`` and return its manifest.

    Article ``i`` is ``synth_article(i, seed=seed, per_folder=per_folder)``, written to
    ``out/<synth_path(i)>``: at most ``per_folder`` files to a folder. ``INDEX.md``
    lists every file with its sha256, title and language. The same arguments write the
    same bytes, whatever ``jobs`` is.

    :param jobs: worker processes writing articles in parallel (1: none).
    :param force: write into a folder that is not empty (its ``INDEX.md`` is replaced,
        and files the new one does not list stay behind, unlisted).
    :raises ValueError: ``n`` is negative, or ``per_folder`` or ``jobs`` is not positive.
    :raises ExportError: ``out`` is not empty and ``force`` is false; the message says
        what is there.
    """
    if n < 0:
        raise ValueError(f"n must be 0 or more, not {n}")
    if per_folder < 1:
        raise ValueError(f"per_folder must be 1 or more, not {per_folder}")
    if jobs < 1:
        raise ValueError(f"jobs must be 1 or more, not {jobs}")
    root = Path(out)
    if not force:
        _refuse_non_empty(root)
    root.mkdir(parents=True, exist_ok=True)
    if jobs == 1 or n <= _CHUNK:
        entries = _write_articles(root, range(n), seed, per_folder)
    else:
        chunks = [range(start, min(n, start + _CHUNK)) for start in range(0, n, _CHUNK)]
        with ProcessPoolExecutor(jobs) as pool:
            parts = pool.map(
                _write_articles,
                [root] * len(chunks),
                chunks,
                [seed] * len(chunks),
                [per_folder] * len(chunks),
            )
            entries = [entry for part in parts for entry in part]
    manifest = Manifest(entries=tuple(entries))
    write_manifest(manifest, root)
    return manifest


def _refuse_non_empty(root: Path) -> None:
    """Refuse to write into a folder that holds anything: synth would replace its
    ``INDEX.md`` and orphan every file the new one does not list."""
    if not root.is_dir() or next(root.iterdir(), None) is None:
        return
    files = sum(1 for path in root.rglob("*") if path.is_file())
    listed = ""
    if (root / "INDEX.md").is_file():
        try:
            count = len(read_manifest(root).entries)
        except SeedcorpusError:
            listed = ", and an INDEX.md"
        else:
            listed = f", and an INDEX.md listing {count} article{'' if count == 1 else 's'}"
    raise ExportError(
        f"the folder is not empty ({files} file{'' if files == 1 else 's'}{listed}); synth "
        "would replace its INDEX.md and leave the files it does not list unlisted: choose "
        "an empty or new folder, or pass --force (force=True) to write anyway",
        path=root,
    )


# Articles a worker process writes at a time when synth_corpus runs in parallel.
_CHUNK = 5_000


def _write_articles(out: Path, indexes: range, seed: int, per_folder: int) -> list[ManifestEntry]:
    """Write the articles ``indexes`` of a corpus; return their manifest entries."""
    entries = []
    sha256 = hashlib.sha256
    for index in indexes:
        path = synth_path(index, per_folder=per_folder)
        if index % per_folder == 0 or index == indexes.start:
            os.makedirs(out / path.partition("/")[0], exist_ok=True)
        # The expected Article is not needed here; building it would cost a fifth of the time.
        draft = _Draft(random.Random(f"{seed}/{index}"))
        data = draft.text.encode("utf-8")
        with open(os.path.join(out, path), "wb") as file:
            file.write(data)
        entries.append(
            ManifestEntry(
                file=path,
                id=f"{index:09d}",
                sha256=sha256(data).hexdigest(),
                title=draft.title,
                language=draft.language,
            )
        )
    return entries


# --- generation --------------------------------------------------------------------------


def _capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


class _Person:
    """A person the article quotes: full role and name the first time, a short form later."""

    __slots__ = ("full", "mentioned", "name_only", "short")

    def __init__(self, full: str, name_only: str, short: str) -> None:
        self.full = full
        self.name_only = name_only
        self.short = short
        self.mentioned = False

    def name(self) -> str:
        if self.mentioned:
            return self.short
        self.mentioned = True
        return self.full


class _Draft:
    """One article, drawn from ``rng``: its parts as the parser should read them, and
    the text that carries them (with the noise of real files)."""

    def __init__(self, rng: random.Random) -> None:
        # random() is a bare C call; choice() and randrange() cost ten times more in
        # Python code, and an article draws a few hundred numbers.
        self.random = rng.random
        pick, below, random_ = self.pick, self.below, self.random
        self.cues: list[str] = []
        self.acronyms: list[tuple[str, str]] = []
        self.defined: set[str] = set()
        self.caption_line = ""
        self.published = _FIRST_DAY + datetime.timedelta(days=below(_DAYS))
        published = self.published
        self.weekday = _WEEKDAYS[published.weekday()]
        # Most ANTARA news is written in Jakarta, whose datelines name no region.
        place = _JAKARTA if random_() < 0.3 else pick(_PLACES)
        self.city, self.region_short, self.region = place
        topic = pick(_TOPIC_NAMES)
        self.subjects, title_objects = _TOPICS[topic][0], _TOPICS[topic][2]
        self.clauses, self.seconds = _CLAUSES[topic]
        self.persons = [self.person() for _ in range(1 + below(3))]
        self.complements = self.make_complements()
        self.institution_long, self.institution = pick(_ACRONYMS)
        institution = self.institution

        title_verb = below(len(_TITLE_VERBS))
        title_object = pick(title_objects)
        where = pick((f" {self.region_short}", f" di {self.city}", "", f" {published.year}"))
        self.title = f"{institution}{where} {_TITLE_VERBS[title_verb]} {title_object}"
        self.language: str | None = None
        self.tags: tuple[str, ...] = ()
        if random_() < 0.85:
            self.language = "id"
            tags = [self.persons[0].name_only, institution, self.city, _TAG_TOPICS[topic]]
            first = below(4)  # a rotation, so every tag gets to lead
            self.tags = tuple((tags[first:] + tags[:first])[: 2 + below(3)])

        self.caption: Caption | None = None
        if random_() < 0.7:
            self.caption = self.make_caption(self.persons[0])

        agency_kind = below(3)
        agency = _DATELINE_AGENCIES[agency_kind]
        if agency_kind == 0 or (agency_kind == 1 and place is _JAKARTA):
            self.dateline = Dateline(city=self.city, agency=agency)
        elif agency_kind == 1:
            self.dateline = Dateline(city=self.city, agency=agency, region=self.region_short)
        else:
            date = f"{published.day}/{published.month}"
            self.dateline = Dateline(city=self.city, agency=agency, date=date)

        self.paragraphs = self.body(3 + below(23), 2600 + below(2800))

        self.syndication: Syndication | None = None
        footer: list[str] = []
        if random_() < 0.5:
            name = self.institution_long if random_() < 0.5 else institution
            original = f"{name} {_TITLE_VERBS_LONG[title_verb]} {title_object}{where}"
            self.syndication = Syndication("Antaranews.com", original)
            footer.append(f"Berita ini telah tayang di Antaranews.com dengan judul: {original}")
        reporter = editor = None
        kind = below(5)
        if kind == 0:
            footer.append("Pewarta :")
        elif kind == 1:
            reporter = self.plain_name()
            footer.append(f"Pewarta: {reporter}")
        elif kind == 2:
            reporter = f"{self.plain_name()} dan {self.plain_name()}"
            footer.append(f"Pewarta : {reporter}")
        elif kind == 3:
            reporter = self.plain_name()
            footer.append(f"PEWARTA: {reporter}")
        kind = below(4)
        if kind == 0:
            footer.append("Editor:")
        elif kind < 3:
            editor = self.plain_name()
            footer.append(f"Editor: {editor}")
        self.byline = Byline.from_text(reporter, editor)
        self.copyright: Copyright | None = None
        if random_() < 0.8:
            self.copyright = Copyright("ANTARA", published.year)
            footer.append(f"COPYRIGHT © ANTARA {published.year}")

        self.text = self.render(footer)

    # --- drawing ------------------------------------------------------------------------

    def pick(self, items: Sequence[_T]) -> _T:
        """One of ``items``, uniformly."""
        return items[int(self.random() * len(items))]

    def below(self, n: int) -> int:
        """An integer from 0 to ``n - 1``, uniformly."""
        return int(self.random() * n)

    # --- parts --------------------------------------------------------------------------

    def plain_name(self) -> str:
        return f"{self.pick(_FIRST_NAMES)} {self.pick(_LAST_NAMES)}"

    def person(self) -> _Person:
        last = self.pick(_LAST_NAMES)
        name = f"{self.pick(_FIRST_NAMES)} {last}"
        role = self.pick(_ROLES).format(city=self.city, region=self.region_short)
        return _Person(f"{role} {name}", name, last)

    def date_in_text(self) -> str:
        """A mention of the publication day in one of the forms articles use."""
        day = self.published
        kind = self.below(3)
        if kind == 0:
            return f"{self.weekday} ({day.day}/{day.month})"
        if kind == 1:
            return f"{self.weekday} ({day.day}/{day.month}/{day.year})"
        return f"{self.weekday}, {day.day} {_MONTHS[day.month - 1]} {day.year}"

    def make_caption(self, person: _Person) -> Caption:
        pick, random_ = self.pick, self.random
        day = self.published
        if random_() < 0.8:
            text = (
                f"{person.full} (kanan) {pick(_CAPTION_ACTIONS)} di {self.city}, "
                f"{self.weekday} ({day.day}/{day.month}/{day.year})."
            )
        else:
            text = f"{person.full} {pick(_CAPTION_ACTIONS)} di {self.city}."
        style = self.below(3)
        if style == 0:
            credit = f"ANTARA/HO-{pick(_HUMAS).format(city=self.city, region=self.region_short)}"
            self.caption_line = f"{text} {credit}"
        elif style == 1:
            credit = f"ANTARA FOTO/{self.plain_name()}"
            self.caption_line = f"{text} ({credit})" if random_() < 0.5 else f"{text} {credit}"
        else:
            credit = f"Antaranews/{self.plain_name()}"
            self.caption_line = f"{text} ({credit})"
        return Caption(text, credit)

    def subject(self) -> str:
        """Who a sentence is about; the article's acronym is defined where first used."""
        kind = self.below(10)
        if kind < 4:
            return self.pick(_GENERIC_SUBJECTS)
        if kind < 7:
            return self.pick(self.subjects)
        if kind < 9:
            if not self.defined:
                self.defined.add(self.institution)
                self.acronyms.append((self.institution, self.institution_long))
                return f"{self.institution_long} ({self.institution})"
            return self.institution
        return self.pick(self.persons).name()

    def make_complements(self) -> tuple[str, ...]:
        """Where, when or how much, to end clauses with; a few empty. Drawn once per
        article: a clause then costs one draw instead of a function call and several."""
        year = self.published.year
        below = self.below
        return (
            f" di {self.city}",
            f" pada {self.date_in_text()}",
            f" pada {self.date_in_text()}",
            f" sepanjang tahun {year}",
            f" sebesar {1 + below(99)},{1 + below(9)} persen",
            f" sebesar {1 + below(99)},{1 + below(9)} persen",
            f" senilai Rp{2 + below(899)} miliar",
            f" senilai Rp{2 + below(899)} miliar",
            f" bagi masyarakat di {self.region}",
            f" hingga akhir {self.pick(_MONTHS)} {year}",
            f" hingga akhir {self.pick(_MONTHS)} {year}",
            *("" for _ in range(5)),
        )

    def clause(self) -> str:
        """A verb phrase with its object, maybe a complement and a second clause."""
        # The hottest code of the generator, so it indexes inline instead of calling pick().
        random_ = self.random
        clauses, complements, seconds = self.clauses, self.complements, self.seconds
        text = (
            clauses[int(random_() * len(clauses))] + complements[int(random_() * len(complements))]
        )
        if random_() < 0.5:
            text += seconds[int(random_() * len(seconds))]
        return text

    def sentences(self, length: int) -> str:
        """Sentences of narration, at least one, until they reach ``length`` characters."""
        random_ = self.random
        parts: list[str] = []
        size = 0
        while size < length:
            subject = self.subject()
            if random_() < 0.3:
                sentence = f"{_OPENERS[int(random_() * len(_OPENERS))]}{subject} {self.clause()}."
            else:
                sentence = f"{_capitalize(subject)} {self.clause()}."
            parts.append(sentence)
            size += len(sentence) + 1
        return " ".join(parts)

    def quoted(self, length: int) -> str:
        """The words of a quotation, without closing punctuation: one to three sentences,
        as many as ``length`` characters ask for."""
        pick = self.pick
        parts: list[str] = []
        size = 0
        while size < length and len(parts) < 3:
            part = f"{pick(_QUOTE_SUBJECTS)} {self.clause()}"
            parts.append(part)
            size += len(part) + 2
        return ". ".join(parts)

    def body(self, count: int, length: int) -> list[str]:
        """``count`` paragraphs of about ``length`` characters in all."""
        pick, below = self.pick, self.below
        per_paragraph = length // count
        lead = self.persons[0]
        paragraphs = [
            f"{_capitalize(self.subject())} {self.clause()}, "
            f"kata {lead.name()} di {self.city}, {self.weekday}."
        ]
        self.cues.append("kata")
        for _ in range(count - 1):
            kind = below(10)
            if kind < 3:
                person = pick(self.persons)
                cue = pick(CUE_VERBS)
                if person.mentioned and self.random() < 0.4:
                    cue += "nya"
                    attribution = cue
                else:
                    attribution = f"{cue} {person.name()}"
                self.cues.append(cue)
                paragraphs.append(f'"{self.quoted(per_paragraph - 40)}," {attribution}.')
            elif kind == 3:
                self.cues.append("katanya")
                paragraphs.append(f'"{self.quoted(per_paragraph - 10)}," katanya.')
            elif kind == 4:
                cue = pick(CUE_VERBS)
                self.cues.append(cue)
                paragraphs.append(f"{_capitalize(self.subject())}, {cue} dia, {self.clause()}.")
            else:
                paragraphs.append(self.sentences(per_paragraph))
        return paragraphs

    # --- the text -----------------------------------------------------------------------

    def noisy(self, paragraph: str) -> str:
        """The paragraph with the whitespace damage of real files; normalizing undoes it."""
        random_ = self.random
        if random_() < 0.15:
            # A no-break space, alone or before an ordinary one: "Azerbaijan\xa0 memperkuat".
            space = paragraph.find(" ", self.below(len(paragraph)))
            if space > 0:
                filler = "\xa0" if random_() < 0.5 else "\xa0 "
                paragraph = f"{paragraph[:space]}{filler}{paragraph[space + 1 :]}"
        if random_() < 0.05:
            paragraph += self.pick((" ", "\xa0 ", "\t"))
        return paragraph

    def render(self, footer: list[str]) -> str:
        random_ = self.random
        title_line = self.title + (" " if random_() < 0.1 else "")
        blocks = [title_line]
        if self.language is not None:
            blocks.append(f"{self.language} {','.join(self.tags)}")
        blocks.append(title_line)
        if self.caption is not None:
            blocks.append(self.caption_line)
        dateline = self.dateline
        place = ", ".join(p for p in (dateline.city, dateline.region, dateline.date) if p)
        dash = "–" if random_() < 0.1 else "-"
        first, *rest = self.paragraphs
        blocks.append(f"{place} ({dateline.agency}) {dash} {self.noisy(first)}")
        blocks.extend(self.noisy(paragraph) for paragraph in rest)
        if random_() < 0.1:
            text = self.pick(("\n\n\n", "\n \n", "\n\t\n\n")).join(blocks)
        else:
            text = "\n\n".join(blocks)
        if footer:
            text += ("\n\n\n\n" if random_() < 0.5 else "\n\n") + "\n".join(footer)
        if random_() < 0.8:
            text += "\n"
        if random_() < 0.05:
            text = text.replace("\n", "\r\n")
        return text

"""The words synthetic articles are made of: names, places, acronyms, roles, topics.

Indonesian word lists and sentence parts, as ANTARA prints them, that
:mod:`seedcorpus.apps.synth.drafting` draws from. Each topic's clauses are joined once, here,
so drawing a clause costs one draw.
"""

from __future__ import annotations

__all__ = ["CUE_VERBS"]

CUE_VERBS = ("kata", "ujar", "ucap", "tutur", "jelas", "ungkap", "tambah", "lanjut", "imbuh")
"""The cue verbs that attribute quotations after them: ``"...," kata Anas``."""

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

"""Word lists the speaker resolver reads names with.

Every list is compared in lower case, with periods removed and any apostrophe written as
"'" (news text has ``Dato'Sri``, ``Dato`Sri`` and ``Dato’Sri``). They are sets, so a
look-up costs the same however long a list grows. See ``docs/enrichers/quotes.md``.
"""

from __future__ import annotations

__all__ = [
    "CONNECTIVES",
    "DEGREES",
    "HONORIFICS",
    "MONTHS",
    "NAME_OPENERS",
    "NAME_STARTS",
    "NOT_SPEAKERS",
    "ORGANISATION_HEADS",
    "ORGANISATION_WORDS",
    "PERSON_TITLES",
    "PLACES",
    "PLACE_OFFICES",
    "WEEKDAYS",
]

# fmt: off
# Offices, titles and ranks, Indonesian and English: a name follows them.
PERSON_TITLES = frozenset((
    "menteri", "menko", "wamen", "wakil", "direktur", "dirut", "direksi", "kepala", "ketua",
    "sekretaris", "sekjen", "sekda", "sestama", "gubernur", "wagub", "bupati", "wabup",
    "wali", "walikota", "camat", "lurah", "kades", "presiden", "wapres", "panglima",
    "komisaris", "manajer", "manager", "presdir", "pimpinan", "pemimpin", "juru", "bicara",
    "jubir", "kabid", "kadis", "kadiv", "kabag", "kasubbag", "kabag", "kasi", "kasie",
    "kasubdit", "kasubdin", "kasat", "kasatreskrim", "kasatlantas", "kasatnarkoba", "kanit",
    "panit", "kapolri", "kapolda", "kapolres", "kapolresta", "kapolrestabes", "kapolsek",
    "wakapolri", "wakapolda", "wakapolres", "kabidhumas", "kapuspen", "kapendam", "pangdam",
    "danrem", "dandim", "danramil", "danlanal", "danlantamal", "danyon", "pangkogabwilhan",
    "kajari", "kajati", "kasipidsus", "kasipidum", "kasi", "kakanwil", "kakan", "kapus",
    "dirjen", "irjen", "dirreskrimsus", "dirreskrimum", "dirresnarkoba", "dirlantas",
    "kabareskrim", "kadiv", "karo", "kabiro", "plt", "plh", "pj", "pjs", "penjabat",
    "pelaksana", "tugas", "harian", "anggota", "pengamat", "peneliti", "ekonom", "analis",
    "dosen", "guru", "besar", "rektor", "wakil", "dekan", "staf", "khusus", "koordinator",
    "ahli", "pakar", "praktisi", "pengacara", "advokat", "kuasa", "hukum", "jaksa",
    "hakim", "ketua", "bendahara", "penasihat", "penasehat", "pembina", "pelatih",
    "asisten", "kapten", "kolonel", "letnan", "mayor", "jenderal", "brigjen", "mayjen",
    "letjen", "komjen", "kombes", "akbp", "akp", "kompol", "iptu", "ipda", "aiptu", "aipda",
    "bripka", "brigadir", "briptu", "bripda", "letkol", "lettu", "letda", "serka", "serma",
    "sertu", "serda", "pratu", "praka", "prada", "kopda", "koptu", "laksamana", "laksma",
    "laksda", "laksdya", "marsekal", "marsma", "marsda", "marsdya", "kapt", "pol", "kol",
    "jend", "inf", "purn", "cpm", "kav", "arh", "psk", "mar", "ceo", "cfo", "coo", "cto",
    "cmo", "evp", "svp", "vp", "general", "head", "director", "chief", "officer", "senior",
    "vice", "executive", "president", "chairman", "chairwoman", "founder", "co-founder",
    "cofounder", "pendiri", "utama", "managing", "partner", "lead", "principal",
    "associate", "spokesperson", "analyst", "economist", "researcher", "country",
    "regional", "secretary", "deputi", "deputy", "asdep", "inspektur", "auditor",
    "komandan", "danpuspom", "kadispen", "kadispenad", "kadispenal", "kadispenau",
    "penyidik", "kasubdit", "kanwil", "operasional", "humas", "pejabat", "petugas",
    "pengurus", "perwakilan", "wakil", "ketum", "waketum", "sekum", "bendum", "sekretariat",
    "kepsek", "kaprodi", "kaur", "kadus", "kadisdik", "kadinkes", "kadishub", "kalak",
    "kasubag", "kabiddokkes", "kapolairud", "kabidkum", "kabidpropam",
))
# Organisations, their parts and the words of company names: they stand before a name
# but are not part of it.
ORGANISATION_WORDS = frozenset((
    "kementerian", "kemenko", "badan", "dinas", "kantor", "lembaga", "komisi", "dewan",
    "majelis", "pusat", "direktorat", "ditjen", "bidang", "bagian", "divisi", "biro",
    "unit", "satuan", "subdirektorat", "seksi", "sub", "universitas", "institut",
    "sekolah", "akademi", "politeknik", "fakultas", "program", "studi", "prodi",
    "pemerintah", "pemkab", "pemkot", "pemprov", "pemda", "provinsi", "kabupaten", "kota",
    "kecamatan", "kelurahan", "desa", "dusun", "kampung", "balai", "wilayah", "regional",
    "cabang", "perwakilan", "bappeda", "bappenas", "kadin", "polda", "polres", "polresta",
    "polrestabes", "polsek", "polri", "polairud", "kodam", "korem", "kodim", "koramil",
    "lanal", "lantamal", "lanud", "kejati", "kejari", "kejaksaan", "pengadilan", "negeri",
    "tinggi", "mahkamah", "konstitusi", "duta", "dubes", "atase", "konsul",
    "ditreskrimsus", "ditreskrimum",
    "ditresnarkoba", "ditlantas", "satreskrim", "satlantas", "satnarkoba", "reskrim",
    "tipikor", "tipidter", "tipidkor", "krimsus", "krimum", "narkoba", "humas", "propam",
    "intelkam", "binmas", "sabhara", "gakkum", "polisi", "kepolisian",
    "tni", "angkatan", "darat", "laut", "udara", "kapital", "finansial", "multifinance",
    "pt", "cv", "tbk", "persero", "perum",
    "perumda", "bank", "grup", "group", "holding", "futures", "sekuritas", "securities",
    "asset", "management", "manajemen", "capital", "investama", "finance", "financial",
    "insurance", "asuransi", "syariah", "corp", "corporation", "inc", "ltd", "llc", "co",
    "company", "foundation", "institute", "center", "centre", "research", "riset",
    "consulting", "konsultan", "partners", "airlines", "airways", "retail", "banking",
    "business", "bisnis", "operations", "operation", "public", "relations", "affairs",
    "corporate", "communications", "communication", "komunikasi", "marketing",
    "pemasaran", "sales", "penjualan", "strategy", "strategi", "investment", "investasi",
    "investor", "digital", "technology", "teknologi", "product", "produk", "brand",
    "treasury", "risk", "risiko", "compliance", "legal", "human", "resources", "sumber",
    "daya", "manusia", "development", "pengembangan", "project", "proyek", "department",
    "departemen", "office", "team", "operasi", "ekonomi", "economics", "economic",
    "markets", "market", "pasar", "modal", "saham", "equity", "ekuitas", "fixed",
    "income", "wealth", "private", "global", "asia", "pasifik", "pacific", "southeast",
    "tenggara", "partai", "fraksi", "dpp", "dpw", "dpd", "dpc", "pengurus", "organisasi",
    "asosiasi", "perhimpunan", "ikatan", "persatuan", "forum", "koperasi", "yayasan",
    "lsm", "rumah", "sakit", "rsud", "rsup", "puskesmas", "klinik", "laboratorium",
    "lab", "museum", "pelabuhan", "bandara", "bandar", "terminal", "stasiun", "pos",
    "republik", "kerajaan", "kesultanan", "federasi", "uni", "federal", "kedutaan",
    "besar", "kedubes", "konsulat", "jenderal", "kbri", "kjri", "umum", "nasional",
    "daerah", "negara", "luar", "dalam", "agama", "sosial", "dasar", "menengah", "atas",
    "keuangan", "kesehatan", "pendidikan", "kebudayaan", "perhubungan", "pertanian",
    "kehutanan", "perikanan", "kelautan", "perdagangan", "perindustrian", "ketenagakerjaan",
    "pariwisata", "lingkungan", "hidup", "bencana", "penanggulangan", "meteorologi",
    "klimatologi", "geofisika", "statistik", "pertanahan", "transportasi", "energi",
    "mineral", "pangan", "obat", "makanan", "pengawas", "pengawasan", "pemeriksa",
    "pemberantasan", "korupsi", "narkotika", "pencarian", "pertolongan", "sar", "basarnas",
    "pemadam", "kebakaran", "kominfo", "informatika", "diskominfo", "bpbd", "bmkg", "bps",
    "sekretariat", "staf", "presidensial", "istana", "kepresidenan", "media", "redaksi",
    "pemimpin", "sekjen", "sekda", "setda", "dprd", "dpr", "mpr", "dpd", "kpu", "bawaslu",
    "kpk", "ojk", "bi", "bei", "bumn", "bumd", "pln", "pdam", "kai", "pelni", "tvri",
    "rri", "lkbn", "antara", "indonesia", "ri", "internasional", "international",
    "world", "national", "dunia", "pbb", "who", "unicef", "unesco", "perwakilan",
    "gunung", "taman", "danau", "pantai", "sungai", "teluk", "selat", "bukit", "hutan",
    "cagar", "suaka", "wisata", "kebun", "petani", "kopi", "nelayan", "pengusaha",
    "pedagang", "pemuda", "mahasiswa", "buruh", "hotel", "restoran", "sawit", "karet",
    "tambang", "ekspor", "impor", "jasa", "konstruksi", "properti", "pengembang",
    "perumahan", "angkutan", "industri", "tekstil", "farmasi", "peternak", "perkebunan",
    "seluruh", "bersatu", "kerukunan", "keluarga", "pekerja", "wartawan", "jurnalis",
    "notaris", "apotek", "koperasi", "pers", "gereja", "masjid", "pesantren", "pondok",
    "muhammadiyah", "nahdlatul", "ulama", "nu", "kwarda", "pramuka", "taruna",
    "imigrasi", "pajak", "bea", "cukai", "anggaran", "migas", "minerba", "hortikultura",
    "peternakan", "kependudukan", "catatan", "sipil", "protokol", "keprotokolan",
    "kelompok", "tani", "gapoktan", "poktan", "himpunan", "gabungan", "komunitas",
    "paguyuban", "sanggar", "satgas", "tirta", "pdam", "kemlu", "kemenlu", "timnas",
    "klub", "club", "fc", "united", "sport", "olahraga", "sepak", "bola",
))
# Words that open an organisation's name: an attribution that opens with one and holds
# no title is the organisation speaking ("kata Direktorat Jenderal Imigrasi").
ORGANISATION_HEADS = frozenset((
    "kementerian", "kemenko", "badan", "dinas", "kantor", "lembaga", "komisi", "dewan",
    "majelis", "direktorat", "ditjen", "biro", "pemerintah", "pemkab", "pemkot", "pemprov",
    "pemda", "polda", "polres", "polresta", "polrestabes", "polsek", "polri", "kodam",
    "korem", "kodim", "kejati", "kejari", "kejaksaan", "pengadilan", "mahkamah", "pt",
    "perum", "perumda", "universitas", "institut", "partai", "asosiasi", "perhimpunan",
    "yayasan", "rsud", "puskesmas", "balai", "satuan", "bpbd", "bmkg", "bps", "kpu",
    "bawaslu", "kpk", "ojk", "dpr", "dprd", "mpr", "pln", "kai", "basarnas", "bnpb",
    "kepolisian", "sekretariat", "inspektorat", "otoritas", "koperasi",
))
# Honorifics and religious or academic titles before a name.
HONORIFICS = frozenset((
    "h", "hj", "dr", "drg", "drs", "dra", "prof", "ir", "kh", "k.h", "ustaz", "ustadz",
    "ustazah", "kiai", "kyai", "syekh", "sheikh", "nyonya", "bapak", "ibu", "pak", "bu",
    "mr", "mrs", "ms", "sir", "dato", "dato'", "dato'sri", "dato'seri", "datuk",
    "datuk'seri", "tun", "rev", "pdt", "pendeta", "romo", "pastor", "uskup", "bhante",
    "bante", "biksu", "mgr", "almarhum", "alm", "almarhumah", "dokter",
))
# Academic degrees printed after a name.
DEGREES = frozenset((
    "sh", "mh", "msi", "se", "mm", "spd", "mpd", "skm", "mkes", "mt", "st", "phd", "mba",
    "sik", "ssos", "msos", "ssi", "sp", "ak", "ca", "cpa", "mhum", "mag", "lc", "ma", "mkn",
    "skom", "mkom", "spog", "spa", "sag", "mag", "sip", "mip", "ssn", "msn", "sked", "mked",
    "mars", "mpp", "msc", "bsc", "ba", "llm", "cfa", "sth", "mth", "shi", "mhi", "spd.i",
    "sfarm", "apt", "skep", "ners", "amd", "dipl", "ing", "jd", "sc",
))
# Offices held over a place or a company: one word after them is the place or the
# company when enough remain for the name.
PLACE_OFFICES = frozenset((
    "bupati", "wabup", "gubernur", "wagub", "walikota", "kota", "camat", "lurah", "kades",
    "kapolda", "kapolres", "kapolresta", "kapolrestabes", "kapolsek", "wakapolda",
    "wakapolres", "dandim", "danrem", "pangdam", "danramil", "kajari", "kajati",
    "kakanwil", "sekda", "polda", "polres", "polresta", "polsek", "kodim", "korem",
    "kodam", "pemkab", "pemkot", "pemprov", "kabupaten", "provinsi", "kecamatan",
    "kelurahan", "desa", "dprd", "bpbd", "kpu", "bawaslu", "pn", "pt", "cv", "bank",
    "partai", "universitas", "rsud", "dinkes", "disdik", "dishub", "bappeda", "kejari",
    "kejati", "lapas", "rutan", "kanwil", "kampung", "dusun", "pulau", "pelabuhan",
    # Corporate titles: the company's name follows ("CEO Microsoft Satya Nadella").
    "ceo", "cfo", "coo", "cto", "founder", "co-founder", "cofounder", "pendiri", "presdir",
    "chairman", "komisaris", "direktur", "dirut", "manager", "manajer", "officer",
    # Water utilities are "PDAM Tirta <name>": the word after "Tirta" is the company's.
    "tirta",
))
# Provinces, their usual short forms and compass words, which follow an office.
PLACES = frozenset((
    "aceh", "sumut", "sumatera", "sumbar", "riau", "kepri", "jambi", "sumsel", "babel",
    "bangka", "belitung", "bengkulu", "lampung", "dki", "jakarta", "jabar", "jawa",
    "banten", "jateng", "diy", "yogyakarta", "jogja", "jatim", "bali", "ntb", "ntt", "nusa",
    "tenggara", "kalbar", "kalimantan", "kalteng", "kalsel", "kaltim", "kaltara", "sulut",
    "sulawesi", "gorontalo", "sulteng", "sulbar", "sulsel", "sultra", "maluku", "malut",
    "papua", "pabar", "barat", "timur", "utara", "selatan", "tengah", "raya", "pusat",
    "surabaya", "bandung", "medan", "makassar", "semarang", "palembang",
    "denpasar", "mataram", "kupang", "kendari", "manado", "ambon", "jayapura", "pontianak",
    "banjarmasin", "samarinda", "balikpapan", "pekanbaru", "padang", "batam", "bogor",
    "bekasi", "depok", "tangerang", "solo", "surakarta", "malang", "sleman", "bantul",
    "cirebon", "tasikmalaya", "palu", "mamuju", "ternate", "sorong", "manokwari",
    "merauke", "timika", "bukittinggi", "banda", "lhokseumawe", "serang", "cilegon",

    # Countries, which precede names in titles ("Presiden China Xi Jinping").
    "china", "tiongkok", "amerika", "serikat", "jepang", "korea", "korsel", "korut",
    "rusia", "ukraina", "india", "australia", "malaysia", "singapura", "thailand",
    "vietnam", "filipina", "brunei", "myanmar", "kamboja", "laos", "timor", "leste",
    "inggris", "prancis", "perancis", "jerman", "italia", "spanyol", "belanda", "turki",
    "arab", "saudi", "iran", "irak", "mesir", "palestina", "israel", "qatar", "uea",
    "emirat", "pakistan", "bangladesh", "afrika", "brasil", "kanada", "meksiko",
    "argentina", "selandia", "azerbaijan", "uzbekistan", "kazakhstan", "swiss", "swedia",
    "norwegia", "denmark", "finlandia", "polandia", "yunani", "portugal", "austria",
    "belgia", "ceko", "hongaria", "rumania", "nigeria", "kenya", "ethiopia", "suriah",
    "yordania", "lebanon", "yaman", "kuwait", "oman", "bahrain", "afghanistan", "nepal",
    "lanka", "mongolia", "taiwan", "kong", "makau", "eropa", "asean", "pbb",
    # Regencies, cities and regions that precede names in titles ("Bupati Landak").
    "landak", "sanggau", "sintang", "ketapang", "kubu", "sambas", "bengkayang", "melawi",
    "kapuas", "sekadau", "mempawah", "singkawang", "toba", "samosir", "karo", "dairi",
    "simalungun", "asahan", "langkat", "deli", "serdang", "nias", "tapanuli", "labuhanbatu",
    "pematangsiantar", "siantar", "binjai", "tebing", "sibolga", "padangsidimpuan", "gayo",
    "lues", "bireuen", "pidie", "sabang", "langsa", "meulaboh", "simeulue", "singkil",
    "nagan", "takengon", "pariaman", "solok", "sijunjung", "dharmasraya",
    "pasaman", "payakumbuh", "sawahlunto", "mentawai", "kampar", "siak", "bengkalis",
    "dumai", "pelalawan", "indragiri", "rokan", "kuansing", "meranti", "tanjungpinang",
    "bintan", "karimun", "natuna", "anambas", "muaro", "bungo", "tebo",
    "sarolangun", "merangin", "kerinci", "batanghari", "tanjabbar", "tanjabtim", "ogan",
    "komering", "ilir", "ulu", "musi", "banyuasin", "lahat", "muara", "enim", "prabumulih",
    "lubuklinggau", "pagaralam", "pangkalpinang", "pringsewu", "pesawaran", "tanggamus",
    "metro", "tulang", "bawang", "mesuji", "waykanan", "lebak", "pandeglang", "cilegon",
    "karawang", "purwakarta", "subang", "indramayu", "majalengka", "kuningan", "sumedang",
    "garut", "ciamis", "pangandaran", "banjar", "sukabumi", "cianjur", "cimahi",
    "brebes", "tegal", "pemalang", "pekalongan", "batang", "kendal", "demak", "kudus",
    "jepara", "pati", "rembang", "blora", "grobogan", "sragen", "karanganyar", "wonogiri",
    "sukoharjo", "klaten", "boyolali", "salatiga", "magelang", "temanggung", "wonosobo",
    "banjarnegara", "purbalingga", "banyumas", "purwokerto", "cilacap", "kebumen",
    "purworejo", "kulon", "progo", "gunungkidul", "pacitan", "ponorogo", "madiun",
    "magetan", "ngawi", "bojonegoro", "tuban", "lamongan", "gresik", "sidoarjo",
    "mojokerto", "jombang", "nganjuk", "kediri", "blitar", "tulungagung", "trenggalek",
    "lumajang", "jember", "banyuwangi", "bondowoso", "situbondo", "probolinggo",
    "pasuruan", "batu", "bangkalan", "sampang", "pamekasan", "sumenep", "madura",
    "badung", "gianyar", "tabanan", "buleleng", "jembrana", "klungkung", "bangli",
    "karangasem", "lombok", "sumbawa", "dompu", "flores", "manggarai", "ngada",
    "ende", "sikka", "maumere", "larantuka", "alor", "lembata", "belu", "rote",
    "sabu", "sumba", "kotawaringin", "sampit", "palangka", "palangkaraya", "katingan",
    "seruyan", "barito", "tabalong", "tapin", "banjarbaru", "hulu", "sungai", "kotabaru",
    "tanah", "laut", "kutai", "kartanegara", "berau", "paser", "bontang", "penajam",
    "tarakan", "nunukan", "malinau", "bulungan", "bolaang", "mongondow", "minahasa",
    "bitung", "tomohon", "kotamobagu", "sangihe", "talaud", "boalemo", "pohuwato",
    "bone", "bolango", "donggala", "sigi", "poso", "morowali", "banggai", "tolitoli",
    "buol", "parigi", "moutong", "majene", "polewali", "mandar", "pasangkayu", "gowa",
    "maros", "pangkep", "barru", "parepare", "pinrang", "sidrap", "enrekang", "luwu",
    "palopo", "toraja", "wajo", "soppeng", "sinjai", "bulukumba", "bantaeng", "jeneponto",
    "takalar", "selayar", "konawe", "kolaka", "buton", "muna", "wakatobi", "bombana",
    "baubau", "tual", "seram", "buru", "aru", "halmahera", "tidore", "morotai", "sula",
    "biak", "nabire", "mimika", "asmat", "mappi", "boven", "digoel", "keerom",
    "waropen", "yapen", "jayawijaya", "wamena", "puncak", "lanny", "tolikara", "yahukimo",
    "fakfak", "kaimana", "ampat", "teluk", "wondama", "bintuni", "tambrauw",
    "maybrat", "sleman", "bantul", "kulonprogo", "surakarta", "jakut", "jaksel", "jakbar",
    "jaktim", "jakpus", "tangsel", "bogor", "depok", "bekasi", "tangerang", "serang",
    "parapat", "ngabang", "kendari", "palu", "sorong", "kupang", "ambon", "ternate",
))
# fmt: on
WEEKDAYS = frozenset(
    ("senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu", "ahad")
)
MONTHS = frozenset(
    (
        "januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus",
        "september", "oktober", "november", "desember", "jan", "feb", "mar", "apr", "jun",
        "jul", "agu", "agt", "sep", "sept", "okt", "nov", "des",
    )
)  # fmt: skip
# Capitalized words that open a sentence before the subject: "Namun Anas mengatakan".
# fmt: off
CONNECTIVES = frozenset((
    "namun", "sementara", "sedangkan", "selain", "kemudian", "lalu", "bahkan", "tetapi",
    "tapi", "adapun", "menurut", "saat", "ketika", "sebelumnya", "selanjutnya", "dan",
    "itu", "hal", "oleh", "karena", "sementara", "pada", "di", "dalam", "kata", "ujar",
    "sedang", "meski", "meskipun", "walau", "jika", "bila", "apabila", "sebab", "maka",
    "juga", "pun", "terkait", "soal", "mengenai", "atas", "untuk", "bagi", "dengan",
    "usai", "seusai", "setelah", "sebelum", "sejak", "hingga", "sampai", "sehingga",
    "kini", "kemarin", "nah", "ya", "tidak", "bukan", "sang", "si", "para",
))
# Capitalized pronouns and words that are not a speaker anyone can name.
NOT_SPEAKERS = frozenset((
    "kami", "kita", "saya", "aku", "mereka", "anda", "kalian", "ini", "itu", "tersebut",
    "beliau", "dia", "ia", "pihaknya", "semua", "warga", "masyarakat",
))
# Words that open a name and stand nowhere else in it (Balinese "I", "Ni"; Sasak "Lalu";
# Bugis "Andi"; Acehnese "Teuku"): a name printed after unknown words starts there.
NAME_STARTS = frozenset((
    "i", "ni", "lalu", "baiq", "andi", "teuku", "tengku", "tjokorda", "cokorda", "tubagus",
    # Balinese birth-order names open a name, or follow "I"/"Ni" and each other.
    "wayan", "made", "nyoman", "ketut", "putu", "kadek", "komang",
))
# First words of many personal names that a later mention drops: "Muhammad Tito
# Karnavian" is "Tito", "I Wayan Koster" is "Koster".
NAME_OPENERS = frozenset((
    "muhammad", "mohammad", "mohamad", "muhamad", "moh", "mohd", "muh", "m", "ahmad",
    "achmad", "akhmad", "abdul", "abdullah", "siti", "sri", "nur", "nyoman", "i", "ni",
    "made", "wayan", "ketut", "komang", "putu", "gede", "gusti", "ayu", "anak", "agung",
    "ida", "bagus", "raden", "r", "andi", "teuku", "tengku", "cut", "haji", "dewa",
    "kadek", "luh", "ngurah", "tjokorda", "cokorda", "daeng", "la", "wa", "yohanes",
    "maria", "fransiskus", "theresia", "lalu", "baiq", "tb", "tubagus", "raden", "habib",
    "haji", "sultan", "pangeran", "gusti",
))
# fmt: on

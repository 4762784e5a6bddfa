"""Who an attribution names: the person apart from titles, ranks, offices and places.

The ``quotes`` enricher finds attributions (``kata Kasubdit Tipikor Ditreskrimsus Polda,
AKBP Ferdiyan Fahmi``); this module reads the words that name the speaker. :func:`split`
separates the person from the role printed before or after it, and says what kind of
speaker the words name (a person, a title alone, an institution, or not a speaker at all:
a weekday, a place). :class:`Names` resolves a short name (``Zulkifli``) to the fullest
form the article gives (``Zulkifli Hasan``), from its tags, its attributions and its
text (title, caption, lead, indirect speech). See ``docs/enrichers/quotes.md``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import attrs

__all__ = ["KINDS", "Attribution", "Names", "split"]

KINDS = ("person", "role", "institution", "not-a-person", "unknown")
"""The values of :attr:`Attribution.kind` (and of ``Quote.speaker_kind``)."""

# All lexicons are compared in lower case, with periods removed and any apostrophe
# written as "'" (news text has "Dato'Sri", "Dato`Sri" and "Dato’Sri").
# fmt: off
# Offices, titles and ranks, Indonesian and English: a name follows them.
_PERSON_TITLES = frozenset((
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
_ORGANISATION_WORDS = frozenset((
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
    "intelkam", "binmas", "sabhara", "lalu", "lintas", "gakkum", "polisi", "kepolisian",
    "tni", "angkatan", "darat", "laut", "udara", "pt", "cv", "tbk", "persero", "perum",
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
    "timnas", "klub", "club", "fc", "united", "sport", "olahraga", "sepak", "bola",
))
# Honorifics and religious or academic titles before a name.
_HONORIFICS = frozenset((
    "h", "hj", "dr", "drs", "dra", "prof", "ir", "kh", "k.h", "ustaz", "ustadz",
    "ustazah", "kiai", "kyai", "habib", "syekh", "sheikh", "tuan", "nyonya", "bapak", "ibu",
    "pak", "bu", "mr", "mrs", "ms", "sir", "dato", "dato'", "dato'sri", "dato'seri",
    "datuk", "datuk'seri", "tun", "haji", "hajjah", "raden", "rm", "gusti",
    "pangeran", "sultan", "rev", "pdt", "pendeta", "romo", "pastor", "uskup", "bhante",
    "bante", "biksu", "mgr", "kak", "mas", "mbak", "bang", "abang", "om", "tante", "eyang",
    "ki", "nyi", "almarhum", "alm", "almarhumah", "dokter", "dr.",
))
# Academic degrees printed after a name.
_DEGREES = frozenset((
    "sh", "mh", "msi", "se", "mm", "spd", "mpd", "skm", "mkes", "mt", "st", "phd", "mba",
    "sik", "ssos", "msos", "ssi", "sp", "ak", "ca", "cpa", "mhum", "mag", "lc", "ma", "mkn",
    "skom", "mkom", "spog", "spa", "sag", "mag", "sip", "mip", "ssn", "msn", "sked", "mked",
    "mars", "mpp", "msc", "bsc", "ba", "llm", "cfa", "sth", "mth", "shi", "mhi", "spd.i",
    "sfarm", "apt", "skep", "ners", "amd", "dipl", "ing", "jd", "md", "sc",
))
# Offices held over a place: one word after them is the place when enough remain.
_PLACE_OFFICES = frozenset((
    "bupati", "wabup", "gubernur", "wagub", "walikota", "kota", "camat", "lurah", "kades",
    "kapolda", "kapolres", "kapolresta", "kapolrestabes", "kapolsek", "wakapolda",
    "wakapolres", "dandim", "danrem", "pangdam", "danramil", "kajari", "kajati",
    "kakanwil", "sekda", "polda", "polres", "polresta", "polsek", "kodim", "korem",
    "kodam", "pemkab", "pemkot", "pemprov", "kabupaten", "provinsi", "kecamatan",
    "kelurahan", "desa", "dprd", "bpbd", "kpu", "bawaslu", "pn", "pt", "cv", "bank",
    "partai", "universitas", "rsud", "dinkes", "disdik", "dishub", "bappeda", "kejari",
    "kejati", "lapas", "rutan", "kanwil", "kampung", "dusun", "pulau", "pelabuhan",
))
# Provinces, their usual short forms and compass words, which follow an office.
_REGIONS = frozenset((
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
))
# fmt: on
_WEEKDAYS = frozenset(
    ("senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu", "ahad")
)
_MONTHS = frozenset(
    (
        "januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus",
        "september", "oktober", "november", "desember", "jan", "feb", "mar", "apr", "jun",
        "jul", "agu", "agt", "sep", "sept", "okt", "nov", "des",
    )
)  # fmt: skip
# Capitalized words that open a sentence before the subject: "Namun Anas mengatakan".
# fmt: off
_CONNECTIVES = frozenset((
    "namun", "sementara", "sedangkan", "selain", "kemudian", "lalu", "bahkan", "tetapi",
    "tapi", "adapun", "menurut", "saat", "ketika", "sebelumnya", "selanjutnya", "dan",
    "itu", "hal", "oleh", "karena", "sementara", "pada", "di", "dalam", "kata", "ujar",
    "sedang", "meski", "meskipun", "walau", "jika", "bila", "apabila", "sebab", "maka",
    "juga", "pun", "terkait", "soal", "mengenai", "atas", "untuk", "bagi", "dengan",
    "usai", "seusai", "setelah", "sebelum", "sejak", "hingga", "sampai", "sehingga",
    "kini", "kemarin", "nah", "ya", "tidak", "bukan", "sang", "si", "para",
))
# Capitalized pronouns and words that are not a speaker anyone can name.
_NOT_SPEAKERS = frozenset((
    "kami", "kita", "saya", "aku", "mereka", "anda", "kalian", "ini", "itu", "tersebut",
    "beliau", "dia", "ia", "pihaknya", "semua", "warga", "masyarakat",
))
# First words of many personal names that a later mention drops: "Muhammad Tito
# Karnavian" is "Tito", "I Wayan Koster" is "Koster".
_NAME_OPENERS = frozenset((
    "muhammad", "mohammad", "mohamad", "muhamad", "moh", "mohd", "muh", "m", "ahmad",
    "achmad", "akhmad", "abdul", "abdullah", "siti", "sri", "nur", "nyoman", "i", "ni",
    "made", "wayan", "ketut", "komang", "putu", "gede", "gusti", "ayu", "anak", "agung",
    "ida", "bagus", "raden", "r", "andi", "teuku", "tengku", "cut", "haji", "dewa",
    "kadek", "luh", "ngurah", "tjokorda", "cokorda", "daeng", "la", "wa", "yohanes",
    "maria", "fransiskus", "theresia",
))
# fmt: on
# Bureaucratic and police compounds are made of syllables of the words they stand for
# ("Kemenkes", "Ditreskrimsus", "Diskominfo", "Satpol"): these openings mark them.
_COMPOUND = re.compile(
    r"(?:Kemen|Ditjen|Dirjen|Ditres|Dirres|Satres|Satpol|Kasat|Kasub|Kabag|Kabid|Kadis|"
    r"Kanwil|Kakan|Kapol|Wakapol|Polres|Polsek|Polda|Kodam|Kodim|Korem|Danrem|Dandim|"
    r"Danlan|Pangdam|Pemkab|Pemkot|Pemprov|Bappe|Dinkes|Disdik|Dishub|Diskom|Disnak|"
    r"Dispar|Disper|Diskan|Dispen|Puspen|Kapus|Kadin)[a-z]*"
)
# Portfolios and agencies are nouns made with ke-...-an or pe(r)-...-an ("Menteri
# Keuangan", "Badan Pelayanan Publik"); personal names almost never have that shape.
_INSTITUTION_NOUN = re.compile(r"(?:Ke|Pe)[a-z]{3,}an")
# Lower-case words inside names: "Abdullah bin Ahmad", "Robin van Persie".
_PARTICLES = frozenset(("bin", "binti", "van", "von", "de", "der", "al", "da", "dos", "la"))
_APOSTROPHES = str.maketrans({"`": "'", "’": "'", "‘": "'", "´": "'"})


def _key(token: str) -> str:
    """The lexicon form of ``token``: lower case, no periods, one kind of apostrophe."""
    return token.translate(_APOSTROPHES).replace(".", "").lower()


@attrs.frozen
class Attribution:
    """What the words of an attribution name.

    >>> split("Kasubdit Tipikor Ditreskrimsus Polda, AKBP Ferdiyan Fahmi")
    Attribution(role='Kasubdit Tipikor Ditreskrimsus Polda, AKBP', name='Ferdiyan Fahmi', kind='person')
    """  # noqa: E501

    role: str | None
    """The title, office or organisation printed with the name, or ``None``."""
    name: str | None
    """The person's name as printed here, or ``None`` when no person is named."""
    kind: str
    """One of :data:`KINDS`: ``person`` (a name), ``role`` (a title alone: ``Menteri
    PANRB``), ``institution`` (an organisation speaking as a body: ``BMKG``,
    ``Kementerian Keuangan``), ``not-a-person`` (a weekday, a month, a place)."""


def _is_weekday_or_month(token: str) -> bool:
    key = _key(token)
    return key in _WEEKDAYS or key in _MONTHS or token[:1].isdigit() or token.startswith("(")


def _is_role_word(token: str) -> bool:
    """Whether ``token`` is a title, rank, honorific or organisation word."""
    key = _key(token)
    if (
        key in _PERSON_TITLES
        or key in _ORGANISATION_WORDS
        or key in _HONORIFICS
        or key in _REGIONS
        or key == "dan"
        or token == "&"
        or token.startswith("(")
    ):
        return True
    if len(key) > 1 and token.replace(".", "").replace("-", "").isupper():
        return True  # PT, PANRB, R&D, AKBP, DKI
    if "'" in key and key.split("'")[0] in _HONORIFICS:
        return True  # Dato'Sri
    return (
        _INSTITUTION_NOUN.fullmatch(token) is not None
        or _COMPOUND.fullmatch(token) is not None
        or ("-" in token and all(_is_role_word(part) for part in token.split("-") if part))
    )


def _is_person_title(token: str) -> bool:
    key = _key(token)
    return key in _PERSON_TITLES or key in _HONORIFICS


def _segment(tokens: list[str], places: frozenset[str]) -> tuple[int, int, str]:
    """Where the name is in ``tokens``: ``(start, end, kind)``; ``start == end`` when
    no one is named."""
    end = len(tokens)
    # Degrees after the name ("Budi Santoso SH MH").
    while end > 1 and (_key(tokens[end - 1]) in _DEGREES or _is_weekday_or_month(tokens[end - 1])):
        end -= 1
    start = 0
    while start < end and _key(tokens[start]) in _CONNECTIVES:
        start += 1
    first = start
    weak = -1  # the last token taken as a role only because it names a place here
    at = start
    while at < end:
        token = tokens[at]
        key = _key(token)
        if _is_role_word(token) or (token[:1].islower() and key not in _PARTICLES):
            first = at + 1
            # A place-bound office or a company marker: the next word is the place or
            # company when words enough remain for the person ("Bupati Landak Karolin
            # Margret Natasa", "PT Evoluzione Alessandro Monzani", "Bank Mega Kostaman
            # Thayib").
            left = end - at - 1
            if key in _PLACE_OFFICES and left >= 2:
                following = tokens[at + 1]
                if _key(following) in places or (
                    left >= 3 and not _is_role_word(following) and following[:1].isupper()
                ):
                    first = at + 2
                    at += 1
            if key == "sri" and at > start and _key(tokens[at - 1]).startswith("dato"):
                first = at + 1
        elif key in places or key in _WEEKDAYS or key in _MONTHS:
            first = at + 1
            weak = at
        elif key == "sri" and at > start and _key(tokens[at - 1]) in ("dato'", "dato", "tan"):
            first = at + 1
        at += 1
    name = tokens[first:end]
    if (
        not name
        and weak == end - 1
        and first - 1 == weak
        and not _is_weekday_or_month(tokens[weak])
    ):
        # Only a place the article names stands where the name should be: "kata Budi
        # Sudirman" where "di Sudirman" also occurs. Weekdays and months stay out.
        name = tokens[weak:end]
        first = weak
    if name and all(_is_weekday_or_month(t) or _key(t) in places for t in name):
        return end, end, "not-a-person"
    if name and (
        _key(name[0]) in _NOT_SPEAKERS or not all(t[:1].isupper() or t in _PARTICLES for t in name)
    ):
        return end, end, "unknown"
    if name:
        return first, end, "person"
    role = tokens[start:end]
    if not role:
        return end, end, "unknown"
    if all(_is_weekday_or_month(t) or _key(t) in places or _key(t) in _REGIONS for t in role):
        return end, end, "not-a-person"
    if any(_is_person_title(t) for t in role):
        return end, end, "role"
    return end, end, "institution"


def split(run: str, places: frozenset[str] = frozenset()) -> Attribution:
    """Separate the person in the attribution words ``run`` from their role.

    ``places`` are lower-case words the article uses as place names (the dateline city,
    ``di Kendari``), which stand between an office and a name.

    >>> split("Direktur PT Astra Otoparts Tbk Yusak Kristian")
    Attribution(role='Direktur PT Astra Otoparts Tbk', name='Yusak Kristian', kind='person')
    >>> split("Minggu").kind
    'not-a-person'
    """
    segments = [part.split() for part in run.split(",")]
    segments = [tokens for tokens in segments if tokens]
    results = [(tokens, _segment(tokens, places)) for tokens in segments]
    for number, (tokens, (start, end, kind)) in enumerate(results):
        if kind != "person":
            continue
        name = " ".join(tokens[start:end])
        before = [" ".join(t) for t, _ in results[:number]] + [" ".join(tokens[:start])]
        role = ", ".join(part for part in before if part)
        if not role and number + 1 < len(results):
            # "Budi Santoso, Kepala Dinas X": the apposition after the name is the role.
            after, (_, _, a_kind) = results[number + 1]
            if a_kind in ("role", "institution"):
                role = " ".join(after)
        return Attribution(role or None, name, "person")
    if not results:
        return Attribution(None, None, "unknown")
    tokens, (_, _, kind) = results[0]
    text = ", ".join(" ".join(t) for t, _ in results if _[2] != "not-a-person")
    return Attribution(text or None, None, kind)


def _name_tokens(tokens: Sequence[str]) -> bool:
    return bool(tokens) and all(
        t[:1].isupper() and not _is_role_word(t) and not _is_weekday_or_month(t) for t in tokens
    )


@attrs.define
class Names:
    """The names an article gives its people, to resolve a short mention to the fullest.

    ``known`` are full names, longest first (tags that look like names, the names
    attributions print); ``text`` is the article's text (title, caption, paragraphs)
    searched on demand for a fuller form of a name no known name contains.
    """

    known: list[tuple[str, ...]]
    text: str
    places: frozenset[str] = frozenset()
    _cache: dict[tuple[str, ...], tuple[str, ...]] = attrs.field(factory=dict)

    @classmethod
    def build(
        cls,
        tags: Iterable[str],
        names: Iterable[str],
        text: str,
        places: frozenset[str] = frozenset(),
    ) -> Names:
        """Known names from person-like ``tags`` and the ``names`` attributions print."""
        known: list[tuple[str, ...]] = []
        for tag in tags:
            tokens = tuple(tag.split())
            if len(tokens) > 1 and all(t.isalpha() for t in tokens) and _name_tokens(tokens):
                known.append(tokens)
        short = [tuple(n.split()) for n in names]
        for tokens in short:
            if len(tokens) > 1 and tokens not in known:
                known.append(_cut(tokens, short))
        known.sort(key=len, reverse=True)
        return cls(known, text, places)

    def fullest(self, name: str) -> str:
        """The fullest form of ``name`` the article gives: a known name that contains it
        as whole words, else the longest run of name words around it in the text."""
        tokens = tuple(name.split())
        cached = self._cache.get(tokens)
        if cached is None:
            cached = self._cache[tokens] = self._fullest(tokens)
        return " ".join(cached)

    def _fullest(self, tokens: tuple[str, ...]) -> tuple[str, ...]:
        # A name attributions print longer, in one attribution, is cut first: "Mandiri
        # Darmawan Junaidi" is "Darmawan Junaidi" when "kata Darmawan" occurs too.
        tokens = _cut(tokens, self.known)
        for candidate in self.known:
            if len(candidate) > len(tokens) and _contains(candidate, tokens):
                return candidate
            if len(candidate) < len(tokens) and _contains(tokens, candidate):
                # A known full name inside the printed one: the rest is a role or a
                # place ("Landak Karolin Margret Natasa" and the tag "Karolin Margret
                # Natasa"), unless the rest is itself a name's first word.
                at = _index(tokens, candidate)
                if at > 0 and not all(_key(t) in _NAME_OPENERS for t in tokens[:at]):
                    return candidate
        if len(tokens) >= 3:
            return tokens
        return self._from_text(tokens) or tokens

    def _from_text(self, tokens: tuple[str, ...]) -> tuple[str, ...] | None:
        """The longest run of name words in the text that contains ``tokens``."""
        best: tuple[str, ...] | None = None
        pattern = re.compile(rf"(?<![\w'’-]){re.escape(' '.join(tokens))}(?![\w'’-])")
        for match in pattern.finditer(self.text):
            before = _RUN_BEFORE.search(self.text, max(0, match.start() - 60), match.start())
            after = _RUN_AFTER.match(self.text, match.end())
            left = before.group().split() if before else []
            right = after.group().split() if after else []
            # Name words after the mention; before it, the run is read as an attribution
            # is, so that a title or a company stays out ("PT Evoluzione Alessandro").
            kept_right: list[str] = []
            for token in right:
                if not _name_tokens([token]) or _key(token) in self.places:
                    break
                kept_right.append(token)
            attribution = split(" ".join((*left, *tokens, *kept_right)), self.places)
            if attribution.name is None:
                continue
            named = tuple(attribution.name.split())
            if _contains(named, tokens) and (best is None or len(named) > len(best)):
                best = named
        if best is not None and len(best) > len(tokens):
            return best
        return None


# Capitalized words right before and right after a mention in the text.
_NAME_WORD = r"[A-ZÀ-ÖØ-Þ][\w'’\-]*"
_RUN_BEFORE = re.compile(rf"(?:{_NAME_WORD} )+$")
_RUN_AFTER = re.compile(rf"(?: {_NAME_WORD}(?![\w'’\-]))+")


def _contains(longer: Sequence[str], shorter: Sequence[str]) -> bool:
    return _index(longer, shorter) >= 0


def _index(longer: Sequence[str], shorter: Sequence[str]) -> int:
    size = len(shorter)
    for at in range(len(longer) - size + 1):
        if tuple(longer[at : at + size]) == tuple(shorter):
            return at
    return -1


def _cut(tokens: tuple[str, ...], mentions: Iterable[tuple[str, ...]]) -> tuple[str, ...]:
    """``tokens`` without leading words that are not the person's: when another mention
    starts inside them ("Darmawan" inside "Mandiri Darmawan Junaidi") and the words before
    it are not a name's usual first words ("Muhammad Tito Karnavian" stays)."""
    if len(tokens) < 3:
        return tokens
    for mention in mentions:
        if len(mention) >= len(tokens):
            continue
        at = _index(tokens, mention)
        if 0 < at < len(tokens) - len(mention) and not all(
            _key(t) in _NAME_OPENERS for t in tokens[:at]
        ):
            return tokens[at:]
    return tokens

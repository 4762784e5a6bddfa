"""The shapes of the ANTARA layout's lines: what each kind of line looks like on its own.

:mod:`seedcorpus.default_plugins.antara` cuts a text into units (lines, or runs of
wrapped lines) and asks these patterns what each unit is; where it stands among its
neighbours decides the rest. Every pattern is anchored or searched in a bounded window,
so classifying a unit costs the same whatever its length.
"""

from __future__ import annotations

import re

from seedcorpus.default_plugins._antara_dates import (
    DATE_LINE,
    DATE_LINE_REACH,
    DATE_STARTS,
    MONTHS,
    ZONES,
    date_line_time,
)
from seedcorpus.text import split_names

__all__ = ["DATE_LINE", "DATE_LINE_REACH", "DATE_STARTS", "MONTHS", "ZONES", "date_line_time"]

# Whitespace inside a line, U+00A0 included: keys may be spaced with it in scraped copies.
H = r"[^\S\r\n]"

LINE_BREAK = re.compile(r"\r\n|\r|\n")
NON_SPACE = re.compile(r"\S")

TAG_LINE = re.compile(rf"{H}*(?P<language>[a-z]{{2}})(?:{H}+(?P<tags>[^\r\n]*))?\s*\Z")
# The AMP page's own tag list: "Tags: gempa, lombok".
TAGS_KEY = re.compile(rf"{H}*(?:Tags|TAGS|Tag|Topik){H}*:{H}*")

# A place name: letters, spaces, dots, hyphens, apostrophes; no digits or commas. The
# bounded lazy repetition keeps a failed match cheap on an ordinary paragraph.
_PLACE = r"[^\W\d_](?:[^\W\d_]|[^\S\r\n]|[.'’\-]){0,60}?"
DATELINE = re.compile(
    rf"\s*(?P<city>{_PLACE})"
    rf"(?:\s*,\s*(?P<region>{_PLACE}))?"
    r"(?:\s*,\s*(?P<date>[0-9]{1,2}(?:/[0-9]{1,2}(?:/[0-9]{2,4})?"
    r"|\s+[^\W\d_]{3,12}\.?(?:\s+[0-9]{4})?)))?"
    r"\s*,?\s*\(\s*(?P<agency>(?i:antara)[^()\r\n]{0,60}?)\s*\)"
    # A dash, or a copy's damaged one: UTF-8 read as cp1252 ("â€“"), or "?" for it.
    r"\s*(?:-{1,2}|[–—]{1,2}|â€[“”]|\?(?=[^\S\r\n]+\S))"
)
# The characters a dateline's dash (of any of those forms) starts with.
DASH_FIRST = "-–—â?"
# A dateline's parts as offsets: the city's range, the region's and the date's (None
# where it has none), the agency's, where the dateline ends, and whether city and agency
# are printed as they read (ASCII letters and single spaces: nothing to normalize).
DatelineParts = tuple[
    tuple[int, int], tuple[int, int] | None, tuple[int, int] | None, tuple[int, int], int, bool
]


def dateline_parts(match: re.Match[str]) -> DatelineParts:
    """The parts of a :data:`DATELINE` match."""
    return (
        match.span("city"),
        match.span("region") if match["region"] else None,
        match.span("date") if match["date"] else None,
        match.span("agency"),
        match.end(),
        False,
    )


def plain_dateline(text: str, start: int, paren: int, end: int) -> DatelineParts | None:
    """The parts of ``DATELINE.match(text, start, end)`` where the text from ``start`` is
    a usual dateline, ``City (ANTARA) -``, ``City, Region (ANTARA News) -`` or ``City,
    11/2 (Antara) -``, with ``paren`` its "(": city and region of ASCII letters and
    single spaces, a date of digits and slashes, each part after ", ", and in the
    parentheses "antara" (in any case) and maybe more words, single-spaced. ``None``
    where it is not that plain (the pattern may still match).

    The pattern's lazy city, tried one character longer at a time, fails at every
    shorter length (a letter or a space and a letter follows, where a comma or "(" would
    have to); so does the region, and a date has no other way to match than whole: so
    each part is all of its piece, and no match starts otherwise. The agency, lazy too,
    runs to the first ")" (it holds none).
    """
    close = text.find(")", paren, end)
    if close < 0:
        return None
    agency = text[paren + 1 : close]
    if (
        len(agency) > 66  # "antara" and the pattern's 60 more
        or not agency.isascii()
        or agency[:6].lower() != "antara"
        or "(" in agency
        or (len(agency) > 6 and agency != " ".join(agency.split()))
    ):
        return None
    printed = text[start:paren].rstrip()
    if not printed.isascii() or "  " in printed:
        return None
    city, comma, rest = printed.partition(", ")
    if not _plain_place(city):
        return None
    region = date = None
    if comma:
        rest_start = start + len(city) + 2
        if _plain_place(rest):
            region = (rest_start, rest_start + len(rest))
        elif _plain_date(rest):
            date = (rest_start, rest_start + len(rest))
        else:  # more parts, or a part of another shape
            return None
    after = close + 1
    while after < end and text[after].isspace():
        after += 1
    if after == end:
        return None
    dash = text[after]
    if dash == "-":
        doubled = "-"
    elif dash in "–—":
        doubled = "–—"
    else:
        return None
    stop = after + 1
    if stop < end and text[stop] in doubled:
        stop += 1
    return (start, start + len(city)), region, date, (paren + 1, close), stop, True


def _plain_place(part: str) -> bool:
    """Whether an ASCII ``part`` without double spaces is a place the pattern reads
    whole: letters and single spaces, a letter at each end, as long as its places."""
    return (
        0 < len(part) <= 61  # the pattern's longest place
        and part[0] != " "
        and part[-1] != " "
        and part.replace(" ", "").isalpha()
    )


def _plain_date(part: str) -> bool:
    """Whether an ASCII ``part`` is a date of the pattern's first shape, whole: ``7/12``
    or ``7/12/2016`` (one or two digits, one or two, two to four)."""
    pieces = part.split("/")
    return (
        1 < len(pieces) < 4
        and 0 < len(pieces[0]) < 3
        and 0 < len(pieces[1]) < 3
        and (len(pieces) == 2 or 1 < len(pieces[2]) < 5)
        and part.replace("/", "").isdigit()
    )


# Another site's own dateline on its copy: its name as a domain (or CNN Indonesia's) and
# the city, in either order, then a dash: "TEMPO.CO, Jakarta - ", "REPUBLIKA.CO.ID,
# JAKARTA -- ", "BOLAANG MONGONDOW, KOMPAS.com - ", "Jakarta, CNN Indonesia -- ".
_SITE = r"(?:[A-Za-z][A-Za-z0-9-]{1,30}(?:\.(?i:com|co|id|net|news|tv)){1,2}|CNN Indonesia)"
_SITE_CITY = r"[^\W\d_]+(?:[ '.-]{1,2}[^\W\d_]+){0,4}"
SITE_DATELINE = re.compile(
    rf"(?:(?P<site>{_SITE}){H}*,{H}*(?P<city>{_SITE_CITY})"
    rf"|(?P<city_first>{_SITE_CITY}){H}*,{H}*(?P<site_after>{_SITE})){H}*(?:-{{1,2}}|[–—]{{1,2}}){H}"
)
SITE_DATELINE_REACH = 80
# The site's name a browser's tab title or a print view prints with the headline.
_ANTARA_SITE = r"(?:ANTARA News|ANTARA|Antaranews(?:\.com)?|antaranews\.com)"
SITE_BEFORE_TITLE = re.compile(rf"{_ANTARA_SITE}{H}*[-–|]{H}+(?=\S)")
SITE_AFTER_TITLE = re.compile(rf"(?<=\S){H}+[-–|]{H}*{_ANTARA_SITE}{H}*\Z")

# Datelines are short: "(ANTARA" comes within this many characters of the unit's start.
DATELINE_REACH = 300
DATELINE_HINT = re.compile(r"\((?i:\s*antara)")
# Where a dateline may start after something glued in front of it: after the end of a
# sentence or quotation ("... kata dia. Jakarta (ANTARA) -") or after a number a page
# store wrote ("date 2017-05 Jakarta (ANTARA) -").
PREFIX_END = re.compile(r"[.!?\"”’:0-9]+(?=\s)")

# The start of a photo credit: ANTARA/, ANTARA FOTO/, Antaranews/, ANTARA News/,
# kepri.antaranews.com/, and "(Foto antaranews.com)" closed by its parenthesis.
CREDIT_HEAD = re.compile(
    r"(?<![\w/.])(?:(?i:foto):?\s+)?(?:[a-z-]+\.)*(?i:antara)"
    r"(?:(?i:news)?\.com(?:\s*/|(?=\s*\)))|(?:\s*(?i:foto|news))?\s*/)"
)
# Not a credit but another site's desk code after the agency's name: "(antara/jpnn)",
# "(antara/sfr)"; a photographer's name is capitalized.
DESK_CREDIT = re.compile(r"\s*(?i:antara)/[a-z]{1,6}\s*")
# The article's own address on a line of its own (a print view's or a feed's link).
OWN_URL = re.compile(r"https?://(?:[\w-]+\.)*antaranews\.com(?:/\S*)?\s*")
_SUBDOMAIN_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyz-.")


def credit_head_reach(text: str, antara: int, window: int) -> int:
    """The earliest a :data:`CREDIT_HEAD` match at or after ``window`` can start, given
    that the first "antara" (in any case) at or after ``window`` starts at ``antara``.

    Every head holds an "antara"; before it come only subdomains (``kepri.``), and
    before those "foto", maybe ":", and whitespace. So a head whose "antara" is this one
    starts no further back than those characters reach; a head with a later "antara"
    would have to run through this one, which upper-case letters never do and lower-case
    ones only as a subdomain, whose reach this already covers. CREDIT_HEAD searched from
    here finds what it finds from ``window``: its look-behind still sees the text before.
    Slow to fail at every character of a caption, it is then tried on the credit alone.
    """
    start = antara
    while start > window and text[start - 1] in _SUBDOMAIN_CHARACTERS:
        start -= 1
    spaces = start
    while spaces > window and text[spaces - 1].isspace():
        spaces -= 1
    if spaces < start:  # room for "foto" and maybe ":" before the spaces, in any case
        start = max(window, spaces - 5)
    return start


def last_credit_head(
    text: str, tail: str, window: int, end: int, antara: int
) -> re.Match[str] | None:
    """The last match of ``CREDIT_HEAD.finditer(text, window, end)``, where ``tail`` is
    ``text[window:end].lower()`` (as long) and ``antara`` its first "antara". The pattern
    is tried from the reach of each "antara" (see :func:`credit_head_reach`), and no
    more once no "antara" is left after the last head: not at every character."""
    head = None
    position = window  # where finditer would search on from
    while antara >= 0:
        found = CREDIT_HEAD.search(text, credit_head_reach(text, window + antara, position), end)
        if found is None:
            break
        head = found
        position = found.end()
        antara = tail.find("antara", position - window)
    return head


# A longer "credit" is a sentence that happens to mention ANTARA/..., not a credit.
MAX_CREDIT = 100
# A credit ends its unit, so only the unit's tail is searched for one.
CREDIT_REACH = MAX_CREDIT + 20
# A caption is one or two sentences; a longer unit ending with a credit is a paragraph.
MAX_CAPTION = 600

# A related link's key: "Baca juga:", "Lihat juga:", "Berita terkait:", on the English
# site "Related news:" or "Also read:". By its last word, the words that may come before.
_LINK_WORDS = {
    **dict.fromkeys(("juga", "Juga", "JUGA"), ("Baca", "BACA", "Lihat", "LIHAT")),
    **dict.fromkeys(("terkait", "Terkait", "TERKAIT"), ("Berita", "BERITA", "Artikel")),
    **dict.fromkeys(("news", "News", "NEWS"), ("Related", "RELATED")),
    **dict.fromkeys(("read", "Read", "READ"), ("Also", "ALSO")),
    # Tempo's "Pilihan Editor: <title>", a link to another story.
    **dict.fromkeys(("Editor", "EDITOR"), ("Pilihan", "PILIHAN")),
}
# The lengths of the key's last words, by their last letter.
_LINK_WORD_LENGTHS: dict[str, tuple[int, ...]] = {}
for _word in _LINK_WORDS:
    _LINK_WORD_LENGTHS[_word[-1]] = tuple(
        sorted({*_LINK_WORD_LENGTHS.get(_word[-1], ()), len(_word)})
    )
LINK_STARTS = tuple(dict.fromkeys(word for firsts in _LINK_WORDS.values() for word in firsts))
LINK = re.compile(
    rf"(?:(?:Baca|BACA|Lihat|LIHAT){H}+(?:juga|Juga|JUGA)"
    rf"|(?:Berita|BERITA|Artikel){H}+(?:terkait|Terkait|TERKAIT)"
    rf"|(?:Related|RELATED){H}+(?:news|News|NEWS)|(?:Also|ALSO){H}+(?:read|Read|READ)"
    rf"|(?:Pilihan|PILIHAN){H}+(?:Editor|EDITOR)){H}*:"
)


def has_link(text: str) -> bool:
    """``LINK.search(text) is not None``, read back from each colon: the pattern's parts
    are told apart by their characters (a run of ``H`` ends each word), so a link is
    there exactly when a colon has, going back, spaces, a key's last word, spaces and a
    word that may come before it. Colons are few, and one scan for them costs a sixth
    of searching for the pattern."""
    colon = text.find(":")
    while colon >= 0:
        # Most colons follow a digit or a word not ending as a key's does: no link there.
        if colon < 4 or (text[colon - 1] not in "aAsSdDtTrR" and not text[colon - 1].isspace()):
            colon = text.find(":", colon + 1)
            continue
        end = colon
        while end > 0 and text[end - 1].isspace() and text[end - 1] not in "\r\n":
            end -= 1
        for length in _LINK_WORD_LENGTHS.get(text[end - 1], ()) if end else ():
            firsts = _LINK_WORDS.get(text[end - length : end]) if end >= length else None
            if firsts is None:
                continue
            start = end - length
            while start > 0 and _inline_space(text[start - 1]):
                start -= 1
            if start < end - length and any(
                start >= len(first) and text[start - len(first) : start] == first
                for first in firsts
            ):
                return True
        colon = text.find(":", colon + 1)
    return False


def _inline_space(character: str) -> bool:
    """Whether ``character`` matches ``H``: whitespace but a line break."""
    return character.isspace() and character not in "\r\n"


# Where the title of a link glued into a paragraph ends: a word of two lower-case letters
# or more, maybe capitalized (so "iPhone" survives, "TikTok" does not), a digit or closing
# punctuation, directly followed by a capitalized word or an opening quote:
# "Baca juga: Kerja sama dengan AzerbaijanAnas menambahkan ...".
GLUE = re.compile(r"(?:(?<![^\W\d_])[A-Z]?[a-z]{2,}|[0-9]|[.!?”’)])(?=[A-Z][a-z]|[\"“][A-Z])")
# A link on a line of its own is cut only where a paragraph is glued to its title: after
# a whole lower-case word or a capitalized one of six letters or more (so "TikTok",
# "WhatsApp" and "kios.Kepala" inside a title stay), and only when a paragraph's worth
# of words follows.
GLUED_PARAGRAPH = re.compile(
    r"(?:(?<![^\W\d_])(?:[a-z]{2,}|[A-Z][a-z]{5,})|[0-9]|[”’)])(?=[A-Z][a-z]|[\"“][A-Z])"
)
GLUED_TAIL_WORDS = 13

# The footer's keys, by the words that open them. Other sites that copy an article print
# their own: "Artikel ini telah tayang di", "Reporter:", "Penulis:", "Redaktur:", and
# "Sumber: ANTARA" for the agency the copy comes from.
_SYNDICATION_WORDS = ("Berita", "Artikel", "Baca")
# Republika prints "Rep: Antara/ Red: Friska Yolandha".
_REPORTER_WORDS = ("Pewarta", "PEWARTA", "Reporter", "REPORTER", "Penulis", "Wartawan", "Rep")
_EDITOR_WORDS = ("Editor", "EDITOR", "Redaktur", "REDAKTUR", "Penyunting", "Red")
_COPYRIGHT_WORDS = ("COPYRIGHT", "Copyright")
_SOURCE_WORDS = ("Sumber", "SUMBER", "sumber")
FOOTER_WORDS = (
    *_SYNDICATION_WORDS, *_REPORTER_WORDS, "Laporan", *_EDITOR_WORDS, *_COPYRIGHT_WORDS,
    *_SOURCE_WORDS,
)  # fmt: skip
_SYNDICATED = rf"(?:Berita|Artikel){H}+ini{H}+(?:telah|sudah){H}+(?:tayang|terbit|dimuat){H}+di"
# detik's form: 'Baca artikel detiknews, "<title>" selengkapnya <address>'.
_READ_ON = rf"Baca{H}+artikel{H}+(?=[^\s,]{{1,40}},{H}*[\"“])"
# "Laporan Wartawan Tribunnews.com, Rina Ayu": the reporter after the site's name.
_REPORTER = (
    rf"(?:{'|'.join(_REPORTER_WORDS)}){H}*:"
    rf"|Laporan{H}+(?i:wartawan|reporter|kontributor|koresponden){H}+[^\s,]{{1,40}}{H}*,"
)
_COPYRIGHT = rf"(?:COPYRIGHT|Copyright){H}*(?:©|Â©|\([cC]\))"
FOOTER_KEY = re.compile(
    rf"(?P<syndication>{_SYNDICATED}|{_READ_ON})"
    rf"|(?P<reporter>{_REPORTER})"
    rf"|(?P<editor>(?:{'|'.join(_EDITOR_WORDS)})(?:{H}*&{H}*Reporter)?{H}*:)"
    rf"|(?P<copyright>{_COPYRIGHT})"
    rf"|(?P<source>(?:Sumber|SUMBER|sumber){H}*:(?={H}*(?i:antara)))"
)
# The word every footer key starts with.
# (Without "sumber": a lower-case word would be tried at every "s" of a footer line, and
# that key starts a line of its own.)
FOOTER_WORD = re.compile("|".join(word for word in FOOTER_WORDS if word != "sumber"))
# Keys distinctive enough to split off a footer glued to the end of the last paragraph.
# "Editor:" and the other sites' keys are left out: they may end a sentence of the body.
GLUED_FOOTER_KEY = re.compile(rf"{_SYNDICATED}|(?:Pewarta|PEWARTA){H}*:|{_COPYRIGHT}")
SYNDICATION_TITLE = re.compile(rf"dengan{H}+judul{H}*:?")
READ_ON_TITLE = re.compile(rf",{H}*(?=[\"“])")  # after the site in detik's form
# What other sites add after the title: ", klik untuk baca: https://...".
SYNDICATION_LINK = re.compile(
    rf"(?:[Kk](?i:lik){H}+untuk{H}+baca{H}*:?|selengkapnya(?=\s)){H}*(?P<url>\S*)"
)
YEAR_AT_END = re.compile(r"(?<![0-9])[0-9]{4}\Z")
YEAR_AT_START = re.compile(r"[0-9]{4}(?![0-9])")
# A year with page script or other junk glued after it: "... Barat 2017(adsbygoogle".
YEAR_THEN_JUNK = re.compile(r"(?<![0-9])(?:1[89]|20)[0-9]{2}(?![0-9])")

# Desk codes and sign-offs: (K009), (T.h-CS/B/B008/B008), (*), (ANT), (V. Puspa S), and
# the (Antara) or (antara/jpnn) a copy on another site ends with.
# Shapes, not a list: a code with a digit or slash, a star, ANT, or an initial and a name.
_DESK = (
    r"\*|(?i:ant(?:ara)?)|[^()\r\n]{0,40}[0-9/][^()\r\n]{0,40}"
    r"|[A-Z]\.\s?[A-Z][\w.]*(?:\s[\w.]+){0,3}"
)
# On a line of its own, maybe followed by the page's time stamp ("12-03-2015 14:22:11").
SIGNOFF_LINE = re.compile(
    rf"{H}*(?P<code>\({H}*(?:{_DESK}){H}*\))(?:{H}+(?P<stamp>[0-9][^\r\n]{{0,40}}))?{H}*\Z"
)
# The same glued to the end of the last paragraph, after the end of its last sentence.
SIGNOFF_GLUED = re.compile(rf"(?<=[.!?\"”’]){H}*(\({H}*(?:{_DESK}){H}*\)){H}*\Z")
SIGNOFF_REACH = 90

# Script and markup a page store leaves in the text. A few fixed openings and one word
# ad scripts always carry; searched only in short units or at a unit's start.
NOISE_START = ("(adsbygoogle", "googletag.", "window.", "var ", "function(", "<script", "<div")
NOISE_WORD = "adsbygoogle"

# What other sites print around a copy: share bars ("Bagikan:"), "follow us" lines
# ("Ikuti berita terkini di Google News"), video embeds ("Simak Video ...",
# "[Gambas:Video 20detik]"), ad and comment placeholders (whole lines, CHROME_LINES), and
# the breadcrumb of sections above the title ("Home > Ekonomi > Makro"), which gives the
# article's section.
CHROME_LINES = frozenset(
    (
        *("advertisement", "iklan", "scroll to continue with content", "scroll untuk"),
        *("lanjutkan membaca", "baca selengkapnya", "berikan komentar", "kirim", "komentar"),
        *("tutup iklan", "lanjut baca", "loading..."),
    )
)
CHROME_START = (
    *("Bagikan", "BAGIKAN", "Share", "SHARE", "Ikuti", "Simak", "Dapatkan", "[Gambas"),
    *("Follow", "SCROLL", "Waktu", "waktu", "Foto", "FOTO", "Video", "VIDEO"),
    *("Antara", "ANTARA", "Oleh", "Penulis", "Reporter"),
    *("Home", "HOME", "Beranda", "BERANDA", "News"),
    *("Advertisement", "ADVERTISEMENT", "Iklan", "IKLAN", "Scroll", "Lanjut", "Berikan"),
    *("Kirim", "Komentar", "Tutup", "Loading"),
    # The list headers (RELATED_HEADERS, OTHER_HEADERS) not starting as a link or footer.
    *("TERPOPULER", "Terpopuler", "Terkini", "TERKINI", "Terbaru", "TERBARU", "Populer"),
    *("POPULER", "Rekomendasi", "REKOMENDASI", "Pilihan", "PILIHAN", "Most", "Latest"),
    *("Trending", "TRENDING", "Lihat", "LIHAT", "ARTIKEL", "BERITA"),
)
VIDEO = re.compile(rf"Simak{H}+(?:juga{H}+)?(?i:video)(?!\w)|\[Gambas:[^\]\r\n]*\]{H}*\Z")
SHARE = re.compile(
    rf"(?:Bagikan|BAGIKAN|Share|SHARE)(?:{H}*:|{H}+(?i:artikel|berita|ke|this|on)(?!\w)|{H}*\Z)"
)
FOLLOW = re.compile(
    rf"(?:Ikuti|Simak|Dapatkan|Baca|Follow)(?!\w)[^\r\n]{{0,200}}?"
    rf"(?:Google{H}+News|WhatsApp{H}+Channel|[Ss]aluran{H}+WhatsApp)"
)
CHROME_REACH = 300
# A copy's line naming the agency as its source or author, above or below the body:
# "Antara", "Antara, Jurnalis", "Antara - Bisnis.com", "Penulis Antara".
AGENCY_LINE = re.compile(
    rf"(?:(?:Penulis|Reporter|Oleh){H}+)?(?:Antara|ANTARA)"
    rf"(?:{H}*,{H}*(?:Jurnalis|Reporter|Wartawan)|{H}*[-–|]{H}*[\w-]+(?:\.[A-Za-z]+)+)?{H}*"
)
# A page's reading time: "4-5 minutes" (a reader view), "waktu baca 2 menit".
READING_TIME = re.compile(
    rf"(?:[Ww]aktu{H}+baca{H}+)?[0-9]{{1,2}}(?:{H}*[-–]{H}*[0-9]{{1,2}})?{H}+"
    rf"(?:menit|minutes?|mins?)(?:{H}+(?:baca|membaca|read))?{H}*"
)
READING_TIME_REACH = 30
# The header of a list of titles a page prints: of related articles, whose titles are
# related links, or of its other news, which is page noise. A whole line, maybe with a
# colon; each title after it is a short line of its own that does not end a sentence,
# in the block of the one before or the next.
RELATED_HEADERS = frozenset(
    (
        *("berita terkait", "artikel terkait", "baca juga", "lihat juga", "foto terkait"),
        *("video terkait", "related news"),
    )
)
OTHER_HEADERS = frozenset(
    (
        *("terpopuler", "berita terpopuler", "terkini", "berita terkini", "terbaru"),
        *("berita terbaru", "populer", "berita populer", "rekomendasi", "pilihan editor"),
        *("berita lainnya", "berita pilihan", "most popular", "latest news", "trending"),
    )
)
HEADER_REACH = 30
LIST_ITEM_REACH = 150
BREADCRUMB = re.compile(
    rf"(?:Home|HOME|Beranda|BERANDA|News|Berita){H}*[>»›]{H}*"
    rf"(?P<path>[^\r\n>»›.!?]{{1,40}}(?:[>»›][^\r\n>»›.!?]{{1,40}}){{0,5}})\Z"
)
# A short line of parts between bars, one of them the page's date line: "Oleh: Antara |
# Senin, 3 Juni 2024 | 10:15 WIB".
BARRED_REACH = 150

# A page's masthead and menu lines above the title: a site's name ("ANTARA News",
# "Kompas.com") or a section ("Ekonomi"): short (see HeadReader.short()).
MASTHEAD_MAX_CHARS = 40
MASTHEAD_WORDS_CHARS = 30
# A site's name as a domain: "Kompas.com", "REPUBLIKA.CO.ID", "iNews.id".
SITE_NAME = re.compile(
    r"[A-Za-z][A-Za-z0-9-]{1,30}(?:\.(?i:com|co|id|net|org|news|tv|my|info)){1,2}\s*"
)

TERMINAL = frozenset('.!?"”’:;)')
QUOTES = frozenset("\"“”'‘’")
# A title is short; a body-first file's first paragraph is a long sentence.
TITLE_MAX_CHARS = 250
TITLE_MAX_SENTENCE_WORDS = 14


def title_shaped(value: str) -> bool:
    """Whether a unit could be a headline: short, and not a long finished sentence."""
    if len(value) > TITLE_MAX_CHARS:
        return False
    return value[-1] not in '.!?"”' or len(value.split()) <= TITLE_MAX_SENTENCE_WORDS


def similar(candidate: str, title: str) -> bool:
    """Whether ``candidate`` shares at least half its words (and the title's) with ``title``."""
    if candidate == title:  # the usual repeat, and similar whatever its words
        return True
    words, title_words = set(candidate.casefold().split()), set(title.casefold().split())
    return 2 * len(words & title_words) >= max(len(words), len(title_words))


def byline_names(printed: str | None) -> tuple[str, ...]:
    """``Byline.from_text``'s split of one footer value (normalized, as ``value`` gives
    it), without its regular expression for the usual single name or two names."""
    if not printed:
        return ()
    if printed.isascii():  # then lower() keeps every character where it is
        folded = printed.lower()
        if "," in printed or ";" in printed or "&" in printed or " and " in folded:
            return split_names(printed)
        if " dan " not in folded:
            return (printed,)
        # Only " dan " separates, one space each side (the value is normalized): the
        # pattern splits where str.split() does, leftmost first, without overlaps.
        names, position = [], 0
        for part in folded.split(" dan "):
            if part:
                names.append(printed[position : position + len(part)])
            position += len(part) + len(" dan ")
        return tuple(names)
    folded = printed.casefold()
    if (
        "," in printed
        or ";" in printed
        or "&" in printed
        or " dan " in folded
        or " and " in folded
    ):
        return split_names(printed)
    return (printed,)


# The ASCII whitespace characters (str.isspace()) but space and LF.
OTHER_ASCII_SPACES = "\t\v\f\r\x1c\x1d\x1e\x1f"
assert set(OTHER_ASCII_SPACES) | {" ", "\n"} == {chr(c) for c in range(128) if chr(c).isspace()}


def odd_spaces(text: str) -> list[int]:
    """The offsets of the ASCII whitespace characters in ``text`` but space and LF, in
    order: one scan for each (of the bytes, fast) where there are none."""
    found: list[int] = []
    for space in OTHER_ASCII_SPACES:
        # "in" scans as fast as find() without the cost of a method call, and most
        # texts hold none of these.
        if space in text:
            at = text.find(space)
            while at >= 0:
                found.append(at)
                at = text.find(space, at + 1)
    if len(found) > 1:
        found.sort()
    return found


def _line_ranges(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` of every line, line breaks excluded."""
    ranges, start = [], 0
    for line_break in LINE_BREAK.finditer(text):
        ranges.append((start, line_break.start()))
        start = line_break.end()
    ranges.append((start, len(text)))
    return ranges


def split_lines(text: str) -> tuple[list[str], list[tuple[int, int]] | None]:
    """Every line of ``text``, and where each starts and ends when that is not simply one
    after the other with a one-character break between (a text with CR). Only CR, LF and
    CRLF end a line; the other characters splitlines() breaks at turn up inside scraped
    paragraphs."""
    if "\r" not in text:  # the usual case, and much faster than the regular expression
        return text.split("\n"), None
    ranges = _line_ranges(text)
    return [text[start:end] for start, end in ranges], ranges

"""The ``quotes`` enricher: direct and indirect speech, and who said it.

Direct speech is text in quotation marks (straight or curly) with an attribution after
it (``"...," kata Anas``, ``"...," katanya``, ``"...," Anas menambahkan``) or before it
(``Anas mengatakan, "..."``, ``Menurut Anas, "..."``). Indirect speech is a clause with
an attribution but no quotation marks (``..., kata Menteri ... Abdullah Azwar Anas``,
``Alessandro menambahkan ...``). Speakers are resolved to the fullest name the article
gives (its tags first); pronoun attributions (``katanya``, ``kata dia``) go to the
previous speaker. See ``docs/enrichers/quotes.md``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from typing import ClassVar

import attrs

from seedcorpus.hookspecs import hookimpl
from seedcorpus.models import Article, Enrichment
from seedcorpus.specs import EnricherSpec
from seedcorpus.text import sentence_spans

__all__ = ["Quote", "Quotes", "enrich", "seedcorpus_enrichers"]

# Cue verbs of an attribution after the speech: "kata Anas", "ujarnya", "lanjut dia".
_CUES = "kata|ujar|ucap|tutur|jelas|ungkap|tambah|lanjut|imbuh|tegas|terang|papar|pungkas|tandas"
# Verbs with the speaker before them: "Anas mengatakan", "Ia menambahkan".
_ME_VERBS = (
    "me(?:ngatakan|njelaskan|ngungkapkan|nuturkan|nambahkan|lanjutkan|negaskan|nyatakan|"
    "nyebutkan|maparkan|nerangkan|nyampaikan|ngimbuhkan)"
)
_BER_VERBS = "ber(?:kata|ujar)"
_VERBS = f"{_ME_VERBS}|{_BER_VERBS}"
_PRONOUN = r"(?:[Dd]ia|[Ii]a|[Bb]eliau)"

# A run of capitalized words that names (and often titles) the speaker: "Menteri
# Pendayagunaan Aparatur Negara dan Reformasi Birokrasi (PANRB) Abdullah Azwar Anas".
# Besides capitalized words it takes initials ("S."), titles with a period ("Dr."),
# acronyms in parentheses, and "dan"/"bin"/... between capitalized words.
_UPPER = "A-ZÀ-ÖØ-Þ"
_TOKEN = (
    rf"(?:(?:[{_UPPER}]|Dr|Drs|Dra|Prof|Ir|Hj|KH|Pol|Kol|Jend|Inf|Purn)\.(?=\s)"
    rf"|[{_UPPER}](?:[\w'’&\-]*[\w&])?"
    rf"|\([{_UPPER}][\w&\-]*\))"
)
_RUN = (
    rf"(?<![\w'’&(\-.]){_TOKEN}"
    rf"(?:\s+(?:{_TOKEN}|(?:dan|bin|binti|van|von|de|der|al)(?=\s+[{_UPPER}])))*"
)
# What names the speaker after a cue: a pronoun (the previous speaker) or a name run.
_SPEAKER = rf"(?:\s+(?P<pronoun>{_PRONOUN})\b|\s+(?P<name>{_RUN}))?"

_QUOTE = re.compile(r"[\"“](?P<text>[^\"“”]+)[\"”]")
# The same for text without an opening curly quotation mark, most text: a pattern that
# starts with a literal is searched many times faster than one that starts with a set.
_STRAIGHT_QUOTE = re.compile(r"\"(?P<text>[^\"“”]+)[\"”]")
_AFTER_QUOTE = re.compile(
    rf"\s*,?\s*(?:(?P<cue>(?i:{_CUES})(?:nya)?)\b{_SPEAKER}"
    rf"|(?P<subject>{_RUN}|{_PRONOUN})\s+(?P<verb>{_VERBS})\b)"
)
_BEFORE_QUOTE = re.compile(
    rf"(?:(?P<subject>{_RUN}|\b{_PRONOUN})\s+(?P<verb>{_VERBS})(?:\s+bahwa)?"
    rf"|\b(?P<cue>(?i:{_CUES}|menurut))(?:\s+(?P<pronoun>{_PRONOUN})\b|\s+(?P<name>{_RUN})))"
    r"\s*[,:]?\s*$"
)
_INDIRECT_CUE = re.compile(rf",\s*(?P<cue>(?:{_CUES})(?:nya)?)\b{_SPEAKER}")
# Indirect speech with the speaker first is found from the verb, then the speaker is
# searched for before it: a pattern that starts with a literal ("me", "ber") is found
# much faster than one that starts with a name. Not before a quotation mark: that is
# direct speech.
_INDIRECT_VERBS = tuple(
    re.compile(rf"(?P<verb>{verbs})\b(?:\s+bahwa\b)?(?!\s*[,:]?\s*[\"“])")
    for verbs in (_ME_VERBS, _BER_VERBS)
)
_SUBJECT = re.compile(rf"(?P<subject>{_RUN}|\b{_PRONOUN})\s+$")
# The last word of an attribution before a quotation.
_ATTRIBUTION_END = re.compile(rf"{_VERBS}|bahwa|{_PRONOUN}|[{_UPPER}(].*")
# Only this much text before an opening quotation mark is searched for an attribution.
_BEFORE_WINDOW = 160
# An unattributed quotation shorter than this is a term or a title, not speech.
_MIN_UNATTRIBUTED_WORDS = 3

# Words in a name run that are not part of the name: titles, ranks, institutions,
# honorifics. The name is what follows the last of them. Compared in lower case.
# fmt: off
_TITLE_WORDS = frozenset((
    "menteri", "menko", "wakil", "wamen", "direktur", "dirut", "kepala", "ketua",
    "sekretaris", "sekjen", "gubernur", "wagub", "bupati", "wabup", "wali", "walikota",
    "camat", "lurah", "presiden", "wapres", "panglima", "jenderal", "komisaris",
    "manajer", "manager", "ceo", "cfo", "coo", "cto", "presdir", "pimpinan", "pemimpin",
    "juru", "bicara", "jubir", "kabid", "kadis", "kapolri", "kapolda", "kapolres",
    "kapolsek", "kasat", "kapten", "kolonel", "letnan", "mayor", "brigjen", "irjen",
    "kombes", "akbp", "kompol", "anggota", "pengamat", "peneliti", "ekonom", "dosen",
    "guru", "besar", "rektor", "dekan", "dr", "drs", "dra", "prof", "ir", "hj", "kh",
    "ustaz", "ustadz", "tbk", "persero", "kementerian", "badan", "dinas", "kantor",
    "lembaga", "komisi", "dewan", "majelis", "pusat", "direktorat", "bidang", "bagian",
    "divisi", "biro", "unit", "universitas", "pemerintah", "pemkab", "pemkot",
    "pemprov", "provinsi", "kabupaten", "kota", "general", "head", "director", "chief",
    "officer", "senior", "vice", "executive", "founder", "pendiri", "utama", "staf",
    "khusus", "koordinator", "ahli", "analis", "bapak", "ibu", "pak", "bu", "negeri",
    "negara", "luar", "dalam", "agama", "sosial", "umum", "nasional", "daerah", "republik",
    "pol", "kol", "letkol", "jend", "inf", "purn", "bappeda", "kadin", "balai", "wilayah",
    "sungai", "pelaksana", "desa", "kelurahan", "kecamatan", "dusun", "kampung", "dasar",
    "menengah", "tinggi",
))
# Provinces and their usual short forms, which follow an office before the name
# ("Kepala Dinas Kesehatan Sulut Ahmad Daulay"); the dateline's city and region are
# added per article.
_REGIONS = frozenset((
    "aceh", "sumut", "sumatera", "sumbar", "riau", "kepri", "jambi", "sumsel", "babel",
    "bengkulu", "lampung", "dki", "jakarta", "jabar", "jawa", "banten", "jateng", "diy",
    "yogyakarta", "jatim", "bali", "ntb", "ntt", "nusa", "kalbar", "kalimantan", "kalteng",
    "kalsel", "kaltim", "kaltara", "sulut", "sulawesi", "gorontalo", "sulteng", "sulbar",
    "sulsel", "sultra", "maluku", "malut", "papua", "pabar", "barat", "timur", "utara",
    "selatan", "tengah", "tenggara",
))
# fmt: on
# Portfolios and agencies are nouns made with ke-...-an or pe(r)-...-an ("Menteri
# Keuangan", "Badan Pelayanan Publik"); personal names almost never have that shape.
_INSTITUTION_NOUN = re.compile(r"(?:Ke|Pe)[a-z]{3,}an")
# Capitalized words that open a sentence before the subject: "Namun Anas mengatakan".
# fmt: off
_CONNECTIVES = frozenset((
    "namun", "sementara", "sedangkan", "selain", "kemudian", "lalu", "bahkan", "tetapi",
    "tapi", "adapun", "menurut", "saat", "ketika", "sebelumnya", "selanjutnya", "dan",
    "itu", "hal", "oleh", "karena",
))
# fmt: on
# Capitalized pronouns that are not a speaker anyone can name.
_NOT_SPEAKERS = frozenset(["kami", "kita", "saya", "aku", "mereka", "anda", "kalian"])
# A company or place name follows these ("PT Pelindo", "Desa Sukamaju"). Unless a title
# word ends it ("PT Astra Otoparts Tbk") we take it to be one word, when two or more
# words remain for the person's name.
_NAME_FOLLOWS = frozenset({"PT", "CV", "Desa", "Kelurahan", "Kecamatan", "Kabupaten", "Kota"})


@attrs.frozen
class Quote:
    """One piece of reported speech.

    ``start`` and ``end`` are character offsets into ``article.paragraphs[paragraph]``;
    ``text`` is exactly that slice.
    """

    text: str
    """For direct speech, the words inside the quotation marks (without a trailing
    comma); for indirect speech, the reported clause: the sentence before the attribution
    (``X, kata Anas``), after it (``Anas mengatakan bahwa X``), or the whole sentence when
    the attribution sits inside it (``X, kata dia, Y``)."""
    speaker: str | None
    """The speaker's fullest name in the article, or ``None`` if the text names no one
    (e.g. only a title: ``Menteri PANRB menjelaskan``)."""
    cue: str | None
    """The attribution word as printed, in lower case, e.g. ``kata``, ``katanya``,
    ``mengatakan``, ``menurut``; ``None`` for a quotation without one."""
    paragraph: int
    """Index of the paragraph in ``article.paragraphs``."""
    direct: bool
    """True for words in quotation marks, False for indirect speech."""
    start: int
    """Offset of the first character of ``text`` in the paragraph."""
    end: int
    """Offset one past the last character."""
    role: str | None = None
    """The title or office printed before the name, e.g. ``Direktur PT Astra Otoparts
    Tbk``; ``None`` if there is none."""


@attrs.frozen
class Quotes(Enrichment):
    """The reported speech of an article, in reading order."""

    kind: ClassVar[str] = "quotes"

    quotes: tuple[Quote, ...] = ()
    """Direct and indirect speech, ordered by paragraph and offset."""


@attrs.frozen
class _Cue:
    """An attribution as printed: the cue and what names the speaker."""

    cue: str | None
    run: str | None = None
    """The capitalized words naming the speaker, as printed."""
    pronoun: bool = False
    """The attribution points back to the previous speaker (``katanya``, ``kata dia``)."""


@attrs.frozen
class _Said:
    """A quote before its speaker is resolved."""

    paragraph: int
    start: int
    end: int
    direct: bool
    cue: _Cue | None


def _cue(groups: dict[str, str | None]) -> _Cue | None:
    """The attribution an attribution pattern matched, or None if the words are not one."""
    cue = groups.get("cue")
    if cue is not None:
        cue = cue.lower()
        name, pronoun = groups["name"], groups["pronoun"]
        if name is None and pronoun is None and not cue.endswith("nya"):
            return None  # "kata kunci", "jelas bahwa": the word, not an attribution
        return _Cue(cue, run=name, pronoun=name is None)
    subject, verb = groups["subject"], groups["verb"]
    if subject is None or subject.lower() in _NOT_SPEAKERS:
        return None
    if re.fullmatch(_PRONOUN, subject):
        return _Cue(verb, pronoun=True)
    return _Cue(verb, run=subject)


def _direct(index: int, paragraph: str, taken: list[tuple[int, int]]) -> list[_Said]:
    """Quotations in ``paragraph``; adds their spans and attributions to ``taken``."""
    said: list[_Said] = []
    if '"' not in paragraph and "“" not in paragraph:
        return said  # a literal test is much cheaper than a search that starts with a set
    previous_end = 0
    for match in (_QUOTE if "“" in paragraph else _STRAIGHT_QUOTE).finditer(paragraph):
        start, end = match.span("text")
        # The comma before the closing mark belongs to the attribution, not the speech.
        text = paragraph[start:end]
        end = start + len(text.rstrip().rstrip(",").rstrip())
        start += len(text) - len(text.lstrip())
        if start >= end:
            continue
        cue, taken_end = None, match.end()
        after = _AFTER_QUOTE.match(paragraph, match.end())
        if after is not None:
            cue = _cue(after.groupdict())
            if cue is not None:
                taken_end = after.end()
        if cue is None:
            window = paragraph[max(previous_end, match.start() - _BEFORE_WINDOW) : match.start()]
            before = _BEFORE_QUOTE.search(window) if _may_end_attribution(window) else None
            cue = None if before is None else _cue(before.groupdict())
        if cue is None:
            lead_in = paragraph[previous_end : match.start()].rstrip()
            if said and lead_in.endswith(","):
                cue = attrs.evolve(said[-1].cue, cue=None) if said[-1].cue else None
            elif lead_in and not lead_in.endswith((".", "!", "?", ":")):
                continue  # a term or a title in quotation marks, not speech
            elif len(paragraph[start:end].split()) < _MIN_UNATTRIBUTED_WORDS:
                continue
        said.append(_Said(index, start, end, direct=True, cue=cue))
        taken.append((match.start(), taken_end))
        previous_end = match.end()
    return said


def _may_end_attribution(text: str) -> bool:
    """Whether ``text`` may end with an attribution: its last word is a speech verb,
    ``bahwa``, or part of a name or a pronoun. A cheap test that spares most quotations
    the search of :data:`_BEFORE_QUOTE`, which tries a name at every position."""
    tail = text.rstrip(" ,:")
    return _ATTRIBUTION_END.fullmatch(tail, tail.rfind(" ") + 1) is not None


def _indirect(
    index: int,
    paragraph: str,
    taken: list[tuple[int, int]],
    cues: list[re.Match[str]],
    verbs: list[re.Match[str]],
    offset: int,
) -> list[_Said]:
    """Attributions outside quotation marks, with the clause each reports.

    ``cues`` and ``verbs`` are the matches of :data:`_INDIRECT_CUE` and
    :data:`_INDIRECT_VERBS` in the paragraph, found in a text where it starts at ``offset``.
    """
    # (where the attribution starts, the cue, the reported span; None: sentence's own end)
    found: list[tuple[int, _Cue | None, int | None, int | None]] = []
    for match in cues:
        at, after = match.start() - offset, match.end() - offset
        cue = _cue(match.groupdict())
        if cue is not None and cue.pronoun and paragraph.startswith(",", after):
            found.append((at, cue, None, None))  # "<clause>, kata dia, <clause>."
        else:
            found.append((at, cue, None, at))  # "<clause>, kata Anas."
    for verb in verbs:
        verb_start = verb.start() - offset
        window = max(0, verb_start - _BEFORE_WINDOW)
        subject = _SUBJECT.search(paragraph, window, verb_start)
        if subject is not None:  # "Anas mengatakan <clause>."
            cue = _cue({"subject": subject.group("subject"), "verb": verb.group("verb")})
            found.append((subject.start(), cue, verb.end() - offset, None))

    said: list[_Said] = []
    sentences = sentence_spans(paragraph) if found else []
    for at, cue, start, end in found:
        if cue is None or any(s <= at < e for s, e in taken):
            continue
        sentence = next(((s, e) for s, e in sentences if s <= at < e), (0, len(paragraph)))
        span = _trimmed(
            paragraph,
            sentence[0] if start is None else start,
            sentence[1] if end is None else end,
        )
        if span is not None:
            said.append(_Said(index, *span, direct=False, cue=cue))
    return said


def _trimmed(paragraph: str, start: int, end: int) -> tuple[int, int] | None:
    """The span from ``start`` to ``end`` without surrounding spaces and punctuation."""
    text = paragraph[start:end]
    stripped = text.strip().rstrip(".,;:!?").rstrip()
    if not stripped:
        return None
    start += len(text) - len(text.lstrip())
    return start, start + len(stripped)


def _is_title(token: str, places: frozenset[str] = frozenset()) -> bool:
    """Whether ``token`` belongs to a title, office or place rather than to a name."""
    word = token.lower().rstrip(".")
    return (
        token.startswith("(")
        or (len(token) > 1 and token.isupper())  # PT, PANRB, R&D
        or token == "dan"
        or word in _TITLE_WORDS
        or word in _REGIONS
        or word in places
        or _INSTITUTION_NOUN.fullmatch(token) is not None
    )


def _split(
    run: str, known: Sequence[tuple[str, ...]], places: frozenset[str]
) -> tuple[str | None, str | None]:
    """Split a name run into (role, name): "Direktur PT X Tbk Yusak Kristian" gives
    ("Direktur PT X Tbk", "Yusak Kristian"). A known name inside the run wins."""
    tokens = run.split()
    while tokens and tokens[0].lower() in _CONNECTIVES:
        tokens = tokens[1:]
    for name in known:
        for at in range(len(tokens) - len(name) + 1):
            if tuple(tokens[at : at + len(name)]) == name:
                return " ".join(tokens[:at]) or None, " ".join(name)
    first = 0
    for at, token in enumerate(tokens):
        if _is_title(token, places):
            first = at + 1
    if first and first + 2 < len(tokens) and tokens[first - 1] in _NAME_FOLLOWS:
        first += 1  # "PT Evoluzione Alessandro Monzani": the company's one word
    return " ".join(tokens[:first]) or None, " ".join(tokens[first:]) or None


def _person_tag(tag: str) -> tuple[str, ...] | None:
    """The words of ``tag`` if it looks like a person's full name: two or more
    capitalized words, none a title or a place (a one-word tag is most often a place)."""
    tokens = tuple(tag.split())
    if len(tokens) > 1 and all(
        token[0].isupper() and token.isalpha() and not _is_title(token) for token in tokens
    ):
        return tokens
    return None


def _fullest(name: str, known: Sequence[tuple[str, ...]]) -> str:
    """The longest known name that contains ``name`` as consecutive words."""
    tokens = tuple(name.split())
    best = tokens
    for candidate in known:
        if len(candidate) > len(best) and any(
            candidate[at : at + len(tokens)] == tokens for at in range(len(candidate))
        ):
            best = candidate
    return " ".join(best)


def _dateline_words(article: Article) -> Iterator[str]:
    """The words of the dateline's city and region, in lower case."""
    if article.dateline is not None:
        yield from article.dateline.city.lower().split()
        yield from (article.dateline.region or "").lower().split()


def _by_paragraph(
    paragraphs: Sequence[str], patterns: Sequence[Sequence[re.Pattern[str]]]
) -> tuple[list[int], list[dict[int, list[re.Match[str]]]]]:
    """Where each paragraph starts in the text searched, and for each group of
    ``patterns`` their matches by paragraph index (in the order of the group's patterns,
    then of the text)."""
    found: list[dict[int, list[re.Match[str]]]] = [{} for _ in patterns]
    # One search over the whole body instead of one per paragraph. NUL between paragraphs
    # is a character no pattern matches or skips over (not even as whitespace), so no
    # match reaches across it and every lookaround sees a paragraph's end as it would
    # the end of the text.
    body = "\x00".join(paragraphs)
    if body.count("\x00") >= len(paragraphs):  # a paragraph holds a NUL: one by one
        for index, paragraph in enumerate(paragraphs):
            for group, by_index in zip(patterns, found, strict=True):
                matches = [match for pattern in group for match in pattern.finditer(paragraph)]
                if matches:
                    by_index[index] = matches
        return [0] * len(paragraphs), found
    starts = []
    offset = 0
    for paragraph in paragraphs:
        starts.append(offset)
        offset += len(paragraph) + 1
    for group, by_index in zip(patterns, found, strict=True):
        for pattern in group:
            for match in pattern.finditer(body):
                index = bisect.bisect_right(starts, match.start()) - 1
                by_index.setdefault(index, []).append(match)
    return starts, found


def enrich(article: Article) -> Quotes:
    """Find the direct and indirect speech in ``article`` and resolve the speakers."""
    paragraphs = article.paragraphs
    starts, (cues, verbs) = _by_paragraph(paragraphs, [[_INDIRECT_CUE], _INDIRECT_VERBS])
    said: list[_Said] = []
    for index, paragraph in enumerate(paragraphs):
        taken: list[tuple[int, int]] = []
        in_paragraph = _direct(index, paragraph, taken)
        if index in cues or index in verbs:
            in_paragraph += _indirect(
                index, paragraph, taken, cues.get(index, []), verbs.get(index, []), starts[index]
            )
        if in_paragraph:
            said += sorted(in_paragraph, key=lambda s: s.start)

    # Names to resolve short forms against: person-like tags, then the full names the
    # attributions print, longest first so "Anas" finds "Abdullah Azwar Anas".
    tags = [words for words in map(_person_tag, article.tags) if words]
    tags.sort(key=len, reverse=True)
    places = frozenset(_dateline_words(article))
    names = {s.cue.run: _split(s.cue.run, tags, places) for s in said if s.cue and s.cue.run}
    known = tags + [tuple(n.split()) for _, n in names.values() if n and " " in n]

    quotes = []
    previous: str | None = None
    for s in said:
        speaker = role = None
        if s.cue is not None and s.cue.pronoun:
            speaker = previous
        elif s.cue is not None and s.cue.run is not None:
            role, name = names[s.cue.run]
            speaker = None if name is None else _fullest(name, known)
        # An attribution by title alone ("Menteri PANRB menjelaskan") usually refers back
        # to the person already speaking, so it does not reset the previous speaker.
        previous = speaker or previous
        quotes.append(
            Quote(
                text=article.paragraphs[s.paragraph][s.start : s.end],
                speaker=speaker,
                cue=None if s.cue is None else s.cue.cue,
                paragraph=s.paragraph,
                direct=s.direct,
                start=s.start,
                end=s.end,
                role=role,
            )
        )
    return Quotes(quotes=tuple(quotes))


@hookimpl
def seedcorpus_enrichers() -> Iterator[EnricherSpec]:
    """Provide the ``quotes`` enricher."""
    yield EnricherSpec(
        name="quotes",
        enrich=enrich,
        types=(Quotes,),
        description="Direct and indirect speech with resolved speakers",
        version="1",
    )

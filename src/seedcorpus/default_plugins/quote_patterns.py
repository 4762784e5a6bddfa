"""The patterns the ``quotes`` enricher reads attributions with.

Cue words (``kata``, ``ujarnya``, ``demikian``), speech verbs (``mengatakan``), the run
of capitalized words that names a speaker, and the quotation marks. Built once, at
import. See ``docs/enrichers/quotes.md``.
"""

from __future__ import annotations

import re

# Cue words of an attribution after the speech or inside it: "kata Anas", "ujarnya",
# "lanjut dia", "catat Ariston". Each also takes "-nya" (the previous speaker).
CUES = (
    "kata|ujar|ucap|tutur|jelas|ungkap|tambah|lanjut|imbuh|tegas|terang|papar|pungkas|"
    "tandas|catat|sebut|tukas|timpal|sambung|tutup|kenang|harap|pinta|ajak|imbau|beber|urai|"
    "sahut|jawab|tanya|seru|tulis|klaim|akui|keluh|sesal|canda|kisah|cerita|bisik|teriak|"
    "pesan|puji|tuding|sindir|sergah|ingat"
)
# After a closing quotation mark, or a clause and a comma (see INDIRECT_CUE): "demikian
# Anas", "demikian kata Anas", "demikian disampaikan Anas".
DEMIKIAN = (
    r"demikian(?:\s+(?:kata|ujar|ucap|tutur|jelas|ungkap|papar|tegas|di(?:sampaikan|katakan|"
    r"ungkapkan|jelaskan|tegaskan|sebutkan|paparkan|utarakan)(?:\s+oleh)?))?"
)
# Cues of indirect speech (", kata Anas, ..."): the common ones, so that a noun such as
# "nilai" or "harap" in running text is not taken for one.
INDIRECT_CUES = (
    "kata|ujar|ucap|tutur|jelas|ungkap|tambah|lanjut|imbuh|tegas|terang|papar|catat|sebut"
)
# Verbs with the speaker before them: "Anas mengatakan", "Ia menambahkan".
_ME_WORDS = (
    "ngatakan", "njelaskan", "ngungkapkan", "nuturkan", "nambahkan", "lanjutkan",
    "negaskan", "nyatakan", "nyebutkan", "maparkan", "nerangkan", "nyampaikan",
    "ngimbuhkan", "nilai", "minta", "ngimbau", "ngakui", "nekankan", "ngingatkan",
    "mastikan", "ngemukakan", "mbeberkan", "nyebut", "ngaku", "ncatat",
)  # fmt: skip
ME_VERBS = f"me(?:{'|'.join(_ME_WORDS)})"
BER_VERBS = "ber(?:kata|ujar|harap|pesan)"


def _trie(words: list[str]) -> str:
    """An alternation of ``words`` that shares their common starts: ``n(?:ilai|yatakan)``
    for ``nilai|nyatakan``. This pattern runs at every "me" of the text, and the regex
    engine tries the branches of a plain alternation one by one. A word followed by a
    word boundary matches the same either way: only one word of the list fits."""
    by_first: dict[str, list[str]] = {}
    for word in words:
        by_first.setdefault(word[:1], []).append(word[1:])
    branches = [
        re.escape(first) + _trie(rest) for first, rest in sorted(by_first.items()) if first
    ]
    if len(branches) == 1 and "" not in by_first:
        return branches[0]
    if not branches:
        return ""
    return f"(?:{'|'.join(branches)}){'?' if '' in by_first else ''}"


VERBS = f"{ME_VERBS}|{BER_VERBS}"
PRONOUN = r"(?:[Dd]ia|[Ii]a|[Bb]eliau)"

# A run of capitalized words that names (and often titles) the speaker: "Menteri
# Pendayagunaan Aparatur Negara dan Reformasi Birokrasi (PANRB) Abdullah Azwar Anas".
# Besides capitalized words it takes initials ("S."), titles with a period ("Dr."),
# acronyms in parentheses, and "dan"/"bin"/... between capitalized words. Initials and
# titles are one to four word characters and a period: a lookahead for that spares the
# usual word the twenty titles, which the engine tries one by one, at every word.
UPPER = "A-ZÀ-ÖØ-Þ"
TOKEN = (
    rf"(?:(?=\w{{1,4}}\.)(?:(?:[{UPPER}]\.){{2,3}}(?=\s)|(?:[{UPPER}]|Dr|Drs|Dra|Prof|Ir|Hj|KH|Pol|Kol|Jend|Inf|Purn|Kapt|Mr|Mrs|Ms|Moh|Muh|Moch|Tb|Ny)\.(?=\s))"
    rf"|[{UPPER}](?:[\w'’`&\-]*[\w&])?(?:/[{UPPER}](?:[\w'’`&\-]*[\w&])?)*"
    rf"|\([{UPPER}][\w&\-]*(?: [{UPPER}][\w&\-]*)*\)|drg?\.?(?=\s[{UPPER}]))"
)
RUN = (
    rf"(?<![\w'’`&(\-.]){TOKEN}"
    rf"(?:\s+(?:{TOKEN}|(?:dan|bin|binti|van|von|de|der|al|of|for|and|the|on|\d+)"
    rf"(?=\s+[{UPPER}])))*"
)
# A run of name words alone, to find the people a text names.
RUN_ONLY = re.compile(RUN)
# Lower-case words that may describe the speaker before the name: "kata pengamat pasar
# modal Budi", "ujar dr. Siti".
DESCRIBED = (
    r"(?:(?:pengamat|analis|ekonom|peneliti|pakar|ahli|dosen|guru|warga|petani|nelayan|"
    r"pedagang|pengusaha|pengelola|pemilik|mahasiswa|siswa|pelatih|pengacara|kuasa\s+hukum|"
    r"juru\s+bicara|sang|seorang|salah\s+seorang|dr\.|ketua|kepala|direktur|wakil|anggota|"
    r"staf|karyawan|pegawai|relawan|korban|saksi|tokoh|aktivis|penyanyi|aktor|aktris|editor|"
    r"sutradara|penulis|atlet|pemain|kapten|penggagas|pendiri|pengurus|petugas|penjual|"
    r"pengunjung|pengemudi|sopir|pria|wanita|perempuan|ibu|bapak|nenek|kakek|kader|calon|"
    r"koordinator|manajer|penasihat|pegiat|pemerhati|praktisi|konsultan|psikolog|dokter|"
    r"perawat|bidan|penyuluh|pemandu|penumpang|pembeli|orang\s+tua|ketua|sekretaris|ekonom|"
    r"politikus|politisi|legislator|akademisi|ulama|aktivis|spesialis|jurnalis|"
    r"[a-z]{3,}(?:olog|wan|wati))"
    rf"(?:\s+[a-z][\w\-]*){{0,4}},?\s+(?=[{UPPER}])"
    # Any description set off by a comma: "ujar produser serial itu, Shanty Harmayn".
    rf"|(?:[a-z][\w\-]*\s+){{0,4}}[a-z][\w\-]*,\s+(?=[{UPPER}]))"
)
# The speaker's words after a cue: a role and a name may be parted by commas ("kata
# Kasubdit Tipikor Ditreskrimsus Polda, AKBP Ferdiyan Fahmi"; "kata Budi, Senin"). Every
# description opens with a lower-case letter: a lookahead for one spares the usual name
# (a capital) the hundred words of DESCRIBED, which the engine tries one by one.
NAMED = rf"(?:(?=[a-z]){DESCRIBED})?{RUN}(?:\s*,\s*(?:dan\s+|serta\s+)?{RUN}){{0,3}}"
# What names the speaker after a cue: a pronoun (the previous speaker) or a name run.
SPEAKER = rf"(?:\s+(?P<pronoun>{PRONOUN})\b|\s+(?P<name>{NAMED}))?"

# A quotation: what the quotes enricher finds (with str.find, faster: quotes._quotations).
QUOTE = re.compile(r"[\"“](?P<text>[^\"“”]+)[\"”]")
# The cue words as an alternation with shared starts (see _trie): tried after every
# quotation and at every comma of the text. No cue word is the start of another, so the
# one that matches is the same.
_CUES_TRIE = _trie(CUES.split("|"))
AFTER_QUOTE = re.compile(
    rf"\s*,?\s*(?:(?P<cue>(?i:{_CUES_TRIE})(?:nya)?|{DEMIKIAN})\b{SPEAKER}"
    rf"|(?P<subject>{RUN}|{PRONOUN})\s+(?P<verb>{VERBS})\b)"
)
# A cue right before an opening quotation mark: "Menurut Anas, ", "kata Budi: ". This
# pattern is tried at every word of the text before a quotation, so its cue words are
# one alternation with shared starts (see _trie; no cue word is the start of another).
_CUES_BEFORE = _trie([*CUES.split("|"), "menurut"])
CUE_BEFORE_QUOTE = re.compile(
    rf"\b(?P<cue>(?i:{_CUES_BEFORE}))(?:\s+(?P<pronoun>{PRONOUN})\b|\s+(?P<name>{NAMED}))"
    r"\s*[,:]?\s*$"
    r"|\b(?P<nya>(?i:menurutnya))\s*[,:]?\s*$"
)
# A verb right before an opening quotation mark; its subject is found by _subject.
VERB_BEFORE_QUOTE = re.compile(rf"\b(?P<verb>{VERBS})(?:\s+bahwa)?\s*[,:]?\s*$")
# Any me-/ber- verb set off by a comma or colon before a quotation: "Budi menjawab, ".
ANY_VERB_BEFORE_QUOTE = re.compile(r"\b(?P<verb>(?:me|ber)[a-z]{3,})\s*[,:]\s*$")
# "<clause>, demikian Andy." closes reported speech as it closes a quotation; only with
# a name or a pronoun after it ("demikian pula", "demikian juga" are no attribution).
INDIRECT_CUE = re.compile(
    rf",\s*(?P<cue>{_trie(INDIRECT_CUES.split('|'))}(?:nya)?"
    rf"|{DEMIKIAN}(?=\s+(?:{PRONOUN}\b|[{UPPER}])))"
    rf"\b{SPEAKER}"
)
# Indirect speech with the speaker first is found from the verb, then the speaker is
# searched for before it: a pattern that starts with a literal ("me", "ber") is found
# much faster than one that starts with a name. Not before a quotation mark: that is
# direct speech.
INDIRECT_VERBS = tuple(
    re.compile(rf"(?P<verb>{verbs})\b(?:\s+bahwa\b)?(?!\s*[,:]?\s*[\"“])")
    for verbs in (f"me{_trie(list(_ME_WORDS))}", BER_VERBS)
)
# The subject at the end of the text before a verb, and what may stand between them:
# a time or place ("Asmar di Kendari, Minggu (1/7), mengatakan"), an apposition.
SUBJECT = re.compile(rf"(?P<subject>{RUN}|\b{PRONOUN})[\s,]*$")
ADJUNCT = (
    r"(?:\s*\([^()]{0,30}\)|\s+(?:di|dari|ke|pada|saat|ketika|usai|seusai|setelah|sebelum|"
    r"dalam|selepas|sesudah|kepada|melalui|lewat)(?:\s+[a-z][\w\-]*){0,4}|\s*,)\s*$"
)
# Where an ADJUNCT ends the text: the match is its first character only (use .start()).
# A search tries a match at every position unless its pattern opens with a set of
# characters, which the engine skips to; every adjunct opens with a space, a parenthesis
# or a comma, so the pattern opens with those and looks back for the adjunct at the same
# position. Half the instructions of a search for ADJUNCT itself, same start.
ADJUNCT_END = re.compile(rf"[\s(,](?<=(?={ADJUNCT})[\s\S])")
# The last word of an attribution before a quotation.
ATTRIBUTION_END = re.compile(
    rf"{VERBS}|bahwa|{PRONOUN}|menurutnya|[{UPPER}(].*|(?:me|ber)[a-z]{{3,}}[,:]?"
)
# Only this much text before an opening quotation mark is searched for an attribution.
BEFORE_WINDOW = 160
# An unattributed quotation shorter than this is a term or a title, not speech.
MIN_UNATTRIBUTED_WORDS = 3
# Speech ends with punctuation before its closing mark when more text follows it;
# a title or a term in quotation marks does not ("Mercy and Justice" International).
SPEECH_END = tuple(".,!?…:;-–—")

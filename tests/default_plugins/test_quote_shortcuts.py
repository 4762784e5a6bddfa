"""The shortcuts of the quotes enricher give what the code they replaced gave.

Each test runs a shortcut and the plain form it stands for (kept here as the reference)
on generated text built from the words attributions are made of: names, titles, places,
times, pronouns, adjunct words, commas and parentheses.
"""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from seedcorpus.default_plugins import quote_patterns as patterns
from seedcorpus.default_plugins import quotes, speaker_places, speakers, subjects
from seedcorpus.default_plugins.speakers import Places

_WORDS = (
    *("Reza", "Santoso", "Menteri", "Wali", "Kota", "Jakarta", "Kendari", "Minggu", "Senin"),
    *("PT", "BPS", "(BPS)", "(1/7)", "Budi", "Asmar", "Kiki", "Friderica", "Dr.", "S."),
    *("kata", "ujar", "katanya", "Kata", "menurut", "demikian", "dia", "Dia", "ia", "beliau"),
    *("di", "dari", "pada", "saat", "usai", "kepada", "hari", "yang", "juga", "merupakan"),
    *("mengatakan", "menambahkan", "berkata", "bahwa", "dan", "bin", "al", "Robin", "data"),
    *("sapaan", "akrab", "disapa", "warga", "pelatih", "itu", "2024", "x-ray", "O'Neil"),
    # Words longer than the 60 characters the cheap tests of subject() read first.
    "Panjang" + "a" * 60,
    "p" * 64,
)
_GAPS = (" ", " ", " ", ", ", ". ", "  ", ",", " (", ") ", ": ", "\n")


def _join(parts: list[tuple[str, str]]) -> str:
    return "".join(word + gap for word, gap in parts).strip()


_TEXTS = st.lists(
    st.tuples(st.sampled_from(_WORDS), st.sampled_from(_GAPS)), min_size=1, max_size=40
).map(_join)


# --- subjects.subject: the cheap tests on one slice ---------------------------------


def _old_last_word(text: str, lo: int, end: int) -> str:
    tail = text[lo:end].rstrip(" ,")
    return tail[tail.rfind(" ") + 1 :]


def _old_may_end_with_subject(text: str, lo: int, end: int) -> bool:
    last = _old_last_word(text, lo, end)
    return bool(last) and (last[0].isupper() or last[0] == "(" or last in ("dia", "ia", "beliau"))


def _old_may_end_with_adjunct(text: str, lo: int, end: int) -> bool:
    tail = text[max(lo, end - 60) : end].rstrip()
    if tail.endswith((",", ")")):
        return True
    return not subjects._ADJUNCT_WORDS.isdisjoint(tail.rsplit(None, 5)[-5:])


_PLAIN_ADJUNCT_END = re.compile(patterns.ADJUNCT)


def _old_subject(text: str, end: int, places: subjects.Reader) -> tuple[int, str] | None:
    """subjects.subject as it was before its two cheap tests shared one slice and the
    adjunct was searched with a pattern that opens with a set of characters."""
    lo = max(0, end - patterns.BEFORE_WINDOW)
    for _ in range(10):
        if _old_may_end_with_adjunct(text, lo, end):
            adjunct = _PLAIN_ADJUNCT_END.search(text, max(lo, end - 60), end)
            if adjunct is not None and adjunct.start() < end:
                end = adjunct.start()
                continue
        if not _old_may_end_with_subject(text, lo, end):
            return None
        match = patterns.SUBJECT.search(text, subjects._run_start(text, lo, end), end)
        if match is None:
            return None
        run = match.group("subject")
        start = match.start()
        relative = subjects._RELATIVE.search(text, max(lo, start - 40), start)
        if relative is not None and _old_may_end_with_subject(text, lo, relative.start()):
            before = patterns.SUBJECT.search(
                text, subjects._run_start(text, lo, relative.start()), relative.start()
            )
            if before is not None:
                return before.start(), f"{before.group('subject')}, {run}"
        if _old_last_word(text, lo, start) in subjects._PREPOSITIONS:
            end = text.rindex(" ", lo, start - 1) if " " in text[lo : start - 1] else lo
            continue
        if speakers.names_a_time_or_place(run, places.places.words):
            end = start
            continue
        if text[lo:start].rstrip().endswith(",") and _old_may_end_with_subject(text, lo, start):
            apposition = patterns.SUBJECT.search(text, subjects._run_start(text, lo, start), start)
            if (
                apposition is not None
                and _old_last_word(text, lo, apposition.start()) not in subjects._PREPOSITIONS
                and places.split(apposition.group("subject")).kind
                in ("person", "role", "institution")
            ):
                return apposition.start(), text[apposition.start() : match.end()].rstrip(" ,")
        return start, run
    return None


@given(_TEXTS, st.integers(min_value=0, max_value=200))
def test_subject_is_the_subject_of_before(text: str, pad: int) -> None:
    # Padding puts the text past the 60 characters the cheap tests read first.
    text = "x " * pad + text
    reader = subjects.Reader(Places(text, ["kendari"]))
    for end in range(len(text) + 1):
        assert subjects.subject(text, end, reader) == _old_subject(text, end, reader)


# --- the name words before a mention: searched from the last comma -------------------


@given(_TEXTS)
def test_name_run_before_a_mention_is_found_after_the_last_comma(text: str) -> None:
    for at in range(len(text) + 1):
        lo = max(0, at - 60)
        plain = speakers._RUN_BEFORE.search(text, lo, at)
        bounded = speakers._RUN_BEFORE.search(text, text.rfind(",", lo, at) + 1 or lo, at)
        assert (plain and plain.span()) == (bounded and bounded.span())


# --- the cue words as alternations with shared starts; a description only before a ---
# --- lower-case letter ---------------------------------------------------------------

_PLAIN_NAMED = (
    rf"{patterns.DESCRIBED}?{patterns.RUN}(?:\s*,\s*(?:dan\s+|serta\s+)?{patterns.RUN}){{0,3}}"
)
_PLAIN_SPEAKER = rf"(?:\s+(?P<pronoun>{patterns.PRONOUN})\b|\s+(?P<name>{_PLAIN_NAMED}))?"
_PLAIN_AFTER_QUOTE = re.compile(
    rf"\s*,?\s*(?:(?P<cue>(?i:{patterns.CUES})(?:nya)?|{patterns.DEMIKIAN})\b"
    rf"{_PLAIN_SPEAKER}|(?P<subject>{patterns.RUN}|{patterns.PRONOUN})\s+"
    rf"(?P<verb>{patterns.VERBS})\b)"
)
_PLAIN_INDIRECT_CUE = re.compile(
    rf",\s*(?P<cue>(?:{patterns.INDIRECT_CUES})(?:nya)?|{patterns.DEMIKIAN}"
    rf"(?=\s+(?:{patterns.PRONOUN}\b|[{patterns.UPPER}])))\b{_PLAIN_SPEAKER}"
)
_PLAIN_CUE_BEFORE_QUOTE = re.compile(
    rf"\b(?P<cue>(?i:{patterns.CUES}|menurut))(?:\s+(?P<pronoun>{patterns.PRONOUN})\b"
    rf"|\s+(?P<name>{_PLAIN_NAMED}))\s*[,:]?\s*$"
    r"|\b(?P<nya>(?i:menurutnya))\s*[,:]?\s*$"
)
_CUE_WORDS = st.sampled_from(
    [*patterns.CUES.split("|"), "Kata", "UJAR", "katanya", "tanya", "kunci", "tutu"]
)


def _assert_cue_patterns_agree(text: str) -> None:
    """The cue patterns match ``text`` as their plain forms do, at every position."""
    for plain, shared in (
        (_PLAIN_AFTER_QUOTE, patterns.AFTER_QUOTE),
        (_PLAIN_INDIRECT_CUE, patterns.INDIRECT_CUE),
    ):
        for at in range(len(text) + 1):
            a, b = plain.match(text, at), shared.match(text, at)
            assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict()))
    for at in range(len(text) + 1):
        a = _PLAIN_CUE_BEFORE_QUOTE.search(text, 0, at)
        b = patterns.CUE_BEFORE_QUOTE.search(text, 0, at)
        assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict()))


@given(st.lists(st.tuples(st.one_of(_CUE_WORDS, st.sampled_from(_WORDS)), st.sampled_from(_GAPS))))
def test_cue_alternations_match_as_the_plain_ones(parts: list[tuple[str, str]]) -> None:
    text = _join(parts)
    _assert_cue_patterns_agree(text)


# --- initials and titles tried only before a short word and a period -----------------

_UPPER = patterns.UPPER
_TITLES = "Dr|Drs|Dra|Prof|Ir|Hj|KH|Pol|Kol|Jend|Inf|Purn|Kapt|Mr|Mrs|Ms|Moh|Muh|Moch|Tb|Ny"
_PLAIN_TOKEN = (
    rf"(?:(?:[{_UPPER}]\.){{2,3}}(?=\s)|(?:[{_UPPER}]|{_TITLES})\.(?=\s)"
    rf"|[{_UPPER}](?:[\w'’`&\-]*[\w&])?(?:/[{_UPPER}](?:[\w'’`&\-]*[\w&])?)*"
    rf"|\([{_UPPER}][\w&\-]*(?: [{_UPPER}][\w&\-]*)*\)|drg?\.?(?=\s[{_UPPER}]))"
)
_PLAIN_RUN = (
    rf"(?<![\w'’`&(\-.]){_PLAIN_TOKEN}"
    rf"(?:\s+(?:{_PLAIN_TOKEN}|(?:dan|bin|binti|van|von|de|der|al|of|for|and|the|on|\d+)"
    rf"(?=\s+[{_UPPER}])))*"
)
_PLAIN_SUBJECT = re.compile(rf"(?P<subject>{_PLAIN_RUN}|\b{patterns.PRONOUN})[\s,]*$")
_NAME_WORDS = st.sampled_from(
    [
        *("Dr.", "Drs.", "Prof.", "H.", "S.", "A.B.", "A.B.C.", "Ir.", "Moch.", "Kapt.", "Ny."),
        *("Dra", "Purn.", "Budi", "É.", "dr.", "drg", "PT", "(BPS)", "Jend.", "Tb.", "X"),
        *("dan", "bin", "kata", "mengatakan", "Mr.x", "Mr.", "Abcde.", "2024", "É", "á."),
    ]
)


@given(st.lists(st.tuples(_NAME_WORDS, st.sampled_from(_GAPS)), min_size=1, max_size=12))
def test_name_runs_match_as_the_plain_ones(parts: list[tuple[str, str]]) -> None:
    text = _join(parts)
    plain = re.compile(_PLAIN_RUN)
    assert plain.pattern != patterns.RUN  # (the shortcut is not the plain pattern)
    for at in range(len(text) + 1):
        a, b = plain.match(text, at), patterns.RUN_ONLY.match(text, at)
        assert (a and a.span()) == (b and b.span())
        a, b = _PLAIN_SUBJECT.search(text, 0, at), patterns.SUBJECT.search(text, 0, at)
        assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict()))


# Descriptions before a name: "kata pengamat pasar modal Budi", "ujar dr. Siti",
# "kata produser serial itu, Shanty", and words that only look like one.
_DESCRIPTIONS = st.lists(
    st.sampled_from(
        [
            *("pengamat", "analis", "ahli", "kuasa hukum", "dr.", "sosiolog", "pasar"),
            *("modal", "produser", "itu,", "x", "Pengamat", "Budi", "Siti,", "dan", "(BPS)"),
        ]
    ),
    max_size=6,
)


@given(
    st.sampled_from(["", "Harga naik", '"Ya,"', "Menurut", "menurut", "x,"]),
    st.sampled_from(["kata", "ujar", "Kata", "katanya", "demikian", "menurut", ""]),
    _DESCRIPTIONS,
    st.sampled_from(["Budi", "Budi Santoso", "Dr. Siti", "dia", "", "Menteri PANRB"]),
    st.sampled_from(["", ".", ", Senin.", ' "', ", "]),
)
def test_a_description_is_read_as_before(
    lead: str, cue: str, words: list[str], name: str, tail: str
) -> None:
    text = " ".join(part for part in (lead, cue, *words, name) if part) + tail
    _assert_cue_patterns_agree(text)


# --- nicknames: only a one-word name can be one --------------------------------------


@given(
    _TEXTS,
    st.sampled_from(["Kiki", "KiKi", "Ani", "Éva", "Ujang"]),
    st.sampled_from(["Friderica Widyasari", "Budi", "Dr. Siti"]),
    st.sampled_from(["{nick}, sapaan akrab {name}", "{name}, yang akrab disapa {nick}"]),
)
def test_every_nickname_is_a_one_word_name(text: str, nick: str, name: str, form: str) -> None:
    # The enricher looks nicknames up only for names _NICKNAME matches.
    text = f"{text} {form.format(nick=nick, name=name)} kata dia."
    reader = subjects.Reader(Places(text))
    for nickname in subjects.nicknames(text, reader):
        assert quotes._NICKNAME.fullmatch(nickname)


def test_a_nickname_is_found() -> None:
    text = "Kiki, sapaan akrab Friderica Widyasari, mengatakan hal itu."
    assert subjects.nicknames(text, subjects.Reader(Places(text))) == {
        "Kiki": "Friderica Widyasari"
    }


@given(_TEXTS)
def test_adjunct_end_starts_where_the_plain_search_does(text: str) -> None:
    for end in range(len(text) + 1):
        for lo in {max(0, end - 60), 0}:
            plain = _PLAIN_ADJUNCT_END.search(text, lo, end)
            opening = patterns.ADJUNCT_END.search(text, lo, end)
            assert (plain and plain.start()) == (opening and opening.start())


# --- contractions: tested only where the first letters agree -------------------------

_LETTERS = st.text(alphabet="abjkowdİi", max_size=6)


@given(_LETTERS, st.lists(_LETTERS, min_size=2, max_size=3))
def test_a_contraction_starts_with_the_first_letter_of_the_name(
    word: str, tokens: list[str]
) -> None:
    # Names._fullest tries _contraction only when these agree.
    if speakers._contraction(word, tokens):
        assert tokens[0][:1] == word[:1]
    assert speakers._contraction("jokowi", ["joko", "widodo"])


# --- place words: " di " found from "di ", not from every "d" -------------------------

_PLAIN_DI_PLACE = re.compile(r"d(?<= d)i ([A-ZÀ-ÖØ-Þ][a-z]+)(?![\w'’-])")
_PLACE_TEXTS = st.lists(
    st.tuples(
        st.sampled_from(["di", "Di", "ddi", "di-", "d", "Kendari", "Éden", "Landak's", "x"]),
        st.sampled_from([" ", "  ", "", ",", "\n", "-", "'"]),
    ),
    max_size=30,
).map(_join)


@given(st.one_of(_TEXTS, _PLACE_TEXTS))
def test_di_places_are_found_as_before(text: str) -> None:
    found = [m.span() for m in speaker_places._DI_PLACE.finditer(text)]
    assert found == [m.span() for m in _PLAIN_DI_PLACE.finditer(text)]


def test_a_di_place_is_found() -> None:
    assert speaker_places._DI_PLACE.findall("rapat di Kendari, di Landak") == ["Kendari", "Landak"]

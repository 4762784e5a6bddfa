"""The language enricher: lingua when installed, the function-word profile otherwise."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import cattrs
import pytest
from articles import SAMPLE, SEED, article, news_articles
from hypothesis import example, given
from hypothesis import strategies as st

from seedcorpus.default_plugins import language
from seedcorpus.default_plugins.antara import parse_antara
from seedcorpus.default_plugins.language import (
    LONG_SAMPLE_CHARS,
    PROFILE_STEP_CHARS,
    PROFILE_SURE,
    SAMPLE_CHARS,
    Language,
    profile_scores,
)
from seedcorpus.models import Article, Source
from seedcorpus.specs import Document
from seedcorpus.testing import check_enricher

ENGLISH = (
    "The minister said that the cooperation between the two countries has been going on "
    "for a long time, and that it will be expanded to public services this year."
)
MALAY = (
    "Kerajaan berkata bahawa perkhidmatan awam akan ditambah baik kerana rakyat "
    "memerlukan sokongan, iaitu melalui syarikat tempatan dan agensi kerajaan negeri."
)
# Indonesian with only the function words Indonesian and Malay share: the profile is
# unsure (0.5 each), so lingua decides.
SHARED_ONLY = (
    "Warga menunggu bantuan sejak pagi dan mereka berharap petugas segera datang ke lokasi banjir."
)


@pytest.fixture
def without_lingua(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Make ``import lingua`` fail, as if the optional extra were not installed."""
    monkeypatch.setitem(sys.modules, "lingua", None)
    language._detector.cache_clear()
    language._lingua_importable.cache_clear()
    yield
    language._detector.cache_clear()
    language._lingua_importable.cache_clear()


@pytest.fixture
def with_lingua() -> None:
    pytest.importorskip("lingua")


@pytest.mark.usefixtures("with_lingua")
@pytest.mark.parametrize("item", [SEED, SAMPLE], ids=["seed", "sample"])
def test_sure_profile_detects_indonesian_with_lingua_installed(item: Article) -> None:
    result = language.enrich(item)

    assert (result.detected, result.method) == ("id", "profile")
    assert result.score >= PROFILE_SURE
    assert result.declared == item.language


@pytest.mark.usefixtures("with_lingua")
@pytest.mark.parametrize(("text", "code"), [(ENGLISH, "en"), (MALAY, "ms")])
def test_english_and_malay_with_lingua_installed(text: str, code: str) -> None:
    assert language.enrich(article(text)).detected == code


@pytest.mark.usefixtures("with_lingua")
@pytest.mark.parametrize(
    ("text", "code"), [(ENGLISH, "en"), (MALAY, "ms"), (SHARED_ONLY, "id"), (SEED.text, "id")]
)
def test_lingua_itself_tells_the_languages_apart(text: str, code: str) -> None:
    detector = language._detector()
    assert detector is not None
    scores = language._lingua_scores(detector, text)

    assert max(scores, key=scores.__getitem__) == code


@pytest.mark.usefixtures("with_lingua")
def test_lingua_decides_when_the_profile_is_unsure() -> None:
    result = language.enrich(article(SHARED_ONLY))

    assert (result.detected, result.method) == ("id", "lingua")


class StubDetector:
    """Unsure about short texts (Malay 0.6), sure about long ones (Indonesian 1.0)."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.built = 0
        """How often the enricher asked for the detector (see the ``stub`` fixture)."""

    def compute_language_confidence_values(self, text: str) -> list[SimpleNamespace]:
        self.texts.append(text)
        code, value = ("MS", 0.6) if len(text) <= SAMPLE_CHARS else ("ID", 1.0)
        iso = SimpleNamespace(name=code)
        return [SimpleNamespace(language=SimpleNamespace(iso_code_639_1=iso), value=value)]


@pytest.fixture
def stub(monkeypatch: pytest.MonkeyPatch) -> StubDetector:
    """A :class:`StubDetector` in place of lingua's, as if lingua were installed; it
    counts in ``built`` how often the enricher asked for it."""
    detector = StubDetector()

    def build() -> StubDetector:
        detector.built += 1
        return detector

    monkeypatch.setattr(language, "_lingua_importable", lambda: True)
    monkeypatch.setattr(language, "_detector", build)
    return detector


def test_sure_profile_does_not_ask_lingua_or_build_it(stub: StubDetector) -> None:
    result = language.enrich(SEED)

    assert (result.detected, result.method) == ("id", "profile")
    assert stub.texts == []
    assert stub.built == 0


@pytest.mark.parametrize("text", [MALAY, ENGLISH])
def test_sure_profile_tells_malay_and_english_without_lingua(
    stub: StubDetector, text: str
) -> None:
    result = language.enrich(article(text))

    assert result.method == "profile"
    assert result.detected == ("ms" if text is MALAY else "en")
    assert stub.texts == []


def test_profile_is_not_sure_of_a_few_words(stub: StubDetector) -> None:
    result = language.enrich(article(title="The Jakarta Post"))

    assert profile_scores("The Jakarta Post")["en"] == 1.0
    assert result.method == "lingua"
    assert stub.texts == ["The Jakarta Post"]


def test_sure_profile_stops_reading_once_sure() -> None:
    indonesian = " ".join(["Menurut dia, pelayanan publik karena persen bahwa baik."] * 20)
    malay = " ".join(["Kerajaan berkata bahawa perkhidmatan kerana peratus."] * 40)
    assert len(indonesian) > PROFILE_STEP_CHARS
    scores = language._sure_profile(f"{indonesian} {malay}")

    assert scores is not None
    assert max(scores, key=scores.__getitem__) == "id"
    assert scores == profile_scores(indonesian[: indonesian.find(" ", PROFILE_STEP_CHARS)])


def test_unsure_profile_reads_the_whole_text() -> None:
    assert language._sure_profile(" ".join([SHARED_ONLY] * 30)) is None


def test_unsure_lingua_reads_a_longer_sample(stub: StubDetector) -> None:
    result = language.enrich(article(*[SHARED_ONLY] * 10))

    assert (result.detected, result.score, result.method) == ("id", 1.0, "lingua")
    assert [len(text) <= SAMPLE_CHARS for text in stub.texts] == [True, False]
    assert len(stub.texts[1]) <= LONG_SAMPLE_CHARS


def test_short_text_is_not_read_twice(stub: StubDetector) -> None:
    result = language.enrich(article("Kata dia.", title="Judul"))

    assert (result.detected, result.score) == ("ms", 0.6)
    assert stub.texts == ["Judul Kata dia."]


@pytest.mark.usefixtures("without_lingua")
@pytest.mark.parametrize("item", [SEED, SAMPLE], ids=["seed", "sample"])
def test_profile_detects_indonesian_without_lingua(item: Article) -> None:
    result = language.enrich(item)

    assert (result.detected, result.method) == ("id", "profile")
    assert result.score > 0.8


@pytest.mark.usefixtures("without_lingua")
@pytest.mark.parametrize(("text", "code"), [(ENGLISH, "en"), (MALAY, "ms")])
def test_profile_tells_english_and_malay(text: str, code: str) -> None:
    result = language.enrich(article(text))

    assert (result.detected, result.method) == (code, "profile")


@pytest.mark.usefixtures("without_lingua")
def test_profile_without_any_listed_word_detects_nothing() -> None:
    result = language.enrich(article("12345 !!!", title="Xyzzy"))

    assert (result.detected, result.score) == (None, 0.0)


def test_profile_scores_share_one() -> None:
    scores = profile_scores(SEED.text)

    assert sum(scores.values()) == pytest.approx(1.0)
    assert scores["id"] > scores["ms"] > scores["en"]


def test_profile_with_only_shared_words_cannot_tell_indonesian_from_malay() -> None:
    scores = profile_scores("dan yang di ini itu akan")

    assert scores == {"id": 0.5, "ms": 0.5, "en": 0.0}


def test_declared_language_is_passed_through() -> None:
    assert language.enrich(article(ENGLISH, language="id")).declared == "id"


@given(news_articles())
def test_enrich_is_total_and_round_trips(item: Article) -> None:
    result = language.enrich(item)
    converter = cattrs.Converter()

    assert converter.structure(converter.unstructure(result), Language) == result
    assert result.detected in {"id", "ms", "en", None}
    assert 0.0 <= result.score <= 1.0
    assert (result.detected is None) == (result.score == 0.0)


@pytest.mark.usefixtures("without_lingua")
@given(news_articles())
def test_profile_is_total(item: Article) -> None:
    result = language.enrich(item)

    assert result.method == "profile"
    assert 0.0 <= result.score <= 1.0


def test_plugin_contract() -> None:
    (spec,) = language.seedcorpus_enrichers()
    assert spec.name == Language.kind
    check_enricher(spec, max_examples=50)


def test_body_first_text_has_no_declared_language_but_a_detected_one() -> None:
    path = Path(__file__).parent.parent / "data" / "renderings" / "body_first" / "no_footer.txt"
    text = path.read_text(encoding="utf-8")
    parsed = parse_antara(Document("a", text, Source("a.txt", "0" * 64, "antara")))
    assert (parsed.title, parsed.language) == (None, None)
    result = language.enrich(parsed)
    assert (result.declared, result.detected) == (None, "id")


_ASCII_WORDS = st.sampled_from(["yang", "The", "KARENA", "kerana", "dan,", "x", "-", "("])
_ASCII_TEXTS = st.lists(_ASCII_WORDS | st.text(st.characters(max_codepoint=127))).map(" ".join)


@given(_ASCII_TEXTS)
def test_ascii_text_is_read_as_any_text(text: str) -> None:
    # The bytes path for ASCII text finds the words the str path finds.
    words = text.lower().translate(language._PUNCTUATION).split()
    codes = {"common": b"c", "id": b"i", "ms": b"m", "en": b"e"}

    assert language._listed(text) == b"".join(
        codes[language._LISTS[w]] for w in words if w in language._LISTS
    )


# The profile as it was counted before _listed(), with a Counter of every word's list:
# the reference the faster counting must agree with exactly.
def _reference_counts(text: str) -> Counter[str | None]:
    return Counter(map(language._LISTS.get, text.lower().translate(language._PUNCTUATION).split()))


def _reference_scores(counts: Counter[str | None]) -> dict[str, float]:
    indonesian, malay, english = counts["id"], counts["ms"], counts["en"]
    total = counts["common"] + indonesian + malay + english
    if not total:
        return {"id": 0.0, "ms": 0.0, "en": 0.0}
    family = 1 - english / total
    indonesian_share = (indonesian + 1) / (indonesian + malay + 2)
    return {
        "id": family * indonesian_share,
        "ms": family * (1 - indonesian_share),
        "en": english / total,
    }


def _reference_sure_profile(text: str) -> dict[str, float] | None:
    counts: Counter[str | None] = Counter()
    start, length = 0, len(text)
    while start < length:
        end = start + PROFILE_STEP_CHARS
        if end < length:
            end = text.find(" ", end)
            if end < 0:
                end = length
        else:
            end = length
        counts.update(_reference_counts(text[start:end]))
        start = end
        scores = _reference_scores(counts)
        if (
            max(scores.values()) >= PROFILE_SURE
            and counts.total() - counts[None] >= language.PROFILE_SURE_WORDS
        ):
            return scores
    return None


# Listed words of every list in any case, other words, and the separators and look-alikes
# that decide where a word ends: punctuation, Unicode spaces, "\x1c" (whitespace to
# str.split() only), the Kelvin sign (lower case "k"), dotted capital I, curly quotes.
_LISTED = sorted(language._LISTS)
_LISTED_WORDS = st.sampled_from(_LISTED).flatmap(
    lambda word: st.sampled_from([word, word, word.upper(), word.title()])
)
_PIECES = (
    _LISTED_WORDS
    | st.sampled_from(["Jakarta", "12", "x", "\u212arena", "\u0130ni", "“dan”", "ke-2"])
    | st.text(st.characters(max_codepoint=0x3000), max_size=3)
)
_SEPARATORS = st.sampled_from(
    [" ", " ", " ", ", ", ". ", "\n", "\t", "\x1c", "\xa0", "\u2003", "-"]
)
# A run of pieces said several times over, so that texts often span several steps.
_PROFILE_TEXTS = st.builds(
    lambda pairs, times: "".join(piece + separator for piece, separator in pairs) * times,
    st.lists(st.tuples(_LISTED_WORDS | _PIECES, _SEPARATORS), max_size=80),
    st.integers(1, 40),
)


@given(_PROFILE_TEXTS)
@example("karena " * 9 + "dan")  # sure at exactly PROFILE_SURE_WORDS listed words
@example("karena " * 9)
@example("pada " * 200 + "bahwa " * 250)  # sure in the second step, not the first
@example("\u212aarena " * 12)  # the Kelvin sign is a "k" once lowered
def test_profile_counts_as_the_reference(text: str) -> None:
    assert profile_scores(text) == _reference_scores(_reference_counts(text))
    assert language._sure_profile(text) == _reference_sure_profile(text)

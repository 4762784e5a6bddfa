"""The search for indirect speech in a body without its quotations finds what it found.

The ``quotes`` enricher reads direct speech first and searches for the cues and verbs of
indirect speech in a body whose quotations and attributions are blanked
(``quotes._blanked``). The reference is the code that shortcut replaced: the search of
the whole body, then the matches that start inside a quotation or its attribution
dropped (as ``quotes._indirect`` drops them).
"""

from __future__ import annotations

from articles import article, news_articles
from hypothesis import given
from hypothesis import strategies as st

from seedcorpus.default_plugins import quote_patterns as patterns
from seedcorpus.default_plugins import quotes, subjects
from seedcorpus.models import Article

_GROUPS = [[patterns.INDIRECT_CUE], list(patterns.INDIRECT_VERBS)]

# Pieces of quotations and of the attributions around them: marks of each kind, cues,
# verbs (with and without "bahwa"), names, pronouns, commas and the words between.
_PIECES = (
    *('"', '"', "“", "”", ",", ", ", ".", ":", " (", ") ", "\n"),
    *("kata", "katanya", "Kata", "ujar", "jelasnya", "demikian", "demikian kata", "menurut"),
    *("disampaikan oleh", "mengatakan", "menyatakan bahwa", "berkata", "berharap", "bahwa"),
    *("Menurut", "mengimbau", "menilai", "Budi", "Anas", "Budimengatakan", "Ahmed", "dia"),
    *("Ia", "Menteri PANRB", "Kepala Dinas", "AKBP Ferdiyan", "dan", "serta", "dr.", "(BPS)"),
    *("pengamat", "harga", "naik", "Senin", "di Kendari", "itu", "x", "me", "ber", "nya"),
)
_GAPS = ("", " ", " ", " ", "  ", "\u00a0")


@st.composite
def _paragraphs(draw: st.DrawFn) -> str:
    pieces = draw(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=24))
    gaps = draw(st.lists(st.sampled_from(_GAPS), min_size=len(pieces), max_size=len(pieces)))
    return "".join(piece + gap for piece, gap in zip(pieces, gaps, strict=True))


def _taken(item: Article) -> dict[int, list[tuple[int, int]]]:
    """The spans ``quotes.enrich`` takes for direct speech, by paragraph."""
    places = subjects.Reader(subjects.places_of(item))
    taken: dict[int, list[tuple[int, int]]] = {}
    continued = False
    for index, paragraph in enumerate(item.paragraphs):
        if '"' in paragraph or "“" in paragraph or "”" in paragraph:
            spans: list[tuple[int, int]] = []
            said = quotes._direct(index, paragraph, spans, places, continued)
            continued = bool(said) and said[-1].runs_on
            if spans:
                taken[index] = spans
        else:
            continued = False
    return taken


def _found(
    item: Article, taken: dict[int, list[tuple[int, int]]] | None
) -> list[list[tuple[int, tuple[int, int], dict[str, str | None]]]]:
    """Each group's matches, by paragraph, as offsets in the paragraph and groups, but
    those that start inside a span of ``_taken`` (which ``quotes._indirect`` drops: a
    paragraph that holds a NUL is searched whole)."""
    spans = _taken(item)
    starts, found = quotes._by_paragraph(item.paragraphs, _GROUPS, taken)
    result = []
    for by_index in found:
        matches = []
        for index in sorted(by_index):
            for match in by_index[index]:
                start = match.start() - starts[index]
                if quotes._inside(spans.get(index, []), start):
                    continue
                end = match.end() - starts[index]
                matches.append((index, (start, end), match.groupdict()))
        result.append(matches)
    return result


def _check(item: Article) -> None:
    assert _found(item, _taken(item)) == _found(item, None)


@given(st.lists(_paragraphs(), min_size=1, max_size=5))
def test_the_blanked_search_finds_what_the_whole_search_keeps(paragraphs: list[str]) -> None:
    _check(article(*paragraphs))


@given(news_articles())
def test_the_blanked_search_on_news_like_articles(item: Article) -> None:
    _check(item)


def test_a_verb_inside_a_quotation_is_not_found_and_one_before_it_is_read_as_before() -> None:
    item = article(
        '"Kami mengatakan bahwa harga naik," kata Budi menyatakan bahwa x.',
        'Anas mengatakan "harga naik." Harga turun. Budi menilai harga turun, kata dia.',
    )
    taken = _taken(item)
    blanked = quotes._blanked(item.paragraphs[1], taken[1])

    assert blanked.startswith('Anas mengatakan "\x00')
    _check(item)
    _, (_, verbs) = quotes._by_paragraph(item.paragraphs, _GROUPS, taken)
    # The verb before a quotation is not found (its lookahead still sees the mark: it is
    # no indirect speech), nor the one inside a quotation; the ones after are.
    assert [m.group("verb") for m in verbs[1]] == ["menilai"]
    assert [m.group("verb") for m in verbs[0]] == ["menyatakan"]


def test_the_quotes_of_an_article_are_those_of_a_whole_search() -> None:
    # The output of the code before the blanked search (a cue inside a quotation, a verb
    # after one, indirect speech around a cue and a verb).
    item = article(
        '"Harga naik, kata dia, karena hujan," kata Budi. Anas mengatakan harga turun.',
        "Harga turun, kata Anas, dan Budi menambahkan bahwa stok cukup.",
    )
    found = [(q.paragraph, q.text, q.cue) for q in quotes.enrich(item).quotes]

    assert found == [
        (0, "Harga naik, kata dia, karena hujan", "kata"),
        (0, "harga turun", "mengatakan"),
        (1, "Harga turun", "kata"),
        (1, "stok cukup", "menambahkan"),
    ]

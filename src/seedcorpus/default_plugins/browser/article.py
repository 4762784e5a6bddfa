"""What the article page shows, computed from an article's JSON form.

Plain Python (no datasette), so it is tested alone. Paragraph HTML is built here, every
piece of article text escaped, because quotes and acronyms are marked by character
offsets that a template cannot apply. The JSON may be contract 1 or 2: a byline with
``reporter``/``editor`` strings or ``reporters``/``editors`` lists, a null title, an
``image`` with the caption.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from html import escape
from typing import Any

import attrs

__all__ = ["Mark", "article_page", "paragraph_html"]


@attrs.frozen
class Mark:
    """A stretch of a paragraph to wrap in an HTML element."""

    start: int
    """Offset of its first character in the paragraph."""
    end: int
    """Offset just past its last character."""
    open: str
    """The opening tag (already escaped HTML)."""
    close: str
    """The closing tag."""


def _overlaps(a: Mark, b: Mark) -> bool:
    return a.start < b.end and b.start < a.end


def _nests(inner: Mark, outer: Mark) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def paragraph_html(text: str, quotes: Iterable[Mark], acronyms: Iterable[Mark]) -> str:
    """``text`` as escaped HTML with the quotes and acronyms wrapped in their tags.

    Marks outside the text are dropped, as are a quote overlapping an earlier quote, an
    acronym crossing a quote's edge, and an acronym overlapping an earlier acronym, so
    the result is always well-formed.

    >>> q = Mark(1, 6, '<q>', '</q>')
    >>> paragraph_html('"Hello <world>", said A.', [q], [Mark(0, 99, "<b>", "</b>")])
    '&quot;<q>Hello</q> &lt;world&gt;&quot;, said A.'
    """
    kept: list[Mark] = []
    for mark in sorted(quotes, key=lambda m: (m.start, m.end)):
        if 0 <= mark.start < mark.end <= len(text) and not any(_overlaps(mark, k) for k in kept):
            kept.append(mark)
    outer = list(kept)
    inner: list[Mark] = []
    for mark in sorted(acronyms, key=lambda m: (m.start, m.end)):
        if not 0 <= mark.start < mark.end <= len(text):
            continue
        crosses = any(_overlaps(mark, q) and not _nests(mark, q) for q in outer)
        if not crosses and not any(_overlaps(mark, k) for k in inner):
            inner.append(mark)
    # Properly nested now: at one offset, close inner before outer, then open outer
    # before inner (the longer mark first).
    events: list[tuple[int, int, int, int, str]] = []
    for rank, marks in enumerate((outer, inner)):
        for mark in marks:
            events.append((mark.start, 1, -mark.end, rank, mark.open))
            events.append((mark.end, 0, -mark.start, -rank, mark.close))
    events.sort(key=lambda event: event[:4])
    pieces: list[str] = []
    position = 0
    for offset, *_, tag in events:
        pieces.append(escape(text[position:offset]))
        pieces.append(tag)
        position = offset
    pieces.append(escape(text[position:]))
    return "".join(pieces)


def _names(byline: Mapping[str, Any], plural: str, singular: str) -> list[str]:
    names = byline.get(plural)
    if isinstance(names, list):
        return [str(name) for name in names if name]
    name = byline.get(singular)
    return [str(name)] if name else []


def _enrichment(data: Mapping[str, Any], kind: str) -> Mapping[str, Any]:
    for enrichment in data.get("enrichments") or ():
        if isinstance(enrichment, Mapping) and enrichment.get("kind") == kind:
            return enrichment
    return {}


def _int(value: Any, default: int = -1) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def article_page(
    data: Mapping[str, Any],
    *,
    speaker_url: Callable[[str], str],
    acronym_url: Callable[[str], str],
) -> dict[str, Any]:
    """What the article page template shows, from the article's JSON form ``data``.

    :param speaker_url: the address of a speaker's page, given the name.
    :param acronym_url: the address of an acronym's page, given the acronym.
    """
    paragraphs: Sequence[str] = [str(p) for p in data.get("paragraphs") or ()]
    quotes = [q for q in _enrichment(data, "quotes").get("quotes") or () if isinstance(q, dict)]
    acronyms = [
        a for a in _enrichment(data, "acronyms").get("acronyms") or () if isinstance(a, dict)
    ]
    by_paragraph: dict[int, list[Mark]] = {}
    speakers_by_paragraph: dict[int, list[tuple[str, bool]]] = {}
    for quote in quotes:
        index = _int(quote.get("paragraph"))
        speaker = quote.get("speaker")
        direct = bool(quote.get("direct"))
        kind = "direct" if direct else "reported"
        label = f"{'Said' if direct else 'Reported'} by {speaker or 'an unnamed speaker'}"
        by_paragraph.setdefault(index, []).append(
            Mark(
                _int(quote.get("start")),
                _int(quote.get("end")),
                f'<span class="quote {kind}" title="{escape(label)}">',
                "</span>",
            )
        )
        if speaker and (str(speaker), direct) not in speakers_by_paragraph.get(index, []):
            speakers_by_paragraph.setdefault(index, []).append((str(speaker), direct))
    acronym_marks: dict[int, list[Mark]] = {}
    for acronym in acronyms:
        part, _, number = str(acronym.get("field") or "").partition(".")
        if part != "paragraphs" or not number.isdigit():
            continue
        meaning = f"{acronym.get('short')}: {acronym.get('long')}"
        acronym_marks.setdefault(int(number), []).append(
            Mark(
                _int(acronym.get("start")),
                _int(acronym.get("end")),
                f'<abbr class="acronym" title="{escape(meaning)}">',
                "</abbr>",
            )
        )
    rendered = []
    for index, text in enumerate(paragraphs):
        html = paragraph_html(text, by_paragraph.get(index, ()), acronym_marks.get(index, ()))
        said = speakers_by_paragraph.get(index, [])
        rendered.append(
            {
                "html": html,
                "speakers": [
                    {"name": name, "url": speaker_url(name), "direct": direct}
                    for name, direct in said
                ],
                "quoted": any(direct for _, direct in said),
            }
        )
    counts = Counter(str(q["speaker"]) for q in quotes if q.get("speaker"))
    byline = data.get("byline") or {}
    caption = data.get("caption") or {}
    image = data.get("image") or {}
    dateline = data.get("dateline") or {}
    syndication = data.get("syndication") or {}
    copyright_ = data.get("copyright") or {}
    source = data.get("source") or {}
    dates = _enrichment(data, "dates")
    title: str | None = data.get("title")
    seen: set[tuple[str, str]] = set()
    acronym_list = []
    for acronym in acronyms:
        key = (str(acronym.get("short")), str(acronym.get("long")))
        if key not in seen:
            seen.add(key)
            acronym_list.append({"short": key[0], "long": key[1], "url": acronym_url(key[0])})
    return {
        "id": data.get("id"),
        "title": title or (paragraphs[0][:80] + "…" if paragraphs else data.get("id")),
        "untitled": not title,
        "published": data.get("published_at") or dates.get("published"),
        "place": dateline.get("city"),
        "region": dateline.get("region"),
        "agency": dateline.get("agency"),
        "reporters": _names(byline, "reporters", "reporter"),
        "editors": _names(byline, "editors", "editor"),
        "language": data.get("language"),
        "section": data.get("section"),
        "url": data.get("url"),
        "summary": data.get("summary"),
        "tags": [str(tag) for tag in data.get("tags") or ()],
        "caption": caption.get("text") or image.get("caption"),
        "credit": caption.get("credit") or image.get("credit"),
        "paragraphs": rendered,
        "signoff": data.get("signoff"),
        "speakers": [
            {"name": name, "quotes": count, "url": speaker_url(name)}
            for name, count in counts.most_common()
        ],
        "quote_count": len(quotes),
        "acronyms": acronym_list,
        "syndication": syndication,
        "copyright": copyright_,
        "problems": [
            {
                "code": p.get("code"),
                "message": p.get("message"),
                "line": p.get("line"),
            }
            for p in data.get("problems") or ()
            if isinstance(p, dict)
        ],
        "source": source,
    }

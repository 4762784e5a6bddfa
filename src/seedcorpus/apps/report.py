"""A one-page report on a corpus: counts and charts, as numbers (JSON) or self-contained
HTML (charts as inline SVG drawn by matplotlib, the ``report`` extra; each chart has its
numbers in a table beside it, and without matplotlib the tables alone are written).

The numbers come from one lenient pass over the corpus: articles per month (by the
``dates`` enrichment), languages, tags, editors and reporters, speakers (``quotes``),
acronyms (``acronyms``), dateline places, problems by code, and duplicate clusters and
republications (:mod:`seedcorpus.duplicates`).
"""

from __future__ import annotations

import html
import io
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from seedcorpus.duplicates import Duplicates, Record, find_in_records, record
from seedcorpus.flat import byline_names, enrichment_data, published_date, speakers
from seedcorpus.models import Article, Problem

__all__ = ["TOP", "Report", "charts_available", "collect", "render_html"]

TOP = 15
"""How many of the most frequent values a ranked section lists."""


@attrs.frozen
class Report:
    """The numbers of a report."""

    name: str
    """What the corpus is called (its folder or file name)."""
    articles: int
    """Articles read."""
    months: tuple[tuple[str, int], ...]
    """Articles per ``YYYY-MM`` of publication, in time order (``unknown`` last)."""
    ranked: dict[str, tuple[tuple[str, int], ...]]
    """Each ranked section's most frequent values with their counts: ``languages``,
    ``tags``, ``editors``, ``reporters``, ``speakers``, ``acronyms``, ``places``,
    ``problems``."""
    duplicates: Duplicates
    """Copies found (exact only without ``datasketch``)."""

    def to_json(self) -> dict[str, Any]:
        """The numbers as JSON (what ``seedcorpus report --json`` prints)."""
        clusters = self.duplicates.clusters
        return {
            "name": self.name,
            "articles": self.articles,
            "months": dict(self.months),
            **{key: dict(values) for key, values in self.ranked.items()},
            "duplicates": {
                "near": self.duplicates.near,
                "clusters": len(clusters),
                "exact": sum(c.kind == "exact" for c in clusters),
                "articles_in_clusters": sum(len(c.ids) for c in clusters),
                "largest": [
                    {"kind": c.kind, "ids": list(c.ids)} for c in sorted(clusters, key=_size)[:TOP]
                ],
                "republications": len(self.duplicates.republications),
            },
        }


def _size(cluster: Any) -> int:
    return -len(cluster.ids)


_SECTIONS = {
    "languages": "Languages (declared)",
    "tags": "Top tags",
    "editors": "Top editors",
    "reporters": "Top reporters",
    "speakers": "Top speakers (quotes enrichment)",
    "acronyms": "Top acronyms (acronyms enrichment)",
    "places": "Dateline places",
    "problems": "Problems by code",
}


def collect(
    name: str, articles: Iterable[Article], problems: list[Problem], *, near: bool = True
) -> Report:
    """Count everything in one pass over ``articles``; ``problems`` holds (and gets) the
    problems met while reading them, counted by code at the end."""
    counts: dict[str, Counter[str]] = {key: Counter() for key in (*_SECTIONS, "months")}
    total = 0

    def tally() -> Iterator[Record]:
        nonlocal total
        for article in articles:
            total += 1
            date = published_date(article)
            counts["months"][date[:7] if date else "unknown"] += 1
            counts["languages"][article.language or "none"] += 1
            counts["tags"].update(article.tags)
            counts["editors"].update(byline_names(article.byline, "editor"))
            counts["reporters"].update(byline_names(article.byline, "reporter"))
            # Articles, not mentions: a speaker quoted ten times in one story counts once.
            counts["speakers"].update(set(speakers(article)))
            found = enrichment_data(article, "acronyms") or {}
            counts["acronyms"].update({a["short"] for a in found.get("acronyms", ())})
            if article.dateline is not None:
                counts["places"][article.dateline.city] += 1
            yield record(article)

    duplicates = find_in_records(tally(), near=near)
    counts["problems"].update(problem.code for problem in problems)
    months = sorted(counts.pop("months").items(), key=lambda kv: (kv[0] == "unknown", kv[0]))
    ranked = {key: tuple(counter.most_common(TOP)) for key, counter in counts.items()}
    return Report(name, total, tuple(months), ranked, duplicates)


def charts_available() -> bool:
    """Whether matplotlib (the ``report`` extra) is installed."""
    import importlib.util

    return importlib.util.find_spec("matplotlib") is not None


def _svg(labels: list[str], values: list[int], *, horizontal: bool, key: str) -> str:
    """One bar chart as an inline ``<svg>`` element."""
    import matplotlib

    # Text as text: a smaller page, and selectable.
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": key}):
        svg = _draw(labels, values, horizontal=horizontal)
    # The SVGs inlined in one page share one id namespace: prefix each chart's ids and
    # the references to them.
    prefix = re.sub(r"\W+", "-", key.lower()).strip("-") + "-"
    return _IDS.sub(lambda m: m.group(1) + prefix, svg)


_IDS = re.compile(r'(\bid="|url\(#|href="#)(?=[^"])')


def _draw(labels: list[str], values: list[int], *, horizontal: bool) -> str:
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    height = max(2.4, 0.32 * len(labels) + 0.9) if horizontal else 3.2
    figure = Figure(figsize=(7.2, height), layout="constrained")
    axes = figure.add_subplot()
    if horizontal:
        axes.barh(labels[::-1], values[::-1], color="#3b6ea8")
        axes.set_xlabel("articles")
        axes.tick_params(axis="y", labelsize=9)
    else:
        axes.bar(range(len(labels)), values, color="#3b6ea8", width=0.85)
        step = max(1, len(labels) // 12)  # about a dozen readable date labels
        axes.set_xticks(range(0, len(labels), step), labels[::step], rotation=45, ha="right")
        axes.set_ylabel("articles")
    (axes.xaxis if horizontal else axes.yaxis).set_major_locator(MaxNLocator(integer=True))
    axes.spines[["top", "right"]].set_visible(False)
    axes.grid(axis="x" if horizontal else "y", alpha=0.3)
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None})
    text = buffer.getvalue()
    return text[text.index("<svg") :]  # inline: no XML declaration or doctype


def _table(header: tuple[str, str], rows: Iterable[tuple[str, Any]]) -> str:
    body = "".join(
        f"<tr><td>{html.escape(str(a))}</td><td class=n>{b:,}</td></tr>" for a, b in rows
    )
    return (
        f"<table><thead><tr><th>{header[0]}</th><th class=n>{header[1]}</th></tr></thead>"
        f"<tbody>{body}</tbody></table>"
    )


def _section(title: str, rows: tuple[tuple[str, int], ...], charts: bool, time: bool) -> str:
    if not rows:
        return f"<section><h2>{title}</h2><p class=empty>none in this corpus</p></section>"
    # The time chart shows every month from the first to the last, empty ones as gaps;
    # articles without a date are in the table only.
    plotted = _every_month(rows) if time else rows
    labels, values = [str(r[0]) for r in plotted], [r[1] for r in plotted]
    figure = _svg(labels, values, horizontal=not time, key=title) if charts and plotted else ""
    key = "month" if time else "value"
    return (
        f"<section><h2>{title}</h2><div class=pair><div class=chart>{figure}</div>"
        f"<div class=numbers>{_table((key, 'articles'), rows)}</div></div></section>"
    )


def _every_month(rows: tuple[tuple[str, int], ...]) -> list[tuple[str, int]]:
    counts = {month: n for month, n in rows if month != "unknown"}
    if not counts:
        return []
    year, month = map(int, min(counts).split("-"))
    last, filled = max(counts), []
    while (label := f"{year:04d}-{month:02d}") <= last:
        filled.append((label, counts.get(label, 0)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return filled


_STYLE = """
body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;margin:24px auto;
max-width:1240px;padding:0 16px;color:#1d2733;background:#fff}
h1{font-size:26px;margin:0 0 4px}h2{font-size:18px;margin:0 0 8px}
.summary{color:#44505c;margin-bottom:18px}
section{border-top:1px solid #d8dee4;padding:14px 0}
.pair{display:flex;gap:24px;align-items:flex-start;flex-wrap:wrap}
.chart{flex:1 1 640px;min-width:420px}.chart svg{width:100%;height:auto}
.numbers{max-height:420px;overflow:auto;border:1px solid #eef1f4}
table{border-collapse:collapse;font-size:13px;min-width:260px}
th,td{padding:3px 10px;border-bottom:1px solid #eef1f4;text-align:left}
.n{text-align:right;font-variant-numeric:tabular-nums}
.note,.empty{color:#6a737d}code{font-size:12px}
"""


def render_html(report: Report) -> str:
    """The report as one HTML page that needs nothing from the network."""
    charts = charts_available()
    name = html.escape(report.name)
    parts = [
        f"<!doctype html><html lang=en><head><meta charset=utf-8><title>{name}: corpus "
        f"report</title><style>{_STYLE}</style></head><body>",
        f"<h1>Corpus report: {name}</h1>",
        f"<p class=summary>{report.articles:,} articles. Counts of values in the articles; "
        f"the top {TOP} of each ranking.</p>",
    ]
    if not charts:
        parts.append(
            "<p class=note>Charts need matplotlib: <code>pip install "
            "'seedcorpus[report]'</code>. The numbers are below.</p>"
        )
    parts.append(_section("Articles per month of publication", report.months, charts, True))
    for key, title in _SECTIONS.items():
        parts.append(_section(title, report.ranked[key], charts, False))
    parts.append(_duplicates_section(report))
    parts.append("</body></html>")
    return "\n".join(parts)


def _duplicates_section(report: Report) -> str:
    found = report.duplicates
    clusters = sorted(found.clusters, key=_size)
    kinds = Counter(c.kind for c in clusters)
    how = "exact and near" if found.near else "exact only (install the duplicates extra)"
    rows = "".join(
        f"<tr><td>{c.kind}</td><td class=n>{len(c.ids)}</td>"
        f"<td>{html.escape(', '.join(c.ids[:6]))}{' …' if len(c.ids) > 6 else ''}</td></tr>"
        for c in clusters[:TOP]
    )
    table = (
        "<table><thead><tr><th>kind</th><th class=n>copies</th><th>articles</th></tr>"
        f"</thead><tbody>{rows}</tbody></table>"
        if rows
        else "<p class=empty>no copies found</p>"
    )
    return (
        f"<section><h2>Duplicate clusters</h2><p>{len(clusters):,} clusters "
        f"({kinds['exact']:,} exact, {kinds['near']:,} near; {how}, threshold "
        f"{found.threshold}); {len(found.republications):,} republished articles whose "
        f"original is in the corpus.</p>{table}</section>"
    )

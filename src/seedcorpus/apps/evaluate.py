"""Accuracy harness: per-field exact match of the parser and enrichers against gold data.

A gold file is JSON Lines, one object per article file, in the format of the shared
ANTARA samples (``file``, ``title``, ``language``, ``tags``, ``caption``,
``dateline_city``, ``published``, ``reporter``, ``editor``, ``original_title``,
``copyright_year``, ``paragraph_count``), and optionally the contract-2 fields
``published_at`` (ISO 8601 with its offset), ``signoff`` and ``summary``; a field a row
leaves out is not scored for that row. Run it as::

    python -m seedcorpus.apps.evaluate FOLDER [--gold FOLDER/gold.jsonl]

``published`` is the page's publication date; the text layout has no date line, so it
is expected from the text only where the text carries that day (as ``d/m`` or
``d Month``); elsewhere the right answer is "unknown" (``None``), not a guess.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any

import attrs

from seedcorpus.corpus import run_enrichers
from seedcorpus.decoding import decode
from seedcorpus.models import Article, Caption, Dateline, Source
from seedcorpus.registry import Registry
from seedcorpus.specs import Document
from seedcorpus.text import normalize

__all__ = [
    "FIELDS",
    "FieldScore",
    "PassageScore",
    "evaluate",
    "main",
    "passage_article",
    "passage_report",
    "passage_results",
    "score_passages",
]

_MONTHS = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip


def _printed_caption(article: Article, text: str) -> str | None:
    """The caption as printed, credit included: the source text its spans cover."""
    spans = {span.field: span for span in article.source.spans}
    if article.caption is None or "caption.text" not in spans:
        return None
    end_field = "caption.credit" if "caption.credit" in spans else "caption.text"
    end = spans[end_field].end
    if text[end : end + 1] == ")":  # "(ANTARA FOTO/Name)": the credit's own parentheses
        end += 1
    return normalize(text[spans["caption.text"].start : end])


def _published(article: Article) -> Any:
    dates = article.enrichment("dates")
    return getattr(dates, "published", None)


def text_carries(day: str | None, text: str) -> bool:
    """Whether ``text`` prints the ISO date ``day`` as ``d/m``, ``d Month``, or in a time
    stamp as ``d-m-yyyy`` or ``yyyy-mm-dd``."""
    if day is None:
        return False
    parsed = date.fromisoformat(day)
    forms = (
        rf"(?<!\d)0?{parsed.day}/0?{parsed.month}(?!\d)",
        rf"(?<!\d)0?{parsed.day}\s+{_MONTHS[parsed.month - 1]}",
        # A page's time stamp: "12-03-2015 14:22:11", "2015-03-12 14:22".
        rf"(?<!\d)0?{parsed.day}-0?{parsed.month}-{parsed.year}(?!\d)",
        rf"(?<!\d){parsed.year}-{parsed.month:02d}-{parsed.day:02d}(?!\d)",
    )
    return any(re.search(form, text) for form in forms)


# Each field: how to read it from a parsed article (given the decoded text).
FIELDS: dict[str, Callable[[Article, str], Any]] = {
    "title": lambda a, _: a.title,
    "language": lambda a, _: a.language,
    "tags": lambda a, _: list(a.tags) or None,
    "caption": _printed_caption,
    "dateline_city": lambda a, _: a.dateline.city if a.dateline else None,
    "published": lambda a, _: _published(a),
    "reporter": lambda a, _: a.byline.reporter,
    "editor": lambda a, _: a.byline.editor,
    "original_title": lambda a, _: a.syndication.original_title if a.syndication else None,
    "copyright_year": lambda a, _: a.copyright.year if a.copyright else None,
    "paragraph_count": lambda a, _: len(a.paragraphs),
    "published_at": lambda a, _: a.published_at.isoformat() if a.published_at else None,
    "signoff": lambda a, _: a.signoff,
    "summary": lambda a, _: a.summary,
}
"""The fields compared, and how each is read from an article."""


@attrs.frozen
class FieldScore:
    """Exact-match accuracy of one field."""

    field: str
    """The gold field's name."""
    correct: int
    """Articles whose value matched."""
    total: int
    """Articles compared."""
    misses: tuple[str, ...]
    """One line per mismatch: file, expected, got."""

    @property
    def accuracy(self) -> float:
        """``correct / total`` (1.0 when nothing was compared)."""
        return self.correct / self.total if self.total else 1.0


def _expected(field: str, gold: dict[str, Any], text: str) -> Any:
    value = gold.get(field)
    if field == "published" and not text_carries(value, text):
        return None
    if isinstance(value, str):
        return normalize(value)
    return value


def evaluate(
    folder: str | Path, gold: str | Path | None = None, *, registry: Registry | None = None
) -> list[FieldScore]:
    """Parse and enrich every file listed in the gold file; score each field.

    :param folder: where the article files are.
    :param gold: the gold JSON Lines file (default ``folder/gold.jsonl``).
    """
    root = Path(folder)
    gold_path = Path(gold) if gold else root / "gold.jsonl"
    registry = registry or Registry.load()
    enrichers = registry.select_enrichers("all")
    rows = [json.loads(line) for line in gold_path.read_text("utf-8").splitlines() if line]
    results: dict[str, list[tuple[bool, str]]] = {field: [] for field in FIELDS}
    for row in rows:
        data = (root / row["file"]).read_bytes()
        text, encoding = decode(data)
        source = Source(row["file"], hashlib.sha256(data).hexdigest(), "antara", encoding)
        document = Document(id=Path(row["file"]).stem, text=text, source=source)
        parsed = registry.parser("antara").parse(document)
        article = run_enrichers(parsed, enrichers, registry)
        for field, read in FIELDS.items():
            if field not in row:
                continue
            expected, got = _expected(field, row, text), read(article, text)
            results[field].append(
                (expected == got, f"{row['file']}: expected {expected!r}, got {got!r}")
            )
    return [
        FieldScore(
            field,
            sum(ok for ok, _ in outcomes),
            len(outcomes),
            tuple(line for ok, line in outcomes if not ok),
        )
        for field, outcomes in results.items()
    ]


def report(scores: Iterable[FieldScore]) -> str:
    """A plain-text table of the scores, then every mismatch."""
    scores = list(scores)
    lines = [f"{'field':<16} {'correct':>7} {'total':>5} {'accuracy':>8}"]
    lines += [f"{s.field:<16} {s.correct:>7} {s.total:>5} {s.accuracy:>8.1%}" for s in scores]
    lines += [f"  miss {line}" for s in scores for line in s.misses]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: print the table; exit 1 if any field is below 100%."""
    parser = argparse.ArgumentParser(
        prog="python -m seedcorpus.apps.evaluate", description=__doc__
    )
    parser.add_argument("folder", type=Path, nargs="?")
    parser.add_argument("--gold", type=Path, default=None)
    parser.add_argument(
        "--passages", type=Path, default=None, help="score speakers and acronyms on passages"
    )
    args = parser.parse_args(argv)
    if args.passages is not None:
        passages = score_passages(args.passages)
        print(passage_report(passages))
        return 0 if passages[-1].speakers == passages[-1].acronyms == passages[-1].total else 1
    if args.folder is None:
        parser.error("a folder (or --passages FILE) is required")
    scores = evaluate(args.folder, args.gold)
    print(report(scores))
    return 0 if all(s.accuracy == 1.0 for s in scores) else 1


# --- passages: speakers and acronyms on short hand-labelled texts ----------------------


@attrs.frozen
class PassageScore:
    """Per-passage exact-match accuracy of the speakers and acronyms of one class."""

    name: str
    """The failure class (``weekday``, ``role``, ``acronym-comma``, ...) or ``all``."""
    total: int
    """Passages of the class."""
    speakers: int
    """Passages whose list of direct-quote speakers, in order, is exact."""
    acronyms: int
    """Passages whose map of defined acronyms (short form to long form) is exact."""
    misses: tuple[str, ...] = ()
    """One line per mismatch: passage id, what differed, expected, got."""


def passage_article(row: dict[str, Any]) -> Article:
    """The article a passage row describes: its paragraphs, title, tags, caption and
    dateline city (see ``tests/data/passages/README.md``)."""
    caption = row.get("caption")
    dateline = row.get("dateline")
    return Article(
        id=str(row["id"]),
        source=Source(f"{row['id']}.txt", "0" * 64, "passage"),
        title=row.get("title") or "",
        language="id",
        tags=tuple(row.get("tags") or ()),
        caption=Caption(caption) if caption else None,
        dateline=Dateline(dateline, "ANTARA") if dateline else None,
        paragraphs=tuple(normalize(p) for p in row["paragraphs"]),
    )


def passage_results(
    article: Article, registry: Registry | None = None
) -> tuple[list[str | None], dict[str, str]]:
    """The direct-quote speakers (in order) and the acronym map that the installed
    ``quotes`` and ``acronyms`` enrichers give."""
    registry = Registry.load() if registry is None else registry
    enrichers = registry.select_enrichers(["quotes", "acronyms"])
    enriched = run_enrichers(article, enrichers, registry)
    found = {e.kind: registry.converter.unstructure(e) for e in enriched.enrichments}
    speakers = [q["speaker"] for q in found["quotes"]["quotes"] if q["direct"]]
    defined = {a["short"]: a["long"] for a in found["acronyms"]["acronyms"]}
    return speakers, defined


def score_passages(path: str | Path) -> list[PassageScore]:
    """Run the ``quotes`` and ``acronyms`` enrichers over every passage of the JSON Lines
    file ``path``; score each class, then all passages together (``all``, last)."""
    rows = [json.loads(line) for line in Path(path).read_text("utf-8").splitlines() if line]
    registry = Registry.load()
    outcomes: dict[str, list[tuple[bool, bool, list[str]]]] = {}
    for row in rows:
        speakers, defined = passage_results(passage_article(row), registry)
        misses = []
        if speakers != row["speakers"]:
            misses.append(f"{row['id']}: speakers expected {row['speakers']!r}, got {speakers!r}")
        if defined != row["acronyms"]:
            misses.append(f"{row['id']}: acronyms expected {row['acronyms']!r}, got {defined!r}")
        outcome = (speakers == row["speakers"], defined == row["acronyms"], misses)
        for name in [*row["classes"], "all"]:
            outcomes.setdefault(name, []).append(outcome)
    names = [*sorted(set(outcomes) - {"all"}), "all"]
    return [
        PassageScore(
            name,
            len(outcomes.get(name, [])),
            sum(s for s, _, _ in outcomes.get(name, [])),
            sum(a for _, a, _ in outcomes.get(name, [])),
            tuple(line for _, _, m in outcomes.get(name, []) for line in m)
            if name == "all"
            else (),
        )
        for name in names
    ]


def passage_report(scores: Iterable[PassageScore]) -> str:
    """A plain-text table of the passage scores by class, then every mismatch."""
    scores = list(scores)
    lines = [f"{'class':<20} {'passages':>8} {'speakers':>9} {'acronyms':>9}"]
    for s in scores:
        speakers = s.speakers / s.total if s.total else 1.0
        acronyms = s.acronyms / s.total if s.total else 1.0
        lines.append(f"{s.name:<20} {s.total:>8} {speakers:>9.1%} {acronyms:>9.1%}")
    lines += [f"  miss {line}" for s in scores for line in s.misses]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())

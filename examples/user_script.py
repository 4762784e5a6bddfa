"""What a user of seedcorpus writes, type-checked by ``mypy --strict`` (``nox -s typing``).

It starts with the README's example, kept identical (a test compares them), then the
calls people make most. Run it from the repository root: ``python examples/user_script.py``.
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

# --- the README example ---
import seedcorpus
from seedcorpus.default_plugins.dates import Dates

corpus = seedcorpus.open_corpus("seeds")
for article in corpus.enrich(["dates", "quotes"]):
    dates = article.enrichment(Dates)  # typed: Dates | None
    print(article.title, dates.published if dates else None)
# --- end of the README example ---

from seedcorpus.default_plugins.quotes import Quotes  # noqa: E402
from seedcorpus.default_plugins.stats import Stats  # noqa: E402


def first_published(source: seedcorpus.ArticleSource) -> date | None:
    """Any corpus, folder or export, through the interface both kinds share; the
    ``dates`` enrichment gives ``published`` as ISO 8601 text (``YYYY-MM-DD``)."""
    for article in source.enrich("dates"):
        found = article.enrichment(Dates)
        if found is not None and found.published is not None:
            return date.fromisoformat(found.published)
    return None


def speakers(article: seedcorpus.Article) -> list[str]:
    """Typed access to a list inside an enrichment."""
    quotes = article.enrichment(Quotes)
    return [q.speaker for q in quotes.quotes if q.speaker] if quotes else []


def main() -> None:
    """The common calls, on the seed corpus."""
    print(len(corpus), corpus.ids()[:3])
    article = corpus[corpus.ids()[0]]
    reporters: tuple[str, ...] = article.byline.reporters
    editor: str | None = article.byline.editor
    print(article.title or "(untitled)", reporters, editor, article.published_at)
    print(article.text[:80], article.metadata.get("source", "-"))

    enriched = corpus.enrich("all")
    stats = enriched[article.id].enrichment(Stats)
    words: int = stats.words if stats is not None else 0
    print(words, speakers(enriched[article.id]), first_published(corpus))

    problems: list[seedcorpus.Problem] = []
    kept = [a.id for a in corpus.articles(problems)]
    print(kept, [f"{p.path}:{p.line}: {p.message}" for p in problems])

    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "seeds.sqlite"
        report: seedcorpus.ExportReport = enriched.export("sqlite", database)
        print(report.articles, report.seconds)
        hits: list[seedcorpus.SearchHit] = seedcorpus.search(database, "pelayanan publik")
        for hit in hits:
            print(hit.id, hit.title or "(untitled)", hit.snippet, hit.score)
        exported = seedcorpus.open_corpus(database)  # the same typed articles, read back
        print(first_published(exported), article.id in exported)

    try:
        corpus.export("no-such-format", "out.x")
    except seedcorpus.UnknownPluginError as error:
        print(error)  # lists the installed exporters


if __name__ == "__main__":
    main()

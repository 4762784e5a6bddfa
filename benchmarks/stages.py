"""What each stage of a build costs an article: the table "The build, stage by stage".

    python benchmarks/stages.py CORPUS [--rounds 5]

CORPUS is a corpus folder (``seedcorpus synth CORPUS -n 2000`` makes the one the docs
use). Each stage runs over every article of the corpus as one batch, in CPU time
(``time.process_time``), so that the clock is read twice a batch and other jobs on a
shared machine count less; the garbage collector is off during a batch, since a batch's
results stay alive and its passes over them would be counted, which a streaming build
does not pay. Printed: the lowest and the median of the rounds, µs an article, as
Markdown table rows.

The stages are timed alone, then together as the build runs them: the whole costs more
than its parts, since on each article every stage evicts the others' data from the
caches.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import seedcorpus
from seedcorpus.decoding import decode_article
from seedcorpus.enriching import run_enrichers
from seedcorpus.manifest.files import read_entry_bytes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    options = parser.parse_args()
    root: Path = options.corpus
    corpus = seedcorpus.open_corpus(root)
    for spec in corpus.enrich("all").enrichers:
        if spec.prepare is not None:  # lingua's models: loaded once per process in use
            spec.prepare()
    articles = len(corpus)
    figures: dict[str, list[float]] = {}

    def timed(stage: str, work: Callable[[], Any]) -> Any:
        gc.disable()
        start = time.process_time()
        result = work()
        spent = time.process_time() - start
        gc.enable()
        figures.setdefault(stage, []).append(spent / articles * 1e6)
        return result

    with tempfile.TemporaryDirectory() as folder:
        for _ in range(options.rounds):
            one_round(corpus, Path(folder) / "out.sqlite", timed)
    print("| stage | lowest | median |\n| --- | ---: | ---: |")
    for stage, values in figures.items():
        print(f"| {stage} | {min(values):.0f} | {statistics.median(values):.0f} |")


def one_round(corpus: Any, output: Path, timed: Callable[[str, Callable[[], Any]], Any]) -> None:
    """Every stage once, each over the whole corpus."""
    root, registry = corpus.root, corpus.registry
    entries = list(corpus.manifest.entries)
    enriched_view = corpus.enrich("all")
    data = timed("read and verify", lambda: [read_entry_bytes(root, e) for e in entries])
    pairs = list(zip(data, entries, strict=True))
    timed("decode", lambda: [decode_article(d, path=e.file) for d, e in pairs])
    articles = timed("typed parse, whole (read, decode, parse)", lambda: list(corpus))
    for spec in enriched_view.enrichers:
        timed(
            f"enricher `{spec.name}` alone",
            lambda spec=spec: [run_enrichers(a, (spec,), registry) for a in articles],
        )
    enriched = timed(
        "all enrichers, as the build runs them",
        lambda: [run_enrichers(a, enriched_view.enrichers, registry) for a in articles],
    )
    write = registry.exporter("sqlite").write
    timed(
        "SQLite writer, from typed articles",
        lambda: write(iter(enriched), output, registry.converter),
    )
    output.unlink()
    timed(
        "the whole build (`export('sqlite')` of the enriched view)",
        lambda: enriched_view.export("sqlite", output, force=True),
    )
    output.unlink()


if __name__ == "__main__":
    main()

"""Run an enricher in fresh interpreters under other ``PYTHONHASHSEED`` values.

Within one process a set of strings always iterates in the same order, so an enricher
whose output follows set order looks deterministic to any in-process test, yet gives
another result in the next process (a parallel build's worker, tomorrow's run). Only
another interpreter, with another hash seed, shows it. :func:`enrich_under_seeds` starts
one per seed, hands it the enricher (by its import name) and the articles (as JSON), and
returns each article's outcome, for :func:`~seedcorpus.testing.check_enricher` to
compare with its own.
"""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from typing import Any

from cattrs import Converter

from seedcorpus.models import Article
from seedcorpus.plugins import describe_error
from seedcorpus.serialization import article_from_json, make_converter

__all__ = ["enrich_under_seeds", "import_name", "outcome"]


def _resolve(name: str) -> Any:
    module, _, qualname = name.partition(":")
    found: Any = importlib.import_module(module)
    for part in qualname.split("."):
        found = getattr(found, part)
    return found


def import_name(thing: object) -> str | None:
    """``module:qualname`` that imports ``thing`` in another process, or ``None`` if
    there is none (a lambda, a function made inside another, a ``partial``)."""
    module = getattr(thing, "__module__", None)
    qualname = getattr(thing, "__qualname__", None)
    if not module or not qualname or "<" in qualname or module == "__main__":
        return None
    name = f"{module}:{qualname}"
    try:
        return name if _resolve(name) is thing else None
    except Exception:  # not importable by that name: checked in this process only
        return None


def outcome(enrich: Callable[[Article], object], article: Article, converter: Converter) -> str:
    """What ``enrich`` gives for ``article``, as text to compare: the enrichment's JSON
    form, or the error it raised."""
    try:
        enrichment = enrich(article)
    except Exception as error:
        return f"raised {describe_error(error)}"
    try:
        return json.dumps(converter.unstructure(enrichment), ensure_ascii=False)
    except Exception:  # not JSON at all: the other checks report that
        return repr(enrichment)


def enrich_under_seeds(
    enrich: str, types: Sequence[str], articles: Sequence[str], seeds: Sequence[int]
) -> dict[int, list[str]]:
    """Run the enricher ``enrich`` (an :func:`import_name`) on ``articles`` (JSON texts)
    in one fresh interpreter per hash seed, all at once; the outcomes by seed.

    The interpreters get this process's ``sys.path``, so they import what it imports.

    :raises AssertionError: if an interpreter fails (naming the seed and its error).
    """
    payload = json.dumps({"enrich": enrich, "types": list(types), "articles": list(articles)})
    path = os.pathsep.join(entry for entry in sys.path if entry)
    script = "from seedcorpus.testing.hashseeds import main; main()"
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", script],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env={**os.environ, "PYTHONPATH": path, "PYTHONHASHSEED": str(seed)},
        )
        for seed in seeds
    ]
    results: dict[int, list[str]] = {}
    for seed, process in zip(seeds, processes, strict=True):
        out, err = process.communicate(payload.encode("utf-8"))
        if process.returncode != 0:
            last = (err.decode("utf-8", "replace").strip().splitlines() or ["no output"])[-1]
            raise AssertionError(
                f"could not run {enrich} under PYTHONHASHSEED={seed}: {last}; "
                "pass hash_seeds=() to check in this process only"
            )
        results[seed] = json.loads(out)
    return results


def main() -> None:
    """The other interpreter's side: JSON in on standard input, outcomes out."""
    payload = json.load(sys.stdin)
    enrich = _resolve(payload["enrich"])
    converter = make_converter(tuple(_resolve(name) for name in payload["types"]))
    outcomes = [
        outcome(enrich, article_from_json(text, converter), converter)
        for text in payload["articles"]
    ]
    json.dump(outcomes, sys.stdout)

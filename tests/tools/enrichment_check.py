"""Compare enricher output and CPU cost between two versions of seedcorpus.

Not a test: a tool for performance work that must not change any output.

``python tests/tools/enrichment_check.py dump OUT.json FOLDER...`` parses every ``*.txt``
under the folders with the ANTARA parser, runs the enrichers named by ``--enrichers``
(default ``quotes,dates,stats``) and writes their results as JSON, one line per article
and enricher, so two dumps made with different code can be compared with ``cmp``.

``python tests/tools/enrichment_check.py time FOLDER... --old SRC`` times each enricher
(and the parser) per article in CPU time (:func:`time.process_time`), each article going
through the enrichers in turn as in a build, alternating runs
of the current code and of the code under ``SRC`` (e.g. a ``git archive`` of the commit
before, unpacked) in fresh processes: old, new, old, new, ... It prints the median over
the runs of each side and the median of the paired ratios.

``python tests/tools/enrichment_check.py icount FOLDER... --old SRC`` counts the machine
instructions (valgrind's callgrind) of the same work, old and new: the count does not
depend on the machine's load, so a change of 1 % shows, where the CPU times of a shared
machine vary by 5 %. It is slow (about a minute for 300 articles): give a small folder,
or ``--limit``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any


def _documents(folders: list[str]) -> list[Any]:
    from seedcorpus.decoding import decode
    from seedcorpus.models import Source
    from seedcorpus.specs import Document

    documents = []
    for folder in folders:
        for path in sorted(Path(folder).rglob("*.txt")):
            data = path.read_bytes()
            text, encoding = decode(data)
            source = Source(str(path), hashlib.sha256(data).hexdigest(), "antara", encoding)
            documents.append(Document(id=path.stem, text=text, source=source))
    return documents


def _enrich_functions(names: list[str]) -> dict[str, Any]:
    import importlib

    return {
        name: importlib.import_module(f"seedcorpus.default_plugins.{name}").enrich
        for name in names
    }


def dump(out: str, folders: list[str], names: list[str]) -> None:
    """Write every enricher's results on every article to ``out``; a file that does not
    parse gets a line with the error, and the dump goes on."""
    from seedcorpus.errors import SeedcorpusError
    from seedcorpus.registry import Registry
    from seedcorpus.serialization import data_to_json, make_converter

    registry = Registry.load()
    parse = registry.parser("antara").parse
    converter = make_converter()
    functions = _enrich_functions(names)
    with open(out, "w", encoding="utf-8") as file:
        for document in _documents(folders):
            try:
                article = parse(document)
            except SeedcorpusError as error:
                file.write(f"{document.source.path}\tnot parsed\t{error}\n")
                continue
            for name, enrich in functions.items():
                result = converter.unstructure(enrich(article))
                file.write(f"{document.source.path}\t{name}\t{data_to_json(result)}\n")


def measure(folders: list[str], names: list[str]) -> dict[str, float]:
    """CPU µs per article of the parser and of each enricher, in this process."""
    import gc

    from seedcorpus.registry import Registry

    parse = Registry.load().parser("antara").parse
    documents = _documents(folders)
    functions = _enrich_functions(names)
    gc.collect()
    gc.disable()
    figures: dict[str, float] = {}
    started = time.process_time()
    articles = [parse(document) for document in documents]
    figures["parser"] = (time.process_time() - started) / len(documents) * 1e6
    registry = Registry.load()
    for name in functions:  # models loaded once, as a long build has them
        prepare = getattr(registry.enrichers[name], "prepare", None)
        if prepare is not None:
            prepare()
    for article in articles[:50]:  # warm caches as a long build would
        for enrich in functions.values():
            enrich(article)
    # Each article through the enrichers one after the other, as a build runs them (in
    # the order given), so that what they share is shared.
    clock = time.process_time
    spent = dict.fromkeys(functions, 0.0)
    for article in articles:
        for name, enrich in functions.items():
            started = clock()
            enrich(article)
            spent[name] += clock() - started
    for name, seconds in spent.items():
        figures[name] = seconds / len(articles) * 1e6
    figures["enrichers"] = sum(spent.values()) / len(articles) * 1e6
    return figures


def _run_only(folders: list[str], names: list[str], limit: int, enrich: bool) -> None:
    """Parse the first ``limit`` articles and, if ``enrich``, run the enrichers once on
    each, in the order of a build; the part to count for :func:`icount`."""
    from seedcorpus.registry import Registry

    parse = Registry.load().parser("antara").parse
    articles = [parse(document) for document in _documents(folders)[:limit]]
    functions = _enrich_functions(names)
    if enrich:
        for article in articles:
            for function in functions.values():
                function(article)


def _instructions(command: list[str], env: dict[str, str]) -> int:
    """The instructions callgrind counts for ``command``."""
    output = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
        env=env,
        capture_output=True,
        check=True,
        text=True,
    )
    for line in output.stderr.splitlines():
        if "Collected :" in line:
            return int(line.split()[-1])
    raise RuntimeError("callgrind printed no count")


def icount(folders: list[str], names: list[str], old: str, limit: int) -> None:
    """Instructions per article of the enrichers, old and new (the parse and the start
    are counted apart and taken off)."""
    here = str(Path(__file__).resolve())
    counts = {}
    for side in ("old", "new"):
        env = dict(os.environ)
        if side == "old":
            env["PYTHONPATH"] = old
        base = [sys.executable, here, "run", *folders, "--enrichers", ",".join(names)]
        base += ["--limit", str(limit)]
        full = _instructions([*base, "--enrich"], env)
        counts[side] = full - _instructions(base, env)
    articles = min(limit, len(_documents(folders)))
    print("| enrichers | old k instructions/article | new | old/new |")
    print("|---|---:|---:|---:|")
    print(
        f"| {','.join(names)} | {counts['old'] / articles / 1e3:.0f} "
        f"| {counts['new'] / articles / 1e3:.0f} | {counts['old'] / counts['new']:.3f} |"
    )


def compare(folders: list[str], names: list[str], old: str, pairs: int) -> None:
    """Paired runs in fresh processes, old then new; print per-article figures."""
    here = str(Path(__file__).resolve())
    command = [sys.executable, here, "measure", *folders, "--enrichers", ",".join(names)]
    sides: dict[str, list[dict[str, float]]] = {"old": [], "new": []}
    for _ in range(pairs):
        for side in ("old", "new"):
            env = dict(os.environ)
            if side == "old":
                env["PYTHONPATH"] = old
            output = subprocess.run(command, env=env, capture_output=True, check=True, text=True)
            sides[side].append(json.loads(output.stdout))
    print("| step | old µs/article | new µs/article | speed-up (median of pairs) |")
    print("|---|---:|---:|---:|")
    for key in sides["old"][0]:
        olds = [run[key] for run in sides["old"]]
        news = [run[key] for run in sides["new"]]
        if not all(news):  # "enrichers" with none asked for (timing the parser alone)
            continue
        ratio = statistics.median(o / n for o, n in zip(olds, news, strict=True))
        print(
            f"| {key} | {statistics.median(olds):.1f} | {statistics.median(news):.1f} "
            f"| {ratio:.2f}× |"
        )


def main() -> None:
    """Parse the command line and run one of ``dump``, ``measure`` or ``time``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["dump", "measure", "time", "icount", "run"])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--enrichers", default="quotes,dates,stats")
    parser.add_argument("--old", help="source folder of the old code (for time)")
    parser.add_argument("--pairs", type=int, default=5)
    parser.add_argument("--limit", type=int, default=300, help="articles (icount)")
    parser.add_argument("--enrich", action="store_true", help="(run) run the enrichers")
    args = parser.parse_args()
    names = [name for name in args.enrichers.split(",") if name]
    if args.action == "dump":
        dump(args.paths[0], args.paths[1:], names)
    elif args.action == "measure":
        print(json.dumps(measure(args.paths, names)))
    elif args.action == "run":
        _run_only(args.paths, names, args.limit, args.enrich)
    elif args.action == "icount":
        icount(args.paths, names, args.old, args.limit)
    else:
        compare(args.paths, names, args.old, args.pairs)


if __name__ == "__main__":
    main()

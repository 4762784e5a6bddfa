"""Benchmark seedcorpus against the floor of reading the bytes, NLTK and HF datasets.

Run it with ``nox -s bench`` (sizes 10k and 100k), ``nox -s bench -- --sizes 1000000``,
or ``python benchmarks/bench.py --quick`` (a 2,000-article smoke run). It prints one
Markdown table per corpus size and asserts nothing. See ``docs/performance.md``.

How it measures:

* Corpora come from :func:`seedcorpus.apps.synth.synth_corpus` and are cached in
  ``--cache`` (``.bench/``).
* Every case is measured in a fresh subprocess, so peak RSS (``VmHWM`` of
  ``/proc/self/status``; ``ru_maxrss`` where there is no ``/proc``) belongs to that case
  alone. A figure is the
  median of ``--runs`` runs (default 5, and 3 from 100k articles up), made one after
  the other in that process; ``open_corpus`` takes a new process for every run.
* ``--cases`` picks cases; ``--profile CASE`` runs one under cProfile instead.
* The floor is reading every file's bytes, measured in the same run after a warm-up
  pass that fills the page cache; every rate is also given as a ratio to it.
* A time budget per case (``--case-seconds``) keeps the whole run short: a case whose
  full pass would not fit processes only the first articles of the corpus, the same
  number in every run, and the table says how many. ``--full`` lifts the budget.
* Every case opens the corpus as :func:`seedcorpus.open_corpus` does (reading
  ``INDEX.md``) and times only the work after that; the ``open_corpus`` row shows the
  cost of opening. The whole manifest is in memory, as it is for any user.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import dataclasses
import gc
import importlib.util
import json
import os
import pickle
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# HF datasets must never reach for the network; set before it is imported anywhere.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SIZES = (10_000, 100_000)
QUICK_SIZE = 2_000
LOOKUPS = 200
"""How many ``corpus[id]`` lookups one run times."""

ROWS = (
    "floor: read every file's bytes",
    "typed parse, 1 core",
    "parse + all enrichers",
    "build SQLite + FTS5 (API, 1 core)",
    "seedcorpus build --jobs 1",
    "seedcorpus build --jobs 2",
    "JSONL export",
    "corpus[id] (median latency)",
    "open_corpus (read INDEX.md)",
    "streaming iteration (parse)",
    "holding every article in a list",
    "NLTK PlaintextCorpusReader.paras()",
    "HF load_dataset, cold",
    "HF load_dataset, cached",
)
"""The rows every table has, in order (a case that cannot run says why in its row)."""


# --- measuring inside a child process ---------------------------------------------------


@dataclass
class Job:
    """What a child process is asked to measure."""

    root: Path
    """The corpus folder."""
    k: int
    """At most this many articles a run."""
    seconds: float
    """If not 0, the first run stops after this long and the others do as many articles."""
    runs: int
    """Runs, each timed on its own."""
    work: Path
    """A scratch folder for outputs."""
    jobs: int = 1
    """``--jobs`` for the command line case."""
    hf_cache: Path = Path()
    """The HF datasets cache folder."""
    manifest: Path | None = None
    """A pickled manifest to use instead of the corpus's."""


def _peak_rss_mib() -> float:
    """Peak RSS of this process or, if larger, of its largest child, in MiB (Linux: KiB)."""
    own = _own_peak_kib() or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def _own_peak_kib() -> int:
    """This process's peak RSS since it started, in KiB, from /proc (0 where there is
    none). Linux's ``ru_maxrss`` carries the peak of the parent across fork and exec: a
    case started by a driver that generated a 100,000-article corpus would report the
    driver's 330 MiB."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _current_rss_bytes() -> int:
    """The resident set size now (not the peak), from /proc; 0 where there is none."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        return 0


def _release_free_memory() -> None:
    """Collect garbage and hand free heap pages back to the OS, so that the RSS measured
    next counts live objects, not memory freed earlier and kept by malloc."""
    gc.collect()
    # Without glibc there is nothing to trim, and the measure is a little coarser.
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def _manifest(root: Path) -> Any:
    from seedcorpus.manifest import read_manifest

    return read_manifest(root)


def _corpus(root: Path, manifest: Any = None, k: int | None = None) -> Any:
    """The corpus at ``root`` as open_corpus makes it (or from ``manifest``); with
    ``k``, a corpus of its first ``k`` articles."""
    import attrs

    from seedcorpus import Corpus, Registry

    manifest = manifest or _manifest(root)
    if k is not None and k < len(manifest.entries):
        return Corpus(root, attrs.evolve(manifest, entries=manifest.entries[:k]), Registry.load())
    return Corpus(root, manifest, Registry.load())


def _iterate(articles: Iterable[Any], k: int, seconds: float) -> tuple[int, float]:
    """Consume up to ``k`` articles, or stop after ``seconds`` (0: no limit); return how
    many were consumed and the time taken."""
    count = 0
    started = time.perf_counter()
    deadline = started + seconds if seconds else float("inf")
    for _ in articles:
        count += 1
        # Checking the clock every 16 articles keeps its cost out of the figure.
        if count >= k or (count & 15 == 0 and time.perf_counter() > deadline):
            break
    return count, time.perf_counter() - started


def _repeat(job: Job, once: Callable[[int, float], dict[str, Any]]) -> list[dict[str, Any]]:
    """Run ``once(k, seconds)`` ``job.runs`` times; after a first run cut short by the
    time limit, the others process as many articles as it did."""
    k, seconds = job.k, job.seconds
    results = []
    for _ in range(job.runs):
        result = once(k, seconds)
        results.append(result)
        k, seconds = result["articles"], 0.0
    return results


def child_floor(job: Job) -> list[dict[str, Any]]:
    paths = [os.path.join(job.root, entry.file) for entry in _manifest(job.root).entries[: job.k]]

    def once(k: int, seconds: float) -> dict[str, Any]:
        size = 0
        started = time.perf_counter()
        for path in paths:
            with open(path, "rb") as file:
                size += len(file.read())
        return {"seconds": time.perf_counter() - started, "articles": len(paths), "bytes": size}

    once(0, 0)  # warm the page cache: every case reads the files hot
    return _repeat(job, once)


def child_parse(job: Job) -> list[dict[str, Any]]:
    corpus = _corpus(job.root)
    before = _current_rss_bytes() / 2**20

    def once(k: int, seconds: float) -> dict[str, Any]:
        cpu = time.process_time()
        count, elapsed = _iterate(corpus, k, seconds)
        cpu = time.process_time() - cpu
        return {
            "seconds": elapsed,
            "articles": count,
            "rss_before_mib": before,
            "cpu_seconds": cpu,
        }

    return _repeat(job, once)


def child_enrich(job: Job) -> list[dict[str, Any]]:
    corpus = _corpus(job.root).enrich("all")

    def once(k: int, seconds: float) -> dict[str, Any]:
        count, elapsed = _iterate(corpus, k, seconds)
        return {"seconds": elapsed, "articles": count}

    return _repeat(job, once)


def _export(job: Job, format: str, enrich: str) -> list[dict[str, Any]]:
    view = _corpus(job.root, k=job.k).enrich(enrich)
    destination = job.work / f"out.{format}"

    def once(k: int, seconds: float) -> dict[str, Any]:
        started, cpu = time.perf_counter(), time.process_time()
        report = view.export(format, destination, force=True)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
        return {
            "seconds": elapsed,
            "articles": report.articles,
            "problems": len(report.problems),
            "cpu_seconds": cpu,
        }

    return _repeat(job, once)


def child_sqlite(job: Job) -> list[dict[str, Any]]:
    return _export(job, "sqlite", "all")


def child_jsonl(job: Job) -> list[dict[str, Any]]:
    return _export(job, "jsonl", "none")


def child_cli(job: Job) -> list[dict[str, Any]]:
    from seedcorpus.cli import cli

    entries = _manifest(job.root).entries
    text_bytes = sum(os.path.getsize(job.root / entry.file) for entry in entries)
    output = job.work / "cli.sqlite"
    arguments = ["build", str(job.root), "-o", str(output), "--jobs", str(job.jobs)]

    def once(k: int, seconds: float) -> dict[str, Any]:
        # build updates an existing database incrementally: every run starts afresh.
        output.unlink(missing_ok=True)
        started, cpu = time.perf_counter(), time.process_time()
        try:
            cli.main(args=arguments, prog_name="seedcorpus", standalone_mode=False)
        except SystemExit as stop:  # build exits 1 when there were problems; timing stands
            code = stop.code
        else:
            code = 0
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        return {
            "seconds": seconds,
            # This process's CPU alone: with --jobs 1 the build does all its work here.
            "cpu_seconds": cpu,
            "articles": len(entries),
            "exit": code,
            "db_bytes": output.stat().st_size if output.exists() else 0,
            "text_bytes": text_bytes,
        }

    return _repeat(job, once)


def child_lookup(job: Job) -> list[dict[str, Any]]:
    manifest = _manifest(job.root)
    entries = manifest.entries
    ids = [entries[i * len(entries) // LOOKUPS].id for i in range(LOOKUPS)]

    def once(k: int, seconds: float) -> dict[str, Any]:
        corpus = _corpus(job.root, manifest)
        started = time.perf_counter()
        corpus[ids[0]]  # the first lookup also builds the id index
        first = time.perf_counter() - started
        latencies = []
        for article_id in ids[1:]:
            started = time.perf_counter()
            corpus[article_id]
            latencies.append(time.perf_counter() - started)
        median = statistics.median(latencies)
        return {"seconds": median, "articles": len(latencies), "first_seconds": first}

    return _repeat(job, once)


def child_open(job: Job) -> list[dict[str, Any]]:
    from seedcorpus import Registry, open_corpus

    started = time.perf_counter()
    registry = Registry.load()
    loaded = time.perf_counter()
    corpus = open_corpus(job.root, registry=registry)
    done = time.perf_counter()
    return [
        {"seconds": done - started, "articles": len(corpus), "registry_seconds": loaded - started}
    ]


def child_hold(job: Job) -> list[dict[str, Any]]:
    # A manifest of the k articles alone: the freed memory of a larger one would be
    # reused by the articles and hide what they take.
    assert job.manifest is not None
    with open(job.manifest, "rb") as file:
        corpus = _corpus(job.root, pickle.load(file))
    raw = sum(os.path.getsize(job.root / entry.file) for entry in corpus.manifest.entries)
    # Every run's list stays alive: a run reusing the memory an earlier one freed would
    # not grow the RSS by what its articles take.
    kept: list[list[Any]] = []

    def once(k: int, seconds: float) -> dict[str, Any]:
        _release_free_memory()
        before = _current_rss_bytes()
        started = time.perf_counter()
        held = list(corpus)
        elapsed = time.perf_counter() - started
        gc.collect()
        grown = _current_rss_bytes() - before
        kept.append(held)
        return {"seconds": elapsed, "articles": len(held), "held_bytes": grown, "raw_bytes": raw}

    return _repeat(job, once)


def child_nltk(job: Job) -> list[dict[str, Any]]:
    import nltk
    from nltk.corpus.reader import PlaintextCorpusReader
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    # NLTK only reads below its data paths; its default sentence tokenizer needs the
    # punkt model from the network, so an untrained Punkt (same algorithm) stands in.
    nltk.data.path.append(str(job.root))
    fileids = [entry.file for entry in _manifest(job.root).entries[: job.k]]
    reader = PlaintextCorpusReader(str(job.root), fileids, sent_tokenizer=PunktSentenceTokenizer())

    def paragraphs() -> Iterable[int]:
        for fileid in fileids:
            yield sum(1 for _ in reader.paras(fileid))

    def once(k: int, seconds: float) -> dict[str, Any]:
        count, elapsed = _iterate(paragraphs(), k, seconds)
        return {"seconds": elapsed, "articles": count}

    return _repeat(job, once)


def _hf_load(files: list[str], cache: Path) -> tuple[int, float]:
    import datasets

    started = time.perf_counter()
    dataset = datasets.load_dataset(
        "text", data_files=files, sample_by="document", split="train", cache_dir=str(cache)
    )
    # Loading maps Arrow files; handing every text to Python is the work a parse does.
    texts = dataset.data.column("text").to_pylist()
    return len(texts), time.perf_counter() - started


def _hf_files(job: Job, k: int) -> list[str]:
    import datasets

    datasets.disable_progress_bars()
    datasets.logging.set_verbosity_error()
    return [os.path.join(job.root, entry.file) for entry in _manifest(job.root).entries[:k]]


def child_hf_cold(job: Job) -> list[dict[str, Any]]:
    k = job.k
    if job.seconds:
        # A load cannot be stopped halfway: a small one tells how many files fit.
        count, elapsed = _hf_load(_hf_files(job, min(200, k)), job.hf_cache / "pilot")
        k = min(k, max(100, int(count / elapsed * job.seconds * 0.8)))
    files = _hf_files(job, k)
    runs = iter(range(job.runs))

    def once(k: int, seconds: float) -> dict[str, Any]:
        count, elapsed = _hf_load(files, job.hf_cache / f"cold-{next(runs)}")
        return {"seconds": elapsed, "articles": count}

    return _repeat(dataclasses.replace(job, k=k, seconds=0.0), once)


def child_hf_cached(job: Job) -> list[dict[str, Any]]:
    files = _hf_files(job, job.k)

    def once(k: int, seconds: float) -> dict[str, Any]:
        count, elapsed = _hf_load(files, job.hf_cache)
        return {"seconds": elapsed, "articles": count}

    return _repeat(job, once)


CHILDREN: dict[str, Callable[[Job], list[dict[str, Any]]]] = {
    "floor": child_floor,
    "parse": child_parse,
    "enrich": child_enrich,
    "sqlite": child_sqlite,
    "jsonl": child_jsonl,
    "cli": child_cli,
    "lookup": child_lookup,
    "open": child_open,
    "hold": child_hold,
    "nltk": child_nltk,
    "hf-cold": child_hf_cold,
    "hf-cached": child_hf_cached,
}


ENRICHING = frozenset({"enrich", "sqlite", "cli"})
"""The cases that run every enricher."""


def child_main(arguments: argparse.Namespace) -> None:
    job = Job(
        root=Path(arguments.root),
        k=arguments.k,
        seconds=arguments.seconds,
        runs=arguments.runs or 1,
        work=Path(arguments.work),
        jobs=arguments.jobs,
        hf_cache=Path(arguments.hf_cache),
        manifest=Path(arguments.manifest) if arguments.manifest else None,
    )
    if arguments.warm_root:
        # One untimed run on a small corpus first: imports, compiled patterns and
        # language models are loaded once a process, and a short run would time them.
        # Where the workload enriches, the models are loaded by each enricher's prepare
        # (as a parallel build does before it forks): a plainly Indonesian warm-up corpus
        # needs no lingua. Elsewhere they would only add to the peak RSS measured.
        if arguments.child in ENRICHING:
            from seedcorpus import Registry

            for spec in Registry.load().enrichers.values():
                if spec.prepare is not None:
                    spec.prepare()
        warm = Path(arguments.warm_root)
        CHILDREN[arguments.child](dataclasses.replace(job, root=warm, k=20, runs=1, seconds=0))
    results = CHILDREN[arguments.child](job)
    print(json.dumps({"runs": results, "rss_mib": _peak_rss_mib()}))


# --- the driver -------------------------------------------------------------------------


def ensure_corpus(cache: Path, n: int, seed: int) -> Path:
    """The cached corpus of ``n`` articles, generated first if it is not complete."""
    root = cache / f"synth-{seed}-{n}"
    done = root.with_name(root.name + ".done")
    if done.exists():
        return root
    from seedcorpus.apps.synth import synth_corpus

    shutil.rmtree(root, ignore_errors=True)
    print(f"generating {n:,} articles in {root} ...", flush=True)
    started = time.perf_counter()
    synth_corpus(root, n, seed=seed, jobs=os.cpu_count() or 1)
    done.write_text(f"{time.perf_counter() - started:.1f}\n")
    print(f"generated {n:,} articles in {time.perf_counter() - started:.1f} s", flush=True)
    return root


def subset_manifest(root: Path, k: int) -> Path:
    """A pickle of the manifest of the first ``k`` articles of ``root``."""
    import attrs

    path = root.with_name(f"{root.name}.first-{k}.manifest.pickle")
    if not path.exists():
        manifest = _manifest(root)
        with open(path, "wb") as file:
            pickle.dump(attrs.evolve(manifest, entries=manifest.entries[:k]), file)
    return path


def subset_corpus(root: Path, k: int) -> Path:
    """A corpus folder of copies of the first ``k`` articles of ``root``, with its own
    ``INDEX.md``: for the command line, which cannot be given a part of a corpus. (Not
    hard links: NLTK refuses to read a file with more than one.)"""
    import attrs

    from seedcorpus.manifest import write_manifest

    manifest = _manifest(root)
    if k >= len(manifest.entries):
        return root
    subset = root.with_name(f"{root.name}.first-{k}")
    if subset.with_name(subset.name + ".done").exists():
        return subset
    shutil.rmtree(subset, ignore_errors=True)
    entries = manifest.entries[:k]
    for entry in entries:
        target = subset / entry.file
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(root / entry.file, target)
    write_manifest(attrs.evolve(manifest, entries=entries), subset)
    subset.with_name(subset.name + ".done").write_text("")
    return subset


class ChildFailed(Exception):
    """A measuring process exited with an error."""


@dataclass
class Row:
    """One line of the table: the runs of one case."""

    label: str
    results: list[dict[str, Any]] = field(default_factory=list)
    rss: float = 0.0
    """Peak RSS of the process(es) that measured it, in MiB."""
    skipped: str = ""
    """Why the case did not run, if it did not."""

    @property
    def seconds(self) -> float:
        return statistics.median(r["seconds"] for r in self.results)

    @property
    def articles(self) -> int:
        return int(statistics.median(r["articles"] for r in self.results))

    @property
    def rate(self) -> float:
        return self.articles / self.seconds if self.seconds else float("inf")

    def value(self, key: str) -> float:
        return statistics.median(r[key] for r in self.results)


class Bench:
    """Runs every case for one corpus size and prints its table."""

    def __init__(self, options: argparse.Namespace, n: int, root: Path) -> None:
        self.options = options
        self.n = n
        self.root = root
        self.runs = options.runs or (3 if n >= 100_000 else 5)
        self.case_seconds = 0.0 if options.full or options.quick else options.case_seconds
        self.per_run = self.case_seconds / self.runs
        self.work = options.cache / "work"
        self.rows: dict[str, Row] = {}
        self.against: Any = None
        """The comparison with the previous release, when ``--against`` asks for one."""

    # --- running children -----------------------------------------------------------

    def measure(
        self, label: str, case: str, *, k: int = 0, capped: bool = True, **extra: Any
    ) -> Row:
        """Run ``case`` in a fresh process, ``runs`` times, on at most ``k`` articles
        (all by default); the row keeps every run and the process's peak RSS."""
        extra.setdefault("runs", self.runs)
        k = self.k_cap(k or self.n) if capped else k or self.n
        row = self.rows.setdefault(label, Row(label))
        try:
            output = self.run_child(case, k, **extra)
        except ChildFailed as failure:
            row.skipped = f"failed: {failure}"
            return row
        row.results.extend(output["runs"])
        row.rss = max(row.rss, output["rss_mib"])
        return row

    def run_child(
        self, case: str, k: int, *, python: str = sys.executable, **extra: Any
    ) -> dict[str, Any]:
        """Run ``case`` on ``k`` articles in a fresh process of ``python`` (which has
        some seedcorpus installed) and return what it measured.

        :raises ChildFailed: with the last line it wrote to stderr.
        """
        shutil.rmtree(self.work, ignore_errors=True)
        self.work.mkdir(parents=True)
        command = [python, __file__, "--child", case, "--root", str(self.root)]
        command += ["--k", str(k), "--work", str(self.work)]
        for key, value in extra.items():
            command += [f"--{key.replace('_', '-')}", str(value)]
        result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
        if result.returncode != 0:
            raise ChildFailed((result.stderr.strip().splitlines() or ["no output"])[-1])
        output: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
        return output

    def k_cap(self, k: int) -> int:
        return min(k, self.options.limit or k, self.n)

    def k_for(self, row: Row) -> int:
        """How many articles a case about as fast as ``row`` processes in one run's share
        of the budget (all of them without a budget)."""
        if not self.case_seconds:
            return self.k_cap(self.n)
        if not row.results:  # nothing to go by: a small sample
            return self.k_cap(100)
        return self.k_cap(max(100, int(row.rate * self.per_run * 0.8)))

    # --- the cases --------------------------------------------------------------------

    def wanted(self, case: str, *labels: str) -> bool:
        """Whether ``case`` was selected with ``--cases``; if not, its rows say so."""
        if case in self.options.cases:
            return True
        for label in labels:
            self.rows[label] = Row(label, skipped="not selected (--cases)")
        return False

    def run(self) -> None:
        seconds = self.per_run
        self.floor = self.measure(ROWS[0], "floor", capped=False)
        parse = enrich = Row("")
        if self.wanted("parse", ROWS[1]):
            parse = self.measure(ROWS[1], "parse", seconds=seconds)
        if self.wanted("enrich", ROWS[2]):
            enrich = self.measure(ROWS[2], "enrich", seconds=seconds)
        if self.wanted("sqlite", ROWS[3]):
            self.measure(ROWS[3], "sqlite", k=self.k_for(enrich))
        if not self.wanted("cli", *ROWS[4:6]):
            pass
        elif self.cli_has_jobs():
            subset = subset_corpus(self.root, self.k_for(enrich))
            for jobs, label in ((1, ROWS[4]), (2, ROWS[5])):
                self.measure(label, "cli", root=subset, jobs=jobs)
        else:
            for label in ROWS[4:6]:
                self.rows[label] = Row(label, skipped="`seedcorpus build` has no --jobs option")
        if self.wanted("jsonl", ROWS[6]):
            self.measure(ROWS[6], "jsonl", k=self.k_for(parse))
        if self.wanted("lookup", ROWS[7]):
            self.measure(ROWS[7], "lookup")
        if self.wanted("open", ROWS[8]):
            # Opening cannot be done on part of a corpus, and a cold process is the
            # point: one process a run, as many runs as the budget allows.
            spent = 0.0
            for _ in range(self.runs):
                started = time.perf_counter()
                self.measure(ROWS[8], "open", runs=1)
                spent += time.perf_counter() - started
                if self.case_seconds and spent > self.case_seconds:
                    break
        if self.wanted("hold", ROWS[10]):
            k = self.k_for(parse)
            self.measure(ROWS[10], "hold", k=k, manifest=subset_manifest(self.root, k))
        if not self.wanted("nltk", ROWS[11]):
            pass
        elif self.installed("nltk"):
            self.measure(ROWS[11], "nltk", seconds=seconds)
        else:
            self.rows[ROWS[11]] = Row(ROWS[11], skipped="nltk not installed")
        if self.wanted("hf", *ROWS[12:14]):
            self.measure_hf(seconds)
        if self.options.against:
            from against import Against

            options = self.options
            self.against = Against(self, options.against, options.against_label, subset_corpus)
            if options.quick:  # 200 articles take a few hundredths of a second: noise
                self.against.run(build_k=min(self.n, 400), parse_k=min(self.n, 1000), pairs=3)
            else:
                self.against.run(self.k_for(enrich), self.k_for(parse), pairs=self.runs)
        # Subsets depend on this run's rates: the next run would make others.
        for path in self.root.parent.glob(f"{self.root.name}.first-*"):
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink()

    def measure_hf(self, seconds: float) -> None:
        if not self.installed("datasets"):
            for label in ROWS[12:14]:
                self.rows[label] = Row(label, skipped="datasets not installed")
            return
        hf = self.options.cache / "hf"
        shutil.rmtree(hf, ignore_errors=True)
        cold = self.measure(ROWS[12], "hf-cold", seconds=seconds, hf_cache=hf)
        if cold.results:
            # The last cold load left its cache behind: the cached loads reuse it.
            last = hf / f"cold-{len(cold.results) - 1}"
            self.measure(ROWS[13], "hf-cached", k=cold.articles, hf_cache=last)
        else:
            self.rows[ROWS[13]] = Row(ROWS[13], skipped=cold.skipped)
        shutil.rmtree(hf, ignore_errors=True)

    def cli_has_jobs(self) -> bool:
        result = subprocess.run(
            [sys.executable, "-m", "seedcorpus", "build", "--help"],
            capture_output=True,
            text=True,
            check=False,
        )
        return "--jobs" in result.stdout

    @staticmethod
    def installed(module: str) -> bool:
        command = [sys.executable, "-c", f"import {module}"]
        return subprocess.run(command, capture_output=True, check=False).returncode == 0

    # --- the table --------------------------------------------------------------------

    def table(self) -> str:
        floor = self.floor.rate if self.floor.results else 0.0
        parse = self.rows[ROWS[1]]
        lines = [
            "| case | articles | runs | median | rate | × floor | peak RSS | target | status |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |",
        ]
        for label in ROWS:
            row = self.rows.get(label) or Row(label, skipped="not run")
            if label == ROWS[9]:
                lines.append(self.streaming_line(parse))
                continue
            if row.skipped or not row.results:
                lines.append(f"| {label} | | | | | | | | {row.skipped or 'not run'} |")
                continue
            lines.append(self.line(label, row, floor, parse))
        return "\n".join(lines)

    def count(self, row: Row) -> str:
        k = row.articles
        if row.label == ROWS[7]:
            return f"{k:,} lookups"
        return f"{k:,}" if k >= self.n else f"{k:,} of {self.n:,}"

    def line(self, label: str, row: Row, floor: float, parse: Row) -> str:
        rate = row.rate
        ratio = f"{rate / floor:.3f}" if floor else ""
        median = f"{row.seconds:.2f} s"
        target = status = ""
        rate_text = f"{rate:,.0f}/s"
        if label == ROWS[7]:
            median = f"{row.seconds * 1000:.2f} ms"
            rate_text, ratio = f"first {row.value('first_seconds') * 1000:.0f} ms", ""
            target, status = self.judge(row.seconds * 1000, 1.0, "≤ 1 ms", at=1_000_000)
        elif label == ROWS[8]:
            rate_text = f"{rate:,.0f} entries/s"
            ratio = f"registry {row.value('registry_seconds'):.2f} s"
            target, status = self.judge(row.seconds, 5.0, "≤ 5 s", at=1_000_000)
        elif label == ROWS[10]:
            held, raw = row.value("held_bytes"), row.value("raw_bytes")
            ratio = f"{held / raw:.2f}× raw" if raw else ""
            target, status = self.judge(held / raw if raw else 0, 2.0, "≤ 2× raw bytes")
        elif label in TARGET_RATIOS and floor:
            minimum = TARGET_RATIOS[label]
            target = f"≥ {minimum:.2f}× floor"
            status = self.verdict(
                rate / floor >= minimum, f"{rate / floor / minimum:.2f} of target"
            )
        elif label in TARGET_SPEEDUPS and parse.results:
            minimum = TARGET_SPEEDUPS[label]
            speedup = parse.rate / rate
            target = f"parse ≥ {minimum:g}× this"
            status = self.verdict(speedup >= minimum, f"parse is {speedup:.1f}×")
        return (
            f"| {label} | {self.count(row)} | {len(row.results)} | {median} | {rate_text} "
            f"| {ratio} | {row.rss:.0f} MiB | {target} | {status} |"
        )

    def streaming_line(self, parse: Row) -> str:
        label = ROWS[9]
        if not parse.results:
            return f"| {label} | | | | | | | | parse did not run |"
        before = parse.value("rss_before_mib")
        target, status = self.judge(parse.rss, 64.0, "≤ 64 MiB", at=100_000)
        return (
            f"| {label} | {self.count(parse)} | {len(parse.results)} | | "
            f"| {before:.0f} MiB before iterating | {parse.rss:.0f} MiB | {target} | {status} |"
        )

    def scaling(self) -> str:
        """How much faster ``seedcorpus build`` runs with two jobs than with one."""
        one, two = self.rows.get(ROWS[4]), self.rows.get(ROWS[5])
        if not (one and two and one.results and two.results):
            return "scaling: `seedcorpus build --jobs 1` and `--jobs 2` did not both run"
        usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 0
        return (
            f"scaling on this machine ({usable or os.cpu_count()} usable cores): "
            f"`seedcorpus build --jobs 2` runs at {two.rate / one.rate:.2f}× the rate of "
            f"`--jobs 1` ({one.articles:,} articles, medians of {len(one.results)} runs; "
            "fixed costs weigh on small corpora, see docs/performance.md)"
        )

    def judge(self, value: float, limit: float, target: str, at: int = 0) -> tuple[str, str]:
        if at and self.n != at:
            return f"{target} at {at:,}", f"(at {self.n:,}: {self.verdict(value <= limit, '')})"
        return target, self.verdict(value <= limit, f"{value / limit:.2f}× the limit")

    @staticmethod
    def verdict(met: bool, detail: str) -> str:
        word = "met" if met else "MISSED"
        return f"{word} ({detail})" if detail else word


CASES = (
    "parse", "enrich", "sqlite", "cli", "jsonl", "lookup", "open", "hold", "nltk", "hf", "select",
)  # fmt: skip
"""The names ``--cases`` selects from."""
TARGET_RATIOS = {ROWS[1]: 0.30, ROWS[2]: 0.10, ROWS[3]: 0.10, ROWS[4]: 0.10, ROWS[5]: 0.10}
TARGET_RATIOS[ROWS[6]] = 0.16
TARGET_SPEEDUPS = {ROWS[11]: 50.0, ROWS[13]: 3.0}


def select_section(root: Path, n: int, work: Path) -> str:
    """Selection and duplicates: len() and a pushed-down filter over SQLite and Parquet
    exports of ``n`` rows, and near-duplicate recall and precision on edited copies.

    The exports repeat the first 500 articles with new ids, so making a 100k-row export
    costs seconds of writing, not minutes of parsing; len() and filters only read rows.
    """
    import attrs

    import seedcorpus
    from seedcorpus import duplicates
    from seedcorpus.default_plugins.parquet import write_parquet
    from seedcorpus.default_plugins.sqlite import write_sqlite
    from seedcorpus.models import Article

    corpus = seedcorpus.open_corpus(root).enrich("dates,quotes")
    sample = list(corpus.head(min(n, 500)))
    converter = corpus.registry.converter
    tag = next(t for a in sample for t in a.tags)

    def rows() -> Iterator[Article]:
        for number in range(n):
            yield attrs.evolve(sample[number % len(sample)], id=f"r{number}")

    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    lines = ["| case | articles | median | target | status |", "| --- | ---: | ---: | --- | --- |"]
    for name, write in (("SQLite", write_sqlite), ("Parquet", write_parquet)):
        if name == "Parquet" and importlib.util.find_spec("pyarrow") is None:
            lines.append(f"| len() of a {name} export | | | ≤ 50 ms | needs pyarrow |")
            continue
        path = work / f"rows.{name.lower()}"
        write(rows(), path, converter)
        exported = seedcorpus.open_corpus(path)
        for label, job in (
            ("len()", lambda e=exported: len(e)),
            ("len(filter(tag=…))", lambda e=exported: len(e.filter(tag=tag))),
        ):
            times = []
            for _ in range(5):
                started = time.perf_counter()
                job()
                times.append(time.perf_counter() - started)
            median = statistics.median(times) * 1000
            target = "≤ 50 ms" if label == "len()" else ""
            met = ("met" if median <= 50 else "MISSED") if target else ""
            lines.append(
                f"| {label} of a {name} export | {n:,} | {median:.1f} ms | {target} | {met} |"
            )
    rates = (0.0, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5)
    started = time.perf_counter()
    found = duplicates.measure(list(corpus.head(min(n, 400))), rates)
    seconds = time.perf_counter() - started
    recall = ", ".join(f"{rate:.0%}: {found.recall[rate]:.2f}" for rate in rates)
    lines += [
        "",
        f"Near duplicates (threshold {duplicates.THRESHOLD}, {min(n, 400)} articles and an "
        f"edited copy of each, {seconds:.1f} s): precision {found.precision:.3f} over "
        f"{found.pairs} pairs; recall by share of words edited: {recall}"
        + ("." if duplicates.near_available() else " (exact only: datasketch is missing)."),
    ]
    return "\n".join(lines)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as info:
            cpu = next(
                (line.split(":", 1)[1].strip() for line in info if line.startswith("model name")),
                cpu,
            )
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return (
        f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GiB; Python {platform.python_version()} "
        f"({platform.system()}); load average {load}"
    )


def driver_main(options: argparse.Namespace) -> None:
    started = time.perf_counter()
    from seedcorpus import __version__

    options.cache.mkdir(parents=True, exist_ok=True)
    # Keep HF's module and hub caches in the benchmark's cache, not the home folder.
    os.environ.setdefault("HF_HOME", str(options.cache.resolve() / "hf-home"))
    print(f"# seedcorpus {__version__} benchmark\n\nmachine: {machine()}\n", flush=True)
    for n in options.sizes:
        root = ensure_corpus(options.cache, n, options.seed)
        bench = Bench(options, n, root)
        size_started = time.perf_counter()
        bench.run()
        raw = bench.floor.value("bytes") if bench.floor.results else 0
        print(
            f"\n## {n:,} articles ({raw / 2**20:.0f} MiB, seed {options.seed}); "
            f"measured in {time.perf_counter() - size_started:.0f} s\n"
        )
        print(bench.table(), flush=True)
        print(f"\n{bench.scaling()}", flush=True)
        if bench.against is not None:
            print(f"\n{bench.against.table()}", flush=True)
        else:
            print("\nagainst 0.1.0: not measured (`nox -s bench` installs it; --against)")
        if "select" in options.cases:
            print(f"\n### Selection and duplicates, {n:,} rows\n", flush=True)
            print(select_section(root, n, options.cache / "select"), flush=True)
    print(
        f"\ntotal {time.perf_counter() - started:.0f} s; load average now {os.getloadavg()[0]:.2f}"
    )


def profile_main(options: argparse.Namespace) -> None:
    """Run one case in this process under cProfile and print where its time goes."""
    import cProfile
    import pstats

    n = options.sizes[0]
    root = ensure_corpus(options.cache, n, options.seed)
    k = options.limit or min(n, 1000)
    work = options.cache / "work"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    job = Job(root=root, k=k, seconds=0.0, runs=1, work=work, hf_cache=work / "hf")
    case = options.profile
    if case == "hold":
        job.manifest = subset_manifest(root, k)
    elif case == "cli":
        job.root = subset_corpus(root, k)
    elif case == "hf-cached":
        child_hf_cold(job)
        job.hf_cache = work / "hf" / "cold-0"
    # A short unprofiled run first: imports, compiled patterns and language models are
    # loaded once in a process and would otherwise fill the profile.
    CHILDREN[case](dataclasses.replace(job, k=min(k, 20)))
    profiler = cProfile.Profile()
    profiler.runcall(CHILDREN[case], job)
    stats = pstats.Stats(profiler)
    print(f"{case} on {k:,} of {n:,} articles under cProfile (loading the manifest included)\n")
    stats.sort_stats("cumulative").print_stats(options.profile_lines)
    stats.sort_stats("tottime").print_stats(options.profile_lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.partition("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES))
    parser.add_argument("--quick", action="store_true", help=f"one {QUICK_SIZE:,}-article run")
    parser.add_argument("--cache", type=Path, default=ROOT / ".bench")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--runs", type=int, default=0, help="runs per figure (default 5; 3 ≥100k)")
    parser.add_argument(
        "--case-seconds",
        type=float,
        default=8.0,
        help="time budget of one case, all its runs (default 8)",
    )
    parser.add_argument("--full", action="store_true", help="no budget: whole corpus, all runs")
    parser.add_argument(
        "--cases",
        type=lambda text: set(text.split(",")),
        default=set(CASES),
        help=f"cases to measure besides the floor (default all: {','.join(CASES)})",
    )
    parser.add_argument("--limit", type=int, default=0, help="at most this many articles a case")
    # The options of a child process, which measures one case.
    parser.add_argument("--child", choices=sorted(CHILDREN), help=argparse.SUPPRESS)
    parser.add_argument("--root", help=argparse.SUPPRESS)
    parser.add_argument("--k", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--seconds", type=float, default=0.0, help=argparse.SUPPRESS)
    parser.add_argument("--work", default=".", help=argparse.SUPPRESS)
    parser.add_argument("--jobs", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--hf-cache", default="", help=argparse.SUPPRESS)
    parser.add_argument("--manifest", default="", help=argparse.SUPPRESS)
    parser.add_argument("--warm-root", default="", help=argparse.SUPPRESS)
    parser.add_argument(
        "--against",
        default="",
        metavar="PYTHON",
        help="an interpreter with the previous release installed: adds the table "
        "'against 0.1.0' (nox -s bench makes one)",
    )
    parser.add_argument(
        "--against-label", default="0.1.0", help="what the --against release is called"
    )
    parser.add_argument(
        "--profile",
        choices=sorted(CHILDREN),
        help="profile one case (on --limit articles, default 1,000, of the first size)",
    )
    parser.add_argument("--profile-lines", type=int, default=40, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        child_main(options)
        return
    if options.profile:
        profile_main(options)
        return
    if options.quick:
        options.sizes, options.runs = [QUICK_SIZE], options.runs or 1
        options.limit = options.limit or 200
    driver_main(options)


if __name__ == "__main__":
    main()

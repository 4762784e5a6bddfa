"""The table "against 0.1.0": this checkout and the previous release, side by side.

``nox -s bench`` installs the previous release (commit 678827a of this repository) into
a virtualenv of its own and passes its interpreter as ``--against``. Each workload then
runs with both, in fresh processes, paired and one right after the other (old, new,
old, new, ...), so both sides of a pair see the same load on a shared machine. A
speed-up is the median of the pairs' ratios (new rate over old rate), which is robust to
one disturbed pair; the range of the ratios shows the noise.

Rates are articles per second of the process's CPU time (``time.process_time``), not of
the wall clock: all three workloads run in one process (``--jobs 1``) on files in the
page cache, so CPU time is their cost per core, and it does not count the time other
jobs on a shared machine held the core, which the wall clock does.

Every process first runs its workload once, untimed, on a 20-article corpus: imports,
compiled patterns and language models are loaded once per process in real use, and on
the few hundred articles of a quick run they would swamp the difference per article.
"""

from __future__ import annotations

import statistics
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# The previous release, as the nox session installs it.
OLD_COMMIT = "678827a"

WARM_UP = 20
"""Articles of the untimed warm-up corpus."""


@dataclass
class Workload:
    """One row: a benchmark case run with both versions on the same articles."""

    label: str
    case: str
    target: float
    """The speed-up issue 15 asks for (new rate over old rate)."""
    old: list[dict[str, Any]] = field(default_factory=list)
    new: list[dict[str, Any]] = field(default_factory=list)
    old_rss: list[float] = field(default_factory=list)
    new_rss: list[float] = field(default_factory=list)
    failed: str = ""

    def ratios(self) -> list[float]:
        """New rate over old rate, for every pair."""
        return [
            self.one_rate(n) / self.one_rate(o) for o, n in zip(self.old, self.new, strict=False)
        ]

    @staticmethod
    def one_rate(run: dict[str, Any]) -> float:
        """Articles per second of CPU time: on a shared machine the wall clock also counts
        the time other jobs held the core."""
        return float(run["articles"] / run.get("cpu_seconds", run["seconds"]))

    def rate(self, runs: list[dict[str, Any]]) -> float:
        return statistics.median(map(self.one_rate, runs))


class Against:
    """Measures the workloads with this checkout and with ``python``'s seedcorpus."""

    def __init__(
        self, bench: Any, python: str, label: str, subset: Callable[[Path, int], Path]
    ) -> None:
        self.bench = bench
        self.subset = subset
        """Makes (or finds) a corpus folder of the first k articles of a corpus."""
        self.python = python
        self.label = label
        self.workloads = [
            Workload("SQLite build, all enrichers (`build --jobs 1`)", "cli", 2.0),
            Workload("JSONL export", "jsonl", 1.6),
            Workload("typed parse", "parse", 1.3),
        ]
        self.k: dict[str, int] = {}

    def run(self, build_k: int, parse_k: int, pairs: int) -> None:
        """Measure every workload ``pairs`` times with each version: the build on the
        first ``build_k`` articles (a corpus folder of them, as the command line needs),
        the others on the first ``parse_k``."""
        bench = self.bench
        warm = self.subset(bench.root, WARM_UP)
        build_root = self.subset(bench.root, build_k)
        for workload in self.workloads:
            if workload.case == "cli":
                k, extra = build_k, {"root": build_root, "jobs": 1}
            else:
                k, extra = parse_k, {}
            self.k[workload.case] = k
            for _ in range(pairs):
                try:
                    for side, python in (("old", self.python), ("new", sys.executable)):
                        output = bench.run_child(
                            workload.case, k, python=python, runs=1, warm_root=warm, **extra
                        )
                        getattr(workload, side).extend(output["runs"])
                        getattr(workload, f"{side}_rss").append(output["rss_mib"])
                except Exception as failure:  # a child that failed: its row says why
                    workload.failed = f"{side} failed: {failure}"
                    break

    def table(self) -> str:
        """The Markdown table, with the database size and streaming memory below it."""
        bench = self.bench
        old = f"{self.label} ({OLD_COMMIT})"
        lines = [
            f"### against {self.label}: the same workloads with {old} and this checkout",
            "",
            "Rates are per second of CPU time (one process, `--jobs 1`).",
            "",
            f"| workload | articles | pairs | {old} | this checkout | speed-up "
            "(median of pair ratios) | ratio range | target | status |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |",
        ]
        for workload in self.workloads:
            if workload.failed or not workload.new:
                reason = workload.failed or "not run"
                lines.append(f"| {workload.label} | | | | | | | | {reason} |")
                continue
            ratios = workload.ratios()
            speedup = statistics.median(ratios)
            verdict = bench.verdict(speedup >= workload.target, "")
            lines.append(
                f"| {workload.label} | {self.k[workload.case]:,} | {len(ratios)} "
                f"| {workload.rate(workload.old):,.0f}/s | {workload.rate(workload.new):,.0f}/s "
                f"| **{speedup:.2f}×** | {min(ratios):.2f}–{max(ratios):.2f}× "
                f"| ≥ {workload.target:g}× | {verdict} |"
            )
        lines.append(self.size_line())
        lines.append(self.rss_line())
        return "\n".join(lines)

    def size_line(self) -> str:
        build = self.workloads[0]
        label = "database size / corpus text"
        if not (build.old and build.new):
            return f"| {label} | | | | | | | ≤ 2.5× | build did not run |"

        def size(runs: list[dict[str, Any]]) -> float:
            return statistics.median(run["db_bytes"] / run["text_bytes"] for run in runs)

        new = size(build.new)
        return (
            f"| {label} | {self.k['cli']:,} | | {size(build.old):.2f}× | {new:.2f}× | | "
            f"| ≤ 2.5× | {self.bench.verdict(new <= 2.5, '')} |"
        )

    def rss_line(self) -> str:
        parse = self.workloads[2]
        label = f"streaming RSS (typed parse, {self.bench.n:,}-entry manifest)"
        if not (parse.old_rss and parse.new_rss):
            return f"| {label} | | | | | | | ≤ 64 MiB at 100,000 | parse did not run |"
        new = statistics.median(parse.new_rss)
        target, status = self.bench.judge(new, 64.0, "≤ 64 MiB", at=100_000)
        return (
            f"| {label} | {self.k['parse']:,} | | {statistics.median(parse.old_rss):.0f} MiB "
            f"| {new:.0f} MiB | | | {target} | {status} |"
        )

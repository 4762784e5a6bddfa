"""Development sessions: ``nox -s tests lint typing docs`` is what CI runs."""

from __future__ import annotations

import nox

nox.options.default_venv_backend = "virtualenv"
nox.options.reuse_existing_virtualenvs = True
nox.options.sessions = ["tests", "tests_minimal", "lint", "typing", "docs"]

PYTHON = "3.11"
EXTRAS = "test,progress,language,dates,parquet,dask,charset,fix,duplicates,report"


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """Run the test suite with every optional extra installed."""
    session.install("-e", f".[{EXTRAS}]")
    session.run("pytest", *session.posargs)


@nox.session(python=PYTHON)
def tests_minimal(session: nox.Session) -> None:
    """Run the test suite with only the core and test dependencies: extras stay optional."""
    session.install("-e", ".[test]")
    session.run("pytest", "-q", *session.posargs)


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """ruff check and ruff format --check."""
    session.install("ruff")
    paths = ("src", "tests", "benchmarks", "examples", "noxfile.py", "docs/conf.py")
    session.run("ruff", "check", *paths)
    session.run("ruff", "format", "--check", *paths)


@nox.session(python=PYTHON)
def typing(session: nox.Session) -> None:
    """mypy --strict on the package."""
    session.install("-e", f".[{EXTRAS}]", "mypy")
    session.run("mypy", "--strict", "src/seedcorpus")


@nox.session(python=PYTHON)
def docs(session: nox.Session) -> None:
    """Build the Sphinx site with warnings as errors, then run its doctests."""
    session.install("-e", ".[docs,test]")
    common = ("-W", "-n", "--keep-going", "-b")
    session.run("sphinx-build", *common, "html", "docs", "docs/_build/html")
    session.run("sphinx-build", *common, "doctest", "docs", "docs/_build/doctest")


@nox.session(python=PYTHON)
def evaluate(session: nox.Session) -> None:
    """Print per-field accuracy of the parser and enrichers against a gold.jsonl folder.

    ``nox -s evaluate -- PATH`` (default: tests/data/samples).
    """
    session.install("-e", ".")
    session.run(
        "python", "-m", "seedcorpus.evaluate", *(session.posargs or ["tests/data/samples"])
    )


@nox.session(python=PYTHON)
def bench(session: nox.Session) -> None:
    """Benchmark against reading the bytes, NLTK and HF datasets; prints tables.

    ``nox -s bench`` (10k and 100k articles), ``nox -s bench -- --sizes 1000000``,
    ``nox -s bench -- --quick``. Corpora are cached in ``.bench/``.
    """
    session.install("-e", ".[progress,language,parquet]")
    # The comparisons are optional: if they do not install, their rows say so.
    session.run("python", "-m", "pip", "install", "nltk", "datasets", success_codes=[0, 1])
    offline = {"HF_HUB_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1"}
    session.run("python", "benchmarks/bench.py", *session.posargs, env=offline)


@nox.session(python=PYTHON)
def example_plugin(session: nox.Session) -> None:
    """Use the example plugin package as its users would: installed next to seedcorpus,
    listed by ``seedcorpus plugins``, exporting the seeds; then type-check and test it."""
    import json
    from pathlib import Path

    example = "examples/seedcorpus-wordfreq"
    session.install("-e", ".[test]", "-e", example, "mypy")

    # Only stdout is parsed; failures that `plugins` prints to stderr stay visible.
    listing = session.run("seedcorpus", "plugins", "--json", silent=True, stderr=None)
    entries = [json.loads(line) for line in str(listing).splitlines() if line.startswith("{")]
    for kind, name in (("enricher", "wordfreq"), ("exporter", "markdown")):
        found = [e for e in entries if (e.get("kind"), e.get("name")) == (kind, name)]
        if [e["package"] for e in found] != ["seedcorpus-wordfreq"]:
            session.error(f"`seedcorpus plugins` lists {kind} {name!r} as {found}")

    site = Path(session.create_tmp()) / "site"
    session.run(
        "seedcorpus", "export", "seeds", "--format", "markdown", "-o", str(site),
        "--enrich", "wordfreq", "--force",
    )  # fmt: skip
    count = session.run(
        "python", "-c", "import seedcorpus; print(len(seedcorpus.open_corpus('seeds')))",
        silent=True, stderr=None,
    )  # fmt: skip
    expected = int(str(count))
    pages = sorted(page.name for page in site.glob("*.md") if page.name != "index.md")
    index = (site / "index.md").read_text(encoding="utf-8")
    if len(pages) != expected or any(f"]({page})" not in index for page in pages):
        session.error(f"expected {expected} pages, all linked from index.md; got {pages}")
    for page in pages:
        if "## wordfreq\n\n| word | count |" not in (site / page).read_text(encoding="utf-8"):
            session.error(f"{page} has no word frequency table")

    session.run("mypy", "--strict", f"{example}/src")
    session.chdir(example)
    session.run("pytest", *session.posargs)


@nox.session(python=PYTHON)
def clients(session: nox.Session) -> None:
    """Check that real clients read our exports: datasette (with full-text search, and
    through ``seedcorpus serve``), pyarrow and DuckDB (Parquet), HF datasets (JSONL)."""
    session.install("-e", ".[test,parquet,serve]", "duckdb", "datasets")
    # Here a missing client is a failure, not a skip; datasets must not reach the Hub.
    env = {"SEEDCORPUS_REQUIRE_CLIENTS": "1", "HF_HUB_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1"}
    session.run("pytest", "tests/test_clients.py", *session.posargs, env=env)


@nox.session(python=PYTHON)
def fuzz(session: nox.Session) -> None:
    """Fuzz the parser, the manifest reader, the JSON loader and decoding: 100,000
    Hypothesis examples a property (``tests/test_fuzz.py``, the ``fuzz`` profile).

    With the ``charset`` and ``fix`` extras, so their code paths are fuzzed too, and on
    every CPU (pytest-xdist). ``nox -s fuzz -- -k manifest`` fuzzes one part.
    """
    session.install("-e", ".[test,charset,fix]", "pytest-xdist")
    session.run(
        "pytest", "tests/test_fuzz.py", "-n", "auto", "-p", "no:cacheprovider",
        "--hypothesis-show-statistics", "--durations=0", *session.posargs,
        env={"HYPOTHESIS_PROFILE": "fuzz"},
    )  # fmt: skip

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
    """mypy --strict on the package, and on a user-style script (the README example)."""
    session.install("-e", f".[{EXTRAS}]", "mypy")
    session.run("mypy", "--strict", "src/seedcorpus")
    session.run("mypy", "--strict", "examples/user_script.py")


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
        "python", "-m", "seedcorpus.apps.evaluate", *(session.posargs or ["tests/data/samples"])
    )


BENCH_EXTRAS = "progress,language,parquet,duplicates"
PREVIOUS_RELEASE = ("0.1.0", "678827a")
"""The release the benchmark compares with: its version and commit in this repository."""


@nox.session(python=PYTHON)
def bench(session: nox.Session) -> None:
    """Benchmark against reading the bytes, NLTK, HF datasets and the previous release.

    ``nox -s bench`` (10k and 100k articles), ``nox -s bench -- --sizes 1000000``,
    ``nox -s bench -- --quick``. Corpora are cached in ``.bench/``.
    """
    session.install("-e", f".[{BENCH_EXTRAS}]")
    # The comparisons are optional: if they do not install, their rows say so.
    session.run("python", "-m", "pip", "install", "nltk", "datasets", success_codes=[0, 1])
    offline = {"HF_HUB_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1"}
    against = _previous_release(session)
    options = ["--against", against, "--against-label", PREVIOUS_RELEASE[0]] if against else []
    session.run("python", "benchmarks/bench.py", *options, *session.posargs, env=offline)


def _previous_release(session: nox.Session) -> str:
    """The interpreter of a virtualenv with the previous release installed (made once in
    the session's tmp folder, from ``git archive`` of its commit), or "" if it cannot be
    made: the "against" table then says it was not measured."""
    import subprocess
    import tarfile
    from pathlib import Path

    version, commit = PREVIOUS_RELEASE
    home = Path(session.create_tmp()).resolve() / f"seedcorpus-{version}-{commit}"
    python = home / "venv" / "bin" / "python"
    done = home / "installed"
    if done.exists():
        return str(python)
    archive = subprocess.run(["git", "archive", commit], capture_output=True, check=False)
    if archive.returncode != 0:
        session.warn(f"no {version} to compare with: git archive {commit} failed")
        return ""
    source = home / "src"
    source.mkdir(parents=True, exist_ok=True)
    archive_path = home / "source.tar"
    archive_path.write_bytes(archive.stdout)
    with tarfile.open(archive_path) as tar:
        tar.extractall(source, filter="data")
    session.run("python", "-m", "venv", "--clear", str(home / "venv"))
    session.run(
        str(python), "-m", "pip", "install", "-q", f"{source}[{BENCH_EXTRAS}]", external=True
    )
    done.write_text(f"{version} {commit}\n")
    return str(python)


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


# Run in the example_parser session on the built database: every JSON article must carry
# the url, time (with its offset) and reporters of its file, and nothing made up.
_CHECK_MIXED = """
import json, sys
from pathlib import Path
import seedcorpus
folder, database = Path(sys.argv[1]), sys.argv[2]
corpus = seedcorpus.open_corpus(database)
found = {article.source.path: article for article in corpus}
for path in sorted(folder.glob("*.json")):
    data = json.loads(path.read_text(encoding="utf-8"))
    article = found[path.name]
    got = (article.url, article.published_at.isoformat(), list(article.byline.reporters))
    want = (data["url"], data["published"], data["reporters"])
    assert got == want, (path.name, got, want)
    assert article.source.parser == "scraperjson" and article.dateline is None, path.name
for path in sorted(folder.glob("*.txt")):
    assert found[path.name].source.parser == "antara", path.name
print(f"{len(found)} articles: url, published_at and reporters as in their files")
"""


@nox.session(python=PYTHON)
def example_parser(session: nox.Session) -> None:
    """Use the example parser package as its users would: installed next to seedcorpus,
    listed by ``seedcorpus plugins``; ``index``, ``build`` and ``search`` on a folder
    mixing ANTARA ``.txt`` and scraper ``.json`` files; then type-check and test it."""
    import json
    import shutil
    from pathlib import Path

    example = "examples/seedcorpus-scraperjson"
    session.install("-e", ".[test]", "-e", example, "mypy")

    listing = session.run("seedcorpus", "plugins", "--json", silent=True, stderr=None)
    entries = [json.loads(line) for line in str(listing).splitlines() if line.startswith("{")]
    found = [e for e in entries if (e.get("kind"), e.get("name")) == ("parser", "scraperjson")]
    if [e["package"] for e in found] != ["seedcorpus-scraperjson"]:
        session.error(f"`seedcorpus plugins` lists parser 'scraperjson' as {found}")

    folder = Path(session.create_tmp()) / "mixed"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    for sample in [*Path(example, "samples").glob("*.json"), *Path("seeds").glob("*.txt")]:
        shutil.copy(sample, folder)
    (folder / "README.md").write_text("Not an article: no parser claims it.\n")
    session.run("seedcorpus", "index", str(folder))
    routes = str(session.run("seedcorpus", "check", str(folder), "--list", silent=True))
    for name in sorted(p.name for p in folder.iterdir() if p.suffix in (".txt", ".json")):
        parser = "antara" if name.endswith(".txt") else "scraperjson"
        if f"{name}\t{parser} (parser column)" not in routes:
            session.error(f"`check --list` does not say {parser} reads {name}: {routes}")
    database = str(folder.with_suffix(".sqlite"))
    session.run("seedcorpus", "build", str(folder), "-o", database, "--full")
    session.run("python", "-c", _CHECK_MIXED, str(folder), database)
    for query, expected in (("dermaga", "2024-07-01-dermaga"), ("Azerbaijan", "000_")):
        hits = str(session.run("seedcorpus", "search", database, query, silent=True))
        if not hits.startswith(expected):
            session.error(f"search {query!r} should find {expected} first: {hits}")

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
def browser(session: nox.Session) -> None:
    """Drive ``seedcorpus serve`` in a real browser: Playwright with the system Chromium
    (``apt-get install chromium``; Playwright's own download is not used).

    Builds a small corpus, serves it on a free port, checks the home page, the article
    list, search (as the CLI finds) and an article page, and saves screenshots in
    ``.nox/browser/tmp/screenshots``. Without Chromium the session fails.
    """
    from pathlib import Path

    session.install("-e", ".[serve,test]", "playwright")
    screenshots = Path(session.create_tmp()).resolve() / "screenshots"
    env = {
        "SEEDCORPUS_REQUIRE_BROWSER": "1",
        "SEEDCORPUS_SCREENSHOTS": str(screenshots),
        # Nothing to download: the system Chromium is used.
        "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD": "1",
    }
    session.run(
        "pytest", "tests/browser", "tests/test_browser_pages.py", "tests/test_browser_http.py",
        "-p", "no:cacheprovider",
        *session.posargs, env=env,
    )  # fmt: skip
    session.log(f"screenshots: {screenshots}")


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

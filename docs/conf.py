"""Sphinx configuration for the seedcorpus documentation."""

from __future__ import annotations

from pathlib import Path

from seedcorpus import __version__

project = "seedcorpus"
author = "The seedcorpus developers"
copyright = "2026, The seedcorpus developers"
version = release = __version__

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.doctest",
    "sphinx.ext.viewcode",
    "sphinx_click",
]
myst_enable_extensions = ["colon_fence", "deflist"]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build"]

html_theme = "furo"
html_title = f"seedcorpus {release}"

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": True}
nitpicky = True
nitpick_ignore_regex = [
    # Names from typing and third-party libraries without an intersphinx inventory here.
    ("py:class", r"(cattrs|pluggy|click|attr|attrs|_S|Spec|os\.PathLike).*"),
    ("py:class", r"seedcorpus\.models\.E"),
    ("py:class", r"collections\.abc\..*|typing\..*|pathlib\..*|sqlite3\..*|Path|_F"),
    ("py:class", r"contextlib\..*"),
    ("py:class", r"hypothesis\..*|PluginManager.*|datetime\..*|seedcorpus\.apps\.cluster\._Job"),
    ("py:meth", r"PluginManager.*"),
    ("py:class", r"pyarrow\..*|seedcorpus\.cli_query\.F"),
]

# Docstring examples run under pytest --doctest-modules, with their module's globals;
# here only the pages' own {doctest} blocks run.
doctest_test_doctest_blocks = ""

# Doctests run from the repository root, so examples can open the "seeds" corpus.
doctest_global_setup = f"import os; os.chdir({str(Path(__file__).parent.parent)!r})"

"""The docs keep up with the code: every hook documented with its exact signature and
tested, every public name with a docstring, every built-in plugin on some docs page."""

from __future__ import annotations

import ast
import inspect
import re
import sys
import textwrap
import types
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

import seedcorpus
from seedcorpus import hookspecs
from seedcorpus.plugins import DEFAULT_PLUGINS

ROOT = Path(__file__).parent.parent
DOCS = ROOT / "docs"
HOOKS_PAGE = (DOCS / "hooks.md").read_text(encoding="utf-8")
HOOKS = sorted(
    name
    for name, _ in inspect.getmembers(hookspecs, inspect.isfunction)
    if name.startswith("seedcorpus_")
)


def signature_line(hook: Callable[..., Any]) -> str:
    """``def name() -> Iterable[Spec]: ...`` as written in the source; the quotes go
    because ``from __future__ import annotations`` keeps annotations as strings."""
    return f"def {hook.__name__}{inspect.signature(hook)}: ...".replace("'", "")


def test_there_are_hooks_to_check() -> None:
    assert {"seedcorpus_enrichers", "seedcorpus_exporters", "seedcorpus_parsers"} <= set(HOOKS)


@pytest.mark.parametrize("name", HOOKS)
def test_hook_is_documented(name: str) -> None:
    directive = r"(\.\. autofunction::|\{autofunction\})"
    autofunction = re.search(rf"{directive} *seedcorpus\.hookspecs\.{name}\b", HOOKS_PAGE)
    line = signature_line(getattr(hookspecs, name))
    assert autofunction or line in HOOKS_PAGE, f"docs/hooks.md documents neither {name} nor {line}"


def test_hook_signatures_in_the_docs_are_current() -> None:
    shown = re.findall(r"^def seedcorpus_\w+\(.*$", HOOKS_PAGE, flags=re.MULTILINE)
    current = {signature_line(getattr(hookspecs, name)) for name in HOOKS}
    assert set(shown) <= current


@pytest.mark.parametrize("name", HOOKS)
def test_hook_is_tested(name: str) -> None:
    here = Path(__file__).resolve()
    tests = [path for path in (ROOT / "tests").rglob("*.py") if path.resolve() != here]
    assert any(name in path.read_text(encoding="utf-8") for path in tests)


def attribute_docstrings() -> set[str]:
    """Names assigned at module level in seedcorpus and followed by a string literal, the
    attribute docstrings that Sphinx reads."""
    names: set[str] = set()
    for path in (ROOT / "src" / "seedcorpus").rglob("*.py"):
        body = ast.parse(path.read_text(encoding="utf-8")).body
        for statement, following in pairwise(body):
            if isinstance(statement, ast.Assign):
                targets = statement.targets
            elif isinstance(statement, ast.AnnAssign):
                targets = [statement.target]
            else:
                continue
            if (
                isinstance(following, ast.Expr)
                and isinstance(following.value, ast.Constant)
                and isinstance(following.value.value, str)
            ):
                names.update(target.id for target in targets if isinstance(target, ast.Name))
    return names


# A dunder such as __version__ is a convention, a plain string with no docstring to give.
PUBLIC = [name for name in seedcorpus.__all__ if not name.startswith("__")]


@pytest.mark.parametrize("name", PUBLIC)
def test_public_name_has_a_docstring(name: str) -> None:
    value = getattr(seedcorpus, name)
    if inspect.isclass(value) or inspect.isroutine(value) or inspect.ismodule(value):
        own = value.__dict__.get("__doc__") if inspect.isclass(value) else value.__doc__
        assert (own or "").strip(), f"{name} has no docstring of its own"
    else:
        assert name in attribute_docstrings(), f"{name} has no docstring after its assignment"


DOCS_TEXT = "\n".join(path.read_text(encoding="utf-8") for path in DOCS.rglob("*.md"))


@pytest.mark.parametrize("module", DEFAULT_PLUGINS)
def test_builtin_plugin_is_documented(module: str) -> None:
    mentioned = re.search(rf"\b{re.escape(module)}\b", DOCS_TEXT) is not None
    assert mentioned, f"no page under docs/ mentions {module}"


@pytest.mark.parametrize("page", ["README.md", "docs/cli.md"])
def test_every_command_is_in_the_command_table(page: str) -> None:
    from seedcorpus.cli import cli

    text = (ROOT / page).read_text(encoding="utf-8")
    # A command's row: its name, what it does, and an example that runs it.
    listed = set(re.findall(r"^\| `([a-z]+)` \|.*\| `seedcorpus ", text, flags=re.MULTILINE))
    assert listed == set(cli.commands)  # type: ignore[attr-defined]


def hook_example(hook: Callable[..., Any]) -> types.ModuleType:
    """The plugin module a hook's docstring example makes."""
    doc = inspect.getdoc(hook) or ""
    code = textwrap.dedent(doc.split("Example::", 1)[1].split("\n", 1)[1])
    module = types.ModuleType(f"example_{hook.__name__}")
    exec(compile(code, f"<{hook.__name__} example>", "exec"), module.__dict__)
    return module


def test_the_hook_examples_keep_the_plugin_contract(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each hook's docstring example is a plugin a reader may copy: it must load, and
    keep the contract the checks in seedcorpus.testing test."""
    from seedcorpus.testing import check_enricher, check_exporter, check_parser, registry_with

    examples = [hook_example(getattr(hookspecs, name)) for name in HOOKS]
    for module in examples:  # where typing looks up the names in their annotations
        monkeypatch.setitem(sys.modules, module.__name__, module)
    registry = registry_with(*examples)
    check_parser(registry.parser("plain"), max_examples=30)
    check_enricher(registry.enricher("wordcount"), max_examples=10, hash_seeds=())
    check_exporter(registry.exporter("titles"), max_examples=10)

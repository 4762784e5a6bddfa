"""The architecture, checked: no import circles, and the core reaches the built-in
plugins only through the registry."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "src" / "seedcorpus"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def load_time_imports(name: str) -> set[str]:
    """The seedcorpus modules ``name`` imports when it is loaded: statements at module
    level (``if TYPE_CHECKING`` blocks included), not those inside functions, which
    run later and are the sanctioned way to reach an optional part."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    found: set[str] = set()
    package = name if MODULES[name].name == "__init__.py" else name.rpartition(".")[0]

    def visit(statements: list[ast.stmt]) -> None:
        for node in statements:
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                    base = f"{anchor}.{base}" if base else anchor
                for alias in node.names:
                    # `from seedcorpus import hookspecs` imports a module, not a name.
                    submodule = f"{base}.{alias.name}"
                    found.add(submodule if submodule in MODULES else base)
            elif isinstance(node, (ast.If, ast.Try)):
                visit(node.body)
                visit(node.orelse)
                for handler in getattr(node, "handlers", []):
                    visit(handler.body)

    visit(tree.body)
    return {module for module in found if module in MODULES and module != name}


GRAPH = {name: load_time_imports(name) for name in MODULES}


def cycles() -> list[list[str]]:
    """Every strongly connected group of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[list[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in sorted(GRAPH[node]):
            if other not in index:
                connect(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(GRAPH):
        if node not in index:
            connect(node)
    return groups


def test_the_graph_sees_real_imports() -> None:
    # So that the checks below cannot pass on an empty graph.
    assert "seedcorpus.pipeline" in GRAPH["seedcorpus.corpus"]
    assert "seedcorpus.hookspecs" in GRAPH["seedcorpus.plugins"]  # from seedcorpus import ...


def test_no_import_circles() -> None:
    assert cycles() == []


def test_corpus_and_pipeline_do_not_import_each_other() -> None:
    assert "seedcorpus.corpus" not in GRAPH["seedcorpus.pipeline"]


@pytest.mark.parametrize(
    "name",
    sorted(name for name in MODULES if not name.startswith("seedcorpus.default_plugins")),
)
def test_the_core_reaches_builtin_plugins_only_through_the_registry(name: str) -> None:
    # plugins.py names them as strings; nothing imports them, even lazily.
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    imported = [
        node.module if isinstance(node, ast.ImportFrom) else alias.name
        for node in ast.walk(tree)
        if isinstance(node, (ast.Import, ast.ImportFrom))
        for alias in node.names
    ]
    assert [m for m in imported if m and m.startswith("seedcorpus.default_plugins")] == []


def test_the_library_never_imports_the_applications() -> None:
    # Applications (build, cluster, report, evaluate, synth) sit on top of the library:
    # only they, the command line and the test kit may import them.
    users = {"seedcorpus.apps", "seedcorpus.cli", "seedcorpus.testing"}
    offenders = [
        name
        for name, imports in GRAPH.items()
        if not any(name == u or name.startswith(f"{u}.") for u in users)
        and any(module.startswith("seedcorpus.apps") for module in imports)
    ]
    assert offenders == []

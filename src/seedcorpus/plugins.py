"""The plugin manager factory: built-ins, entry points, and the block and trace switches.

Nothing here runs at import time; every call of :func:`load_plugins` builds a fresh
manager, so tests and notebooks can load exactly the plugins they want.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterable, Mapping
from functools import partial
from importlib import metadata

import attrs
import pluggy

from seedcorpus import hookspecs
from seedcorpus.__about__ import __version__

__all__ = [
    "DEFAULT_PLUGINS",
    "DISABLE_ENV",
    "TRACE_ENV",
    "LoadedPlugins",
    "PluginFailure",
    "PluginInfo",
    "load_plugins",
]

DEFAULT_PLUGINS: tuple[str, ...] = (
    "seedcorpus.default_plugins.acronyms",
    "seedcorpus.default_plugins.antara",
    "seedcorpus.default_plugins.csv",
    "seedcorpus.default_plugins.dates",
    "seedcorpus.default_plugins.jsonl",
    "seedcorpus.default_plugins.language",
    "seedcorpus.default_plugins.parquet",
    "seedcorpus.default_plugins.quotes",
    "seedcorpus.default_plugins.sqlite",
    "seedcorpus.default_plugins.stats",
)
"""Modules of the built-in plugins; each is registered under its last name component."""

DISABLE_ENV = "SEEDCORPUS_DISABLE_PLUGINS"
"""Environment variable: comma-separated plugin (or parser/enricher/exporter) names to block."""

TRACE_ENV = "SEEDCORPUS_TRACE_PLUGINS"
"""Environment variable: set to ``1`` to print every hook call to standard error."""


@attrs.frozen
class PluginInfo:
    """A registered plugin and the package it comes from."""

    name: str
    """The name it is registered (and blocked) under: the entry point's name, or the
    built-in module's last name component."""
    package: str
    """The distribution that provides it."""
    version: str
    """That distribution's version."""


@attrs.frozen
class PluginFailure:
    """A plugin that could not be loaded or whose hook raised; it was skipped."""

    name: str
    """The plugin's name."""
    package: str
    """The distribution that provides it."""
    error: str
    """What went wrong, in one line."""

    def __str__(self) -> str:
        return f"plugin {self.name!r} (from {self.package}) skipped: {self.error}"


@attrs.frozen
class LoadedPlugins:
    """A plugin manager with its plugins registered, and what could not be loaded."""

    manager: pluggy.PluginManager
    """The pluggy manager; only :mod:`seedcorpus.registry` calls its hooks."""
    plugins: Mapping[str, PluginInfo]
    """Registered plugins by name."""
    failures: tuple[PluginFailure, ...]
    """Plugins that failed to import or register."""
    disabled: frozenset[str]
    """Names blocked by the caller or by ``SEEDCORPUS_DISABLE_PLUGINS``."""
    trace: bool = False
    """Whether the registry prints every hook call, and what it gave, to standard error
    (``SEEDCORPUS_TRACE_PLUGINS``)."""


def _identity(plugin: object) -> object:
    return plugin


def describe_error(error: BaseException) -> str:
    """One line for an exception: its type and message."""
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[0]}" if text else type(error).__name__


def load_plugins(
    *,
    builtins: bool = True,
    entry_points: bool = True,
    extra: Iterable[object] = (),
    disabled: Iterable[str] | None = None,
    trace: bool | None = None,
) -> LoadedPlugins:
    """Build a plugin manager and register plugins into it.

    :param builtins: register the modules in :data:`DEFAULT_PLUGINS`.
    :param entry_points: register plugins from the ``seedcorpus`` entry-point group.
    :param extra: further plugin objects (modules or instances) to register, e.g. in tests.
    :param disabled: names to block; ``None`` reads ``SEEDCORPUS_DISABLE_PLUGINS``.
    :param trace: print every hook call, and the names of the specs it yielded, to
        standard error; ``None`` reads ``SEEDCORPUS_TRACE_PLUGINS``.
    """
    if disabled is None:
        disabled = os.environ.get(DISABLE_ENV, "").split(",")
    blocked = frozenset(name.strip() for name in disabled if name.strip())
    if trace is None:
        trace = os.environ.get(TRACE_ENV, "") not in ("", "0")

    manager = pluggy.PluginManager(hookspecs.PROJECT_NAME)
    manager.add_hookspecs(hookspecs)
    for name in blocked:
        manager.set_blocked(name)

    plugins: dict[str, PluginInfo] = {}
    failures: list[PluginFailure] = []

    def register(name: str, package: str, version: str, load: Callable[[], object]) -> None:
        if name in blocked:
            return
        try:
            manager.register(load(), name=name)
        except Exception as error:  # a broken plugin is reported, never fatal
            failures.append(PluginFailure(name, package, describe_error(error)))
        else:
            plugins[name] = PluginInfo(name, package, version)

    if builtins:
        for module in DEFAULT_PLUGINS:
            register(
                module.rsplit(".", 1)[-1],
                "seedcorpus",
                __version__,
                partial(importlib.import_module, module),
            )
    if entry_points:
        for entry_point in metadata.entry_points(group=hookspecs.PROJECT_NAME):
            dist = entry_point.dist
            register(
                entry_point.name,
                dist.name if dist else "?",
                dist.version if dist else "?",
                entry_point.load,
            )
    for plugin in extra:
        name = getattr(plugin, "__name__", type(plugin).__name__)
        register(name, name.split(".")[0], "?", partial(_identity, plugin))
    return LoadedPlugins(manager, plugins, tuple(failures), blocked, trace)

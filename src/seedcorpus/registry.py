"""The registry: the only code that calls plugin hooks.

It asks every plugin for its parsers, enrichers and exporters, checks what comes back,
and lets the rest of seedcorpus select them by name. A plugin whose hook raises, or
yields something that is not a spec, is recorded as a failure and skipped; two plugins
that offer the same name are a conflict, reported when that name is used.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from functools import cached_property
from pathlib import Path
from typing import Any, Literal, TypeVar

import attrs
import pluggy
from cattrs import Converter

from seedcorpus.errors import PluginError, UnknownPluginError
from seedcorpus.plugins import (
    LoadedPlugins,
    PluginFailure,
    PluginInfo,
    describe_error,
    load_plugins,
)
from seedcorpus.serialization import make_converter
from seedcorpus.specs import EnricherSpec, ExporterSpec, ParserSpec

__all__ = ["Capability", "PluginEntry", "Registry", "SpecKind"]

SpecKind = Literal["parser", "enricher", "exporter"]
"""The three kinds of thing a plugin can add."""

Capability = Literal["read", "search", "serve", "count", "select", "duplicates"]
"""The optional capabilities of an :class:`~seedcorpus.specs.ExporterSpec`."""

Spec = ParserSpec | EnricherSpec | ExporterSpec
_S = TypeVar("_S", ParserSpec, EnricherSpec, ExporterSpec)

_HOOKS: dict[SpecKind, tuple[str, type[Spec]]] = {
    "parser": ("seedcorpus_parsers", ParserSpec),
    "enricher": ("seedcorpus_enrichers", EnricherSpec),
    "exporter": ("seedcorpus_exporters", ExporterSpec),
}


@attrs.frozen
class PluginEntry:
    """One line of ``seedcorpus plugins``: a parser, enricher or exporter and its origin."""

    name: str
    """The name users type."""
    kind: SpecKind
    """``parser``, ``enricher`` or ``exporter``."""
    plugin: str
    """The plugin that provides it."""
    package: str
    """The distribution that provides the plugin."""
    package_version: str
    """That distribution's version."""
    version: str
    """The spec's own version (bumped when its output changes)."""
    description: str
    """One line saying what it does."""
    capabilities: tuple[str, ...] = ()
    """For an exporter, the optional capabilities it offers (``read``, ``search``,
    ``serve``, ``count``, ``select``, ``duplicates``), in that order; empty otherwise."""


_CAPABILITIES: tuple[Capability, ...] = (
    "read", "search", "serve", "count", "select", "duplicates"
)  # fmt: skip


class Registry:
    """Parsers, enrichers and exporters by name, from a set of loaded plugins.

    >>> registry = Registry.load(entry_points=False)
    >>> registry.exporter("jsonl").suffix
    '.jsonl'
    >>> registry.exporter("jsnol")
    Traceback (most recent call last):
    ...
    seedcorpus.errors.UnknownPluginError: unknown exporter 'jsnol'; choose one of: antara, csv, ...
    """

    def __init__(self, loaded: LoadedPlugins) -> None:
        self.loaded = loaded
        self.failures: list[PluginFailure] = list(loaded.failures)
        """Plugins that failed to load or whose hook failed; they were skipped."""
        self._specs: dict[SpecKind, dict[str, Spec]] = {kind: {} for kind in _HOOKS}
        self._owners: dict[tuple[SpecKind, str], PluginInfo] = {}
        self._conflicts: dict[tuple[SpecKind, str], str] = {}
        self._check_hook_names()
        for kind in _HOOKS:
            self._collect(kind)

    @classmethod
    def load(cls, **options: Any) -> Registry:
        """Load plugins with :func:`seedcorpus.plugins.load_plugins` and build a registry."""
        return cls(load_plugins(**options))

    def _check_hook_names(self) -> None:
        """Report and unregister every plugin with a ``hookimpl`` that matches no hook
        (a misspelt name such as ``seedcorpus_exporter``), as pluggy's
        ``check_pending`` finds them: one plugin's typo never hides the others."""
        manager = self.loaded.manager
        while True:
            try:
                manager.check_pending()
            except pluggy.PluginValidationError as error:
                plugin = error.plugin
                name = manager.get_name(plugin) or repr(plugin)
                info = self.loaded.plugins.get(name)
                package = info.package if info is not None else "?"
                hooks = ", ".join(
                    sorted(
                        hook
                        for hook, caller in vars(manager.hook).items()
                        if not caller.has_spec()
                        and any(impl.plugin is plugin for impl in caller.get_hookimpls())
                    )
                )
                self.failures.append(
                    PluginFailure(
                        name,
                        package,
                        f"implements unknown hook {hooks or '?'}; seedcorpus hooks are: "
                        + ", ".join(sorted(hook for hook, _ in _HOOKS.values())),
                    )
                )
                manager.unregister(plugin)
            else:
                return

    def _collect(self, kind: SpecKind) -> None:
        hook_name, spec_type = _HOOKS[kind]
        manager = self.loaded.manager
        others = manager.get_plugins()
        for impl in getattr(manager.hook, hook_name).get_hookimpls():
            info = self.loaded.plugins[impl.plugin_name]
            # Call one plugin at a time, so a failure is attributed to the right one.
            caller = manager.subset_hook_caller(hook_name, others - {impl.plugin})
            try:
                specs = [spec for result in caller() for spec in result]
                for spec in specs:
                    if not isinstance(spec, spec_type):
                        raise TypeError(f"yielded {spec!r}, not a {spec_type.__name__}")
            except Exception as error:  # a broken plugin is reported and skipped
                self.failures.append(
                    PluginFailure(info.name, info.package, f"{hook_name}: {describe_error(error)}")
                )
                continue
            for spec in specs:
                self._add(kind, spec, info)

    def _add(self, kind: SpecKind, spec: Spec, info: PluginInfo) -> None:
        if spec.name in self.loaded.disabled:
            return
        key = (kind, spec.name)
        previous = self._owners.get(key)
        if previous is not None:
            self._conflicts[key] = (
                f"{kind} {spec.name!r} is provided by two plugins: "
                f"{previous.name!r} ({previous.package}) and {info.name!r} ({info.package})"
            )
            return
        self._owners[key] = info
        self._specs[kind][spec.name] = spec

    def _get(self, kind: SpecKind, name: str) -> Spec:
        if (kind, name) in self._conflicts:
            raise PluginError(self._conflicts[kind, name])
        try:
            return self._specs[kind][name]
        except KeyError:
            raise UnknownPluginError.for_name(kind, name, self._specs[kind]) from None

    def _all(self, kind: SpecKind) -> dict[str, Any]:
        return dict(sorted(self._specs[kind].items()))

    @property
    def parsers(self) -> Mapping[str, ParserSpec]:
        """Every parser, by name, sorted by name."""
        return self._all("parser")

    @property
    def enrichers(self) -> Mapping[str, EnricherSpec]:
        """Every enricher, by name, sorted by name."""
        return self._all("enricher")

    @property
    def exporters(self) -> Mapping[str, ExporterSpec]:
        """Every exporter, by name, sorted by name."""
        return self._all("exporter")

    @property
    def conflicts(self) -> list[str]:
        """One message per name that two plugins both provide."""
        return [self._conflicts[key] for key in sorted(self._conflicts)]

    def parser(self, name: str) -> ParserSpec:
        """The parser called ``name``.

        :raises UnknownPluginError: listing the installed parsers.
        :raises PluginError: if two plugins provide that name.
        """
        spec = self._get("parser", name)
        assert isinstance(spec, ParserSpec)
        return spec

    def enricher(self, name: str) -> EnricherSpec:
        """The enricher called ``name``; raises like :meth:`parser`."""
        spec = self._get("enricher", name)
        assert isinstance(spec, EnricherSpec)
        return spec

    def exporter(self, name: str) -> ExporterSpec:
        """The exporter called ``name``; raises like :meth:`parser`."""
        spec = self._get("exporter", name)
        assert isinstance(spec, ExporterSpec)
        return spec

    def exporter_with(
        self, capability: Capability, path: str | os.PathLike[str] | None = None
    ) -> ExporterSpec:
        """The exporter offering ``capability`` for the output at ``path``: the one
        whose suffix ``path`` has, or else the only one offering it.

        This is how the core reaches an exporter's optional capabilities (``seedcorpus
        search`` and ``serve``, :func:`seedcorpus.search`): through the registry, so
        disabling a plugin disables them too.

        :raises UnknownPluginError: if no installed exporter offers ``capability`` (the
            message names the disabled plugins), or several do and none by the suffix
            of ``path``.
        """
        offering = [s for s in self.exporters.values() if getattr(s, capability) is not None]
        if not offering:
            disabled = ", ".join(sorted(self.loaded.disabled))
            hint = f" (disabled by SEEDCORPUS_DISABLE_PLUGINS: {disabled})" if disabled else ""
            raise UnknownPluginError(f"no installed exporter offers {capability}{hint}")
        if path is not None:
            name = Path(path).name
            by_suffix = [s for s in offering if s.suffix and name.endswith(s.suffix)]
            if len(by_suffix) == 1:
                return by_suffix[0]
        if len(offering) == 1:
            return offering[0]
        names = ", ".join(spec.name for spec in offering)
        raise UnknownPluginError(
            f"several exporters offer {capability} ({names}), and {str(path)!r} has none "
            "of their suffixes: choose one with --format"
        )

    def select_enrichers(self, names: str | Iterable[str]) -> tuple[EnricherSpec, ...]:
        """Enrichers for ``"all"`` (sorted by name), ``"none"``, a comma-separated string,
        or an iterable of names (kept in the given order).

        :raises UnknownPluginError: for a name no installed enricher has.
        :raises PluginError: for a name two plugins provide, ``"all"`` included: leaving
            it out would drop that enrichment from every article without a word.
        """
        if isinstance(names, str):
            if names == "all":
                clashing = {name for kind, name in self._conflicts if kind == "enricher"}
                return tuple(self.enricher(name) for name in sorted({*self.enrichers, *clashing}))
            if names == "none":
                return ()
            names = [name.strip() for name in names.split(",") if name.strip()]
        return tuple(self.enricher(name) for name in names)

    def owner(self, kind: SpecKind, name: str) -> PluginInfo:
        """The plugin that provides the named parser, enricher or exporter."""
        return self._owners[kind, name]

    @cached_property
    def converter(self) -> Converter:
        """The one JSON converter, knowing every installed enricher's record types."""
        return make_converter(t for spec in self.enrichers.values() for t in spec.types)

    def entries(self) -> list[PluginEntry]:
        """Everything the plugins provide, sorted by kind and name."""
        entries = []
        for (kind, name), info in sorted(self._owners.items()):
            spec = self._specs[kind][name]
            entries.append(
                PluginEntry(
                    name=name,
                    kind=kind,
                    plugin=info.name,
                    package=info.package,
                    package_version=info.version,
                    version=spec.version,
                    description=spec.description,
                    capabilities=tuple(
                        name for name in _CAPABILITIES if getattr(spec, name, None) is not None
                    ),
                )
            )
        return entries

"""Plugin loading and the registry: names, conflicts, failures, switches."""

from __future__ import annotations

import types
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path
from typing import Any, ClassVar

import attrs
import pytest

from kit_plugins import Initials, initials
from seedcorpus import open_corpus
from seedcorpus.errors import PluginError, UnknownPluginError
from seedcorpus.hookspecs import hookimpl
from seedcorpus.models import Enrichment
from seedcorpus.plugins import DEFAULT_PLUGINS, load_plugins
from seedcorpus.registry import Registry
from seedcorpus.specs import EnricherSpec, ExporterSpec, ParserSpec


def write_nothing(articles: Any, destination: Path, converter: Any) -> None:
    destination.write_text("")


def read_nothing(source: Path, converter: Any) -> Iterator[Any]:
    return iter(())


def plugin(name: str, **hooks: Any) -> types.ModuleType:
    """A plugin module with the given hook implementations."""
    module = types.ModuleType(name)
    for hook_name, function in hooks.items():
        setattr(module, hook_name, hookimpl(function))
    return module


def exporter_plugin(plugin_name: str, exporter_name: str) -> types.ModuleType:
    def seedcorpus_exporters() -> Iterator[ExporterSpec]:
        yield ExporterSpec(name=exporter_name, write=write_nothing, description=plugin_name)

    return plugin(plugin_name, seedcorpus_exporters=seedcorpus_exporters)


def only(*plugins: object, **options: Any) -> Registry:
    return Registry.load(builtins=False, entry_points=False, extra=plugins, **options)


def test_builtins_are_registered_through_the_hooks(registry: Registry) -> None:
    assert set(registry.loaded.plugins) == {m.rsplit(".", 1)[1] for m in DEFAULT_PLUGINS}
    assert "antara" in registry.parsers
    assert {"jsonl", "sqlite"} <= set(registry.exporters)
    assert {"acronyms", "dates", "language", "quotes", "stats"} <= set(registry.enrichers)
    assert registry.failures == []
    assert registry.owner("exporter", "sqlite").package == "seedcorpus"


def test_names_are_sorted_whatever_the_registration_order() -> None:
    registry = only(exporter_plugin("p1", "zeta"), exporter_plugin("p2", "alpha"))
    assert list(registry.exporters) == ["alpha", "zeta"]


def test_unknown_name_lists_the_choices() -> None:
    registry = only(exporter_plugin("p1", "csv"), exporter_plugin("p2", "jsonl"))
    with pytest.raises(
        UnknownPluginError, match="unknown exporter 'xml'; choose one of: csv, jsonl"
    ):
        registry.exporter("xml")


def test_duplicate_names_are_an_error_naming_both_plugins() -> None:
    registry = only(exporter_plugin("first", "csv"), exporter_plugin("second", "csv"))
    with pytest.raises(PluginError, match=r"'first'.*'second'"):
        registry.exporter("csv")
    assert len(registry.conflicts) == 1


def test_all_enrichers_is_an_error_while_two_plugins_share_a_name() -> None:
    # "all" (what build runs) once took the first plugin's and said nothing.
    def enricher_plugin(plugin_name: str) -> types.ModuleType:
        def seedcorpus_enrichers() -> Iterator[EnricherSpec]:
            yield EnricherSpec("initials", initials, (Initials,), description=plugin_name)

        return plugin(plugin_name, seedcorpus_enrichers=seedcorpus_enrichers)

    registry = only(enricher_plugin("first"), enricher_plugin("second"))
    with pytest.raises(PluginError, match=r"enricher 'initials' .*'first'.*'second'"):
        registry.select_enrichers("all")
    with pytest.raises(PluginError, match=r"enricher 'initials' .*'first'.*'second'"):
        open_corpus(Path(__file__).parent.parent / "seeds", registry=registry).enrich("all")
    assert registry.select_enrichers("none") == ()
    assert [s.name for s in only(enricher_plugin("alone")).select_enrichers("all")] == ["initials"]


def test_a_hook_that_raises_is_reported_by_name_and_skipped() -> None:
    def seedcorpus_exporters() -> Iterator[ExporterSpec]:
        raise RuntimeError("boom")
        yield  # pragma: no cover

    registry = only(
        plugin("broken", seedcorpus_exporters=seedcorpus_exporters), exporter_plugin("ok", "csv")
    )
    assert list(registry.exporters) == ["csv"]
    [failure] = registry.failures
    assert failure.name == "broken"
    assert "RuntimeError: boom" in str(failure)


def test_a_hook_that_yields_the_wrong_type_is_a_failure() -> None:
    def seedcorpus_parsers() -> Iterator[object]:
        yield {"name": "dict-parser"}

    registry = only(plugin("dicts", seedcorpus_parsers=seedcorpus_parsers))
    assert registry.parsers == {}
    assert "not a ParserSpec" in registry.failures[0].error


def test_disable_blocks_plugins_and_spec_names(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SEEDCORPUS_DISABLE_PLUGINS", "stats, jsonl")
    registry = Registry.load(entry_points=False)
    assert "stats" not in registry.enrichers
    assert "jsonl" not in registry.exporters
    assert "sqlite" in registry.exporters


def test_trace_prints_hook_calls(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SEEDCORPUS_TRACE_PLUGINS", "1")
    only(exporter_plugin("p1", "csv"), exporter_plugin("p2", "tsv"))
    err = capsys.readouterr().err
    # What each hook gave, by name: not the generator object the hook returns.
    assert "seedcorpus_exporters: plugin 'p1' (p1) gave exporter 'csv'" in err
    assert "seedcorpus_exporters: plugin 'p2' (p2) gave exporter 'tsv'" in err
    assert "generator object" not in err


def test_a_hook_yielding_a_dict_is_a_named_failure() -> None:
    def seedcorpus_enrichers() -> Iterator[Any]:
        yield {"name": "dicty"}

    registry = only(plugin("p1", seedcorpus_enrichers=seedcorpus_enrichers))
    (failure,) = registry.failures
    assert failure.error == (
        "seedcorpus_enrichers: TypeError: yielded {'name': 'dicty'}, not an EnricherSpec"
    )


class FakeEntryPoint:
    def __init__(self, name: str, load: Any) -> None:
        self.name = name
        self.load = load
        self.dist = types.SimpleNamespace(name=f"seedcorpus-{name}", version="2.0")


def test_entry_point_plugins_load_and_a_failing_import_is_reported(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def fail() -> object:
        raise ImportError("No module named 'missing_dependency'")

    points = [
        FakeEntryPoint("good", lambda: exporter_plugin("good", "csv")),
        FakeEntryPoint("bad", fail),
    ]
    monkeypatch.setattr(
        metadata, "entry_points", lambda group: points if group == "seedcorpus" else []
    )
    registry = Registry.load(builtins=False)
    assert registry.owner("exporter", "csv").package == "seedcorpus-good"
    [failure] = registry.failures
    assert (failure.name, failure.package) == ("bad", "seedcorpus-bad")
    assert "ImportError: No module named 'missing_dependency'" in failure.error


def test_each_load_builds_a_fresh_manager() -> None:
    assert load_plugins(entry_points=False).manager is not load_plugins(entry_points=False).manager


def test_select_enrichers(registry: Registry) -> None:
    assert registry.select_enrichers("none") == ()
    assert [s.name for s in registry.select_enrichers("all")] == sorted(registry.enrichers)
    assert [s.name for s in registry.select_enrichers("quotes,dates")] == ["quotes", "dates"]
    with pytest.raises(UnknownPluginError, match="unknown enricher 'nope'"):
        registry.select_enrichers(["nope"])


def test_parser_spec_fields() -> None:
    def seedcorpus_parsers() -> Iterator[ParserSpec]:
        yield ParserSpec(name="plain", parse=lambda d: None, description="x")  # type: ignore[arg-type,return-value]

    registry = only(plugin("plain_plugin", seedcorpus_parsers=seedcorpus_parsers))
    [entry] = registry.entries()
    assert (entry.name, entry.kind, entry.plugin) == ("plain", "parser", "plain_plugin")


# --- misspelt hooks (pluggy's check_pending) ---


def test_a_misspelt_hook_is_a_failure_naming_the_plugin_and_the_hook() -> None:
    def seedcorpus_exporter() -> Iterator[ExporterSpec]:  # one letter short
        yield ExporterSpec(name="lost", write=write_nothing)  # pragma: no cover

    typo = plugin("typo", seedcorpus_exporter=seedcorpus_exporter)
    registry = only(typo, exporter_plugin("ok", "csv"))
    [failure] = registry.failures
    assert failure.name == "typo"
    assert "unknown hook seedcorpus_exporter" in failure.error
    assert "seedcorpus_exporters" in failure.error  # says what the hooks are called
    assert list(registry.exporters) == ["csv"]  # the others are unaffected


def test_a_plugin_with_a_misspelt_hook_is_skipped_whole() -> None:
    # Half a plugin would be worse than none: its good hooks are not used either.
    def seedcorpus_parser() -> Iterator[ParserSpec]:
        yield from ()  # pragma: no cover

    def seedcorpus_exporters() -> Iterator[ExporterSpec]:
        yield ExporterSpec(name="half", write=write_nothing)

    registry = only(
        plugin(
            "mixed", seedcorpus_parser=seedcorpus_parser, seedcorpus_exporters=seedcorpus_exporters
        )
    )
    assert registry.exporters == {}
    assert [failure.name for failure in registry.failures] == ["mixed"]


def test_builtins_have_no_misspelt_hooks(registry: Registry) -> None:
    registry.loaded.manager.check_pending()


# --- capabilities ---


def search_nothing(database: Path, query: str, *, limit: int = 10, markers: Any = ()) -> list[Any]:
    return []


def capable_plugin(plugin_name: str, exporter_name: str, suffix: str) -> types.ModuleType:
    def seedcorpus_exporters() -> Iterator[ExporterSpec]:
        yield ExporterSpec(
            name=exporter_name, write=write_nothing, suffix=suffix, search=search_nothing
        )

    return plugin(plugin_name, seedcorpus_exporters=seedcorpus_exporters)


def test_exporter_with_a_capability_is_chosen_by_suffix_or_as_the_only_one() -> None:
    registry = only(
        capable_plugin("p1", "alpha", ".a"),
        capable_plugin("p2", "beta", ".b"),
        exporter_plugin("p3", "plain"),
    )
    assert registry.exporter_with("search", "out.b").name == "beta"
    with pytest.raises(
        UnknownPluginError, match=r"several exporters offer search \(alpha, beta\)"
    ):
        registry.exporter_with("search", "out.db")
    single = only(capable_plugin("p1", "alpha", ".a"), exporter_plugin("p3", "plain"))
    assert single.exporter_with("search", "out.db").name == "alpha"


def test_an_output_of_an_exporter_without_the_capability_says_so() -> None:
    def seedcorpus_exporters() -> Iterator[ExporterSpec]:
        yield ExporterSpec(name="rows", write=write_nothing, suffix=".rows.csv")

    registry = only(
        capable_plugin("p1", "alpha", ".a"),
        plugin("p2", seedcorpus_exporters=seedcorpus_exporters),
    )
    with pytest.raises(
        UnknownPluginError,
        match=r"'out.rows.csv' is an output of 'rows', which offers no search; "
        r"exporters offering it: alpha",
    ):
        registry.exporter_with("search", "out.rows.csv")


def test_the_longest_suffix_chooses_the_exporter() -> None:
    registry = only(
        capable_plugin("p1", "table", ".csv"), capable_plugin("p2", "rows", ".rows.csv")
    )
    assert registry.exporter_with("search", "out.rows.csv").name == "rows"
    assert registry.exporter_with("search", "out.csv").name == "table"


def test_an_unknown_name_names_the_disabled_plugins() -> None:
    registry = only(exporter_plugin("p1", "csv"), exporter_plugin("p2", "tsv"), disabled=["p2"])
    with pytest.raises(
        UnknownPluginError,
        match=r"^unknown exporter 'tsv'; choose one of: csv; did you mean 'csv'\? "
        r"\(disabled by SEEDCORPUS_DISABLE_PLUGINS: p2\)$",
    ):
        registry.exporter("tsv")


@attrs.frozen
class Thing(Enrichment):
    kind: ClassVar[str] = "thing"
    n: int


@attrs.frozen
class NotAnEnrichment:
    n: int


@pytest.mark.parametrize(
    ("name", "types", "error"),
    [
        (
            "thingy",
            (Thing,),
            "lists Thing in its types, whose kind is 'thing': it must be "
            "the enricher's name, 'thingy'",
        ),
        ("thing", (NotAnEnrichment,), "which is not an attrs subclass of seedcorpus.Enrichment"),
    ],
)
def test_an_enricher_with_types_the_converter_cannot_use_is_a_named_failure(
    name: str, types: tuple[type, ...], error: str, tmp_path: Path, seeds: Path
) -> None:
    def seedcorpus_enrichers() -> Iterator[EnricherSpec]:
        yield EnricherSpec(name=name, enrich=Thing, types=types)

    registry = Registry.load(
        entry_points=False, extra=[plugin("p1", seedcorpus_enrichers=seedcorpus_enrichers)]
    )
    (failure,) = registry.failures
    assert failure.name == "p1"
    assert error in failure.error
    assert name not in registry.enrichers
    # The rest goes on working: one plugin's bad class does not break every export.
    open_corpus(seeds, registry=registry).export("jsonl", tmp_path / "out.jsonl")


def test_a_conflict_is_an_error_by_suffix_and_for_all_enrichers(
    seeds: Path, tmp_path: Path
) -> None:
    def seedcorpus_exporters() -> Iterator[ExporterSpec]:
        yield ExporterSpec(name="csv", write=write_nothing, suffix=".csv", read=read_nothing)

    def seedcorpus_enrichers() -> Iterator[EnricherSpec]:
        yield EnricherSpec(name="stats", enrich=Thing, types=())

    output = tmp_path / "out.csv"
    open_corpus(seeds, registry=Registry.load(entry_points=False)).export("csv", output)
    rival = plugin(
        "rival",
        seedcorpus_exporters=seedcorpus_exporters,
        seedcorpus_enrichers=seedcorpus_enrichers,
    )
    registry = Registry.load(entry_points=False, extra=[rival])
    both = r"'csv' is provided by two plugins: 'csv' \(seedcorpus\) and 'rival' \(rival\)"
    with pytest.raises(PluginError, match=both):
        open_corpus(output, registry=registry)
    with pytest.raises(PluginError, match=both):
        registry.exporter_with("read", output)
    with pytest.raises(PluginError, match="'stats' is provided by two plugins"):
        registry.select_enrichers("all")


def test_no_exporter_with_a_capability_names_the_disabled_plugins() -> None:
    registry = Registry.load(entry_points=False, disabled=["sqlite"])
    with pytest.raises(
        UnknownPluginError,
        match=r"no installed exporter offers search "
        r"\(disabled by SEEDCORPUS_DISABLE_PLUGINS: sqlite\)",
    ):
        registry.exporter_with("search", "out.sqlite")
    assert Registry.load(entry_points=False).exporter_with("serve", "x.sqlite").name == "sqlite"

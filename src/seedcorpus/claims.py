"""Which parser reads which file: parsers claim files, and a row is routed to one.

A :class:`~seedcorpus.specs.ParserSpec` declares the glob ``patterns`` of the files it
reads. A file that one parser's patterns match is that parser's; where several match,
each one's ``sniff`` is shown the first bytes and the one that says yes reads it. A file
no pattern matches is nobody's: it is never handed to a parser by guesswork.

A manifest row is read by, in this order: the parser its ``parser`` column names; the
parser the caller chose for every row (``build --parser``); the parser that claims its
file. :func:`route` says which, and why.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Sequence

import attrs

from seedcorpus.errors import AmbiguousClaimError, UnclaimedFileError
from seedcorpus.specs import ParserSpec

__all__ = ["SNIFF_BYTES", "Route", "claim", "claimants", "matches", "route", "suffix_claimant"]

SNIFF_BYTES = 4096
"""How many of a file's first bytes a parser's ``sniff`` is shown."""


@attrs.frozen
class Route:
    """The parser that reads a file, and why that one."""

    parser: str
    """The parser's name."""
    reason: str
    """How it was chosen: ``parser column``, ``chosen for every row``, ``pattern *.txt``,
    or ``sniffed among a, b``."""

    def __str__(self) -> str:
        return f"{self.parser} ({self.reason})"


@functools.lru_cache(maxsize=256)
def _glob(pattern: str) -> re.Pattern[str]:
    """The regular expression of a glob pattern: ``*`` and ``?`` do not cross ``/``,
    ``**/`` is any number of folders, ``[...]`` a set (``[!...]`` its complement)."""
    parts: list[str] = []
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if pattern.startswith("**/", index):
            parts.append("(?:[^/]*/)*")
            index += 3
            continue
        if char == "*":
            parts.append("[^/]*")
        elif char == "?":
            parts.append("[^/]")
        elif char == "[" and (end := pattern.find("]", index + 2)) > 0:
            members = pattern[index + 1 : end]
            negated = members.startswith("!")
            members = re.escape(members[1:] if negated else members).replace("\\-", "-")
            parts.append(f"[{'^/' if negated else ''}{members}]")
            index = end + 1
            continue
        else:
            parts.append(re.escape(char))
        index += 1
    return re.compile("".join(parts))


def matches(pattern: str, path: str) -> bool:
    """Whether the glob ``pattern`` matches ``path`` (relative, with ``/``).

    >>> matches("*.txt", "2024/07/a.txt"), matches("news/*.json", "news/a.json")
    (True, True)
    >>> matches("news/*.json", "old/news/a.json"), matches("**/news/*.json", "old/news/a.json")
    (False, True)
    """
    target = path if "/" in pattern else path.rpartition("/")[2]
    return _glob(pattern).fullmatch(target) is not None


def claimants(parsers: Iterable[ParserSpec], path: str) -> list[ParserSpec]:
    """The parsers whose patterns match ``path``, sorted by name."""
    return [spec for spec, _ in _claims(parsers, path)]


def _claims(parsers: Iterable[ParserSpec], path: str) -> list[tuple[ParserSpec, str]]:
    """Each parser whose patterns match ``path`` with the first pattern that does,
    sorted by name: matched once, as :func:`claim` does for every article."""
    found = []
    for spec in parsers:
        for pattern in spec.patterns:
            if matches(pattern, path):
                found.append((spec, pattern))
                break
    found.sort(key=_by_name)
    return found


def _by_name(claimed: tuple[ParserSpec, str]) -> str:
    return claimed[0].name


def suffix_claimant(parsers: Iterable[ParserSpec]) -> Callable[[str], str | None] | None:
    """A quick :func:`claim` for parsers whose patterns all name a file by its ending
    (``*.txt``), or ``None`` where some pattern is of another kind.

    The function it returns gives the name of the one parser that claims a path, or
    ``None`` where not exactly one does (then :func:`claim` must sniff or say what is
    wrong). Routing every article through the general matching cost more than reading
    its manifest row.

    >>> from seedcorpus.specs import ParserSpec
    >>> claimant = suffix_claimant([ParserSpec("antara", print, patterns=("*.txt",))])
    >>> claimant("2024/a.txt"), claimant("a.json")
    ('antara', None)
    """
    claims: list[tuple[str, tuple[str, ...]]] = []
    for spec in parsers:
        endings = tuple(pattern[1:] for pattern in spec.patterns)
        # "*" never crosses "/", and the rest must be plain text to be an ending.
        if not all(p.startswith("*") for p in spec.patterns) or any(
            char in ending for ending in endings for char in "*?[/"
        ):
            return None
        if endings:
            claims.append((spec.name, endings))

    def claimant(path: str) -> str | None:
        # An ending has no "/", so the path ends with it exactly when its name does.
        found = None
        for parser, endings in claims:
            if path.endswith(endings):
                if found is not None:
                    return None
                found = parser
        return found

    return claimant


def _sniffs(spec: ParserSpec, head: bytes) -> bool | None:
    """What ``spec.sniff`` says of ``head``: yes, no, or ``None`` without a sniff."""
    if spec.sniff is None:
        return None
    try:
        return bool(spec.sniff(head))
    except Exception:  # a sniff that fails cannot claim the file
        return False


def _described(specs: Sequence[ParserSpec]) -> str:
    return ", ".join(f"{spec.name} ({' '.join(spec.patterns)})" for spec in specs)


def claim(
    parsers: Iterable[ParserSpec], path: str, head: bytes | Callable[[], bytes]
) -> tuple[ParserSpec, str]:
    """The parser that claims the file at ``path``, and how (``pattern *.txt`` or
    ``sniffed among a, b``).

    :param head: the file's first bytes (more are cut to :data:`SNIFF_BYTES`), or a
        function that reads them; called only where sniffing must break a tie.
    :raises UnclaimedFileError: no parser's patterns match ``path``.
    :raises AmbiguousClaimError: several match, and sniffing does not single one out:
        exactly one must say yes, or else exactly one have no sniff while the others
        say no.
    """
    parsers = list(parsers)
    claims = _claims(parsers, path)
    if len(claims) == 1:
        spec, pattern = claims[0]
        return spec, f"pattern {pattern}"
    found = [spec for spec, _ in claims]
    if not found:
        claiming = [spec for spec in parsers if spec.patterns]
        known = _described(sorted(claiming, key=lambda s: s.name)) or "none"
        raise UnclaimedFileError(
            f"no installed parser claims {path!r} (parsers and their patterns: {known}); "
            "name one in the 'parser' column, or with --parser"
        )
    data = head if isinstance(head, bytes) else head()
    said = {spec.name: _sniffs(spec, data[:SNIFF_BYTES]) for spec in found}
    yes = [spec for spec in found if said[spec.name] is True]
    unsure = [spec for spec in found if said[spec.name] is None]
    if len(yes) == 1 or (not yes and len(unsure) == 1):
        chosen = yes[0] if yes else unsure[0]
        return chosen, f"sniffed among {', '.join(spec.name for spec in found)}"
    raise AmbiguousClaimError(
        f"{path!r} is claimed by several parsers: {_described(found)}, and sniffing "
        "its first bytes does not decide; name one in the 'parser' column, or with --parser"
    )


def route(
    parsers: Iterable[ParserSpec],
    path: str,
    head: bytes | Callable[[], bytes],
    *,
    column: str | None = None,
    chosen: str | None = None,
) -> Route:
    """Which parser reads a manifest row, and why.

    :param column: the row's ``parser`` cell, if it has one: it always wins.
    :param chosen: the parser chosen for every row that names none (``--parser``).
    :raises UnclaimedFileError: as :func:`claim`, when neither is given.
    :raises AmbiguousClaimError: as :func:`claim`, when neither is given.
    """
    if column:
        return Route(column, "parser column")
    if chosen:
        return Route(chosen, "chosen for every row")
    spec, reason = claim(parsers, path, head)
    return Route(spec.name, reason)

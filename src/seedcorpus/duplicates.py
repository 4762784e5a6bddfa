"""Duplicates and republished copies in a corpus.

* **Exact duplicates**: articles whose bodies are equal after :func:`body_key`'s
  normalisation (case, punctuation and whitespace ignored). Always available.
* **Near duplicates**: bodies whose sets of word 3-shingles have an estimated Jaccard
  similarity of at least ``threshold`` (default :data:`THRESHOLD`), found with MinHash and
  LSH from ``datasketch`` (the ``duplicates`` extra). Without it, only exact duplicates
  are found, and :attr:`Duplicates.near` says so.
* **Republications**: an article whose syndication line names an original title
  (``Berita ini telah tayang di Antaranews.com dengan judul: ...``) is linked to the
  article of the corpus with that title (case and spacing ignored), if there is one.

Memory (measured, see ``docs/duplicates.md``): the work keeps, per article, its id, a
64-bit body hash and title hash, and for near duplicates a MinHash signature of
:data:`NUM_PERM` 32-bit values; the LSH banding sorts one band at a time.
"""

from __future__ import annotations

import hashlib
import re
from array import array
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import attrs

from seedcorpus.models import Article

__all__ = [
    "NUM_PERM",
    "SHINGLE",
    "THRESHOLD",
    "Cluster",
    "Duplicates",
    "Measurement",
    "Record",
    "Republication",
    "body_key",
    "edited_copy",
    "find_duplicates",
    "find_in_records",
    "measure",
    "near_available",
    "record",
    "shingles",
]

THRESHOLD = 0.5
"""Default estimated Jaccard similarity of word 3-shingles at which two bodies are near
duplicates. Measured on synthetic copies (``docs/duplicates.md``): copies with up to 5%
of their words edited are all found, most with 10%, none with 20%; no false pairs."""
NUM_PERM = 64
"""MinHash permutations: 256 bytes of signature per article; the estimate's standard
error is about 0.06 at similarity 0.5."""
SHINGLE = 3
"""Words per shingle."""

_WORD = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


# For ASCII text: a word character ([A-Za-z0-9_], what \w matches there) kept, upper
# case lowered (casefold() of ASCII), everything else a space.
_ASCII_WORDS = bytes(
    c + 32 if 65 <= c <= 90 else c if chr(c).isalnum() or c == 95 else 32 for c in range(128)
).ljust(256, b" ")


_SPACES = re.compile(rb"  +")


def _joined_words(text: str) -> bytes:
    """The text's case-folded words joined by single spaces, UTF-8: what the keys hash.

    Finding the words with the regular expression took most of an export's duplicate
    pass; for ASCII text (most bodies) a byte table and a collapse of the spaces it leaves
    give the same words several times faster.
    """
    if text.isascii():
        spaced = text.encode("ascii").translate(_ASCII_WORDS)
        return _SPACES.sub(b" ", spaced).strip()  # a quarter quicker than split and join
    return " ".join(_words(text)).encode()


def body_key(body: str) -> int | None:
    """A 64-bit hash of the normalised body (its words, case-folded), or None for a
    body without words: equal keys mean equal bodies up to case, punctuation and
    spacing."""
    words = _joined_words(body)
    return _hash(words) if words else None


# The bytes that are not word characters, for translate to delete.
_ASCII_NON_WORDS = bytes(c for c in range(128) if _ASCII_WORDS[c] == 32)


def _glued_key(body: str) -> int | None:
    """A hash of the body's case-folded words glued together (no spaces), or None for a
    body without words: equal :func:`body_key` means equal glued keys, and the glued key
    is several times cheaper (one pass of ``translate``, no collapse of spaces). It is
    Python's own hash, which is salted per process: only ever compared within one pass.
    """
    if body.isascii():
        glued = body.encode("ascii").translate(_ASCII_WORDS, _ASCII_NON_WORDS)
    else:
        glued = "".join(_words(body)).encode()
    return hash(glued) if glued else None


def _title_key(title: str | None) -> int | None:
    return _hash(_joined_words(title)) if title else None


def _hash(words: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(words, digest_size=8).digest(), "big")


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    """The set of ``size``-word shingles of the text's case-folded words."""
    words = _words(text)
    if len(words) < size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[n : n + size]).encode() for n in range(len(words) - size + 1)}


def near_available() -> bool:
    """Whether ``datasketch`` (the ``duplicates`` extra) is installed."""
    import importlib.util

    return importlib.util.find_spec("datasketch") is not None


@attrs.frozen
class Cluster:
    """Articles that are copies of each other."""

    kind: str
    """``exact`` (equal normalised bodies) or ``near`` (some differ a little)."""
    ids: tuple[str, ...]
    """The articles, in corpus order; the first is taken as the original."""


@attrs.frozen
class Republication:
    """An article that says it republishes another, and the article it names."""

    id: str
    """The republished copy."""
    original_id: str
    """The article of the corpus whose title is the one the syndication line names."""
    original_title: str
    """The title as the syndication line gives it."""
    site: str
    """Where the syndication line says the original appeared."""


@attrs.frozen
class Duplicates:
    """What :func:`find_duplicates` found."""

    articles: int
    """Articles examined."""
    clusters: tuple[Cluster, ...]
    """Groups of two or more copies, in order of their first article."""
    republications: tuple[Republication, ...]
    """Syndication lines whose original is in the corpus."""
    near: bool
    """Whether near duplicates were looked for (False without ``datasketch``)."""
    threshold: float
    """The near-duplicate threshold used."""

    def to_json(self) -> dict[str, Any]:
        """The JSON form ``seedcorpus duplicates --json`` prints."""
        return {
            "articles": self.articles,
            "near": self.near,
            "threshold": self.threshold,
            "clusters": [{"kind": c.kind, "ids": list(c.ids)} for c in self.clusters],
            "republications": [attrs.asdict(r) for r in self.republications],
        }


class _Sets:
    """Union-find over article positions."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, item: int) -> int:
        root = item
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while item != root:  # path compression keeps later finds short
            self.parent[item], item = root, self.parent.get(item, item)
        return root

    def union(self, a: int, b: int) -> None:
        first, second = sorted((self.find(a), self.find(b)))
        if first != second:
            self.parent[second] = first


Record = tuple[str, "str | None", str, "str | None", "str | None"]
"""What duplicates are found from: id, title, body, original title and site of the
syndication line (the SQLite exporter reads these from its columns)."""


def record(article: Article) -> Record:
    """The :data:`Record` of an article."""
    syndication = article.syndication
    if syndication is None:
        return (article.id, article.title, article.text, None, None)
    return (article.id, article.title, article.text, syndication.original_title, syndication.site)


def find_duplicates(
    articles: Iterable[Article],
    *,
    near: bool = True,
    threshold: float = THRESHOLD,
    num_perm: int = NUM_PERM,
) -> Duplicates:
    """Find exact and near duplicates and republications, in one pass over ``articles``.

    :param near: look for near duplicates too (needs ``datasketch``; without it this
        is ignored and the result's ``near`` is False).
    :param threshold: the estimated Jaccard similarity that makes two bodies near
        duplicates, between 0 and 1.
    :raises ValueError: for a threshold outside (0, 1].
    """
    records = (record(article) for article in articles)
    return find_in_records(records, near=near, threshold=threshold, num_perm=num_perm)


def find_in_records(
    records: Iterable[Record],
    *,
    near: bool = True,
    threshold: float = THRESHOLD,
    num_perm: int = NUM_PERM,
    read_body: Callable[[str], str] | None = None,
) -> Duplicates:
    """:func:`find_duplicates` over :data:`Record` tuples.

    :param read_body: the body of an earlier record, by its id (a writer that has stored
        them). Given, and without near duplicates, each body is keyed by its words glued
        together, which is cheaper than :func:`body_key`; only a body whose glued words
        are an earlier body's gets the full key, and so does that one (read back): the
        copies found are the same.
    """
    if not 0 < threshold <= 1:
        raise ValueError(f"threshold must be in (0, 1], not {threshold}")
    near = near and near_available()
    index: Any = _NearIndex(threshold, num_perm) if near else None
    glued = read_body is not None and index is None
    ids: list[str] = []
    sets = _Sets()
    first_with_body: dict[int, int] = {}
    # By glued key met twice: the first article of each full key. (A near duplicate's
    # kind needs every full key: the glued keys are taken without near duplicates only.)
    full_keys: dict[int, dict[int | None, int]] = {}
    keys = array("q" if glued else "Q")  # each article's key: 8 bytes, to tell exact from near
    titles: dict[int, int] = {}
    syndicated: list[tuple[int, int, str, str]] = []
    for position, (article_id, title, body, original_title, site) in enumerate(records):
        ids.append(article_id)
        key = _glued_key(body) if glued else body_key(body)
        keys.append(key or 0)
        if key is not None:
            earlier = first_with_body.setdefault(key, position)
            if earlier != position and read_body is not None and glued:
                # The same letters: a copy, or the same text spaced or punctuated apart.
                found = full_keys.get(key)
                if found is None:
                    found = full_keys[key] = {body_key(read_body(ids[earlier])): earlier}
                earlier = found.setdefault(body_key(body), position)
            if earlier != position:
                sets.union(earlier, position)
            elif index is not None:
                index.add(position, body)
        title_key = _title_key(title)
        if title_key is not None:
            titles.setdefault(title_key, position)
        wanted = _title_key(original_title)
        if wanted is not None and original_title:
            syndicated.append((position, wanted, original_title, site or ""))
    if index is not None:
        for a, b in index.pairs():
            sets.union(a, b)
    return Duplicates(
        len(ids),
        tuple(_clusters(sets, ids, keys)),
        tuple(
            Republication(ids[position], ids[titles[wanted]], title, site)
            for position, wanted, title, site in syndicated
            if titles.get(wanted, position) != position
        ),
        near,
        threshold,
    )


def _clusters(sets: _Sets, ids: list[str], keys: array[int]) -> Iterator[Cluster]:
    groups: dict[int, set[int]] = {}
    for member in sets.parent:
        groups.setdefault(sets.find(member), {member}).add(member)
    for root in sorted(groups):
        members = sorted(groups[root] | {root})
        kind = "exact" if len({keys[m] for m in members}) == 1 else "near"
        yield Cluster(kind, tuple(ids[m] for m in members))


BANDS, ROWS = 21, 3
"""LSH banding of the :data:`NUM_PERM` signature values: two bodies become candidates if
all 3 values of any of 21 bands agree; for similarity 0.5 that happens with probability
1 - (1 - 0.5**3)**21 = 0.94, for 0.7 with 0.9999. Candidates are then verified."""
_NEIGHBOURS = 8  # bucket members compared with each one: bounds work on boilerplate


class _NearIndex:
    """MinHash signatures (datasketch) kept compactly, banded with numpy at the end.

    datasketch's own in-memory ``MinHashLSH`` keeps a dict entry and a set per band and
    bucket: its index alone took 4.3 KB per article at threshold 0.5 (measured on
    10,000), 4.3 GB for a million. Here a signature is 256 bytes in one buffer, and the
    banding sorts one band at a time.
    """

    def __init__(self, threshold: float, num_perm: int) -> None:
        from datasketch import MinHash

        self._minhash = MinHash
        self.num_perm = num_perm
        self.threshold = threshold
        self.buffer = bytearray()
        self.positions = array("I")

    def add(self, position: int, text: str) -> list[int]:
        """Record one body's signature (near links are found by :meth:`pairs`)."""
        words = shingles(text)
        if words:
            minhash = self._minhash(num_perm=self.num_perm)
            minhash.update_batch(list(words))
            self.buffer += minhash.hashvalues.astype("<u4").tobytes()
            self.positions.append(position)
        return []

    def pairs(self) -> Iterator[tuple[int, int]]:
        """Verified near-duplicate pairs of positions."""
        import numpy as np

        signatures = np.frombuffer(bytes(self.buffer), dtype="<u4").reshape(-1, self.num_perm)
        positions = np.frombuffer(self.positions.tobytes(), dtype=np.uint32)
        rows = min(ROWS, self.num_perm)
        for band in range(min(BANDS, self.num_perm // rows)):
            values = signatures[:, band * rows : (band + 1) * rows].astype(np.uint64)
            keys = values[:, 0]
            for column in range(1, rows):  # combine the band's values into one key
                keys = keys * np.uint64(0x100000001B3) ^ values[:, column]
            order = np.argsort(keys, kind="stable")
            sorted_keys = keys[order]
            for lag in range(1, _NEIGHBOURS + 1):
                same = np.nonzero(sorted_keys[lag:] == sorted_keys[:-lag])[0]
                if not len(same):
                    break
                first, second = order[same], order[same + lag]
                similar = (signatures[first] == signatures[second]).mean(axis=1)
                keep = similar >= self.threshold
                for a, b in zip(positions[first[keep]], positions[second[keep]], strict=True):
                    yield int(a), int(b)


@attrs.frozen
class Measurement:
    """How well near duplicates are found among copies with known edits."""

    recall: dict[float, float]
    """For each edit rate (fraction of words replaced, deleted or inserted), the share
    of copies found in one cluster with their original."""
    precision: float
    """Of the pairs found, the share that are an original and its copy."""
    pairs: int
    """Pairs found."""


def edited_copy(article: Article, rate: float, seed: int) -> Article:
    """A copy of ``article`` (id suffixed ``~copy``) whose body has ``rate`` of its
    words edited, each edit a replacement, deletion or insertion chosen at random."""
    import random

    rng = random.Random(seed)
    words = article.text.split()
    for _ in range(round(len(words) * rate)):
        where, choice = rng.randrange(len(words)), rng.random()
        if choice < 0.4:
            words[where] = f"ganti{rng.randrange(10**6)}"
        elif choice < 0.7 and len(words) > 1:
            del words[where]
        else:
            words.insert(where, f"sisip{rng.randrange(10**6)}")
    return attrs.evolve(article, id=f"{article.id}~copy", paragraphs=(" ".join(words),))


def measure(
    articles: list[Article], rates: tuple[float, ...], *, threshold: float = THRESHOLD
) -> Measurement:
    """Copy article ``i`` with edit rate ``rates[i % len(rates)]``, find duplicates
    among the originals and copies, and score the clusters against the truth.

    The originals must be distinct stories (as a synthetic corpus's are).
    """
    copies = [edited_copy(a, rates[n % len(rates)], n) for n, a in enumerate(articles)]
    found = find_duplicates([*articles, *copies], threshold=threshold)
    pairs = {
        (a, b) for cluster in found.clusters for a in cluster.ids for b in cluster.ids if a < b
    }
    true = sum(1 for a, b in pairs if b == f"{a}~copy")
    recall = {}
    for rate in rates:
        chosen = [a.id for n, a in enumerate(articles) if rates[n % len(rates)] == rate]
        recall[rate] = sum((i, f"{i}~copy") in pairs for i in chosen) / max(1, len(chosen))
    return Measurement(recall, true / len(pairs) if pairs else 1.0, len(pairs))

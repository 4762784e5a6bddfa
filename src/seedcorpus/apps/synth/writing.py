"""Writing a synthetic corpus folder: the article files and their ``INDEX.md``.

:func:`synth_corpus` refuses a folder that is not empty (unless forced), writes the
articles in folders of ``per_folder`` files, in worker processes when asked, and lists
them in the manifest; the bytes do not depend on the number of workers.
"""

from __future__ import annotations

import hashlib
import os
import random
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from seedcorpus.apps.synth.articles import synth_path
from seedcorpus.apps.synth.drafting import _Draft
from seedcorpus.atomic import write_refused
from seedcorpus.errors import ExportError, SeedcorpusError
from seedcorpus.manifest import read_manifest, write_manifest
from seedcorpus.models import Manifest, ManifestEntry

__all__ = ["synth_corpus"]


def synth_corpus(
    out: str | os.PathLike[str],
    n: int,
    *,
    seed: int = 0,
    per_folder: int = 10_000,
    jobs: int = 1,
    force: bool = False,
) -> Manifest:
    """Write a corpus of ``n`` synthetic articles to the folder ``out`` and return its manifest.

    Article ``i`` is ``synth_article(i, seed=seed, per_folder=per_folder)``, written to
    ``out/<synth_path(i)>``: at most ``per_folder`` files to a folder. ``INDEX.md``
    lists every file with its sha256, title and language. The same arguments write the
    same bytes, whatever ``jobs`` is.

    :param jobs: worker processes writing articles in parallel (1: none).
    :param force: write into a folder that is not empty (its ``INDEX.md`` is replaced,
        and files the new one does not list stay behind, unlisted).
    :raises ValueError: ``n`` is negative, or ``per_folder`` or ``jobs`` is not positive.
    :raises ExportError: ``out`` is not empty and ``force`` is false; the message says
        what is there.
    :raises StorageError: the machine refused to make the folder or a file in it.
    """
    if n < 0:
        raise ValueError(f"n must be 0 or more, not {n}")
    if per_folder < 1:
        raise ValueError(f"per_folder must be 1 or more, not {per_folder}")
    if jobs < 1:
        raise ValueError(f"jobs must be 1 or more, not {jobs}")
    root = Path(out)
    if not force:
        _refuse_non_empty(root)
    try:
        root.mkdir(parents=True, exist_ok=True)
        if jobs == 1 or n <= _CHUNK:
            entries = _write_articles(root, range(n), seed, per_folder)
        else:
            chunks = [range(start, min(n, start + _CHUNK)) for start in range(0, n, _CHUNK)]
            with ProcessPoolExecutor(jobs) as pool:
                parts = pool.map(
                    _write_articles,
                    [root] * len(chunks),
                    chunks,
                    [seed] * len(chunks),
                    [per_folder] * len(chunks),
                )
                entries = [entry for part in parts for entry in part]
    except OSError as error:  # a folder that takes no files, a full disk
        raise write_refused(error, root, kept=False) from None
    manifest = Manifest(entries=tuple(entries))
    write_manifest(manifest, root)
    return manifest


def _refuse_non_empty(root: Path) -> None:
    """Refuse to write into a folder that holds anything: synth would replace its
    ``INDEX.md`` and orphan every file the new one does not list."""
    if not root.is_dir() or next(root.iterdir(), None) is None:
        return
    files = sum(1 for path in root.rglob("*") if path.is_file())
    listed = ""
    if (root / "INDEX.md").is_file():
        try:
            count = len(read_manifest(root).entries)
        except SeedcorpusError:
            listed = ", and an INDEX.md"
        else:
            listed = f", and an INDEX.md listing {count} article{'' if count == 1 else 's'}"
    raise ExportError(
        f"the folder is not empty ({files} file{'' if files == 1 else 's'}{listed}); synth "
        "would replace its INDEX.md and leave the files it does not list unlisted: choose "
        "an empty or new folder, or pass --force (force=True) to write anyway",
        path=root,
    )


# Articles a worker process writes at a time when synth_corpus runs in parallel.
_CHUNK = 5_000


def _write_articles(out: Path, indexes: range, seed: int, per_folder: int) -> list[ManifestEntry]:
    """Write the articles ``indexes`` of a corpus; return their manifest entries."""
    entries = []
    sha256 = hashlib.sha256
    for index in indexes:
        path = synth_path(index, per_folder=per_folder)
        if index % per_folder == 0 or index == indexes.start:
            os.makedirs(out / path.partition("/")[0], exist_ok=True)
        # The expected Article is not needed here; building it would cost a fifth of the time.
        draft = _Draft(random.Random(f"{seed}/{index}"))
        data = draft.text.encode("utf-8")
        with open(os.path.join(out, path), "wb") as file:
            file.write(data)
        entries.append(
            ManifestEntry(
                file=path,
                id=f"{index:09d}",
                sha256=sha256(data).hexdigest(),
                title=draft.title,
                language=draft.language,
            )
        )
    return entries

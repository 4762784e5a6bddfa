"""One synthetic article with what the ``antara`` parser should read from it.

:func:`synth_article` makes article ``index`` of the corpus a seed stands for, as a
:class:`SynthArticle`; :func:`synth_path` says where in the corpus folder it goes.
"""

from __future__ import annotations

import datetime
import hashlib
import random

import attrs

from seedcorpus.apps.synth.drafting import _Draft
from seedcorpus.models import Article, Source

__all__ = ["SynthArticle", "synth_article", "synth_path"]


@attrs.frozen
class SynthArticle:
    """One generated article: its file and what a parser should read from it."""

    path: str
    """Path of the file relative to the corpus root, e.g. ``0000/000000123.txt``."""
    text: str
    """The text of the file."""
    data: bytes
    """The bytes of the file (``text`` in UTF-8)."""
    expected: Article
    """What the ``antara`` parser should return, spans, problems and enrichments aside."""
    published: datetime.date
    """The day the article was written for: weekday names and dates in it refer to it."""
    cues: tuple[str, ...]
    """The cue word of each attribution of direct or reported speech, in order, as
    printed: ``kata``, ``katanya``, ``ujarnya``, ``lanjut`` (of ``lanjut dia``), ..."""
    acronyms: tuple[tuple[str, str], ...]
    """The acronym definitions ``Long Form (ABBR)`` in the text, as ``(short, long)``."""


def synth_path(index: int, *, per_folder: int = 10_000) -> str:
    """The path of article ``index`` in a synthetic corpus: ``<folder>/<index>.txt``.

    >>> synth_path(123_456)
    '0012/000123456.txt'
    """
    return f"{index // per_folder:04d}/{index:09d}.txt"


def synth_article(index: int, *, seed: int = 0, per_folder: int = 10_000) -> SynthArticle:
    """Generate article ``index`` of the corpus :func:`synth_corpus` writes for ``seed``.

    It depends only on ``seed`` and ``index`` (and ``per_folder``, for its path): a test
    can regenerate any article of a corpus and compare what was parsed with
    ``expected``.
    """
    path = synth_path(index, per_folder=per_folder)
    draft = _Draft(random.Random(f"{seed}/{index}"))
    data = draft.text.encode("utf-8")
    expected = Article(
        id=path.rpartition("/")[2].removesuffix(".txt"),
        source=Source(path=path, sha256=hashlib.sha256(data).hexdigest(), parser="antara"),
        language=draft.language,
        title=draft.title,
        tags=draft.tags,
        caption=draft.caption,
        dateline=draft.dateline,
        paragraphs=tuple(draft.paragraphs),
        syndication=draft.syndication,
        byline=draft.byline,
        copyright=draft.copyright,
    )
    return SynthArticle(
        path=path,
        text=draft.text,
        data=data,
        expected=expected,
        published=draft.published,
        cues=tuple(draft.cues),
        acronyms=tuple(draft.acronyms),
    )

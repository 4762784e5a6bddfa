"""Synthetic ANTARA corpora: many realistic articles, deterministic, fast to write.

:func:`synth_corpus` writes a corpus folder of generated articles in the ANTARA text
layout (see ``docs/antara.md``) with its ``INDEX.md``, for benchmarks and tests
that need more data than the seed corpus. :func:`synth_article` makes one of those
articles together with the :class:`~seedcorpus.models.Article` the ``antara`` parser
should read from it, so a test compares real values instead of hard-coded numbers.

The text is assembled from Indonesian word lists and sentence patterns: 3-25
paragraphs, quotations with the usual cue verbs, acronym definitions, datelines and
photo credits in the styles ANTARA prints, footers full, empty or missing, and the
noise of scraped copies (no-break spaces, trailing spaces, whitespace-only lines,
CRLF line ends, a missing final newline). Article ``i`` of a corpus depends only on
``seed`` and ``i``: the same seed gives a byte-identical corpus.

>>> example = synth_article(7, seed=1)
>>> example.path
'0000/000000007.txt'
>>> example.expected.title == example.text.splitlines()[0].strip()
True

One concept a module; this package re-exports the public names:

* ``vocabulary``: the word lists and sentence parts, and :data:`CUE_VERBS`;
* ``drafting``: one article drawn from a random generator, with its noisy text;
* ``articles``: :class:`SynthArticle`, :func:`synth_article`, :func:`synth_path`;
* ``writing``: :func:`synth_corpus`: the corpus folder, its ``INDEX.md``, worker
  processes, and the refusal to write into a folder that is not empty.
"""

from __future__ import annotations

from seedcorpus.apps.synth import vocabulary as _vocabulary
from seedcorpus.apps.synth.articles import SynthArticle, synth_article, synth_path
from seedcorpus.apps.synth.writing import synth_corpus

__all__ = ["CUE_VERBS", "SynthArticle", "synth_article", "synth_corpus", "synth_path"]

# Bound here rather than imported, so the documentation finds its docstring.
CUE_VERBS = _vocabulary.CUE_VERBS
"""The cue verbs that attribute quotations after them: ``"...," kata Anas``."""

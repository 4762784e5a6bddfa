"""Plugins for the kit's own tests, in a module of their own: ``check_enricher`` runs
enrichers in fresh interpreters, which import them by name, and this module is quick to
import."""

from __future__ import annotations

from typing import ClassVar

import attrs

from seedcorpus.models import Article, Enrichment


@attrs.frozen
class Initials(Enrichment):
    kind: ClassVar[str] = "initials"
    letters: tuple[str, ...]


def initials(article: Article) -> Initials:
    return Initials(letters=tuple(word[0] for word in (article.title or "").split()))


def initials_in_set_order(article: Article) -> Initials:
    # The bug under test: a set's order changes with the interpreter's hash seed.
    words = {word for paragraph in article.paragraphs for word in paragraph.split()}
    return Initials(letters=tuple(word[0] for word in words))

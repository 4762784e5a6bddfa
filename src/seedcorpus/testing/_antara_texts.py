"""Hypothesis strategies for ANTARA-layout texts: renderings of articles, and damaged copies.

:func:`antara_renderings` writes an article of :func:`antara_articles` with the
whitespace noise and spelling variants of real files; :func:`antara_texts` damages those
texts the way scraped copies are damaged. Re-exported by
:mod:`seedcorpus.testing.strategies` and :mod:`seedcorpus.testing`.
"""

from __future__ import annotations

import attrs
from hypothesis import strategies as st

from seedcorpus.models import Article
from seedcorpus.testing._antara_articles import antara_articles
from seedcorpus.testing._byte_choices import _bytes, _Choices

__all__ = ["antara_renderings", "antara_texts"]

_ANTARA_ARTICLES = antara_articles()


# Whitespace noise, a byte each (the first option for byte 0). Between blocks: one to
# three blank lines, some holding only spaces, tabs or U+00A0. On a line: how spaces are
# written, what leads and trails.
_ANTARA_SEPARATORS = (
    "\n\n",
    "\n\n",
    "\n\n",
    "\n \n",
    "\n\t\n",
    "\n\n\n",
    "\n\xa0 \n\n",
    "\n \n\t\n",
)
_ANTARA_LINE_NOISE = [
    (space, lead, trail)
    for space in (" ", " ", " ", "\xa0", "  ", "\t")
    for lead in ("", "", "", " ", "\xa0")
    for trail in ("", "", "", " ", "\xa0", " \t")
]


@st.composite
def antara_renderings(draw: st.DrawFn) -> tuple[Article, str]:
    """An article from :func:`antara_articles` and a text of it in the ANTARA layout that
    the built-in ``antara`` parser must read back as that article
    (apart from ``source.spans``).

    The text varies as real files do: CRLF or lone-CR line ends, U+00A0, tabs and runs of
    spaces inside lines, leading and trailing whitespace, several and whitespace-only
    separator lines, no final newline, no repeated title (where the layout allows it),
    ``(credit)`` in parentheses, the dateline's dash as ``--``, en or em dash,
    ``Pewarta :``/``PEWARTA:`` spellings, empty ``Pewarta`` and ``Editor`` lines, ``Â©``
    and ``(c)`` for ``©``, footer lines in any order, as separate blocks, or glued onto
    one line or onto the last paragraph, and ``Baca juga`` links anywhere in the body.
    """
    # The noisy layout prints no date line.
    article = attrs.evolve(draw(_ANTARA_ARTICLES), published_at=None)
    title = article.title
    assert title is not None  # the strategy always draws one
    choices = _Choices(draw(_bytes(32)))
    blocks: list[str] = [title]
    if article.language is not None:
        separator = choices.pick((",", ", "))
        blocks.append(f"{article.language} {separator.join(article.tags)}".rstrip())
    # Without a dateline, a first paragraph like the title would read as its repetition;
    # before a dateline, a caption without a credit takes the place of a missing one.
    caption = article.caption
    if (
        article.dateline is None
        or (caption is not None and caption.credit is None)
        or choices.flag()
    ):
        blocks.append(title)
    if caption is not None:
        credit = caption.credit
        if credit is not None and choices.flag():
            credit = f"({credit})"
        blocks.append(" ".join(part for part in (caption.text, credit) if part))
    body = list(article.paragraphs)
    if article.dateline is not None:
        dateline = article.dateline
        place = ", ".join(part for part in (dateline.city, dateline.region, dateline.date) if part)
        dash = choices.pick(("-", "--", "–", "—"))
        lead = choices.pick(("", "", " "))
        opening = f"{lead}{place} ({dateline.agency}) {dash}"
        blocks.append(f"{opening} {body.pop(0)}" if body else opening)
    after = len(blocks)
    blocks.extend(body)
    for title in article.related:  # anywhere in the body, in their order
        key = choices.pick(("Baca juga:", "Baca juga :", "BACA JUGA:", "Baca Juga:"))
        after += choices.below(len(blocks) - after + 1)
        blocks.insert(after, f"{key} {title}")
        after += 1

    footer: list[str] = []
    if article.syndication is not None:
        site, original = article.syndication.site, article.syndication.original_title
        footer.append(f"Berita ini telah tayang di {site} dengan judul: {original}")
    reporter = choices.pick(("Pewarta: ", "Pewarta : ", "PEWARTA: "))
    if article.byline.reporter is not None or choices.flag():
        footer.append(reporter + (article.byline.reporter or ""))
    editor = choices.pick(("Editor: ", "Editor : "))
    if article.byline.editor is not None or choices.flag():
        footer.append(editor + (article.byline.editor or ""))
    if article.copyright is not None:
        symbol = choices.pick(("COPYRIGHT ©", "COPYRIGHT Â©", "Copyright (c)"))
        footer.append(f"{symbol} {article.copyright.holder} {article.copyright.year}")
    for index in range(len(footer) - 1, 0, -1):  # any order (as written for byte 0)
        other = index - choices.below(index + 1)
        footer[index], footer[other] = footer[other], footer[index]
    if footer:
        style = choices.pick(("lines", "blocks", "glued", "glued to body"))
        if style == "lines":
            blocks.append("\n".join(footer))
        elif style == "blocks":
            blocks.extend(footer)
        elif style == "glued" or footer[0].startswith("Editor"):
            blocks.append(choices.pick(("", " ")).join(footer))
        else:  # "Editor:" could end a sentence, so only the other keys split a paragraph
            blocks[-1] += "".join(footer)

    lines = [line for block in blocks for line in block.split("\n")]
    noise = draw(_bytes(len(lines) + len(blocks)))
    noisy = []
    for line, byte in zip(lines, noise, strict=False):
        space, lead, trail = _ANTARA_LINE_NOISE[byte % len(_ANTARA_LINE_NOISE)]
        noisy.append(lead + line.replace(" ", space) + trail)
    # Rebuild the blocks from the noisy lines, with blank-line runs between them.
    text, position = "", 0
    for number, block in enumerate(blocks):
        count = block.count("\n") + 1
        if number:
            text += _ANTARA_SEPARATORS[noise[len(lines) + number] % len(_ANTARA_SEPARATORS)]
        text += "\n".join(noisy[position : position + count])
        position += count
    text = choices.pick(("", "", "", " ", "\xa0")) + text
    text += choices.pick(("", "\n", "\n\n", "\n \n"))
    line_end = choices.pick(("\n", "\r\n", "\r", "mixed"))
    if line_end == "mixed":
        parts = text.split("\n")
        ends = draw(_bytes(len(parts) - 1))
        text = parts[0] + "".join(
            ("\n", "\r\n")[end % 2] + part for end, part in zip(ends, parts[1:], strict=True)
        )
    elif line_end != "\n":
        text = text.replace("\n", line_end)
    return article, text


_ANTARA_RENDERINGS = antara_renderings()


# Fragments of the layout's syntax that damaged copies scatter around.
_ANTARA_FRAGMENTS = (
    "Baca juga: ",
    "Baca juga: Judul lain",
    "Pewarta:",
    "Pewarta : A dan B",
    "Editor :",
    "Editor: Herry Soebanto",
    "COPYRIGHT © ANTARA 2024",
    "COPYRIGHT Â© 2024",
    "Berita ini telah tayang di Antaranews.com dengan judul: ",
    "Jakarta (ANTARA) - ",
    "Mataram, NTB, 7/12 (Antara) -- ",
    "(ANTARA FOTO/Nama)",
    "ANTARA/HO-Humas",
    "id tag,lain",
    "(",
    ")",
    ",",
    "/",
    "\r",
    "\n",
    "\r\n",
    "\n\n",
    "\xa0",
    "\u2028",
    "e\u0301",
    "samaAnas",
)


@st.composite
def antara_texts(draw: st.DrawFn) -> str:
    """Realistic ANTARA-layout texts, noisy and often damaged: those of
    :func:`antara_renderings`, then edited a few times the way scraped copies are: cut
    short, lines lost or repeated, paragraphs flattened into one (separators removed,
    sentences glued), and layout fragments (``Baca juga:``, ``Pewarta:``, datelines,
    credits, stray line breaks) inserted anywhere. For totality and provenance tests:
    there is no expected article."""
    text = draw(_ANTARA_RENDERINGS)[1]
    choices = _Choices(draw(_bytes(20)))
    for _ in range(choices.below(5)):
        edit = choices.pick(("cut", "lose", "repeat", "flatten", "insert"))
        lines = text.split("\n")
        if edit == "cut":
            text = text[: choices.below(len(text) + 1)]
        elif edit in ("lose", "repeat"):
            index = choices.below(len(lines))
            lines[index : index + 1] = [] if edit == "lose" else [lines[index]] * 2
            text = "\n".join(lines)
        elif edit == "flatten":
            text = text.replace("\n\n", choices.pick(("", " ", "\n")))
        else:
            at = choices.below(len(text) + 1)
            text = text[:at] + choices.pick(_ANTARA_FRAGMENTS) + text[at:]
    return text

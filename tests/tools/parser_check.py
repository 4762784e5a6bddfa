"""Compare the ANTARA parser's output between two versions of seedcorpus.

Not a test: a tool for performance work on the parser, which must not change any field,
span or problem.

``python tests/tools/parser_check.py texts OUT.jsonl`` writes generated texts, one JSON
object (``id``, ``text``) a line: articles drawn in every rendering
(``antara_styled_renderings``, ``antara_renderings``), damaged texts (``antara_texts``),
any text, and synthetic articles edited (cut, pieces removed, layout fragments and odd
whitespace inserted), each from a fixed seed. Make them once, so that both versions read
the same texts.

``python tests/tools/parser_check.py dump OUT PATH...`` parses every file under the
folders (``*.txt``) and every text of the ``.jsonl`` files given, and writes one line each:
its name, the article's JSON (with the registry's converter), its spans as stored (the
JSON keeps one span a field name), its problems, or the parse error. Dump with the code
before (``PYTHONPATH=`` a ``git archive`` of it) and after, and compare with ``cmp``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

# Pieces the edits insert: layout keys, datelines, credits, codes, dates, script, and
# whitespace and characters that take the parser's less usual paths.
FRAGMENTS = (
    *("\n", "\n\n", "\r\n", "\r", " ", "  ", "\xa0", "\t", "\u2028", "\x0c", "\x1c", "\x85"),
    *("Pewarta: ", "Editor:", "COPYRIGHT © ANTARA 2024", "COPYRIGHT © 2012", "Â©", "Baca juga: "),
    *(
        "\nBaca juga: Judul lain\n",
        " Baca juga: Judul lain Pemerintah menyatakan ",
        "\nTopik: a\n",
    ),
    *("Jakarta (ANTARA) - ", "kata dia. Jakarta (ANTARA) - ", "date 2017-05 Jakarta (ANTARA) - "),
    *(
        "(ANTARA FOTO/Nama)",
        " ANTARA/HO-Humas",
        " kepri.antaranews.com/Nama",
        "\nFoto: ANTARA/A\n",
    ),
    *("\nid gempa 5,4 sr,banjir.\n", "\nTags: gempa, lombok\n", "\n(K009) 12-03-2015 14:22:11\n"),
    *("\n(K009)\n", " (T.h-CS/B/B008/B008)", "\n(*)\n", "\n27 Januari 2016 14:53 WIB\n"),
    *("\n30 Februari 2016 14:53\n", "\nRabu, 23 September 2020 20:02 WIB | 7522\n", "e\u0301"),
    *(
        "\nPewarta: A, B dan C\n",
        ".Pewarta: Budi",
        " Berita ini telah tayang di X dengan judul: Y",
    ),
    *("\n(adsbygoogle = window.adsbygoogle || []).push({});\n", "\n<div>x</div>\n", "\ufeff"),
)


def texts(out: str) -> None:
    """Write the generated texts to ``out``."""
    from hypothesis import HealthCheck, Phase, given, seed, settings
    from hypothesis import strategies as st

    from seedcorpus.apps.synth import synth_article
    from seedcorpus.testing import antara_renderings, antara_styled_renderings, antara_texts

    found: list[tuple[str, str]] = []

    def draw(name: str, strategy: st.SearchStrategy[Any], count: int, number: int) -> None:
        drawn: list[Any] = []

        @seed(number)
        @settings(
            max_examples=count,
            database=None,
            deadline=None,
            phases=[Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(strategy)
        def collect(example: Any) -> None:
            drawn.append(example if isinstance(example, str) else example[-1])

        collect()
        found.extend((f"{name}-{index}", text) for index, text in enumerate(drawn))

    draw("styled", antara_styled_renderings(), 1600, 1)
    draw("renderings", antara_renderings(), 800, 3)
    draw("damaged", antara_texts(), 800, 4)
    draw("text", st.text(), 300, 5)
    pool = [synth_article(index, seed=99).text for index in range(200)]
    pool += [text for name, text in found if name.startswith(("styled", "renderings"))]
    rng = random.Random(17)
    for index in range(8000):
        text = rng.choice(pool)
        for _ in range(rng.randint(1, 5)):
            at = rng.randint(0, len(text))
            if rng.random() < 0.5 and text.find("\n", at) >= 0:
                at = text.find("\n", at)  # at a line's end, where layout lines go
            cut = rng.randint(0, 9)
            if cut == 0:
                text = text[:at]
            elif cut == 1:
                text = text[:at] + text[rng.randint(at, min(len(text), at + 200)) :]
            else:
                text = text[:at] + rng.choice(FRAGMENTS) + text[at:]
        found.append((f"edited-{index}", text))
    for index, text in enumerate(pool[:120]):
        found.append((f"crlf-{index}", text.replace("\n", "\r\n")))
        found.append((f"single-newline-{index}", text.replace("\n\n", "\n")))
        found.append((f"indented-{index}", text.replace("\n", "\n  ")))
    with open(out, "w", encoding="utf-8") as file:
        for name, text in found:
            file.write(json.dumps({"id": name, "text": text}) + "\n")


def _inputs(paths: list[str]) -> Iterator[tuple[str, str]]:
    from seedcorpus.decoding import decode

    for name in paths:
        path = Path(name)
        if path.suffix == ".jsonl":
            with path.open(encoding="utf-8") as file:
                for line in file:
                    row = json.loads(line)
                    yield row["id"], row["text"]
            continue
        for found in sorted(path.rglob("*.txt")):
            yield str(found), decode(found.read_bytes())[0]


def dump(out: str, paths: list[str]) -> None:
    """Parse every input and write what the parser made of it to ``out``."""
    from seedcorpus.default_plugins.antara import parse_antara
    from seedcorpus.errors import ParseError
    from seedcorpus.models import Source
    from seedcorpus.registry import Registry
    from seedcorpus.serialization import article_to_json
    from seedcorpus.specs import Document

    converter = Registry.load().converter
    with open(out, "w", encoding="utf-8") as file:
        for name, text in _inputs(paths):
            digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
            document = Document(id="a", text=text, source=Source(name, digest, "antara"))
            try:
                article = parse_antara(document)
            except ParseError as error:
                file.write(json.dumps([name, "error", str(error)]) + "\n")
                continue
            spans = [(span.field, span.start, span.end) for span in article.source.spans]
            problems = [(p.code, p.message, p.path, p.line) for p in article.problems]
            row = [name, article_to_json(article, converter), spans, problems]
            file.write(json.dumps(row) + "\n")


def main() -> None:
    """Parse the command line and run ``texts`` or ``dump``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["texts", "dump"])
    parser.add_argument("out")
    parser.add_argument("paths", nargs="*")
    args = parser.parse_args()
    if args.action == "texts":
        texts(args.out)
    else:
        dump(args.out, args.paths)


if __name__ == "__main__":
    main()

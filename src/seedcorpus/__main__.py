"""``python -m seedcorpus``: the same as the ``seedcorpus`` command."""

from seedcorpus.cli import main

main()

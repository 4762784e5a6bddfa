"""Applications built on the library: they use corpora, plugins and outputs only
through the public API and the registry, and the library never imports them.

* :mod:`~seedcorpus.apps.build`: the main job, keeping an output up to date with a
  corpus (``seedcorpus build``);
* :mod:`~seedcorpus.apps.cluster`: the same on a Dask cluster (``build --scheduler``);
* :mod:`~seedcorpus.apps.report`: one HTML page of charts and tables
  (``seedcorpus report``);
* :mod:`~seedcorpus.apps.evaluate`: field-by-field accuracy against gold files
  (``python -m seedcorpus.apps.evaluate``);
* :mod:`~seedcorpus.apps.synth`: synthetic ANTARA corpora for tests and benchmarks
  (``seedcorpus synth``).
"""

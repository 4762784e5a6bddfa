"""The built-in plugins: parsers, enrichers and exporters, one module each.

Each module is registered through the same hooks a third-party plugin implements
(see :mod:`seedcorpus.hookspecs`); :data:`seedcorpus.plugins.DEFAULT_PLUGINS` lists them.
"""

"""gcc/as-compatible command lines -> a build plan for :mod:`crt_cc.pipeline`.

``options`` parses and plans; ``cc`` and ``as_`` are the ``crt-cc`` and
``crt-as`` entry points.  Nothing here imports the translation engine, so
``crt-cc --version`` and native C compiles stay fast.
"""

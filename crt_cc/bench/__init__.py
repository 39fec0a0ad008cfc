"""``make bench``: speed of translated programs against the same C compiled natively.

This is a benchmark, not a test: it measures and records, it does not gate
``make test``.  For each program in ``bench/programs/`` (plus zlib's minigzip when
Debian's zlib source can be fetched), each target and each optimisation level,
it builds

* the *native* program: ``<triple>-gcc -O<n> prog.c -lm``, and
* the *translated* program: ``crt-cc --target=T --crt-via-x86 -O<n> prog.c -lm``
  (for ARMv5 from i386 code: with ``-m32``, see :data:`.suite.BENCH_TARGETS`),

checks that both print exactly what the x86 build prints (x86-64 on the host, or
i386 under qemu-i386), and records dynamic target instruction counts (a QEMU TCG
plugin, minus an empty program's start-up), median wall time under qemu-user,
text size and translation time against native compilation.  Results go to
``docs/results/bench-<short>.{md,json,png}``.
See docs/benchmarks.md for the method.

Modules: :mod:`.suite` (what is benchmarked), :mod:`.measure` (building, running,
counting), :mod:`.report` (markdown, JSON, chart), :mod:`.main` (command line).
"""

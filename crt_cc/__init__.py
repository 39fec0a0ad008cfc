"""crt-cc: an ahead-of-time x86 -> ARM/RISC-V translating cross toolchain."""

__version__ = "0.1.0"

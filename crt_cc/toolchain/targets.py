"""The targets crt-cc emits code for, and where their tools live.

One record per target: its canonical triple, accepted aliases, the Debian
cross-toolchain prefix and package, the LLVM triple/CPU/features used by the
backend, and the qemu-user binary and sysroot used to run its programs.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass

from ..diagnostics import CrtError


@dataclass(frozen=True)
class Target:
    triple: str            # canonical GNU triple, printed by -dumpmachine
    aliases: tuple[str, ...]
    gnu_prefix: str        # prefix of the Debian cross binutils/gcc
    debian_gcc: str        # Debian package providing the cross compiler
    llvm_triple: str
    llvm_cpu: str
    llvm_features: str
    qemu: str              # qemu-user binary
    sysroot: str
    bits: int
    llvm_abi: str = ""     # LLVM "target-abi" module flag (the float ABI LLVM must use)
    # Features for a second try when LLVM's code generator fails on a module (backend.py).
    llvm_fallback_features: str = ""
    # Libraries translated code may need beyond libc at link time (only linked if used): libm,
    # where LLVM lowers an operation the x86 code does in hardware to a call (a soft-float
    # ARMv5 `sqrt`, binary128 long double functions), which the program itself may not link.
    runtime_libs: tuple[str, ...] = ("-Wl,--push-state,--as-needed", "-lm", "-Wl,--pop-state")

    def tool(self, name: str) -> str:
        """Absolute path of a cross tool (``as``, ``gcc``, ``ld``...), or a diagnostic."""
        exe = self.gnu_prefix + name
        path = shutil.which(exe)
        if not path:
            raise CrtError(
                f"target tool '{exe}' not found; install it with "
                f"'apt-get install {self.debian_gcc}' (or run 'make setup')"
            )
        return path


TARGETS: dict[str, Target] = {
    t.triple: t
    for t in (
        Target(
            triple="aarch64-linux-gnu",
            aliases=("aarch64", "arm64", "aarch64-linux", "aarch64-unknown-linux-gnu", "arm64-linux-gnu"),
            gnu_prefix="aarch64-linux-gnu-",
            debian_gcc="gcc-aarch64-linux-gnu",
            llvm_triple="aarch64-unknown-linux-gnu",
            llvm_cpu="generic",
            llvm_features="+neon,+fp-armv8",
            qemu="qemu-aarch64",
            sysroot="/usr/aarch64-linux-gnu",
            bits=64,
        ),
        Target(
            triple="riscv64-linux-gnu",
            aliases=("riscv64", "rv64", "riscv64-linux", "riscv64-unknown-linux-gnu"),
            gnu_prefix="riscv64-linux-gnu-",
            debian_gcc="gcc-riscv64-linux-gnu",
            llvm_triple="riscv64-unknown-linux-gnu",
            llvm_cpu="generic-rv64",
            # x86 code may access memory at any alignment, so lifted accesses are `align 1`;
            # without this LLVM splits every one into byte loads and shifts.  Linux guarantees
            # misaligned scalar accesses to user space (emulated where the hardware traps).
            llvm_features="+m,+a,+f,+d,+c,+unaligned-scalar-mem",
            # LLVM 22 can run out of scratch registers with it in large functions with large
            # frames ("Incomplete scavenging after 2nd pass"); without it that code compiles.
            llvm_fallback_features="+m,+a,+f,+d,+c",
            qemu="qemu-riscv64",
            sysroot="/usr/riscv64-linux-gnu",
            bits=64,
            llvm_abi="lp64d",
            # 128-bit atomics (lock cmpxchg16b) are libatomic calls on RV64
            runtime_libs=("-Wl,--push-state,--as-needed", "-lm", "-latomic", "-Wl,--pop-state"),
        ),
        Target(
            triple="arm-linux-gnueabi",
            aliases=("armv5", "armel", "armv5te", "arm", "armv5te-linux-gnueabi", "arm-linux"),
            gnu_prefix="arm-linux-gnueabi-",
            debian_gcc="gcc-arm-linux-gnueabi",
            llvm_triple="armv5te-unknown-linux-gnueabi",
            llvm_cpu="arm926ej-s",
            # ARMv5 has no unaligned loads (a misaligned ldr returns rotated data, and Linux lets
            # that happen by default): lifted `align 1` accesses must stay byte-wise
            llvm_features="+soft-float,+strict-align",
            qemu="qemu-arm",
            sysroot="/usr/arm-linux-gnueabi",
            bits=32,
        ),
    )
}

DEFAULT_TARGET = "aarch64-linux-gnu"


def resolve_target(name: str | None) -> Target:
    """Map a ``--target`` value (or ``CRT_TARGET``) to a :class:`Target`."""
    name = name or os.environ.get("CRT_TARGET") or DEFAULT_TARGET
    if name in TARGETS:
        return TARGETS[name]
    for t in TARGETS.values():
        if name in t.aliases:
            return t
    known = ", ".join(sorted(TARGETS))
    raise CrtError(f"unknown target '{name}' (known targets: {known})")


def host_tool(name: str) -> str:
    """The host's x86-64 GNU tool (``as``, ``gcc``), or a diagnostic naming its package."""
    for exe in (f"x86_64-linux-gnu-{name}", name):
        path = shutil.which(exe)
        if path:
            return path
    pkg = {"as": "binutils", "gcc": "gcc", "cpp": "cpp"}.get(name, name)
    raise CrtError(f"host tool '{name}' not found; install it with 'apt-get install {pkg}'")

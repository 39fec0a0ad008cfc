"""``ecall``: Linux system calls of a RISC-V program made as the target's system calls.

RV64 and AArch64 Linux both use the kernel's generic system call table (asm-generic/unistd.h),
and every call below was checked to have the same number on both (Debian's riscv64 and arm64
kernel headers) and arguments with the same layout (the generic ``struct stat``, ``timespec``,
``utsname``...).  Calls whose arguments differ (signal handlers are code addresses, ``clone``
starts threads in code the translation cannot see) or that one side lacks are not translated:
with a constant number that is a diagnostic, with a number computed at run time the call returns
``-ENOSYS``.  ``riscv_flush_icache`` is a no-op (translated code never changes).

The call itself is the target's: ``svc #0`` with the number in x8 on AArch64, in a small helper
function of the translated object (:data:`SVC_HELPER`).
"""

from __future__ import annotations

from ..ir import I64, const

SYSCALLS: dict[int, str] = {
    17: "getcwd", 23: "dup", 24: "dup3", 25: "fcntl", 29: "ioctl", 34: "mkdirat", 35: "unlinkat",
    48: "faccessat", 56: "openat", 57: "close", 59: "pipe2", 61: "getdents64", 62: "lseek", 63: "read",
    64: "write", 65: "readv", 66: "writev", 67: "pread64", 68: "pwrite64", 78: "readlinkat",
    79: "newfstatat", 80: "fstat", 93: "exit", 94: "exit_group", 96: "set_tid_address", 101: "nanosleep",
    113: "clock_gettime", 114: "clock_getres", 124: "sched_yield", 129: "kill", 131: "tgkill",
    153: "times", 160: "uname", 169: "gettimeofday", 172: "getpid", 173: "getppid", 174: "getuid",
    175: "geteuid", 176: "getgid", 177: "getegid", 178: "gettid", 214: "brk", 215: "munmap",
    222: "mmap", 226: "mprotect", 233: "madvise", 261: "prlimit64", 276: "renameat2", 278: "getrandom",
}
NORETURN_SYSCALLS = {93, 94}
RISCV_FLUSH_ICACHE = 259
ENOSYS = 38
# The system call instruction, as a local function of the translated object's assembly (LLVM
# inline assembly would need the target's asm parser, which llvmlite does not carry).
SVC_HELPER = "__crt_rv_svc"
_HELPER_ASM = {
    "aarch64-linux-gnu": f"""
\t.text
\t.p2align\t2
\t.type\t{SVC_HELPER},%function
{SVC_HELPER}:
\tmov\tx8, x6
\tsvc\t#0
\tret
\t.size\t{SVC_HELPER}, .-{SVC_HELPER}
""",
}


def supported_target(triple: str) -> bool:
    return triple in _HELPER_ASM


def helper_assembly(triple: str) -> str:
    """Target assembly of the system call helper, appended to a translation that calls it."""
    return _HELPER_ASM[triple]


def _svc(lf, nr) -> None:
    b = lf.b
    lf.ctx.uses_svc = True
    args = [lf.x(10 + k) for k in range(6)] + [nr]
    lf.set_x(10, b.call(I64, f"@{SVC_HELPER}", args, fnty="i64 (i64, i64, i64, i64, i64, i64, i64)"))


def lower_ecall(lf) -> None:
    b = lf.b
    fact = lf.fact(17)
    if fact is not None and fact[0] == "c":
        nr = fact[1]
        if nr == RISCV_FLUSH_ICACHE:
            lf.set_x(10, const(I64, 0))
            return
        if nr not in SYSCALLS:
            raise lf.unsupported(f"system call {nr} is not translated")
        _svc(lf, const(I64, nr))
        if nr in NORETURN_SYSCALLS:
            b.terminate("unreachable")
        return
    nr = lf.x(17)
    call_blk, flush_blk, bad_blk, done = b.new_block(), b.new_block(), b.new_block(), b.new_block()
    cases = " ".join(f"i64 {n}, label %{call_blk.label}" for n in sorted(SYSCALLS))
    b.terminate(f"switch {nr}, label %{bad_blk.label} [ {cases} i64 {RISCV_FLUSH_ICACHE}, "
                f"label %{flush_blk.label} ]")
    b.position(call_blk)
    _svc(lf, nr)
    b.terminate(f"br label %{done.label}")
    b.position(flush_blk)
    lf.set_x(10, const(I64, 0))
    b.terminate(f"br label %{done.label}")
    b.position(bad_blk)
    lf.set_x(10, const(I64, -ENOSYS))
    b.terminate(f"br label %{done.label}")
    b.position(done)

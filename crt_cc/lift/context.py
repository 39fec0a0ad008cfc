"""setjmp and longjmp written in x86 assembly (musl's ``setjmp.s``/``longjmp.s``, a project's own).

x86 setjmp stores the callee-saved registers, its caller's stack pointer and its own return
address into the jmp_buf; longjmp loads them back and jumps.  In a translation those x86 values
mean nothing: the frames are LLVM's, there is no x86 return address, and the registers that must
survive are the *target's* callee-saved ones.  So the two idioms (recognised by
``frame.check_stack_control``) are translated into what they are for, with the target's context
layout (``CONTEXT_SIZE``, ``context_save_asm``, ``CONTEXT_RESTORE_*`` in abi/aarch64.py,
abi/riscv64.py, abi/arm.py) written at the jmp_buf's address:

* a setjmp-like function gets a native entry written in target assembly (appended to LLVM's
  output: llvmlite's LLVM cannot take inline assembly) that saves the native context on its own
  stack, calls the usual entry adapter (the lifted body runs as before; its stores into the
  jmp_buf are overwritten), receives the jmp_buf's address next to the result (the body passes
  it in %rdx/%edx, which an int-returning function leaves dead) and copies the context there;
* a longjmp-like function runs its lifted body up to the stack-pointer load and there calls an
  assembly helper that restores the native context from the jmp_buf, with %eax as the value
  setjmp returns again.

The jmp_buf must have room for the target's context: 168 bytes on AArch64, 208 on RISC-V64, 40
on ARMv5 (docs/abi.md).  The translated setjmp/longjmp are only compatible with each other, as
the original pair was.
"""

from __future__ import annotations

from .ir import I32, I64, Val
from .regs import GPR_NAMES

# The entry adapter a setjmp-like function's assembly entry calls (a local symbol).
ADAPTER_PREFIX = "__crt_ctx."


def note_buffer(lf, reg: str) -> None:
    """After the store of the return address into the jmp_buf: keep the buffer's address for
    the return (``buffer_at_return``)."""
    if lf.ctx_buffer is None:
        lf.ctx_buffer = lf.b.alloca(I64)
    lf.b.store(lf.get64(GPR_NAMES.index(reg)), lf.ctx_buffer)


def buffer_at_return(lf) -> Val:
    """The jmp_buf's address a setjmp-like function hands its naked entry in %rdx."""
    return lf.b.load(I64, lf.ctx_buffer)


RESTORE_HELPER = "__crt_ctx_restore"


def restore(lf, reg: str) -> None:
    """longjmp's stack-pointer load: restore the native context saved in the jmp_buf that
    ``reg`` points to; setjmp returns %eax (an int) once more."""
    b = lf.b
    abi = lf.ctx.target_abi
    base = lf.get64(GPR_NAMES.index(reg))
    val = b.trunc(lf.get64(0), I32)
    word = I32 if abi.ILP32 else I64
    args = [b.trunc(base, I32), val] if abi.ILP32 else [base, b.sext(val, I64)]   # LP64: sign-extended
    lf.ctx.appended_assembly[RESTORE_HELPER] = _function(RESTORE_HELPER, abi.CONTEXT_RESTORE_ASM)
    lf.ctx.asm_functions[RESTORE_HELPER] = f"declare dso_local void @{RESTORE_HELPER}({word}, {word}) noreturn nounwind"
    b.emit(f"call void @{RESTORE_HELPER}({', '.join(str(a) for a in args)}) noreturn nounwind")
    b.terminate("unreachable")


def naked_entry(ctx, name: str, symbols: list[tuple[str, str, str]], adapter: str) -> str:
    """Target assembly of the native entry point of a setjmp-like function (see the module
    docstring): ``name`` and its other ``symbols`` as (name, binding, visibility) with binding
    'global', 'weak' or 'local' and visibility '', 'hidden' or 'protected'."""
    text = _function(name, ctx.target_abi.context_save_asm(adapter))
    for sym, bind, vis in symbols:
        if bind != "local":
            text = f"\t.{'weak' if bind == 'weak' else 'globl'}\t{sym}\n" + text
        if vis:
            text = f"\t.{vis}\t{sym}\n" + text
        if sym != name:
            text += f"\t.type\t{sym},%function\n\t.set\t{sym}, {name}\n"
    return text


def _function(name: str, body: list[str]) -> str:
    lines = "".join(f"\t{ln}\n" for ln in body)
    return (f"\t.text\n\t.p2align\t2\n\t.type\t{name},%function\n{name}:\n{lines}"
            f"\t.size\t{name}, .-{name}\n")

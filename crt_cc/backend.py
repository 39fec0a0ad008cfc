"""LLVM IR -> optimised target assembly, through llvmlite's target machines.

The only module that talks to LLVM's target machinery.  Lifted code is run
through the standard -O2/-O3 pipeline (mem2reg/SROA promote the register file
and the recovered frame, instcombine/GVN fold flag arithmetic, DCE removes
flags nobody reads) before instruction selection.
"""

from __future__ import annotations

from .diagnostics import CrtError

_initialised = False


def _llvm():
    global _initialised
    import llvmlite.binding as llvm
    if not _initialised:
        llvm.initialize_all_targets()
        llvm.initialize_all_asmprinters()
        _initialised = True
    return llvm


def target_machine(target, opt_level: int = 2, features: str | None = None):
    llvm = _llvm()
    tgt = llvm.Target.from_triple(target.llvm_triple)
    return tgt.create_target_machine(
        cpu=target.llvm_cpu, features=target.llvm_features if features is None else features,
        opt=min(opt_level, 3),
        reloc="pic", codemodel="default",
    )


def emit_assembly(ir_text: str, target, opt_level: int = 2) -> str:
    """Parse, verify, optimise and compile a module to target assembly text."""
    llvm = _llvm()
    tm = target_machine(target, opt_level)
    if target.llvm_abi:   # without it LLVM picks the soft-float ABI (lp64) for RISC-V
        ir_text += ('\n!llvm.module.flags = !{!900}\n'
                    f'!900 = !{{i32 1, !"target-abi", !"{target.llvm_abi}"}}\n')
    try:
        mod = llvm.parse_assembly(ir_text)
        mod.verify()
    except RuntimeError as exc:
        import os
        if os.environ.get("CRT_DEBUG_IR"):
            with open(os.environ["CRT_DEBUG_IR"], "w") as fh:
                fh.write(ir_text)
        raise CrtError(f"internal error: lifted IR is invalid: {str(exc).strip()[:2000]}") from None
    mod.triple = target.llvm_triple
    mod.data_layout = str(tm.target_data)
    if opt_level > 0:
        pto = llvm.create_pipeline_tuning_options(speed_level=min(opt_level, 3))
        pb = llvm.create_pass_builder(tm, pto)
        mpm = pb.getModulePassManager()
        mpm.run(mod, pb)
    asm, failure = _emit_isolated(tm, mod)
    # Second tries: the target's fallback features (what made the failure likely), then
    # instruction selection at -O0 (FastISel, the fast register allocator), which shares little
    # with the optimising path.  Slower code, but code.
    safe = target.llvm_fallback_features or None
    retries = ([(opt_level, safe)] if safe else []) + ([(0, safe)] if opt_level > 0 else [])
    for level, features in retries:
        if asm is not None:
            break
        asm, _ = _emit_isolated(target_machine(target, level, features), mod)
    if asm is None:
        raise CrtError(f"internal error: LLVM's code generator failed: {failure}")
    return _for_gnu_as(asm)


def _emit_isolated(tm, mod) -> tuple[str | None, str]:
    """Target assembly for ``mod`` from a forked child, or None and LLVM's message.

    LLVM reports a failure of its code generator by aborting the process: "LLVM ERROR:
    Incomplete scavenging after 2nd pass" is LLVM 22's RISC-V backend running out of scratch
    registers in large functions whose frames exceed the 12-bit offset range (expat's
    runtests.c at -O2; llvm/llvm-project#156393), and depends on register pressure at one
    instruction.  In a child the abort costs only that attempt, and crt-cc can retry or say
    what happened instead of dying with SIGABRT and no diagnostic.  The fork is copy-on-write:
    a few milliseconds, against code generation's tenths of seconds.
    """
    import os
    import signal
    import tempfile

    with tempfile.TemporaryFile() as err:
        rfd, wfd = os.pipe()
        pid = os.fork()
        if pid == 0:                                    # child: no Python clean-up on exit
            code = 70
            try:
                import faulthandler
                faulthandler.disable()                  # LLVM's message is the one to keep
                os.close(rfd)
                os.dup2(err.fileno(), 2)
                data = tm.emit_assembly(mod).encode()
                with os.fdopen(wfd, "wb") as out:
                    out.write(data)
                code = 0
            finally:
                os._exit(code)
        os.close(wfd)
        with os.fdopen(rfd, "rb") as pipe:
            data = pipe.read()
        _, status = os.waitpid(pid, 0)
        if os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0:
            return data.decode(), ""
        err.seek(0)
        message = " ".join(err.read().decode(errors="replace").split())[:500]
        if not message and os.WIFSIGNALED(status):
            message = f"killed by {signal.Signals(os.WTERMSIG(status)).name}"
        return None, message or f"exit status {os.WEXITSTATUS(status)}"


def _for_gnu_as(asm: str) -> str:
    """Adapt LLVM's assembly to the Debian GNU assembler.

    LLVM names RISC-V extensions binutils 2.40 does not know (zaamo, zalrsc...) in the
    ``.attribute arch`` line; without it, GNU as records the -march it was given (rv64gc).
    """
    return "\n".join(ln for ln in asm.split("\n") if not ln.startswith("\t.attribute\t5,"))

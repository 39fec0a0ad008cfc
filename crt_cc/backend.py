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


def target_machine(target, opt_level: int = 2):
    llvm = _llvm()
    tgt = llvm.Target.from_triple(target.llvm_triple)
    return tgt.create_target_machine(
        cpu=target.llvm_cpu, features=target.llvm_features, opt=min(opt_level, 3),
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
    return _for_gnu_as(tm.emit_assembly(mod))


def _for_gnu_as(asm: str) -> str:
    """Adapt LLVM's assembly to the Debian GNU assembler.

    LLVM names RISC-V extensions binutils 2.40 does not know (zaamo, zalrsc...) in the
    ``.attribute arch`` line; without it, GNU as records the -march it was given (rv64gc).
    """
    return "\n".join(ln for ln in asm.split("\n") if not ln.startswith("\t.attribute\t5,"))

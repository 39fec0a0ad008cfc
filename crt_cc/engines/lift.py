"""The lift engine: x86 ELF object -> target assembly text, through LLVM IR.

This is the single entry point the pipeline uses; everything below it
(frontend, lift, abi, backend) is private to the engine.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..toolchain.targets import Target


@dataclass
class TranslateOptions:
    """What the driver tells the engine beyond the object itself."""

    source_file: str                      # user-visible name used in diagnostics (file.s)
    source_isa: str = "x86_64"            # x86_64 | i386 | riscv64
    opt_level: int = 2                    # LLVM optimisation level for the emitted code
    prototypes_file: str | None = None    # --crt-prototypes=FILE.h
    exact_nan: bool = False               # --crt-exact-nan: x86 NaN results in SSE arithmetic
    warnings: list[str] = field(default_factory=list)   # filled by the engine
    report: list[dict] = field(default_factory=list)    # per-function records for --crt-report


def translate_object(obj_path: str, target: Target, options: TranslateOptions) -> str:
    """Translate one x86 relocatable object into assembly text for ``target``.

    Raises :class:`crt_cc.diagnostics.CrtError` (with file:line where known)
    for anything it cannot translate faithfully.
    """
    from ..backend import emit_assembly

    if options.source_isa == "riscv64":
        from ..lift.riscv.module import translate  # heavy imports stay lazy
        return translate(obj_path, target, options)
    from ..lift.module import lift_object
    ir_module, appended = lift_object(obj_path, target, options)
    return emit_assembly(ir_module, target, options.opt_level) + appended

"""LLVM's code generator reports some failures by aborting the process (crt_cc/backend.py).

crt-cc runs it in a forked child, so that an abort costs one attempt: the module is emitted
again with the target's fallback features, then with instruction selection at -O0, and only
when every attempt fails does crt-cc stop, with a diagnostic instead of SIGABRT.
"""

from __future__ import annotations

import os

import pytest

from crt_cc import backend
from crt_cc.diagnostics import CrtError
from crt_cc.toolchain.targets import TARGETS

IR = "define i32 @f(i32 %a) {\n  %r = add i32 %a, 1\n  ret i32 %r\n}\n"


class _Aborting:
    """A target machine whose code generator dies the way LLVM's does."""

    def __init__(self, real=None):
        self.real = real

    def __getattr__(self, name):
        return getattr(self.real, name)

    def emit_assembly(self, mod):
        os.write(2, b"LLVM ERROR: Incomplete scavenging after 2nd pass\n")
        os.abort()


def test_an_aborting_code_generator_costs_the_attempt_not_the_process():
    asm, message = backend._emit_isolated(_Aborting(), None)
    assert asm is None
    assert message == "LLVM ERROR: Incomplete scavenging after 2nd pass"


def test_a_working_code_generator_returns_its_assembly_through_the_child():
    target = TARGETS["aarch64-linux-gnu"]
    asm = backend.emit_assembly(IR, target, 2)
    assert "add\tw0, w0, #1" in asm


@pytest.mark.parametrize("triple", ["riscv64-linux-gnu", "aarch64-linux-gnu"])
def test_a_failed_emission_is_retried_with_safer_settings(monkeypatch, triple):
    target = TARGETS[triple]
    made = []
    real = backend.target_machine

    def machine(tgt, level=2, features=None):
        made.append((level, features))
        tm = real(tgt, level, features)
        return _Aborting(tm) if len(made) == 1 else tm

    monkeypatch.setattr(backend, "target_machine", machine)
    asm = backend.emit_assembly(IR, target, 2)
    assert "f:" in asm
    # RISC-V retries without +unaligned-scalar-mem at the same level; others at -O0
    expected = (2, target.llvm_fallback_features) if target.llvm_fallback_features else (0, None)
    assert made[1] == expected


def test_when_every_attempt_fails_the_diagnostic_quotes_llvm(monkeypatch):
    real = backend.target_machine
    monkeypatch.setattr(backend, "target_machine", lambda *a, **k: _Aborting(real(*a, **k)))
    with pytest.raises(CrtError, match="LLVM's code generator failed: LLVM ERROR: Incomplete scavenging"):
        backend.emit_assembly(IR, TARGETS["riscv64-linux-gnu"], 2)

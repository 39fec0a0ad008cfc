"""Flags are computed only where they are read, and a wrong liveness table never costs correctness.

crt_cc/lift/flagflow.py decides which flags each instruction must store; the lifter checks its
tables while lifting and lifts the function again with every flag stored when they are wrong.
The end-to-end evidence (every flag read after every instruction form, on every target) is the
differential test suite; these cases pin the two behaviours down on the lifted IR itself.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from crt_cc.engines.lift import TranslateOptions
from crt_cc.lift import flagflow
from crt_cc.lift.module import lift_object
from crt_cc.toolchain.targets import resolve_target

A64 = resolve_target("aarch64-linux-gnu")


def _object(tmp_path: Path, body: str) -> str:
    src = tmp_path / "f.s"
    src.write_text("\t.text\n\t.globl f\n\t.type f, @function\nf:\n" + body + "\t.size f, .-f\n")
    obj = tmp_path / "f.o"
    subprocess.run(["as", "--64", str(src), "-o", str(obj)], check=True)
    return str(obj)


def _lift(obj: str) -> str:
    return lift_object(obj, A64, TranslateOptions(obj))[0]


def _lift_all_flags(monkeypatch, obj: str) -> str:
    with monkeypatch.context() as m:
        m.setattr(flagflow, "analyse", lambda blocks, succs: {})
        return _lift(obj)


def test_flags_overwritten_before_any_read_are_not_computed(tmp_path):
    # Three adds: only the last one's CF is read (by adc); no parity is ever read.
    obj = _object(tmp_path, "\taddq %rsi, %rdi\n\taddq %rdx, %rdi\n\taddq %rcx, %rdi\n"
                            "\tadcq $0, %rdi\n\tmovq %rdi, %rax\n\tret\n")
    ir = _lift(obj)
    assert "llvm.ctpop" not in ir.split("define internal", 1)[1]
    assert ir.count("icmp ult") == 1, "only the carry that adc reads is computed"


def test_a_flag_read_later_is_still_computed(tmp_path):
    obj = _object(tmp_path, "\taddq %rsi, %rdi\n\tmovq %rdi, %rax\n\tsetp %al\n\tret\n")
    assert "llvm.ctpop" in _lift(obj)


def test_flags_live_around_a_loop_are_kept(tmp_path):
    # CF set before the loop is read by adc inside it; dec leaves CF alone on every iteration.
    obj = _object(tmp_path, "\txorl %eax, %eax\n\tstc\n1:\tadcq $0, %rax\n\tdecq %rdi\n\tjne 1b\n\tret\n")
    body = _lift(obj).split("define internal", 1)[1]
    assert body.count("store i1 true") == 1, "stc's carry is stored for the loop"


def test_a_wrong_kill_entry_costs_a_relift_not_a_wrong_translation(tmp_path, monkeypatch):
    # Pretend `mov` overwrites CF: the analysis would then drop stc's store, but the lifter sees
    # that mov's semantics wrote no CF and lifts the function again with every flag stored.
    obj = _object(tmp_path, "\tstc\n\tmovl $1, %eax\n\tsetc %al\n\tret\n")
    expected = _lift_all_flags(monkeypatch, obj)
    monkeypatch.setitem(flagflow._KILLS, "mov", flagflow.CF)
    assert _lift(obj) == expected


def test_a_missing_use_entry_costs_a_relift_not_a_wrong_translation(tmp_path, monkeypatch):
    # (setb in another block, so that it reads CF rather than cmp's operands)
    obj = _object(tmp_path, "\tcmpq %rsi, %rdi\n\tmovl $0, %eax\n\tjmp 1f\n1:\tsetb %al\n\tret\n")
    expected = _lift_all_flags(monkeypatch, obj)
    monkeypatch.setitem(flagflow._CC_READS, "b", 0)      # setb would read a flag "nobody stored"
    monkeypatch.setattr(flagflow, "_capstone_reads", lambda insn: 0)
    assert _lift(obj) == expected


@pytest.mark.parametrize("count, cmp_flags_kept", [("$0", True), ("$3", False), ("%cl", True)])
def test_shift_flags_follow_the_count(tmp_path, count, cmp_flags_kept):
    # A zero count leaves the flags alone (so cmp's ZF reaches sete); a known non-zero count
    # overwrites them; a count in a register may be zero.
    obj = _object(tmp_path, f"\tmovq %rsi, %rcx\n\tcmpq $5, %rdi\n\tshlq {count}, %rdx\n"
                            "\tsete %al\n\tmovzbl %al, %eax\n\tret\n")
    body = _lift(obj).split("define internal", 1)[1]
    before_shift = body.split("shl i", 1)[0] if count != "$0" else body.split("sete", 1)[0]
    assert ("store i1 %t" in before_shift) == cmp_flags_kept

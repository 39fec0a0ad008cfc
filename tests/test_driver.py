"""Driver behaviour: the gcc/as command-line contract, native compiles, and translation wiring.

Translation-path tests replace ``crt_cc.engines.lift.translate_object`` with a
fake that returns fixed AArch64 assembly, so they test the driver and pipeline
only (which object reaches the engine, with which options, and what happens
to its output), not the lifter.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ADD_S

from crt_cc.diagnostics import CrtError
from crt_cc.driver import as_, cc
from crt_cc.driver.options import (
    build_plan,
    classify_m_option,
    parse_cc_args,
    split_response_text,
)
from crt_cc.engines import lift
from crt_cc.pipeline import Route, Stage, make_quote
from crt_cc.toolchain.targets import resolve_target

REPO = Path(__file__).resolve().parent.parent
EM_X86_64, EM_AARCH64, EM_RISCV, EM_ARM = 62, 183, 243, 40

needs_aarch64 = pytest.mark.skipif(shutil.which("aarch64-linux-gnu-gcc") is None,
                                   reason="aarch64 cross gcc not installed")
needs_qemu = pytest.mark.skipif(shutil.which("qemu-aarch64") is None, reason="qemu-aarch64 not installed")
needs_host_as = pytest.mark.skipif(shutil.which("as") is None, reason="host as not installed")


def run_cc(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None,
           stdin: str | None = None) -> subprocess.CompletedProcess:
    """``python -m crt_cc.driver.cc`` exactly as a build system would run crt-cc."""
    full_env = dict(os.environ)
    full_env["PYTHONPATH"] = str(REPO) + os.pathsep + full_env.get("PYTHONPATH", "")
    full_env.pop("CRT_TARGET", None)
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "crt_cc.driver.cc", *args], cwd=cwd, env=full_env,
                          capture_output=True, text=True, input=stdin)


def e_machine(path: Path) -> int:
    head = path.read_bytes()[:20]
    assert head[:4] == b"\x7fELF"
    return struct.unpack_from("<H", head, 18)[0]


FAKE_AARCH64 = """\
.text
.globl add
.type add,%function
add:
    add x0, x0, x1
    ret
.section .note.GNU-stack,"",%progbits
"""

MAIN_C = """\
#include <stdio.h>
long add(long, long);
int main(void) { printf("%ld\\n", add(40, 2)); return 0; }
"""


class FakeEngine:
    """Stands in for the lifter: records calls, checks it got an x86 object, returns fixed code."""

    def __init__(self, text: str = FAKE_AARCH64, fail: BaseException | None = None):
        self.text = text
        self.fail = fail
        self.calls: list[tuple[str, lift.TranslateOptions, int, bytes]] = []

    def __call__(self, obj_path: str, target, options: lift.TranslateOptions) -> str:
        data = Path(obj_path).read_bytes()
        self.calls.append((obj_path, options, e_machine(Path(obj_path)), data))
        options.report.append({"function": "add", "status": "translated"})
        if self.fail is not None:
            raise self.fail
        return self.text


@pytest.fixture
def fake_engine(monkeypatch: pytest.MonkeyPatch) -> FakeEngine:
    fake = FakeEngine()
    monkeypatch.setattr(lift, "translate_object", fake)
    monkeypatch.delenv("CRT_TARGET", raising=False)
    return fake


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CRT_TARGET", raising=False)
    return tmp_path


# ---------------------------------------------------------------------------
# Info options and targets
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("name,triple", [
    ("aarch64-linux-gnu", "aarch64-linux-gnu"), ("arm64", "aarch64-linux-gnu"),
    ("aarch64", "aarch64-linux-gnu"), ("riscv64-linux-gnu", "riscv64-linux-gnu"),
    ("riscv64", "riscv64-linux-gnu"), ("arm-linux-gnueabi", "arm-linux-gnueabi"),
    ("armv5", "arm-linux-gnueabi"),
])
def test_dumpmachine_prints_canonical_triple_for_targets_and_aliases(name: str, triple: str) -> None:
    proc = run_cc(f"--target={name}", "-dumpmachine")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == triple + "\n"


def test_dumpmachine_honours_clang_style_target_and_crt_target_env() -> None:
    assert run_cc("-target", "riscv64", "-dumpmachine").stdout == "riscv64-linux-gnu\n"
    assert run_cc("-dumpmachine", env={"CRT_TARGET": "armv5"}).stdout == "arm-linux-gnueabi\n"
    assert run_cc("-dumpmachine").stdout == "aarch64-linux-gnu\n"


def test_prefixed_program_name_selects_target() -> None:
    assert cc.target_from_progname("/usr/bin/riscv64-linux-gnu-crt-cc") == "riscv64-linux-gnu"
    assert cc.target_from_progname("crt-cc") is None


def test_unknown_target_is_an_error_with_exit_status_1() -> None:
    proc = run_cc("--target=sparc", "-dumpmachine")
    assert proc.returncode == 1
    assert proc.stderr.startswith("crt-cc: error: unknown target 'sparc'")
    assert proc.stdout == ""


@needs_aarch64
def test_version_names_crt_cc_and_target_gcc_version_without_heavy_imports() -> None:
    code = ("import sys; from crt_cc.driver import cc; rc = cc.main(['--version']);"
            "heavy = [m for m in sys.modules if m.split('.')[0] in ('llvmlite', 'capstone', 'elftools')"
            " or m.startswith('crt_cc.lift')]; print('HEAVY', heavy); sys.exit(rc)")
    env = dict(os.environ, PYTHONPATH=str(REPO))
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stderr
    full = subprocess.run(["aarch64-linux-gnu-gcc", "-dumpfullversion"], capture_output=True,
                          text=True).stdout.strip()
    assert proc.stdout.startswith("crt-cc (crt-cc ")
    assert proc.stdout.splitlines()[0].endswith(full)
    assert "HEAVY []" in proc.stdout


@needs_aarch64
def test_v_alone_prints_gcc_style_target_lines_on_stderr() -> None:
    proc = run_cc("-v")
    assert proc.returncode == 0
    assert proc.stdout == ""
    assert "Target: aarch64-linux-gnu" in proc.stderr
    assert "Thread model: posix" in proc.stderr
    assert "gcc version " in proc.stderr


@needs_aarch64
def test_dumpversion_and_print_options_are_answered_by_target_gcc() -> None:
    want = subprocess.run(["aarch64-linux-gnu-gcc", "-dumpversion"], capture_output=True, text=True).stdout
    assert run_cc("-dumpversion").stdout == want
    prog = run_cc("-print-prog-name=as").stdout.strip()
    assert prog.endswith("as") and "aarch64-linux-gnu" in prog
    assert run_cc("-print-libgcc-file-name").stdout.strip().endswith("libgcc.a")


def test_help_lists_crt_options() -> None:
    proc = run_cc("--help")
    assert proc.returncode == 0
    assert "--crt-via-x86" in proc.stdout and "--crt-report" in proc.stdout


def test_cache_stats_alone_prints_the_cache_state_and_succeeds(tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    proc = run_cc("--crt-cache-stats", env={"CRT_CACHE_DIR": str(cache_dir), "CRT_CACHE": "on",
                                            "CRT_CACHE_MAXSIZE": "2G"})
    assert proc.returncode == 0, proc.stderr
    lines = {name: value.strip() for name, value in (ln.split("  ", 1) for ln in proc.stdout.splitlines())}
    assert lines["cache directory"] == str(cache_dir)
    assert lines["hits"].startswith("0") and lines["misses"] == "0"
    assert lines["max size"] == "2.0 GB" and lines["state"] == "enabled"
    assert not cache_dir.exists()           # looking creates nothing


def test_cache_stats_say_when_the_cache_is_off(tmp_path: Path) -> None:
    proc = run_cc("--crt-cache-stats", env={"CRT_CACHE_DIR": str(tmp_path), "CRT_CACHE": "off"})
    assert proc.returncode == 0 and "disabled (CRT_CACHE=off)" in proc.stdout


def test_cache_clear_alone_empties_the_cache_and_succeeds(tmp_path: Path) -> None:
    from crt_cc.cache import entry
    from crt_cc.cache.local import LocalStore

    store = LocalStore(str(tmp_path / "cache"))
    key = "ab" * 32
    store.put(key, "t", entry.encode(key, {"kind": "text", "report": [], "warnings": []}, b"text"))
    assert os.path.exists(store.path(key, "t"))
    proc = run_cc("--crt-cache-clear", env={"CRT_CACHE_DIR": str(tmp_path / "cache")})
    assert proc.returncode == 0, proc.stderr
    assert "translation cache cleared: 1 entries" in proc.stdout
    assert not os.path.exists(store.path(key, "t"))


def test_crt_as_cache_options_do_not_wait_for_stdin(tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(REPO), CRT_CACHE_DIR=str(tmp_path))
    proc = subprocess.Popen([sys.executable, "-m", "crt_cc.driver.as_", "--crt-cache-stats"], env=env,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        status = proc.wait(timeout=60)     # stdin stays open: crt-as must not wait for it
    finally:
        proc.kill()
        out = proc.communicate()[0]
    assert status == 0 and "cache directory" in out


def test_cache_options_take_no_value() -> None:
    proc = run_cc("--crt-cache-stats=yes")
    assert proc.returncode == 1
    assert "unrecognized crt-cc option '--crt-cache-stats=yes'" in proc.stderr


@needs_aarch64
@needs_host_as
def test_a_substituted_engine_bypasses_the_translation_cache(
        work: Path, fake_engine: FakeEngine, monkeypatch: pytest.MonkeyPatch) -> None:
    """Fakes like this module's must never be served real translations nor stored as real ones."""
    monkeypatch.setenv("CRT_CACHE", "on")
    monkeypatch.setenv("CRT_CACHE_DIR", str(work / "cache"))
    (work / "add.s").write_text(ADD_S)
    for _ in range(2):
        assert cc.main(["-c", "add.s", "-o", "x.o"]) == 0
    assert len(fake_engine.calls) == 2
    assert not (work / "cache").exists()


# ---------------------------------------------------------------------------
# Command-line parsing
# ---------------------------------------------------------------------------


def test_response_file_splitting_follows_libiberty_quoting() -> None:
    assert split_response_text(' -DA="x y"  \'-DB=$z\' C\\ D\n"" -I\'a"b\'') == [
        "-DA=x y", "-DB=$z", "C D", "", '-Ia"b']
    assert split_response_text("   \n") == []


@needs_aarch64
def test_response_files_expand_recursively(work: Path) -> None:
    (work / "m.c").write_text("MSG\n")
    (work / "inner.rsp").write_text("'-DMSG=hello world'\n")
    (work / "outer.rsp").write_text("-E @inner.rsp\nm.c\n")
    proc = run_cc("@outer.rsp", cwd=work)
    assert proc.returncode == 0, proc.stderr
    assert "hello world" in proc.stdout


def test_unreadable_response_file_is_an_input_name(work: Path) -> None:
    proc = run_cc("@missing.rsp", "-c", cwd=work)
    assert proc.returncode == 1
    assert "@missing.rsp: No such file or directory" in proc.stderr


def test_m_options_are_sorted_by_which_compiler_understands_them() -> None:
    assert classify_m_option("-mavx2") == "x86"
    assert classify_m_option("-mno-sse4.2") == "x86"
    assert classify_m_option("-march=haswell") == "x86"
    assert classify_m_option("-march=armv8.2-a+crypto") == "target"
    assert classify_m_option("-mcpu=cortex-a72") == "target"
    assert classify_m_option("-mregparm=3") == "x86-abi"
    assert classify_m_option("-m32") == "source"
    assert classify_m_option("-mcmodel=small") == "both"
    assert classify_m_option("-mfloat-abi=hard") == "target-abi"
    assert classify_m_option("-march=native") == "x86"     # the build host, never the target


def test_link_arguments_keep_their_order_relative_to_inputs(work: Path) -> None:
    (work / "a.o").write_bytes(b"")
    a = parse_cc_args(["-Lx", "a.o", "-Wl,--as-needed", "-lm", "-Xlinker", "-z", "-o", "p"])
    plan = build_plan(a, resolve_target("aarch64"))
    assert plan.link is not None and plan.link.output == "p"
    assert [i.args for i in plan.link.items] == [["-Lx"], ["a.o"], ["-Wl,--as-needed"], ["-lm"],
                                                ["-Xlinker", "-z"]]


def test_stop_options_follow_gcc_precedence(work: Path) -> None:
    (work / "a.c").write_text("")
    for argv, stage in ((["-c", "-S"], Stage.ASSEMBLY), (["-S", "-c"], Stage.ASSEMBLY),
                        (["-E", "-c"], Stage.PREPROCESS), ([], Stage.LINK)):
        plan = build_plan(parse_cc_args([*argv, "a.c"]), resolve_target(None))
        assert plan.jobs[0].stage is stage


def test_o_with_multiple_compiled_files_is_rejected(work: Path) -> None:
    (work / "a.c").write_text("")
    (work / "b.c").write_text("")
    with pytest.raises(CrtError, match="cannot specify '-o' with '-c'"):
        build_plan(parse_cc_args(["-c", "a.c", "b.c", "-o", "x.o"]), resolve_target(None))


def test_x_language_applies_to_following_inputs_until_none(work: Path) -> None:
    for n in ("f.txt", "g.txt", "h.s"):
        (work / n).write_text("")
    plan = build_plan(parse_cc_args(["-c", "-x", "assembler", "f.txt", "-x", "c", "g.txt", "-x", "none",
                                     "h.s"]), resolve_target(None))
    assert [j.route for j in plan.jobs] == [Route.ASM, Route.NATIVE, Route.ASM]


def test_unknown_crt_option_is_an_error() -> None:
    proc = run_cc("--crt-bogus", "x.c")
    assert proc.returncode == 1
    assert "crt-cc: error: unrecognized crt-cc option '--crt-bogus'" in proc.stderr


def test_make_quote_matches_gcc_mq() -> None:
    assert make_quote("a b$c#d") == "a\\ b$$c\\#d"


# ---------------------------------------------------------------------------
# Native C
# ---------------------------------------------------------------------------


@needs_aarch64
def test_c_compiles_natively_to_an_aarch64_object(work: Path) -> None:
    (work / "p.c").write_text("int f(int x) { return x + 1; }\n")
    proc = run_cc("-c", "p.c", "-O2", cwd=work)
    assert proc.returncode == 0, proc.stderr
    assert e_machine(work / "p.o") == EM_AARCH64
    assert stat.S_IMODE((work / "p.o").stat().st_mode) & 0o044   # normal, not mkstemp's 0600
    assert [p.name for p in work.iterdir() if "crt-tmp" in p.name] == []


@pytest.mark.skipif(shutil.which("riscv64-linux-gnu-gcc") is None, reason="riscv64 gcc missing")
def test_c_compiles_natively_for_riscv64(work: Path) -> None:
    (work / "p.c").write_text("int f(int x) { return x + 1; }\n")
    proc = run_cc("--target=riscv64", "-c", "p.c", "-o", "r.o", cwd=work)
    assert proc.returncode == 0, proc.stderr
    assert e_machine(work / "r.o") == EM_RISCV


@needs_aarch64
def test_md_mf_mt_write_a_correct_make_rule(work: Path) -> None:
    (work / "h.h").write_text("#define X 1\n")
    (work / "p.c").write_text('#include "h.h"\nint x = X;\n')
    (work / "obj").mkdir()
    proc = run_cc("-c", "p.c", "-o", "obj/p.o", "-MD", "-MF", "obj/p.deps", "-MT", "obj/p.o", "-MP",
                  cwd=work)
    assert proc.returncode == 0, proc.stderr
    text = (work / "obj/p.deps").read_text()
    assert text.startswith("obj/p.o: p.c ")
    assert " h.h" in text and "\nh.h:\n" in text
    assert "/usr/aarch64-linux-gnu/include/stdc-predef.h" in text   # -MD lists system headers


@needs_aarch64
def test_md_defaults_follow_gcc_naming(work: Path) -> None:
    (work / "p.c").write_text("int x;\n")
    (work / "o").mkdir()
    assert run_cc("-c", "p.c", "-MMD", cwd=work).returncode == 0
    assert (work / "p.d").read_text() == "p.o: p.c\n"
    assert run_cc("-c", "p.c", "-MMD", "-o", "o/q.o", cwd=work).returncode == 0
    assert (work / "o/q.d").read_text() == "o/q.o: p.c\n"


@needs_aarch64
def test_mm_prints_rule_to_stdout(work: Path) -> None:
    (work / "h.h").write_text("")
    (work / "p.c").write_text('#include "h.h"\n')
    proc = run_cc("-MM", "p.c", cwd=work)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "p.o: p.c h.h\n"


@needs_aarch64
def test_E_preprocesses_for_the_target_to_stdout_or_o(work: Path) -> None:
    (work / "p.c").write_text("#ifdef __aarch64__\nyes_aarch64 VAL\n#endif\n")
    proc = run_cc("-E", "-DVAL=7", "p.c", cwd=work)
    assert proc.returncode == 0, proc.stderr
    assert "yes_aarch64 7" in proc.stdout
    assert run_cc("-E", "-DVAL=8", "p.c", "-o", "p.i", cwd=work).returncode == 0
    assert "yes_aarch64 8" in (work / "p.i").read_text()


@needs_aarch64
def test_E_reads_stdin(work: Path) -> None:
    proc = run_cc("-E", "-", cwd=work, stdin="__aarch64__\n")
    assert proc.returncode == 0, proc.stderr
    assert "\n1\n" in proc.stdout


@needs_aarch64
@needs_qemu
def test_native_c_links_and_runs_under_qemu(work: Path) -> None:
    (work / "hello.c").write_text('#include <stdio.h>\n#include <math.h>\n'
                                  'int main(int c, char **v) { printf("hi %d\\n", (int)sqrt(c * 16.0));'
                                  ' return 0; }\n')
    proc = run_cc("hello.c", "-o", "hello", "-lm", cwd=work)
    assert proc.returncode == 0, proc.stderr
    assert os.access(work / "hello", os.X_OK)
    run = subprocess.run(["qemu-aarch64", "-L", "/usr/aarch64-linux-gnu", str(work / "hello")],
                         capture_output=True, text=True)
    assert run.stdout == "hi 4\n"


@needs_aarch64
def test_compile_error_leaves_no_output_file(work: Path) -> None:
    (work / "bad.c").write_text("int x = ;\n")
    (work / "bad.o").write_bytes(b"stale")
    proc = run_cc("-c", "bad.c", "-MD", cwd=work)
    assert proc.returncode == 1
    assert "bad.c:1:" in proc.stderr and "error" in proc.stderr
    assert sorted(p.name for p in work.iterdir()) == ["bad.c"]


@needs_aarch64
def test_dev_null_output_stays_a_device(work: Path) -> None:
    proc = run_cc("-c", "-x", "c", "/dev/null", "-o", "/dev/null", cwd=work)
    assert proc.returncode == 0, proc.stderr
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


@needs_aarch64
def test_unknown_options_are_forwarded_to_the_target_gcc(work: Path) -> None:
    (work / "p.c").write_text("int x;\n")
    proc = run_cc("-c", "p.c", "--no-such-gcc-option", cwd=work)
    assert proc.returncode == 1
    assert "--no-such-gcc-option" in proc.stderr
    assert not (work / "p.o").exists()


@needs_aarch64
def test_x86_feature_flags_are_reported_not_passed_to_native_compile(work: Path) -> None:
    (work / "p.c").write_text("int x;\n")
    proc = run_cc("-c", "p.c", "-mavx2", cwd=work)
    assert proc.returncode == 0, proc.stderr
    assert "warning: x86 option '-mavx2' ignored" in proc.stderr
    bad = run_cc("-c", "p.c", "-m32", cwd=work)
    assert bad.returncode == 1 and "'-m32'" in bad.stderr


@needs_aarch64
def test_object_inputs_without_link_are_unused_with_a_warning(work: Path) -> None:
    (work / "p.c").write_text("int x;\n")
    (work / "q.o").write_bytes(b"")
    proc = run_cc("-c", "p.c", "q.o", cwd=work)
    assert proc.returncode == 0, proc.stderr
    assert "crt-cc: warning: q.o: linker input file unused because linking not done" in proc.stderr


@needs_aarch64
def test_S_of_c_writes_target_assembly_to_stdout(work: Path) -> None:
    (work / "p.c").write_text("int f(void) { return 3; }\n")
    proc = run_cc("-S", "p.c", "-o", "-", cwd=work)
    assert proc.returncode == 0, proc.stderr
    assert ".arch armv8-a" in proc.stdout
    assert not (work / "p.s").exists()


def test_missing_input_is_reported_like_gcc(work: Path) -> None:
    proc = run_cc("-c", "nope.c", cwd=work)
    assert proc.returncode == 1
    assert proc.stderr == "crt-cc: error: nope.c: No such file or directory\n"


def test_no_input_files_is_fatal() -> None:
    proc = run_cc("-O2")
    assert proc.returncode == 1
    assert proc.stderr.startswith("crt-cc: fatal error: no input files")


# ---------------------------------------------------------------------------
# x86 assembly: host assembler, translation wiring
# ---------------------------------------------------------------------------


@needs_host_as
def test_host_assembler_errors_are_reformatted_and_leave_no_output(work: Path) -> None:
    (work / "bad.s").write_text(".text\nf:\n  movq %rdi, %rax\n  bogus %eax\n  ret\n")
    proc = run_cc("-c", "bad.s", cwd=work)
    assert proc.returncode == 1
    assert "bad.s:4: error: no such instruction: `bogus %eax'" in proc.stderr
    assert "Assembler messages" not in proc.stderr and "Error:" not in proc.stderr
    assert sorted(p.name for p in work.iterdir()) == ["bad.s"]


@needs_aarch64
@needs_host_as
def test_asm_is_assembled_by_host_as_then_translated_then_target_assembled(
        work: Path, fake_engine: FakeEngine, capsys: pytest.CaptureFixture) -> None:
    (work / "add.s").write_text(ADD_S)
    assert cc.main(["-c", "add.s", "-O0", "-v"]) == 0
    (obj, opts, machine, data) = fake_engine.calls[0]
    assert machine == EM_X86_64
    assert opts.source_file == "add.s" and opts.source_isa == "x86_64"
    assert opts.opt_level == 2          # the user's -O does not change LLVM's level
    assert b".debug_line" in data      # as -g: the .s has no .loc of its own
    assert e_machine(work / "add.o") == EM_AARCH64
    err = capsys.readouterr().err
    assert "--64 -g" in err
    assert "--noexecstack" in err       # the x86 object promised a non-executable stack


@needs_aarch64
@needs_host_as
def test_crt_opt_sets_translation_opt_level(work: Path, fake_engine: FakeEngine) -> None:
    (work / "add.s").write_text(ADD_S)
    assert cc.main(["-c", "add.s", "--crt-opt=1", "-o", "x.o"]) == 0
    assert fake_engine.calls[0][1].opt_level == 1


@needs_host_as
def test_no_as_g_when_source_has_line_directives(work: Path, fake_engine: FakeEngine,
                                                   capsys: pytest.CaptureFixture) -> None:
    (work / "add.s").write_text('.file 1 "add.c"\n.loc 1 1 0\n' + ADD_S)
    assert cc.main(["-S", "add.s", "-o", "out.s", "-v"]) == 0
    assert "--64 -g" not in capsys.readouterr().err
    assert (work / "out.s").read_text() == FAKE_AARCH64


@needs_host_as
def test_S_refuses_to_overwrite_its_input(work: Path, fake_engine: FakeEngine,
                                          capsys: pytest.CaptureFixture) -> None:
    (work / "add.s").write_text(ADD_S)
    assert cc.main(["-S", "add.s"]) == 1
    assert "use -o" in capsys.readouterr().err
    assert (work / "add.s").read_text() == ADD_S
    assert fake_engine.calls == []


@needs_host_as
def test_S_to_stdout(work: Path, fake_engine: FakeEngine, capsys: pytest.CaptureFixture) -> None:
    (work / "add.s").write_text(ADD_S)
    assert cc.main(["-S", "add.s", "-o", "-"]) == 0
    assert capsys.readouterr().out == FAKE_AARCH64


@needs_aarch64
@needs_host_as
@needs_qemu
def test_translated_asm_links_with_native_c_and_runs(work: Path, fake_engine: FakeEngine) -> None:
    (work / "add.s").write_text(ADD_S)
    (work / "main.c").write_text(MAIN_C)
    assert cc.main(["main.c", "add.s", "-o", "prog"]) == 0
    run = subprocess.run(["qemu-aarch64", "-L", "/usr/aarch64-linux-gnu", str(work / "prog")],
                         capture_output=True, text=True)
    assert run.stdout == "42\n"


@needs_aarch64
@needs_host_as
def test_x86_object_inputs_are_translated_native_objects_passed_through(
        work: Path, fake_engine: FakeEngine) -> None:
    (work / "add.s").write_text(ADD_S)
    subprocess.run(["as", "--64", "add.s", "-o", "add_x86.o"], check=True)
    (work / "main.c").write_text(MAIN_C)
    assert cc.main(["-c", "main.c"]) == 0
    assert cc.main(["main.o", "add_x86.o", "-o", "prog"]) == 0
    assert len(fake_engine.calls) == 1
    assert fake_engine.calls[0][1].source_file == "add_x86.o"
    assert e_machine(work / "prog") == EM_AARCH64


@needs_aarch64
@needs_host_as
def test_x86_archive_members_are_translated(work: Path, fake_engine: FakeEngine) -> None:
    (work / "add.s").write_text(ADD_S)
    subprocess.run(["as", "--64", "add.s", "-o", "add.o"], check=True)
    subprocess.run(["ar", "rcs", "libadd.a", "add.o"], check=True)
    (work / "main.c").write_text(MAIN_C)
    assert cc.main(["main.c", "libadd.a", "-o", "prog"]) == 0
    assert [c[1].source_file for c in fake_engine.calls] == ["libadd.a(add.o)"]
    assert cc.main(["main.c", "-L.", "-ladd", "-o", "prog2"]) == 0    # found through -L/-l too
    assert [c[1].source_file for c in fake_engine.calls][1:] == ["./libadd.a(add.o)"]
    assert e_machine(work / "prog2") == EM_AARCH64


@needs_aarch64
@needs_host_as
def test_preprocessed_asm_sees_x86_macros_and_writes_deps(work: Path, fake_engine: FakeEngine) -> None:
    (work / "defs.h").write_text("#define RET ret\n")
    (work / "add.S").write_text('#include "defs.h"\n#ifndef __x86_64__\n#error not x86\n#endif\n'
                                + ADD_S.replace("ret", "RET"))
    assert cc.main(["-c", "add.S", "-MMD"]) == 0
    assert (work / "add.d").read_text() == "add.o: add.S defs.h\n"
    assert fake_engine.calls[0][1].source_file == "add.S"


@needs_aarch64
@needs_host_as
def test_plain_asm_deps_list_the_source_and_includes(work: Path, fake_engine: FakeEngine) -> None:
    (work / "inc.s").write_text("nop\n")
    (work / "add.s").write_text('.include "inc.s"\n' + ADD_S)
    assert cc.main(["-c", "add.s", "-o", "a b.o", "-MD", "-MP"]) == 0
    assert (work / "a b.d").read_text() == "a\\ b.o: add.s inc.s\n\ninc.s:\n"


@needs_host_as
def test_translation_error_is_a_located_diagnostic_and_leaves_no_output(
        work: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    fake = FakeEngine(fail=CrtError("unsupported instruction 'vpgatherdd'", "add.s", 5))
    monkeypatch.setattr(lift, "translate_object", fake)
    (work / "add.s").write_text(ADD_S)
    assert cc.main(["-c", "add.s", "--crt-report=r.json"]) == 1
    assert "add.s:5: error: unsupported instruction 'vpgatherdd'" in capsys.readouterr().err
    assert not (work / "add.o").exists()
    report = json.loads((work / "r.json").read_text())
    assert report["status"] == "failed" and report["functions"][0]["source"] == "add.s"


@needs_host_as
def test_engine_bug_is_an_internal_error_without_traceback(
        work: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    monkeypatch.setattr(lift, "translate_object", FakeEngine(fail=KeyError("rax")))
    monkeypatch.delenv("CRT_DEBUG", raising=False)
    (work / "add.s").write_text(ADD_S)
    assert cc.main(["-c", "add.s"]) == 1
    err = capsys.readouterr().err
    assert "crt-cc: internal error: KeyError: 'rax'" in err and "Traceback" not in err
    assert not (work / "add.o").exists()
    monkeypatch.setenv("CRT_DEBUG", "1")
    with pytest.raises(KeyError):
        cc.main(["-c", "add.s"])


@needs_aarch64
@needs_host_as
def test_crt_report_collects_function_records(work: Path, fake_engine: FakeEngine) -> None:
    (work / "add.s").write_text(ADD_S)
    assert cc.main(["-c", "add.s", "--crt-report=out/r.json"]) == 1   # out/ does not exist
    (work / "out").mkdir()
    assert cc.main(["-c", "add.s", "--crt-report=out/r.json"]) == 0
    report = json.loads((work / "out/r.json").read_text())
    assert report["status"] == "ok" and report["target"] == "aarch64-linux-gnu"
    assert report["functions"] == [{"function": "add", "status": "translated", "source": "add.s",
                                    "engine": "lift"}]


@needs_aarch64
def test_via_x86_compiles_c_with_host_gcc_then_translates(work: Path, fake_engine: FakeEngine) -> None:
    (work / "add.c").write_text("#ifndef __x86_64__\n#error host\n#endif\nlong add(long a, long b)"
                                " { return a + b; }\n")
    assert cc.main(["--crt-via-x86", "-O3", "-c", "add.c"]) == 0
    (_obj, opts, machine, data) = fake_engine.calls[0]
    assert machine == EM_X86_64 and opts.source_file == "add.c" and opts.opt_level == 2
    assert b"add.c" in data     # line tables name the C file for diagnostics
    assert e_machine(work / "add.o") == EM_AARCH64


@needs_aarch64
def test_via_x86_side_files_land_next_to_the_object(work: Path, fake_engine: FakeEngine) -> None:
    """gcc's -fstack-usage output follows -o as with gcc, not the scratch .s crt-cc compiles."""
    (work / "add.c").write_text("int add(int a, int b) { return a + b; }\n")
    assert cc.main(["--crt-via-x86", "-fstack-usage", "-c", "add.c", "-o", "add.o"]) == 0
    assert (work / "add.su").is_file()


@pytest.mark.parametrize("argv,message", [
    (["--crt-engine=model", "-c", "x.s"], "--crt-engine=model needs a model: use --crt-model=DIR"),
    (["--target=aarch64", "--crt-source=i386", "-c", "x.s"],
     "translating i386 code for 'aarch64-linux-gnu' is not supported: its pointers are 32-bit"),
    (["--target=riscv64", "-m32", "-c", "x.s"],
     "translating i386 code for 'riscv64-linux-gnu' is not supported: its pointers are 32-bit"),
    (["--target=armv5", "-mfloat-abi=hard", "-c", "x.s"], "'-mfloat-abi=hard' changes the"),
])
def test_unsupported_translation_settings_are_clear_errors(work: Path, argv: list[str], message: str,
                                                           capsys: pytest.CaptureFixture) -> None:
    (work / "x.s").write_text(ADD_S)
    assert cc.main(argv) == 1
    assert message in capsys.readouterr().err
    assert not (work / "x.o").exists()


# ---------------------------------------------------------------------------
# crt-as
# ---------------------------------------------------------------------------


@needs_aarch64
@needs_host_as
def test_crt_as_translates_to_a_target_object(work: Path, fake_engine: FakeEngine) -> None:
    (work / "add.s").write_text(ADD_S)
    assert as_.main(["--target=aarch64", "--64", "--noexecstack", "add.s", "-o", "add.o"]) == 0
    assert e_machine(work / "add.o") == EM_AARCH64
    assert fake_engine.calls[0][1].source_file == "add.s"


@needs_aarch64
@needs_host_as
def test_crt_as_defaults_to_a_out_and_concatenates_inputs(work: Path, fake_engine: FakeEngine) -> None:
    (work / "a.s").write_text(".text\n.globl add\nadd:\n")
    (work / "b.s").write_text("  leaq (%rdi,%rsi), %rax\n  ret\n")
    assert as_.main(["a.s", "b.s"]) == 0
    assert e_machine(work / "a.out") == EM_AARCH64


@needs_host_as
def test_crt_as_reports_assembler_errors_compiler_style(work: Path, fake_engine: FakeEngine,
                                                        capsys: pytest.CaptureFixture) -> None:
    (work / "bad.s").write_text("\n  frob %eax\n")
    assert as_.main(["bad.s", "-o", "bad.o"]) == 1
    assert "bad.s:2: error: no such instruction: `frob %eax'" in capsys.readouterr().err
    assert not (work / "bad.o").exists()


@needs_aarch64
@needs_host_as
def test_crt_as_reads_standard_input(work: Path, fake_engine: FakeEngine,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ADD_S.encode())))
    assert as_.main(["-o", "s.o"]) == 0
    assert e_machine(work / "s.o") == EM_AARCH64
    assert fake_engine.calls[0][1].source_file == "{standard input}"


def test_crt_as_module_entry_point_runs(work: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    proc = subprocess.run([sys.executable, "-m", "crt_cc.driver.as_", "--version"], capture_output=True,
                          text=True, env=env)
    assert proc.returncode == 0 and proc.stdout.startswith("crt-as (crt-cc ")


def test_diagnostic_line_search_looks_in_the_enclosing_function_first_and_knows_att_suffixes() -> None:
    """Without DWARF line tables the lifter's diagnostics find their line by text: capstone's
    `push` is AT&T's `pushl`, and the line is searched from the function's own label."""
    from crt_cc.frontend.elfobj import ObjectFile, Symbol

    text = ["first:", "\tpushl %ebp", "\tret", "second:", "\tmovl %esp, %eax", "\tpushl %ebx", "\tret"]
    syms = [Symbol(1, "first", 0, 2, "STT_FUNC", "STB_GLOBAL", "STV_DEFAULT", 1),
            Symbol(2, "second", 2, 4, "STT_FUNC", "STB_GLOBAL", "STV_DEFAULT", 1)]
    obj = ObjectFile("x.o", 3, [], syms, source_lines=text, lines_read=True)
    assert obj.line_of(1, 3, "push") == 6        # second's push, not first's
    assert obj.line_of(1, 0, "push") == 2
    assert obj.line_of(1, 2, "mov") == 5
    assert obj.line_of(1, 2, "ret") == 7
    assert obj.line_of(1, 2, "fld") is None

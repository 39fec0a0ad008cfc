"""--crt-prototypes: parsing C declarations and classifying them for both calling conventions.

The end-to-end behaviour (a native driver calling translated functions with structs by value and
more than eight FP arguments) is covered by the boundary sets that carry a prototypes.h
(tests/test_boundary.py, ids ending in -prototypes).  These cases pin the rules those rely on.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from crt_cc.abi import aarch64
from crt_cc.abi.prototypes import builtin_prototypes, load_prototypes, parse_declarations
from crt_cc.abi.x86_64 import sysv_classes, sysv_memory_return
from crt_cc.diagnostics import CrtError

DECLS = """
struct point { int x, y; };
struct cplx { double re, im; };
struct vec3f { float x, y, z; };
struct rec { long id; double score; };
struct big { long a, b, c, d; char tag[8]; };
typedef struct { float v[4]; } vec4;
struct point add_points(struct point a, struct point b);
struct cplx cmul(struct cplx a, struct cplx b);
float dot3(struct vec3f a, struct vec3f b);
struct rec bump(struct rec r, long by);
struct big make_big(long base);
vec4 addv(vec4 a, const vec4 *restrict b) __attribute__((nonnull));
long double scale(long double x, int n);
int logf_(const char *fmt, ...);
"""


@pytest.fixture(scope="module")
def protos():
    return parse_declarations(DECLS, "test.h")


def test_sysv_classifies_small_structs_per_eightbyte(protos) -> None:
    assert sysv_classes(protos["add_points"].params[0]) == ["INTEGER"]
    assert sysv_classes(protos["cmul"].params[0]) == ["SSE", "SSE"]
    assert sysv_classes(protos["bump"].params[0]) == ["INTEGER", "SSE"]
    assert sysv_classes(protos["dot3"].params[0]) == ["SSE", "SSE"]


def test_sysv_puts_large_structs_and_long_double_in_memory(protos) -> None:
    assert sysv_classes(protos["make_big"].ret) is None
    assert sysv_memory_return(protos["make_big"].ret)
    assert sysv_classes(protos["scale"].params[0]) is None
    assert not sysv_memory_return(protos["scale"].ret)      # long double comes back in st(0)


def test_aapcs64_lowers_hfas_composites_and_large_structs_like_a_c_compiler(protos) -> None:
    assert aarch64.native_type(protos["dot3"].params[0]) == "[3 x float]"
    assert aarch64.native_type(protos["addv"].params[0]) == "[4 x float]"
    assert aarch64.native_return_type(protos["cmul"].ret) == "{ double, double }"
    assert aarch64.native_type(protos["bump"].params[0]) == "[2 x i64]"
    assert aarch64.native_type(protos["add_points"].params[0]) == "i64"
    assert aarch64.native_type(protos["make_big"].params[0]) == "i64"
    assert aarch64.returns_indirect(protos["make_big"].ret)
    assert aarch64.native_type(protos["scale"].params[0]) == "fp128"


def test_declarations_keep_variadic_flag_and_ignore_gnu_attributes(protos) -> None:
    assert protos["logf_"].variadic
    assert not protos["addv"].variadic
    assert protos["addv"].params[1].kind == "ptr"


def test_builtin_prototypes_cover_long_double_and_float_libm() -> None:
    p = builtin_prototypes()
    assert p["sqrtl"].ret.kind == "ldouble" and p["powl"].params[1].kind == "ldouble"
    assert p["sinf"].params[0].kind == "float" and p["lrintf"].ret.kind == "int"
    assert load_prototypes(None) == {}


def test_header_is_preprocessed_without_system_headers(tmp_path: Path) -> None:
    h = tmp_path / "p.h"
    h.write_text("#include <stdio.h>\n#define N 3\n#ifndef P_H\n#define P_H\n"
                 "typedef struct { double v[N]; } v3;\nv3 norm(v3 a, FILE *log);\n#endif\n")
    p = load_prototypes(str(h))
    assert p["norm"].ret.size == 24 and p["norm"].params[1].kind == "ptr"


def test_unparsable_header_is_a_diagnostic(tmp_path: Path) -> None:
    h = tmp_path / "bad.h"
    h.write_text("int f(int;\n")
    with pytest.raises(CrtError, match="cannot parse prototypes"):
        load_prototypes(str(h))


def test_driver_rejects_missing_prototypes_file_with_exit_1_and_no_output(tmp_path: Path) -> None:
    src = tmp_path / "f.s"
    src.write_text(".text\n.globl f\n.type f,@function\nf:\n  leal 1(%rdi), %eax\n  ret\n")
    out = tmp_path / "f.o"
    res = subprocess.run([sys.executable, "-m", "crt_cc.driver.cc", "--target=aarch64-linux-gnu",
                          f"--crt-prototypes={tmp_path / 'missing.h'}", "-c", str(src), "-o", str(out)],
                         capture_output=True, text=True)
    assert res.returncode == 1
    assert "missing.h: error: cannot read prototypes file" in res.stderr
    assert not out.exists()


def test_fast_libc_int32_reader_agrees_with_the_c_parser_on_every_declaration() -> None:
    """RISC-V sign-extends 32-bit arguments of libc calls from the declarations without cffi's
    parser (abi/prototypes.int32_arg_registers): both readings must give the same registers."""
    from crt_cc.abi.prototypes import int32_arg_registers, libc_prototypes

    checked = 0
    for name, proto in libc_prototypes().items():
        if any(t.kind == "struct" for t in proto.params):
            assert int32_arg_registers(name) is None, name
            continue
        ints = [t for t in proto.params if t.kind not in ("float", "double", "ldouble")]
        want = ({n for n, t in enumerate(ints) if t.kind == "int" and t.size <= 4}, len(ints))
        assert int32_arg_registers(name) == want, name
        checked += 1
    assert checked > 250
    assert int32_arg_registers("ldexp") == ({0}, 1) and int32_arg_registers("not_in_libc") is None

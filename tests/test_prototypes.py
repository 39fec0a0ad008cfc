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


# ------------------------------------------------------------------ prototypes from debug information

DEBUG_INFO_C = r"""
#include <stdarg.h>
#include <stdbool.h>
typedef struct { double x; long n; } pair_t;
struct node { struct node *next; int v; char name[3][4]; };
enum color { RED, GREEN };
struct bits { int a : 3; };
bool is_even(int x) { return x % 2 == 0; }
char up(char c) { return c - 32; }
unsigned short swap16(unsigned short x) { return x << 8 | x >> 8; }
pair_t make_pair(double x, long n) { pair_t p = {x, n}; return p; }
struct node bump(struct node n, enum color c) { n.v += c; return n; }
int sum(int n, ...) { va_list ap; va_start(ap, n); int s = 0; while (n--) s += va_arg(ap, int); va_end(ap); return s; }
static float half(float f) { return f / 2; }
float (*get_half(void))(float) { return half; }
int bitfield(struct bits b) { return b.a; }
long double twice(long double x) { return x * 2; }
"""


@pytest.mark.parametrize("compiler", ["gcc", "i686-linux-gnu-gcc", "riscv64-linux-gnu-gcc"])
def test_debug_information_gives_the_defined_functions_c_declarations(compiler: str, tmp_path: Path,
                                                                       require_tools) -> None:
    """-g objects of every source ISA (RELA and REL relocations) give their functions' C types."""
    from crt_cc.frontend.dwarf import function_declarations

    require_tools(compiler)
    src, obj = tmp_path / "f.c", tmp_path / "f.o"
    src.write_text(DEBUG_INFO_C)
    for level in ("-O0", "-O2"):
        subprocess.run([compiler, level, "-g", "-c", str(src), "-o", str(obj)], check=True)
        declared = parse_declarations(function_declarations(str(obj)), "f.o")
        assert declared["is_even"].ret.cname == "_Bool" and declared["is_even"].params[0].size == 4
        up = declared["up"]
        assert (up.ret.kind, up.ret.size, up.ret.signed) == ("int", 1, False)   # the targets' char
        swap = declared["swap16"]
        assert (swap.ret.size, swap.ret.signed, swap.params[0].signed) == (2, False, False)
        pair = declared["make_pair"].ret
        assert pair.kind == "struct" and [leaf.kind for _, leaf in pair.leaves] == ["double", "int"]
        node = declared["bump"]
        assert node.params[0].kind == "struct" and len(node.params[0].leaves) == 14     # ptr, int, char[3][4]
        assert node.params[1].kind == "int" and node.params[1].size == 4                   # the enum
        assert declared["sum"].variadic and len(declared["sum"].params) == 1
        assert declared["half"].ret.kind == "float" and declared["get_half"].ret.kind == "ptr"
        assert declared["twice"].ret.kind == "ldouble"
        assert "bitfield" not in declared          # a bit-field by value: left to the code's evidence


def test_objects_without_debug_information_give_no_declarations(tmp_path: Path) -> None:
    from crt_cc.frontend.dwarf import function_declarations

    src, obj = tmp_path / "f.c", tmp_path / "f.o"
    src.write_text(DEBUG_INFO_C)
    subprocess.run(["gcc", "-O2", "-g1", "-c", str(src), "-o", str(obj)], check=True)    # line tables only
    assert function_declarations(str(obj)) == ""
    subprocess.run(["gcc", "-O2", "-c", str(src), "-o", str(obj)], check=True)
    assert function_declarations(str(obj)) == ""


def test_only_objects_with_prototyped_subprograms_get_the_full_dwarf_parse(tmp_path: Path) -> None:
    """``as -g`` (which crt-cc adds to a .s) records functions, but without prototypes: the
    abbreviation table alone shows there is nothing to declare."""
    from elftools.elf.elffile import ELFFile

    from crt_cc.frontend.dwarf import _describes_subprograms

    src, asm, obj = tmp_path / "f.c", tmp_path / "f.s", tmp_path / "f.o"
    src.write_text(DEBUG_INFO_C)
    subprocess.run(["gcc", "-O2", "-S", str(src), "-o", str(asm)], check=True)
    subprocess.run(["as", "--64", "-g", str(asm), "-o", str(obj)], check=True)
    with open(obj, "rb") as fh:
        assert not _describes_subprograms(ELFFile(fh))
    for flags in (["-g"], ["-gdwarf-4"], ["-g", "-O0"]):
        subprocess.run(["gcc", "-O2", *flags, "-c", str(src), "-o", str(obj)], check=True)
        with open(obj, "rb") as fh:
            assert _describes_subprograms(ELFFile(fh)), flags


def test_user_prototypes_win_over_debug_information() -> None:
    from crt_cc.abi.prototypes import Declarations, add_debug_info_prototypes

    user = parse_declarations("int f(int); ", "user.h")
    merged = add_debug_info_prototypes(user, "short f(short); char g(char);", "f.o (debug information)")
    assert merged["f"].ret.size == 4 and not merged["f"].from_debug_info
    assert merged["g"].from_debug_info
    # text the parser cannot read costs only the exactness it would have added
    assert add_debug_info_prototypes(Declarations(), "int h(struct;", "f.o") == {}


@pytest.mark.parametrize("compiler", ["gcc", "i686-linux-gnu-gcc"])
def test_debug_information_leaves_out_structs_not_laid_out_by_the_abi_rules(compiler: str, tmp_path: Path,
                                                                           require_tools) -> None:
    """C text carries no offsets: a packed or over-aligned struct by value would be laid out anew by
    the parser, wrongly, so such a signature keeps the code's evidence instead."""
    from crt_cc.frontend.dwarf import function_declarations

    require_tools(compiler)
    src, obj = tmp_path / "f.c", tmp_path / "f.o"
    src.write_text("struct __attribute__((packed)) p { char c; int i; };\n"
                   "struct a { _Alignas(16) int i; };\n"
                   "struct n { char c; double d; long long l; short s; };\n"
                   "int packed(struct p x) { return x.i; }\n"
                   "int aligned(struct a x) { return x.i; }\n"
                   "int natural(struct n x) { return x.c; }\n")
    subprocess.run([compiler, "-O2", "-g", "-c", str(src), "-o", str(obj)], check=True)
    text = function_declarations(str(obj))
    assert "natural(" in text and "packed(" not in text and "aligned(" not in text, text

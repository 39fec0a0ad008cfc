"""x86-64 (LP64) code translated for ARMv5 (ILP32, soft-float EABI): the typed boundary.

The x86 code keeps 64-bit registers and its own data layout; native ARM code has 4-byte ``long``,
``size_t`` and pointers.  With prototypes (``--crt-prototypes``) every crossing converts values;
what cannot be converted (a pointer to memory laid out differently on the two sides) is a
diagnostic with exit status 1 and no output file (docs/abi.md, ARMv5).  The function-level sets
run for this pair with ``CRT_TEST_TARGETS=arm-linux-gnueabi/x86_64`` (tests/test_boundary.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import BUILD_TIMEOUT, run, run_on_target, run_prefix, target_info

from crt_cc.abi import arm
from crt_cc.abi.prototypes import libc_prototypes, load_prototypes, parse_declarations

ARM = target_info("arm-linux-gnueabi/x86_64")
TRIPLE = "--target=arm-linux-gnueabi"


def _translate(tmp_path: Path, crt_cc_cmd, c_src: str, header: str | None, *extra: str, opt: str = "2"):
    """gcc -S the C source for x86-64, then crt-cc -c it for ARMv5; (result, object path)."""
    (tmp_path / "func.c").write_text(c_src)
    if header is not None:
        (tmp_path / "proto.h").write_text(header)
    gen = run(["gcc", "-S", f"-O{opt}", "func.c", "-o", "func.s"], timeout=BUILD_TIMEOUT, cwd=tmp_path)
    assert gen.returncode == 0, gen.describe()
    protos = []
    if header is not None:
        protos = [f"--crt-prototypes={tmp_path / 'proto.h'}"]
    cmd, env = crt_cc_cmd
    obj = tmp_path / "func.o"
    res = run([*cmd, TRIPLE, *protos, *extra, "-c", "func.s", "-o", str(obj)], timeout=BUILD_TIMEOUT,
              env=env, cwd=tmp_path)
    return res, obj


# ---------------------------------------------------------------------------------------------
# What cannot cross: precise diagnostics, exit 1, no output
NOT_BRIDGEABLE = [
    ("long_array", "long sum(const long *a, int n);",
     "long sum(const long *a, int n) { long s = 0; while (n--) s += a[n]; return s; }",
     "'sum' cannot cross the boundary between x86-64 code and ARM EABI code: parameter 1 ('long *') "
     "points to 'long' (8 bytes in x86-64 code, 4 in ARM code)"),
    ("string_array", "int count(char **v);",
     "int count(char **v) { int n = 0; while (v[n]) n++; return n; }",
     "parameter 1 ('char * *') points to pointers ('char *': 8 bytes in x86-64 code, 4 in ARM code)"),
    ("list_node", "struct node { int v; struct node *next; }; int length(struct node *l);",
     "struct node { int v; struct node *next; };\n"
     "int length(struct node *l) { int n = 0; for (; l; l = l->next) n++; return n; }",
     "parameter 1 ('struct node *') points to 'struct node' (member 'next': pointers"),
    ("result_vector", "char **split(const char *s);",
     "#include <stdlib.h>\nchar **split(const char *s) { char **v = malloc(16); v[0] = (char *)s; v[1] = 0; "
     "return v; }",
     "the result ('char * *') points to pointers"),
    ("struct_member_pointer", "struct buf { long *data; int n; }; long first(struct buf b);",
     "struct buf { long *data; int n; };\nlong first(struct buf b) { return b.n ? b.data[0] : 0; }",
     "parameter 1 ('struct buf') has a pointer member ('long *') to 'long'"),
    ("shared_data", "extern long table[4]; int get(int i);",
     "long table[4] = {1, 2, 3, 4};\nint get(int i) { return (int)table[i]; }",
     "global variable 'table' is shared between x86-64 code and ARM EABI code but its type contains "
     "'long' (8 bytes in x86-64 code, 4 in ARM code)"),
]


@pytest.mark.parametrize("header,c_src,message", [p[1:] for p in NOT_BRIDGEABLE],
                         ids=[p[0] for p in NOT_BRIDGEABLE])
def test_non_bridgeable_prototype_is_a_diagnostic(header: str, c_src: str, message: str, tmp_path: Path,
                                                  crt_cc_cmd, require_tools) -> None:
    require_tools("gcc")
    res, obj = _translate(tmp_path, crt_cc_cmd, c_src, header)
    err = res.stderr.decode()
    assert res.returncode == 1, res.describe()
    assert f"{tmp_path / 'proto.h'}: error: " in err, err
    assert message in err, err
    assert not obj.exists()


def test_native_call_with_non_bridgeable_prototype_names_the_call(tmp_path: Path, crt_cc_cmd,
                                                                  require_tools) -> None:
    require_tools("gcc")
    src = "long total(const long *a, int n);\nlong twice(const long *a) { return 2 * total(a, 3); }\n"
    res, obj = _translate(tmp_path, crt_cc_cmd, src, "long total(const long *a, int n);")
    err = res.stderr.decode()
    assert res.returncode == 1 and not obj.exists(), res.describe()
    assert "func.s:" in err and "native function 'total' cannot cross the boundary" in err, err


# ---------------------------------------------------------------------------------------------
# Lowering and layouts (what clang emits for AAPCS soft-float)
def test_ilp32_layouts_and_aapcs_lowering() -> None:
    p = parse_declarations("""
        struct small { short a; char b; };
        struct pair { long id; double score; };
        struct big { long v[20]; };
        struct small f(struct pair p, struct big b, long l, long long ll, double d, float x, char *s);
        struct pair g(void);
    """, "t.h")
    f, g = p["f"], p["g"]
    pair, big = f.params[0], f.params[1]
    assert (pair.size, pair.ilp32.size, pair.ilp32.align) == (16, 16, 8)
    assert [o for o, _ in pair.ilp32.leaves] == [0, 8]
    assert (big.size, big.ilp32.size) == (160, 80)
    assert [arm.native_type(t) for t in f.params[2:]] == ["i32", "i64", "double", "float", "ptr"]
    assert arm.native_type(pair) == "[2 x i64]"
    assert arm.pieces(big)[0][0] == "ptr byval([80 x i8]) align 4"        # over 64 bytes: byval
    assert arm.native_return_type(f.ret) == "i32" and not arm.returns_indirect(f.ret)
    assert arm.returns_indirect(g.ret) and arm.native_return_type(g.ret) == "void"
    assert not arm.same_layout(pair) and arm.same_layout(f.ret)


def test_libc_prototypes_are_bridgeable() -> None:
    """Every built-in libc/libm declaration can cross (out-parameters are copied)."""
    for name, proto in libc_prototypes().items():
        arm.check_bridgeable(proto, "native function", arm.OUT_PARAMS.get(name, ()))


def test_prototypes_from_a_c_file_ignore_bodies_and_initialisers(tmp_path: Path) -> None:
    c = tmp_path / "driver.c"
    c.write_text('#include <stdio.h>\nstatic int tab[3] = {1, 2, 3};\nstruct p { int x; };\n'
                 'long f(struct p a, const char *s);\nstatic int helper(int x) { return x ? tab[x] : 0; }\n'
                 'int main(void) { printf("%ld\\n", f((struct p){1}, "{")); return helper(1); }\n')
    p = load_prototypes(str(c))
    assert set(p) == {"f", "helper", "main"}
    assert p["f"].params[0].kind == "struct" and p["f"].ret.ilp32.size == 4


# ---------------------------------------------------------------------------------------------
# Typed crossings, run under qemu-arm against a native ARM driver
CROSS_H = """
struct small { short a; char b; };
struct pair { long id; double score; };
struct big { long v[5]; char tag[8]; };
long add_long(long a, long b);
long long mul_ll(long long a, int b, long long c);
double mix(int a, double b, float c, long d, double e);
float halve(float x);
char *skip(const char *s, int n);
struct small mk_small(int a, int b);
int small_sum(struct small s);
struct pair bump(struct pair p, long by, double k);
struct big make_big(long base, const char *tag);
long big_sum(struct big b);
int fmt(char *buf, int n, double x, long y, long long z, const char *s);
long apply(long (*f)(long, long), long a, long b);
long apply_sub(long a, long b);
long double ld_twice(long double x);
long parse(const char *s, int *used);
"""

CROSS_C = """#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "proto.h"
long add_long(long a, long b) { return a + b; }
long long mul_ll(long long a, int b, long long c) { return a * b + c; }
double mix(int a, double b, float c, long d, double e) { return a + b * c + d - e; }
float halve(float x) { return x / 2; }
char *skip(const char *s, int n) { return (char *)s + n; }
struct small mk_small(int a, int b) { struct small s = {a, b}; return s; }
int small_sum(struct small s) { return s.a + s.b; }
struct pair bump(struct pair p, long by, double k) { p.id += by; p.score *= k; return p; }
struct big make_big(long base, const char *tag) {
    struct big b; for (int i = 0; i < 5; i++) b.v[i] = base * i; strncpy(b.tag, tag, 8); return b; }
long big_sum(struct big b) { long s = 0; for (int i = 0; i < 5; i++) s += b.v[i]; return s + b.tag[0]; }
int fmt(char *buf, int n, double x, long y, long long z, const char *s) {
    return snprintf(buf, n, "%.3f|%ld|%lld|%s|%5.1e|%Lg", x, y, z, s, x * 1e10, (long double)x / 4); }
static long sub(long a, long b) { return a - b; }
long apply(long (*f)(long, long), long a, long b) { return f(a, b) + sub(b, a) + (f == sub ? 1000 : 0); }
long apply_sub(long a, long b) { return apply(sub, a, b); }
long double ld_twice(long double x) { return x * 2; }
long parse(const char *s, int *used) { char *end; long v = strtol(s, &end, 0); *used = end - s; return v; }
"""

CROSS_DRIVER = r"""#include <stdio.h>
#include <string.h>
#include "proto.h"
static long mul(long a, long b) { return a * b; }
#define T(c) do { if (!(c)) { printf("FAIL %d: %s\n", __LINE__, #c); bad++; } } while (0)
int main(void) {
    int bad = 0, used = 0;
    T(add_long(-5, 3) == -2);
    T(mul_ll(1LL << 40, -3, 7) == -(3LL << 40) + 7);
    T(mix(2, 1.5, 2.0f, -7, 0.25) == 2 + 3.0 - 7 - 0.25);
    T(halve(-3.0f) == -1.5f);
    T(strcmp(skip("hello", 2), "llo") == 0);
    struct small s = mk_small(-300, 'x');
    T(s.a == -300 && s.b == 'x');
    T(small_sum(s) == -300 + 'x');
    struct pair p = bump((struct pair){-10, 1.5}, 4, -2.0);
    T(p.id == -6 && p.score == -3.0);
    struct big b = make_big(-3, "tagged");
    T(b.v[4] == -12 && strcmp(b.tag, "tagged") == 0);
    T(big_sum(b) == -30 + 't');
    char buf[80];
    int n = fmt(buf, sizeof buf, 2.5, -42, -(1LL << 40), "s");
    T(strcmp(buf, "2.500|-42|-1099511627776|s|2.5e+10|0.625") == 0);
    T(n == (int)strlen(buf));
    T(apply(mul, 6, -7) == -42 - 13);
    T(apply_sub(1L << 30, -5) == 1000);
    T(ld_twice(1.25L) == 2.5L);
    T(parse("  -0x1f!", &used) == -31 && used == 7);
    printf("%s %d\n", bad ? "FAILED" : "OK", bad);
    return bad;
}
"""


@pytest.mark.parametrize("opt", ["0", "2"])
def test_typed_crossings(opt: str, tmp_path: Path, crt_cc_cmd, require_tools) -> None:
    """Pointers, long, long long, float, double, long double, small/large structs by value and as
    results, a callback through a native function pointer and a translated one, and printf with
    doubles, longs and long long, with every value converted between LP64 and ILP32."""
    require_tools("gcc", ARM.gcc, ARM.qemu)
    (tmp_path / "driver.c").write_text(CROSS_DRIVER)
    res, obj = _translate(tmp_path, crt_cc_cmd, CROSS_C, CROSS_H, opt=opt)
    assert res.returncode == 0 and obj.exists(), res.describe()
    link = run([ARM.gcc, "driver.c", str(obj), "-o", "t"], timeout=BUILD_TIMEOUT, cwd=tmp_path)
    assert link.returncode == 0, link.describe()
    out = run_on_target(ARM, tmp_path / "t", cwd=tmp_path)
    assert out.returncode == 0 and out.stdout.decode().strip() == "OK 0", out.describe()


PROGRAM = r"""#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct item { const char *name; long value; };
static struct item table[] = { {"one", 1}, {"two", -2}, {"three", 3000000000L} };
static int by_name(const void *a, const void *b) {
    return strcmp(((const struct item *)a)->name, ((const struct item *)b)->name); }
int main(int argc, char **argv) {
    qsort(table, 3, sizeof table[0], by_name);
    long sum = 0;
    for (int i = 0; i < 3; i++) { sum += table[i].value; printf("%s=%ld ", table[i].name, table[i].value); }
    printf("\n%ld %zu %d %s %.4f %Lf %lld\n", sum, sizeof(long), argc, argv[1], 1.0 / 3, 2.5L, -1LL << 50);
    char *end; long big = strtol("9000000000000000000x", &end, 10);
    long n = 0; sscanf("-77000000000", "%ld", &n);
    printf("%ld [%s] %ld %ld\n", big, end, n, atol("-123456789012"));
    return 0;
}
"""


def test_program_with_long_data_and_libc(tmp_path: Path, crt_cc_cmd, require_tools) -> None:
    """A whole program (--crt-via-x86) keeps LP64 semantics: 8-byte pointers in its data, argv
    widened for main, %ld/%zu printed and scanned as 64-bit, strtol/atol computing at 64 bits."""
    require_tools("gcc", ARM.gcc, ARM.qemu)
    src = tmp_path / "prog.c"
    src.write_text(PROGRAM)
    host = run(["gcc", "-O2", str(src), "-o", str(tmp_path / "host")], timeout=BUILD_TIMEOUT)
    assert host.returncode == 0, host.describe()
    want = run([str(tmp_path / "host"), "arg"], timeout=30)
    cmd, env = crt_cc_cmd
    build = run([*cmd, TRIPLE, "--crt-via-x86", "-O2", str(src), "-o", str(tmp_path / "arm")],
                timeout=BUILD_TIMEOUT, env=env)
    assert build.returncode == 0, build.describe()
    got = run([*run_prefix(ARM), str(tmp_path / "arm"), "arg"], timeout=30)
    assert got.stdout == want.stdout, got.describe() + "\nwanted:\n" + want.stdout.decode()


def test_universal_mapping_warns_for_mixed_int_and_fp_arguments(tmp_path: Path, crt_cc_cmd,
                                                                require_tools) -> None:
    """Without a prototype, integer and FP arguments of one function cannot be ordered (SysV keeps
    the two classes apart, soft-float AAPCS interleaves them): a warning, and a translation."""
    require_tools("gcc")
    src = "double scale(int n, double x) { return n * x; }\nint twice(int n) { return 2 * n; }\n"
    res, obj = _translate(tmp_path, crt_cc_cmd, src, None)
    err = res.stderr.decode()
    assert res.returncode == 0 and obj.exists(), res.describe()
    assert "'scale' takes integer and floating-point arguments" in err and "twice" not in err, err

/* long double (x87 on x86-64): add/mul/div/compare/conversions, printed with %.15Lg. */
#include <stdio.h>

__attribute__((noinline)) static long double ld_add(long double a, long double b) { return a + b; }
__attribute__((noinline)) static long double ld_mul(long double a, long double b) { return a * b; }
__attribute__((noinline)) static long double ld_div(long double a, long double b) { return a / b; }
__attribute__((noinline)) static int ld_lt(long double a, long double b) { return a < b; }
__attribute__((noinline)) static long double from_int(long long x) { return (long double)x; }
__attribute__((noinline)) static long long to_int(long double x) { return (long long)x; }
__attribute__((noinline)) static double to_double(long double x) { return (double)x; }
__attribute__((noinline)) static long double from_double(double x) { return x; }
__attribute__((noinline)) static long double poly(long double x) { return (x * x - 2.0L) * x + 0.5L; }

struct ldpair { long double a, b; };
__attribute__((noinline)) static struct ldpair swap(struct ldpair p) { struct ldpair r = {p.b, p.a}; return r; }

int main(void) {
    long double a = 1.5L, b = 0.25L;
    printf("add %.15Lg mul %.15Lg div %.15Lg\n", ld_add(a, b), ld_mul(a, b), ld_div(a, b));
    printf("third %.15Lg\n", ld_div(1.0L, 3.0L));
    printf("lt %d %d\n", ld_lt(a, b), ld_lt(b, a));
    printf("from_int %.15Lg to_int %lld %lld\n", from_int(123456789012345LL), to_int(-98765.75L), to_int(1e15L));
    printf("to_double %.15g from_double %.15Lg\n", to_double(2.75L), from_double(0.5));
    long double f = 1;
    for (int i = 1; i <= 20; i++) f = ld_mul(f, i);
    printf("20! = %.15Lg (%lld)\n", f, to_int(f));
    long double s = 0;
    for (int i = 1; i <= 100; i++) s = ld_add(s, ld_div(1.0L, (long double)i * i));
    printf("sum %.12Lg\n", s);
    for (int i = -2; i <= 2; i++) printf("poly(%d)=%.15Lg\n", i, poly(i));
    struct ldpair p = {3.5L, -1.25L};
    struct ldpair q = swap(p);
    printf("swap %.15Lg %.15Lg\n", q.a, q.b);
    printf("sizeof>=8 %d\n", sizeof(long double) >= 8);
    return (int)to_int(ld_mul(a, 10.0L));
}

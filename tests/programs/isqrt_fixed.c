/* Integer square root (Newton, bitwise), integer cube root, Q16.16 fixed-point math (mul/div/sqrt/sin). */
#include <stdio.h>
#include <stdint.h>

typedef int32_t q16;
#define Q(x) ((q16)((x) * 65536.0))

__attribute__((noinline)) static uint64_t isqrt_newton(uint64_t n) {
    if (n < 2) return n;
    uint64_t x = (uint64_t)1 << ((65 - __builtin_clzll(n)) / 2), y = (x + n / x) / 2;
    while (y < x) { x = y; y = (x + n / x) / 2; }
    return x;
}
__attribute__((noinline)) static uint32_t isqrt_bits(uint32_t n) {
    uint32_t res = 0, bit = 1u << 30;
    while (bit > n) bit >>= 2;
    while (bit) { if (n >= res + bit) { n -= res + bit; res = (res >> 1) + bit; } else res >>= 1; bit >>= 2; }
    return res;
}
__attribute__((noinline)) static uint32_t icbrt(uint64_t n) { uint32_t r = 0; for (int b = 21; b >= 0; b--) { uint64_t t = r | (1u << b); if (t <= 2642245 && t * t * t <= n) r = (uint32_t)t; } return r; }
static q16 qmul(q16 a, q16 b) { return (q16)(((int64_t)a * b) >> 16); }
static q16 qdiv(q16 a, q16 b) { return (q16)(((int64_t)a * 65536) / b); }
static q16 qsqrt(q16 a) { return (q16)isqrt_newton((uint64_t)a << 16); }
static q16 qsin(q16 x) { /* Taylor, x in [-pi, pi] */
    q16 x2 = qmul(x, x), term = x, sum = x;
    for (int k = 1; k < 8; k++) { term = qmul(term, -x2); term = term / ((2 * k) * (2 * k + 1)); sum += term; }
    return sum;
}
static void qprint(const char *tag, q16 v) {
    int neg = v < 0;
    uint32_t u = neg ? (uint32_t)-(int64_t)v : (uint32_t)v;
    printf("%s=%s%u.%05u\n", tag, neg ? "-" : "", u >> 16, (unsigned)(((uint64_t)(u & 0xffff) * 100000) >> 16));
}

int main(void) {
    uint64_t ns[] = {0, 1, 2, 15, 16, 17, 1000000, 999999999999ULL, 18446744073709551615ULL};
    for (int i = 0; i < 9; i++) printf("isqrt(%llu)=%llu\n", (unsigned long long)ns[i], (unsigned long long)isqrt_newton(ns[i]));
    uint32_t chk = 0;
    for (uint32_t n = 0; n < 100000; n += 7) chk += isqrt_bits(n) ^ (uint32_t)isqrt_newton(n);
    printf("bits vs newton xor-sum=%u\n", chk);
    printf("icbrt %u %u %u\n", icbrt(27), icbrt(1000000000000ULL), icbrt(18446744073709551615ULL));
    qprint("1.5*2.25", qmul(Q(1.5), Q(2.25)));
    qprint("-7/3", qdiv(Q(-7), Q(3)));
    qprint("sqrt(2)", qsqrt(Q(2)));
    qprint("sqrt(100)", qsqrt(Q(100)));
    qprint("sin(1)", qsin(Q(1)));
    qprint("sin(-2.5)", qsin(Q(-2.5)));
    q16 acc = 0;
    for (int i = 1; i <= 10; i++) acc += qdiv(Q(1), Q(i));
    qprint("H10", acc);
    return (int)isqrt_newton(4000);
}

/* Conditional selection patterns that compile to cmov/csel: min, max, abs, clamp, sign. */
#include <stdio.h>
#include <stdlib.h>

__attribute__((noinline)) static int imin(int a, int b) { return a < b ? a : b; }
__attribute__((noinline)) static int imax(int a, int b) { return a > b ? a : b; }
__attribute__((noinline)) static unsigned umin(unsigned a, unsigned b) { return a < b ? a : b; }
__attribute__((noinline)) static long lmax(long a, long b) { return a >= b ? a : b; }
__attribute__((noinline)) static int iabs(int a) { return a < 0 ? -a : a; }
__attribute__((noinline)) static long long llabs_(long long a) { return llabs(a); }
__attribute__((noinline)) static int clamp(int x, int lo, int hi) { return x < lo ? lo : (x > hi ? hi : x); }
__attribute__((noinline)) static int sign(int x) { return (x > 0) - (x < 0); }
__attribute__((noinline)) static int select_ptr(const int *a, const int *b, int c) { return *(c ? a : b); }
__attribute__((noinline)) static unsigned sat_add_u8(unsigned char a, unsigned char b) {
    unsigned s = (unsigned)a + b;
    return s > 255 ? 255 : s;
}
__attribute__((noinline)) static int sat_sub(int a, int b) {
    long long r = (long long)a - b;
    if (r > 2147483647) return 2147483647;
    if (r < -2147483647 - 1) return -2147483647 - 1;
    return (int)r;
}
__attribute__((noinline)) static int cond_inc(int x, int flag) { if (flag) x++; return x; }
__attribute__((noinline)) static int pick3(int a, int b, int c) {
    int m = a;
    if (b > m) m = b;
    if (c > m) m = c;
    return m;
}
__attribute__((noinline)) static double dmax(double a, double b) { return a > b ? a : b; }
__attribute__((noinline)) static short smin(short a, short b) { return a < b ? a : b; }

int main(void) {
    int v[] = {-2147483647, -100, -1, 0, 1, 5, 100, 2147483647};
    int acc = 0;
    for (int i = 0; i < 8; i++) {
        for (int j = 0; j < 8; j++) acc += imin(v[i], v[j]) == v[i] ? 1 : 0;
        printf("%d: abs=%d clamp=%d sign=%d max0=%d min0=%d sat=%d ci=%d\n", v[i], iabs(v[i]), clamp(v[i], -10, 10),
               sign(v[i]), imax(v[i], 0), imin(v[i], 0), sat_sub(v[i], 1000), cond_inc(v[i] / 2, v[i] & 1));
    }
    printf("acc=%d\n", acc);
    printf("umin %u %u\n", umin(0xffffffffu, 5), umin(0, 7));
    printf("lmax %ld\n", lmax(-5000000000L, -6000000000L));
    printf("llabs %lld\n", llabs_(-9000000000000LL));
    int x = 11, y = 22;
    printf("sel %d %d\n", select_ptr(&x, &y, 1), select_ptr(&x, &y, 0));
    printf("satu8 %u %u\n", sat_add_u8(200, 100), sat_add_u8(20, 10));
    printf("pick3 %d %d %d\n", pick3(1, 2, 3), pick3(3, 2, 1), pick3(-5, -7, -6));
    printf("dmax %.1f %.1f\n", dmax(1.5, -2.5), dmax(-3.0, -0.5));
    printf("smin %d\n", smin(-300, 200));
    /* branchless loop over array */
    int arr[32], cnt = 0;
    for (int i = 0; i < 32; i++) arr[i] = (i * 37) % 23 - 11;
    int mx = arr[0], mn = arr[0];
    for (int i = 0; i < 32; i++) { mx = arr[i] > mx ? arr[i] : mx; mn = arr[i] < mn ? arr[i] : mn; cnt += arr[i] > 0; }
    printf("mx=%d mn=%d cnt=%d\n", mx, mn, cnt);
    return acc % 37;
}

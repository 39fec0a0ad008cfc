/* _Bool values, comparisons materialised as setcc, logical operators. */
#include <stdio.h>
#include <stdbool.h>

__attribute__((noinline)) static bool lt(int a, int b) { return a < b; }
__attribute__((noinline)) static bool ult(unsigned a, unsigned b) { return a < b; }
__attribute__((noinline)) static bool eq64(long a, long b) { return a == b; }
__attribute__((noinline)) static bool ge_s8(signed char a, signed char b) { return a >= b; }
__attribute__((noinline)) static bool gt_u16(unsigned short a, unsigned short b) { return a > b; }
__attribute__((noinline)) static bool both(bool a, bool b) { return a && b; }
__attribute__((noinline)) static bool either(bool a, bool b) { return a || b; }
__attribute__((noinline)) static bool xor_(bool a, bool b) { return a != b; }
__attribute__((noinline)) static bool notb(bool a) { return !a; }
__attribute__((noinline)) static bool to_bool(long x) { return (bool)x; }
__attribute__((noinline)) static int count_true(const bool *b, int n) { int c = 0; for (int i = 0; i < n; i++) c += b[i]; return c; }
__attribute__((noinline)) static bool in_range(int x, int lo, int hi) { return x >= lo && x <= hi; }
__attribute__((noinline)) static bool dlt(double a, double b) { return a < b; }
__attribute__((noinline)) static bool fle(float a, float b) { return a <= b; }
__attribute__((noinline)) static int cmp3(long a, long b) { return (a > b) - (a < b); }

int main(void) {
    int vals[] = {-5, -1, 0, 1, 5};
    unsigned mask = 0;
    int bit = 0;
    for (int i = 0; i < 5; i++)
        for (int j = 0; j < 5; j++) {
            mask ^= (unsigned)lt(vals[i], vals[j]) << (bit % 32);
            mask ^= (unsigned)ult((unsigned)vals[i], (unsigned)vals[j]) << ((bit + 7) % 32);
            bit++;
        }
    printf("mask=%08x\n", mask);
    printf("eq64 %d %d\n", eq64(1L << 40, 1L << 40), eq64(1L << 40, 1L << 41));
    printf("ge_s8 %d %d %d\n", ge_s8(-128, 127), ge_s8(127, -128), ge_s8(-1, -1));
    printf("gt_u16 %d %d\n", gt_u16(65535, 1), gt_u16(0, 65535));
    printf("logic %d %d %d %d %d %d\n", both(true, false), both(true, true), either(false, false), either(false, true),
           xor_(true, true), notb(false));
    printf("to_bool %d %d %d\n", to_bool(0), to_bool(1L << 35), to_bool(-1));
    bool arr[20];
    for (int i = 0; i < 20; i++) arr[i] = (i % 3 == 0) || (i % 5 == 0);
    printf("count=%d\n", count_true(arr, 20));
    printf("in_range %d %d %d\n", in_range(5, 1, 10), in_range(0, 1, 10), in_range(10, 1, 10));
    printf("fp cmp %d %d %d %d\n", dlt(1.0, 2.0), dlt(2.0, 1.0), fle(1.5f, 1.5f), fle(2.5f, 1.5f));
    printf("cmp3 %d %d %d\n", cmp3(-10, 10), cmp3(10, -10), cmp3(3, 3));
    printf("sizeof(bool)=%zu true+true=%d\n", sizeof(bool), true + true);
    bool b = 7;
    printf("b=%d\n", b);
    return count_true(arr, 20);
}

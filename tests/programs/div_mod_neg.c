/* Division and modulo of negative numbers, by variables and by constants (magic-number lowering). */
#include <stdio.h>

__attribute__((noinline)) static int sdiv(int a, int b) { return a / b; }
__attribute__((noinline)) static int smod(int a, int b) { return a % b; }
__attribute__((noinline)) static unsigned udiv(unsigned a, unsigned b) { return a / b; }
__attribute__((noinline)) static unsigned umod(unsigned a, unsigned b) { return a % b; }
__attribute__((noinline)) static long long sdiv64(long long a, long long b) { return a / b; }
__attribute__((noinline)) static long long smod64(long long a, long long b) { return a % b; }
__attribute__((noinline)) static unsigned long long udiv64(unsigned long long a, unsigned long long b) { return a / b; }
__attribute__((noinline)) static short sdiv16(short a, short b) { return (short)(a / b); }
__attribute__((noinline)) static signed char smod8(signed char a, signed char b) { return (signed char)(a % b); }

__attribute__((noinline)) static int div7(int a) { return a / 7; }
__attribute__((noinline)) static int mod7(int a) { return a % 7; }
__attribute__((noinline)) static int div8(int a) { return a / 8; }
__attribute__((noinline)) static int mod8(int a) { return a % 8; }
__attribute__((noinline)) static unsigned udiv10(unsigned a) { return a / 10; }
__attribute__((noinline)) static long div1000(long a) { return a / 1000; }
__attribute__((noinline)) static long mod1000(long a) { return a % 1000; }
__attribute__((noinline)) static unsigned long udiv3(unsigned long a) { return a / 3; }

int main(void) {
    int vals[] = {-2147483647, -1000, -17, -8, -7, -1, 0, 1, 7, 8, 17, 1000, 2147483647};
    int divs[] = {-7, -3, -1, 1, 2, 3, 7, 10};
    unsigned long check = 0;
    for (unsigned i = 0; i < sizeof vals / sizeof vals[0]; i++) {
        for (unsigned j = 0; j < sizeof divs / sizeof divs[0]; j++) {
            int q = sdiv(vals[i], divs[j]), r = smod(vals[i], divs[j]);
            check = check * 3 + (unsigned long)(q + r);
            if (q * divs[j] + r != vals[i]) printf("BAD %d %d\n", vals[i], divs[j]);
        }
        printf("%d: /7=%d %%7=%d /8=%d %%8=%d /1000=%ld %%1000=%ld\n", vals[i], div7(vals[i]), mod7(vals[i]),
               div8(vals[i]), mod8(vals[i]), div1000(vals[i]), mod1000(vals[i]));
    }
    printf("check=%lu\n", check);
    printf("u: %u %u %u %u\n", udiv(4000000000u, 3), umod(4000000000u, 7), udiv10(4294967295u), udiv(7, 4000000000u));
    printf("u mod: %u\n", umod(0xffffffffu, 0x10000u));
    printf("64: %lld %lld %lld %lld\n", sdiv64(-9000000000000000000LL, 7), smod64(-9000000000000000000LL, 7),
           sdiv64(123456789012345LL, -1000), smod64(-123456789012345LL, 1000));
    printf("u64: %llu %llu\n", udiv64(18446744073709551615ULL, 10), udiv64(18446744073709551615ULL, 0x100000001ULL));
    printf("u64/3: %lu %lu\n", udiv3(18446744073709551615UL), udiv3(100));
    printf("16: %d %d %d\n", sdiv16(-32768, 3), sdiv16(-7, 2), sdiv16(32767, -2));
    printf("8: %d %d %d\n", smod8(-128, 3), smod8(-7, 2), smod8(127, -10));
    return (int)(check % 100);
}

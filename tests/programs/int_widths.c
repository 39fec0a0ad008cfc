/* Integer arithmetic across all widths, signed/unsigned, wrap-around of unsigned types. */
#include <stdio.h>
#include <stdint.h>

static volatile int vzero = 0;

__attribute__((noinline)) static signed char add_sc(signed char a, signed char b) { return (signed char)(a + b); }
__attribute__((noinline)) static unsigned char add_uc(unsigned char a, unsigned char b) { return (unsigned char)(a + b); }
__attribute__((noinline)) static short mul_s(short a, short b) { return (short)(a * b); }
__attribute__((noinline)) static unsigned short mul_us(unsigned short a, unsigned short b) { return (unsigned short)(a * b); }
__attribute__((noinline)) static unsigned int sub_u(unsigned int a, unsigned int b) { return a - b; }
__attribute__((noinline)) static long mix_l(long a, int b, short c, signed char d) { return a * b + c - d; }
__attribute__((noinline)) static unsigned long long mul_ull(unsigned long long a, unsigned long long b) { return a * b; }
__attribute__((noinline)) static long long neg_ll(long long a) { return -a; }
__attribute__((noinline)) static int widen(signed char c, unsigned char u, short s, unsigned short us) {
    return c + u + s + us;
}

int main(void) {
    unsigned acc = 0;
    signed char sc[] = {-128, -100, -1, 0, 1, 100, 127};
    unsigned char uc[] = {0, 1, 127, 128, 200, 255};
    short ss[] = {-32768, -1000, -1, 0, 1, 1000, 32767};
    unsigned short us[] = {0, 1, 1000, 32768, 65535};
    for (unsigned i = 0; i < sizeof sc; i++)
        for (unsigned j = 0; j < sizeof sc; j++) {
            signed char r = add_sc(sc[i], sc[j]);
            acc = acc * 31 + (unsigned char)r;
        }
    printf("sc add acc=%u\n", acc);
    for (unsigned i = 0; i < sizeof uc; i++)
        printf("uc %u+%u=%u\n", uc[i], uc[(i + 3) % sizeof uc], add_uc(uc[i], uc[(i + 3) % sizeof uc]));
    for (unsigned i = 0; i < sizeof ss / sizeof ss[0]; i++)
        printf("short %d*%d=%d\n", ss[i], ss[(i + 2) % 7], mul_s(ss[i], ss[(i + 2) % 7]));
    for (unsigned i = 0; i < sizeof us / sizeof us[0]; i++)
        printf("ushort %u*%u=%u\n", us[i], us[(i + 1) % 5], mul_us(us[i], us[(i + 1) % 5]));
    printf("uint 3-5=%u\n", sub_u(3, 5));
    printf("uint max+1=%u\n", sub_u(0xffffffffu, 0xffffffffu) + 0u);
    printf("long mix=%ld\n", mix_l(-123456789012L, 77, -300, -5));
    printf("ull mul=%llu\n", mul_ull(0xdeadbeefcafebabeULL, 0x123456789ULL));
    printf("ll neg=%lld %lld\n", neg_ll(42), neg_ll(-9000000000000000000LL));
    printf("widen=%d %d\n", widen(-1, 255, -1, 65535), widen(-128, 0, -32768, 0));
    /* implicit conversions */
    int i = -1;
    unsigned u = (unsigned)i;
    long l = i;
    unsigned long ul = u;
    long long ll = (long long)ul;
    printf("conv %u %ld %lu %lld\n", u, l, ul, ll);
    printf("trunc %d %d %u\n", (signed char)300, (short)70000, (unsigned char)-3);
    printf("sizes %zu %zu %zu %zu %zu\n", sizeof(char), sizeof(short), sizeof(int), sizeof(long), sizeof(long long));
    /* int8_t..uint64_t arithmetic */
    int8_t a8 = 100; int16_t a16 = 30000; int32_t a32 = 2000000000; int64_t a64 = 9000000000000000000LL;
    uint8_t b8 = 250; uint16_t b16 = 65000; uint32_t b32 = 4000000000u; uint64_t b64 = 18000000000000000000ULL;
    printf("fixed %d %d %d %lld\n", (int8_t)(a8 + 100), (int16_t)(a16 + 30000), (int32_t)((uint32_t)a32 + 2000000000u),
           (long long)((uint64_t)a64 + 9000000000000000000ULL));
    printf("ufixed %u %u %u %llu\n", (uint8_t)(b8 + 10), (uint16_t)(b16 + 1000), b32 + 400000000u,
           (unsigned long long)(b64 + 1000000000000000000ULL));
    printf("vz %d\n", vzero + 7);
    return (int)(acc & 0x3f);
}

/* Shifts of all widths, arithmetic right shifts of negatives, rotates via (x<<n)|(x>>(32-n)). */
#include <stdio.h>
#include <stdint.h>

__attribute__((noinline)) static uint32_t rotl32(uint32_t x, unsigned n) { return (x << n) | (x >> ((32 - n) & 31)); }
__attribute__((noinline)) static uint32_t rotr32(uint32_t x, unsigned n) { return (x >> n) | (x << ((32 - n) & 31)); }
__attribute__((noinline)) static uint64_t rotl64(uint64_t x, unsigned n) { return (x << n) | (x >> ((64 - n) & 63)); }
__attribute__((noinline)) static uint16_t rotl16(uint16_t x, unsigned n) { return (uint16_t)((x << n) | (x >> (16 - n))); }
__attribute__((noinline)) static uint8_t rotl8(uint8_t x, unsigned n) { return (uint8_t)((x << n) | (x >> (8 - n))); }
__attribute__((noinline)) static int sar(int x, int n) { return x >> n; }
__attribute__((noinline)) static long sar64(long x, int n) { return x >> n; }
__attribute__((noinline)) static unsigned shr(unsigned x, int n) { return x >> n; }
__attribute__((noinline)) static unsigned shl(unsigned x, int n) { return x << n; }
__attribute__((noinline)) static unsigned long long shl64(unsigned long long x, int n) { return x << n; }
__attribute__((noinline)) static short sar16(short x, int n) { return (short)(x >> n); }
__attribute__((noinline)) static signed char sar8(signed char x, int n) { return (signed char)(x >> n); }

int main(void) {
    uint32_t h = 0x12345678u;
    for (unsigned n = 1; n < 32; n += 5)
        printf("rot32 %2u: %08x %08x\n", n, rotl32(h, n), rotr32(h, n));
    for (unsigned n = 1; n < 64; n += 9)
        printf("rot64 %2u: %016llx\n", n, (unsigned long long)rotl64(0x0123456789abcdefULL, n));
    printf("rot16 %04x %04x\n", rotl16(0xabcd, 4), rotl16(0x8001, 1));
    printf("rot8 %02x %02x\n", rotl8(0x81, 1), rotl8(0x3c, 3));
    int negs[] = {-1, -2, -255, -65536, -2147483647 - 1, 12345};
    for (unsigned i = 0; i < 6; i++)
        printf("sar %d: %d %d %d %d\n", negs[i], sar(negs[i], 1), sar(negs[i], 4), sar(negs[i], 16), sar(negs[i], 31));
    printf("sar64 %ld %ld %ld\n", sar64(-1000000000000L, 10), sar64(-1L, 63), sar64(0x7fffffffffffffffL, 62));
    printf("shr %u %u %u\n", shr(0x80000000u, 31), shr(0xffffffffu, 1), shr(0xdeadbeefu, 16));
    printf("shl %u %u %08x\n", shl(1, 31), shl(3, 30), shl(0xdeadbeefu, 8));
    printf("shl64 %llx %llx\n", shl64(1, 63), shl64(0xabcdefULL, 40));
    printf("sar16 %d %d\n", sar16(-32768, 3), sar16(-5, 1));
    printf("sar8 %d %d\n", sar8(-128, 7), sar8(-3, 1));
    /* constant shifts in loops (vectorisable) */
    uint32_t a[16]; int32_t b[16];
    for (int i = 0; i < 16; i++) { a[i] = 0x9e3779b9u * (uint32_t)(i + 1); b[i] = (int32_t)a[i]; }
    uint32_t s = 0;
    for (int i = 0; i < 16; i++) s += (a[i] >> 3) ^ (uint32_t)(b[i] >> 5) ^ (a[i] << 7);
    printf("mix %08x\n", s);
    uint32_t x = 1;
    for (int i = 0; i < 100; i++) { x ^= x << 13; x ^= x >> 17; x ^= x << 5; }
    printf("xorshift %u\n", x);
    return (int)(x % 50) + 1;
}

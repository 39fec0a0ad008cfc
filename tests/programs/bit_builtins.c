/* __builtin_popcount/clz/ctz/bswap/parity/ffs and hand-written bit tricks. */
#include <stdio.h>
#include <stdint.h>

__attribute__((noinline)) static int pc(unsigned x) { return __builtin_popcount(x); }
__attribute__((noinline)) static int pcll(unsigned long long x) { return __builtin_popcountll(x); }
__attribute__((noinline)) static int lz(unsigned x) { return x ? __builtin_clz(x) : 32; }
__attribute__((noinline)) static int lzll(unsigned long long x) { return x ? __builtin_clzll(x) : 64; }
__attribute__((noinline)) static int tz(unsigned x) { return x ? __builtin_ctz(x) : 32; }
__attribute__((noinline)) static int tzll(unsigned long long x) { return x ? __builtin_ctzll(x) : 64; }
__attribute__((noinline)) static uint32_t bs32(uint32_t x) { return __builtin_bswap32(x); }
__attribute__((noinline)) static uint64_t bs64(uint64_t x) { return __builtin_bswap64(x); }
__attribute__((noinline)) static uint16_t bs16(uint16_t x) { return __builtin_bswap16(x); }
__attribute__((noinline)) static int par(unsigned x) { return __builtin_parity(x); }
__attribute__((noinline)) static int parll(unsigned long long x) { return __builtin_parityll(x); }
__attribute__((noinline)) static int ffs_(int x) { return __builtin_ffs(x); }
__attribute__((noinline)) static int manual_pop(uint32_t x) {
    x = x - ((x >> 1) & 0x55555555u);
    x = (x & 0x33333333u) + ((x >> 2) & 0x33333333u);
    x = (x + (x >> 4)) & 0x0f0f0f0fu;
    return (int)((x * 0x01010101u) >> 24);
}
__attribute__((noinline)) static uint32_t next_pow2(uint32_t x) {
    x--; x |= x >> 1; x |= x >> 2; x |= x >> 4; x |= x >> 8; x |= x >> 16; return x + 1;
}
__attribute__((noinline)) static uint32_t reverse_bits(uint32_t x) {
    uint32_t r = 0;
    for (int i = 0; i < 32; i++) { r = (r << 1) | (x & 1); x >>= 1; }
    return r;
}
__attribute__((noinline)) static int is_pow2(unsigned long x) { return x && !(x & (x - 1)); }

int main(void) {
    uint32_t v[] = {0, 1, 2, 3, 0x80000000u, 0xffffffffu, 0x12345678u, 0x00f0f000u, 0xdeadbeefu, 96};
    int sum = 0;
    for (int i = 0; i < 10; i++) {
        printf("%08x: pop=%d/%d clz=%d ctz=%d bswap=%08x par=%d ffs=%d np2=%u rev=%08x\n", v[i], pc(v[i]),
               manual_pop(v[i]), lz(v[i]), tz(v[i]), bs32(v[i]), par(v[i]), ffs_((int)v[i]), next_pow2(v[i]),
               reverse_bits(v[i]));
        sum += pc(v[i]) + lz(v[i]);
    }
    uint64_t w[] = {0, 1, 0x8000000000000000ULL, 0xffffffffffffffffULL, 0x0123456789abcdefULL, 0x10000000000ULL};
    for (int i = 0; i < 6; i++)
        printf("%016llx: pop=%d clz=%d ctz=%d bswap=%016llx par=%d pow2=%d\n", (unsigned long long)w[i],
               pcll(w[i]), lzll(w[i]), tzll(w[i]), (unsigned long long)bs64(w[i]), parll(w[i]), is_pow2(w[i]));
    printf("bswap16 %04x %04x\n", bs16(0x1234), bs16(0xff00));
    /* loop of popcounts over an array */
    unsigned total = 0;
    for (unsigned i = 0; i < 1000; i++) total += (unsigned)__builtin_popcount(i * 2654435761u);
    printf("total pop %u\n", total);
    /* lowest set bit, clear lowest set bit */
    unsigned x = 0xb4u;
    printf("lsb %u clear %u\n", x & -x, x & (x - 1));
    return sum % 64;
}

/* Bit manipulation: popcount, bit reversal, rotates, parity, leading/trailing zeros, byte swaps. */
#include <stdint.h>

int popcount32(uint32_t x) { return __builtin_popcount(x); }
int popcount64(uint64_t x) { int c = 0; while (x) { x &= x - 1; c++; } return c; }
uint32_t reverse_bits(uint32_t x) {
    x = ((x >> 1) & 0x55555555u) | ((x & 0x55555555u) << 1);
    x = ((x >> 2) & 0x33333333u) | ((x & 0x33333333u) << 2);
    x = ((x >> 4) & 0x0f0f0f0fu) | ((x & 0x0f0f0f0fu) << 4);
    return __builtin_bswap32(x);
}
uint64_t rotl64(uint64_t x, unsigned n) { return (x << (n & 63)) | (x >> ((64 - n) & 63)); }
uint32_t rotr32(uint32_t x, unsigned n) { return (x >> (n & 31)) | (x << ((32 - n) & 31)); }
int parity(uint64_t x) { return __builtin_parityll(x); }
int clz64(uint64_t x) { return x ? __builtin_clzll(x) : 64; }
int ctz32(uint32_t x) { return x ? __builtin_ctz(x) : 32; }
uint64_t bswap64(uint64_t x) { return __builtin_bswap64(x); }
uint32_t extract_bits(uint32_t x, int lo, int len) { return (x >> lo) & ((len == 32) ? 0xffffffffu : ((1u << len) - 1)); }

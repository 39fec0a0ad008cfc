#include <stdint.h>
#include "../check.h"

int popcount32(uint32_t x);
int popcount64(uint64_t x);
uint32_t reverse_bits(uint32_t x);
uint64_t rotl64(uint64_t x, unsigned n);
uint32_t rotr32(uint32_t x, unsigned n);
int parity(uint64_t x);
int clz64(uint64_t x);
int ctz32(uint32_t x);
uint64_t bswap64(uint64_t x);
uint32_t extract_bits(uint32_t x, int lo, int len);

int main(void) {
    CHECK_INT(popcount32(0), 0);
    CHECK_INT(popcount32(0xffffffffu), 32);
    CHECK_INT(popcount32(0x12345678u), 13);
    CHECK_INT(popcount64(0xf0f0f0f0f0f0f0f0ULL), 32);
    CHECK_UINT(reverse_bits(1), 0x80000000u);
    CHECK_UINT(reverse_bits(0x12345678u), 0x1e6a2c48u);
    CHECK_UINT(rotl64(0x8000000000000001ULL, 1), 3);
    CHECK_UINT(rotl64(0x0123456789abcdefULL, 0), 0x0123456789abcdefULL);
    CHECK_UINT(rotr32(0x12345678u, 8), 0x78123456u);
    CHECK_INT(parity(7), 1);
    CHECK_INT(parity(0xffffffffffffffffULL), 0);
    CHECK_INT(clz64(1), 63);
    CHECK_INT(clz64(0), 64);
    CHECK_INT(ctz32(0x80000000u), 31);
    CHECK_UINT(bswap64(0x0102030405060708ULL), 0x0807060504030201ULL);
    CHECK_UINT(extract_bits(0xdeadbeefu, 8, 8), 0xbe);
    CHECK_UINT(extract_bits(0xdeadbeefu, 0, 32), 0xdeadbeefu);
    END_CHECKS();
}

#include <stdint.h>
#include <stdlib.h>
#include "../check.h"

int count_ones_builtin(unsigned x);
int count_ones_ll(unsigned long long x);
int count_ones_loop(int x);
void sort_by_bits(int *a, int n);
int highest_bit(unsigned x);
int lowest_bit(unsigned long x);
int parity(unsigned x);
int is_power_of_two(long x);
uint32_t reverse_bits(uint32_t x);
uint32_t rotl32(uint32_t x, int k);
uint64_t bswap64(uint64_t x);
uint32_t bswap32_manual(uint32_t x);
unsigned gray_code(unsigned n);
int hamming(unsigned long long a, unsigned long long b);
char *to_binary(unsigned long long x);
long long from_binary(const char *s);

#define CHECK_FREE(call, expected) do { char *r_ = (call); CHECK_STR(r_, expected); free(r_); } while (0)

int main(void) {
    CHECK_INT(count_ones_builtin(0), 0);
    CHECK_INT(count_ones_builtin(0xffffffffu), 32);
    CHECK_INT(count_ones_builtin(0x80000001u), 2);
    CHECK_INT(count_ones_ll(0xffffffffffffffffULL), 64);
    CHECK_INT(count_ones_ll(0x8000000100000001ULL), 3);
    CHECK_INT(count_ones_loop(-1), 32);
    CHECK_INT(count_ones_loop(7), 3);
    CHECK_INT(count_ones_loop(0), 0);
    int a[] = {1, 5, 2, 3, 4, 0, 7, 8, 1024, 6};
    sort_by_bits(a, 10);
    int e[] = {0, 1, 2, 4, 8, 1024, 3, 5, 6, 7};
    for (int i = 0; i < 10; i++) CHECK_INT(a[i], e[i]);
    CHECK_INT(highest_bit(1), 0);
    CHECK_INT(highest_bit(0x80000000u), 31);
    CHECK_INT(highest_bit(0), -1);
    CHECK_INT(highest_bit(1000), 9);
    CHECK_INT(lowest_bit(0), -1);
    CHECK_INT(lowest_bit(1UL << 50), 50);
    CHECK_INT(lowest_bit(12), 2);
    CHECK_INT(parity(7), 1);
    CHECK_INT(parity(0xff), 0);
    CHECK_INT(is_power_of_two(1), 1);
    CHECK_INT(is_power_of_two(1L << 62), 1);
    CHECK_INT(is_power_of_two(0), 0);
    CHECK_INT(is_power_of_two(-8), 0);
    CHECK_INT(is_power_of_two(96), 0);
    CHECK_UINT(reverse_bits(1), 0x80000000u);
    CHECK_UINT(reverse_bits(0x0000ffffu), 0xffff0000u);
    CHECK_UINT(reverse_bits(43261596u), 964176192u);
    CHECK_UINT(rotl32(0x80000001u, 1), 3u);
    CHECK_UINT(rotl32(0x12345678u, 8), 0x34567812u);
    CHECK_UINT(rotl32(0x12345678u, 0), 0x12345678u);
    CHECK_UINT(bswap64(0x0102030405060708ULL), 0x0807060504030201ULL);
    CHECK_UINT(bswap32_manual(0xdeadbeefu), 0xefbeaddeu);
    CHECK_UINT(gray_code(0), 0); CHECK_UINT(gray_code(5), 7); CHECK_UINT(gray_code(255), 128);
    CHECK_INT(hamming(1, 4), 2);
    CHECK_INT(hamming(0, ~0ULL), 64);
    CHECK_FREE(to_binary(0), "0");
    CHECK_FREE(to_binary(5), "101");
    CHECK_FREE(to_binary(1ULL << 63), "1000000000000000000000000000000000000000000000000000000000000000");
    CHECK_INT(from_binary("101"), 5);
    CHECK_INT(from_binary("11111111111111111111111111111111111"), (1LL << 35) - 1);
    CHECK_INT(from_binary(""), 0);
    END_CHECKS();
}

#include <stdint.h>
#include <stdbool.h>
#include "../check.h"

uint64_t mulhi_u64(uint64_t a, uint64_t b);
int64_t mulhi_s64(int64_t a, int64_t b);
bool checked_mul(int64_t a, int64_t b, int64_t *out);
uint64_t mulmod(uint64_t a, uint64_t b, uint64_t m);
int64_t floor_div(int64_t a, int64_t b);
int64_t trunc_mod(int64_t a, int64_t b);
uint32_t udiv_const(uint32_t x);
int32_t sdiv_const(int32_t x);

int main(void) {
    CHECK_UINT(mulhi_u64(UINT64_MAX, UINT64_MAX), UINT64_MAX - 1);
    CHECK_UINT(mulhi_u64(1ULL << 63, 4), 2);
    CHECK_INT(mulhi_s64(-1, 1), -1);
    CHECK_INT(mulhi_s64(INT64_MIN, 2), -1);
    int64_t r = 0;
    CHECK_INT(checked_mul(1LL << 62, 2, &r), true);
    CHECK_INT(checked_mul(-(1LL << 31), 1LL << 31, &r), false);
    CHECK_INT(r, -(1LL << 62));
    CHECK_UINT(mulmod(UINT64_MAX, UINT64_MAX, 1000000007ULL), 114944269ULL);
    CHECK_INT(floor_div(-7, 2), -4);
    CHECK_INT(floor_div(7, -2), -4);
    CHECK_INT(floor_div(7, 2), 3);
    CHECK_INT(trunc_mod(-7, 2), -1);
    CHECK_UINT(udiv_const(4294967295u), 613566756u);
    CHECK_INT(sdiv_const(-100), 11);
    CHECK_INT(sdiv_const(2147483647), -238609294);
    END_CHECKS();
}

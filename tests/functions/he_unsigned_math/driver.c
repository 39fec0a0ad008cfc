#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include "../check.h"

uint64_t mulmod(uint64_t a, uint64_t b, uint64_t m);
uint64_t powmod(uint64_t b, uint64_t e, uint64_t m);
bool is_prime_u64(uint64_t n);
uint64_t gcd_binary(uint64_t a, uint64_t b);
unsigned long lcm(unsigned long a, unsigned long b);
int reverse_int(int x);
unsigned isqrt(unsigned long long n);
char *to_base36(unsigned long long v);
int collatz_steps(unsigned long long n);
unsigned div7_u32(unsigned x);
int div7_s32(int x);
unsigned long long div10_u64(unsigned long long x);
long long mod13_s64(long long x);
unsigned short div3_u16(unsigned short x);
signed char mod5_s8(signed char x);

#define CHECK_FREE(call, expected) do { char *r_ = (call); CHECK_STR(r_, expected); free(r_); } while (0)

int main(void) {
    CHECK_UINT(mulmod(0xffffffffffffffffULL, 0xffffffffffffffffULL, 1000000007ULL), 114944269ULL);
    CHECK_UINT(powmod(2, 10, 1000), 24);
    CHECK_UINT(powmod(3, 0, 7), 1);
    CHECK_UINT(powmod(5, 117, 19), 1);
    CHECK_UINT(powmod(123456789, 987654321, 1000000007), 652541198);
    CHECK_INT(is_prime_u64(1), 0);
    CHECK_INT(is_prime_u64(2), 1);
    CHECK_INT(is_prime_u64(1000000007ULL), 1);
    CHECK_INT(is_prime_u64(1000000007ULL * 998244353ULL), 0);
    CHECK_INT(is_prime_u64(18446744073709551557ULL), 1);
    CHECK_INT(is_prime_u64(3215031751ULL), 0);
    CHECK_UINT(gcd_binary(48, 18), 6);
    CHECK_UINT(gcd_binary(0, 9), 9);
    CHECK_UINT(gcd_binary(1ULL << 40, 3ULL << 38), 1ULL << 38);
    CHECK_UINT(gcd_binary(17, 31), 1);
    CHECK_UINT(lcm(4, 6), 12);
    CHECK_UINT(lcm(21, 6), 42);
    CHECK_UINT(lcm(1UL << 32, 3), 3UL << 32);
    CHECK_INT(reverse_int(123), 321);
    CHECK_INT(reverse_int(-123), -321);
    CHECK_INT(reverse_int(120), 21);
    CHECK_INT(reverse_int(1534236469), 0);
    CHECK_INT(reverse_int(-2147483648), 0);
    CHECK_INT(reverse_int(0), 0);
    CHECK_UINT(isqrt(0), 0);
    CHECK_UINT(isqrt(15), 3);
    CHECK_UINT(isqrt(16), 4);
    CHECK_UINT(isqrt(18446744073709551615ULL), 4294967295u);
    CHECK_UINT(isqrt(1000000000000ULL), 1000000);
    CHECK_FREE(to_base36(0), "0");
    CHECK_FREE(to_base36(35), "z");
    CHECK_FREE(to_base36(36), "10");
    CHECK_FREE(to_base36(18446744073709551615ULL), "3w5e11264sgsf");
    CHECK_INT(collatz_steps(1), 0);
    CHECK_INT(collatz_steps(27), 111);
    CHECK_INT(collatz_steps(837799), 524);
    CHECK_INT(collatz_steps(9780657630ULL), 1132);
    CHECK_UINT(div7_u32(4294967295u), 613566756u);
    CHECK_INT(div7_s32(-2147483647 - 1), -306783378);
    CHECK_INT(div7_s32(-13), -1);
    CHECK_UINT(div10_u64(18446744073709551615ULL), 1844674407370955161ULL);
    CHECK_INT(mod13_s64(-9223372036854775807LL - 1), -(9223372036854775807LL % 13 + 1) % 13);
    CHECK_INT(mod13_s64(100), 9);
    CHECK_INT(div3_u16(65535), 21845);
    CHECK_INT(mod5_s8(-128), -3);
    CHECK_INT(mod5_s8(127), 2);
    END_CHECKS();
}

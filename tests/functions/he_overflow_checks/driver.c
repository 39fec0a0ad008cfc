#include <limits.h>
#include <stdbool.h>
#include "../check.h"

int my_atoi_sat(const char *s);
int reverse_checked(int x);
bool checked_factorial(int n, long long *out);
unsigned sat_add_u32(unsigned a, unsigned b);
int sat_sub_i32(int a, int b);
unsigned long long add_carry_u128(unsigned long long alo, unsigned long long ahi, unsigned long long blo,
                                  unsigned long long bhi, unsigned long long *hi);
long long div128(long long hi, unsigned long long lo, long long d, long long *rem);
int mid_point(int lo, int hi);
long long sum_no_overflow(const int *a, int n);

int main(void) {
    CHECK_INT(my_atoi_sat("42"), 42);
    CHECK_INT(my_atoi_sat("   -42abc"), -42);
    CHECK_INT(my_atoi_sat("2147483647"), INT_MAX);
    CHECK_INT(my_atoi_sat("2147483648"), INT_MAX);
    CHECK_INT(my_atoi_sat("-91283472332"), INT_MIN);
    CHECK_INT(my_atoi_sat("words 987"), 0);
    CHECK_INT(reverse_checked(123), 321);
    CHECK_INT(reverse_checked(-123), -321);
    CHECK_INT(reverse_checked(1534236469), 0);
    CHECK_INT(reverse_checked(-2147483412), -2143847412);
    long long f;
    CHECK_INT(checked_factorial(20, &f), 1); CHECK_INT(f, 2432902008176640000LL);
    CHECK_INT(checked_factorial(21, &f), 0);
    CHECK_INT(checked_factorial(0, &f), 1); CHECK_INT(f, 1);
    CHECK_UINT(sat_add_u32(4000000000u, 300000000u), 4294967295u);
    CHECK_UINT(sat_add_u32(1, 2), 3);
    CHECK_INT(sat_sub_i32(INT_MIN, 1), INT_MIN);
    CHECK_INT(sat_sub_i32(INT_MAX, -1), INT_MAX);
    CHECK_INT(sat_sub_i32(5, 7), -2);
    unsigned long long hi;
    CHECK_UINT(add_carry_u128(~0ULL, 1, 1, 2, &hi), 0); CHECK_UINT(hi, 4);
    CHECK_UINT(add_carry_u128(5, 0, 6, 0, &hi), 11); CHECK_UINT(hi, 0);
    long long rem;
    CHECK_INT(div128(1, 0, 3, &rem), 6148914691236517205LL); CHECK_INT(rem, 1);
    CHECK_INT(div128(-1, 0xfffffffffffffff9ULL, 2, &rem), -3); CHECK_INT(rem, -1);
    CHECK_INT(mid_point(2000000000, 2100000000), 2050000000);
    CHECK_INT(mid_point(-5, 4), -1);
    CHECK_INT(sum_no_overflow((int[]){INT_MAX, INT_MAX, INT_MAX}, 3), 3LL * INT_MAX);
    END_CHECKS();
}

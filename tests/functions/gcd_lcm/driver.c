#include "../check.h"

int greatest_common_divisor(int a, int b);
unsigned long lcm(unsigned long a, unsigned long b);
long ext_gcd(long a, long b, long *x, long *y);

int main(void) {
    CHECK_INT(greatest_common_divisor(3, 7), 1);
    CHECK_INT(greatest_common_divisor(10, 15), 5);
    CHECK_INT(greatest_common_divisor(49, 14), 7);
    CHECK_INT(greatest_common_divisor(144, 60), 12);
    CHECK_INT(greatest_common_divisor(-12, 18), 6);
    CHECK_INT(greatest_common_divisor(0, 9), 9);
    CHECK_UINT(lcm(4, 6), 12);
    CHECK_UINT(lcm(21, 6), 42);
    CHECK_UINT(lcm(1UL << 40, 3), 3UL << 40);
    CHECK_UINT(lcm(0, 5), 0);
    long x = 0, y = 0;
    long g = ext_gcd(240, 46, &x, &y);
    CHECK_INT(g, 2);
    CHECK_INT(240 * x + 46 * y, 2);
    g = ext_gcd(99, 78, &x, &y);
    CHECK_INT(g, 3);
    CHECK_INT(99 * x + 78 * y, 3);
    END_CHECKS();
}

#include "../check.h"

long factorial(int n);
unsigned long long factorial_mod(unsigned n, unsigned long long m);
double factorial_d(int n);
long special_factorial(int n);

int main(void) {
    CHECK_INT(factorial(0), 1);
    CHECK_INT(factorial(5), 120);
    CHECK_INT(factorial(20), 2432902008176640000L);
    CHECK_UINT(factorial_mod(100, 1000000007ULL), 437918130ULL);
    CHECK_UINT(factorial_mod(5, 7), 1);
    CHECK_NEAR(factorial_d(25), 1.5511210043330986e25, 1e10);
    CHECK_NEAR(factorial_d(170) / 7.257415615307994e306, 1.0, 1e-12);
    CHECK_INT(special_factorial(4), 288);
    CHECK_INT(special_factorial(5), 34560);
    CHECK_INT(special_factorial(7), 125411328000L);
    CHECK_INT(special_factorial(1), 1);
    END_CHECKS();
}

#include "../check.h"

long double factorial_ld(int n);
double binomial(int n, int k);
long long binomial_ll(int n, int k);
double harmonic(int n);
long double average_ld(const double *a, int n);
int compare_ld(double a, double b);

int main(void) {
    CHECK_NEAR((double)factorial_ld(0), 1, 0);
    CHECK_NEAR((double)factorial_ld(10), 3628800, 0);
    CHECK_NEAR((double)factorial_ld(20), 2432902008176640000.0, 0);
    CHECK_NEAR((double)(factorial_ld(25) / factorial_ld(23)), 600, 1e-9);
    CHECK_NEAR(binomial(10, 3), 120, 1e-9);
    CHECK_NEAR(binomial(52, 5), 2598960, 1e-6);
    CHECK_INT(binomial_ll(60, 30), 118264581564861424LL);
    CHECK_INT(binomial_ll(5, 0), 1);
    CHECK_NEAR(harmonic(1), 1, 0);
    CHECK_NEAR(harmonic(4), 25.0 / 12, 1e-15);
    CHECK_NEAR(harmonic(100000), 12.090146129863428, 1e-12);
    CHECK_NEAR((double)average_ld((double[]){1, 2, 3, 4}, 4), 2.5, 0);
    CHECK_NEAR((double)average_ld((double[]){1e16, 1, -1e16, 1}, 4), 0.5, 0);
    CHECK_NEAR((double)average_ld(0, 0), 0, 0);
    CHECK_INT(compare_ld(1, 2), -1);
    CHECK_INT(compare_ld(2, 1), 1);
    CHECK_INT(compare_ld(-0.0, 0.0), 0);
    END_CHECKS();
}

/* long double (x87 on x86-64, binary128 on AArch64) inside translated functions and as results:
 * factorials and binomials without overflow, Kahan-free precise sums, a long double result returned to a
 * native caller, conversions back to double and long long. */
#include <math.h>

long double factorial_ld(int n) {
    long double r = 1;
    for (int i = 2; i <= n; i++) r *= i;
    return r;
}

double binomial(int n, int k) {
    long double r = 1;
    for (int i = 1; i <= k; i++) r = r * (n - k + i) / i;
    return (double)r;
}

long long binomial_ll(int n, int k) {
    long double r = 1;
    for (int i = 1; i <= k; i++) r = r * (n - k + i) / i;
    return (long long)(r + 0.5L);
}

double harmonic(int n) {
    long double s = 0;
    for (int i = n; i >= 1; i--) s += 1.0L / i;
    return (double)s;
}

long double average_ld(const double *a, int n) {
    long double s = 0;
    for (int i = 0; i < n; i++) s += a[i];
    return n ? s / n : 0;
}

int compare_ld(double a, double b) {
    long double x = a, y = b;
    return (x > y) - (x < y);
}

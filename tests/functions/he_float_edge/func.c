/* Floating-point edge cases in HumanEval-style helpers: NaN-aware comparisons, isnan/isinf, fmin/fmax,
 * signed zero, float <-> unsigned/long long conversions, lround/lrint/trunc, fmod/remainder, long double
 * accumulation inside a function, float vs double rounding of averages. */
#include <math.h>
#include <stdbool.h>

int count_nan(const double *a, int n) {
    int c = 0;
    for (int i = 0; i < n; i++)
        if (a[i] != a[i]) c++;
    return c;
}

double max_ignore_nan(const double *a, int n) {
    double m = -INFINITY;
    for (int i = 0; i < n; i++)
        if (!isnan(a[i]) && a[i] > m) m = a[i];
    return m;
}

int classify(double x) {
    if (isnan(x)) return 0;
    if (isinf(x)) return x > 0 ? 1 : -1;
    if (x == 0) return signbit(x) ? -2 : 2;
    return 3;
}

bool less_or_unordered(double a, double b) { return !(a >= b); }
bool float_eq(float a, float b) { return a == b; }

double fmin_all(const double *a, int n) {
    double m = NAN;
    for (int i = 0; i < n; i++) m = fmin(m, a[i]);
    return m;
}

unsigned to_unsigned(double x) { return (unsigned)x; }
unsigned long long to_ull(double x) { return (unsigned long long)x; }
long long to_ll(float x) { return (long long)x; }
double from_ull(unsigned long long x) { return (double)x; }
float from_uint(unsigned x) { return (float)x; }
float from_ll(long long x) { return (float)x; }

long round_half_away(double x) { return lround(x); }
long round_even(double x) { return lrint(x); }
double trunc_to(double x, int places) {
    double p = pow(10.0, places);
    return trunc(x * p) / p;
}
double wrap_angle(double deg) {
    double r = fmod(deg, 360.0);
    if (r < 0) r += 360.0;
    return r;
}
double ieee_rem(double a, double b) { return remainder(a, b); }

double precise_mean(const double *a, int n) {
    long double s = 0;
    for (int i = 0; i < n; i++) s += a[i];
    return (double)(s / n);
}

float mean_float(const float *a, int n) {
    float s = 0;
    for (int i = 0; i < n; i++) s += a[i];
    return s / (float)n;
}

double copysign_abs(double mag, double sgn) { return copysign(fabs(mag), sgn); }
float negate_f(float x) { return -x; }
double hypot_len(double x, double y) { return hypot(x, y); }

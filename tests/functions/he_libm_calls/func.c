/* libm from translated code with float and double arguments and pointer out-params: modf, frexp, ldexp,
 * atan2, log2/exp2/log10, cbrt, tgamma, erf, nextafter, float variants (sqrtf, powf, expf, logf, floorf, ceilf,
 * roundf, truncf, fmodf, hypotf), and a few HumanEval-style uses (distance, compound interest, angle). */
#include <math.h>

double split_parts(double x, double *ipart) { return modf(x, ipart); }
int exponent_of(double x, double *mant) {
    int e;
    *mant = frexp(x, &e);
    return e;
}
double scale_pow2(double x, int e) { return ldexp(x, e); }
double angle_deg(double y, double x) { return atan2(y, x) * 180.0 / M_PI; }
double log_mix(double x) { return log2(x) + log10(x) + log(x) + exp2(1.0 / x); }
double cube_root(double x) { return cbrt(x); }
double factorial_gamma(int n) { return tgamma(n + 1.0); }
double erf_at(double x) { return erf(x); }
double next_up(double x) { return nextafter(x, INFINITY); }

float sqrt_f(float x) { return sqrtf(x); }
float pow_f(float b, float e) { return powf(b, e); }
float exp_log_f(float x) { return expf(logf(x)); }
float floor_ceil_f(float x) { return floorf(x) + ceilf(x); }
float round_trunc_f(float x) { return roundf(x) * 10.0f + truncf(x); }
float fmod_f(float a, float b) { return fmodf(a, b); }
float hypot_f(float a, float b) { return hypotf(a, b); }

double distance(double x1, double y1, double x2, double y2) { return sqrt(pow(x2 - x1, 2) + pow(y2 - y1, 2)); }
double compound(double principal, double rate, int years, int n) {
    return principal * pow(1 + rate / n, (double)n * years);
}
float mean_geo(const float *a, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) s += log(a[i]);
    return (float)exp(s / n);
}
double sigmoid(double x) { return 1.0 / (1.0 + exp(-x)); }
double stddev(const double *a, int n) {
    double m = 0, v = 0;
    for (int i = 0; i < n; i++) m += a[i];
    m /= n;
    for (int i = 0; i < n; i++) v += (a[i] - m) * (a[i] - m);
    return sqrt(v / n);
}

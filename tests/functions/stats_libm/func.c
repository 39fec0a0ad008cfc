/* Statistics and geometry calling libm from translated code: sqrt, exp, log, pow, sin/cos, atan2. */
#include <math.h>

double std_dev(const double *x, int n) {
    double m = 0, v = 0;
    for (int i = 0; i < n; i++) m += x[i];
    m /= n;
    for (int i = 0; i < n; i++) v += (x[i] - m) * (x[i] - m);
    return sqrt(v / n);
}

double geometric_mean(const double *x, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) s += log(x[i]);
    return exp(s / n);
}

double compound(double principal, double rate, int years) { return principal * pow(1.0 + rate, years); }

void polar_to_cart(double r, double theta, double *x, double *y) { *x = r * cos(theta); *y = r * sin(theta); }

double angle_deg(double x, double y) { return atan2(y, x) * 180.0 / M_PI; }

float softplus_f(float x) { return logf(1.0f + expf(x)); }

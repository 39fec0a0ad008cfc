/* HumanEval/4: mean absolute deviation (double), mean of floats, variance, and rescale_to_unit in place. */
#include <math.h>

double mean_absolute_deviation(const double *x, int n) {
    double mean = 0;
    for (int i = 0; i < n; i++) mean += x[i];
    mean /= n;
    double mad = 0;
    for (int i = 0; i < n; i++) mad += fabs(x[i] - mean);
    return mad / n;
}

float mean_f(const float *x, int n) {
    float s = 0.0f;
    for (int i = 0; i < n; i++) s += x[i];
    return s / (float)n;
}

double variance(const double *x, int n) {
    double m = 0, v = 0;
    for (int i = 0; i < n; i++) m += x[i];
    m /= n;
    for (int i = 0; i < n; i++) v += (x[i] - m) * (x[i] - m);
    return v / n;
}

void rescale_to_unit(double *x, int n) {
    double lo = x[0], hi = x[0];
    for (int i = 1; i < n; i++) { if (x[i] < lo) lo = x[i]; if (x[i] > hi) hi = x[i]; }
    for (int i = 0; i < n; i++) x[i] = (x[i] - lo) / (hi - lo);
}

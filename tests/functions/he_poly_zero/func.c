/* HumanEval/32 poly/find_zero (double, pow), HumanEval/62 derivative, HumanEval/45 triangle_area,
 * HumanEval/71 triangle_area with three floats (-1 when invalid, rounded to 2 decimals). */
#include <math.h>
#include <stdlib.h>

double poly(const double *xs, int n, double x) {
    double sum = 0;
    for (int i = 0; i < n; i++) sum += xs[i] * pow(x, i);
    return sum;
}

double find_zero(const double *xs, int n) {
    double ans = 0;
    double value = poly(xs, n, ans);
    while (fabs(value) > 1e-6) {
        double driv = 0;
        for (int i = 1; i < n; i++) driv += i * xs[i] * pow(ans, i - 1);
        ans = ans - value / driv;
        value = poly(xs, n, ans);
    }
    return ans;
}

int *derivative(const int *xs, int n, int *out_n) {
    int m = n > 1 ? n - 1 : 0;
    int *out = malloc(sizeof(int) * (m ? m : 1));
    for (int i = 1; i < n; i++) out[i - 1] = i * xs[i];
    *out_n = m;
    return out;
}

double triangle_area(double a, double h) { return a * h * 0.5; }

float triangle_area3(float a, float b, float c) {
    if (a + b <= c || a + c <= b || b + c <= a) return -1;
    float s = (a + b + c) / 2;
    float area = sqrtf(s * (s - a) * (s - b) * (s - c));
    return roundf(area * 100) / 100;
}

double heron(double a, double b, double c) {
    double s = (a + b + c) / 2;
    return sqrt(s * (s - a) * (s - b) * (s - c));
}

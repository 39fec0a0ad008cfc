/* Functions returning double and float. */
#include <math.h>

double circle_area(double r) { return M_PI * r * r; }
float lerp(float a, float b, float t) { return a + (b - a) * t; }
float to_celsius(float f) { return (f - 32.0f) * 5.0f / 9.0f; }
double hypot3(double x, double y, double z) { return sqrt(x * x + y * y + z * z); }
float int_to_float(int x) { return (float)x; }
double ulong_to_double(unsigned long x) { return (double)x; }
float clampf(float x, float lo, float hi) { return x < lo ? lo : x > hi ? hi : x; }
double poly_eval(const double *coef, int n, double x) {
    double r = 0;
    for (int i = n - 1; i >= 0; i--) r = r * x + coef[i];
    return r;
}

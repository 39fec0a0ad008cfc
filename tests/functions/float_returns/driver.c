#include "../check.h"

double circle_area(double r);
float lerp(float a, float b, float t);
float to_celsius(float f);
double hypot3(double x, double y, double z);
float int_to_float(int x);
double ulong_to_double(unsigned long x);
float clampf(float x, float lo, float hi);
double poly_eval(const double *coef, int n, double x);

int main(void) {
    CHECK_NEAR(circle_area(1.0), 3.141592653589793, 1e-15);
    CHECK_NEAR(circle_area(2.5), 19.634954084936208, 1e-12);
    CHECK_NEAR(lerp(0.0f, 10.0f, 0.25f), 2.5, 0);
    CHECK_NEAR(lerp(-4.0f, 4.0f, 0.5f), 0.0, 0);
    CHECK_NEAR(to_celsius(212.0f), 100.0, 1e-5);
    CHECK_NEAR(to_celsius(-40.0f), -40.0, 1e-5);
    CHECK_NEAR(hypot3(1, 2, 2), 3.0, 0);
    CHECK_NEAR(int_to_float(16777217), 16777216.0, 0);
    CHECK_NEAR(ulong_to_double(18446744073709551615UL), 18446744073709551616.0, 0);
    CHECK_NEAR(ulong_to_double(1UL << 63), 9223372036854775808.0, 0);
    CHECK_NEAR(clampf(5.5f, 0.0f, 1.0f), 1.0, 0);
    CHECK_NEAR(clampf(-5.5f, 0.0f, 1.0f), 0.0, 0);
    CHECK_NEAR(clampf(0.375f, 0.0f, 1.0f), 0.375, 0);
    double c[] = {1, -2, 0.5};
    CHECK_NEAR(poly_eval(c, 3, 4.0), 1 - 8 + 8, 0);
    END_CHECKS();
}

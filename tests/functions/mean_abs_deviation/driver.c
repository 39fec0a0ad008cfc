#include "../check.h"

double mean_absolute_deviation(const double *x, int n);
float mean_f(const float *x, int n);
double variance(const double *x, int n);
void rescale_to_unit(double *x, int n);

int main(void) {
    double a[] = {1.0, 2.0, 3.0};
    double b[] = {1.0, 2.0, 3.0, 4.0};
    double c[] = {1.0, 2.0, 3.0, 4.0, 5.0};
    CHECK_NEAR(mean_absolute_deviation(a, 3), 2.0 / 3.0, 1e-12);
    CHECK_NEAR(mean_absolute_deviation(b, 4), 1.0, 1e-12);
    CHECK_NEAR(mean_absolute_deviation(c, 5), 6.0 / 5.0, 1e-12);
    float f[] = {1.5f, 2.5f, -1.0f, 4.0f};
    CHECK_NEAR(mean_f(f, 4), 1.75, 1e-6);
    CHECK_NEAR(variance(c, 5), 2.0, 1e-12);
    double r[] = {2.0, 49.9, 12.0, 100.0};
    rescale_to_unit(r, 4);
    CHECK_NEAR(r[0], 0.0, 1e-12);
    CHECK_NEAR(r[1], 47.9 / 98.0, 1e-12);
    CHECK_NEAR(r[3], 1.0, 1e-12);
    END_CHECKS();
}

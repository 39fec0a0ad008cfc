#include "../check.h"

double std_dev(const double *x, int n);
double geometric_mean(const double *x, int n);
double compound(double principal, double rate, int years);
void polar_to_cart(double r, double theta, double *x, double *y);
double angle_deg(double x, double y);
float softplus_f(float x);

int main(void) {
    double a[] = {2, 4, 4, 4, 5, 5, 7, 9};
    CHECK_NEAR(std_dev(a, 8), 2.0, 1e-12);
    double g[] = {1, 3, 9, 27, 81};
    CHECK_NEAR(geometric_mean(g, 5), 9.0, 1e-9);
    CHECK_NEAR(compound(1000.0, 0.05, 10), 1628.894626777442, 1e-6);
    double x, y;
    polar_to_cart(2.0, M_PI / 6, &x, &y);
    CHECK_NEAR(x, sqrt(3.0), 1e-12);
    CHECK_NEAR(y, 1.0, 1e-12);
    CHECK_NEAR(angle_deg(-1, 1), 135.0, 1e-9);
    CHECK_NEAR(angle_deg(0, -2), -90.0, 1e-9);
    CHECK_NEAR(softplus_f(0.0f), 0.6931471805599453, 1e-6);
    END_CHECKS();
}

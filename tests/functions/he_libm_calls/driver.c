#include <math.h>
#include "../check.h"

double split_parts(double x, double *ipart);
int exponent_of(double x, double *mant);
double scale_pow2(double x, int e);
double angle_deg(double y, double x);
double log_mix(double x);
double cube_root(double x);
double factorial_gamma(int n);
double erf_at(double x);
double next_up(double x);
float sqrt_f(float x);
float pow_f(float b, float e);
float exp_log_f(float x);
float floor_ceil_f(float x);
float round_trunc_f(float x);
float fmod_f(float a, float b);
float hypot_f(float a, float b);
double distance(double x1, double y1, double x2, double y2);
double compound(double principal, double rate, int years, int n);
float mean_geo(const float *a, int n);
double sigmoid(double x);
double stddev(const double *a, int n);

int main(void) {
    double ip;
    CHECK_NEAR(split_parts(3.75, &ip), 0.75, 0); CHECK_NEAR(ip, 3, 0);
    CHECK_NEAR(split_parts(-2.5, &ip), -0.5, 0); CHECK_NEAR(ip, -2, 0);
    double m;
    CHECK_INT(exponent_of(8.0, &m), 4); CHECK_NEAR(m, 0.5, 0);
    CHECK_INT(exponent_of(-3.0, &m), 2); CHECK_NEAR(m, -0.75, 0);
    CHECK_INT(exponent_of(0.0, &m), 0);
    CHECK_NEAR(scale_pow2(1.5, 10), 1536, 0);
    CHECK_NEAR(scale_pow2(1.0, -1074), 4.9406564584124654e-324, 0);
    CHECK_NEAR(angle_deg(1, 1), 45, 1e-12);
    CHECK_NEAR(angle_deg(-1, -1), -135, 1e-12);
    CHECK_NEAR(angle_deg(0, -1), 180, 1e-12);
    CHECK_NEAR(log_mix(100), log2(100) + 2 + log(100) + exp2(0.01), 1e-12);
    CHECK_NEAR(cube_root(-27), -3, 1e-15);
    CHECK_NEAR(cube_root(2), 1.2599210498948732, 1e-15);
    CHECK_NEAR(factorial_gamma(5), 120, 1e-9);
    CHECK_NEAR(factorial_gamma(20), 2432902008176640000.0, 1e4);
    CHECK_NEAR(erf_at(0.5), 0.52049987781304654, 1e-15);
    CHECK(next_up(1.0) > 1.0 && next_up(1.0) - 1.0 < 1e-15);
    CHECK_NEAR(sqrt_f(2.0f), 1.41421354f, 0);
    CHECK(isnan(sqrt_f(-1.0f)));
    CHECK_NEAR(pow_f(2.0f, 10.0f), 1024, 0);
    CHECK_NEAR(pow_f(9.0f, 0.5f), 3, 0);
    CHECK_NEAR(exp_log_f(5.0f), 5.0, 1e-5);
    CHECK_NEAR(floor_ceil_f(2.5f), 5, 0);
    CHECK_NEAR(floor_ceil_f(-2.5f), -5, 0);
    CHECK_NEAR(floor_ceil_f(3.0f), 6, 0);
    CHECK_NEAR(round_trunc_f(2.5f), 32, 0);
    CHECK_NEAR(round_trunc_f(-2.5f), -32, 0);
    CHECK_NEAR(fmod_f(7.5f, 2.0f), 1.5, 0);
    CHECK_NEAR(fmod_f(-7.5f, 2.0f), -1.5, 0);
    CHECK_NEAR(hypot_f(5.0f, 12.0f), 13, 0);
    CHECK_NEAR(distance(0, 0, 3, 4), 5, 0);
    CHECK_NEAR(distance(-1, -1, 2, 3), 5, 0);
    CHECK_NEAR(compound(1000, 0.05, 10, 12), 1647.0094976902801, 1e-9);
    CHECK_NEAR(mean_geo((float[]){1, 2, 4, 8}, 4), 2.8284271f, 1e-6);
    CHECK_NEAR(sigmoid(0), 0.5, 0);
    CHECK_NEAR(sigmoid(2), 0.8807970779778823, 1e-15);
    CHECK_NEAR(stddev((double[]){2, 4, 4, 4, 5, 5, 7, 9}, 8), 2.0, 0);
    END_CHECKS();
}

#include <stdlib.h>
#include "../check.h"

double poly(const double *xs, int n, double x);
double find_zero(const double *xs, int n);
int *derivative(const int *xs, int n, int *out_n);
double triangle_area(double a, double h);
float triangle_area3(float a, float b, float c);
double heron(double a, double b, double c);

int main(void) {
    double c1[] = {1, 2};
    CHECK_NEAR(poly(c1, 2, 3), 7, 1e-12);
    CHECK_NEAR(find_zero(c1, 2), -0.5, 1e-6);
    double c2[] = {-6, 11, -6, 1};
    double z = find_zero(c2, 4);
    CHECK_NEAR(poly(c2, 4, z), 0, 1e-5);
    CHECK_NEAR(z, 1.0, 1e-5);
    double c3[] = {-3, 1, 1, 0};
    z = find_zero(c3, 4);
    CHECK_NEAR(z, (sqrt(13.0) - 1) / 2, 1e-5);
    double c4[] = {5, -3, 0, 0, 2, 0};
    CHECK_NEAR(poly(c4, 6, -1.5), 5 + 4.5 + 2 * 5.0625, 1e-12);
    CHECK_NEAR(poly(c4, 0, 2), 0, 0);
    int n;
    int *d = derivative((int[]){3, 1, 2, 4, 5}, 5, &n);
    CHECK_INT(n, 4);
    CHECK_INT(d[0], 1); CHECK_INT(d[1], 4); CHECK_INT(d[2], 12); CHECK_INT(d[3], 20);
    free(d);
    d = derivative((int[]){1}, 1, &n);
    CHECK_INT(n, 0);
    free(d);
    d = derivative((int[]){3, 2, 1, 0, 4}, 5, &n);
    CHECK_INT(n, 4); CHECK_INT(d[3], 16);
    free(d);
    CHECK_NEAR(triangle_area(5, 3), 7.5, 0);
    CHECK_NEAR(triangle_area(2, 2), 2.0, 0);
    CHECK_NEAR(triangle_area(10, 8), 40.0, 0);
    CHECK_NEAR(triangle_area3(3, 4, 5), 6.00, 1e-4);
    CHECK_NEAR(triangle_area3(1, 2, 10), -1, 0);
    CHECK_NEAR(triangle_area3(4, 8, 5), 8.18, 1e-4);
    CHECK_NEAR(triangle_area3(2, 2, 2), 1.73, 1e-4);
    CHECK_NEAR(triangle_area3(1, 2, 3), -1, 0);
    CHECK_NEAR(triangle_area3(10, 5, 7), 16.25, 1e-4);
    CHECK_NEAR(triangle_area3(1, 1, 1), 0.43, 1e-4);
    CHECK_NEAR(heron(3, 4, 5), 6.0, 1e-12);
    END_CHECKS();
}

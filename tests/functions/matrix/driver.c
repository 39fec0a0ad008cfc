#include "../check.h"

void mat_mul(const double *a, const double *b, double *c, int n);
void transpose(double *m, int n);
double trace(const double *m, int n);
int is_identity(const double *m, int n);
void mat_vec_i(const int *m, const int *v, long *out, int rows, int cols);

int main(void) {
    double a[9] = {1, 2, 3, 4, 5, 6, 7, 8, 10}, inv[9] = {-2.0 / 3, -4.0 / 3, 1, -2.0 / 3, 11.0 / 3, -2, 1, -2, 1};
    double c[9];
    mat_mul(a, inv, c, 3);
    int near_id = 1;
    for (int i = 0; i < 9; i++) near_id &= fabs(c[i] - (i % 4 == 0 ? 1.0 : 0.0)) < 1e-12;
    CHECK(near_id);
    double id[9] = {1, 0, 0, 0, 1, 0, 0, 0, 1};
    CHECK_INT(is_identity(id, 3), 1);
    CHECK_INT(is_identity(a, 3), 0);
    CHECK_NEAR(trace(a, 3), 16.0, 0);
    transpose(a, 3);
    CHECK_NEAR(a[1], 4.0, 0);
    CHECK_NEAR(a[6], 3.0, 0);
    int m[6] = {1, 2, 3, -4, 5, -6}, v[3] = {100000, 200000, 300000};
    long out[2];
    mat_vec_i(m, v, out, 2, 3);
    CHECK_INT(out[0], 1400000);
    CHECK_INT(out[1], -1200000);
    END_CHECKS();
}

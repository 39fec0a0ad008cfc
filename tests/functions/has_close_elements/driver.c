#include "../check.h"

int has_close_elements(const double *numbers, int n, double threshold);
double closest_distance(const double *numbers, int n);

int main(void) {
    double a[] = {1.0, 2.0, 3.9, 4.0, 5.0, 2.2};
    double b[] = {1.0, 2.0, 5.9, 4.0, 5.0};
    double c[] = {1.1, 2.2, 3.1, 4.1, 5.1};
    CHECK_INT(has_close_elements(a, 6, 0.3), 1);
    CHECK_INT(has_close_elements(a, 6, 0.05), 0);
    CHECK_INT(has_close_elements(b, 5, 0.95), 1);
    CHECK_INT(has_close_elements(b, 5, 0.8), 0);
    CHECK_INT(has_close_elements(c, 5, 1.0), 1);
    CHECK_INT(has_close_elements(c, 5, 0.5), 0);
    CHECK_INT(has_close_elements(a, 0, 10.0), 0);
    CHECK_NEAR(closest_distance(a, 6), 0.1, 1e-12);
    CHECK_NEAR(closest_distance(c, 5), 0.9, 1e-12);
    CHECK(isinf(closest_distance(a, 1)));
    END_CHECKS();
}

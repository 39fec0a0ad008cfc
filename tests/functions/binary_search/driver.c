#include "../check.h"

int bsearch_idx(const int *a, int n, int key);
long lower_bound_l(const long *a, long n, long key);
int search_double(const double *a, int n, double x);
unsigned isqrt_bisect(unsigned long n);

int main(void) {
    int a[100];
    for (int i = 0; i < 100; i++) a[i] = i * 3 - 50;
    CHECK_INT(bsearch_idx(a, 100, -50), 0);
    CHECK_INT(bsearch_idx(a, 100, 247), 99);
    CHECK_INT(bsearch_idx(a, 100, 10), 20);
    CHECK_INT(bsearch_idx(a, 100, 11), -1);
    CHECK_INT(bsearch_idx(a, 0, 1), -1);
    long l[] = {1, 3, 3, 3, 7, 1L << 40};
    CHECK_INT(lower_bound_l(l, 6, 3), 1);
    CHECK_INT(lower_bound_l(l, 6, 4), 4);
    CHECK_INT(lower_bound_l(l, 6, 1L << 41), 6);
    double d[] = {-1.5, 0.0, 0.5, 2.25};
    CHECK_INT(search_double(d, 4, 0.25), 2);
    CHECK_INT(search_double(d, 4, -9), 0);
    CHECK_UINT(isqrt_bisect(0), 0);
    CHECK_UINT(isqrt_bisect(99), 9);
    CHECK_UINT(isqrt_bisect(18446744073709551615UL), 4294967295u);
    END_CHECKS();
}

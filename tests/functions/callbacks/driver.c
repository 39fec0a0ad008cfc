#include <stdlib.h>
#include "../check.h"

void apply(int *a, int n, int (*f)(int));
long reduce(const long *a, int n, long init, long (*op)(long, long));
int count_if(const double *a, int n, int (*pred)(double, void *), void *ctx);
void sort_with(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));
double integrate(double (*f)(double), double a, double b, int steps);

static int square(int x) { return x * x; }
static long add(long a, long b) { return a + b; }
static long maxl(long a, long b) { return a > b ? a : b; }
static int above(double x, void *ctx) { return x > *(double *)ctx; }
static int cmp_desc(const void *a, const void *b) { int x = *(const int *)a, y = *(const int *)b; return (x < y) - (x > y); }
static double quad(double x) { return x * x; }

int main(void) {
    int a[] = {1, -2, 3, -4, 5};
    apply(a, 5, square);
    CHECK_INT(a[1], 4);
    CHECK_INT(a[4], 25);
    long l[] = {5, 1L << 35, -7, 12};
    CHECK_INT(reduce(l, 4, 0, add), (1L << 35) + 10);
    CHECK_INT(reduce(l, 4, -100, maxl), 1L << 35);
    double d[] = {0.5, 1.5, 2.5, -1.0, 3.0};
    double thr = 1.0;
    CHECK_INT(count_if(d, 5, above, &thr), 3);
    int s[] = {3, 9, -1, 4, 4, 0};
    sort_with(s, 6, sizeof *s, cmp_desc);
    CHECK_INT(s[0], 9);
    CHECK_INT(s[5], -1);
    CHECK_NEAR(integrate(quad, 0.0, 3.0, 3000), 9.0, 1e-5);
    END_CHECKS();
}

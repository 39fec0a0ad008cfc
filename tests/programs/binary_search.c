/* Binary search variants: exact, lower/upper bound, on doubles, searching a monotone function, bisection root. */
#include <stdio.h>

static int bsearch_exact(const int *a, int n, int key) {
    int lo = 0, hi = n - 1;
    while (lo <= hi) { int mid = lo + (hi - lo) / 2; if (a[mid] == key) return mid; if (a[mid] < key) lo = mid + 1; else hi = mid - 1; }
    return -1;
}
static int lower_bound(const int *a, int n, int key) { int lo = 0, hi = n; while (lo < hi) { int m = (lo + hi) >> 1; if (a[m] < key) lo = m + 1; else hi = m; } return lo; }
static int upper_bound(const int *a, int n, int key) { int lo = 0, hi = n; while (lo < hi) { int m = (lo + hi) >> 1; if (a[m] <= key) lo = m + 1; else hi = m; } return lo; }
static int search_d(const double *a, int n, double x) { int lo = 0, hi = n; while (lo < hi) { int m = (lo + hi) / 2; if (a[m] < x) lo = m + 1; else hi = m; } return lo; }
static unsigned long first_square_ge(unsigned long target) {
    unsigned long lo = 0, hi = 4294967295UL;
    while (lo < hi) { unsigned long m = lo + (hi - lo) / 2; if (m * m >= target) hi = m; else lo = m + 1; }
    return lo;
}
static double bisect(double (*f)(double), double lo, double hi) {
    for (int i = 0; i < 100; i++) { double m = (lo + hi) / 2; if ((f(m) > 0) == (f(lo) > 0)) lo = m; else hi = m; }
    return (lo + hi) / 2;
}
static double cubic(double x) { return x * x * x - 2 * x - 5; }

int main(void) {
    int a[100];
    for (int i = 0; i < 100; i++) a[i] = (i / 3) * 5; /* duplicates */
    int keys[] = {-1, 0, 5, 7, 50, 160, 165, 200};
    int acc = 0;
    for (int i = 0; i < 8; i++) {
        int e = bsearch_exact(a, 100, keys[i]), lb = lower_bound(a, 100, keys[i]), ub = upper_bound(a, 100, keys[i]);
        printf("key %d: found=%d lb=%d ub=%d count=%d\n", keys[i], e >= 0, lb, ub, ub - lb);
        acc += ub - lb;
    }
    double d[50];
    for (int i = 0; i < 50; i++) d[i] = i * 0.75 - 10;
    printf("search_d %d %d %d\n", search_d(d, 50, -10), search_d(d, 50, 0.1), search_d(d, 50, 100));
    printf("isqrt-ceil %lu %lu %lu\n", first_square_ge(1000000), first_square_ge(1000001), first_square_ge(18446744065119617025UL));
    printf("root %.12f\n", bisect(cubic, 2, 3));
    return acc;
}

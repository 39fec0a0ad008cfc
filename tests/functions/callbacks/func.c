/* Translated functions calling native callbacks through function pointers (and qsort with a native comparator). */
#include <stdlib.h>

void apply(int *a, int n, int (*f)(int)) { for (int i = 0; i < n; i++) a[i] = f(a[i]); }

long reduce(const long *a, int n, long init, long (*op)(long, long)) {
    for (int i = 0; i < n; i++) init = op(init, a[i]);
    return init;
}

int count_if(const double *a, int n, int (*pred)(double, void *), void *ctx) {
    int c = 0;
    for (int i = 0; i < n; i++) c += pred(a[i], ctx) != 0;
    return c;
}

void sort_with(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *)) { qsort(base, n, size, cmp); }

double integrate(double (*f)(double), double a, double b, int steps) {
    double h = (b - a) / steps, s = 0;
    for (int i = 0; i < steps; i++) s += f(a + (i + 0.5) * h);
    return s * h;
}

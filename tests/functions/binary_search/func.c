/* Binary search: index of, lower bound, search on doubles, and integer square root by bisection. */
int bsearch_idx(const int *a, int n, int key) {
    int lo = 0, hi = n - 1;
    while (lo <= hi) {
        int mid = lo + (hi - lo) / 2;
        if (a[mid] == key) return mid;
        if (a[mid] < key) lo = mid + 1; else hi = mid - 1;
    }
    return -1;
}

long lower_bound_l(const long *a, long n, long key) {
    long lo = 0, hi = n;
    while (lo < hi) { long m = (lo + hi) / 2; if (a[m] < key) lo = m + 1; else hi = m; }
    return lo;
}

int search_double(const double *a, int n, double x) {
    int lo = 0, hi = n;
    while (lo < hi) { int m = (lo + hi) >> 1; if (a[m] < x) lo = m + 1; else hi = m; }
    return lo;
}

unsigned isqrt_bisect(unsigned long n) {
    unsigned long lo = 0, hi = 4294967296UL;
    while (hi - lo > 1) { unsigned long m = (lo + hi) / 2; if (m * m <= n) lo = m; else hi = m; }
    return (unsigned)lo;
}

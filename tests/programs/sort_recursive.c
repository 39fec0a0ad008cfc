/* Quicksort (Lomuto and Hoare), mergesort with temp buffer, on ints, doubles and strings. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void quick(int *a, int lo, int hi) {
    if (lo >= hi) return;
    int p = a[hi], i = lo;
    for (int j = lo; j < hi; j++) if (a[j] < p) { int t = a[i]; a[i] = a[j]; a[j] = t; i++; }
    int t = a[i]; a[i] = a[hi]; a[hi] = t;
    quick(a, lo, i - 1);
    quick(a, i + 1, hi);
}
static void quick_d(double *a, long lo, long hi) {
    if (lo >= hi) return;
    double p = a[(lo + hi) / 2];
    long i = lo - 1, j = hi + 1;
    for (;;) {
        do i++; while (a[i] < p);
        do j--; while (a[j] > p);
        if (i >= j) break;
        double t = a[i]; a[i] = a[j]; a[j] = t;
    }
    quick_d(a, lo, j);
    quick_d(a, j + 1, hi);
}
static void merge_sort(int *a, int *tmp, int n) {
    if (n < 2) return;
    int m = n / 2;
    merge_sort(a, tmp, m);
    merge_sort(a + m, tmp, n - m);
    int i = 0, j = m, k = 0;
    while (i < m && j < n) tmp[k++] = a[i] <= a[j] ? a[i++] : a[j++];
    while (i < m) tmp[k++] = a[i++];
    while (j < n) tmp[k++] = a[j++];
    memcpy(a, tmp, (size_t)n * sizeof *a);
}
static void msort_str(const char **a, const char **tmp, int n) {
    if (n < 2) return;
    int m = n / 2;
    msort_str(a, tmp, m);
    msort_str(a + m, tmp, n - m);
    int i = 0, j = m, k = 0;
    while (i < m && j < n) tmp[k++] = strcmp(a[i], a[j]) <= 0 ? a[i++] : a[j++];
    while (i < m) tmp[k++] = a[i++];
    while (j < n) tmp[k++] = a[j++];
    memcpy(a, tmp, (size_t)n * sizeof *a);
}

int main(void) {
    enum { N = 500 };
    int a[N], b[N], tmp[N];
    unsigned x = 42;
    for (int i = 0; i < N; i++) { x = x * 1664525u + 1013904223u; a[i] = b[i] = (int)(x >> 8) % 10000 - 5000; }
    quick(a, 0, N - 1);
    merge_sort(b, tmp, N);
    int same = memcmp(a, b, sizeof a) == 0, sorted = 1;
    for (int i = 1; i < N; i++) sorted &= a[i - 1] <= a[i];
    printf("same=%d sorted=%d min=%d max=%d median=%d\n", same, sorted, a[0], a[N - 1], a[N / 2]);
    double d[100];
    for (int i = 0; i < 100; i++) d[i] = ((i * 7919) % 100) * 0.5 - 20;
    quick_d(d, 0, 99);
    printf("d: %.1f %.1f %.1f %.1f\n", d[0], d[1], d[50], d[99]);
    const char *words[] = {"pear", "apple", "fig", "banana", "cherry", "date", "elderberry", "grape", "kiwi", "lemon",
                           "mango", "apple"};
    const char *wt[12];
    msort_str(words, wt, 12);
    for (int i = 0; i < 12; i++) printf("%s ", words[i]);
    printf("\n");
    long chk = 0;
    for (int i = 0; i < N; i += 50) chk += a[i];
    printf("chk=%ld\n", chk);
    return sorted + same;
}

/* Sorting LCG data: libc qsort with a comparator (native libc calling back into
 * the program), a hand-written quicksort with insertion-sort cut-off, and a
 * binary-search pass over the result. */
#include <stdio.h>
#include <stdlib.h>

#define N 60000

static int cmp_int(const void *pa, const void *pb) {
    int a = *(const int *)pa, b = *(const int *)pb;
    return (a > b) - (a < b);
}

static void insertion(int *v, int lo, int hi) {
    for (int i = lo + 1; i <= hi; i++) {
        int x = v[i], j = i - 1;
        while (j >= lo && v[j] > x) {
            v[j + 1] = v[j];
            j--;
        }
        v[j + 1] = x;
    }
}

static void quick(int *v, int lo, int hi) {
    while (hi - lo > 16) {
        int mid = lo + (hi - lo) / 2;
        /* median of three */
        if (v[mid] < v[lo]) { int t = v[mid]; v[mid] = v[lo]; v[lo] = t; }
        if (v[hi] < v[lo]) { int t = v[hi]; v[hi] = v[lo]; v[lo] = t; }
        if (v[hi] < v[mid]) { int t = v[hi]; v[hi] = v[mid]; v[mid] = t; }
        int pivot = v[mid], i = lo, j = hi;
        while (i <= j) {
            while (v[i] < pivot) i++;
            while (v[j] > pivot) j--;
            if (i <= j) {
                int t = v[i]; v[i] = v[j]; v[j] = t;
                i++;
                j--;
            }
        }
        if (j - lo < hi - i) {
            quick(v, lo, j);
            lo = i;
        } else {
            quick(v, i, hi);
            hi = j;
        }
    }
    insertion(v, lo, hi);
}

static unsigned long digest(const int *v, int n) {
    unsigned long h = 1469598103934665603ul;
    for (int i = 0; i < n; i++)
        h = (h ^ (unsigned)v[i]) * 1099511628211ul;
    return h;
}

int main(void) {
    int *a = malloc(N * sizeof *a), *b = malloc(N * sizeof *b);
    if (!a || !b)
        return 1;
    unsigned x = 2463534242u;
    for (int i = 0; i < N; i++) {
        x = x * 1664525u + 1013904223u;
        a[i] = b[i] = (int)(x >> 8) % 1000000 - 500000;
    }
    qsort(a, N, sizeof *a, cmp_int);
    quick(b, 0, N - 1);
    int same = 1, sorted = 1;
    for (int i = 0; i < N; i++) {
        same &= a[i] == b[i];
        if (i)
            sorted &= a[i - 1] <= a[i];
    }
    printf("same %d sorted %d min %d max %d median %d\n", same, sorted, a[0], a[N - 1], a[N / 2]);
    printf("digest %016lx\n", digest(b, N));
    long found = 0;
    for (int k = -500000; k < 500000; k += 37) {
        int key = k;
        if (bsearch(&key, a, N, sizeof *a, cmp_int))
            found++;
    }
    printf("found %ld\n", found);
    free(a);
    free(b);
    return same && sorted ? 0 : 1;
}

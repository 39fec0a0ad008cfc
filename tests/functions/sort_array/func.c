/* Sorting with qsort and a comparator defined in the translated code; a malloc'd sorted copy;
 * HumanEval/88-style: ascending if first+last is odd, else descending. */
#include <stdlib.h>
#include <string.h>

static int cmp_asc(const void *a, const void *b) {
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}
static int cmp_desc(const void *a, const void *b) { return cmp_asc(b, a); }

void sort_array(int *a, int n) { qsort(a, (size_t)n, sizeof *a, cmp_asc); }

int *sorted_copy(const int *a, int n, int *out_n) {
    int *r = malloc((size_t)(n ? n : 1) * sizeof *r);
    if (n) memcpy(r, a, (size_t)n * sizeof *r);
    int desc = n > 0 && (a[0] + a[n - 1]) % 2 == 0;
    qsort(r, (size_t)n, sizeof *r, desc ? cmp_desc : cmp_asc);
    *out_n = n;
    return r;
}

void sort_strings(const char **s, int n) {
    for (int i = 1; i < n; i++) {
        const char *k = s[i];
        int j = i - 1;
        while (j >= 0 && strcmp(s[j], k) > 0) { s[j + 1] = s[j]; j--; }
        s[j + 1] = k;
    }
}

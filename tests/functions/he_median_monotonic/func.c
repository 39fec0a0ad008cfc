/* HumanEval/47 median (qsort with a comparator in this file), HumanEval/52 below_threshold,
 * HumanEval/57 monotonic (float), HumanEval/53 add, HumanEval/54 same_chars. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

static int cmp_float(const void *a, const void *b) {
    float x = *(const float *)a, y = *(const float *)b;
    if (x < y) return -1;
    if (x > y) return 1;
    return 0;
}

float median(const float *l, int n) {
    float *s = malloc(sizeof(float) * n);
    memcpy(s, l, sizeof(float) * n);
    qsort(s, n, sizeof(float), cmp_float);
    float r;
    if (n % 2 == 1) r = s[n / 2];
    else r = 0.5f * (s[n / 2] + s[n / 2 - 1]);
    free(s);
    return r;
}

bool below_threshold(const int *l, int n, int t) {
    for (int i = 0; i < n; i++)
        if (l[i] >= t) return false;
    return true;
}

bool monotonic(const float *l, int n) {
    int incr = 0, decr = 0;
    for (int i = 1; i < n; i++) {
        if (l[i] > l[i - 1]) incr = 1;
        if (l[i] < l[i - 1]) decr = 1;
    }
    return incr + decr != 2;
}

int add(int x, int y) { return x + y; }

bool same_chars(const char *s0, const char *s1) {
    bool a[26] = {0}, b[26] = {0};
    for (; *s0; s0++) a[*s0 - 'a'] = true;
    for (; *s1; s1++) b[*s1 - 'a'] = true;
    for (int i = 0; i < 26; i++)
        if (a[i] != b[i]) return false;
    return true;
}

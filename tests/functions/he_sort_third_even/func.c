/* HumanEval/33 sort_third, HumanEval/37 sort_even, HumanEval/34 unique, HumanEval/35 max_element (float),
 * HumanEval/58 common (sorted unique intersection). */
#include <stdlib.h>

void sort_third(int *l, int n) {
    for (int i = 0; i < n; i += 3)
        for (int j = i + 3; j < n; j += 3)
            if (l[j] < l[i]) {
                int t = l[i];
                l[i] = l[j];
                l[j] = t;
            }
}

void sort_even(float *l, int n) {
    for (int i = 0; i < n; i += 2)
        for (int j = i + 2; j < n; j += 2)
            if (l[j] < l[i]) {
                float t = l[i];
                l[i] = l[j];
                l[j] = t;
            }
}

int *unique(const int *l, int n, int *out_n) {
    int *out = malloc(sizeof(int) * (n ? n : 1));
    int k = 0;
    for (int i = 0; i < n; i++) {
        int found = 0;
        for (int j = 0; j < k; j++)
            if (out[j] == l[i]) {
                found = 1;
                break;
            }
        if (!found) out[k++] = l[i];
    }
    for (int i = 1; i < k; i++) {
        int v = out[i], j = i - 1;
        while (j >= 0 && out[j] > v) {
            out[j + 1] = out[j];
            j--;
        }
        out[j + 1] = v;
    }
    *out_n = k;
    return out;
}

float max_element(const float *l, int n) {
    float max = -10000;
    for (int i = 0; i < n; i++)
        if (max < l[i]) max = l[i];
    return max;
}

static int cmp_int(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }

int *common(const int *l1, int n1, const int *l2, int n2, int *out_n) {
    int *out = malloc(sizeof(int) * (n1 ? n1 : 1));
    int k = 0;
    for (int i = 0; i < n1; i++) {
        int in2 = 0, dup = 0;
        for (int j = 0; j < n2; j++) in2 |= l2[j] == l1[i];
        for (int j = 0; j < k; j++) dup |= out[j] == l1[i];
        if (in2 && !dup) out[k++] = l1[i];
    }
    qsort(out, k, sizeof(int), cmp_int);
    *out_n = k;
    return out;
}

/* HumanEval/5 intersperse, HumanEval/9 rolling_max, HumanEval/42 incr_list, HumanEval/30 get_positive. */
#include <stdlib.h>

int *intersperse(const int *numbers, int n, int delimeter, int *out_n) {
    int m = n > 0 ? 2 * n - 1 : 0;
    int *out = malloc(sizeof(int) * (m > 0 ? m : 1));
    int k = 0;
    for (int i = 0; i < n; i++) {
        if (i > 0) out[k++] = delimeter;
        out[k++] = numbers[i];
    }
    *out_n = k;
    return out;
}

int *rolling_max(const int *numbers, int n) {
    int *out = malloc(sizeof(int) * (n > 0 ? n : 1));
    int max = 0;
    for (int i = 0; i < n; i++) {
        if (i == 0 || numbers[i] > max) max = numbers[i];
        out[i] = max;
    }
    return out;
}

void incr_list(int *l, int n) {
    for (int i = 0; i < n; i++) l[i] += 1;
}

float *get_positive(const float *l, int n, int *out_n) {
    float *out = malloc(sizeof(float) * (n > 0 ? n : 1));
    int k = 0;
    for (int i = 0; i < n; i++)
        if (l[i] > 0) out[k++] = l[i];
    *out_n = k;
    return out;
}

/* HumanEval/119 match_parens, HumanEval/120 maximum (k largest, sorted), HumanEval/121 solution,
 * HumanEval/122 add_elements, HumanEval/123 get_odd_collatz (realloc growth). */
#include <stdlib.h>
#include <string.h>

static int balanced(const char *a, const char *b) {
    int depth = 0;
    for (const char *p = a; *p; p++) {
        depth += *p == '(' ? 1 : -1;
        if (depth < 0) return 0;
    }
    for (const char *p = b; *p; p++) {
        depth += *p == '(' ? 1 : -1;
        if (depth < 0) return 0;
    }
    return depth == 0;
}

const char *match_parens(const char *s1, const char *s2) {
    if (balanced(s1, s2) || balanced(s2, s1)) return "Yes";
    return "No";
}

static int cmp_int(const void *a, const void *b) {
    int x = *(const int *)a, y = *(const int *)b;
    return x < y ? -1 : x > y;
}

int *maximum(const int *arr, int n, int k) {
    int *s = malloc(sizeof(int) * (n ? n : 1));
    if (n) memcpy(s, arr, sizeof(int) * n);
    qsort(s, n, sizeof(int), cmp_int);
    int *out = malloc(sizeof(int) * (k ? k : 1));
    memcpy(out, s + n - k, sizeof(int) * k);
    free(s);
    return out;
}

int solution(const int *lst, int n) {
    int sum = 0;
    for (int i = 0; i * 2 < n; i++)
        if (lst[i * 2] % 2 == 1) sum += lst[i * 2];
    return sum;
}

int add_elements(const int *arr, int k) {
    int sum = 0;
    for (int i = 0; i < k; i++)
        if (arr[i] >= -99 && arr[i] <= 99) sum += arr[i];
    return sum;
}

int *get_odd_collatz(int n, int *out_n) {
    int cap = 1, k = 0;
    int *out = malloc(sizeof(int) * cap);
    out[k++] = 1;
    while (n != 1) {
        if (n % 2 == 1) {
            if (k == cap) {
                cap *= 2;
                out = realloc(out, sizeof(int) * cap);
            }
            out[k++] = n;
            n = n * 3 + 1;
        } else {
            n = n / 2;
        }
    }
    for (int i = 1; i < k; i++)
        for (int j = i; j > 0 && out[j] < out[j - 1]; j--) {
            int t = out[j];
            out[j] = out[j - 1];
            out[j - 1] = t;
        }
    *out_n = k;
    return out;
}

/* HumanEval/149 sorted_list_sum (qsort of char* by length then strcmp), HumanEval/150 x_or_y,
 * HumanEval/151 double_the_difference (float list -> long long), HumanEval/152 compare. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

static int by_len_then_alpha(const void *pa, const void *pb) {
    const char *a = *(const char *const *)pa, *b = *(const char *const *)pb;
    size_t la = strlen(a), lb = strlen(b);
    if (la != lb) return la < lb ? -1 : 1;
    return strcmp(a, b);
}

char **sorted_list_sum(char **lst, int n, int *out_n) {
    char **out = malloc(sizeof(char *) * (n ? n : 1));
    int k = 0;
    for (int i = 0; i < n; i++)
        if (strlen(lst[i]) % 2 == 0) out[k++] = lst[i];
    qsort(out, k, sizeof(char *), by_len_then_alpha);
    *out_n = k;
    return out;
}

int x_or_y(int n, int x, int y) {
    int isp = 1;
    if (n < 2) isp = 0;
    for (int i = 2; i * i <= n; i++)
        if (n % i == 0) isp = 0;
    if (isp) return x;
    return y;
}

long long double_the_difference(const float *lst, int n) {
    long long sum = 0;
    for (int i = 0; i < n; i++)
        if (fabsf(lst[i] - roundf(lst[i])) < 1e-4f)
            if (lst[i] > 0 && (int)roundf(lst[i]) % 2 == 1) sum += (long long)roundf(lst[i]) * (long long)roundf(lst[i]);
    return sum;
}

int *compare(const int *game, const int *guess, int n) {
    int *out = malloc(sizeof(int) * (n ? n : 1));
    for (int i = 0; i < n; i++) out[i] = abs(game[i] - guess[i]);
    return out;
}

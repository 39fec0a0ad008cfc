/* HumanEval/67 fruit_distribution (sscanf / atoi), HumanEval/68 pluck (int* of 0 or 2 elements),
 * HumanEval/69 search (frequency table with calloc), HumanEval/70 strange_sort_list. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int fruit_distribution(const char *s, int n) {
    int apples = 0, oranges = 0;
    if (sscanf(s, "%d apples and %d oranges", &apples, &oranges) != 2) return -1;
    return n - apples - oranges;
}

int fruit_distribution_atoi(const char *s, int n) {
    char num[16];
    int k = 0;
    for (int i = 0; s[i]; i++) {
        if (isdigit((unsigned char)s[i])) {
            if (k < 15) num[k++] = s[i];
        } else if (k > 0) {
            num[k] = '\0';
            n -= atoi(num);
            k = 0;
        }
    }
    if (k > 0) {
        num[k] = '\0';
        n -= atoi(num);
    }
    return n;
}

int *pluck(const int *arr, int n, int *out_n) {
    int *out = malloc(2 * sizeof(int));
    *out_n = 0;
    for (int i = 0; i < n; i++)
        if (arr[i] % 2 == 0 && (*out_n == 0 || arr[i] < out[0])) {
            out[0] = arr[i];
            out[1] = i;
            *out_n = 2;
        }
    return out;
}

int search(const int *lst, int n) {
    int max = 0;
    for (int i = 0; i < n; i++)
        if (lst[i] > max) max = lst[i];
    int *freq = calloc(max + 1, sizeof(int));
    for (int i = 0; i < n; i++) freq[lst[i]]++;
    int ans = -1;
    for (int i = 1; i <= max; i++)
        if (freq[i] >= i) ans = i;
    free(freq);
    return ans;
}

void strange_sort_list(const int *lst, int n, int *out) {
    int *s = malloc(sizeof(int) * (n ? n : 1));
    memcpy(s, lst, sizeof(int) * n);
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++)
            if (s[j] < s[i]) {
                int t = s[i];
                s[i] = s[j];
                s[j] = t;
            }
    int l = 0, r = n - 1, k = 0;
    while (l <= r) {
        out[k++] = s[l++];
        if (l <= r) out[k++] = s[r--];
    }
    free(s);
}

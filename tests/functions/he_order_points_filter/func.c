/* HumanEval/145 order_by_points (stable sort by signed digit sum), HumanEval/146 specialFilter,
 * HumanEval/147 get_max_triples, HumanEval/148 bf (planets; const char** result). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int digit_sum(int v) {
    char w[16];
    sprintf(w, "%d", abs(v));
    int sum = 0;
    for (int j = 1; w[j]; j++) sum += w[j] - '0';
    if (v > 0) sum += w[0] - '0';
    else sum -= w[0] - '0';
    return sum;
}

void order_by_points(int *nums, int n) {
    int *sums = malloc(sizeof(int) * (n ? n : 1));
    for (int i = 0; i < n; i++) sums[i] = digit_sum(nums[i]);
    for (int i = 0; i < n; i++)
        for (int j = 1; j < n; j++)
            if (sums[j - 1] > sums[j]) {
                int t = sums[j]; sums[j] = sums[j - 1]; sums[j - 1] = t;
                t = nums[j]; nums[j] = nums[j - 1]; nums[j - 1] = t;
            }
    free(sums);
}

int specialFilter(const int *nums, int n) {
    int num = 0;
    for (int i = 0; i < n; i++)
        if (nums[i] > 10) {
            char w[16];
            int l = sprintf(w, "%d", nums[i]);
            if (w[0] % 2 == 1 && w[l - 1] % 2 == 1) num++;
        }
    return num;
}

int get_max_triples(int n) {
    int *a = malloc(sizeof(int) * (n ? n : 1));
    int count[3] = {0, 0, 0};
    for (int i = 1; i <= n; i++) {
        a[i - 1] = (i * i - i + 1) % 3;
        count[a[i - 1]]++;
    }
    int sum = 0;
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++)
            for (int k = j + 1; k < n; k++)
                if ((a[i] + a[j] + a[k]) % 3 == 0) sum++;
    free(a);
    return sum;
}

static const char *planets[] = {"Mercury", "Venus", "Earth", "Mars", "Jupiter", "Saturn", "Uranus", "Neptune"};

const char **bf(const char *planet1, const char *planet2, int *out_n) {
    int pos1 = -1, pos2 = -1;
    for (int m = 0; m < 8; m++) {
        if (strcmp(planets[m], planet1) == 0) pos1 = m;
        if (strcmp(planets[m], planet2) == 0) pos2 = m;
    }
    *out_n = 0;
    const char **out = malloc(sizeof(char *) * 8);
    if (pos1 == -1 || pos2 == -1 || pos1 == pos2) return out;
    if (pos1 > pos2) { int t = pos1; pos1 = pos2; pos2 = t; }
    for (int m = pos1 + 1; m < pos2; m++) out[(*out_n)++] = planets[m];
    return out;
}

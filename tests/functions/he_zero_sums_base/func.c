/* HumanEval/40 triples_sum_to_zero, HumanEval/43 pairs_sum_to_zero, HumanEval/41 car_race_collision,
 * HumanEval/44 change_base (malloc'd string), HumanEval/60 sum_to_n. */
#include <stdbool.h>
#include <stdlib.h>

bool triples_sum_to_zero(const int *l, int n) {
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++)
            for (int k = j + 1; k < n; k++)
                if (l[i] + l[j] + l[k] == 0) return true;
    return false;
}

bool pairs_sum_to_zero(const int *l, int n) {
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++)
            if (l[i] + l[j] == 0) return true;
    return false;
}

int car_race_collision(int n) { return n * n; }

char *change_base(int x, int base) {
    char buf[40];
    int k = 0;
    if (x == 0) buf[k++] = '0';
    while (x > 0) {
        buf[k++] = (char)('0' + x % base);
        x = x / base;
    }
    char *out = malloc(k + 1);
    for (int i = 0; i < k; i++) out[i] = buf[k - 1 - i];
    out[k] = '\0';
    return out;
}

int sum_to_n(int n) { return n * (n + 1) / 2; }

long sum_to_n_loop(long n) {
    long s = 0;
    for (long i = 1; i <= n; i++) s += i;
    return s;
}

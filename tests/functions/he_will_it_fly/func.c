/* HumanEval/72 will_it_fly, HumanEval/73 smallest_change, HumanEval/74 total_match (char** result),
 * HumanEval/75 is_multiply_prime, HumanEval/76 is_simple_power, HumanEval/77 iscube. */
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

bool will_it_fly(const int *q, int n, int w) {
    int sum = 0;
    for (int i = 0; i < n; i++) {
        if (q[i] != q[n - 1 - i]) return false;
        sum += q[i];
    }
    return sum <= w;
}

int smallest_change(const int *arr, int n) {
    int out = 0;
    for (int i = 0; i < n / 2; i++)
        if (arr[i] != arr[n - 1 - i]) out++;
    return out;
}

const char **total_match(const char **lst1, int n1, const char **lst2, int n2, int *out_n) {
    int c1 = 0, c2 = 0;
    for (int i = 0; i < n1; i++) c1 += (int)strlen(lst1[i]);
    for (int i = 0; i < n2; i++) c2 += (int)strlen(lst2[i]);
    const char **src = c1 <= c2 ? lst1 : lst2;
    int n = c1 <= c2 ? n1 : n2;
    const char **out = malloc(sizeof(char *) * (n ? n : 1));
    if (n) memcpy(out, src, sizeof(char *) * n);
    *out_n = n;
    return out;
}

bool is_multiply_prime(int a) {
    int num = 0;
    for (int i = 2; i * i <= a; i++)
        while (a % i == 0 && a > i) {
            a = a / i;
            num += 1;
        }
    return num == 2;
}

bool is_simple_power(int x, int n) {
    int p = 1, count = 0;
    while (p <= x && count < 100) {
        if (p == x) return true;
        p = p * n;
        count += 1;
    }
    return false;
}

bool iscube(int a) {
    for (int i = 0; i * i * i <= abs(a); i++)
        if (i * i * i == abs(a)) return true;
    return false;
}

bool iscube_round(int a) {
    double r = round(cbrt(fabs((double)a)));
    return (long)(r * r * r) == labs(a);
}

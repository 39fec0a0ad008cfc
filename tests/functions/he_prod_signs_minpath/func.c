/* HumanEval/128 prod_signs (INT_MIN for None), HumanEval/129 minPath (flattened N x N grid, k steps),
 * HumanEval/130 tri (Tribonacci variant, malloc'd), HumanEval/131 digits. */
#include <limits.h>
#include <stdlib.h>

int prod_signs(const int *arr, int n) {
    if (n == 0) return INT_MIN;
    int sum = 0, prods = 1;
    for (int i = 0; i < n; i++) {
        sum += abs(arr[i]);
        if (arr[i] == 0) prods = 0;
        if (arr[i] < 0) prods = -prods;
    }
    return sum * prods;
}

int *minPath(const int *grid, int N, int k) {
    int min = N * N;
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++)
            if (grid[i * N + j] == 1) {
                if (i > 0 && grid[(i - 1) * N + j] < min) min = grid[(i - 1) * N + j];
                if (i < N - 1 && grid[(i + 1) * N + j] < min) min = grid[(i + 1) * N + j];
                if (j > 0 && grid[i * N + j - 1] < min) min = grid[i * N + j - 1];
                if (j < N - 1 && grid[i * N + j + 1] < min) min = grid[i * N + j + 1];
            }
    int *out = malloc(sizeof(int) * (k ? k : 1));
    for (int i = 0; i < k; i++) out[i] = i % 2 == 0 ? 1 : min;
    return out;
}

int *tri(int n) {
    int *out = malloc(sizeof(int) * (n + 1 > 2 ? n + 1 : 2));
    out[0] = 1;
    if (n == 0) return out;
    out[1] = 3;
    for (int i = 2; i <= n; i++) {
        if (i % 2 == 0) out[i] = 1 + i / 2;
        else out[i] = out[i - 1] + out[i - 2] + 1 + (i + 1) / 2;
    }
    return out;
}

int digits(int n) {
    int prod = 1, has = 0;
    while (n > 0) {
        int d = n % 10;
        if (d % 2 == 1) {
            has = 1;
            prod *= d;
        }
        n /= 10;
    }
    return has ? prod : 0;
}

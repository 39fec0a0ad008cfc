/* LeetCode/HumanEval C signatures: int* f(int* nums, int numsSize, int* returnSize), char** with
 * returnSize and malloc'd columns, sqrt()/pow() in loop bounds and digit math, assert() preconditions,
 * functions with 7-9 parameters mixing pointers, ints and a float. */
#include <assert.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int *twoSum(const int *nums, int numsSize, int target, int *returnSize) {
    for (int i = 0; i < numsSize; i++)
        for (int j = i + 1; j < numsSize; j++)
            if (nums[i] + nums[j] == target) {
                int *r = malloc(2 * sizeof(int));
                r[0] = i;
                r[1] = j;
                *returnSize = 2;
                return r;
            }
    *returnSize = 0;
    return NULL;
}

bool is_prime_sqrt(int n) {
    if (n < 2) return false;
    for (int i = 2; i <= (int)sqrt((double)n); i++)
        if (n % i == 0) return false;
    return true;
}

int *primes_in_range(int lo, int hi, int *returnSize) {
    assert(lo <= hi);
    int *r = malloc(sizeof(int) * (hi - lo + 1));
    int k = 0;
    for (int v = lo; v <= hi; v++)
        if (is_prime_sqrt(v)) r[k++] = v;
    *returnSize = k;
    return r;
}

bool is_armstrong(int n) {
    int digits = n == 0 ? 1 : (int)log10((double)n) + 1;
    int sum = 0;
    for (int t = n; t > 0; t /= 10) sum += (int)pow(t % 10, digits);
    return sum == n;
}

bool is_perfect_square(long long n) {
    if (n < 0) return false;
    long long r = (long long)sqrtl((long double)n);
    while (r > 0 && r > n / r) r--;
    while (r + 1 <= n / (r + 1)) r++;
    return r * r == n;
}

char **fizzBuzz(int n, int *returnSize) {
    char **r = malloc(sizeof(char *) * (n > 0 ? n : 1));
    for (int i = 1; i <= n; i++) {
        r[i - 1] = malloc(9);
        if (i % 15 == 0) strcpy(r[i - 1], "FizzBuzz");
        else if (i % 3 == 0) strcpy(r[i - 1], "Fizz");
        else if (i % 5 == 0) strcpy(r[i - 1], "Buzz");
        else sprintf(r[i - 1], "%d", i);
    }
    *returnSize = n;
    return r;
}

int **generate_pascal(int numRows, int *returnSize, int **returnColumnSizes) {
    int **r = malloc(sizeof(int *) * (numRows > 0 ? numRows : 1));
    *returnColumnSizes = malloc(sizeof(int) * (numRows > 0 ? numRows : 1));
    for (int i = 0; i < numRows; i++) {
        (*returnColumnSizes)[i] = i + 1;
        r[i] = malloc(sizeof(int) * (i + 1));
        r[i][0] = r[i][i] = 1;
        for (int j = 1; j < i; j++) r[i][j] = r[i - 1][j - 1] + r[i - 1][j];
    }
    *returnSize = numRows;
    return r;
}

int merge_sorted(const int *a, int na, const int *b, int nb, int *out, int limit, bool dedupe, int *dropped) {
    int i = 0, j = 0, k = 0;
    *dropped = 0;
    while ((i < na || j < nb)) {
        int v;
        if (j >= nb || (i < na && a[i] <= b[j])) v = a[i++];
        else v = b[j++];
        if (dedupe && k > 0 && out[k - 1] == v) {
            (*dropped)++;
            continue;
        }
        if (k == limit) {
            (*dropped)++;
            continue;
        }
        out[k++] = v;
    }
    return k;
}

double weighted_score(int a, int b, int c, int d, int e, int f, int g, float weight, const int *bonus) {
    return (a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f + 7 * g) * weight + (bonus ? *bonus : 0);
}

long sum9(long a, long b, long c, long d, long e, long f, long g, long h, long i) {
    return a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f + 7 * g + 8 * h + 9 * i;
}

int digits_to_int(const int *digits, int digitsSize) {
    int v = 0;
    for (int i = 0; i < digitsSize; i++) v += digits[i] * (int)pow(10, digitsSize - 1 - i);
    return v;
}

double round2(double x) { return round(x * 100.0) / 100.0; }

int ceil_div_sum(const int *a, int n, int d) {
    int s = 0;
    for (int i = 0; i < n; i++) s += (int)ceil((double)a[i] / d);
    return s;
}

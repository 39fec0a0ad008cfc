#include <stdbool.h>
#include <stdlib.h>
#include "../check.h"

int *twoSum(const int *nums, int numsSize, int target, int *returnSize);
bool is_prime_sqrt(int n);
int *primes_in_range(int lo, int hi, int *returnSize);
bool is_armstrong(int n);
bool is_perfect_square(long long n);
char **fizzBuzz(int n, int *returnSize);
int **generate_pascal(int numRows, int *returnSize, int **returnColumnSizes);
int merge_sorted(const int *a, int na, const int *b, int nb, int *out, int limit, bool dedupe, int *dropped);
double weighted_score(int a, int b, int c, int d, int e, int f, int g, float weight, const int *bonus);
long sum9(long a, long b, long c, long d, long e, long f, long g, long h, long i);
int digits_to_int(const int *digits, int digitsSize);
double round2(double x);
int ceil_div_sum(const int *a, int n, int d);

int main(void) {
    int rs;
    int *r = twoSum((int[]){2, 7, 11, 15}, 4, 9, &rs);
    CHECK_INT(rs, 2); CHECK_INT(r[0], 0); CHECK_INT(r[1], 1); free(r);
    r = twoSum((int[]){3, 2, 4}, 3, 6, &rs);
    CHECK_INT(rs, 2); CHECK_INT(r[0], 1); CHECK_INT(r[1], 2); free(r);
    r = twoSum((int[]){1, 2}, 2, 7, &rs);
    CHECK_INT(rs, 0); CHECK(r == NULL);
    CHECK_INT(is_prime_sqrt(2), 1);
    CHECK_INT(is_prime_sqrt(49), 0);
    CHECK_INT(is_prime_sqrt(97), 1);
    CHECK_INT(is_prime_sqrt(-3), 0);
    CHECK_INT(is_prime_sqrt(2147483647), 1);
    r = primes_in_range(10, 30, &rs);
    CHECK_INT(rs, 6); CHECK_INT(r[0], 11); CHECK_INT(r[5], 29); free(r);
    r = primes_in_range(24, 28, &rs);
    CHECK_INT(rs, 0); free(r);
    CHECK_INT(is_armstrong(153), 1);
    CHECK_INT(is_armstrong(9474), 1);
    CHECK_INT(is_armstrong(9475), 0);
    CHECK_INT(is_armstrong(0), 1);
    CHECK_INT(is_armstrong(7), 1);
    CHECK_INT(is_perfect_square(0), 1);
    CHECK_INT(is_perfect_square(16), 1);
    CHECK_INT(is_perfect_square(15), 0);
    CHECK_INT(is_perfect_square(999999999999999999LL), 0);
    CHECK_INT(is_perfect_square(3037000499LL * 3037000499LL), 1);
    CHECK_INT(is_perfect_square(-4), 0);
    char **fb = fizzBuzz(15, &rs);
    CHECK_INT(rs, 15);
    CHECK_STR(fb[0], "1"); CHECK_STR(fb[2], "Fizz"); CHECK_STR(fb[4], "Buzz"); CHECK_STR(fb[14], "FizzBuzz");
    CHECK_STR(fb[12], "13");
    for (int i = 0; i < rs; i++) free(fb[i]);
    free(fb);
    int *cols;
    int **p = generate_pascal(6, &rs, &cols);
    CHECK_INT(rs, 6); CHECK_INT(cols[5], 6); CHECK_INT(p[5][2], 10); CHECK_INT(p[4][1], 4);
    for (int i = 0; i < rs; i++) free(p[i]);
    free(p);
    free(cols);
    int out[16], dropped;
    int k = merge_sorted((int[]){1, 3, 5, 7}, 4, (int[]){1, 2, 3, 8, 9}, 5, out, 16, true, &dropped);
    CHECK_INT(k, 7); CHECK_INT(dropped, 2); CHECK_INT(out[0], 1); CHECK_INT(out[1], 2); CHECK_INT(out[6], 9);
    k = merge_sorted((int[]){1, 3, 5, 7}, 4, (int[]){1, 2, 3, 8, 9}, 5, out, 4, false, &dropped);
    CHECK_INT(k, 4); CHECK_INT(dropped, 5); CHECK_INT(out[3], 3);
    k = merge_sorted(NULL, 0, NULL, 0, out, 4, true, &dropped);
    CHECK_INT(k, 0); CHECK_INT(dropped, 0);
    int bonus = 10;
    CHECK_NEAR(weighted_score(1, 1, 1, 1, 1, 1, 1, 0.5f, &bonus), 24.0, 0);
    CHECK_NEAR(weighted_score(1, 0, 0, 0, 0, 0, 2, 2.0f, NULL), 30.0, 0);
    CHECK_INT(sum9(1, 1, 1, 1, 1, 1, 1, 1, 1), 45);
    CHECK_INT(sum9(0, 0, 0, 0, 0, 0, 0, 1L << 40, -1), (8L << 40) - 9);
    CHECK_INT(digits_to_int((int[]){1, 2, 3}, 3), 123);
    CHECK_INT(digits_to_int((int[]){9, 0, 0, 0, 0, 0, 0, 0, 1}, 9), 900000001);
    CHECK_INT(digits_to_int(NULL, 0), 0);
    CHECK_NEAR(round2(3.14159), 3.14, 1e-12);
    CHECK_NEAR(round2(2.675), 2.68, 1e-12);
    CHECK_NEAR(round2(-1.005), -1.0, 1e-12);
    CHECK_INT(ceil_div_sum((int[]){1, 5, 10, -3}, 4, 3), 1 + 2 + 4 - 1);
    END_CHECKS();
}

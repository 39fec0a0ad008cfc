#include <stdbool.h>
#include <stdlib.h>
#include "../check.h"

int largest_divisor(int n);
int *factorize(int n, int *out_n);
int *remove_duplicates(const int *numbers, int n, int *out_n);
bool is_prime(long long n);
int largest_prime_factor(int n);

static void check_arr(const int *got, int gn, const int *exp, int en, int line) {
    int ok = gn == en;
    for (int i = 0; ok && i < en; i++) ok = got[i] == exp[i];
    char d[64];
    snprintf(d, sizeof d, "n=%d expected n=%d", gn, en);
    crt_result(ok, line, "array", d);
}
#define CHECK_ARR(got, gn, ...) do { int e_[] = {__VA_ARGS__}; check_arr(got, gn, e_, (int)(sizeof e_ / sizeof e_[0]), __LINE__); } while (0)

int main(void) {
    CHECK_INT(largest_divisor(3), 1);
    CHECK_INT(largest_divisor(7), 1);
    CHECK_INT(largest_divisor(10), 5);
    CHECK_INT(largest_divisor(100), 50);
    CHECK_INT(largest_divisor(49), 7);
    int n;
    int *f = factorize(2, &n); CHECK_ARR(f, n, 2); free(f);
    f = factorize(4, &n); CHECK_ARR(f, n, 2, 2); free(f);
    f = factorize(8, &n); CHECK_ARR(f, n, 2, 2, 2); free(f);
    f = factorize(3 * 19, &n); CHECK_ARR(f, n, 3, 19); free(f);
    f = factorize(3 * 19 * 3 * 19 * 3 * 19, &n); CHECK_ARR(f, n, 3, 3, 3, 19, 19, 19); free(f);
    f = factorize(3 * 2 * 3, &n); CHECK_ARR(f, n, 2, 3, 3); free(f);
    f = factorize(1000003, &n); CHECK_ARR(f, n, 1000003); free(f);
    int *r = remove_duplicates((int[]){1, 2, 3, 2, 4, 3, 5}, 7, &n); CHECK_ARR(r, n, 1, 4, 5); free(r);
    r = remove_duplicates((int[]){1, 2, 3, 4}, 4, &n); CHECK_ARR(r, n, 1, 2, 3, 4); free(r);
    r = remove_duplicates(NULL, 0, &n); CHECK_INT(n, 0); free(r);
    CHECK_INT(is_prime(6), 0);
    CHECK_INT(is_prime(101), 1);
    CHECK_INT(is_prime(11), 1);
    CHECK_INT(is_prime(13441), 1);
    CHECK_INT(is_prime(61), 1);
    CHECK_INT(is_prime(4), 0);
    CHECK_INT(is_prime(1), 0);
    CHECK_INT(is_prime(-7), 0);
    CHECK_INT(is_prime(5 * 17), 0);
    CHECK_INT(is_prime(11 * 7), 0);
    CHECK_INT(is_prime(13441 * 19), 0);
    CHECK_INT(is_prime(1000000007LL), 1);
    CHECK_INT(largest_prime_factor(15), 5);
    CHECK_INT(largest_prime_factor(27), 3);
    CHECK_INT(largest_prime_factor(63), 7);
    CHECK_INT(largest_prime_factor(330), 11);
    CHECK_INT(largest_prime_factor(13195), 29);
    END_CHECKS();
}

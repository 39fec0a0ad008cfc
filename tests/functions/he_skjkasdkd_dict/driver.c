#include <stdbool.h>
#include <stdlib.h>
#include "../check.h"

int skjkasdkd(const int *lst, int n);
bool check_dict_case(const char **keys, int n);
int *count_up_to(int n, int *out_n);
int multiply(int a, int b);

int main(void) {
    CHECK_INT(skjkasdkd((int[]){0, 3, 2, 1, 3, 5, 7, 4, 5, 5, 5, 2, 181, 32, 4, 32, 3, 2, 32, 324, 4, 3}, 22), 10);
    CHECK_INT(skjkasdkd((int[]){1, 0, 1, 8, 2, 4597, 2, 1, 3, 40, 1, 2, 1, 2, 4, 2, 5, 1}, 18), 25);
    CHECK_INT(skjkasdkd((int[]){1, 3, 1, 32, 5107, 34, 83278, 109, 163, 23, 2323, 32, 30, 1, 9, 3}, 16), 13);
    CHECK_INT(skjkasdkd((int[]){0, 724, 32, 71, 99, 32, 6, 0, 5, 91, 83, 0, 5, 6}, 14), 11);
    CHECK_INT(skjkasdkd((int[]){0, 81, 12, 3, 1, 21}, 6), 3);
    CHECK_INT(skjkasdkd((int[]){0, 8, 1, 2, 1, 7}, 6), 7);
    CHECK_INT(skjkasdkd((int[]){8191}, 1), 19);
    CHECK_INT(skjkasdkd((int[]){8191, 123456, 127, 7}, 4), 19);
    CHECK_INT(skjkasdkd((int[]){127, 97, 8192}, 3), 10);
    const char *k1[] = {"p", "b"}, *k2[] = {"p", "A", "B"}, *k3[] = {"p", "5", "a"};
    const char *k4[] = {"Name", "Age", "City"}, *k5[] = {"STATE", "ZIP"}, *k6[] = {"fruit", "taste"};
    CHECK_INT(check_dict_case(k1, 2), 1);
    CHECK_INT(check_dict_case(k2, 3), 0);
    CHECK_INT(check_dict_case(k3, 3), 0);
    CHECK_INT(check_dict_case(k4, 3), 0);
    CHECK_INT(check_dict_case(k5, 2), 1);
    CHECK_INT(check_dict_case(k6, 2), 1);
    CHECK_INT(check_dict_case(NULL, 0), 0);
    int n;
    int *p = count_up_to(5, &n);
    CHECK_INT(n, 2); CHECK_INT(p[0], 2); CHECK_INT(p[1], 3);
    free(p);
    p = count_up_to(22, &n);
    int e[] = {2, 3, 5, 7, 11, 13, 17, 19};
    CHECK_INT(n, 8);
    for (int i = 0; i < 8; i++) CHECK_INT(p[i], e[i]);
    free(p);
    p = count_up_to(1, &n); CHECK_INT(n, 0); free(p);
    p = count_up_to(0, &n); CHECK_INT(n, 0); free(p);
    p = count_up_to(101, &n);
    CHECK_INT(n, 25); CHECK_INT(p[24], 97);
    free(p);
    p = count_up_to(10000, &n);
    CHECK_INT(n, 1229); CHECK_INT(p[1228], 9973);
    free(p);
    CHECK_INT(multiply(148, 412), 16);
    CHECK_INT(multiply(19, 28), 72);
    CHECK_INT(multiply(2020, 1851), 0);
    CHECK_INT(multiply(14, -15), 20);
    CHECK_INT(multiply(76, 67), 42);
    CHECK_INT(multiply(17, 27), 49);
    CHECK_INT(multiply(0, 1), 0);
    CHECK_INT(multiply(0, 0), 0);
    END_CHECKS();
}

#include <stdlib.h>
#include "../check.h"

void sort_third(int *l, int n);
void sort_even(float *l, int n);
int *unique(const int *l, int n, int *out_n);
float max_element(const float *l, int n);
int *common(const int *l1, int n1, const int *l2, int n2, int *out_n);

static void check_arr(const int *got, int gn, const int *exp, int en, int line) {
    int ok = gn == en;
    for (int i = 0; ok && i < en; i++) ok = got[i] == exp[i];
    char d[64];
    snprintf(d, sizeof d, "n=%d expected n=%d", gn, en);
    crt_result(ok, line, "array", d);
}
#define CHECK_ARR(got, gn, ...) do { int e_[] = {__VA_ARGS__}; check_arr(got, gn, e_, (int)(sizeof e_ / sizeof e_[0]), __LINE__); } while (0)

int main(void) {
    int a[] = {5, 6, 3, 4, 8, 9, 2};
    sort_third(a, 7);
    CHECK_ARR(a, 7, 2, 6, 3, 4, 8, 9, 5);
    int b[] = {5, 8, 3, 4, 6, 9, 2};
    sort_third(b, 7);
    CHECK_ARR(b, 7, 2, 8, 3, 4, 6, 9, 5);
    int c[] = {1, 2, 3};
    sort_third(c, 3);
    CHECK_ARR(c, 3, 1, 2, 3);
    float e[] = {5, 3, -5, 2, -3, 3, 9, 0, 123, 1, -10};
    sort_even(e, 11);
    float ee[] = {-10, 3, -5, 2, -3, 3, 5, 0, 9, 1, 123};
    for (int i = 0; i < 11; i++) CHECK_NEAR(e[i], ee[i], 0);
    float e2[] = {1.5f, 2, 0.5f};
    sort_even(e2, 3);
    CHECK_NEAR(e2[0], 0.5, 0); CHECK_NEAR(e2[2], 1.5, 0);
    int n;
    int *u = unique((int[]){5, 3, 5, 2, 3, 3, 9, 0, 123}, 9, &n);
    CHECK_ARR(u, n, 0, 2, 3, 5, 9, 123);
    free(u);
    u = unique(NULL, 0, &n);
    CHECK_INT(n, 0);
    free(u);
    CHECK_NEAR(max_element((float[]){1, 2, 3}, 3), 3, 0);
    CHECK_NEAR(max_element((float[]){5, 3, -5, 2, -3, 3, 9, 0, 124, 1, -10}, 11), 124, 0);
    CHECK_NEAR(max_element((float[]){-2.5f, -1.25f}, 2), -1.25, 0);
    int *cm = common((int[]){1, 4, 3, 34, 653, 2, 5}, 7, (int[]){5, 7, 1, 5, 9, 653, 121}, 7, &n);
    CHECK_ARR(cm, n, 1, 5, 653);
    free(cm);
    cm = common((int[]){5, 3, 2, 8}, 4, (int[]){3, 2}, 2, &n);
    CHECK_ARR(cm, n, 2, 3);
    free(cm);
    cm = common((int[]){4, 3, 2, 8}, 4, NULL, 0, &n);
    CHECK_INT(n, 0);
    free(cm);
    END_CHECKS();
}

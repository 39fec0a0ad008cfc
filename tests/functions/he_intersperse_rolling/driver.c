#include <stdlib.h>
#include "../check.h"

int *intersperse(const int *numbers, int n, int delimeter, int *out_n);
int *rolling_max(const int *numbers, int n);
void incr_list(int *l, int n);
float *get_positive(const float *l, int n, int *out_n);

int main(void) {
    int n;
    int *r = intersperse((int[]){5, 6, 3, 2}, 4, 8, &n);
    CHECK_INT(n, 7);
    int e1[] = {5, 8, 6, 8, 3, 8, 2};
    for (int i = 0; i < 7; i++) CHECK_INT(r[i], e1[i]);
    free(r);
    r = intersperse(0, 0, 7, &n);
    CHECK_INT(n, 0);
    free(r);
    r = intersperse((int[]){2, 2, 2}, 3, 2, &n);
    CHECK_INT(n, 5);
    for (int i = 0; i < 5; i++) CHECK_INT(r[i], 2);
    free(r);
    r = intersperse((int[]){-1}, 1, 0, &n);
    CHECK_INT(n, 1); CHECK_INT(r[0], -1);
    free(r);

    int in2[] = {3, 2, 3, 100, 3};
    r = rolling_max(in2, 5);
    int e2[] = {3, 3, 3, 100, 100};
    for (int i = 0; i < 5; i++) CHECK_INT(r[i], e2[i]);
    free(r);
    int in3[] = {-5, -7, -3, -9};
    r = rolling_max(in3, 4);
    int e3[] = {-5, -5, -3, -3};
    for (int i = 0; i < 4; i++) CHECK_INT(r[i], e3[i]);
    free(r);
    r = rolling_max(0, 0);
    free(r);

    int l[37];
    for (int i = 0; i < 37; i++) l[i] = i * 3 - 50;
    incr_list(l, 37);
    for (int i = 0; i < 37; i++) CHECK_INT(l[i], i * 3 - 49);
    incr_list(l, 0);
    CHECK_INT(l[0], -49);

    float fl[] = {-1, 2, -4, 5, 6, 0, 0.5f, -0.0f, 123};
    float *p = get_positive(fl, 9, &n);
    CHECK_INT(n, 5);
    CHECK_NEAR(p[0], 2, 0); CHECK_NEAR(p[1], 5, 0); CHECK_NEAR(p[2], 6, 0);
    CHECK_NEAR(p[3], 0.5, 0); CHECK_NEAR(p[4], 123, 0);
    free(p);
    p = get_positive((float[]){-1, -2}, 2, &n);
    CHECK_INT(n, 0);
    free(p);
    END_CHECKS();
}

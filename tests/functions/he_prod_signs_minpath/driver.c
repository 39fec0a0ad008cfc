#include <limits.h>
#include <stdlib.h>
#include "../check.h"

int prod_signs(const int *arr, int n);
int *minPath(const int *grid, int N, int k);
int *tri(int n);
int digits(int n);

int main(void) {
    CHECK_INT(prod_signs((int[]){1, 2, 2, -4}, 4), -9);
    CHECK_INT(prod_signs((int[]){0, 1}, 2), 0);
    CHECK_INT(prod_signs((int[]){1, 1, 1, 2, 3, -1, 1}, 7), -10);
    CHECK_INT(prod_signs(NULL, 0), INT_MIN);
    CHECK_INT(prod_signs((int[]){2, 4, 1, 2, -1, -1, 9}, 7), 20);
    CHECK_INT(prod_signs((int[]){-1, 1, -1, 1}, 4), 4);
    CHECK_INT(prod_signs((int[]){-1, 1, 1, 1}, 4), -4);
    CHECK_INT(prod_signs((int[]){-1, 1, 1, 0}, 4), 0);
    int g1[] = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    int *p = minPath(g1, 3, 3);
    CHECK_INT(p[0], 1); CHECK_INT(p[1], 2); CHECK_INT(p[2], 1); free(p);
    int g2[] = {5, 9, 3, 4, 1, 6, 7, 8, 2};
    p = minPath(g2, 3, 1);
    CHECK_INT(p[0], 1); free(p);
    int g3[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
    p = minPath(g3, 4, 4);
    CHECK_INT(p[0], 1); CHECK_INT(p[1], 2); CHECK_INT(p[2], 1); CHECK_INT(p[3], 2); free(p);
    int g4[] = {6, 4, 13, 10, 5, 7, 12, 1, 3, 16, 11, 15, 8, 14, 9, 2};
    p = minPath(g4, 4, 7);
    int e4[] = {1, 10, 1, 10, 1, 10, 1};
    for (int i = 0; i < 7; i++) CHECK_INT(p[i], e4[i]);
    free(p);
    int g5[] = {2, 7, 4, 3, 1, 5, 6, 8, 9};
    p = minPath(g5, 3, 8);
    int e5[] = {1, 3, 1, 3, 1, 3, 1, 3};
    for (int i = 0; i < 8; i++) CHECK_INT(p[i], e5[i]);
    free(p);
    int g6[] = {1, 3, 3, 2};
    p = minPath(g6, 2, 10);
    for (int i = 0; i < 10; i++) CHECK_INT(p[i], i % 2 ? 3 : 1);
    free(p);
    int *t = tri(3);
    CHECK_INT(t[0], 1); CHECK_INT(t[1], 3); CHECK_INT(t[2], 2); CHECK_INT(t[3], 8); free(t);
    t = tri(8);
    int et[] = {1, 3, 2, 8, 3, 15, 4, 24, 5};
    for (int i = 0; i <= 8; i++) CHECK_INT(t[i], et[i]);
    free(t);
    t = tri(0); CHECK_INT(t[0], 1); free(t);
    t = tri(1); CHECK_INT(t[0], 1); CHECK_INT(t[1], 3); free(t);
    t = tri(20);
    CHECK_INT(t[20], 11); CHECK_INT(t[19], 120); free(t);
    CHECK_INT(digits(5), 5);
    CHECK_INT(digits(54), 5);
    CHECK_INT(digits(120), 1);
    CHECK_INT(digits(5014), 5);
    CHECK_INT(digits(98765), 315);
    CHECK_INT(digits(5576543), 2625);
    CHECK_INT(digits(2468), 0);
    END_CHECKS();
}

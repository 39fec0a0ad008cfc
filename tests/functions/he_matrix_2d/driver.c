#include <stdlib.h>
#include "../check.h"

#define N 4
int trace4(const int m[][N]);
int diagonal_difference(const int m[][N]);
void rotate90(int m[][N]);
int **pascal_triangle(int rows);
int *spiral_order(const int *m, int rows, int cols);
double *transpose(const double *m, int rows, int cols);
void matmul(const double *a, const double *b, double *c, int n, int k, int m);
int max_row_sum(int **rows, const int *lens, int nrows, int *which);
int count_in_grid(const char grid[][8], int rows, char ch);

int main(void) {
    int m[N][N] = {{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12}, {13, 14, 15, 16}};
    CHECK_INT(trace4((const int(*)[N])m), 34);
    CHECK_INT(diagonal_difference((const int(*)[N])m), 0);
    int m2[N][N] = {{11, 2, 4, 0}, {4, 5, 6, 0}, {10, 8, -12, 0}, {0, 0, 0, 1}};
    CHECK_INT(diagonal_difference((const int(*)[N])m2), 9);
    rotate90(m);
    CHECK_INT(m[0][0], 13); CHECK_INT(m[0][3], 1); CHECK_INT(m[3][3], 4); CHECK_INT(m[1][2], 6);
    CHECK_INT(m[2][1], 11);
    int **t = pascal_triangle(10);
    CHECK_INT(t[9][4], 126); CHECK_INT(t[4][2], 6); CHECK_INT(t[0][0], 1); CHECK_INT(t[9][9], 1);
    for (int i = 0; i < 10; i++) free(t[i]);
    free(t);
    t = pascal_triangle(0);
    free(t);
    int a[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    int *s = spiral_order(a, 3, 4);
    int es[] = {1, 2, 3, 4, 8, 12, 11, 10, 9, 5, 6, 7};
    for (int i = 0; i < 12; i++) CHECK_INT(s[i], es[i]);
    free(s);
    s = spiral_order(a, 4, 3);
    int es2[] = {1, 2, 3, 6, 9, 12, 11, 10, 7, 4, 5, 8};
    for (int i = 0; i < 12; i++) CHECK_INT(s[i], es2[i]);
    free(s);
    s = spiral_order(a, 1, 5);
    for (int i = 0; i < 5; i++) CHECK_INT(s[i], i + 1);
    free(s);
    double d[] = {1, 2, 3, 4, 5, 6};
    double *tr = transpose(d, 2, 3);
    double et[] = {1, 4, 2, 5, 3, 6};
    for (int i = 0; i < 6; i++) CHECK_NEAR(tr[i], et[i], 0);
    double c[4];
    matmul(d, tr, c, 2, 3, 2);
    CHECK_NEAR(c[0], 14, 0); CHECK_NEAR(c[1], 32, 0); CHECK_NEAR(c[2], 32, 0); CHECK_NEAR(c[3], 77, 0);
    free(tr);
    int r0[] = {1, 2}, r1[] = {10}, r2[] = {-5, 20, 1};
    int *rows[] = {r0, r1, r2};
    int lens[] = {2, 1, 3};
    int which;
    CHECK_INT(max_row_sum(rows, lens, 3, &which), 16);
    CHECK_INT(which, 2);
    max_row_sum(rows, lens, 0, &which);
    CHECK_INT(which, -1);
    const char grid[3][8] = {"x.x.x", "xxxxxxxx", ".."};
    CHECK_INT(count_in_grid(grid, 3, 'x'), 11);
    CHECK_INT(count_in_grid(grid, 3, '.'), 4);
    END_CHECKS();
}

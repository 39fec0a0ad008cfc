#include <stdlib.h>
#include "../check.h"

typedef struct { int row, col; } coord;
coord *get_row(int **lst, int rows, const int *cols, int x, int *out_n);
void sort_by_ones(int *arr, int n);
int *sort_array_copy(const int *array, int n);
char *encrypt(const char *s);

#define CHECK_FREE(call, expected) do { char *r_ = (call); CHECK_STR(r_, expected); free(r_); } while (0)

int main(void) {
    int r0[] = {1, 2, 3, 4, 5, 6}, r1[] = {1, 2, 3, 4, 1, 6}, r2[] = {1, 2, 3, 4, 5, 1};
    int *lst[] = {r0, r1, r2};
    int cols[] = {6, 6, 6};
    int n;
    coord *c = get_row(lst, 3, cols, 1, &n);
    CHECK_INT(n, 5);
    int er[] = {0, 1, 1, 2, 2}, ec[] = {0, 4, 0, 5, 0};
    for (int i = 0; i < 5 && i < n; i++) { CHECK_INT(c[i].row, er[i]); CHECK_INT(c[i].col, ec[i]); }
    free(c);
    c = get_row(NULL, 0, NULL, 1, &n);
    CHECK_INT(n, 0);
    free(c);
    int s0[1], s1[] = {1}, s2[] = {1, 2, 3};
    int *lst2[] = {s0, s1, s2};
    int cols2[] = {0, 1, 3};
    c = get_row(lst2, 3, cols2, 3, &n);
    CHECK_INT(n, 1); CHECK_INT(c[0].row, 2); CHECK_INT(c[0].col, 2);
    free(c);

    int a[] = {1, 5, 2, 3, 4};
    sort_by_ones(a, 5);
    int ea[] = {1, 2, 4, 3, 5};
    for (int i = 0; i < 5; i++) CHECK_INT(a[i], ea[i]);
    int b[] = {-2, -3, -4, -5, -6};
    sort_by_ones(b, 5);
    int eb[] = {-4, -2, -6, -5, -3};
    for (int i = 0; i < 5; i++) CHECK_INT(b[i], eb[i]);
    int d[] = {2, 5, 77, 4, 5, 3, 5, 7, 2, 3, 4};
    sort_by_ones(d, 11);
    int ed[] = {2, 2, 4, 4, 3, 3, 5, 5, 5, 7, 77};
    for (int i = 0; i < 11; i++) CHECK_INT(d[i], ed[i]);

    int *s = sort_array_copy((int[]){2, 4, 3, 0, 1, 5}, 6);
    int es[] = {0, 1, 2, 3, 4, 5};
    for (int i = 0; i < 6; i++) CHECK_INT(s[i], es[i]);
    free(s);
    s = sort_array_copy((int[]){2, 4, 3, 0, 1, 5, 6}, 7);
    int es2[] = {6, 5, 4, 3, 2, 1, 0};
    for (int i = 0; i < 7; i++) CHECK_INT(s[i], es2[i]);
    free(s);
    s = sort_array_copy(NULL, 0);
    free(s);
    s = sort_array_copy((int[]){5}, 1);
    CHECK_INT(s[0], 5);
    free(s);

    CHECK_FREE(encrypt("hi"), "lm");
    CHECK_FREE(encrypt("asdfghjkl"), "ewhjklnop");
    CHECK_FREE(encrypt("gf"), "kj");
    CHECK_FREE(encrypt("et"), "ix");
    CHECK_FREE(encrypt("faewfawefaewg"), "jeiajeaijeiak");
    CHECK_FREE(encrypt("a"), "e");
    END_CHECKS();
}

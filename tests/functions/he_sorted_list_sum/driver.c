#include <stdlib.h>
#include "../check.h"

char **sorted_list_sum(char **lst, int n, int *out_n);
int x_or_y(int n, int x, int y);
long long double_the_difference(const float *lst, int n);
int *compare(const int *game, const int *guess, int n);

int main(void) {
    int n;
    char *l1[] = {"aa", "a", "aaa"};
    char **r = sorted_list_sum(l1, 3, &n);
    CHECK_INT(n, 1); CHECK_STR(r[0], "aa"); free(r);
    char *l2[] = {"school", "AI", "asdf", "b"};
    r = sorted_list_sum(l2, 4, &n);
    CHECK_INT(n, 3); CHECK_STR(r[0], "AI"); CHECK_STR(r[1], "asdf"); CHECK_STR(r[2], "school"); free(r);
    char *l3[] = {"d", "b", "c", "a"};
    r = sorted_list_sum(l3, 4, &n); CHECK_INT(n, 0); free(r);
    char *l4[] = {"d", "dcba", "abcd", "a"};
    r = sorted_list_sum(l4, 4, &n);
    CHECK_INT(n, 2); CHECK_STR(r[0], "abcd"); CHECK_STR(r[1], "dcba"); free(r);
    char *l5[] = {"AI", "ai", "au"};
    r = sorted_list_sum(l5, 3, &n);
    CHECK_INT(n, 3); CHECK_STR(r[0], "AI"); CHECK_STR(r[1], "ai"); CHECK_STR(r[2], "au"); free(r);
    char *l6[] = {"aaaa", "bbbb", "dd", "cc"};
    r = sorted_list_sum(l6, 4, &n);
    CHECK_INT(n, 4); CHECK_STR(r[0], "cc"); CHECK_STR(r[1], "dd"); CHECK_STR(r[2], "aaaa"); CHECK_STR(r[3], "bbbb"); free(r);
    CHECK_INT(x_or_y(7, 34, 12), 34);
    CHECK_INT(x_or_y(15, 8, 5), 5);
    CHECK_INT(x_or_y(3, 33, 5212), 33);
    CHECK_INT(x_or_y(1259, 3, 52), 3);
    CHECK_INT(x_or_y(7919, -1, 12), -1);
    CHECK_INT(x_or_y(3609, 1245, 583), 583);
    CHECK_INT(x_or_y(91, 56, 129), 129);
    CHECK_INT(x_or_y(6, 34, 1234), 1234);
    CHECK_INT(x_or_y(1, 2, 0), 0);
    CHECK_INT(x_or_y(2, 2, 0), 2);
    CHECK_INT(double_the_difference(NULL, 0), 0);
    CHECK_INT(double_the_difference((float[]){5, 4}, 2), 25);
    CHECK_INT(double_the_difference((float[]){0.1f, 0.2f, 0.3f}, 3), 0);
    CHECK_INT(double_the_difference((float[]){-10, -20, -30}, 3), 0);
    CHECK_INT(double_the_difference((float[]){-1, -2, 8}, 3), 0);
    CHECK_INT(double_the_difference((float[]){0.2f, 3, 5}, 3), 34);
    float big[100];
    long long expect = 0;
    for (int i = 0; i < 100; i++) {
        int v = i * 3 - 150;
        big[i] = (float)v;
        if (v > 0 && v % 2 == 1) expect += (long long)v * v;
    }
    CHECK_INT(double_the_difference(big, 100), expect);
    CHECK_INT(double_the_difference((float[]){46341, 1}, 2), 46341LL * 46341 + 1);
    int *c = compare((int[]){1, 2, 3, 4, 5, 1}, (int[]){1, 2, 3, 4, 2, -2}, 6);
    int e[] = {0, 0, 0, 0, 3, 3};
    for (int i = 0; i < 6; i++) CHECK_INT(c[i], e[i]);
    free(c);
    c = compare((int[]){0, 5, 0, 0, 0, 4}, (int[]){4, 1, 1, 0, 0, -2}, 6);
    int e2[] = {4, 4, 1, 0, 0, 6};
    for (int i = 0; i < 6; i++) CHECK_INT(c[i], e2[i]);
    free(c);
    int g[33], h[33];
    for (int i = 0; i < 33; i++) { g[i] = i * 7 - 100; h[i] = 50 - i * 3; }
    c = compare(g, h, 33);
    for (int i = 0; i < 33; i++) CHECK_INT(c[i], abs(g[i] - h[i]));
    free(c);
    END_CHECKS();
}

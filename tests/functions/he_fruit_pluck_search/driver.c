#include <stdlib.h>
#include "../check.h"

int fruit_distribution(const char *s, int n);
int fruit_distribution_atoi(const char *s, int n);
int *pluck(const int *arr, int n, int *out_n);
int search(const int *lst, int n);
void strange_sort_list(const int *lst, int n, int *out);

int main(void) {
    CHECK_INT(fruit_distribution("5 apples and 6 oranges", 19), 8);
    CHECK_INT(fruit_distribution("5 apples and 6 oranges", 21), 10);
    CHECK_INT(fruit_distribution("0 apples and 1 oranges", 3), 2);
    CHECK_INT(fruit_distribution("2 apples and 3 oranges", 100), 95);
    CHECK_INT(fruit_distribution("100 apples and 1 oranges", 120), 19);
    CHECK_INT(fruit_distribution("no fruit", 5), -1);
    CHECK_INT(fruit_distribution_atoi("5 apples and 6 oranges", 19), 8);
    CHECK_INT(fruit_distribution_atoi("1 apples and 100 oranges", 120), 19);
    CHECK_INT(fruit_distribution_atoi("1 apples and 0 oranges", 3), 2);
    int n;
    int *p = pluck((int[]){4, 2, 3}, 3, &n);
    CHECK_INT(n, 2); CHECK_INT(p[0], 2); CHECK_INT(p[1], 1);
    free(p);
    p = pluck((int[]){1, 2, 3}, 3, &n);
    CHECK_INT(n, 2); CHECK_INT(p[0], 2); CHECK_INT(p[1], 1);
    free(p);
    p = pluck(0, 0, &n);
    CHECK_INT(n, 0);
    free(p);
    p = pluck((int[]){5, 0, 3, 0, 4, 2}, 6, &n);
    CHECK_INT(n, 2); CHECK_INT(p[0], 0); CHECK_INT(p[1], 1);
    free(p);
    p = pluck((int[]){7, 9, 7, 1}, 4, &n);
    CHECK_INT(n, 0);
    free(p);
    CHECK_INT(search((int[]){5, 5, 5, 5, 1}, 5), 1);
    CHECK_INT(search((int[]){4, 1, 4, 1, 4, 4}, 6), 4);
    CHECK_INT(search((int[]){3, 3}, 2), -1);
    CHECK_INT(search((int[]){8, 8, 8, 8, 8, 8, 8, 8}, 8), 8);
    CHECK_INT(search((int[]){2, 3, 3, 2, 2}, 5), 2);
    CHECK_INT(search((int[]){4, 1, 2, 2, 3, 1}, 6), 2);
    CHECK_INT(search((int[]){5, 5, 4, 4, 4}, 5), -1);
    int out[10];
    strange_sort_list((int[]){1, 2, 3, 4}, 4, out);
    CHECK_INT(out[0], 1); CHECK_INT(out[1], 4); CHECK_INT(out[2], 2); CHECK_INT(out[3], 3);
    strange_sort_list((int[]){5, 6, 7, 8, 9}, 5, out);
    int e[] = {5, 9, 6, 8, 7};
    for (int i = 0; i < 5; i++) CHECK_INT(out[i], e[i]);
    strange_sort_list((int[]){0, 2, 2, 2, 5, 5, -5, -5}, 8, out);
    int e2[] = {-5, 5, -5, 5, 0, 2, 2, 2};
    for (int i = 0; i < 8; i++) CHECK_INT(out[i], e2[i]);
    strange_sort_list((int[]){111111}, 1, out);
    CHECK_INT(out[0], 111111);
    END_CHECKS();
}

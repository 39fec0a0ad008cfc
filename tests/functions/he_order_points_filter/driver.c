#include <stdlib.h>
#include "../check.h"

void order_by_points(int *nums, int n);
int specialFilter(const int *nums, int n);
int get_max_triples(int n);
const char **bf(const char *planet1, const char *planet2, int *out_n);

int main(void) {
    int a[] = {1, 11, -1, -11, -12};
    order_by_points(a, 5);
    int ea[] = {-1, -11, 1, -12, 11};
    for (int i = 0; i < 5; i++) CHECK_INT(a[i], ea[i]);
    int b[] = {1234, 423, 463, 145, 2, 423, 423, 53, 6, 37, 3457, 3, 56, 0, 46};
    order_by_points(b, 15);
    int eb[] = {0, 2, 3, 6, 53, 423, 423, 423, 1234, 145, 37, 46, 56, 463, 3457};
    for (int i = 0; i < 15; i++) CHECK_INT(b[i], eb[i]);
    int c[] = {1, -11, -32, 43, 54, -98, 2, -3};
    order_by_points(c, 8);
    int ec[] = {-3, -32, -98, -11, 1, 2, 43, 54};
    for (int i = 0; i < 8; i++) CHECK_INT(c[i], ec[i]);
    int d[] = {0, 6, 6, -76, -21, 23, 4};
    order_by_points(d, 7);
    int ed[] = {-76, -21, 0, 4, 23, 6, 6};
    for (int i = 0; i < 7; i++) CHECK_INT(d[i], ed[i]);
    order_by_points(NULL, 0);
    CHECK_INT(specialFilter((int[]){5, -2, 1, -5}, 4), 0);
    CHECK_INT(specialFilter((int[]){15, -73, 14, -15}, 4), 1);
    CHECK_INT(specialFilter((int[]){33, -2, -3, 45, 21, 109}, 6), 2);
    CHECK_INT(specialFilter((int[]){43, -12, 93, 125, 121, 109}, 6), 4);
    CHECK_INT(specialFilter((int[]){71, -2, -33, 75, 21, 19}, 6), 3);
    CHECK_INT(specialFilter((int[]){1}, 1), 0);
    CHECK_INT(specialFilter(NULL, 0), 0);
    CHECK_INT(get_max_triples(5), 1);
    CHECK_INT(get_max_triples(6), 4);
    CHECK_INT(get_max_triples(10), 36);
    CHECK_INT(get_max_triples(100), 53361);
    CHECK_INT(get_max_triples(1), 0);
    int n;
    const char **r = bf("Jupiter", "Neptune", &n);
    CHECK_INT(n, 2); CHECK_STR(r[0], "Saturn"); CHECK_STR(r[1], "Uranus"); free(r);
    r = bf("Earth", "Mercury", &n);
    CHECK_INT(n, 1); CHECK_STR(r[0], "Venus"); free(r);
    r = bf("Mercury", "Uranus", &n);
    CHECK_INT(n, 5); CHECK_STR(r[0], "Venus"); CHECK_STR(r[4], "Saturn"); free(r);
    r = bf("Neptune", "Venus", &n);
    CHECK_INT(n, 5); CHECK_STR(r[0], "Earth"); CHECK_STR(r[4], "Uranus"); free(r);
    r = bf("Earth", "Earth", &n); CHECK_INT(n, 0); free(r);
    r = bf("Mars", "Earth", &n); CHECK_INT(n, 0); free(r);
    r = bf("Jupiter", "Makemake", &n); CHECK_INT(n, 0); free(r);
    END_CHECKS();
}

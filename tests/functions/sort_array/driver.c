#include <stdlib.h>
#include "../check.h"

void sort_array(int *a, int n);
int *sorted_copy(const int *a, int n, int *out_n);
void sort_strings(const char **s, int n);

int main(void) {
    int a[] = {5, -2, 9, 0, 3, 3, -7, 100, 1};
    sort_array(a, 9);
    int exp[] = {-7, -2, 0, 1, 3, 3, 5, 9, 100};
    CHECK(memcmp(a, exp, sizeof a) == 0);
    int b[] = {2, 4, 3, 0, 1, 5};
    int n = 0;
    int *r = sorted_copy(b, 6, &n);
    CHECK_INT(n, 6);
    CHECK_INT(r[0], 0);
    CHECK_INT(r[5], 5);
    free(r);
    int c[] = {2, 4, 3, 0, 1, 5, 6};
    r = sorted_copy(c, 7, &n);
    CHECK_INT(r[0], 6);
    CHECK_INT(r[6], 0);
    CHECK_INT(b[0], 2);
    free(r);
    r = sorted_copy(c, 0, &n);
    CHECK_INT(n, 0);
    free(r);
    const char *s[] = {"pear", "apple", "fig", "banana", "apple2"};
    sort_strings(s, 5);
    CHECK_STR(s[0], "apple");
    CHECK_STR(s[1], "apple2");
    CHECK_STR(s[4], "pear");
    END_CHECKS();
}

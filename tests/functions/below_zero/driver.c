#include <stdbool.h>
#include "../check.h"

bool below_zero(const int *operations, int n);
int first_negative_index(const int *operations, int n);

int main(void) {
    int a[] = {1, 2, -3, 1, 2, -3};
    int b[] = {1, 2, -4, 5, 6};
    int c[] = {1, -1, 2, -2, 5, -5, 4, -4};
    int d[] = {1, -1, 2, -2, 5, -5, 4, -5};
    int e[] = {1, -2, 2, -2, 5, -5, 4, -4};
    CHECK_INT(below_zero(a, 0), false);
    CHECK_INT(below_zero(a, 6), false);
    CHECK_INT(below_zero(b, 5), true);
    CHECK_INT(below_zero(c, 8), false);
    CHECK_INT(below_zero(d, 8), true);
    CHECK_INT(below_zero(e, 8), true);
    CHECK_INT(first_negative_index(b, 5), 2);
    CHECK_INT(first_negative_index(e, 8), 1);
    CHECK_INT(first_negative_index(c, 8), -1);
    END_CHECKS();
}

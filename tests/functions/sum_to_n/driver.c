#include "../check.h"

int sum_to_n(int n);
long sum_range(long a, long b);
unsigned long long sum_squares(unsigned n);
long long alternating_sum(int n);

int main(void) {
    CHECK_INT(sum_to_n(1), 1);
    CHECK_INT(sum_to_n(6), 21);
    CHECK_INT(sum_to_n(11), 66);
    CHECK_INT(sum_to_n(30), 465);
    CHECK_INT(sum_to_n(100), 5050);
    CHECK_INT(sum_to_n(0), 0);
    CHECK_INT(sum_range(-10, 10), 0);
    CHECK_INT(sum_range(1000000, 1000100), 101005050L);
    CHECK_INT(sum_range(5, 4), 0);
    CHECK_UINT(sum_squares(10), 385);
    CHECK_UINT(sum_squares(1000000), 333333833333500000ULL);
    CHECK_INT(alternating_sum(10), -5);
    CHECK_INT(alternating_sum(11), 6);
    END_CHECKS();
}

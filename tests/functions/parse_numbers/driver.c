#include "../check.h"

int parse_long_checked(const char *s, long *out);
double parse_double(const char *s, int *ok);
int my_atoi(const char *s);
int sum_digits(long n);

int main(void) {
    long v = 0;
    CHECK_INT(parse_long_checked("12345", &v), 0);
    CHECK_INT(v, 12345);
    CHECK_INT(parse_long_checked("0x7fffffffffffffff", &v), 0);
    CHECK_INT(v, 0x7fffffffffffffffL);
    CHECK_INT(parse_long_checked("99999999999999999999", &v), -2);
    CHECK_INT(parse_long_checked("12abc", &v), -1);
    CHECK_INT(parse_long_checked("", &v), -1);
    int ok = 0;
    CHECK_NEAR(parse_double("2.5e3", &ok), 2500.0, 0);
    CHECK_INT(ok, 1);
    parse_double("x1", &ok);
    CHECK_INT(ok, 0);
    CHECK_INT(my_atoi("  -42"), -42);
    CHECK_INT(my_atoi("+17abc"), 17);
    CHECK_INT(my_atoi("abc"), 0);
    CHECK_INT(sum_digits(9876543210L), 45);
    CHECK_INT(sum_digits(-505), 10);
    END_CHECKS();
}

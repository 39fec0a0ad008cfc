#include "../check.h"

const char *day_name(int d);
int apply_op(int op, int a, int b);
int roman_to_int(const char *s);

int main(void) {
    CHECK_STR(day_name(0), "Sunday");
    CHECK_STR(day_name(3), "Wednesday");
    CHECK_STR(day_name(6), "Saturday");
    CHECK_STR(day_name(7), "?");
    CHECK_STR(day_name(-1), "?");
    int expect[] = {24, 16, 80, 5, 0, 4, 20, 16, 320, 1, 0, 0, -1};
    for (int op = 0; op <= 12; op++) CHECK_INT(apply_op(op, 20, 4), expect[op]);
    CHECK_INT(apply_op(9, -64, 3), -8);
    CHECK_INT(apply_op(10, -1, 0), 1);
    CHECK_INT(apply_op(-5, 1, 1), -1);
    CHECK_INT(roman_to_int("MCMXCIV"), 1994);
    CHECK_INT(roman_to_int("MMXXIV"), 2024);
    CHECK_INT(roman_to_int("XLII"), 42);
    END_CHECKS();
}

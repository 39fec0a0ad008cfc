#include "../check.h"

int sum(int n, ...);
double avg(int n, ...);
long mixed_sum(const char *types, ...);
int format_into(char *buf, int size, const char *fmt, ...);

int main(void) {
    CHECK_INT(sum(0), 0);
    CHECK_INT(sum(3, 1, 2, 3), 6);
    CHECK_INT(sum(10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 55);
    CHECK_INT(sum(12, -1, -2, -3, -4, -5, -6, -7, -8, -9, -10, -11, 1000), 934);
    CHECK_NEAR(avg(2, 1.5, 2.5), 2.0, 0);
    CHECK_NEAR(avg(10, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0), 5.5, 0);
    CHECK_INT(mixed_sum("idlidl", 1, 2.5, 1L << 40, 3, 0.5, -5L), (1L << 40) + 2);
    CHECK_INT(mixed_sum("dddddddddiiiiiiiii", 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1, 1, 1, 1, 1, 1, 1, 1, 1), 18);
    char buf[64];
    int n = format_into(buf, sizeof buf, "%d-%s-%.2f-%c", 42, "x", 2.5, 'z');
    CHECK_INT(n, 11);
    CHECK_STR(buf, "42-x-2.50-z");
    END_CHECKS();
}

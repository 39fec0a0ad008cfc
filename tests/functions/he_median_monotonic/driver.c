#include <stdbool.h>
#include "../check.h"

float median(const float *l, int n);
bool below_threshold(const int *l, int n, int t);
bool monotonic(const float *l, int n);
int add(int x, int y);
bool same_chars(const char *s0, const char *s1);

int main(void) {
    CHECK_NEAR(median((float[]){3, 1, 2, 4, 5}, 5), 3, 0);
    CHECK_NEAR(median((float[]){-10, 4, 6, 1000, 10, 20}, 6), 8.0, 1e-6);
    CHECK_NEAR(median((float[]){5}, 1), 5, 0);
    CHECK_NEAR(median((float[]){6, 5}, 2), 5.5, 0);
    CHECK_NEAR(median((float[]){8, 1, 3, 9, 9, 2, 7}, 7), 7, 0);
    CHECK_INT(below_threshold((int[]){1, 2, 4, 10}, 4, 100), 1);
    CHECK_INT(below_threshold((int[]){1, 20, 4, 10}, 4, 5), 0);
    CHECK_INT(below_threshold((int[]){1, 8, 4, 10}, 4, 10), 0);
    CHECK_INT(below_threshold(0, 0, -5), 1);
    CHECK_INT(below_threshold((int[]){-4, -8}, 2, -3), 1);
    CHECK_INT(monotonic((float[]){1, 2, 4, 10}, 4), 1);
    CHECK_INT(monotonic((float[]){1, 2, 4, 20}, 4), 1);
    CHECK_INT(monotonic((float[]){1, 20, 4, 10}, 4), 0);
    CHECK_INT(monotonic((float[]){4, 1, 0, -10}, 4), 1);
    CHECK_INT(monotonic((float[]){4, 1, 1, 0}, 4), 1);
    CHECK_INT(monotonic((float[]){1, 2, 3, 2, 5, 60}, 6), 0);
    CHECK_INT(monotonic((float[]){9, 9, 9, 9}, 4), 1);
    CHECK_INT(monotonic(0, 0), 1);
    CHECK_INT(add(0, 1), 1);
    CHECK_INT(add(5, 7), 12);
    CHECK_INT(add(-3, 3), 0);
    CHECK_INT(add(2147483600, -2147483600), 0);
    CHECK_INT(same_chars("eabcdzzzz", "dddzzzzzzzddeddabc"), 1);
    CHECK_INT(same_chars("abcd", "dddddddabc"), 1);
    CHECK_INT(same_chars("dddddddabc", "abcd"), 1);
    CHECK_INT(same_chars("eabcd", "dddddddabc"), 0);
    CHECK_INT(same_chars("abcd", "dddddddabcf"), 0);
    CHECK_INT(same_chars("eabcdzzzz", "dddzzzzzzzddddabc"), 0);
    CHECK_INT(same_chars("aabb", "aaccc"), 0);
    END_CHECKS();
}

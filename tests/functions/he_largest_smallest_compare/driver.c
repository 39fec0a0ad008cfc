#include <stdbool.h>
#include "../check.h"

typedef struct { int a; int b; } pair_t;
pair_t largest_smallest_integers(const int *lst, int n);
double compare_one_f(double a, double b, bool *equal);
const char *compare_one_s(const char *a, const char *b);
bool is_equal_to_sum_even(int n);
long long special_factorial(int n);

int main(void) {
    pair_t p = largest_smallest_integers((int[]){2, 4, 1, 3, 5, 7}, 6);
    CHECK_INT(p.a, 0); CHECK_INT(p.b, 1);
    p = largest_smallest_integers((int[]){2, 4, 1, 3, 5, 7, 0}, 7);
    CHECK_INT(p.a, 0); CHECK_INT(p.b, 1);
    p = largest_smallest_integers((int[]){1, 3, 2, 4, 5, 6, -2}, 7);
    CHECK_INT(p.a, -2); CHECK_INT(p.b, 1);
    p = largest_smallest_integers((int[]){4, 5, 3, 6, 2, 7, -7}, 7);
    CHECK_INT(p.a, -7); CHECK_INT(p.b, 2);
    p = largest_smallest_integers((int[]){7, 3, 8, 4, 9, 2, 5, -9}, 8);
    CHECK_INT(p.a, -9); CHECK_INT(p.b, 2);
    p = largest_smallest_integers(NULL, 0);
    CHECK_INT(p.a, 0); CHECK_INT(p.b, 0);
    p = largest_smallest_integers((int[]){-1, -3, -5, -6}, 4);
    CHECK_INT(p.a, -1); CHECK_INT(p.b, 0);
    p = largest_smallest_integers((int[]){-6, -4, -4, -3, 100, 1}, 6);
    CHECK_INT(p.a, -3); CHECK_INT(p.b, 1);
    bool eq;
    CHECK_NEAR(compare_one_f(1, 2.5, &eq), 2.5, 0); CHECK_INT(eq, 0);
    CHECK_NEAR(compare_one_f(-6, -2, &eq), -2, 0); CHECK_INT(eq, 0);
    compare_one_f(1, 1, &eq); CHECK_INT(eq, 1);
    CHECK_STR(compare_one_s("5,1", "6"), "6");
    CHECK_STR(compare_one_s("1", "2"), "2");
    CHECK(compare_one_s("1", "1") == NULL);
    CHECK_STR(compare_one_s("2,3", "1"), "2,3");
    CHECK_STR(compare_one_s("-1.5", "-1,6"), "-1.5");
    CHECK_INT(is_equal_to_sum_even(4), 0);
    CHECK_INT(is_equal_to_sum_even(6), 0);
    CHECK_INT(is_equal_to_sum_even(8), 1);
    CHECK_INT(is_equal_to_sum_even(10), 1);
    CHECK_INT(is_equal_to_sum_even(11), 0);
    CHECK_INT(is_equal_to_sum_even(12), 1);
    CHECK_INT(is_equal_to_sum_even(13), 0);
    CHECK_INT(is_equal_to_sum_even(16), 1);
    CHECK_INT(is_equal_to_sum_even(-8), 0);
    CHECK_INT(special_factorial(4), 288);
    CHECK_INT(special_factorial(5), 34560);
    CHECK_INT(special_factorial(7), 125411328000LL);
    CHECK_INT(special_factorial(1), 1);
    CHECK_INT(special_factorial(0), 1);
    END_CHECKS();
}

#include <stdbool.h>
#include "../check.h"

bool is_nested(const char *str);
int sum_squares_ceil(const float *lst, int n);
bool check_if_last_char_is_a_letter(const char *txt);
int can_arrange(const int *arr, int n);
int sum_squares_idx(const int *lst, int n);

int main(void) {
    CHECK_INT(is_nested("[[]]"), 1);
    CHECK_INT(is_nested("[]]]]]]][[[[[]"), 0);
    CHECK_INT(is_nested("[][]"), 0);
    CHECK_INT(is_nested("[]"), 0);
    CHECK_INT(is_nested("[[[[]]]]"), 1);
    CHECK_INT(is_nested("[]]]]]]]]]]"), 0);
    CHECK_INT(is_nested("[][][[]]"), 1);
    CHECK_INT(is_nested("[[]"), 0);
    CHECK_INT(is_nested("[]]"), 0);
    CHECK_INT(is_nested("[[]][["), 1);
    CHECK_INT(is_nested("[[][]]"), 1);
    CHECK_INT(is_nested(""), 0);
    CHECK_INT(is_nested("[[[[[[[["), 0);
    CHECK_INT(is_nested("]]]]]]]]"), 0);
    CHECK_INT(sum_squares_ceil((float[]){1, 2, 3}, 3), 14);
    CHECK_INT(sum_squares_ceil((float[]){1.0f, 2, 3}, 3), 14);
    CHECK_INT(sum_squares_ceil((float[]){1, 3, 5, 7}, 4), 84);
    CHECK_INT(sum_squares_ceil((float[]){1.4f, 4.2f, 0}, 3), 29);
    CHECK_INT(sum_squares_ceil((float[]){-2.4f, 1, 1}, 3), 6);
    CHECK_INT(sum_squares_ceil((float[]){100, 1, 15, 2}, 4), 10230);
    CHECK_INT(sum_squares_ceil((float[]){10000, 10000}, 2), 200000000);
    CHECK_INT(sum_squares_ceil((float[]){-1.4f, 4.6f, 6.3f}, 3), 75);
    CHECK_INT(sum_squares_ceil((float[]){-1.4f, 17.9f, 18.9f, 19.9f}, 4), 1086);
    CHECK_INT(sum_squares_ceil((float[]){0}, 1), 0);
    CHECK_INT(sum_squares_ceil((float[]){-1}, 1), 1);
    CHECK_INT(sum_squares_ceil((float[]){-1, 1, 0}, 3), 2);
    CHECK_INT(check_if_last_char_is_a_letter("apple"), 0);
    CHECK_INT(check_if_last_char_is_a_letter("apple pi e"), 1);
    CHECK_INT(check_if_last_char_is_a_letter("eeeee"), 0);
    CHECK_INT(check_if_last_char_is_a_letter("A"), 1);
    CHECK_INT(check_if_last_char_is_a_letter("Pumpkin pie "), 0);
    CHECK_INT(check_if_last_char_is_a_letter("Pumpkin pie 1"), 0);
    CHECK_INT(check_if_last_char_is_a_letter(""), 0);
    CHECK_INT(check_if_last_char_is_a_letter("eeeee e "), 0);
    CHECK_INT(check_if_last_char_is_a_letter("apple pie"), 0);
    CHECK_INT(check_if_last_char_is_a_letter("apple pi e "), 0);
    CHECK_INT(can_arrange((int[]){1, 2, 4, 3, 5}, 5), 3);
    CHECK_INT(can_arrange((int[]){1, 2, 4, 5}, 4), -1);
    CHECK_INT(can_arrange((int[]){1, 4, 2, 5, 6, 7, 8, 9, 10}, 9), 2);
    CHECK_INT(can_arrange((int[]){4, 8, 5, 7, 3}, 5), 4);
    CHECK_INT(can_arrange(NULL, 0), -1);
    CHECK_INT(sum_squares_idx((int[]){1, 2, 3}, 3), 6);
    CHECK_INT(sum_squares_idx((int[]){1, 4, 9}, 3), 14);
    CHECK_INT(sum_squares_idx(NULL, 0), 0);
    CHECK_INT(sum_squares_idx((int[]){1, 1, 1, 1, 1, 1, 1, 1, 1}, 9), 9);
    CHECK_INT(sum_squares_idx((int[]){-1, -1, -1, -1, -1, -1, -1, -1, -1}, 9), -3);
    CHECK_INT(sum_squares_idx((int[]){-1, -5, 2, -1, -5}, 5), -126);
    CHECK_INT(sum_squares_idx((int[]){-56, -99, 1, 0, -2}, 5), 3030);
    CHECK_INT(sum_squares_idx((int[]){-16, -9, -2, 36, 36, 26, -20, 25, -40, 20, -4, 12, -26, 35, 37}, 15), -14196);
    CHECK_INT(sum_squares_idx((int[]){-1, 0, 0, 0, 0, 0, 0, 0, -1}, 9), 0);
    END_CHECKS();
}

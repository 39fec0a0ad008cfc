#include <stdbool.h>
#include <stdlib.h>
#include "../check.h"

typedef struct { int even; int odd; } eo_count;
int *f(int n);
eo_count even_odd_palindrome(int n);
int count_nums(const int *arr, int n);
bool move_one_ball(const int *arr, int n);

int main(void) {
    int *r = f(5);
    int e[] = {1, 2, 6, 24, 15};
    for (int i = 0; i < 5; i++) CHECK_INT(r[i], e[i]);
    free(r);
    r = f(7);
    int e2[] = {1, 2, 6, 24, 15, 720, 28};
    for (int i = 0; i < 7; i++) CHECK_INT(r[i], e2[i]);
    free(r);
    r = f(1); CHECK_INT(r[0], 1); free(r);
    r = f(3); CHECK_INT(r[2], 6); free(r);
    r = f(0); free(r);
    eo_count c = even_odd_palindrome(123);
    CHECK_INT(c.even, 8); CHECK_INT(c.odd, 13);
    c = even_odd_palindrome(12);
    CHECK_INT(c.even, 4); CHECK_INT(c.odd, 6);
    c = even_odd_palindrome(3);
    CHECK_INT(c.even, 1); CHECK_INT(c.odd, 2);
    c = even_odd_palindrome(63);
    CHECK_INT(c.even, 6); CHECK_INT(c.odd, 8);
    c = even_odd_palindrome(25);
    CHECK_INT(c.even, 5); CHECK_INT(c.odd, 6);
    c = even_odd_palindrome(19);
    CHECK_INT(c.even, 4); CHECK_INT(c.odd, 6);
    c = even_odd_palindrome(9);
    CHECK_INT(c.even, 4); CHECK_INT(c.odd, 5);
    c = even_odd_palindrome(1);
    CHECK_INT(c.even, 0); CHECK_INT(c.odd, 1);
    CHECK_INT(count_nums(NULL, 0), 0);
    CHECK_INT(count_nums((int[]){-1, -2, 0}, 3), 0);
    CHECK_INT(count_nums((int[]){1, 1, 2, -2, 3, 4, 5}, 7), 6);
    CHECK_INT(count_nums((int[]){1, 6, 9, -6, 0, 1, 5}, 7), 5);
    CHECK_INT(count_nums((int[]){1, 100, 98, -7, 1, -1}, 6), 4);
    CHECK_INT(count_nums((int[]){12, 23, 34, -45, -56, 0}, 6), 5);
    CHECK_INT(count_nums((int[]){0, 1}, 2), 1);
    CHECK_INT(count_nums((int[]){1}, 1), 1);
    CHECK_INT(move_one_ball((int[]){3, 4, 5, 1, 2}, 5), 1);
    CHECK_INT(move_one_ball((int[]){3, 5, 10, 1, 2}, 5), 1);
    CHECK_INT(move_one_ball((int[]){4, 3, 1, 2}, 4), 0);
    CHECK_INT(move_one_ball((int[]){3, 5, 4, 1, 2}, 5), 0);
    CHECK_INT(move_one_ball(NULL, 0), 1);
    END_CHECKS();
}

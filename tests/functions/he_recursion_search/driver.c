#include <stdbool.h>
#include <stdlib.h>
#include "../check.h"

int n_queens(int n);
char **permutations(const char *s, int *count);
bool subset_sum(const int *a, int n, int target);
int bsearch_rec(const int *a, int lo, int hi, int key);
int count_islands(char *g, int rows, int cols, int *largest);
int ackermann(int m, int n);
char *hanoi_moves(int n);
bool is_even_rec(unsigned n);
bool is_odd_rec(unsigned n);
long gcd_rec(long a, long b);
int digit_sum_rec(long n);

int main(void) {
    CHECK_INT(n_queens(1), 1);
    CHECK_INT(n_queens(4), 2);
    CHECK_INT(n_queens(6), 4);
    CHECK_INT(n_queens(8), 92);
    int n;
    char **p = permutations("abc", &n);
    CHECK_INT(n, 6);
    CHECK_STR(p[0], "abc"); CHECK_STR(p[1], "acb"); CHECK_STR(p[5], "cba");
    for (int i = 0; i < n; i++) free(p[i]);
    free(p);
    p = permutations("aab", &n);
    CHECK_INT(n, 3);
    CHECK_STR(p[0], "aab"); CHECK_STR(p[1], "aba"); CHECK_STR(p[2], "baa");
    for (int i = 0; i < n; i++) free(p[i]);
    free(p);
    p = permutations("", &n);
    CHECK_INT(n, 1); CHECK_STR(p[0], "");
    free(p[0]);
    free(p);
    CHECK_INT(subset_sum((int[]){3, 34, 4, 12, 5, 2}, 6, 9), 1);
    CHECK_INT(subset_sum((int[]){3, 34, 4, 12, 5, 2}, 6, 30), 0);
    CHECK_INT(subset_sum((int[]){-7, 3, 2}, 3, -4), 1);
    int s[] = {1, 3, 5, 7, 9, 11, 13};
    CHECK_INT(bsearch_rec(s, 0, 6, 7), 3);
    CHECK_INT(bsearch_rec(s, 0, 6, 1), 0);
    CHECK_INT(bsearch_rec(s, 0, 6, 13), 6);
    CHECK_INT(bsearch_rec(s, 0, 6, 8), -1);
    CHECK_INT(bsearch_rec(s, 0, -1, 8), -1);
    char g[] = "11000" "11000" "00100" "00011" "00011";
    int largest;
    CHECK_INT(count_islands(g, 5, 5, &largest), 3);
    CHECK_INT(largest, 4);
    char g2[] = "111" "101" "111";
    CHECK_INT(count_islands(g2, 3, 3, &largest), 1);
    CHECK_INT(largest, 8);
    CHECK_INT(ackermann(0, 0), 1);
    CHECK_INT(ackermann(2, 3), 9);
    CHECK_INT(ackermann(3, 3), 61);
    char *h = hanoi_moves(2);
    CHECK_STR(h, "AB AC BC");
    free(h);
    h = hanoi_moves(10);
    CHECK_INT(strlen(h), 3 * 1023 - 1);
    free(h);
    h = hanoi_moves(0);
    CHECK_STR(h, "");
    free(h);
    CHECK_INT(is_even_rec(10), 1);
    CHECK_INT(is_odd_rec(7), 1);
    CHECK_INT(is_even_rec(7), 0);
    CHECK_INT(is_even_rec(0), 1);
    CHECK_INT(gcd_rec(48, 18), 6);
    CHECK_INT(gcd_rec(-48, 18), 6);
    CHECK_INT(gcd_rec(0, 0), 0);
    CHECK_INT(gcd_rec(1L << 40, 1L << 35), 1L << 35);
    CHECK_INT(digit_sum_rec(0), 0);
    CHECK_INT(digit_sum_rec(-98765), 35);
    CHECK_INT(digit_sum_rec(9223372036854775807L), 88);
    END_CHECKS();
}

#include "../check.h"

int lcs_length(const char *a, const char *b);
int edit_distance(const char *a, const char *b);
int coin_change(const int *coins, int n, int amount);
long long count_ways(const int *coins, int n, int amount);
int knapsack(const int *w, const int *v, int n, int cap);
int lis_length(const int *a, int n);
int count_palindromic_substrings(const char *s);

int main(void) {
    CHECK_INT(lcs_length("abcde", "ace"), 3);
    CHECK_INT(lcs_length("abc", "def"), 0);
    CHECK_INT(lcs_length("", "abc"), 0);
    CHECK_INT(lcs_length("AGGTAB", "GXTXAYB"), 4);
    CHECK_INT(edit_distance("kitten", "sitting"), 3);
    CHECK_INT(edit_distance("", "abc"), 3);
    CHECK_INT(edit_distance("horse", "ros"), 3);
    CHECK_INT(edit_distance("intention", "execution"), 5);
    CHECK_INT(edit_distance("same", "same"), 0);
    CHECK_INT(coin_change((int[]){1, 2, 5}, 3, 11), 3);
    CHECK_INT(coin_change((int[]){2}, 1, 3), -1);
    CHECK_INT(coin_change((int[]){1}, 1, 0), 0);
    CHECK_INT(coin_change((int[]){186, 419, 83, 408}, 4, 6249), 20);
    CHECK_INT(count_ways((int[]){1, 2, 5}, 3, 5), 4);
    CHECK_INT(count_ways((int[]){1, 5, 10, 25, 50}, 5, 100), 292);
    CHECK_INT(count_ways((int[]){1, 2, 5, 10, 20, 50, 100, 200}, 8, 200), 73682);
    CHECK_INT(count_ways((int[]){1, 2, 3}, 3, 3000), 751501);
    CHECK_INT(knapsack((int[]){1, 3, 4, 5}, (int[]){1, 4, 5, 7}, 4, 7), 9);
    CHECK_INT(knapsack((int[]){10, 20, 30}, (int[]){60, 100, 120}, 3, 50), 220);
    CHECK_INT(knapsack((int[]){5}, (int[]){10}, 1, 4), 0);
    CHECK_INT(lis_length((int[]){10, 9, 2, 5, 3, 7, 101, 18}, 8), 4);
    CHECK_INT(lis_length((int[]){0, 1, 0, 3, 2, 3}, 6), 4);
    CHECK_INT(lis_length((int[]){7, 7, 7, 7}, 4), 1);
    CHECK_INT(lis_length(0, 0), 0);
    CHECK_INT(count_palindromic_substrings("abc"), 3);
    CHECK_INT(count_palindromic_substrings("aaa"), 6);
    CHECK_INT(count_palindromic_substrings(""), 0);
    CHECK_INT(count_palindromic_substrings("abacdfgdcaba"), 14);
    END_CHECKS();
}

#include <stdlib.h>
#include "../check.h"

const char *match_parens(const char *s1, const char *s2);
int *maximum(const int *arr, int n, int k);
int solution(const int *lst, int n);
int add_elements(const int *arr, int k);
int *get_odd_collatz(int n, int *out_n);

int main(void) {
    CHECK_STR(match_parens("()(", ")"), "Yes");
    CHECK_STR(match_parens(")", ")"), "No");
    CHECK_STR(match_parens("(()(())", "())())"), "No");
    CHECK_STR(match_parens(")())", "(()()("), "Yes");
    CHECK_STR(match_parens("(())))", "(()())(("), "Yes");
    CHECK_STR(match_parens("()", "())"), "No");
    CHECK_STR(match_parens("(()(", "()))()"), "Yes");
    CHECK_STR(match_parens("((((", "((())"), "No");
    CHECK_STR(match_parens(")(()", "(()("), "No");
    CHECK_STR(match_parens(")(", ")("), "No");
    CHECK_STR(match_parens("(", ")"), "Yes");
    CHECK_STR(match_parens(")", "("), "Yes");
    int *m = maximum((int[]){-3, -4, 5}, 3, 3);
    CHECK_INT(m[0], -4); CHECK_INT(m[1], -3); CHECK_INT(m[2], 5); free(m);
    m = maximum((int[]){4, -4, 4}, 3, 2);
    CHECK_INT(m[0], 4); CHECK_INT(m[1], 4); free(m);
    m = maximum((int[]){-3, 2, 1, 2, -1, -2, 1}, 7, 1);
    CHECK_INT(m[0], 2); free(m);
    m = maximum((int[]){123, -123, 20, 0, 1, 2, -3}, 7, 3);
    CHECK_INT(m[0], 2); CHECK_INT(m[1], 20); CHECK_INT(m[2], 123); free(m);
    m = maximum((int[]){1, 0, 5, -7}, 4, 1);
    CHECK_INT(m[0], 5); free(m);
    m = maximum((int[]){1, 2, 3, -23, 243, -400, 0}, 7, 0);
    free(m);
    CHECK_INT(solution((int[]){5, 8, 7, 1}, 4), 12);
    CHECK_INT(solution((int[]){3, 3, 3, 3, 3}, 5), 9);
    CHECK_INT(solution((int[]){30, 13, 24, 321}, 4), 0);
    CHECK_INT(solution((int[]){5, 9}, 2), 5);
    CHECK_INT(solution((int[]){2, 4, 8}, 3), 0);
    CHECK_INT(solution((int[]){30, 13, 23, 32}, 4), 23);
    CHECK_INT(solution((int[]){3, 13, 2, 9}, 4), 3);
    CHECK_INT(solution((int[]){-3, 1, -5}, 3), 0);
    CHECK_INT(add_elements((int[]){1, -2, -3, 41, 57, 76, 87, 88, 99}, 3), -4);
    CHECK_INT(add_elements((int[]){111, 121, 3, 4000, 5, 6}, 2), 0);
    CHECK_INT(add_elements((int[]){11, 21, 3, 90, 5, 6, 7, 8, 9}, 4), 125);
    CHECK_INT(add_elements((int[]){111, 21, 3, 4000, 5, 6, 7, 8, 9}, 4), 24);
    CHECK_INT(add_elements((int[]){1}, 1), 1);
    int n;
    int *c = get_odd_collatz(14, &n);
    int e[] = {1, 5, 7, 11, 13, 17};
    CHECK_INT(n, 6);
    for (int i = 0; i < 6; i++) CHECK_INT(c[i], e[i]);
    free(c);
    c = get_odd_collatz(5, &n);
    CHECK_INT(n, 2); CHECK_INT(c[0], 1); CHECK_INT(c[1], 5); free(c);
    c = get_odd_collatz(12, &n);
    CHECK_INT(n, 3); CHECK_INT(c[0], 1); CHECK_INT(c[1], 3); CHECK_INT(c[2], 5); free(c);
    c = get_odd_collatz(1, &n);
    CHECK_INT(n, 1); CHECK_INT(c[0], 1); free(c);
    c = get_odd_collatz(27, &n);
    CHECK_INT(n, 42); CHECK_INT(c[41], 3077); free(c);
    END_CHECKS();
}

#include <stdlib.h>
#include "../check.h"

const char **numerical_letter_grade(const float *grades, int n);
int add_even_at_odd(const int *lst, int n);
char *anti_shuffle(const char *s);

#define CHECK_FREE(call, expected) do { char *r_ = (call); CHECK_STR(r_, expected); free(r_); } while (0)

int main(void) {
    const char **g = numerical_letter_grade((float[]){4.0f, 3, 1.7f, 2, 3.5f}, 5);
    CHECK_STR(g[0], "A+"); CHECK_STR(g[1], "B"); CHECK_STR(g[2], "C-"); CHECK_STR(g[3], "C"); CHECK_STR(g[4], "A-");
    free(g);
    g = numerical_letter_grade((float[]){1.2f}, 1);
    CHECK_STR(g[0], "D+");
    free(g);
    g = numerical_letter_grade((float[]){0.5f}, 1);
    CHECK_STR(g[0], "D-");
    free(g);
    g = numerical_letter_grade((float[]){0.0f}, 1);
    CHECK_STR(g[0], "E");
    free(g);
    g = numerical_letter_grade((float[]){1, 0.3f, 1.5f, 2.8f, 3.3f}, 5);
    CHECK_STR(g[0], "D"); CHECK_STR(g[1], "D-"); CHECK_STR(g[2], "C-"); CHECK_STR(g[3], "B"); CHECK_STR(g[4], "B+");
    free(g);
    g = numerical_letter_grade((float[]){0, 0.7f}, 2);
    CHECK_STR(g[0], "E"); CHECK_STR(g[1], "D-");
    free(g);
    g = numerical_letter_grade(NULL, 0);
    free(g);
    CHECK_INT(add_even_at_odd((int[]){4, 88}, 2), 88);
    CHECK_INT(add_even_at_odd((int[]){4, 5, 6, 7, 2, 122}, 6), 122);
    CHECK_INT(add_even_at_odd((int[]){4, 0, 6, 7}, 4), 0);
    CHECK_INT(add_even_at_odd((int[]){4, 4, 6, 8}, 4), 12);
    CHECK_INT(add_even_at_odd((int[]){4, -4, 6, 8, 1}, 5), 4);
    CHECK_FREE(anti_shuffle("Hi"), "Hi");
    CHECK_FREE(anti_shuffle("hello"), "ehllo");
    CHECK_FREE(anti_shuffle("number"), "bemnru");
    CHECK_FREE(anti_shuffle("abcd"), "abcd");
    CHECK_FREE(anti_shuffle("Hello World!!!"), "Hello !!!Wdlor");
    CHECK_FREE(anti_shuffle(""), "");
    CHECK_FREE(anti_shuffle("Hi. My name is Mister Robot. How are you?"), ".Hi My aemn is Meirst .Rboot How aer ?ouy");
    END_CHECKS();
}

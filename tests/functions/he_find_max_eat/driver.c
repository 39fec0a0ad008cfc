#include <stdbool.h>
#include <stdlib.h>
#include "../check.h"

bool right_angle_triangle(float a, float b, float c);
const char *find_max(const char **words, int n);
void eat(int number, int need, int remaining, int out[2]);
long do_algebra(const char **ops, int nops, const long *operand);
char *solve_string(const char *s);
int generate_integers(int a, int b, int *out);

#define CHECK_FREE(call, expected) do { char *r_ = (call); CHECK_STR(r_, expected); free(r_); } while (0)

int main(void) {
    CHECK_INT(right_angle_triangle(3, 4, 5), 1);
    CHECK_INT(right_angle_triangle(1, 2, 3), 0);
    CHECK_INT(right_angle_triangle(10, 6, 8), 1);
    CHECK_INT(right_angle_triangle(2, 2, 2), 0);
    CHECK_INT(right_angle_triangle(7, 24, 25), 1);
    CHECK_INT(right_angle_triangle(10, 5, 7), 0);
    CHECK_INT(right_angle_triangle(5, 12, 13), 1);
    CHECK_INT(right_angle_triangle(15, 8, 17), 1);
    CHECK_INT(right_angle_triangle(48, 55, 73), 1);
    CHECK_INT(right_angle_triangle(1, 1, 1), 0);
    CHECK_INT(right_angle_triangle(2, 2, 10), 0);
    const char *w1[] = {"name", "of", "string"};
    CHECK_STR(find_max(w1, 3), "string");
    const char *w2[] = {"name", "enam", "game"};
    CHECK_STR(find_max(w2, 3), "enam");
    const char *w3[] = {"aaaaaaa", "bb", "cc"};
    CHECK_STR(find_max(w3, 3), "aaaaaaa");
    const char *w4[] = {"abc", "cba"};
    CHECK_STR(find_max(w4, 2), "abc");
    const char *w5[] = {"play", "this", "game", "of", "footbott"};
    CHECK_STR(find_max(w5, 5), "footbott");
    const char *w6[] = {"we", "are", "gonna", "rock"};
    CHECK_STR(find_max(w6, 4), "gonna");
    const char *w7[] = {"we", "are", "a", "mad", "nation"};
    CHECK_STR(find_max(w7, 5), "nation");
    const char *w8[] = {"this", "is", "a", "prrk"};
    CHECK_STR(find_max(w8, 4), "this");
    const char *w9[] = {"b"};
    CHECK_STR(find_max(w9, 1), "b");
    const char *w10[] = {"play", "play", "play"};
    CHECK_STR(find_max(w10, 3), "play");
    int o[2];
    eat(5, 6, 10, o); CHECK_INT(o[0], 11); CHECK_INT(o[1], 4);
    eat(4, 8, 9, o); CHECK_INT(o[0], 12); CHECK_INT(o[1], 1);
    eat(1, 10, 10, o); CHECK_INT(o[0], 11); CHECK_INT(o[1], 0);
    eat(2, 11, 5, o); CHECK_INT(o[0], 7); CHECK_INT(o[1], 0);
    eat(4, 5, 7, o); CHECK_INT(o[0], 9); CHECK_INT(o[1], 2);
    eat(4, 5, 1, o); CHECK_INT(o[0], 5); CHECK_INT(o[1], 0);
    const char *op1[] = {"**", "*", "+"};
    CHECK_INT(do_algebra(op1, 3, (long[]){2, 3, 4, 5}), 37);
    const char *op2[] = {"+", "*", "-"};
    CHECK_INT(do_algebra(op2, 3, (long[]){2, 3, 4, 5}), 9);
    const char *op3[] = {"//", "*"};
    CHECK_INT(do_algebra(op3, 2, (long[]){7, 3, 4}), 8);
    const char *op4[] = {"-", "**", "//"};
    CHECK_INT(do_algebra(op4, 3, (long[]){1, 2, 10, 7}), 1 - 146);
    const char *op5[] = {"**", "**"};
    CHECK_INT(do_algebra(op5, 2, (long[]){2, 3, 2}), 64);
    CHECK_FREE(solve_string("AsDf"), "aSdF");
    CHECK_FREE(solve_string("1234"), "4321");
    CHECK_FREE(solve_string("ab"), "AB");
    CHECK_FREE(solve_string("#a@C"), "#A@c");
    CHECK_FREE(solve_string("#AsdfW^45"), "#aSDFw^45");
    CHECK_FREE(solve_string("#6@2"), "2@6#");
    CHECK_FREE(solve_string("#$a^D"), "#$A^d");
    CHECK_FREE(solve_string("#ccc"), "#CCC");
    CHECK_FREE(solve_string(""), "");
    int g[8];
    int k = generate_integers(2, 10, g);
    CHECK_INT(k, 4); CHECK_INT(g[0], 2); CHECK_INT(g[3], 8);
    k = generate_integers(10, 2, g);
    CHECK_INT(k, 4); CHECK_INT(g[1], 4);
    k = generate_integers(132, 2, g);
    CHECK_INT(k, 4);
    k = generate_integers(17, 89, g);
    CHECK_INT(k, 0);
    END_CHECKS();
}

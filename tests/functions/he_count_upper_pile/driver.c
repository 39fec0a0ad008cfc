#include <stdlib.h>
#include "../check.h"

int count_upper(const char *s);
int closest_integer(const char *value);
int closest_integer_strtod(const char *value);
int *make_a_pile(int n);
char **words_string(const char *s, int *out_n);

int main(void) {
    CHECK_INT(count_upper("aBCdEf"), 1);
    CHECK_INT(count_upper("abcdefg"), 0);
    CHECK_INT(count_upper("dBBE"), 0);
    CHECK_INT(count_upper("B"), 0);
    CHECK_INT(count_upper("U"), 1);
    CHECK_INT(count_upper(""), 0);
    CHECK_INT(count_upper("EEEE"), 2);
    CHECK_INT(closest_integer("10"), 10);
    CHECK_INT(closest_integer("14.5"), 15);
    CHECK_INT(closest_integer("-15.5"), -16);
    CHECK_INT(closest_integer("15.3"), 15);
    CHECK_INT(closest_integer("0"), 0);
    CHECK_INT(closest_integer("-0.4"), 0);
    CHECK_INT(closest_integer_strtod("10"), 10);
    CHECK_INT(closest_integer_strtod("14.5"), 15);
    CHECK_INT(closest_integer_strtod("-15.5"), -16);
    CHECK_INT(closest_integer_strtod("15.3"), 15);
    CHECK_INT(closest_integer_strtod("-2.7"), -3);
    int *p = make_a_pile(3);
    CHECK_INT(p[0], 3); CHECK_INT(p[1], 5); CHECK_INT(p[2], 7);
    free(p);
    p = make_a_pile(8);
    for (int i = 0; i < 8; i++) CHECK_INT(p[i], 8 + 2 * i);
    free(p);
    p = make_a_pile(0);
    free(p);
    int n;
    char **w = words_string("Hi, my name is John", &n);
    CHECK_INT(n, 5);
    CHECK_STR(w[0], "Hi"); CHECK_STR(w[1], "my"); CHECK_STR(w[4], "John");
    for (int i = 0; i < n; i++) free(w[i]);
    free(w);
    w = words_string("One, two, three, four, five, six", &n);
    CHECK_INT(n, 6);
    CHECK_STR(w[5], "six"); CHECK_STR(w[2], "three");
    for (int i = 0; i < n; i++) free(w[i]);
    free(w);
    w = words_string("", &n);
    CHECK_INT(n, 0);
    free(w);
    w = words_string("ahmed     , gamal", &n);
    CHECK_INT(n, 2);
    CHECK_STR(w[0], "ahmed"); CHECK_STR(w[1], "gamal");
    for (int i = 0; i < n; i++) free(w[i]);
    free(w);
    END_CHECKS();
}

#include <stdbool.h>
#include <stdlib.h>
#include "../check.h"

bool correct_bracketing_angle(const char *brackets);
bool correct_bracketing_paren(const char *brackets);
int vowels_count(const char *s);
char *circular_shift(int x, int shift);
int digitSum(const char *s);

#define CHECK_FREE(call, expected) do { char *r_ = (call); CHECK_STR(r_, expected); free(r_); } while (0)

int main(void) {
    CHECK_INT(correct_bracketing_angle("<>"), 1);
    CHECK_INT(correct_bracketing_angle("<<><>>"), 1);
    CHECK_INT(correct_bracketing_angle("<><><<><>><>"), 1);
    CHECK_INT(correct_bracketing_angle("<><><<<><><>><>><<><><<>>>"), 1);
    CHECK_INT(correct_bracketing_angle("<<<><>>>>"), 0);
    CHECK_INT(correct_bracketing_angle("><<>"), 0);
    CHECK_INT(correct_bracketing_angle("<"), 0);
    CHECK_INT(correct_bracketing_angle("<<<<"), 0);
    CHECK_INT(correct_bracketing_angle(">"), 0);
    CHECK_INT(correct_bracketing_angle(""), 1);
    CHECK_INT(correct_bracketing_paren("()"), 1);
    CHECK_INT(correct_bracketing_paren("(()())"), 1);
    CHECK_INT(correct_bracketing_paren("()()(()())()"), 1);
    CHECK_INT(correct_bracketing_paren("((()())))"), 0);
    CHECK_INT(correct_bracketing_paren(")(()"), 0);
    CHECK_INT(correct_bracketing_paren("(()"), 0);
    CHECK_INT(correct_bracketing_paren("()()(()())())(()"), 0);
    CHECK_INT(vowels_count("abcde"), 2);
    CHECK_INT(vowels_count("Alone"), 3);
    CHECK_INT(vowels_count("key"), 2);
    CHECK_INT(vowels_count("bye"), 1);
    CHECK_INT(vowels_count("keY"), 2);
    CHECK_INT(vowels_count("bYe"), 1);
    CHECK_INT(vowels_count("ACEDY"), 3);
    CHECK_INT(vowels_count(""), 0);
    CHECK_FREE(circular_shift(100, 2), "001");
    CHECK_FREE(circular_shift(12, 2), "12");
    CHECK_FREE(circular_shift(97, 8), "79");
    CHECK_FREE(circular_shift(12, 1), "21");
    CHECK_FREE(circular_shift(11, 101), "11");
    CHECK_FREE(circular_shift(123456, 3), "456123");
    CHECK_INT(digitSum(""), 0);
    CHECK_INT(digitSum("abAB"), 131);
    CHECK_INT(digitSum("abcCd"), 67);
    CHECK_INT(digitSum("helloE"), 69);
    CHECK_INT(digitSum("woArBld"), 131);
    CHECK_INT(digitSum("aAaaaXa"), 153);
    CHECK_INT(digitSum(" How are yOu?"), 151);
    CHECK_INT(digitSum("You arE Very Smart"), 327);
    END_CHECKS();
}

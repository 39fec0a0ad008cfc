#include <stdbool.h>
#include "../check.h"

int count_upper(const char *s);
bool all_digits(const char *s);
bool is_hex(const char *s);
int digit_sum_upper(const char *s);
int count_nonascii(const char *s);

int main(void) {
    CHECK_INT(count_upper("Hello World ABC"), 5);
    CHECK_INT(count_upper(""), 0);
    CHECK_INT(all_digits("0123456789"), true);
    CHECK_INT(all_digits("12a"), false);
    CHECK_INT(all_digits(""), false);
    CHECK_INT(is_hex("0xDeadBeef"), true);
    CHECK_INT(is_hex("cafe"), true);
    CHECK_INT(is_hex("0x"), false);
    CHECK_INT(is_hex("12g4"), false);
    CHECK_INT(digit_sum_upper(""), 0);
    CHECK_INT(digit_sum_upper("abAB"), 131);
    CHECK_INT(digit_sum_upper("helloE"), 69);
    CHECK_INT(digit_sum_upper("aAaaaXa"), 153);
    CHECK_INT(count_nonascii("caf\xc3\xa9 \xe2\x82\xac"), 5);
    END_CHECKS();
}

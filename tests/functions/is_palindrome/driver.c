#include <stdbool.h>
#include <stdlib.h>
#include "../check.h"

bool is_palindrome(const char *text);
char *make_palindrome(const char *s);

int main(void) {
    CHECK_INT(is_palindrome(""), true);
    CHECK_INT(is_palindrome("aba"), true);
    CHECK_INT(is_palindrome("aaaaa"), true);
    CHECK_INT(is_palindrome("zbcd"), false);
    CHECK_INT(is_palindrome("xywyx"), true);
    CHECK_INT(is_palindrome("xywyz"), false);
    const char *in[] = {"", "x", "xyz", "xyx", "jerry", "cata"};
    const char *out[] = {"", "x", "xyzyx", "xyx", "jerryrrej", "catac"};
    for (int i = 0; i < 6; i++) {
        char *p = make_palindrome(in[i]);
        CHECK_STR(p, out[i]);
        free(p);
    }
    END_CHECKS();
}

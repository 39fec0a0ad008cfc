#include <stdbool.h>
#include <stdlib.h>
#include "../check.h"

const char *longest(const char **strings, int n);
bool is_palindrome(const char *text);
char *make_palindrome(const char *string);

#define CHECK_FREE(call, expected) do { char *r_ = (call); CHECK_STR(r_, expected); free(r_); } while (0)

int main(void) {
    const char *a[] = {"x", "y", "z"};
    CHECK(longest(a, 0) == NULL);
    CHECK_STR(longest(a, 3), "x");
    const char *b[] = {"x", "yyy", "zzzz", "www", "kkkk", "abc"};
    CHECK_STR(longest(b, 6), "zzzz");
    CHECK(longest(b, 6) == b[2]);
    CHECK_INT(is_palindrome(""), 1);
    CHECK_INT(is_palindrome("aba"), 1);
    CHECK_INT(is_palindrome("aaaaa"), 1);
    CHECK_INT(is_palindrome("zbcd"), 0);
    CHECK_INT(is_palindrome("xywyx"), 1);
    CHECK_INT(is_palindrome("xywyz"), 0);
    CHECK_INT(is_palindrome("xywzx"), 0);
    CHECK_FREE(make_palindrome(""), "");
    CHECK_FREE(make_palindrome("x"), "x");
    CHECK_FREE(make_palindrome("xyz"), "xyzyx");
    CHECK_FREE(make_palindrome("xyx"), "xyx");
    CHECK_FREE(make_palindrome("jerry"), "jerryrrej");
    CHECK_FREE(make_palindrome("cata"), "catac");
    END_CHECKS();
}

#include <stdlib.h>
#include "../check.h"

char *reverse_string(const char *s);
char *concat(const char *a, const char *b);
char *repeat(const char *s, int times);
char *string_xor(const char *a, const char *b);
char *flip_case(const char *s);

#define CHECK_FREE(call, expected) do { char *r_ = (call); CHECK_STR(r_, expected); free(r_); } while (0)

int main(void) {
    CHECK_FREE(reverse_string("hello"), "olleh");
    CHECK_FREE(reverse_string(""), "");
    CHECK_FREE(concat("foo", "bar"), "foobar");
    CHECK_FREE(concat("", ""), "");
    CHECK_FREE(repeat("ab", 3), "ababab");
    CHECK_FREE(repeat("x", 0), "");
    CHECK_FREE(string_xor("010", "110"), "100");
    CHECK_FREE(string_xor("111000", "101010"), "010010");
    CHECK_FREE(flip_case("Hello World 42"), "hELLO wORLD 42");
    char *big = repeat("0123456789", 1000);
    CHECK_INT(strlen(big), 10000);
    char *rb = reverse_string(big);
    CHECK_INT(rb[0], '9');
    free(rb);
    free(big);
    END_CHECKS();
}

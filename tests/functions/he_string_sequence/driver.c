#include <stdlib.h>
#include "../check.h"

char *string_sequence(int n);
int count_distinct_characters(const char *string);
int my_strlen(const char *string);
char *concatenate(const char **strings, int n);
char *string_xor(const char *a, const char *b);

#define CHECK_FREE(call, expected) do { char *r_ = (call); CHECK_STR(r_, expected); free(r_); } while (0)

int main(void) {
    CHECK_FREE(string_sequence(0), "0");
    CHECK_FREE(string_sequence(3), "0 1 2 3");
    CHECK_FREE(string_sequence(10), "0 1 2 3 4 5 6 7 8 9 10");
    char *s = string_sequence(1000);
    CHECK_INT(strlen(s), 3894);
    CHECK_STR(s + 3890, "1000");
    free(s);
    CHECK_INT(count_distinct_characters(""), 0);
    CHECK_INT(count_distinct_characters("abcde"), 5);
    CHECK_INT(count_distinct_characters("abcdecadeCADE"), 5);
    CHECK_INT(count_distinct_characters("aaaaAAAAaaaa"), 1);
    CHECK_INT(count_distinct_characters("Jerry jERRY JeRRRY"), 5);
    CHECK_INT(my_strlen(""), 0);
    CHECK_INT(my_strlen("x"), 1);
    CHECK_INT(my_strlen("asdasnakj"), 9);
    const char *parts[] = {"x", "y", "z", "w", "k"};
    CHECK_FREE(concatenate(parts, 0), "");
    CHECK_FREE(concatenate(parts, 3), "xyz");
    CHECK_FREE(concatenate(parts, 5), "xyzwk");
    CHECK_FREE(string_xor("111000", "101010"), "010010");
    CHECK_FREE(string_xor("1", "1"), "0");
    CHECK_FREE(string_xor("0101", "0000"), "0101");
    CHECK_FREE(string_xor("", ""), "");
    END_CHECKS();
}

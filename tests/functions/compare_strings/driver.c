#include <stdbool.h>
#include "../check.h"

int compare_versions(const char *a, const char *b);
int strcmp_ci(const char *a, const char *b);
bool is_anagram(const char *a, const char *b);
bool ends_with(const char *s, const char *suffix);

int main(void) {
    CHECK_INT(compare_versions("1.2.3", "1.2.3"), 0);
    CHECK_INT(compare_versions("1.10", "1.9"), 1);
    CHECK_INT(compare_versions("1.0", "1.0.1"), -1);
    CHECK_INT(compare_versions("2", "10"), -1);
    CHECK_INT(strcmp_ci("HeLLo", "hello"), 0);
    CHECK(strcmp_ci("apple", "Banana") < 0);
    CHECK(strcmp_ci("zeta", "ALPHA") > 0);
    CHECK_INT(is_anagram("listen", "silent"), true);
    CHECK_INT(is_anagram("abc", "abd"), false);
    CHECK_INT(is_anagram("\xff\x01", "\x01\xff"), true);
    CHECK_INT(ends_with("archive.tar.gz", ".gz"), true);
    CHECK_INT(ends_with("gz", "archive.gz"), false);
    END_CHECKS();
}

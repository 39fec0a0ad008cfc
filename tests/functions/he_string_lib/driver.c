#include <stdlib.h>
#include "../check.h"

int count_tokens(const char *s, const char *delims);
char *reverse_words(const char *s);
char *trim(const char *s);
int first_vowel_index(const char *s);
int prefix_without(const char *s, const char *reject);
const char *file_extension(const char *path);
void rotate_left(int *a, int n, int k);
int arrays_equal(const int *a, const int *b, int n);
char *replace_all(const char *s, const char *from, const char *to);
int equal_ignore_case(const char *a, const char *b);
void copy_truncated(char *dst, const char *src, size_t n);
char *join_prefixes(const char **words, int n, size_t k);

#define CHECK_FREE(call, expected) do { char *r_ = (call); CHECK_STR(r_, expected); free(r_); } while (0)

int main(void) {
    CHECK_INT(count_tokens("a,b,,c", ","), 3);
    CHECK_INT(count_tokens("  hello   world  ", " "), 2);
    CHECK_INT(count_tokens("", " "), 0);
    CHECK_INT(count_tokens("one two;three", " ;"), 3);
    CHECK_FREE(reverse_words("the sky is blue"), "blue is sky the");
    CHECK_FREE(reverse_words("  hello world  "), "world hello");
    CHECK_FREE(reverse_words(""), "");
    CHECK_FREE(trim("  padded\t\n"), "padded");
    CHECK_FREE(trim("none"), "none");
    CHECK_FREE(trim("   "), "");
    CHECK_INT(first_vowel_index("rhythm"), -1);
    CHECK_INT(first_vowel_index("strength"), 3);
    CHECK_INT(first_vowel_index("Apple"), 0);
    CHECK_INT(prefix_without("hello, world", ",;"), 5);
    CHECK_INT(prefix_without("abc", "xyz"), 3);
    CHECK_STR(file_extension("archive.tar.gz"), "gz");
    CHECK_STR(file_extension("/home/a.b/file"), "");
    CHECK_STR(file_extension(".bashrc"), "");
    CHECK_STR(file_extension("x.c"), "c");
    int a[] = {1, 2, 3, 4, 5, 6, 7};
    rotate_left(a, 7, 3);
    int e[] = {4, 5, 6, 7, 1, 2, 3};
    CHECK(arrays_equal(a, e, 7));
    rotate_left(a, 7, -3);
    int e2[] = {1, 2, 3, 4, 5, 6, 7};
    CHECK(arrays_equal(a, e2, 7));
    CHECK(!arrays_equal(a, e, 7));
    rotate_left(a, 0, 5);
    CHECK_FREE(replace_all("a cat and a hat", "at", "og"), "a cog and a hog");
    CHECK_FREE(replace_all("aaaa", "aa", "b"), "bb");
    CHECK_FREE(replace_all("nothing", "xyz", "q"), "nothing");
    CHECK_FREE(replace_all("x", "x", ""), "");
    CHECK_INT(equal_ignore_case("HeLLo", "hello"), 1);
    CHECK_INT(equal_ignore_case("Hello", "help"), 0);
    char buf[16];
    copy_truncated(buf, "truncate me", 5);
    CHECK_STR(buf, "trunc");
    copy_truncated(buf, "ab", 4);
    CHECK_STR(buf, "ab");
    const char *w[] = {"alpha", "be", "gamma"};
    CHECK_FREE(join_prefixes(w, 3, 3), "alp-be-gam");
    CHECK_FREE(join_prefixes(w, 0, 3), "");
    END_CHECKS();
}

#include <stdlib.h>
#include "../check.h"

int count_words(const char *s);
char *capitalize_words(const char *s);
int select_words(const char *s, int n, char out[][32], int max_out);

int main(void) {
    CHECK_INT(count_words(""), 0);
    CHECK_INT(count_words("   "), 0);
    CHECK_INT(count_words("one"), 1);
    CHECK_INT(count_words("  the quick\tbrown\nfox  "), 4);
    char *c = capitalize_words("hello big  world");
    CHECK_STR(c, "Hello Big  World");
    free(c);
    char out[8][32];
    int n = select_words("Mary had a little lamb", 4, out, 8);
    CHECK_INT(n, 1);
    CHECK_STR(out[0], "little");
    n = select_words("Mary had a little lamb", 3, out, 8);
    CHECK_INT(n, 2);
    CHECK_STR(out[0], "Mary");
    CHECK_STR(out[1], "lamb");
    CHECK_INT(select_words("", 4, out, 8), 0);
    n = select_words("Uncle sam", 3, out, 8);
    CHECK_INT(n, 1);
    CHECK_STR(out[0], "Uncle");
    END_CHECKS();
}

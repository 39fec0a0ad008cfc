#include <stddef.h>
#include "../check.h"

size_t my_strlen(const char *s);
size_t wide_len(const int *s);
int count_char(const char *s, char c);
long last_index_of(const char *s, char c);
int common_prefix(const char *a, const char *b);

int main(void) {
    static char big[5000];
    memset(big, 'q', sizeof big - 1);
    CHECK_UINT(my_strlen(""), 0);
    CHECK_UINT(my_strlen("x"), 1);
    CHECK_UINT(my_strlen("asdasnakj"), 9);
    CHECK_UINT(my_strlen(big), 4999);
    int w[] = {5, 6, 7, -1, 0, 9};
    CHECK_UINT(wide_len(w), 4);
    CHECK_INT(count_char("mississippi", 's'), 4);
    CHECK_INT(count_char("mississippi", 'z'), 0);
    CHECK_INT(count_char("\xff\xfe\xff", '\xff'), 2);
    CHECK_INT(last_index_of("hello world", 'o'), 7);
    CHECK_INT(last_index_of("hello world", 'z'), -1);
    CHECK_INT(common_prefix("translate", "transport"), 5);
    CHECK_INT(common_prefix("", "abc"), 0);
    END_CHECKS();
}

#include <stdlib.h>
#include "../check.h"

char **filter_by_substring(char **strings, int n, const char *substring, int *out_n);
char **filter_by_prefix(char **strings, int n, const char *prefix, int *out_n);
char **all_prefixes(const char *string, int *out_n);
int how_many_times(const char *string, const char *substring);

int main(void) {
    char *s1[] = {"xxx", "asd", "xxy", "john doe", "xxxAAA", "xxx"};
    int n;
    char **r = filter_by_substring(s1, 6, "xxx", &n);
    CHECK_INT(n, 3);
    CHECK(r[0] == s1[0]); CHECK(r[1] == s1[4]); CHECK(r[2] == s1[5]);
    free(r);
    char *s2[] = {"grunt", "trumpet", "prune", "gruesome"};
    r = filter_by_substring(s2, 4, "run", &n);
    CHECK_INT(n, 2);
    CHECK_STR(r[0], "grunt"); CHECK_STR(r[1], "prune");
    free(r);
    r = filter_by_substring(s2, 0, "run", &n);
    CHECK_INT(n, 0);
    free(r);
    r = filter_by_prefix(s1, 6, "xx", &n);
    CHECK_INT(n, 4);
    CHECK_STR(r[3], "xxx");
    free(r);
    r = filter_by_prefix(s2, 4, "", &n);
    CHECK_INT(n, 4);
    free(r);

    char **p = all_prefixes("asdfgh", &n);
    CHECK_INT(n, 6);
    CHECK_STR(p[0], "a"); CHECK_STR(p[2], "asd"); CHECK_STR(p[5], "asdfgh");
    for (int i = 0; i < n; i++) free(p[i]);
    free(p);
    p = all_prefixes("", &n);
    CHECK_INT(n, 0);
    free(p);
    p = all_prefixes("WWW", &n);
    CHECK_INT(n, 3);
    CHECK_STR(p[1], "WW");
    for (int i = 0; i < n; i++) free(p[i]);
    free(p);

    CHECK_INT(how_many_times("", "x"), 0);
    CHECK_INT(how_many_times("xyxyxyx", "x"), 4);
    CHECK_INT(how_many_times("cacacacac", "cac"), 4);
    CHECK_INT(how_many_times("john doe", "john"), 1);
    CHECK_INT(how_many_times("aaaa", "aa"), 3);
    END_CHECKS();
}

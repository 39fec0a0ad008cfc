#include <stdbool.h>
#include <stdlib.h>
#include "../check.h"

const char *exchange(const int *lst1, int n1, const int *lst2, int n2);
int histogram(const char *test, int counts[26]);
char *reverse_delete(const char *s, const char *c, bool *is_pal);
char **odd_count(const char **lst, int n);

int main(void) {
    CHECK_STR(exchange((int[]){1, 2, 3, 4}, 4, (int[]){1, 2, 3, 4}, 4), "YES");
    CHECK_STR(exchange((int[]){1, 2, 3, 4}, 4, (int[]){1, 5, 3, 4}, 4), "NO");
    CHECK_STR(exchange((int[]){1, 2, 3, 4}, 4, (int[]){2, 1, 4, 3}, 4), "YES");
    CHECK_STR(exchange((int[]){5, 7, 3}, 3, (int[]){2, 6, 4}, 3), "YES");
    CHECK_STR(exchange((int[]){5, 7, 3}, 3, (int[]){2, 6, 3}, 3), "NO");
    CHECK_STR(exchange((int[]){3, 2, 6, 1, 8, 9}, 6, (int[]){3, 5, 5, 1, 1, 1}, 6), "NO");
    CHECK_STR(exchange((int[]){100, 200}, 2, (int[]){200, 200}, 2), "YES");
    int h[26];
    CHECK_INT(histogram("a b b a", h), 2);
    CHECK_INT(h[0], 2); CHECK_INT(h[1], 2); CHECK_INT(h[2], 0);
    CHECK_INT(histogram("a b c a b", h), 2);
    CHECK_INT(h[0], 2); CHECK_INT(h[1], 2); CHECK_INT(h[2], 0);
    CHECK_INT(histogram("a b c d g", h), 1);
    CHECK_INT(h[0] + h[1] + h[2] + h[3] + h[6], 5);
    CHECK_INT(histogram("b b b b a", h), 4);
    CHECK_INT(h[1], 4); CHECK_INT(h[0], 0);
    CHECK_INT(histogram("", h), 0);
    int z = 0;
    for (int i = 0; i < 26; i++) z += h[i];
    CHECK_INT(z, 0);
    CHECK_INT(histogram("a", h), 1);
    CHECK_INT(h[0], 1);
    bool p;
    char *r = reverse_delete("abcde", "ae", &p);
    CHECK_STR(r, "bcd"); CHECK_INT(p, 0); free(r);
    r = reverse_delete("abcdef", "b", &p);
    CHECK_STR(r, "acdef"); CHECK_INT(p, 0); free(r);
    r = reverse_delete("abcdedcba", "ab", &p);
    CHECK_STR(r, "cdedc"); CHECK_INT(p, 1); free(r);
    r = reverse_delete("dwik", "w", &p);
    CHECK_STR(r, "dik"); CHECK_INT(p, 0); free(r);
    r = reverse_delete("a", "a", &p);
    CHECK_STR(r, ""); CHECK_INT(p, 1); free(r);
    r = reverse_delete("vabba", "v", &p);
    CHECK_STR(r, "abba"); CHECK_INT(p, 1); free(r);
    const char *in[] = {"1234567", "3", "11111111"};
    char **o = odd_count(in, 3);
    CHECK_STR(o[0], "the number of odd elements 4n the str4ng 4 of the 4nput.");
    CHECK_STR(o[1], "the number of odd elements 1n the str1ng 1 of the 1nput.");
    CHECK_STR(o[2], "the number of odd elements 8n the str8ng 8 of the 8nput.");
    for (int i = 0; i < 3; i++) free(o[i]);
    free(o);
    const char *in2[] = {"271", "137", "314"};
    o = odd_count(in2, 3);
    CHECK_STR(o[0], "the number of odd elements 2n the str2ng 2 of the 2nput.");
    CHECK_STR(o[1], "the number of odd elements 3n the str3ng 3 of the 3nput.");
    for (int i = 0; i < 3; i++) free(o[i]);
    free(o);
    END_CHECKS();
}

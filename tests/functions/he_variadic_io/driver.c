#include <stdlib.h>
#include "../check.h"

int sum_ints(int count, ...);
double average_doubles(int count, ...);
char *concat_strings(int count, ...);
long mixed_sum(const char *types, ...);
int format_into(char *buf, size_t n, const char *fmt, ...);
int print_report(const int *a, int n);
int index_of_sorted(const int *sorted, int n, int key);
int find_word(const char **sorted, int n, const char *w);
int random_sum(unsigned seed, int n);

int main(void) {
    CHECK_INT(sum_ints(0), 0);
    CHECK_INT(sum_ints(3, 1, 2, 3), 6);
    CHECK_INT(sum_ints(10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 55);
    CHECK_NEAR(average_doubles(2, 1.5, 2.5), 2.0, 0);
    CHECK_NEAR(average_doubles(5, 1.0, 2.0, 3.0, 4.0, 5.0), 3.0, 0);
    CHECK_NEAR(average_doubles(0), 0, 0);
    char *s = concat_strings(3, "ab", "", "cde");
    CHECK_STR(s, "abcde");
    free(s);
    s = concat_strings(8, "a", "b", "c", "d", "e", "f", "g", "h");
    CHECK_STR(s, "abcdefgh");
    free(s);
    CHECK_INT(mixed_sum("idls", 5, 2.5, 10L, "xyz"), 20);
    CHECK_INT(mixed_sum("dddii", 0.5, 0.25, 0.25, 7, 8), 16);
    CHECK_INT(mixed_sum(""), 0);
    char buf[64];
    CHECK_INT(format_into(buf, sizeof buf, "%s-%d-%.2f-%c", "x", 42, 2.5, 'z'), 11);
    CHECK_STR(buf, "x-42-2.50-z");
    CHECK_INT(format_into(buf, 4, "%d", 123456), 6);
    CHECK_STR(buf, "123");
    CHECK_INT(print_report((int[]){1, 22, 333}, 3), 7 + 2 + 3 + 4 + 1);
    int sorted[] = {-5, 0, 3, 8, 13, 21, 34, 55};
    CHECK_INT(index_of_sorted(sorted, 8, 13), 4);
    CHECK_INT(index_of_sorted(sorted, 8, -5), 0);
    CHECK_INT(index_of_sorted(sorted, 8, 55), 7);
    CHECK_INT(index_of_sorted(sorted, 8, 4), -1);
    CHECK_INT(index_of_sorted(sorted, 0, 4), -1);
    const char *words[] = {"apple", "banana", "cherry", "date", "fig"};
    CHECK_INT(find_word(words, 5, "date"), 3);
    CHECK_INT(find_word(words, 5, "grape"), -1);
    srand(7);
    int e = 0;
    for (int i = 0; i < 50; i++) e += rand() % 100;
    CHECK_INT(random_sum(7, 50), e);
    END_CHECKS();
}

#include <stdlib.h>
#include "../check.h"

long long minSubArraySum(const long long *nums, int n);
int max_fill(const int *grid, int rows, int cols, int capacity);
char **select_words(const char *s, int n, int *out_n);
char get_closest_vowel(const char *word);

int main(void) {
    CHECK_INT(minSubArraySum((long long[]){2, 3, 4, 1, 2, 4}, 6), 1);
    CHECK_INT(minSubArraySum((long long[]){-1, -2, -3}, 3), -6);
    CHECK_INT(minSubArraySum((long long[]){-1, -2, -3, 2, -10}, 5), -14);
    CHECK_INT(minSubArraySum((long long[]){-9999999999999999LL}, 1), -9999999999999999LL);
    CHECK_INT(minSubArraySum((long long[]){0, 10, 20, 1000000}, 4), 0);
    CHECK_INT(minSubArraySum((long long[]){-1, -2, -3, 10, -5}, 5), -6);
    CHECK_INT(minSubArraySum((long long[]){100, -1, -2, -3, 10, -5}, 6), -6);
    CHECK_INT(minSubArraySum((long long[]){10, 11, 13, 8, 3, 4}, 6), 3);
    CHECK_INT(minSubArraySum((long long[]){100, -33, 32, -1, 0, -2}, 6), -33);
    CHECK_INT(minSubArraySum((long long[]){-10}, 1), -10);
    CHECK_INT(minSubArraySum((long long[]){7}, 1), 7);
    CHECK_INT(minSubArraySum((long long[]){1, -1}, 2), -1);
    int g1[] = {0, 0, 1, 0, 0, 1, 0, 0, 1, 1, 1, 1};
    CHECK_INT(max_fill(g1, 3, 4, 1), 6);
    int g2[] = {0, 0, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1, 0, 1, 1, 1};
    CHECK_INT(max_fill(g2, 4, 4, 2), 5);
    int g3[] = {0, 0, 0, 0, 0, 0};
    CHECK_INT(max_fill(g3, 2, 3, 5), 0);
    int g4[] = {1, 1, 1, 1, 1, 1, 1, 1};
    CHECK_INT(max_fill(g4, 2, 4, 2), 4);
    CHECK_INT(max_fill(g4, 2, 4, 9), 2);
    int n;
    char **w = select_words("Mary had a little lamb", 4, &n);
    CHECK_INT(n, 1); CHECK_STR(w[0], "little");
    for (int i = 0; i < n; i++) free(w[i]);
    free(w);
    w = select_words("Mary had a little lamb", 3, &n);
    CHECK_INT(n, 2); CHECK_STR(w[0], "Mary"); CHECK_STR(w[1], "lamb");
    for (int i = 0; i < n; i++) free(w[i]);
    free(w);
    w = select_words("simple white space", 2, &n);
    CHECK_INT(n, 0);
    free(w);
    w = select_words("Hello world", 4, &n);
    CHECK_INT(n, 1); CHECK_STR(w[0], "world");
    for (int i = 0; i < n; i++) free(w[i]);
    free(w);
    w = select_words("", 4, &n);
    CHECK_INT(n, 0);
    free(w);
    w = select_words("a b c d e f", 1, &n);
    CHECK_INT(n, 4); CHECK_STR(w[0], "b"); CHECK_STR(w[3], "f");
    for (int i = 0; i < n; i++) free(w[i]);
    free(w);
    CHECK_INT(get_closest_vowel("yogurt"), 'u');
    CHECK_INT(get_closest_vowel("full"), 'u');
    CHECK_INT(get_closest_vowel("easy"), 0);
    CHECK_INT(get_closest_vowel("eAsy"), 0);
    CHECK_INT(get_closest_vowel("ali"), 0);
    CHECK_INT(get_closest_vowel("bad"), 'a');
    CHECK_INT(get_closest_vowel("most"), 'o');
    CHECK_INT(get_closest_vowel("ab"), 0);
    CHECK_INT(get_closest_vowel("ba"), 0);
    CHECK_INT(get_closest_vowel("quick"), 0);
    CHECK_INT(get_closest_vowel("anime"), 'i');
    CHECK_INT(get_closest_vowel("Asia"), 0);
    CHECK_INT(get_closest_vowel("Above"), 'o');
    END_CHECKS();
}

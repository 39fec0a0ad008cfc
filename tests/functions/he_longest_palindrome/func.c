/* HumanEval/12 longest (NULL for an empty list), HumanEval/48 is_palindrome, HumanEval/10 make_palindrome. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

const char *longest(const char **strings, int n) {
    if (n == 0) return NULL;
    const char *best = strings[0];
    size_t best_len = strlen(best);
    for (int i = 1; i < n; i++) {
        size_t l = strlen(strings[i]);
        if (l > best_len) {
            best = strings[i];
            best_len = l;
        }
    }
    return best;
}

bool is_palindrome(const char *text) {
    int n = (int)strlen(text);
    for (int i = 0; i < n / 2; i++)
        if (text[i] != text[n - 1 - i]) return false;
    return true;
}

static bool is_pal_range(const char *s, int from, int to) {
    while (from < to) {
        if (s[from] != s[to]) return false;
        from++;
        to--;
    }
    return true;
}

char *make_palindrome(const char *string) {
    int n = (int)strlen(string);
    int start = 0;
    while (start < n && !is_pal_range(string, start, n - 1)) start++;
    char *out = malloc(n + start + 1);
    strcpy(out, string);
    for (int i = 0; i < start; i++) out[n + i] = string[start - 1 - i];
    out[n + start] = '\0';
    return out;
}

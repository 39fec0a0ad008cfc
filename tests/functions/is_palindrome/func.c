/* HumanEval/10 & 48: palindrome test and shortest palindrome with the given prefix (malloc'd). */
#include <stdlib.h>
#include <string.h>
#include <stdbool.h>

bool is_palindrome(const char *text) {
    size_t n = strlen(text);
    for (size_t i = 0; i < n / 2; i++)
        if (text[i] != text[n - 1 - i]) return false;
    return true;
}

char *make_palindrome(const char *s) {
    size_t n = strlen(s), k = 0;
    while (k < n && !is_palindrome(s + k)) k++;
    char *out = malloc(n + k + 1);
    memcpy(out, s, n);
    for (size_t i = 0; i < k; i++) out[n + i] = s[k - 1 - i];
    out[n + k] = '\0';
    return out;
}

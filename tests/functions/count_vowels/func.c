/* HumanEval/64: count vowels ('y' only at the end), plus consonant and case-insensitive counts. */
#include <ctype.h>
#include <string.h>

int vowels_count(const char *s) {
    int n = 0;
    size_t len = strlen(s);
    for (size_t i = 0; i < len; i++) {
        char c = (char)tolower((unsigned char)s[i]);
        if (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u') n++;
    }
    if (len && (s[len - 1] == 'y' || s[len - 1] == 'Y')) n++;
    return n;
}

int consonants_count(const char *s) {
    int n = 0;
    for (; *s; s++)
        if (isalpha((unsigned char)*s) && !strchr("aeiouAEIOU", *s)) n++;
    return n;
}

/* HumanEval/27 flip_case (islower/toupper), HumanEval/51 remove_vowels, HumanEval/50 encode_shift/decode_shift,
 * HumanEval/38 encode_cyclic/decode_cyclic. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

char *flip_case(const char *str) {
    size_t n = strlen(str);
    char *out = malloc(n + 1);
    for (size_t i = 0; i < n; i++) {
        char w = str[i];
        if (islower((unsigned char)w)) w = (char)toupper((unsigned char)w);
        else if (isupper((unsigned char)w)) w = (char)tolower((unsigned char)w);
        out[i] = w;
    }
    out[n] = '\0';
    return out;
}

char *remove_vowels(const char *text) {
    char *out = malloc(strlen(text) + 1);
    int k = 0;
    for (const char *p = text; *p; p++)
        if (strchr("AEIOUaeiou", *p) == NULL) out[k++] = *p;
    out[k] = '\0';
    return out;
}

void encode_shift(char *s) {
    for (; *s; s++) *s = (char)(((*s + 5 - 'a') % 26) + 'a');
}

void decode_shift(char *s) {
    for (; *s; s++) *s = (char)(((*s + 21 - 'a') % 26) + 'a');
}

void encode_cyclic(char *s) {
    int n = (int)strlen(s);
    for (int i = 0; i + 3 <= n; i += 3) {
        char t = s[i];
        s[i] = s[i + 1];
        s[i + 1] = s[i + 2];
        s[i + 2] = t;
    }
}

void decode_cyclic(char *s) {
    int n = (int)strlen(s);
    for (int i = 0; i + 3 <= n; i += 3) {
        char t = s[i + 2];
        s[i + 2] = s[i + 1];
        s[i + 1] = s[i];
        s[i] = t;
    }
}

/* Word-level string processing: count words, capitalise words (malloc'd), words with n consonants (HumanEval/117). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

int count_words(const char *s) {
    int n = 0, in = 0;
    for (; *s; s++) {
        if (isspace((unsigned char)*s)) in = 0;
        else if (!in) { in = 1; n++; }
    }
    return n;
}

char *capitalize_words(const char *s) {
    char *r = strdup(s);
    int start = 1;
    for (char *p = r; *p; p++) {
        if (isspace((unsigned char)*p)) start = 1;
        else { if (start) *p = (char)toupper((unsigned char)*p); start = 0; }
    }
    return r;
}

int select_words(const char *s, int n, char out[][32], int max_out) {
    int count = 0;
    const char *p = s;
    while (*p) {
        while (*p == ' ') p++;
        if (!*p) break;
        const char *start = p;
        int consonants = 0;
        while (*p && *p != ' ') {
            char c = (char)tolower((unsigned char)*p);
            if (isalpha((unsigned char)c) && !strchr("aeiou", c)) consonants++;
            p++;
        }
        if (consonants == n && count < max_out) {
            size_t len = (size_t)(p - start);
            if (len > 31) len = 31;
            memcpy(out[count], start, len);
            out[count][len] = '\0';
            count++;
        }
    }
    return count;
}

/* strlen-like loops over various element types, character counting, last index of. */
#include <stddef.h>

size_t my_strlen(const char *s) {
    size_t n = 0;
    while (s[n]) n++;
    return n;
}

size_t wide_len(const int *s) {
    const int *p = s;
    while (*p) p++;
    return (size_t)(p - s);
}

int count_char(const char *s, char c) {
    int n = 0;
    for (; *s; s++) n += *s == c;
    return n;
}

long last_index_of(const char *s, char c) {
    long idx = -1;
    for (long i = 0; s[i]; i++) if (s[i] == c) idx = i;
    return idx;
}

int common_prefix(const char *a, const char *b) {
    int n = 0;
    while (a[n] && a[n] == b[n]) n++;
    return n;
}

/* Functions returning malloc'd strings that the native caller frees. */
#include <stdlib.h>
#include <string.h>

char *reverse_string(const char *s) {
    size_t n = strlen(s);
    char *r = malloc(n + 1);
    for (size_t i = 0; i < n; i++) r[i] = s[n - 1 - i];
    r[n] = '\0';
    return r;
}

char *concat(const char *a, const char *b) {
    size_t la = strlen(a), lb = strlen(b);
    char *r = malloc(la + lb + 1);
    memcpy(r, a, la);
    memcpy(r + la, b, lb + 1);
    return r;
}

char *repeat(const char *s, int times) {
    size_t n = strlen(s);
    char *r = malloc(n * (size_t)(times > 0 ? times : 0) + 1);
    char *p = r;
    for (int i = 0; i < times; i++) { memcpy(p, s, n); p += n; }
    *p = '\0';
    return r;
}

char *string_xor(const char *a, const char *b) {
    size_t n = strlen(a);
    char *r = calloc(n + 1, 1);
    for (size_t i = 0; i < n; i++) r[i] = a[i] == b[i] ? '0' : '1';
    return r;
}

char *flip_case(const char *s) {
    char *r = strdup(s);
    for (char *p = r; *p; p++) {
        if (*p >= 'a' && *p <= 'z') *p = (char)(*p - 32);
        else if (*p >= 'A' && *p <= 'Z') *p = (char)(*p + 32);
    }
    return r;
}

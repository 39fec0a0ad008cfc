/* libc string functions from translated code: strtok_r, strspn/strcspn, strpbrk, strrchr, memmove, memcmp,
 * strncpy, strncat, strndup, strcasecmp, strstr loops; word reversal, trimming, replacement. */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int count_tokens(const char *s, const char *delims) {
    char *copy = strdup(s);
    char *save = NULL;
    int n = 0;
    for (char *t = strtok_r(copy, delims, &save); t; t = strtok_r(NULL, delims, &save)) n++;
    free(copy);
    return n;
}

char *reverse_words(const char *s) {
    size_t len = strlen(s);
    char *out = malloc(len + 1);
    out[0] = '\0';
    char *copy = strdup(s);
    char *words[128];
    int n = 0;
    char *save;
    for (char *t = strtok_r(copy, " ", &save); t && n < 128; t = strtok_r(NULL, " ", &save)) words[n++] = t;
    for (int i = n - 1; i >= 0; i--) {
        strcat(out, words[i]);
        if (i) strcat(out, " ");
    }
    free(copy);
    return out;
}

char *trim(const char *s) {
    s += strspn(s, " \t\n");
    size_t n = strlen(s);
    while (n > 0 && strchr(" \t\n", s[n - 1])) n--;
    return strndup(s, n);
}

int first_vowel_index(const char *s) {
    const char *p = strpbrk(s, "aeiouAEIOU");
    return p ? (int)(p - s) : -1;
}

int prefix_without(const char *s, const char *reject) { return (int)strcspn(s, reject); }

const char *file_extension(const char *path) {
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');
    if (!dot || (slash && dot < slash) || dot == path) return "";
    return dot + 1;
}

void rotate_left(int *a, int n, int k) {
    if (n == 0) return;
    k %= n;
    if (k < 0) k += n;
    int *tmp = malloc(sizeof(int) * (k ? k : 1));
    memcpy(tmp, a, sizeof(int) * k);
    memmove(a, a + k, sizeof(int) * (n - k));
    memcpy(a + n - k, tmp, sizeof(int) * k);
    free(tmp);
}

int arrays_equal(const int *a, const int *b, int n) { return memcmp(a, b, sizeof(int) * n) == 0; }

char *replace_all(const char *s, const char *from, const char *to) {
    size_t lf = strlen(from), lt = strlen(to);
    int count = 0;
    for (const char *p = strstr(s, from); p; p = strstr(p + lf, from)) count++;
    char *out = malloc(strlen(s) + (size_t)count * lt + 1);
    char *o = out;
    const char *p = s;
    for (const char *q = strstr(p, from); q; q = strstr(p, from)) {
        memcpy(o, p, (size_t)(q - p));
        o += q - p;
        memcpy(o, to, lt);
        o += lt;
        p = q + lf;
    }
    strcpy(o, p);
    return out;
}

int equal_ignore_case(const char *a, const char *b) { return strcasecmp(a, b) == 0; }

void copy_truncated(char *dst, const char *src, size_t n) {
    strncpy(dst, src, n);
    dst[n] = '\0';
}

char *join_prefixes(const char **words, int n, size_t k) {
    char *out = calloc((size_t)n * (k + 1) + 1, 1);
    for (int i = 0; i < n; i++) {
        if (i) strcat(out, "-");
        strncat(out, words[i], k);
    }
    return out;
}

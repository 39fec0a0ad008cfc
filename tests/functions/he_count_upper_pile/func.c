/* HumanEval/98 count_upper, HumanEval/99 closest_integer (atof/round), HumanEval/100 make_a_pile,
 * HumanEval/101 words_string (split on spaces and commas into malloc'd strings). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

int count_upper(const char *s) {
    const char *uvowel = "AEIOU";
    int count = 0;
    for (int i = 0; s[i] != '\0' && s[i + 1 - 1] != '\0'; i += 2) {
        if (strchr(uvowel, s[i])) count += 1;
        if (s[i + 1] == '\0') break;
    }
    return count;
}

int closest_integer(const char *value) {
    double w = atof(value);
    return (int)round(w);
}

int closest_integer_strtod(const char *value) {
    char *end;
    double w = strtod(value, &end);
    double f = floor(w);
    double diff = w - f;
    if (diff > 0.5) return (int)f + 1;
    if (diff < 0.5) return (int)f;
    return w > 0 ? (int)f + 1 : (int)f;
}

int *make_a_pile(int n) {
    int *out = malloc(sizeof(int) * (n > 0 ? n : 1));
    if (n > 0) out[0] = n;
    for (int i = 1; i < n; i++) out[i] = out[i - 1] + 2;
    return out;
}

char **words_string(const char *s, int *out_n) {
    int cap = 2, n = 0;
    char **out = malloc(sizeof(char *) * cap);
    const char *p = s;
    while (*p) {
        while (*p == ' ' || *p == ',') p++;
        if (!*p) break;
        const char *start = p;
        while (*p && *p != ' ' && *p != ',') p++;
        if (n == cap) {
            cap *= 2;
            out = realloc(out, sizeof(char *) * cap);
        }
        size_t len = (size_t)(p - start);
        out[n] = malloc(len + 1);
        memcpy(out[n], start, len);
        out[n][len] = '\0';
        n++;
    }
    *out_n = n;
    return out;
}

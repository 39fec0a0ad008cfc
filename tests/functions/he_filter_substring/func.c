/* HumanEval/7 filter_by_substring, HumanEval/29 filter_by_prefix, HumanEval/14 all_prefixes,
 * HumanEval/18 how_many_times. */
#include <stdlib.h>
#include <string.h>

char **filter_by_substring(char **strings, int n, const char *substring, int *out_n) {
    char **out = malloc(sizeof(char *) * (n > 0 ? n : 1));
    int k = 0;
    for (int i = 0; i < n; i++)
        if (strstr(strings[i], substring) != NULL) out[k++] = strings[i];
    *out_n = k;
    return out;
}

char **filter_by_prefix(char **strings, int n, const char *prefix, int *out_n) {
    char **out = malloc(sizeof(char *) * (n > 0 ? n : 1));
    size_t pl = strlen(prefix);
    int k = 0;
    for (int i = 0; i < n; i++)
        if (strncmp(strings[i], prefix, pl) == 0) out[k++] = strings[i];
    *out_n = k;
    return out;
}

char **all_prefixes(const char *string, int *out_n) {
    int len = (int)strlen(string);
    char **out = malloc(sizeof(char *) * (len > 0 ? len : 1));
    for (int i = 0; i < len; i++) {
        out[i] = malloc(i + 2);
        memcpy(out[i], string, i + 1);
        out[i][i + 1] = '\0';
    }
    *out_n = len;
    return out;
}

int how_many_times(const char *string, const char *substring) {
    int times = 0;
    size_t n = strlen(string), m = strlen(substring);
    if (m == 0) return 0;
    for (size_t i = 0; i + m <= n; i++)
        if (strncmp(string + i, substring, m) == 0) times++;
    return times;
}

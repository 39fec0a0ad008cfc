/* HumanEval/110 exchange ("YES"/"NO"), HumanEval/111 histogram (letter counts, out array + max),
 * HumanEval/112 reverse_delete (malloc'd string + bool out param), HumanEval/113 odd_count (snprintf). */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *exchange(const int *lst1, int n1, const int *lst2, int n2) {
    int num = 0;
    for (int i = 0; i < n1; i++)
        if (lst1[i] % 2 == 0) num += 1;
    for (int i = 0; i < n2; i++)
        if (lst2[i] % 2 == 0) num += 1;
    if (num >= n1) return "YES";
    return "NO";
}

int histogram(const char *test, int counts[26]) {
    memset(counts, 0, 26 * sizeof(int));
    int max = 0;
    for (const char *p = test; *p; p++)
        if (*p >= 'a' && *p <= 'z') {
            int c = ++counts[*p - 'a'];
            if (c > max) max = c;
        }
    for (int i = 0; i < 26; i++)
        if (counts[i] != max) counts[i] = 0;
    return max;
}

char *reverse_delete(const char *s, const char *c, bool *is_pal) {
    size_t n = strlen(s);
    char *out = malloc(n + 1);
    int k = 0;
    for (size_t i = 0; i < n; i++)
        if (strchr(c, s[i]) == NULL) out[k++] = s[i];
    out[k] = '\0';
    bool pal = true;
    for (int i = 0; i < k / 2; i++)
        if (out[i] != out[k - 1 - i]) pal = false;
    *is_pal = pal;
    return out;
}

char **odd_count(const char **lst, int n) {
    char **out = malloc(sizeof(char *) * (n ? n : 1));
    for (int i = 0; i < n; i++) {
        int sum = 0;
        for (const char *p = lst[i]; *p; p++)
            if (*p >= '0' && *p <= '9' && (*p - '0') % 2 == 1) sum += 1;
        char buf[128];
        snprintf(buf, sizeof buf, "the number of odd elements %dn the str%dng %d of the %dnput.", sum, sum, sum, sum);
        out[i] = malloc(strlen(buf) + 1);
        strcpy(out[i], buf);
    }
    return out;
}

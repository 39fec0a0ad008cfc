/* HumanEval/15 string_sequence (sprintf into malloc'd buffer), HumanEval/16 count_distinct_characters,
 * HumanEval/23 strlen, HumanEval/28 concatenate, HumanEval/11 string_xor. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *string_sequence(int n) {
    size_t cap = 16;
    for (int i = 0; i <= n; i++) cap += 12;
    char *out = malloc(cap);
    char *p = out;
    p += sprintf(p, "0");
    for (int i = 1; i <= n; i++) p += sprintf(p, " %d", i);
    return out;
}

int count_distinct_characters(const char *string) {
    int seen[256] = {0};
    int count = 0;
    for (const char *p = string; *p; p++) {
        unsigned char c = (unsigned char)tolower((unsigned char)*p);
        if (!seen[c]) {
            seen[c] = 1;
            count++;
        }
    }
    return count;
}

int my_strlen(const char *string) {
    int n = 0;
    while (string[n] != '\0') n++;
    return n;
}

char *concatenate(const char **strings, int n) {
    size_t total = 1;
    for (int i = 0; i < n; i++) total += strlen(strings[i]);
    char *out = malloc(total);
    out[0] = '\0';
    for (int i = 0; i < n; i++) strcat(out, strings[i]);
    return out;
}

char *string_xor(const char *a, const char *b) {
    size_t n = strlen(a);
    char *out = malloc(n + 1);
    for (size_t i = 0; i < n; i++) out[i] = (a[i] == b[i]) ? '0' : '1';
    out[n] = 0;
    return out;
}

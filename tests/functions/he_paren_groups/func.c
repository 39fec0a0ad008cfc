/* HumanEval/1 separate_paren_groups (char** result), HumanEval/6 parse_nested_parens (int* result). */
#include <stdlib.h>
#include <string.h>

char **separate_paren_groups(const char *paren_string, int *count) {
    int cap = 4, n = 0;
    char **groups = malloc(cap * sizeof(char *));
    size_t len = strlen(paren_string);
    char *cur = malloc(len + 1);
    int cl = 0, level = 0;
    for (size_t i = 0; i < len; i++) {
        char c = paren_string[i];
        if (c == '(') {
            level++;
            cur[cl++] = c;
        } else if (c == ')') {
            level--;
            cur[cl++] = c;
            if (level == 0) {
                cur[cl] = '\0';
                if (n == cap) {
                    cap *= 2;
                    groups = realloc(groups, cap * sizeof(char *));
                }
                groups[n++] = strdup(cur);
                cl = 0;
            }
        }
    }
    free(cur);
    *count = n;
    return groups;
}

int *parse_nested_parens(const char *paren_string, int *count) {
    int *out = malloc(sizeof(int) * (strlen(paren_string) + 1));
    int n = 0, level = 0, max_level = 0;
    for (const char *p = paren_string;; p++) {
        char c = *p;
        if (c == '(') {
            level++;
            if (level > max_level) max_level = level;
        } else if (c == ')') {
            level--;
        } else if (c == ' ' || c == '\0') {
            if (max_level > 0) out[n++] = max_level;
            level = max_level = 0;
            if (c == '\0') break;
        }
    }
    *count = n;
    return out;
}

#include <stdlib.h>
#include "../check.h"

char **separate_paren_groups(const char *paren_string, int *count);
int *parse_nested_parens(const char *paren_string, int *count);

static void free_groups(char **g, int n) {
    for (int i = 0; i < n; i++) free(g[i]);
    free(g);
}

int main(void) {
    int n;
    char **g = separate_paren_groups("( ) (( )) (( )( ))", &n);
    CHECK_INT(n, 3);
    CHECK_STR(g[0], "()"); CHECK_STR(g[1], "(())"); CHECK_STR(g[2], "(()())");
    free_groups(g, n);
    g = separate_paren_groups("(()()) ((())) () ((())()())", &n);
    CHECK_INT(n, 4);
    CHECK_STR(g[0], "(()())"); CHECK_STR(g[1], "((()))"); CHECK_STR(g[2], "()"); CHECK_STR(g[3], "((())()())");
    free_groups(g, n);
    g = separate_paren_groups("() (()) ((())) (((())))", &n);
    CHECK_INT(n, 4);
    CHECK_STR(g[3], "(((())))");
    free_groups(g, n);
    g = separate_paren_groups("", &n);
    CHECK_INT(n, 0);
    free_groups(g, n);
    g = separate_paren_groups("()()()()()()", &n);
    CHECK_INT(n, 6);
    CHECK_STR(g[5], "()");
    free_groups(g, n);

    int *r = parse_nested_parens("(()()) ((())) () ((())()())", &n);
    CHECK_INT(n, 4);
    CHECK_INT(r[0], 2); CHECK_INT(r[1], 3); CHECK_INT(r[2], 1); CHECK_INT(r[3], 3);
    free(r);
    r = parse_nested_parens("() (()) ((())) (((())))", &n);
    CHECK_INT(n, 4);
    for (int i = 0; i < 4; i++) CHECK_INT(r[i], i + 1);
    free(r);
    r = parse_nested_parens("(()(())((())))", &n);
    CHECK_INT(n, 1); CHECK_INT(r[0], 4);
    free(r);
    r = parse_nested_parens("", &n);
    CHECK_INT(n, 0);
    free(r);
    END_CHECKS();
}

/* State machines: a lexer for arithmetic/identifiers, a simple glob matcher, a turnstile FSM. */
#include <stdio.h>
#include <ctype.h>

enum tok { T_NUM, T_ID, T_OP, T_LP, T_RP, T_STR, T_END, T_ERR };
static const char *tname[] = {"NUM", "ID", "OP", "LP", "RP", "STR", "END", "ERR"};

static enum tok lex(const char **ps, char *text) {
    const char *s = *ps;
    while (*s == ' ' || *s == '\t') s++;
    int n = 0;
    enum tok t;
    if (!*s) t = T_END;
    else if (isdigit((unsigned char)*s)) {
        while (isdigit((unsigned char)*s) || *s == '.') text[n++] = *s++;
        t = T_NUM;
    } else if (isalpha((unsigned char)*s) || *s == '_') {
        while (isalnum((unsigned char)*s) || *s == '_') text[n++] = *s++;
        t = T_ID;
    } else if (*s == '"') {
        s++;
        while (*s && *s != '"') { if (*s == '\\' && s[1]) s++; text[n++] = *s++; }
        if (*s == '"') { s++; t = T_STR; } else t = T_ERR;
    } else if (*s == '(') { text[n++] = *s++; t = T_LP; }
    else if (*s == ')') { text[n++] = *s++; t = T_RP; }
    else if (*s == '=' || *s == '<' || *s == '>' || *s == '!') {
        text[n++] = *s++;
        if (*s == '=') text[n++] = *s++;
        t = T_OP;
    } else if (*s == '+' || *s == '-' || *s == '*' || *s == '/') { text[n++] = *s++; t = T_OP; }
    else { text[n++] = *s++; t = T_ERR; }
    text[n] = 0;
    *ps = s;
    return t;
}
static int glob(const char *p, const char *s) {
    const char *star = NULL, *ss = s;
    while (*s) {
        if (*p == '?' || *p == *s) { p++; s++; }
        else if (*p == '*') { star = p++; ss = s; }
        else if (star) { p = star + 1; s = ++ss; }
        else return 0;
    }
    while (*p == '*') p++;
    return !*p;
}
enum tstate { LOCKED, UNLOCKED };
static enum tstate turnstile(enum tstate st, char ev, int *coins, int *passes) {
    switch (st) {
    case LOCKED: if (ev == 'c') { (*coins)++; return UNLOCKED; } return LOCKED;
    case UNLOCKED: if (ev == 'p') { (*passes)++; return LOCKED; } if (ev == 'c') (*coins)++; return UNLOCKED;
    }
    return st;
}

int main(void) {
    const char *src = "x1 = (foo_bar + 42.5) * y >= \"a \\\"q\\\" str\" != 7 $ end";
    char text[64];
    int count[8] = {0};
    enum tok t;
    do {
        t = lex(&src, text);
        count[t]++;
        printf("%s(%s) ", tname[t], text);
    } while (t != T_END);
    printf("\n");
    for (int i = 0; i < 8; i++) printf("%s=%d ", tname[i], count[i]);
    printf("\n");
    const char *pats[][2] = {{"*.c", "main.c"}, {"*.c", "main.h"}, {"a?c", "abc"}, {"a*b*c", "aXXbYYc"}, {"*", ""},
                             {"a*", "b"}, {"**x", "yyx"}, {"?", ""}, {"*ab*ab", "xabyab"}};
    int matches = 0;
    for (int i = 0; i < 9; i++) { int m = glob(pats[i][0], pats[i][1]); matches += m; printf("glob(%s,%s)=%d\n", pats[i][0], pats[i][1], m); }
    enum tstate st = LOCKED;
    int coins = 0, passes = 0;
    for (const char *e = "pcpccpppcpc"; *e; e++) st = turnstile(st, *e, &coins, &passes);
    printf("turnstile state=%d coins=%d passes=%d\n", st, coins, passes);
    return matches * 10 + passes;
}

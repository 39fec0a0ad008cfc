/* Recursive-descent expression parser/evaluator with variables, precedence, unary minus, errors. */
#include <stdio.h>
#include <ctype.h>
#include <string.h>
#include <setjmp.h>

static const char *p;
static jmp_buf err;
static double vars[26];

static double expr(void);
static void skip(void) { while (*p == ' ') p++; }
static double primary(void) {
    skip();
    if (*p == '(') { p++; double v = expr(); skip(); if (*p != ')') longjmp(err, 1); p++; return v; }
    if (*p == '-') { p++; return -primary(); }
    if (isdigit((unsigned char)*p)) { double v = 0; while (isdigit((unsigned char)*p)) v = v * 10 + (*p++ - '0');
        if (*p == '.') { p++; double f = 0.1; while (isdigit((unsigned char)*p)) { v += (*p++ - '0') * f; f /= 10; } } return v; }
    if (islower((unsigned char)*p)) return vars[*p++ - 'a'];
    longjmp(err, 2);
}
static double power(void) { double b = primary(); skip(); if (*p == '^') { p++; double e = power(); double r = 1; for (int i = 0; i < (int)e; i++) r *= b; return r; } return b; }
static double term(void) {
    double v = power();
    for (;;) { skip(); if (*p == '*') { p++; v *= power(); } else if (*p == '/') { p++; double d = power(); if (d == 0) longjmp(err, 3); v /= d; } else if (*p == '%') { p++; double d = power(); v -= d * (long)(v / d); } else return v; }
}
static double expr(void) { double v = term(); for (;;) { skip(); if (*p == '+') { p++; v += term(); } else if (*p == '-') { p++; v -= term(); } else return v; } }
static int eval(const char *s, double *out) {
    p = s;
    int code = setjmp(err);
    if (code) return code;
    const char *q = s + 1;
    while (*q == ' ') q++;
    if (islower((unsigned char)s[0]) && *q == '=') { p = q + 1; double v = expr(); vars[s[0] - 'a'] = v; *out = v; }
    else *out = expr();
    skip();
    return *p ? 4 : 0;
}

int main(void) {
    const char *lines[] = {"1 + 2 * 3", "(1 + 2) * 3", "2 ^ 10", "2 ^ 3 ^ 2", "-(4 - 6) * -3", "10 / 4", "7 % 3 + 0.5",
                           "x = 3.5", "y = x * 2", "x * y - 1", "1 / 0", "(1 + 2", "3 + $", "1 2", "((((((7))))))",
                           "100 - 99 - 1", "2 * -x"};
    int errors = 0;
    for (unsigned i = 0; i < sizeof lines / sizeof lines[0]; i++) {
        double v = 0;
        int rc = eval(lines[i], &v);
        if (rc) { errors++; printf("%-16s => error %d\n", lines[i], rc); }
        else printf("%-16s => %g\n", lines[i], v);
    }
    return errors;
}

/* setjmp/longjmp: error recovery across several frames, nested handlers, values preserved in volatiles. */
#include <stdio.h>
#include <setjmp.h>
#include <stdlib.h>

static jmp_buf *current;
static int depth_reached;

__attribute__((noinline)) static void fail(int code) { longjmp(*current, code); }
__attribute__((noinline)) static int parse_digit(char c) { if (c < '0' || c > '9') fail(100 + c); return c - '0'; }
__attribute__((noinline)) static int parse_number(const char *s) {
    int v = 0;
    for (; *s; s++) v = v * 10 + parse_digit(*s);
    return v;
}
__attribute__((noinline)) static void recurse(int n) {
    char pad[64];
    pad[0] = (char)n;
    depth_reached = n + pad[0] - n;
    if (n == 50) fail(7);
    if (n < 1000) recurse(n + 1);
}
static int try_parse(const char *s, int *out) {
    jmp_buf env, *saved = current;
    current = &env;
    int code = setjmp(env);
    if (code == 0) {
        *out = parse_number(s);
        current = saved;
        return 0;
    }
    current = saved;
    return code;
}

int main(void) {
    const char *inputs[] = {"123", "45x6", "", "99999", "-1", "007"};
    volatile int errors = 0;
    for (int i = 0; i < 6; i++) {
        int v = -1;
        int code = try_parse(inputs[i], &v);
        if (code) { errors++; printf("parse(\"%s\") error %d\n", inputs[i], code); }
        else printf("parse(\"%s\") = %d\n", inputs[i], v);
    }
    jmp_buf env;
    current = &env;
    volatile int attempts = 0;
    int r = setjmp(env);
    attempts++;
    printf("setjmp returned %d (attempt %d)\n", r, attempts);
    if (r == 0) recurse(0);
    else if (r == 7 && attempts < 3) { printf("depth %d\n", depth_reached); longjmp(env, 7); }
    printf("attempts=%d\n", attempts);
    /* longjmp with 0 becomes 1 */
    jmp_buf e2;
    volatile int first = 1;
    int rv = setjmp(e2);
    if (first) { first = 0; longjmp(e2, 0); }
    printf("longjmp(0) -> %d\n", rv);
    return errors * 10 + attempts;
}

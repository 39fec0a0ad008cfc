/* gcc -O2 splits unlikely paths into foo.cold in .text.unlikely (hot/cold partitioning):
 * the cold part jumps back into the hot one, uses the same frame, and calls out. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__attribute__((cold, noinline)) static void report(const char *what, long v) {
    printf("cold: %s %ld\n", what, v);
}

static long checked_div(long a, long b, int *errors) {
    if (__builtin_expect(b == 0, 0)) {
        report("division by zero for", a);
        ++*errors;
        return 0;
    }
    return a / b;
}

static int parse_digits(const char *s, int *out) {
    int v = 0;
    for (; *s; s++) {
        if (__builtin_expect(*s < '0' || *s > '9', 0)) {
            char buf[32];
            snprintf(buf, sizeof buf, "bad char '%c'", *s);
            report(buf, (long)(s - (const char *)0) & 0);
            return -1;
        }
        v = v * 10 + (*s - '0');
    }
    *out = v;
    return 0;
}

static void *xmalloc(size_t n) {
    void *p = malloc(n);
    if (__builtin_expect(p == NULL, 0)) {
        fprintf(stderr, "out of memory\n");
        abort();
    }
    return p;
}

static int classify(int x) {
    switch (x) {
    case 0: return 10;
    case 1: return 11;
    case 2: return 13;
    case 3: return 17;
    case 4: return 19;
    case 5: return 23;
    case 6: return 29;
    default:
        if (__builtin_expect(x < 0, 0)) {
            report("negative class", x);
            return -1;
        }
        return x * 3;
    }
}

int main(void) {
    int errors = 0;
    long total = 0;
    for (long i = -3; i < 20; i++)
        total += checked_div(1000 + i * 7, i % 5, &errors);
    printf("total=%ld errors=%d\n", total, errors);

    const char *inputs[] = {"123", "4x5", "", "99999", "7 8"};
    for (unsigned k = 0; k < sizeof inputs / sizeof *inputs; k++) {
        int v = -7;
        int rc = parse_digits(inputs[k], &v);
        printf("parse(%s) rc=%d v=%d\n", inputs[k], rc, v);
    }

    int *arr = xmalloc(64 * sizeof *arr);
    for (int i = 0; i < 64; i++)
        arr[i] = classify(i - 4);
    long sum = 0;
    for (int i = 0; i < 64; i++)
        sum += arr[i];
    char *s = xmalloc(16);
    strcpy(s, "done");
    printf("sum=%ld %s\n", sum, s);
    free(arr);
    free(s);
    return errors;
}

/* Variadic functions defined in translated code (ints, doubles, strings; va_list forwarded to vsnprintf),
 * writes to stdout/stderr through libc globals, bsearch over a sorted table, rand() with a fixed seed. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int sum_ints(int count, ...) {
    va_list ap;
    va_start(ap, count);
    int s = 0;
    for (int i = 0; i < count; i++) s += va_arg(ap, int);
    va_end(ap);
    return s;
}

double average_doubles(int count, ...) {
    va_list ap;
    va_start(ap, count);
    double s = 0;
    for (int i = 0; i < count; i++) s += va_arg(ap, double);
    va_end(ap);
    return count ? s / count : 0;
}

char *concat_strings(int count, ...) {
    va_list ap;
    va_start(ap, count);
    size_t total = 1;
    for (int i = 0; i < count; i++) total += strlen(va_arg(ap, const char *));
    va_end(ap);
    char *out = malloc(total);
    out[0] = '\0';
    va_start(ap, count);
    for (int i = 0; i < count; i++) strcat(out, va_arg(ap, const char *));
    va_end(ap);
    return out;
}

long mixed_sum(const char *types, ...) {
    va_list ap;
    va_start(ap, types);
    double s = 0;
    for (const char *t = types; *t; t++) {
        switch (*t) {
        case 'i': s += va_arg(ap, int); break;
        case 'l': s += (double)va_arg(ap, long); break;
        case 'd': s += va_arg(ap, double); break;
        case 's': s += (double)strlen(va_arg(ap, const char *)); break;
        }
    }
    va_end(ap);
    return (long)s;
}

int format_into(char *buf, size_t n, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int r = vsnprintf(buf, n, fmt, ap);
    va_end(ap);
    return r;
}

int print_report(const int *a, int n) {
    int written = printf("report:");
    for (int i = 0; i < n; i++) written += printf(" %d", a[i]);
    written += printf("\n");
    fflush(stdout);
    fprintf(stderr, "report printed (%d values)\n", n);
    return written;
}

static int cmp_int(const void *a, const void *b) {
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

int index_of_sorted(const int *sorted, int n, int key) {
    const int *p = bsearch(&key, sorted, n, sizeof(int), cmp_int);
    return p ? (int)(p - sorted) : -1;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }

int find_word(const char **sorted, int n, const char *w) {
    const char **p = bsearch(&w, sorted, n, sizeof(char *), cmp_str);
    return p ? (int)(p - sorted) : -1;
}

int random_sum(unsigned seed, int n) {
    srand(seed);
    int s = 0;
    for (int i = 0; i < n; i++) s += rand() % 100;
    return s;
}

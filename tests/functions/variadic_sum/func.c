/* Variadic functions defined in translated code and called from native code. */
#include <stdarg.h>
#include <stdio.h>

int sum(int n, ...) {
    va_list ap;
    va_start(ap, n);
    int s = 0;
    for (int i = 0; i < n; i++) s += va_arg(ap, int);
    va_end(ap);
    return s;
}

double avg(int n, ...) {
    va_list ap;
    va_start(ap, n);
    double s = 0;
    for (int i = 0; i < n; i++) s += va_arg(ap, double);
    va_end(ap);
    return n ? s / n : 0.0;
}

long mixed_sum(const char *types, ...) {
    va_list ap;
    va_start(ap, types);
    double total = 0;
    for (const char *t = types; *t; t++) {
        if (*t == 'i') total += va_arg(ap, int);
        else if (*t == 'l') total += (double)va_arg(ap, long);
        else if (*t == 'd') total += va_arg(ap, double);
    }
    va_end(ap);
    return (long)total;
}

int format_into(char *buf, int size, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, (size_t)size, fmt, ap);
    va_end(ap);
    return n;
}

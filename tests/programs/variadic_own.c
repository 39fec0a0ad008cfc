/* User-defined variadic functions: va_list, va_arg of int/long/double/char*, va_copy, vsnprintf/vprintf forwarding. */
#include <stdio.h>
#include <stdarg.h>
#include <string.h>

__attribute__((noinline)) static int sum_ints(int n, ...) {
    va_list ap; va_start(ap, n);
    int s = 0;
    for (int i = 0; i < n; i++) s += va_arg(ap, int);
    va_end(ap);
    return s;
}
__attribute__((noinline)) static double avg_doubles(int n, ...) {
    va_list ap; va_start(ap, n);
    double s = 0;
    for (int i = 0; i < n; i++) s += va_arg(ap, double);
    va_end(ap);
    return n ? s / n : 0;
}
__attribute__((noinline)) static void mixed(const char *fmt, ...) {
    va_list ap; va_start(ap, fmt);
    for (const char *p = fmt; *p; p++) {
        switch (*p) {
        case 'i': printf("i:%d ", va_arg(ap, int)); break;
        case 'l': printf("l:%ld ", va_arg(ap, long)); break;
        case 'd': printf("d:%.3f ", va_arg(ap, double)); break;
        case 's': printf("s:%s ", va_arg(ap, const char *)); break;
        case 'c': printf("c:%c ", (char)va_arg(ap, int)); break;
        }
    }
    va_end(ap);
    printf("\n");
}
__attribute__((noinline)) static int my_printf(const char *fmt, ...) {
    va_list ap; va_start(ap, fmt);
    printf("[log] ");
    int n = vprintf(fmt, ap);
    va_end(ap);
    return n;
}
__attribute__((noinline)) static char *fmt_alloc(char *buf, size_t sz, const char *fmt, ...) {
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int need = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if ((size_t)need < sz) vsnprintf(buf, sz, fmt, ap2);
    else strcpy(buf, "too long");
    va_end(ap2);
    return buf;
}
__attribute__((noinline)) static long max_of(int n, ...) {
    va_list ap; va_start(ap, n);
    long m = va_arg(ap, long);
    for (int i = 1; i < n; i++) { long v = va_arg(ap, long); if (v > m) m = v; }
    va_end(ap);
    return m;
}
static void vlog2(const char *prefix, const char *fmt, va_list ap) { printf("%s", prefix); vprintf(fmt, ap); }
__attribute__((noinline)) static void log2_(const char *fmt, ...) { va_list ap; va_start(ap, fmt); vlog2("<2> ", fmt, ap); va_end(ap); }
__attribute__((noinline)) static double weighted(int n, double w0, ...) {
    va_list ap; va_start(ap, w0);
    double s = 0, w = w0;
    for (int i = 0; i < n; i++) { int v = va_arg(ap, int); s += w * v; w = va_arg(ap, double); }
    va_end(ap);
    return s;
}

int main(void) {
    printf("sum0=%d sum3=%d sum12=%d\n", sum_ints(0), sum_ints(3, 1, 2, 3), sum_ints(12, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12));
    printf("avg=%.4f avg10=%.4f\n", avg_doubles(3, 1.0, 2.0, 4.0), avg_doubles(10, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.5));
    mixed("ildsc", 42, 1L << 40, 3.25, "str", 'Z');
    mixed("ddddddddddiiiiiii", 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 1, 2, 3, 4, 5, 6, 7);
    int n = my_printf("value=%d name=%s pi=%.2f\n", 7, "seven", 3.14159);
    printf("n=%d\n", n);
    char buf[64];
    printf("%s\n", fmt_alloc(buf, sizeof buf, "%s-%05d-%.1e", "id", 42, 12345.0));
    printf("%s\n", fmt_alloc(buf, 8, "%s", "this will not fit"));
    printf("max=%ld\n", max_of(5, -5L, 100L, 1L << 35, 7L, -(1L << 40)));
    log2_("%d %s %g\n", 1, "two", 3.0);
    printf("weighted=%.3f\n", weighted(3, 0.5, 10, 1.5, 20, 2.5, 30, 0.0));
    return sum_ints(4, 10, 20, 30, 40);
}

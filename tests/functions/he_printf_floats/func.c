/* Formatting and parsing floating point values into/from strings: sprintf/snprintf with %.2f/%g/%e and
 * mixed int/double/string arguments, list formatting, sscanf of floats and doubles, strtod/atof. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *format_money(double amount) {
    char *buf = malloc(32);
    snprintf(buf, 32, "$%.2f", amount);
    return buf;
}

char *format_list(const float *a, int n) {
    size_t cap = 3 + (size_t)n * 24;
    char *out = malloc(cap);
    size_t len = 0;
    out[len++] = '[';
    for (int i = 0; i < n; i++)
        len += (size_t)snprintf(out + len, cap - len, i ? ", %.2f" : "%.2f", a[i]);
    out[len++] = ']';
    out[len] = '\0';
    return out;
}

int format_record(char *buf, size_t size, const char *name, int age, double height, float score) {
    return snprintf(buf, size, "%s (%d): %.3f m, score %g, %e", name, age, height, score, height * 1000.0);
}

double average_of(const char *s) {
    double sum = 0;
    int n = 0;
    const char *p = s;
    char *end;
    for (;;) {
        double v = strtod(p, &end);
        if (end == p) break;
        sum += v;
        n++;
        p = end;
        while (*p == ',' || *p == ' ') p++;
    }
    return n ? sum / n : 0.0;
}

int parse_point(const char *s, float *x, double *y) { return sscanf(s, "(%f, %lf)", x, y); }

double sum_atof(const char **items, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) s += atof(items[i]);
    return s;
}

char *many_doubles(double a, double b, double c, double d, double e, double f, double g, double h, int k) {
    char *buf = malloc(256);
    sprintf(buf, "%d:%.1f,%.1f,%.1f,%.1f,%.1f,%.1f,%.1f,%.1f", k, a, b, c, d, e, f, g, h);
    return buf;
}

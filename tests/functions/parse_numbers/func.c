/* Number parsing with error reporting: strtol/strtod with errno, hand-written atoi, digit sums. */
#include <errno.h>
#include <stdlib.h>
#include <ctype.h>

int parse_long_checked(const char *s, long *out) {
    char *end;
    errno = 0;
    long v = strtol(s, &end, 0);
    if (end == s || *end) return -1;
    if (errno == ERANGE) return -2;
    *out = v;
    return 0;
}

double parse_double(const char *s, int *ok) {
    char *end;
    double v = strtod(s, &end);
    *ok = end != s && *end == '\0';
    return v;
}

int my_atoi(const char *s) {
    while (isspace((unsigned char)*s)) s++;
    int sign = 1;
    if (*s == '-' || *s == '+') { if (*s == '-') sign = -1; s++; }
    int v = 0;
    while (isdigit((unsigned char)*s)) v = v * 10 + (*s++ - '0');
    return sign * v;
}

int sum_digits(long n) {
    if (n < 0) n = -n;
    int s = 0;
    do { s += (int)(n % 10); n /= 10; } while (n);
    return s;
}

/* errno: strtol overflow ERANGE, fopen of a missing file ENOENT, math domain errors, errno preservation. */
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <string.h>
#include <math.h>
#include <limits.h>

int main(void) {
    errno = 0;
    long v = strtol("99999999999999999999999", NULL, 10);
    printf("strtol overflow v==LONG_MAX %d erange %d\n", v == LONG_MAX, errno == ERANGE);
    errno = 0;
    v = strtol("-99999999999999999999999", NULL, 10);
    printf("strtol underflow v==LONG_MIN %d erange %d\n", v == LONG_MIN, errno == ERANGE);
    errno = 0;
    v = strtol("12345", NULL, 10);
    printf("strtol ok v=%ld errno=%d\n", v, errno);
    errno = 0;
    unsigned long uv = strtoul("18446744073709551616", NULL, 10);
    printf("strtoul overflow max %d erange %d\n", uv == ULONG_MAX, errno == ERANGE);
    errno = 0;
    FILE *f = fopen("/nonexistent/dir/crt-cc-test-file.txt", "r");
    int e = errno;
    printf("fopen null %d enoent %d msg=%s\n", f == NULL, e == ENOENT, strerror(e));
    errno = 0;
    double d = strtod("1e999", NULL);
    printf("strtod overflow inf %d erange %d\n", isinf(d) != 0, errno == ERANGE);
    errno = 0;
    d = log(-1.0);
    printf("log(-1) nan %d edom %d\n", isnan(d) != 0, errno == EDOM);
    errno = 0;
    d = sqrt(-4.0);
    printf("sqrt(-4) nan %d edom %d\n", isnan(d) != 0, errno == EDOM);
    errno = 0;
    d = exp(1000.0);
    printf("exp(1000) inf %d erange %d\n", isinf(d) != 0, errno == ERANGE);
    errno = EINVAL;
    int saved = errno;
    printf("strerror(EINVAL)=%s\n", strerror(saved));
    printf("strerror(ERANGE)=%s\n", strerror(ERANGE));
    errno = 0;
    char *end;
    v = strtol("   ", &end, 10);
    printf("empty v=%ld errno=%d\n", v, errno);
    return e;
}

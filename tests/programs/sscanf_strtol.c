/* sscanf, atoi, atol, strtol with bases and end pointers, strtoul, strtod. */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    int a, b; char word[32]; double d; unsigned x;
    int n = sscanf("12 -34 hello 2.5 ff", "%d %d %31s %lf %x", &a, &b, word, &d, &x);
    printf("n=%d a=%d b=%d word=%s d=%g x=%u\n", n, a, b, word, d, x);
    n = sscanf("2024-01-15", "%d-%d-%d", &a, &b, (int *)&x);
    printf("date n=%d %d %d %u\n", n, a, b, x);
    n = sscanf("abc", "%d", &a);
    printf("fail n=%d\n", n);
    long l; char c;
    n = sscanf("  -9876543210 Q", "%ld %c", &l, &c);
    printf("n=%d l=%ld c=%c\n", n, l, c);
    printf("atoi %d %d %d %d\n", atoi("123"), atoi("-77abc"), atoi("  42"), atoi("x"));
    printf("atol %ld atoll %lld\n", atol("-1234567890123"), atoll("9000000000000000000"));
    const char *inputs[] = {"0x1F", "0777", "101", "-42z", "  +99", "zz"};
    int bases[] = {0, 0, 2, 10, 10, 36};
    for (int i = 0; i < 6; i++) {
        char *end;
        long v = strtol(inputs[i], &end, bases[i]);
        printf("strtol(%s,%d)=%ld consumed=%ld\n", inputs[i], bases[i], v, (long)(end - inputs[i]));
    }
    printf("strtoul %lu\n", strtoul("18446744073709551615", NULL, 10));
    char *end;
    double dv = strtod("3.5e2xyz", &end);
    printf("strtod %g rest=%s\n", dv, end);
    printf("strtod hex %g\n", strtod("0x1.8p1", NULL));
    int sum = 0;
    const char *nums = "10 20 30 40 50";
    int off = 0, v, used;
    while (sscanf(nums + off, "%d%n", &v, &used) == 1) { sum += v; off += used; }
    printf("sum=%d\n", sum);
    return sum / 10;
}

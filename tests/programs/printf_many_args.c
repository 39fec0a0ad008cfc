/* printf with more than 6 integer and more than 8 floating-point arguments (stack-passed varargs). */
#include <stdio.h>

__attribute__((noinline)) static void many(int a, int b, int c, int d, int e, int f, int g, int h, int i, int j) {
    printf("ints %d %d %d %d %d %d %d %d %d %d\n", a, b, c, d, e, f, g, h, i, j);
}

int main(void) {
    printf("%d %d %d %d %d %d %d %d %d %d %d %d\n", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    printf("%.1f %.1f %.1f %.1f %.1f %.1f %.1f %.1f %.1f %.1f %.1f %.1f\n", 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5,
           10.5, 11.5, 12.5);
    printf("%d %.2f %ld %.2f %c %.2f %s %.2f %u %.2f %lld %.2f %x %.2f %d %.2f %d %.2f %d %.2f\n", 1, 0.5, 2L, 1.5, 'c',
           2.5, "s", 3.5, 4u, 4.5, 5LL, 5.5, 0xff, 6.5, 7, 7.5, 8, 8.5, 9, 9.5);
    float fs[10] = {0.5f, 1.5f, 2.5f, 3.5f, 4.5f, 5.5f, 6.5f, 7.5f, 8.5f, 9.5f};
    printf("floats %g %g %g %g %g %g %g %g %g %g\n", fs[0], fs[1], fs[2], fs[3], fs[4], fs[5], fs[6], fs[7], fs[8], fs[9]);
    long big[8] = {1L << 33, -(1L << 34), 1L << 35, 1L << 36, 1L << 37, 1L << 38, 1L << 39, 1L << 40};
    printf("longs %ld %ld %ld %ld %ld %ld %ld %ld\n", big[0], big[1], big[2], big[3], big[4], big[5], big[6], big[7]);
    many(10, 20, 30, 40, 50, 60, 70, 80, 90, 100);
    for (int r = 0; r < 3; r++)
        printf("%s|%d|%d|%d|%d|%d|%d|%d|%g|%g|%g|%g|%g|%g|%g|%g|%g|%g\n", "row", r, r + 1, r + 2, r + 3, r + 4, r + 5,
               r + 6, r * 0.5, r * 1.5, r * 2.5, r * 3.5, r * 4.5, r * 5.5, r * 6.5, r * 7.5, r * 8.5, r * 9.5);
    char buf[256];
    int n = snprintf(buf, sizeof buf, "%d,%d,%d,%d,%d,%d,%d,%d,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%s", -1, -2,
                     -3, -4, -5, -6, -7, -8, 0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875, 1.0, 1.125, "end");
    printf("%s (%d)\n", buf, n);
    return n;
}

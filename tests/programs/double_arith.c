/* Double arithmetic: sqrt, fabs, fmin/fmax, int<->double conversions, mixed expressions. */
#include <stdio.h>
#include <math.h>

__attribute__((noinline)) static double dsqrt(double x) { return sqrt(x); }
__attribute__((noinline)) static double dfabs(double x) { return fabs(x); }
__attribute__((noinline)) static double dmin(double a, double b) { return fmin(a, b); }
__attribute__((noinline)) static double dmax(double a, double b) { return fmax(a, b); }
__attribute__((noinline)) static float fsqrt(float x) { return sqrtf(x); }
__attribute__((noinline)) static long d2l(double d) { return (long)d; }
__attribute__((noinline)) static double l2d(long l) { return (double)l; }
__attribute__((noinline)) static unsigned long d2ul(double d) { return (unsigned long)d; }
__attribute__((noinline)) static double ul2d(unsigned long u) { return (double)u; }
__attribute__((noinline)) static int d2i(double d) { return (int)d; }
__attribute__((noinline)) static double i2d(int i) { return i; }
__attribute__((noinline)) static double hyp(double a, double b) { return sqrt(a * a + b * b); }
__attribute__((noinline)) static double mixed(int a, double b, long c, float d) { return a * b + c / d; }
__attribute__((noinline)) static double copysign_(double a, double b) { return copysign(a, b); }

int main(void) {
    double xs[] = {0.0, 1.0, 2.0, 0.25, 1e-300, 1e300, 123456.789, 2.5e-8};
    for (int i = 0; i < 8; i++) printf("sqrt(%g)=%.15g\n", xs[i], dsqrt(xs[i]));
    printf("fabs %g %g %g\n", dfabs(-3.5), dfabs(3.5), dfabs(-0.0));
    printf("fmin %g %g fmax %g %g\n", dmin(1, 2), dmin(-1, -2), dmax(1, 2), dmax(-0.5, -0.25));
    printf("sqrtf %.7g %.7g\n", (double)fsqrt(2.0f), (double)fsqrt(10.0f));
    printf("d2l %ld %ld %ld\n", d2l(1e18), d2l(-1.5), d2l(9.2233720368547e18 / 2));
    printf("l2d %.1f %.1f\n", l2d(9007199254740993L), l2d(-4611686018427387904L));
    printf("d2ul %lu %lu %lu\n", d2ul(1.8e19), d2ul(9.3e18), d2ul(12345.999));
    printf("ul2d %.1f %.1f %.1f\n", ul2d(18446744073709551615UL), ul2d(9223372036854775809UL), ul2d(12345));
    printf("d2i %d %d i2d %.1f\n", d2i(2147483647.9), d2i(-2147483648.5), i2d(-2147483647 - 1));
    printf("hyp %.15g %.15g\n", hyp(3, 4), hyp(1, 1));
    printf("mixed %.15g\n", mixed(7, 0.5, 100, 8.0f));
    printf("copysign %g %g\n", copysign_(3, -1), copysign_(-3, 1));
    double sum = 0;
    for (int i = 1; i <= 10000; i++) sum += 1.0 / ((double)i * i);
    printf("basel %.12f pi^2/6 %.12f\n", sum, M_PI * M_PI / 6);
    double a = 1.0;
    int k = 0;
    while (1.0 + a != 1.0) { a /= 2; k++; }
    printf("epsilon steps %d\n", k);
    /* Newton iteration */
    double r = 1.0;
    for (int i = 0; i < 20; i++) r = 0.5 * (r + 2.0 / r);
    printf("newton sqrt2 %.15f\n", r);
    return d2i(sum * 10);
}

/* Rounding: lrint, llrint, rint, nearbyint, floor, ceil, round, trunc, for float and double. */
#include <stdio.h>
#include <math.h>

__attribute__((noinline)) static long do_lrint(double x) { return lrint(x); }
__attribute__((noinline)) static long long do_llrint(double x) { return llrint(x); }
__attribute__((noinline)) static long do_lrintf(float x) { return lrintf(x); }
__attribute__((noinline)) static double do_floor(double x) { return floor(x); }
__attribute__((noinline)) static double do_ceil(double x) { return ceil(x); }
__attribute__((noinline)) static double do_round(double x) { return round(x); }
__attribute__((noinline)) static double do_trunc(double x) { return trunc(x); }
__attribute__((noinline)) static double do_rint(double x) { return rint(x); }
__attribute__((noinline)) static float do_floorf(float x) { return floorf(x); }
__attribute__((noinline)) static float do_ceilf(float x) { return ceilf(x); }
__attribute__((noinline)) static float do_roundf(float x) { return roundf(x); }
__attribute__((noinline)) static long do_lround(double x) { return lround(x); }
__attribute__((noinline)) static double do_fmod(double a, double b) { return fmod(a, b); }
__attribute__((noinline)) static double do_modf(double x, double *ip) { return modf(x, ip); }

int main(void) {
    double xs[] = {0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 2.4, 2.6, -2.4, -2.6, 1e15 + 0.5, -7.0, 0.49999999999999994};
    long tot = 0;
    for (unsigned i = 0; i < sizeof xs / sizeof xs[0]; i++) {
        double x = xs[i];
        printf("%.17g: lrint=%ld llrint=%lld floor=%g ceil=%g round=%g trunc=%g rint=%g lround=%ld\n", x,
               do_lrint(x), do_llrint(x), do_floor(x), do_ceil(x), do_round(x), do_trunc(x), do_rint(x),
               do_lround(x));
        tot += do_lrint(x);
    }
    float fs[] = {0.5f, 1.5f, -2.5f, 3.7f, -3.7f};
    for (int i = 0; i < 5; i++)
        printf("f %g: lrintf=%ld floorf=%g ceilf=%g roundf=%g\n", (double)fs[i], do_lrintf(fs[i]),
               (double)do_floorf(fs[i]), (double)do_ceilf(fs[i]), (double)do_roundf(fs[i]));
    printf("fmod %g %g %g\n", do_fmod(7.5, 2), do_fmod(-7.5, 2), do_fmod(10, 3.25));
    double ip;
    double fp = do_modf(-3.75, &ip);
    printf("modf %g %g\n", fp, ip);
    /* rounding to fixed decimals */
    double price = 19.999;
    printf("cents %ld\n", do_lround(price * 100));
    return (int)(tot & 0xff);
}

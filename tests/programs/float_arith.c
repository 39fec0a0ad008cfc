/* Single-precision arithmetic, conversions and float arguments. */
#include <stdio.h>

__attribute__((noinline)) static float fadd(float a, float b) { return a + b; }
__attribute__((noinline)) static float fmul(float a, float b) { return a * b; }
__attribute__((noinline)) static float fdiv(float a, float b) { return a / b; }
__attribute__((noinline)) static float fneg(float a) { return -a; }
__attribute__((noinline)) static float poly(float x) { return ((2.0f * x - 3.0f) * x + 0.5f) * x - 7.25f; }
__attribute__((noinline)) static int f2i(float f) { return (int)f; }
__attribute__((noinline)) static float i2f(int i) { return (float)i; }
__attribute__((noinline)) static unsigned f2u(float f) { return (unsigned)f; }
__attribute__((noinline)) static float u2f(unsigned u) { return (float)u; }
__attribute__((noinline)) static double f2d(float f) { return f; }
__attribute__((noinline)) static float d2f(double d) { return (float)d; }
__attribute__((noinline)) static float sum8(float a, float b, float c, float d, float e, float f, float g, float h,
                                           float i, float j) {
    return a + b * 2 + c * 3 + d * 4 + e * 5 + f * 6 + g * 7 + h * 8 + i * 9 + j * 10;
}

int main(void) {
    float xs[] = {0.0f, 1.0f, -1.5f, 3.25f, 1000.5f, -0.125f, 1e10f, 3.0e-5f};
    for (int i = 0; i < 8; i++)
        printf("x=%g add=%g mul=%g div=%g neg=%g poly=%g\n", xs[i], fadd(xs[i], 0.5f), fmul(xs[i], xs[i]),
               fdiv(xs[i], 4.0f), fneg(xs[i]), poly(xs[i]));
    printf("div3 %.9g %.9g\n", fdiv(1.0f, 3.0f), fdiv(2.0f, 3.0f));
    printf("f2i %d %d %d %d\n", f2i(3.99f), f2i(-3.99f), f2i(16777217.0f), f2i(-2147483648.0f));
    printf("i2f %.1f %.1f %.1f\n", i2f(16777217), i2f(-2147483647), i2f(123456789));
    printf("f2u %u %u\n", f2u(3000000000.0f), f2u(4294967040.0f));
    printf("u2f %.1f %.1f\n", u2f(4294967295u), u2f(2147483649u));
    printf("f2d %.17g d2f %.9g\n", f2d(0.1f), d2f(0.1));
    printf("sum10 %g\n", sum8(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
    float acc = 0.0f;
    for (int i = 1; i <= 1000; i++) acc += 1.0f / (float)i;
    printf("harmonic %.6f\n", acc);
    float arr[64];
    for (int i = 0; i < 64; i++) arr[i] = (float)i * 0.25f;
    for (int i = 0; i < 64; i++) arr[i] = arr[i] * 2.0f + 1.0f;
    float s = 0;
    for (int i = 0; i < 64; i++) s += arr[i];
    printf("vec sum %.2f\n", s);
    printf("cmp %d %d\n", 0.1f + 0.2f == 0.3f, (double)0.1f == 0.1);
    return f2i(s) % 97;
}

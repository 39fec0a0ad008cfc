/* libm calls: sin, cos, tan, atan2, exp, log, log10, pow, cbrt, hypot (printed with 12 digits). */
#include <stdio.h>
#include <math.h>

__attribute__((noinline)) static double f_sin(double x) { return sin(x); }
__attribute__((noinline)) static double f_cos(double x) { return cos(x); }
__attribute__((noinline)) static double f_exp(double x) { return exp(x); }
__attribute__((noinline)) static double f_log(double x) { return log(x); }
__attribute__((noinline)) static double f_pow(double x, double y) { return pow(x, y); }
__attribute__((noinline)) static float f_sinf(float x) { return sinf(x); }
__attribute__((noinline)) static float f_expf(float x) { return expf(x); }

int main(void) {
    for (int i = -4; i <= 4; i++) {
        double x = i * 0.7;
        printf("x=%.2f sin=%.12f cos=%.12f tan=%.10f exp=%.10g atan=%.12f\n", x, f_sin(x), f_cos(x), tan(x),
               f_exp(x), atan(x));
    }
    double ls[] = {0.5, 1.0, 2.0, 10.0, 1234.5678, 1e-10};
    for (int i = 0; i < 6; i++)
        printf("log(%g)=%.12f log10=%.12f log2=%.12f cbrt=%.12f\n", ls[i], f_log(ls[i]), log10(ls[i]), log2(ls[i]),
               cbrt(ls[i]));
    printf("pow %.10g %.10g %.10g %.10g\n", f_pow(2, 10), f_pow(2, 0.5), f_pow(10, -3), f_pow(1.0001, 10000));
    printf("atan2 %.12f %.12f %.12f\n", atan2(1, 1), atan2(-1, -1), atan2(0, -1));
    printf("hypot %.12f asin %.12f acos %.12f\n", hypot(5, 12), asin(0.5), acos(0.5));
    printf("sinh %.10f cosh %.10f tanh %.10f\n", sinh(1.0), cosh(1.0), tanh(0.5));
    printf("sinf %.6f expf %.6f\n", (double)f_sinf(1.0f), (double)f_expf(2.0f));
    printf("expm1 %.12g log1p %.12g\n", expm1(1e-5), log1p(1e-5));
    /* numerical integration of sin over [0, pi] */
    double s = 0;
    int n = 1000;
    for (int i = 0; i < n; i++) s += f_sin((i + 0.5) * M_PI / n) * (M_PI / n);
    printf("integral %.9f\n", s);
    return (int)(f_pow(2, 5)) + (int)lround(s);
}

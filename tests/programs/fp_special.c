/* Infinities, NaN comparisons, signed zero, division by zero, classification. */
#include <stdio.h>
#include <math.h>
#include <float.h>

static volatile double vzero = 0.0;
static volatile float fzero = 0.0f;

__attribute__((noinline)) static double ddiv(double a, double b) { return a / b; }
__attribute__((noinline)) static int lt(double a, double b) { return a < b; }
__attribute__((noinline)) static int le(double a, double b) { return a <= b; }
__attribute__((noinline)) static int eq(double a, double b) { return a == b; }
__attribute__((noinline)) static int ne(double a, double b) { return a != b; }
__attribute__((noinline)) static int gt(double a, double b) { return a > b; }
__attribute__((noinline)) static int unord(double a, double b) { return __builtin_isunordered(a, b); }
__attribute__((noinline)) static int flt(float a, float b) { return a < b; }
__attribute__((noinline)) static double pick_max(double a, double b) { return a > b ? a : b; }

static const char *cls(double x) {
    switch (fpclassify(x)) {
    case FP_NAN: return "nan";
    case FP_INFINITE: return signbit(x) ? "-inf" : "+inf";
    case FP_ZERO: return signbit(x) ? "-zero" : "+zero";
    case FP_SUBNORMAL: return "subnormal";
    default: return "normal";
    }
}

int main(void) {
    double pinf = ddiv(1.0, vzero), ninf = ddiv(-1.0, vzero), nan_ = ddiv(vzero, vzero);
    printf("1/0=%g -1/0=%g isnan(0/0)=%d isinf=%d %d\n", pinf, ninf, isnan(nan_) != 0, isinf(pinf) != 0,
           isinf(ninf) != 0);
    double vals[] = {0.0, -0.0, 1.0, -1.0, 0.0, 0.0, DBL_MIN / 4, DBL_MAX};
    vals[4] = pinf; vals[5] = nan_;
    for (int i = 0; i < 8; i++) printf("cls[%d]=%s\n", i, cls(vals[i]));
    unsigned m = 0;
    for (int i = 0; i < 8; i++)
        for (int j = 0; j < 8; j++) {
            int bits = lt(vals[i], vals[j]) | le(vals[i], vals[j]) << 1 | eq(vals[i], vals[j]) << 2 |
                       ne(vals[i], vals[j]) << 3 | gt(vals[i], vals[j]) << 4 | unord(vals[i], vals[j]) << 5;
            m = m * 7 + bits;
            if (i == 5 || j == 5) printf("%d%d:%02x ", i, j, bits);
        }
    printf("\nm=%u\n", m);
    printf("nan==nan %d nan!=nan %d\n", nan_ == nan_, nan_ != nan_);
    printf("-0==0 %d signbit(-0)=%d 1/-0=%g\n", -0.0 == 0.0, signbit(-0.0) != 0, ddiv(1.0, -vzero));
    printf("inf-inf isnan %d inf*0 isnan %d inf+1=%g\n", isnan(pinf - pinf) != 0, isnan(pinf * 0) != 0, pinf + 1);
    printf("float 1/0=%g -1/0=%g flt(nan) %d\n", (double)(1.0f / fzero), (double)(-1.0f / fzero),
           flt((float)nan_, 1.0f));
    printf("pick_max(nan,1)=%g pick_max(1,nan) isnan=%d\n", pick_max(nan_, 1.0), isnan(pick_max(1.0, nan_)) != 0);
    printf("fmax(nan,2)=%g fmin(3,nan)=%g\n", fmax(nan_, 2.0), fmin(3.0, nan_));
    printf("overflow %g underflow %g\n", DBL_MAX * 2, DBL_MIN * DBL_MIN);
    printf("sqrt(-1) isnan %d\n", isnan(sqrt(-vzero - 1.0)) != 0);
    printf("DBL_MAX %g DBL_EPSILON %g FLT_MAX %g\n", DBL_MAX, DBL_EPSILON, (double)FLT_MAX);
    return (int)(m & 0x7f) + 1;
}

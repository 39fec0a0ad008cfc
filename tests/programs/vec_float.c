/* Vectorizable float/double loops: saxpy, element-wise ops, dot products (serial, exact values). */
#include <stdio.h>

#define N 512
static float fx[N], fy[N], fz[N];
static double dx[N], dy[N], dz[N];

__attribute__((noinline)) static void saxpy(int n, float a, const float *x, float *y) { for (int i = 0; i < n; i++) y[i] = a * x[i] + y[i]; }
__attribute__((noinline)) static void daxpy(int n, double a, const double *x, double *y) { for (int i = 0; i < n; i++) y[i] += a * x[i]; }
__attribute__((noinline)) static float dotf(const float *a, const float *b, int n) { float s = 0; for (int i = 0; i < n; i++) s += a[i] * b[i]; return s; }
__attribute__((noinline)) static double dotd(const double *a, const double *b, int n) { double s = 0; for (int i = 0; i < n; i++) s += a[i] * b[i]; return s; }
__attribute__((noinline)) static void vmul(float *r, const float *a, const float *b, int n) { for (int i = 0; i < n; i++) r[i] = a[i] * b[i]; }
__attribute__((noinline)) static void vdiv(double *r, const double *a, const double *b, int n) { for (int i = 0; i < n; i++) r[i] = a[i] / b[i]; }
__attribute__((noinline)) static float maxf(const float *a, int n) { float m = a[0]; for (int i = 1; i < n; i++) m = a[i] > m ? a[i] : m; return m; }
__attribute__((noinline)) static double mind(const double *a, int n) { double m = a[0]; for (int i = 1; i < n; i++) m = a[i] < m ? a[i] : m; return m; }
__attribute__((noinline)) static void i2f(float *r, const int *a, int n) { for (int i = 0; i < n; i++) r[i] = (float)a[i]; }
__attribute__((noinline)) static void f2i(int *r, const float *a, int n) { for (int i = 0; i < n; i++) r[i] = (int)a[i]; }
__attribute__((noinline)) static void f2d(double *r, const float *a, int n) { for (int i = 0; i < n; i++) r[i] = a[i]; }
__attribute__((noinline)) static void absd(double *r, const double *a, int n) { for (int i = 0; i < n; i++) r[i] = a[i] < 0 ? -a[i] : a[i]; }
__attribute__((noinline)) static void clampf(float *a, int n, float lo, float hi) { for (int i = 0; i < n; i++) a[i] = a[i] < lo ? lo : a[i] > hi ? hi : a[i]; }

int main(void) {
    for (int i = 0; i < N; i++) {
        fx[i] = (float)(i % 17) * 0.5f - 4.0f;
        fy[i] = (float)(i % 5) * 0.25f;
        dx[i] = (double)(i % 23) * 0.125 - 1.0;
        dy[i] = (double)(i % 7) + 1.0;
    }
    saxpy(N, 2.0f, fx, fy);
    daxpy(N, -0.5, dx, dy);
    printf("saxpy %.4f %.4f %.4f\n", (double)fy[0], (double)fy[100], (double)fy[N - 1]);
    printf("daxpy %.6f %.6f %.6f\n", dy[0], dy[101], dy[N - 1]);
    printf("dotf %.3f dotd %.6f\n", (double)dotf(fx, fy, N), dotd(dx, dy, N));
    vmul(fz, fx, fy, N);
    vdiv(dz, dx, dy, N);
    printf("vmul %.4f %.4f vdiv %.12f %.12f\n", (double)fz[3], (double)fz[400], dz[5], dz[300]);
    printf("maxf %.3f mind %.6f\n", (double)maxf(fz, N), mind(dz, N));
    int iv[N];
    for (int i = 0; i < N; i++) iv[i] = i * 37 - 9000;
    i2f(fz, iv, N);
    f2i(iv, fx, N);
    long s = 0;
    for (int i = 0; i < N; i++) s += iv[i];
    printf("i2f %.1f %.1f f2i sum %ld\n", (double)fz[0], (double)fz[N - 1], s);
    f2d(dz, fx, N);
    absd(dz, dz, N);
    double ds = 0;
    for (int i = 0; i < N; i++) ds += dz[i];
    printf("abs sum %.3f\n", ds);
    clampf(fy, N, -1.0f, 1.0f);
    float cs = 0;
    for (int i = 0; i < N; i++) cs += fy[i];
    printf("clamp sum %.3f\n", (double)cs);
    return (int)s & 0xff;
}

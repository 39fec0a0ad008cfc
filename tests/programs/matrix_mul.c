/* 2D arrays: integer and double matrix multiply, transpose, VLA-parameter functions, identity checks. */
#include <stdio.h>

#define N 12
static int A[N][N], B[N][N], C[N][N];
static double DA[N][N], DB[N][N], DC[N][N];

__attribute__((noinline)) static void imatmul(int n, int a[n][n], int b[n][n], int c[n][n]) {
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            int s = 0;
            for (int k = 0; k < n; k++) s += a[i][k] * b[k][j];
            c[i][j] = s;
        }
}
__attribute__((noinline)) static void dmatmul(double a[N][N], double b[N][N], double c[N][N]) {
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) c[i][j] = 0;
    for (int i = 0; i < N; i++)
        for (int k = 0; k < N; k++)
            for (int j = 0; j < N; j++) c[i][j] += a[i][k] * b[k][j];
}
__attribute__((noinline)) static void transpose(int n, int m[n][n]) {
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++) { int t = m[i][j]; m[i][j] = m[j][i]; m[j][i] = t; }
}
static long trace(int n, int m[n][n]) { long t = 0; for (int i = 0; i < n; i++) t += m[i][i]; return t; }

int main(void) {
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            A[i][j] = (i * 3 + j * 5) % 11 - 5;
            B[i][j] = (i == j) ? 2 : (i + j) % 3 - 1;
            DA[i][j] = (i - j) * 0.5;
            DB[i][j] = (i + 1) * 0.25 + j;
        }
    imatmul(N, A, B, C);
    for (int i = 0; i < 4; i++) { for (int j = 0; j < 8; j++) printf("%5d", C[i][j]); printf("\n"); }
    printf("trace=%ld\n", trace(N, C));
    transpose(N, C);
    printf("C^T[0][5]=%d C^T[5][0]=%d\n", C[0][5], C[5][0]);
    dmatmul(DA, DB, DC);
    for (int i = 0; i < 3; i++) printf("%.4f %.4f %.4f\n", DC[i][0], DC[i][6], DC[i][11]);
    /* 3x3 determinant via cofactor */
    int m3[3][3] = {{2, -3, 1}, {2, 0, -1}, {1, 4, 5}};
    int det = m3[0][0] * (m3[1][1] * m3[2][2] - m3[1][2] * m3[2][1]) - m3[0][1] * (m3[1][0] * m3[2][2] - m3[1][2] * m3[2][0]) +
              m3[0][2] * (m3[1][0] * m3[2][1] - m3[1][1] * m3[2][0]);
    printf("det=%d\n", det);
    /* matrix power by squaring (Fibonacci) */
    long f[2][2] = {{1, 1}, {1, 0}}, r[2][2] = {{1, 0}, {0, 1}};
    for (int e = 80; e; e >>= 1) {
        long t[2][2];
        if (e & 1) {
            for (int i = 0; i < 2; i++) for (int j = 0; j < 2; j++) t[i][j] = r[i][0] * f[0][j] + r[i][1] * f[1][j];
            for (int i = 0; i < 2; i++) for (int j = 0; j < 2; j++) r[i][j] = t[i][j];
        }
        if (e > 1) {
            for (int i = 0; i < 2; i++) for (int j = 0; j < 2; j++) t[i][j] = f[i][0] * f[0][j] + f[i][1] * f[1][j];
            for (int i = 0; i < 2; i++) for (int j = 0; j < 2; j++) f[i][j] = t[i][j];
        }
    }
    printf("fib80=%ld\n", r[0][1]);
    return det;
}

/* Gaussian elimination with partial pivoting, determinant, matrix inverse, least squares line fit. */
#include <stdio.h>
#include <math.h>

#define N 4
static int solve(double a[N][N + 1], double x[N]) {
    for (int c = 0; c < N; c++) {
        int piv = c;
        for (int r = c + 1; r < N; r++) if (fabs(a[r][c]) > fabs(a[piv][c])) piv = r;
        if (fabs(a[piv][c]) < 1e-12) return 0;
        if (piv != c) for (int k = 0; k <= N; k++) { double t = a[c][k]; a[c][k] = a[piv][k]; a[piv][k] = t; }
        for (int r = c + 1; r < N; r++) {
            double f = a[r][c] / a[c][c];
            for (int k = c; k <= N; k++) a[r][k] -= f * a[c][k];
        }
    }
    for (int r = N - 1; r >= 0; r--) {
        double s = a[r][N];
        for (int k = r + 1; k < N; k++) s -= a[r][k] * x[k];
        x[r] = s / a[r][r];
    }
    return 1;
}
static double det(double m[N][N]) {
    double a[N][N], d = 1;
    for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) a[i][j] = m[i][j];
    for (int c = 0; c < N; c++) {
        int piv = c;
        for (int r = c + 1; r < N; r++) if (fabs(a[r][c]) > fabs(a[piv][c])) piv = r;
        if (a[piv][c] == 0) return 0;
        if (piv != c) { for (int k = 0; k < N; k++) { double t = a[c][k]; a[c][k] = a[piv][k]; a[piv][k] = t; } d = -d; }
        d *= a[c][c];
        for (int r = c + 1; r < N; r++) { double f = a[r][c] / a[c][c]; for (int k = c; k < N; k++) a[r][k] -= f * a[c][k]; }
    }
    return d;
}

int main(void) {
    double a[N][N + 1] = {{2, 1, -1, 3, 5}, {-3, -1, 2, 1, -2}, {-2, 1, 2, -4, 1}, {1, 2, 3, 4, 10}};
    double m[N][N];
    for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) m[i][j] = a[i][j];
    double x[N];
    int ok = solve(a, x);
    printf("solve ok=%d x=", ok);
    for (int i = 0; i < N; i++) printf(" %.9f", x[i]);
    printf("\ndet=%.6f\n", det(m));
    double sing[N][N + 1] = {{1, 2, 3, 4, 1}, {2, 4, 6, 8, 2}, {0, 1, 0, 1, 0}, {1, 0, 1, 0, 0}};
    printf("singular solve ok=%d\n", solve(sing, x));
    /* Hilbert matrix determinant */
    double h[N][N];
    for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) h[i][j] = 1.0 / (i + j + 1);
    printf("hilbert det=%.6e\n", det(h));
    /* least squares fit y = a + b x */
    double xs[] = {0, 1, 2, 3, 4, 5, 6, 7}, ys[] = {1.1, 2.9, 5.2, 7.1, 8.8, 11.2, 13.1, 14.8};
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (int i = 0; i < 8; i++) { sx += xs[i]; sy += ys[i]; sxx += xs[i] * xs[i]; sxy += xs[i] * ys[i]; }
    double b = (8 * sxy - sx * sy) / (8 * sxx - sx * sx), a0 = (sy - b * sx) / 8;
    printf("fit a=%.6f b=%.6f\n", a0, b);
    return ok + (int)lround(b);
}

/* Dense double matrix multiply (i-k-j order) and a transpose-based variant.
 * Entries are small integers, so every product and sum is exact in double and
 * the output does not depend on FMA contraction or summation order. */
#include <stdio.h>

#define N 96

static double a[N][N], b[N][N], c[N][N], bt[N][N];

static void mul_ikj(void) {
    for (int i = 0; i < N; i++) {
        for (int j = 0; j < N; j++)
            c[i][j] = 0.0;
        for (int k = 0; k < N; k++) {
            double aik = a[i][k];
            for (int j = 0; j < N; j++)
                c[i][j] += aik * b[k][j];
        }
    }
}

static void mul_dot(void) {
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++)
            bt[j][i] = b[i][j];
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            double s = 0.0;
            for (int k = 0; k < N; k++)
                s += a[i][k] * bt[j][k];
            c[i][j] = s;
        }
}

static double checksum(void) {
    double s = 0.0;
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++)
            s += c[i][j] * (double)((i + 2 * j) % 5 - 2);
    return s;
}

int main(void) {
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            a[i][j] = (double)((i * 7 + j * 3) % 11 - 5);
            b[i][j] = (double)((i * 5 + j * 13) % 9 - 4);
        }
    double total = 0.0;
    for (int rep = 0; rep < 3; rep++) {
        mul_ikj();
        double s1 = checksum();
        mul_dot();
        double s2 = checksum();
        printf("rep %d: ikj %.1f dot %.1f trace %.1f\n", rep, s1, s2, c[rep][rep] + c[N - 1 - rep][rep]);
        total += s1 - s2;
        for (int i = 0; i < N; i++)
            a[i][(i + rep) % N] += 1.0;
    }
    printf("diff %.1f\n", total);
    return total == 0.0 ? 0 : 1;
}

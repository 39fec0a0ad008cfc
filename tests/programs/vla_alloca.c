/* Variable-length arrays, alloca, dynamic stack frames and VLA of VLAs. */
#include <stdio.h>
#include <alloca.h>
#include <string.h>

__attribute__((noinline)) static long vla_sum(int n) {
    long a[n];
    for (int i = 0; i < n; i++) a[i] = (long)i * i;
    long s = 0;
    for (int i = 0; i < n; i++) s += a[i];
    return s;
}
__attribute__((noinline)) static int vla2d(int rows, int cols) {
    int m[rows][cols];
    for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) m[r][c] = r * cols + c;
    int t = 0;
    for (int r = 0; r < rows && r < cols; r++) t += m[r][r];
    return t + (int)sizeof m;
}
__attribute__((noinline)) static unsigned alloca_hash(const char *s) {
    size_t n = strlen(s);
    char *copy = alloca(n + 1);
    memcpy(copy, s, n + 1);
    for (size_t i = 0; i < n / 2; i++) { char t = copy[i]; copy[i] = copy[n - 1 - i]; copy[n - 1 - i] = t; }
    unsigned h = 0;
    for (size_t i = 0; i < n; i++) h = h * 31 + (unsigned char)copy[i];
    return h;
}
__attribute__((noinline)) static double vla_in_loop(int iters) {
    double total = 0;
    for (int k = 1; k <= iters; k++) {
        double v[k];
        for (int i = 0; i < k; i++) v[i] = 1.0 / (i + 1);
        for (int i = 0; i < k; i++) total += v[i];
    }
    return total;
}
static int recurse_vla(int n) { if (n == 0) return 0; char buf[n * 8]; memset(buf, n, sizeof buf); return buf[n * 4] + recurse_vla(n - 1); }

int main(void) {
    for (int n = 1; n <= 1000; n *= 10) printf("vla_sum(%d)=%ld\n", n, vla_sum(n));
    printf("vla2d %d %d\n", vla2d(3, 4), vla2d(10, 7));
    printf("alloca_hash %u %u\n", alloca_hash("hello world"), alloca_hash(""));
    printf("vla_in_loop %.10f\n", vla_in_loop(50));
    printf("recurse_vla %d\n", recurse_vla(40));
    return vla2d(2, 2);
}

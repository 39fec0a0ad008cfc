/* Sorting algorithms: bubble, insertion, selection, shell, heap, counting, radix; on int/short/long arrays. */
#include <stdio.h>
#include <string.h>

#define N 300
static void bubble(int *a, int n) { for (int i = 0; i < n; i++) for (int j = 0; j + 1 < n - i; j++) if (a[j] > a[j + 1]) { int t = a[j]; a[j] = a[j + 1]; a[j + 1] = t; } }
static void insertion(short *a, int n) { for (int i = 1; i < n; i++) { short k = a[i]; int j = i - 1; while (j >= 0 && a[j] > k) { a[j + 1] = a[j]; j--; } a[j + 1] = k; } }
static void selection(long *a, int n) { for (int i = 0; i < n; i++) { int m = i; for (int j = i + 1; j < n; j++) if (a[j] < a[m]) m = j; long t = a[i]; a[i] = a[m]; a[m] = t; } }
static void shell(int *a, int n) { for (int g = n / 2; g > 0; g /= 2) for (int i = g; i < n; i++) { int t = a[i], j; for (j = i; j >= g && a[j - g] > t; j -= g) a[j] = a[j - g]; a[j] = t; } }
static void sift(unsigned *a, int i, int n) {
    for (;;) { int l = 2 * i + 1, r = l + 1, m = i; if (l < n && a[l] > a[m]) m = l; if (r < n && a[r] > a[m]) m = r; if (m == i) return; unsigned t = a[i]; a[i] = a[m]; a[m] = t; i = m; }
}
static void heapsort_(unsigned *a, int n) { for (int i = n / 2 - 1; i >= 0; i--) sift(a, i, n); for (int e = n - 1; e > 0; e--) { unsigned t = a[0]; a[0] = a[e]; a[e] = t; sift(a, 0, e); } }
static void counting(unsigned char *a, int n) { int c[256] = {0}; for (int i = 0; i < n; i++) c[a[i]]++; int k = 0; for (int v = 0; v < 256; v++) while (c[v]--) a[k++] = (unsigned char)v; }
static void radix(unsigned *a, int n) {
    static unsigned tmp[N];
    for (int sh = 0; sh < 32; sh += 8) {
        int cnt[257] = {0};
        for (int i = 0; i < n; i++) cnt[((a[i] >> sh) & 255) + 1]++;
        for (int i = 0; i < 256; i++) cnt[i + 1] += cnt[i];
        for (int i = 0; i < n; i++) tmp[cnt[(a[i] >> sh) & 255]++] = a[i];
        memcpy(a, tmp, (size_t)n * sizeof *a);
    }
}
#define CHECK(a, n) ({ int ok_ = 1; for (int i_ = 1; i_ < (n); i_++) ok_ &= !((a)[i_ - 1] > (a)[i_]); ok_; })

int main(void) {
    int a1[N], a4[N]; short a2[N]; long a3[N]; unsigned a5[N], a7[N]; unsigned char a6[N];
    unsigned x = 7;
    for (int i = 0; i < N; i++) {
        x = x * 1103515245u + 12345u;
        a1[i] = a4[i] = (int)(x >> 4) % 1000 - 500;
        a2[i] = (short)(x >> 8);
        a3[i] = (long)x * 100003 - 200000000000L;
        a5[i] = a7[i] = x;
        a6[i] = (unsigned char)(x >> 24);
    }
    bubble(a1, N); insertion(a2, N); selection(a3, N); shell(a4, N); heapsort_(a5, N); counting(a6, N); radix(a7, N);
    printf("bubble %d [%d..%d]\n", CHECK(a1, N), a1[0], a1[N - 1]);
    printf("insertion %d [%d..%d]\n", CHECK(a2, N), a2[0], a2[N - 1]);
    printf("selection %d [%ld..%ld]\n", CHECK(a3, N), a3[0], a3[N - 1]);
    printf("shell %d same-as-bubble %d\n", CHECK(a4, N), memcmp(a1, a4, sizeof a1) == 0);
    printf("heap %d [%u..%u]\n", CHECK(a5, N), a5[0], a5[N - 1]);
    printf("counting %d [%u..%u]\n", CHECK(a6, N), a6[0], a6[N - 1]);
    printf("radix %d same-as-heap %d\n", CHECK(a7, N), memcmp(a5, a7, sizeof a5) == 0);
    long s = 0;
    for (int i = 0; i < N; i += 30) s += a1[i] + a2[i] + (a3[i] >> 20) + a6[i];
    printf("sample sum %ld\n", s);
    return CHECK(a1, N) + CHECK(a7, N);
}

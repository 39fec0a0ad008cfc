/* Duff's device, manual unrolling, loop with multiple exits, nested loops with continue/break labels. */
#include <stdio.h>

__attribute__((noinline)) static void duff_copy(short *to, const short *from, int count) {
    int n = (count + 7) / 8;
    switch (count % 8) {
    case 0: do { *to++ = *from++; /* fallthrough */
    case 7: *to++ = *from++; /* fallthrough */
    case 6: *to++ = *from++; /* fallthrough */
    case 5: *to++ = *from++; /* fallthrough */
    case 4: *to++ = *from++; /* fallthrough */
    case 3: *to++ = *from++; /* fallthrough */
    case 2: *to++ = *from++; /* fallthrough */
    case 1: *to++ = *from++;
            } while (--n > 0);
    }
}
__attribute__((noinline)) static long unrolled_sum(const int *a, int n) {
    long s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    int i = 0;
    for (; i + 4 <= n; i += 4) { s0 += a[i]; s1 += a[i + 1]; s2 += a[i + 2]; s3 += a[i + 3]; }
    for (; i < n; i++) s0 += a[i];
    return s0 + s1 + s2 + s3;
}
__attribute__((noinline)) static int find_first(const int *a, int n, int lo, int hi) {
    for (int i = 0; i < n; i++) {
        if (a[i] < 0) return -1;
        if (a[i] >= lo && a[i] <= hi) return i;
        if (a[i] == 999) break;
    }
    return -2;
}
__attribute__((noinline)) static int count_grid(int n) {
    int c = 0;
    for (int i = 0; i < n; i++) {
        if (i % 3 == 0) continue;
        for (int j = 0; j < n; j++) {
            if (j > i) break;
            if ((i + j) % 5 == 0) continue;
            c += i ^ j;
        }
    }
    return c;
}

int main(void) {
    short src[50], dst[50];
    for (int i = 0; i < 50; i++) src[i] = (short)(i * 100 - 2500);
    for (int count = 1; count <= 17; count += 4) {
        for (int i = 0; i < 50; i++) dst[i] = -1;
        duff_copy(dst, src, count);
        int ok = 1;
        for (int i = 0; i < 50; i++) ok &= dst[i] == (i < count ? src[i] : -1);
        printf("duff %d ok=%d\n", count, ok);
    }
    int a[103];
    for (int i = 0; i < 103; i++) a[i] = i * 3 + 1;
    for (int n = 0; n <= 103; n += 17) printf("unrolled(%d)=%ld\n", n, unrolled_sum(a, n));
    int b[] = {5, 8, 999, 20, 30, -1};
    printf("find_first %d %d %d\n", find_first(b, 6, 6, 10), find_first(b, 6, 15, 25), find_first(b + 3, 3, 100, 200));
    printf("count_grid %d %d\n", count_grid(10), count_grid(60));
    return count_grid(10) % 256;
}

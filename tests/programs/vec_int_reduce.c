/* Loops the -O3 vectorizer handles: sum/min/max/dot of int, short, char, long arrays. */
#include <stdio.h>
#include <stdint.h>

#define N 1000
static int32_t ia[N], ib[N];
static int16_t sa[N], sb[N];
static int8_t ca[N];
static uint8_t ua[N];
static int64_t la[N];
static uint32_t uia[N];

__attribute__((noinline)) static long sum_i(const int32_t *a, int n) { long s = 0; for (int i = 0; i < n; i++) s += a[i]; return s; }
__attribute__((noinline)) static int32_t sum_i32(const int32_t *a, int n) { uint32_t s = 0; for (int i = 0; i < n; i++) s += (uint32_t)a[i]; return (int32_t)s; }
__attribute__((noinline)) static int min_i(const int32_t *a, int n) { int m = a[0]; for (int i = 1; i < n; i++) m = a[i] < m ? a[i] : m; return m; }
__attribute__((noinline)) static int max_i(const int32_t *a, int n) { int m = a[0]; for (int i = 1; i < n; i++) m = a[i] > m ? a[i] : m; return m; }
__attribute__((noinline)) static long dot_i(const int32_t *a, const int32_t *b, int n) { long s = 0; for (int i = 0; i < n; i++) s += (long)a[i] * b[i]; return s; }
__attribute__((noinline)) static int dot_s(const int16_t *a, const int16_t *b, int n) { int s = 0; for (int i = 0; i < n; i++) s += a[i] * b[i]; return s; }
__attribute__((noinline)) static int sum_c(const int8_t *a, int n) { int s = 0; for (int i = 0; i < n; i++) s += a[i]; return s; }
__attribute__((noinline)) static unsigned sum_u8(const uint8_t *a, int n) { unsigned s = 0; for (int i = 0; i < n; i++) s += a[i]; return s; }
__attribute__((noinline)) static int8_t max_c(const int8_t *a, int n) { int8_t m = -128; for (int i = 0; i < n; i++) m = a[i] > m ? a[i] : m; return m; }
__attribute__((noinline)) static uint8_t min_u8(const uint8_t *a, int n) { uint8_t m = 255; for (int i = 0; i < n; i++) m = a[i] < m ? a[i] : m; return m; }
__attribute__((noinline)) static short min_s(const int16_t *a, int n) { short m = 32767; for (int i = 0; i < n; i++) m = a[i] < m ? a[i] : m; return m; }
__attribute__((noinline)) static int64_t sum_l(const int64_t *a, int n) { int64_t s = 0; for (int i = 0; i < n; i++) s += a[i]; return s; }
__attribute__((noinline)) static int64_t max_l(const int64_t *a, int n) { int64_t m = INT64_MIN; for (int i = 0; i < n; i++) m = a[i] > m ? a[i] : m; return m; }
__attribute__((noinline)) static unsigned xor_u(const uint32_t *a, int n) { unsigned s = 0; for (int i = 0; i < n; i++) s ^= a[i]; return s; }
__attribute__((noinline)) static unsigned umax(const uint32_t *a, int n) { unsigned m = 0; for (int i = 0; i < n; i++) m = a[i] > m ? a[i] : m; return m; }
__attribute__((noinline)) static int count_gt(const int32_t *a, int n, int t) { int c = 0; for (int i = 0; i < n; i++) c += a[i] > t; return c; }
__attribute__((noinline)) static long sum_abs(const int32_t *a, int n) { long s = 0; for (int i = 0; i < n; i++) s += a[i] < 0 ? -a[i] : a[i]; return s; }

int main(void) {
    uint32_t x = 2463534242u;
    for (int i = 0; i < N; i++) {
        x ^= x << 13; x ^= x >> 17; x ^= x << 5;
        ia[i] = (int32_t)(x % 2000001) - 1000000;
        ib[i] = (int32_t)(x >> 20) - 2048;
        sa[i] = (int16_t)((x >> 3) % 301) - 150;
        sb[i] = (int16_t)((x >> 11) % 201) - 100;
        ca[i] = (int8_t)((int)(x >> 7 & 0xff) - 128);
        ua[i] = (uint8_t)(x >> 13);
        la[i] = (int64_t)x * 3000000 - 6000000000000000LL;
        uia[i] = x;
    }
    for (int n = 1; n <= N; n = n * 3 + 1)
        printf("n=%d sum=%ld sum32=%d min=%d max=%d dot=%ld dots=%d sumc=%d sumu8=%u maxc=%d minu8=%u mins=%d "
               "suml=%lld maxl=%lld xor=%08x umax=%u gt=%d abs=%ld\n",
               n, sum_i(ia, n), sum_i32(ia, n), min_i(ia, n), max_i(ia, n), dot_i(ia, ib, n), dot_s(sa, sb, n),
               sum_c(ca, n), sum_u8(ua, n), max_c(ca, n), min_u8(ua, n), min_s(sa, n), (long long)sum_l(la, n),
               (long long)max_l(la, n), xor_u(uia, n), umax(uia, n), count_gt(ia, n, 0), sum_abs(ia, n));
    return count_gt(ia, N, 500000) % 256;
}

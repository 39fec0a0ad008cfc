/* Checks musl's x86_64 memcpy, memmove and memset (src/string/x86_64/mem{cpy,move,set}.s from
 * Debian's musl source), translated by crt-cc and renamed musl_* with the target's objcopy, against plain C
 * reference loops: every size 0..300, every source and destination alignment 0..15, memmove
 * overlaps in both directions, fill values, return values, and guard bytes around every
 * destination.  Used by tests/test_real_projects.py; prints one line per failure (at most 20)
 * and a summary, exits 0 only if every check passed. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

void *musl_memcpy(void *dst, const void *src, size_t n);
void *musl_memmove(void *dst, const void *src, size_t n);
void *musl_memset(void *dst, int c, size_t n);

#define MAXN 300
#define GUARD 64
#define ALIGN 64
#define BUF (GUARD + 16 + 4096 + 16 + GUARD)

static unsigned char src_buf[BUF] __attribute__((aligned(ALIGN)));
static unsigned char dst_buf[BUF] __attribute__((aligned(ALIGN)));
static unsigned char ref_buf[BUF] __attribute__((aligned(ALIGN)));
static unsigned char mov_buf[2 * BUF] __attribute__((aligned(ALIGN)));
static unsigned char mov_ref[2 * BUF] __attribute__((aligned(ALIGN)));

static unsigned long checks, failures;

static void fail(const char *what, size_t n, int a, int b, long extra, size_t at, unsigned got,
                 unsigned want) {
    if (++failures <= 20)
        printf("FAIL %s n=%zu a=%d b=%d extra=%ld: byte %zu is 0x%02x, expected 0x%02x\n", what, n, a,
               b, extra, at, got, want);
}

static unsigned char pattern(size_t i, unsigned seed) {
    return (unsigned char)(i * 131u + seed * 7u + (i >> 8) + 1u);
}

static void fill(unsigned char *p, size_t len, unsigned seed) {
    for (size_t i = 0; i < len; i++) p[i] = pattern(i, seed);
}

/* Compares len bytes; reports the first difference. */
static int same(const char *what, const unsigned char *got, const unsigned char *want, size_t len,
                size_t n, int a, int b, long extra) {
    checks++;
    for (size_t i = 0; i < len; i++)
        if (got[i] != want[i]) {
            fail(what, n, a, b, extra, i, got[i], want[i]);
            return 0;
        }
    return 1;
}

static void check_ret(const char *what, void *got, void *want, size_t n, int a, int b) {
    checks++;
    if (got != want && ++failures <= 20)
        printf("FAIL %s n=%zu a=%d b=%d: returned %p, expected %p\n", what, n, a, b, got, want);
}

static void test_memcpy(size_t maxn, size_t step) {
    fill(src_buf, BUF, 1);
    for (size_t n = 0; n <= maxn; n += (n < MAXN ? 1 : step))
        for (int sa = 0; sa < 16; sa++)
            for (int da = 0; da < 16; da++) {
                unsigned char *s = src_buf + GUARD + sa, *d = dst_buf + GUARD + da;
                size_t span = GUARD + 16 + n + GUARD; /* the part of the buffers this case can touch */
                fill(dst_buf, span, 2 + (unsigned)n);
                for (size_t i = 0; i < span; i++) ref_buf[i] = dst_buf[i];
                for (size_t i = 0; i < n; i++) ref_buf[GUARD + da + i] = s[i];
                void *r = musl_memcpy(d, s, n);
                check_ret("memcpy", r, d, n, sa, da);
                same("memcpy", dst_buf, ref_buf, span, n, sa, da, 0);
            }
    /* The source must not change: compare it with a fresh fill. */
    fill(ref_buf, BUF, 1);
    same("memcpy(src unchanged)", src_buf, ref_buf, BUF, 0, 0, 0, 0);
}

/* One memmove of n bytes from mov_buf+so to mov_buf+do_, checked against a reference that
 * copies through a temporary (always correct for overlaps). */
static void one_memmove(size_t n, size_t so, size_t do_, int sa, int da, long delta) {
    size_t lo = (so < do_ ? so : do_), hi = (so > do_ ? so : do_) + n;
    size_t from = lo - GUARD, to = hi + GUARD;
    unsigned char tmp[MAXN + 64];
    unsigned char *big = NULL;
    fill(mov_buf + from, to - from, 3 + (unsigned)n + (unsigned)so);
    for (size_t i = from; i < to; i++) mov_ref[i] = mov_buf[i];
    unsigned char *t = tmp;
    if (n > sizeof tmp) t = big = malloc(n);
    for (size_t i = 0; i < n; i++) t[i] = mov_ref[so + i];
    for (size_t i = 0; i < n; i++) mov_ref[do_ + i] = t[i];
    free(big);
    void *r = musl_memmove(mov_buf + do_, mov_buf + so, n);
    check_ret("memmove", r, mov_buf + do_, n, sa, da);
    same("memmove", mov_buf + from, mov_ref + from, to - from, n, sa, da, delta);
}

static void test_memmove(void) {
    const size_t base = BUF / 2; /* room for GUARD + MAXN on both sides */
    for (size_t n = 0; n <= MAXN; n++) {
        /* Disjoint buffers, every alignment pair. */
        for (int sa = 0; sa < 16; sa++)
            for (int da = 0; da < 16; da++)
                one_memmove(n, base + sa, base + 2 * GUARD + MAXN + 16 + da, sa, da, 0);
        /* Overlaps: dst = src + delta for small deltas (both directions, each source
         * alignment) and around +-n, where the copy direction matters most. */
        long deltas[] = {-33, -17, -16, -15, -9, -8, -7, -2, -1, 0, 1, 2, 7, 8, 9, 15, 16, 17, 33,
                         -(long)n - 1, -(long)n, -(long)n + 1, (long)n - 1, (long)n, (long)n + 1};
        for (int sa = 0; sa < 16; sa++)
            for (size_t k = 0; k < sizeof deltas / sizeof deltas[0]; k++) {
                size_t so = base + sa, do_ = (size_t)((long)so + deltas[k]);
                one_memmove(n, so, do_, sa, (int)(do_ % 16), deltas[k]);
            }
    }
    /* Larger overlapping moves. */
    for (size_t n = 512; n <= 2048; n += 509)
        for (long delta = -70; delta <= 70; delta += 35)
            one_memmove(n, BUF / 2 + 3, (size_t)((long)BUF / 2 + 3 + delta), 3, 3, delta);
}

static void test_memset(void) {
    const int values[] = {0, 1, 0x5a, 0x7f, 0x80, 0xff, -1, 0x1234, -129};
    for (size_t n = 0; n <= MAXN + 1700; n += (n < MAXN ? 1 : 97))
        for (int da = 0; da < 16; da++)
            for (size_t v = 0; v < sizeof values / sizeof values[0]; v++) {
                unsigned char *d = dst_buf + GUARD + da;
                size_t span = GUARD + 16 + n + GUARD;
                fill(dst_buf, span, 5 + (unsigned)n);
                for (size_t i = 0; i < span; i++) ref_buf[i] = dst_buf[i];
                for (size_t i = 0; i < n; i++) ref_buf[GUARD + da + i] = (unsigned char)values[v];
                void *r = musl_memset(d, values[v], n);
                check_ret("memset", r, d, n, da, values[v]);
                same("memset", dst_buf, ref_buf, span, n, da, values[v], 0);
            }
}

int main(void) {
    unsigned long c0 = checks, f0 = failures;
    test_memcpy(4096, 331);
    printf("memcpy: %lu checks, %lu failures\n", checks - c0, failures - f0);
    c0 = checks, f0 = failures;
    test_memmove();
    printf("memmove: %lu checks, %lu failures\n", checks - c0, failures - f0);
    c0 = checks, f0 = failures;
    test_memset();
    printf("memset: %lu checks, %lu failures\n", checks - c0, failures - f0);
    printf("%s: %lu checks, %lu failures\n", failures ? "FAILED" : "OK", checks, failures);
    return failures != 0;
}

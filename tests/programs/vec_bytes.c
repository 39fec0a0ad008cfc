/* Byte/array loops: histograms, count matching chars, reverse, abs, copy, fill, xor-cipher, to-upper. */
#include <stdio.h>
#include <string.h>
#include <stdint.h>

#define N 4096
static unsigned char buf[N], out[N];
static int ints[N], ints2[N];
static short shorts[N];

__attribute__((noinline)) static void histogram(const unsigned char *p, int n, unsigned *h) { for (int i = 0; i < n; i++) h[p[i]]++; }
__attribute__((noinline)) static int count_char(const unsigned char *p, int n, unsigned char c) { int k = 0; for (int i = 0; i < n; i++) k += p[i] == c; return k; }
__attribute__((noinline)) static void reverse_ints(int *a, int n) { for (int i = 0, j = n - 1; i < j; i++, j--) { int t = a[i]; a[i] = a[j]; a[j] = t; } }
__attribute__((noinline)) static void reverse_copy(int *d, const int *s, int n) { for (int i = 0; i < n; i++) d[i] = s[n - 1 - i]; }
__attribute__((noinline)) static void abs_ints(int *a, int n) { for (int i = 0; i < n; i++) a[i] = a[i] < 0 ? -a[i] : a[i]; }
__attribute__((noinline)) static void abs_shorts(short *a, int n) { for (int i = 0; i < n; i++) a[i] = (short)(a[i] < 0 ? -a[i] : a[i]); }
__attribute__((noinline)) static void copy_bytes(unsigned char *d, const unsigned char *s, int n) { for (int i = 0; i < n; i++) d[i] = s[i]; }
__attribute__((noinline)) static void fill_ints(int *a, int n, int v) { for (int i = 0; i < n; i++) a[i] = v; }
__attribute__((noinline)) static void xor_cipher(unsigned char *d, const unsigned char *s, int n, uint32_t key) {
    for (int i = 0; i < n; i++) d[i] = s[i] ^ (unsigned char)(key >> (8 * (i & 3)));
}
__attribute__((noinline)) static void to_upper(unsigned char *p, int n) { for (int i = 0; i < n; i++) p[i] = (p[i] >= 'a' && p[i] <= 'z') ? (unsigned char)(p[i] - 32) : p[i]; }
__attribute__((noinline)) static void add_sat_u8(unsigned char *d, const unsigned char *a, int n, unsigned char k) {
    for (int i = 0; i < n; i++) { unsigned v = a[i] + k; d[i] = (unsigned char)(v > 255 ? 255 : v); }
}
__attribute__((noinline)) static void widen(int *d, const unsigned char *s, int n) { for (int i = 0; i < n; i++) d[i] = s[i] * 3 - 100; }
__attribute__((noinline)) static void narrow(unsigned char *d, const int *s, int n) { for (int i = 0; i < n; i++) d[i] = (unsigned char)s[i]; }
__attribute__((noinline)) static void avg_u8(unsigned char *d, const unsigned char *a, const unsigned char *b, int n) {
    for (int i = 0; i < n; i++) d[i] = (unsigned char)((a[i] + b[i] + 1) >> 1);
}
static unsigned fnv(const unsigned char *p, int n) { unsigned h = 2166136261u; for (int i = 0; i < n; i++) h = (h ^ p[i]) * 16777619u; return h; }

int main(void) {
    uint32_t x = 88172645u;
    for (int i = 0; i < N; i++) { x ^= x << 13; x ^= x >> 17; x ^= x << 5; buf[i] = (unsigned char)("abcdefghij ,.XYZ"[x & 15]); ints[i] = (int)(x % 20001) - 10000; shorts[i] = (short)((int)(x >> 16) - 32768); }
    unsigned h[256] = {0};
    histogram(buf, N, h);
    for (int c = 0; c < 256; c++) if (h[c]) printf("'%c'=%u ", c, h[c]);
    printf("\ncount a=%d space=%d\n", count_char(buf, N, 'a'), count_char(buf, N, ' '));
    reverse_copy(ints2, ints, N);
    reverse_ints(ints, N);
    printf("reverse equal=%d first=%d\n", memcmp(ints, ints2, sizeof ints) == 0, ints[0]);
    abs_ints(ints, N);
    abs_shorts(shorts, N);
    long s = 0, ss = 0;
    for (int i = 0; i < N; i++) { s += ints[i]; ss += shorts[i]; }
    printf("abs sums %ld %ld\n", s, ss);
    copy_bytes(out, buf, N);
    printf("copy fnv %08x %08x\n", fnv(buf, N), fnv(out, N));
    to_upper(out, N);
    printf("upper fnv %08x sample %.20s\n", fnv(out, N), (const char *)out);
    xor_cipher(out, buf, N, 0xdeadbeefu);
    printf("xor fnv %08x\n", fnv(out, N));
    add_sat_u8(out, buf, N, 170);
    printf("sat fnv %08x\n", fnv(out, N));
    widen(ints2, buf, N);
    narrow(out, ints2, N);
    printf("widen/narrow fnv %08x\n", fnv(out, N));
    avg_u8(out, buf, out, N);
    printf("avg fnv %08x\n", fnv(out, N));
    fill_ints(ints, N, -7);
    s = 0;
    for (int i = 0; i < N; i++) s += ints[i];
    printf("fill sum %ld\n", s);
    return count_char(buf, N, 'X') % 256;
}

/* Bit manipulation in HumanEval style: popcount sort key (builtin and loop), binary strings, bit reversal,
 * power-of-two tests, clz/ctz, parity, gray code, rotate, byte swap, hamming distance. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int count_ones_builtin(unsigned x) { return __builtin_popcount(x); }
int count_ones_ll(unsigned long long x) { return __builtin_popcountll(x); }

int count_ones_loop(int x) {
    unsigned u = (unsigned)x;
    int c = 0;
    while (u) {
        u &= u - 1;
        c++;
    }
    return c;
}

static int cmp_bits(const void *pa, const void *pb) {
    int a = *(const int *)pa, b = *(const int *)pb;
    int ca = __builtin_popcount((unsigned)a), cb = __builtin_popcount((unsigned)b);
    if (ca != cb) return ca - cb;
    return a < b ? -1 : a > b;
}

void sort_by_bits(int *a, int n) { qsort(a, n, sizeof(int), cmp_bits); }

int highest_bit(unsigned x) { return x ? 31 - __builtin_clz(x) : -1; }
int lowest_bit(unsigned long x) { return x ? __builtin_ctzl(x) : -1; }
int parity(unsigned x) { return __builtin_parity(x); }
int is_power_of_two(long x) { return x > 0 && (x & (x - 1)) == 0; }

uint32_t reverse_bits(uint32_t x) {
    uint32_t r = 0;
    for (int i = 0; i < 32; i++) {
        r = (r << 1) | (x & 1);
        x >>= 1;
    }
    return r;
}

uint32_t rotl32(uint32_t x, int k) { return (x << (k & 31)) | (x >> ((32 - k) & 31)); }
uint64_t bswap64(uint64_t x) { return __builtin_bswap64(x); }
uint32_t bswap32_manual(uint32_t x) {
    return (x >> 24) | ((x >> 8) & 0xff00) | ((x << 8) & 0xff0000) | (x << 24);
}
unsigned gray_code(unsigned n) { return n ^ (n >> 1); }
int hamming(unsigned long long a, unsigned long long b) { return __builtin_popcountll(a ^ b); }

char *to_binary(unsigned long long x) {
    char *out = malloc(65);
    if (x == 0) {
        strcpy(out, "0");
        return out;
    }
    int hb = 63 - __builtin_clzll(x);
    for (int i = hb; i >= 0; i--) out[hb - i] = (char)('0' + ((x >> i) & 1));
    out[hb + 1] = '\0';
    return out;
}

long long from_binary(const char *s) {
    long long v = 0;
    for (; *s; s++) v = (v << 1) | (*s == '1');
    return v;
}

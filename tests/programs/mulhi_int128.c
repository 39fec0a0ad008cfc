/* 64x64->128 multiplication via __int128 and 128-bit arithmetic. */
#include <stdio.h>
#include <stdint.h>

typedef unsigned __int128 u128;
typedef __int128 s128;

__attribute__((noinline)) static uint64_t umulhi(uint64_t a, uint64_t b) { return (uint64_t)(((u128)a * b) >> 64); }
__attribute__((noinline)) static int64_t smulhi(int64_t a, int64_t b) { return (int64_t)(((s128)a * b) >> 64); }
__attribute__((noinline)) static u128 add128(u128 a, u128 b) { return a + b; }
__attribute__((noinline)) static u128 div128(u128 a, u128 b) { return a / b; }
__attribute__((noinline)) static s128 sdiv128(s128 a, s128 b) { return a / b; }
__attribute__((noinline)) static uint64_t mulmod(uint64_t a, uint64_t b, uint64_t m) { return (uint64_t)((u128)a * b % m); }

static void print128(u128 v) {
    char buf[64]; int n = 0;
    if (v == 0) buf[n++] = '0';
    while (v) { buf[n++] = (char)('0' + (int)(v % 10)); v /= 10; }
    while (n) putchar(buf[--n]);
    putchar('\n');
}

static uint64_t powmod(uint64_t b, uint64_t e, uint64_t m) {
    uint64_t r = 1; b %= m;
    while (e) { if (e & 1) r = mulmod(r, b, m); b = mulmod(b, b, m); e >>= 1; }
    return r;
}

int main(void) {
    uint64_t xs[] = {0, 1, 0xffffffffffffffffULL, 0x123456789abcdef0ULL, 0x8000000000000000ULL, 1000000007ULL};
    for (int i = 0; i < 6; i++)
        for (int j = i; j < 6; j++)
            printf("umulhi %d %d = %016llx\n", i, j, (unsigned long long)umulhi(xs[i], xs[j]));
    printf("smulhi %lld %lld %lld\n", (long long)smulhi(-1, 1), (long long)smulhi(INT64_MIN, 2),
           (long long)smulhi(-123456789012345LL, 987654321098765LL));
    u128 big = add128((u128)0xffffffffffffffffULL, 1);
    print128(big);
    print128((u128)0xffffffffffffffffULL * 0xffffffffffffffffULL);
    print128(div128((u128)0xffffffffffffffffULL * 0xffffffffffffffffULL, 1000000007ULL));
    s128 sq = sdiv128(-((s128)1 << 100), 12345);
    printf("sdiv128 neg=%d low=%016llx\n", sq < 0, (unsigned long long)(uint64_t)sq);
    uint64_t p = 0xffffffffffffffc5ULL; /* largest 64-bit prime */
    printf("fermat %llu\n", (unsigned long long)powmod(3, p - 1, p));
    printf("powmod %llu\n", (unsigned long long)powmod(123456789, 987654321, 1000000007));
    /* 128-bit factorial */
    u128 f = 1;
    for (int i = 1; i <= 30; i++) f *= (u128)i;
    print128(f);
    return (int)(powmod(2, 100, 97));
}

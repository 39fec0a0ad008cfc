/* 64-bit constants: materialisation of large immediates, masks, mixed 32/64-bit arithmetic. */
#include <stdio.h>
#include <stdint.h>

__attribute__((noinline)) static uint64_t mix(uint64_t x) { return (x ^ 0x9e3779b97f4a7c15ULL) * 0xbf58476d1ce4e5b9ULL; }
__attribute__((noinline)) static uint64_t masks(uint64_t x) {
    return (x & 0xffffffff00000000ULL) | ((x & 0x00000000ffff0000ULL) >> 16) | ((x & 0xffffULL) << 48);
}
__attribute__((noinline)) static int64_t negc(int64_t x) { return (int64_t)((uint64_t)x + (uint64_t)(-0x123456789abcdefLL)); }
__attribute__((noinline)) static uint64_t addc(uint64_t x) { return x + 0x100000000ULL; }
__attribute__((noinline)) static int cmpc(uint64_t x) { return x > 0x7fffffffffffffffULL; }
__attribute__((noinline)) static uint64_t sel(int c) { return c ? 0xaaaaaaaaaaaaaaaaULL : 0x5555555555555555ULL; }
__attribute__((noinline)) static uint32_t low(uint64_t x) { return (uint32_t)x; }
__attribute__((noinline)) static uint32_t high(uint64_t x) { return (uint32_t)(x >> 32); }
__attribute__((noinline)) static uint64_t combine(uint32_t h, uint32_t l) { return (uint64_t)h << 32 | l; }
__attribute__((noinline)) static int64_t sext(int32_t x) { return x; }
__attribute__((noinline)) static uint64_t zext(uint32_t x) { return x; }
__attribute__((noinline)) static uint64_t mulc(uint64_t x) { return x * 1000000007ULL; }
__attribute__((noinline)) static uint64_t divc(uint64_t x) { return x / 1000000007ULL; }

static const uint64_t table[] = {0, 1, 0x7fffffffffffffffULL, 0x8000000000000000ULL, 0xffffffffffffffffULL,
                                 0x0000000100000000ULL, 0x00000000ffffffffULL, 0xfedcba9876543210ULL, 12345678901234567890ULL};

int main(void) {
    uint64_t acc = 0;
    for (unsigned i = 0; i < sizeof table / sizeof table[0]; i++) {
        uint64_t t = table[i];
        printf("%016llx mix=%016llx masks=%016llx neg=%lld add=%llx cmp=%d lo=%08x hi=%08x mul=%llx div=%llu\n",
               (unsigned long long)t, (unsigned long long)mix(t), (unsigned long long)masks(t), (long long)negc((int64_t)t),
               (unsigned long long)addc(t), cmpc(t), low(t), high(t), (unsigned long long)mulc(t), (unsigned long long)divc(t));
        acc ^= mix(t);
    }
    printf("sel %llx %llx\n", (unsigned long long)sel(1), (unsigned long long)sel(0));
    printf("combine %llx\n", (unsigned long long)combine(0xdeadbeef, 0xcafebabe));
    printf("sext %lld %lld zext %llu\n", (long long)sext(-1), (long long)sext(-2147483647 - 1), (unsigned long long)zext(0xffffffffu));
    printf("limits %lld %lld %llu\n", (long long)INT64_MAX, (long long)INT64_MIN, (unsigned long long)UINT64_MAX);
    printf("acc %016llx\n", (unsigned long long)acc);
    return (int)(acc >> 58);
}

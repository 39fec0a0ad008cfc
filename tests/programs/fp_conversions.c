/* Conversions between float/double and every integer width, signed and unsigned, in both directions. */
#include <stdio.h>
#include <stdint.h>

#define CONV(name, from, to) __attribute__((noinline)) static to name(from x) { return (to)x; }
CONV(d2s8, double, int8_t) CONV(d2u8, double, uint8_t) CONV(d2s16, double, int16_t) CONV(d2u16, double, uint16_t)
CONV(d2s32, double, int32_t) CONV(d2u32, double, uint32_t) CONV(d2s64, double, int64_t) CONV(d2u64, double, uint64_t)
CONV(f2s32, float, int32_t) CONV(f2u32, float, uint32_t) CONV(f2s64, float, int64_t) CONV(f2u64, float, uint64_t)
CONV(s8_2d, int8_t, double) CONV(u8_2d, uint8_t, double) CONV(s16_2f, int16_t, float) CONV(u16_2f, uint16_t, float)
CONV(s32_2d, int32_t, double) CONV(u32_2d, uint32_t, double) CONV(s64_2d, int64_t, double) CONV(u64_2d, uint64_t, double)
CONV(s32_2f, int32_t, float) CONV(u32_2f, uint32_t, float) CONV(s64_2f, int64_t, float) CONV(u64_2f, uint64_t, float)
CONV(d2f, double, float) CONV(f2d, float, double)

int main(void) {
    double ds[] = {0.0, 0.9, -0.9, 1.5, -1.5, 100.75, -100.75, 127.0, 200.5, 65535.0, -32768.0};
    for (unsigned i = 0; i < sizeof ds / sizeof ds[0]; i++) {
        double d = ds[i];
        printf("%g: s8=%d s16=%d s32=%d s64=%lld", d, d > -128.9 && d < 127.9 ? d2s8(d) : 0, d > -32768.9 && d < 32767.9 ? d2s16(d) : 0, d2s32(d), (long long)d2s64(d));
        if (d > -1.0) printf(" u8=%u u16=%u u32=%u u64=%llu", d < 255.9 ? d2u8(d) : 0, d2u16(d), d2u32(d), (unsigned long long)d2u64(d));
        printf("\n");
    }
    printf("big: s32=%d u32=%u s64=%lld u64=%llu\n", d2s32(2147483647.0), d2u32(4294967295.0), (long long)d2s64(-9.2e18),
           (unsigned long long)d2u64(1.8446744073709550e19));
    printf("f: s32=%d u32=%u s64=%lld u64=%llu\n", f2s32(-16777216.0f), f2u32(4.0e9f), (long long)f2s64(-1.0e18f),
           (unsigned long long)f2u64(1.0e19f));
    printf("to d: %g %g %g %g\n", s8_2d(-128), u8_2d(255), s32_2d(-2147483647 - 1), u32_2d(4294967295u));
    printf("to f: %g %g %g %g\n", (double)s16_2f(-32768), (double)u16_2f(65535), (double)s32_2f(2147483647), (double)u32_2f(4294967295u));
    int64_t s64s[] = {0, -1, 9007199254740993LL, -9007199254740993LL, INT64_MAX, INT64_MIN, 123456789123456789LL};
    for (int i = 0; i < 7; i++) printf("s64 %lld -> d %.17g f %.9g\n", (long long)s64s[i], s64_2d(s64s[i]), (double)s64_2f(s64s[i]));
    uint64_t u64s[] = {0, 1, 9007199254740993ULL, 0x8000000000000000ULL, 0x8000000000000001ULL, UINT64_MAX, 0xfffffffffffff7ffULL, 0x7fffffffffffffffULL};
    for (int i = 0; i < 8; i++) printf("u64 %llu -> d %.17g f %.9g\n", (unsigned long long)u64s[i], u64_2d(u64s[i]), (double)u64_2f(u64s[i]));
    printf("d2f %.9g %.9g %g f2d %.17g\n", (double)d2f(0.1), (double)d2f(1e-50), (double)d2f(1e300), f2d(0.3f));
    long tot = 0;
    for (int i = -1000; i <= 1000; i += 7) tot += d2s32(i * 0.37) + (int)d2u16(i > 0 ? i * 1.5 : 0);
    printf("tot=%ld\n", tot);
    return (int)(tot & 0x7f);
}

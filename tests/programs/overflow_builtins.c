/* __builtin_{add,sub,mul}_overflow, saturating arithmetic, checked parsing of numbers. */
#include <stdio.h>
#include <stdint.h>
#include <limits.h>

__attribute__((noinline)) static int add_ovf(int a, int b, int *r) { return __builtin_add_overflow(a, b, r); }
__attribute__((noinline)) static int sub_ovf(long a, long b, long *r) { return __builtin_sub_overflow(a, b, r); }
__attribute__((noinline)) static int mul_ovf(int a, int b, int *r) { return __builtin_mul_overflow(a, b, r); }
__attribute__((noinline)) static int umul_ovf(uint64_t a, uint64_t b, uint64_t *r) { return __builtin_mul_overflow(a, b, r); }
__attribute__((noinline)) static int uadd_ovf(unsigned a, unsigned b, unsigned *r) { return __builtin_add_overflow(a, b, r); }
__attribute__((noinline)) static int mixed_ovf(long a, long b, short *r) { return __builtin_add_overflow(a, b, r); }
__attribute__((noinline)) static int32_t sat_add32(int32_t a, int32_t b) {
    int32_t r;
    if (__builtin_add_overflow(a, b, &r)) return a < 0 ? INT32_MIN : INT32_MAX;
    return r;
}
static int parse_checked(const char *s, long *out) {
    long v = 0;
    int neg = *s == '-';
    if (neg) s++;
    for (; *s; s++) {
        if (*s < '0' || *s > '9') return -1;
        if (__builtin_mul_overflow(v, 10, &v) || (neg ? __builtin_sub_overflow(v, *s - '0', &v) : __builtin_add_overflow(v, *s - '0', &v))) return 1;
    }
    *out = v;
    return 0;
}

int main(void) {
    int ia[] = {0, 1, -1, INT_MAX, INT_MIN, 1 << 16, 46341};
    for (int i = 0; i < 7; i++)
        for (int j = 0; j < 7; j++) {
            int r1 = 0, r2 = 0;
            int o1 = add_ovf(ia[i], ia[j], &r1), o2 = mul_ovf(ia[i], ia[j], &r2);
            if (j == i || j == 3 || j == 4) printf("(%d,%d) add=%d/%d mul=%d/%d\n", ia[i], ia[j], r1, o1, r2, o2);
        }
    long r; int o = sub_ovf(LONG_MIN, 1, &r);
    printf("sub LONG_MIN-1 ovf=%d r=%ld\n", o, r);
    uint64_t u; o = umul_ovf(0x100000000ULL, 0x100000000ULL, &u);
    printf("umul ovf=%d r=%llu\n", o, (unsigned long long)u);
    o = umul_ovf(0xffffffffULL, 0x100000001ULL, &u);
    printf("umul ovf=%d r=%llu\n", o, (unsigned long long)u);
    unsigned ur; o = uadd_ovf(0xfffffff0u, 0x20u, &ur);
    printf("uadd ovf=%d r=%u\n", o, ur);
    short sr; o = mixed_ovf(30000, 2767, &sr);
    printf("to short ovf=%d r=%d\n", o, sr);
    o = mixed_ovf(30000, 2768, &sr);
    printf("to short ovf=%d r=%d\n", o, sr);
    printf("sat %d %d %d\n", sat_add32(INT32_MAX, 5), sat_add32(INT32_MIN, -5), sat_add32(100, -50));
    const char *nums[] = {"9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809", "12x", "42"};
    int overflows = 0;
    for (int i = 0; i < 6; i++) {
        long v = 0;
        int rc = parse_checked(nums[i], &v);
        overflows += rc == 1;
        printf("parse %s rc=%d v=%ld\n", nums[i], rc, rc ? 0L : v);
    }
    return overflows;
}

/* Overflow-aware integer code as LeetCode/HumanEval C solutions write it: __builtin_*_overflow (jo/seto/adc),
 * INT_MAX/INT_MIN guards in atoi and reverse, saturating add, __int128 division (libgcc calls), and checked
 * factorials. */
#include <ctype.h>
#include <limits.h>
#include <stdbool.h>

int my_atoi_sat(const char *s) {
    while (isspace((unsigned char)*s)) s++;
    int sign = 1;
    if (*s == '+' || *s == '-') sign = *s++ == '-' ? -1 : 1;
    int v = 0;
    while (isdigit((unsigned char)*s)) {
        int d = *s++ - '0';
        if (v > (INT_MAX - d) / 10) return sign > 0 ? INT_MAX : INT_MIN;
        v = v * 10 + d;
    }
    return sign * v;
}

int reverse_checked(int x) {
    int r = 0;
    while (x != 0) {
        int d = x % 10;
        if (__builtin_mul_overflow(r, 10, &r) || __builtin_add_overflow(r, d, &r)) return 0;
        x /= 10;
    }
    return r;
}

bool checked_factorial(int n, long long *out) {
    long long r = 1;
    for (int i = 2; i <= n; i++)
        if (__builtin_mul_overflow(r, (long long)i, &r)) return false;
    *out = r;
    return true;
}

unsigned sat_add_u32(unsigned a, unsigned b) {
    unsigned r;
    return __builtin_add_overflow(a, b, &r) ? UINT_MAX : r;
}

int sat_sub_i32(int a, int b) {
    int r;
    if (__builtin_sub_overflow(a, b, &r)) return b < 0 ? INT_MAX : INT_MIN;
    return r;
}

unsigned long long add_carry_u128(unsigned long long alo, unsigned long long ahi, unsigned long long blo,
                                  unsigned long long bhi, unsigned long long *hi) {
    unsigned __int128 a = ((unsigned __int128)ahi << 64) | alo, b = ((unsigned __int128)bhi << 64) | blo;
    unsigned __int128 s = a + b;
    *hi = (unsigned long long)(s >> 64);
    return (unsigned long long)s;
}

long long div128(long long hi, unsigned long long lo, long long d, long long *rem) {
    __int128 n = (__int128)(((unsigned __int128)(unsigned long long)hi << 64) | lo);
    *rem = (long long)(n % d);
    return (long long)(n / d);
}

int mid_point(int lo, int hi) { return lo + (hi - lo) / 2; }
long long sum_no_overflow(const int *a, int n) {
    long long s = 0;
    for (int i = 0; i < n; i++) s += a[i];
    return s;
}

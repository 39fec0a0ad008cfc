/* Unsigned and 64-bit arithmetic: modular exponentiation with __int128, deterministic Miller-Rabin,
 * binary gcd, lcm, digit reversal with overflow detection, integer square root, base-36 conversion,
 * collatz steps on unsigned long long, division by constants of every width. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

uint64_t mulmod(uint64_t a, uint64_t b, uint64_t m) { return (uint64_t)((unsigned __int128)a * b % m); }

uint64_t powmod(uint64_t b, uint64_t e, uint64_t m) {
    uint64_t r = 1 % m;
    b %= m;
    while (e) {
        if (e & 1) r = mulmod(r, b, m);
        b = mulmod(b, b, m);
        e >>= 1;
    }
    return r;
}

bool is_prime_u64(uint64_t n) {
    if (n < 2) return false;
    static const uint64_t small[] = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37};
    for (int i = 0; i < 12; i++) {
        if (n == small[i]) return true;
        if (n % small[i] == 0) return false;
    }
    uint64_t d = n - 1;
    int s = 0;
    while ((d & 1) == 0) {
        d >>= 1;
        s++;
    }
    for (int i = 0; i < 12; i++) {
        uint64_t x = powmod(small[i], d, n);
        if (x == 1 || x == n - 1) continue;
        bool comp = true;
        for (int r = 1; r < s; r++) {
            x = mulmod(x, x, n);
            if (x == n - 1) {
                comp = false;
                break;
            }
        }
        if (comp) return false;
    }
    return true;
}

uint64_t gcd_binary(uint64_t a, uint64_t b) {
    if (!a) return b;
    if (!b) return a;
    int shift = __builtin_ctzll(a | b);
    a >>= __builtin_ctzll(a);
    do {
        b >>= __builtin_ctzll(b);
        if (a > b) {
            uint64_t t = a;
            a = b;
            b = t;
        }
        b -= a;
    } while (b);
    return a << shift;
}

unsigned long lcm(unsigned long a, unsigned long b) { return a / gcd_binary(a, b) * b; }

int reverse_int(int x) {
    long r = 0;
    while (x) {
        r = r * 10 + x % 10;
        x /= 10;
    }
    if (r > 2147483647L || r < -2147483648L) return 0;
    return (int)r;
}

unsigned isqrt(unsigned long long n) {
    unsigned long long lo = 0, hi = 4294967295ULL;
    while (lo < hi) {
        unsigned long long mid = lo + (hi - lo + 1) / 2;
        if (mid * mid <= n) lo = mid;
        else hi = mid - 1;
    }
    return (unsigned)lo;
}

char *to_base36(unsigned long long v) {
    static const char digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    char tmp[16];
    int k = 0;
    do {
        tmp[k++] = digits[v % 36];
        v /= 36;
    } while (v);
    char *out = malloc(k + 1);
    for (int i = 0; i < k; i++) out[i] = tmp[k - 1 - i];
    out[k] = '\0';
    return out;
}

int collatz_steps(unsigned long long n) {
    int steps = 0;
    while (n != 1) {
        n = (n & 1) ? 3 * n + 1 : n / 2;
        steps++;
    }
    return steps;
}

unsigned div7_u32(unsigned x) { return x / 7; }
int div7_s32(int x) { return x / 7; }
unsigned long long div10_u64(unsigned long long x) { return x / 10; }
long long mod13_s64(long long x) { return x % 13; }
unsigned short div3_u16(unsigned short x) { return (unsigned short)(x / 3); }
signed char mod5_s8(signed char x) { return (signed char)(x % 5); }

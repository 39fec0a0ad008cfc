/* GCD (Euclid, binary), LCM, extended Euclid, modular inverse, prime factorisation, divisor sums, totient. */
#include <stdio.h>

__attribute__((noinline)) static unsigned long gcd(unsigned long a, unsigned long b) { while (b) { unsigned long t = a % b; a = b; b = t; } return a; }
__attribute__((noinline)) static unsigned bgcd(unsigned a, unsigned b) {
    if (!a) return b;
    if (!b) return a;
    int sh = __builtin_ctz(a | b);
    a >>= __builtin_ctz(a);
    do { b >>= __builtin_ctz(b); if (a > b) { unsigned t = a; a = b; b = t; } b -= a; } while (b);
    return a << sh;
}
static unsigned long lcm(unsigned long a, unsigned long b) { return a / gcd(a, b) * b; }
static long egcd(long a, long b, long *x, long *y) {
    if (!b) { *x = 1; *y = 0; return a; }
    long x1, y1, g = egcd(b, a % b, &x1, &y1);
    *x = y1; *y = x1 - (a / b) * y1;
    return g;
}
static long modinv(long a, long m) { long x, y; if (egcd(a, m, &x, &y) != 1) return -1; return ((x % m) + m) % m; }
static void factor(unsigned long n) {
    printf("%lu =", n);
    const char *sep = " ";
    for (unsigned long p = 2; p * p <= n; p += (p == 2 ? 1 : 2)) {
        int e = 0;
        while (n % p == 0) { n /= p; e++; }
        if (e) { printf("%s%lu", sep, p); if (e > 1) printf("^%d", e); sep = " * "; }
    }
    if (n > 1) printf("%s%lu", sep, n);
    printf("\n");
}
static unsigned long totient(unsigned long n) {
    unsigned long r = n;
    for (unsigned long p = 2; p * p <= n; p++) if (n % p == 0) { while (n % p == 0) n /= p; r -= r / p; }
    if (n > 1) r -= r / n;
    return r;
}
static unsigned long sigma(unsigned long n) { unsigned long s = 0; for (unsigned long d = 1; d * d <= n; d++) if (n % d == 0) { s += d; if (d * d != n) s += n / d; } return s; }

int main(void) {
    unsigned long pairs[][2] = {{48, 18}, {17, 5}, {0, 9}, {1071, 462}, {1UL << 40, 6UL << 20}, {600851475143UL, 6857}};
    for (int i = 0; i < 6; i++)
        printf("gcd(%lu,%lu)=%lu bgcd=%u lcm=%lu\n", pairs[i][0], pairs[i][1], gcd(pairs[i][0], pairs[i][1]),
               bgcd((unsigned)(pairs[i][0] % 4000000000UL), (unsigned)(pairs[i][1] % 4000000000UL)),
               pairs[i][0] ? lcm(pairs[i][0], pairs[i][1]) : 0);
    unsigned long l = 1;
    for (unsigned long k = 1; k <= 20; k++) l = lcm(l, k);
    printf("lcm(1..20)=%lu\n", l);
    long x, y, g = egcd(240, 46, &x, &y);
    printf("egcd(240,46)=%ld x=%ld y=%ld\n", g, x, y);
    printf("modinv 3 mod 11=%ld, 10 mod 17=%ld, 6 mod 9=%ld\n", modinv(3, 11), modinv(10, 17), modinv(6, 9));
    unsigned long ns[] = {1, 2, 97, 360, 1001, 65536, 600851475143UL, 9999999967UL, 123456789012UL};
    for (int i = 0; i < 9; i++) factor(ns[i]);
    int perfect = 0;
    for (unsigned long n = 2; n < 10000; n++) if (sigma(n) == 2 * n) { printf("perfect %lu\n", n); perfect++; }
    printf("phi(36)=%lu phi(97)=%lu phi(1000000)=%lu\n", totient(36), totient(97), totient(1000000));
    return perfect;
}

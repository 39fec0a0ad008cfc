/* Primality and factor helpers (HumanEval/31, /59, /82). */
#include <stdbool.h>
#include <string.h>

bool is_prime(long n) {
    if (n < 2) return false;
    for (long k = 2; k * k <= n; k++) if (n % k == 0) return false;
    return true;
}

long largest_prime_factor(long n) {
    long largest = 1;
    for (long p = 2; p * p <= n; p++)
        while (n % p == 0) { largest = p; n /= p; }
    return n > 1 ? n : largest;
}

int count_primes(int limit) {
    static unsigned char sieve[100001];
    if (limit > 100000) limit = 100000;
    memset(sieve, 1, (size_t)limit + 1);
    int count = 0;
    for (int i = 2; i <= limit; i++) {
        if (!sieve[i]) continue;
        count++;
        for (long j = (long)i * i; j <= limit; j += i) sieve[j] = 0;
    }
    return count;
}

bool prime_length(const char *s) { return is_prime((long)strlen(s)); }

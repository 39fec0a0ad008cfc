/* Sieve of Eratosthenes (byte and bit versions), prime counting, twin primes, Goldbach check. */
#include <stdio.h>
#include <string.h>
#include <stdint.h>

#define LIMIT 200000
static unsigned char composite[LIMIT + 1];
static uint64_t bits[LIMIT / 64 + 1];

int main(void) {
    memset(composite, 0, sizeof composite);
    composite[0] = composite[1] = 1;
    for (long i = 2; i * i <= LIMIT; i++)
        if (!composite[i])
            for (long j = i * i; j <= LIMIT; j += i) composite[j] = 1;
    int count = 0, twins = 0, last = 0;
    for (int i = 2; i <= LIMIT; i++)
        if (!composite[i]) { count++; if (i - last == 2) twins++; last = i; }
    printf("primes<=%d: %d twins: %d largest: %d\n", LIMIT, count, twins, last);
    printf("first:");
    for (int i = 2, k = 0; k < 20; i++) if (!composite[i]) { printf(" %d", i); k++; }
    printf("\n");
    /* bit sieve of odd numbers */
    for (long i = 3; i * i <= LIMIT; i += 2)
        if (!(bits[i >> 7] >> ((i >> 1) & 63) & 1))
            for (long j = i * i; j <= LIMIT; j += 2 * i) bits[j >> 7] |= 1ULL << ((j >> 1) & 63);
    int bcount = 1;
    for (long i = 3; i <= LIMIT; i += 2) bcount += !(bits[i >> 7] >> ((i >> 1) & 63) & 1);
    printf("bit sieve count=%d\n", bcount);
    int ok = 1;
    for (int n = 4; n <= 2000; n += 2) {
        int found = 0;
        for (int p = 2; p <= n / 2 && !found; p++) found = !composite[p] && !composite[n - p];
        ok &= found;
    }
    printf("goldbach<=2000 %s\n", ok ? "holds" : "fails");
    int gaps[100] = {0}, maxgap = 0;
    last = 2;
    for (int i = 3; i <= LIMIT; i++)
        if (!composite[i]) { int g = i - last; if (g < 100) gaps[g]++; if (g > maxgap) maxgap = g; last = i; }
    printf("maxgap=%d gap2=%d gap4=%d gap6=%d\n", maxgap, gaps[2], gaps[4], gaps[6]);
    return count % 256;
}

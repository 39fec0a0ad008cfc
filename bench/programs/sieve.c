/* Sieve of Eratosthenes (byte array) repeated, plus a prime-gap histogram.
 * Integer loads/stores with strided inner loops: the classic memory-bound kernel. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N 1000000

static unsigned count_primes(unsigned char *composite, unsigned n) {
    memset(composite, 0, n + 1);
    composite[0] = composite[1] = 1;
    for (unsigned i = 2; (unsigned long)i * i <= n; i++)
        if (!composite[i])
            for (unsigned j = i * i; j <= n; j += i)
                composite[j] = 1;
    unsigned c = 0;
    for (unsigned i = 2; i <= n; i++)
        c += !composite[i];
    return c;
}

int main(void) {
    unsigned char *composite = malloc(N + 1);
    if (!composite)
        return 1;
    unsigned total = 0;
    for (unsigned n = N / 4; n <= N; n += N / 4) {
        unsigned c = count_primes(composite, n);
        printf("primes <= %u: %u\n", n, c);
        total += c;
    }
    unsigned hist[8] = {0};
    unsigned prev = 2, maxgap = 0;
    for (unsigned i = 3; i <= N; i++) {
        if (composite[i])
            continue;
        unsigned gap = i - prev;
        if (gap > maxgap)
            maxgap = gap;
        hist[gap / 2 < 7 ? gap / 2 : 7]++;
        prev = i;
    }
    printf("max gap %u; gaps:", maxgap);
    for (int k = 0; k < 8; k++)
        printf(" %u", hist[k]);
    printf("\n");
    free(composite);
    return (int)(total % 251);
}

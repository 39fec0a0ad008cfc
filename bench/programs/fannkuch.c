/* Fannkuch-redux (Benchmarks Game): permutations generated in place, prefix
 * reversals counted; small arrays, data-dependent branches. */
#include <stdio.h>

#define MAXN 12

static int fannkuch(int n, int *checksum) {
    int perm[MAXN], perm1[MAXN], count[MAXN];
    int max_flips = 0, sum = 0, r = n, perm_count = 0;
    for (int i = 0; i < n; i++)
        perm1[i] = i;
    for (;;) {
        while (r != 1) {
            count[r - 1] = r;
            r--;
        }
        for (int i = 0; i < n; i++)
            perm[i] = perm1[i];
        int flips = 0, k;
        while ((k = perm[0]) != 0) {
            for (int i = 0, j = k; i < j; i++, j--) {
                int t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
            }
            flips++;
        }
        if (flips > max_flips)
            max_flips = flips;
        sum += (perm_count % 2 == 0) ? flips : -flips;
        for (;;) {
            if (r == n) {
                *checksum = sum;
                return max_flips;
            }
            int p0 = perm1[0];
            for (int i = 0; i < r; i++)
                perm1[i] = perm1[i + 1];
            perm1[r] = p0;
            if (--count[r] > 0)
                break;
            r++;
        }
        perm_count++;
    }
}

int main(void) {
    int checksum = 0;
    int flips = fannkuch(9, &checksum);
    printf("%d\nPfannkuchen(%d) = %d\n", checksum, 9, flips);
    return flips;
}

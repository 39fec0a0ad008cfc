/* HumanEval/24 largest_divisor, HumanEval/25 factorize, HumanEval/26 remove_duplicates,
 * HumanEval/31 is_prime, HumanEval/59 largest_prime_factor. */
#include <stdbool.h>
#include <stdlib.h>

int largest_divisor(int n) {
    for (int i = 2; i * i <= n; i++)
        if (n % i == 0) return n / i;
    return 1;
}

int *factorize(int n, int *out_n) {
    int *out = malloc(sizeof(int) * 32);
    int k = 0;
    for (int i = 2; i * i <= n; i++)
        while (n % i == 0) {
            n = n / i;
            out[k++] = i;
        }
    if (n > 1) out[k++] = n;
    *out_n = k;
    return out;
}

int *remove_duplicates(const int *numbers, int n, int *out_n) {
    int *out = malloc(sizeof(int) * (n > 0 ? n : 1));
    int k = 0;
    for (int i = 0; i < n; i++) {
        int cnt = 0;
        for (int j = 0; j < n; j++)
            if (numbers[j] == numbers[i]) cnt++;
        if (cnt == 1) out[k++] = numbers[i];
    }
    *out_n = k;
    return out;
}

bool is_prime(long long n) {
    if (n < 2) return false;
    for (long long k = 2; k * k <= n; k++)
        if (n % k == 0) return false;
    return true;
}

int largest_prime_factor(int n) {
    for (int i = 2; i * i <= n; i++)
        while (n % i == 0 && n > i) n = n / i;
    return n;
}

/* HumanEval/94 skjkasdkd (digit sum of the largest prime), HumanEval/95 check_dict_case (keys as char**),
 * HumanEval/96 count_up_to (primes below n, malloc'd), HumanEval/97 multiply (unit digits). */
#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

int skjkasdkd(const int *lst, int n) {
    int largest = 0;
    for (int i = 0; i < n; i++)
        if (lst[i] > largest) {
            bool prime = true;
            for (int j = 2; j * j <= lst[i]; j++)
                if (lst[i] % j == 0) {
                    prime = false;
                    break;
                }
            if (prime) largest = lst[i];
        }
    int sum = 0;
    while (largest > 0) {
        sum += largest % 10;
        largest /= 10;
    }
    return sum;
}

bool check_dict_case(const char **keys, int n) {
    if (n == 0) return false;
    int islower_ = 0, isupper_ = 0;
    for (int i = 0; i < n; i++) {
        const char *key = keys[i];
        for (size_t j = 0; j < strlen(key); j++) {
            if (!isalpha((unsigned char)key[j])) return false;
            if (isupper((unsigned char)key[j])) isupper_ = 1;
            if (islower((unsigned char)key[j])) islower_ = 1;
            if (isupper_ + islower_ == 2) return false;
        }
    }
    return true;
}

int *count_up_to(int n, int *out_n) {
    int *out = malloc(sizeof(int) * (n > 0 ? n : 1));
    int k = 0;
    for (int i = 2; i < n; i++) {
        bool isp = true;
        for (int j = 0; j < k && out[j] * out[j] <= i; j++)
            if (i % out[j] == 0) {
                isp = false;
                break;
            }
        if (isp) out[k++] = i;
    }
    *out_n = k;
    return out;
}

int multiply(int a, int b) { return (abs(a) % 10) * (abs(b) % 10); }

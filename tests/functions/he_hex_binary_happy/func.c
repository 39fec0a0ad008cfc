/* HumanEval/78 hex_key, HumanEval/79 decimal_to_binary ("db...db"), HumanEval/80 is_happy,
 * HumanEval/82 prime_length, HumanEval/83 starts_one_ends, HumanEval/84 solve (binary digit sum). */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

int hex_key(const char *num) {
    const char *key = "2357BD";
    int out = 0;
    for (size_t i = 0; i < strlen(num); i++)
        if (strchr(key, num[i])) out += 1;
    return out;
}

char *decimal_to_binary(int decimal) {
    char bits[40];
    int k = 0;
    if (decimal == 0) bits[k++] = '0';
    while (decimal > 0) {
        bits[k++] = (char)('0' + decimal % 2);
        decimal = decimal / 2;
    }
    char *out = malloc(k + 5);
    out[0] = 'd';
    out[1] = 'b';
    for (int i = 0; i < k; i++) out[2 + i] = bits[k - 1 - i];
    out[k + 2] = 'd';
    out[k + 3] = 'b';
    out[k + 4] = '\0';
    return out;
}

bool is_happy(const char *s) {
    size_t n = strlen(s);
    if (n < 3) return false;
    for (size_t i = 2; i < n; i++)
        if (s[i] == s[i - 1] || s[i] == s[i - 2]) return false;
    return true;
}

bool prime_length(const char *str) {
    int l = (int)strlen(str);
    if (l < 2) return false;
    for (int i = 2; i * i <= l; i++)
        if (l % i == 0) return false;
    return true;
}

int starts_one_ends(int n) {
    if (n < 1) return 0;
    if (n == 1) return 1;
    int out = 18;
    for (int i = 2; i < n; i++) out = out * 10;
    return out;
}

char *solve(int N) {
    int sum = 0;
    while (N > 0) {
        sum += N % 10;
        N = N / 10;
    }
    char *bi = malloc(33);
    int k = 0;
    char tmp[33];
    if (sum == 0) tmp[k++] = '0';
    while (sum > 0) {
        tmp[k++] = (char)('0' + sum % 2);
        sum = sum / 2;
    }
    for (int i = 0; i < k; i++) bi[i] = tmp[k - 1 - i];
    bi[k] = '\0';
    return bi;
}

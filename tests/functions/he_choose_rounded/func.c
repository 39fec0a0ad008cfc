/* HumanEval/102 choose_num, HumanEval/103 rounded_avg (binary string or "-1"), HumanEval/104 unique_digits,
 * HumanEval/105 by_length (digit names via a switch). */
#include <stdlib.h>
#include <string.h>

int choose_num(int x, int y) {
    if (y < x) return -1;
    if (y == x && y % 2 == 1) return -1;
    if (y % 2 == 1) return y - 1;
    return y;
}

char *rounded_avg(int n, int m) {
    if (n > m) {
        char *r = malloc(3);
        strcpy(r, "-1");
        return r;
    }
    int num = (m + n) / 2;
    char buf[40];
    int k = 0;
    do {
        buf[k++] = (char)('0' + num % 2);
        num /= 2;
    } while (num > 0);
    char *out = malloc(k + 3);
    out[0] = '0';
    out[1] = 'b';
    for (int i = 0; i < k; i++) out[2 + i] = buf[k - 1 - i];
    out[k + 2] = '\0';
    return out;
}

int *unique_digits(const int *x, int n, int *out_n) {
    int *out = malloc(sizeof(int) * (n ? n : 1));
    int k = 0;
    for (int i = 0; i < n; i++) {
        int num = x[i];
        int u = 1;
        if (num == 0) u = 0;
        while (num > 0 && u) {
            if (num % 2 == 0) u = 0;
            num = num / 10;
        }
        if (u) out[k++] = x[i];
    }
    for (int i = 0; i < k; i++)
        for (int j = 1; j < k; j++)
            if (out[j] < out[j - 1]) {
                int t = out[j];
                out[j] = out[j - 1];
                out[j - 1] = t;
            }
    *out_n = k;
    return out;
}

static const char *digit_name(int d) {
    switch (d) {
    case 1: return "One";
    case 2: return "Two";
    case 3: return "Three";
    case 4: return "Four";
    case 5: return "Five";
    case 6: return "Six";
    case 7: return "Seven";
    case 8: return "Eight";
    case 9: return "Nine";
    default: return NULL;
    }
}

const char **by_length(const int *arr, int n, int *out_n) {
    int *s = malloc(sizeof(int) * (n ? n : 1));
    if (n) memcpy(s, arr, sizeof(int) * n);
    for (int i = 1; i < n; i++) {
        int v = s[i], j = i - 1;
        while (j >= 0 && s[j] < v) {
            s[j + 1] = s[j];
            j--;
        }
        s[j + 1] = v;
    }
    const char **out = malloc(sizeof(char *) * (n ? n : 1));
    int k = 0;
    for (int i = 0; i < n; i++) {
        const char *name = digit_name(s[i]);
        if (name) out[k++] = name;
    }
    free(s);
    *out_n = k;
    return out;
}

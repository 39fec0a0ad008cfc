/* HumanEval/106 f (factorials and sums), HumanEval/107 even_odd_palindrome (struct returned by value),
 * HumanEval/108 count_nums (signed digit sums), HumanEval/109 move_one_ball. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int *f(int n) {
    int *out = malloc(sizeof(int) * (n > 0 ? n : 1));
    int sum = 0, prod = 1;
    for (int i = 1; i <= n; i++) {
        sum += i;
        prod *= i;
        if (i % 2 == 0) out[i - 1] = prod;
        else out[i - 1] = sum;
    }
    return out;
}

typedef struct { int even; int odd; } eo_count;

static bool is_pal(int n) {
    char s[16];
    sprintf(s, "%d", n);
    int l = (int)strlen(s);
    for (int i = 0; i < l / 2; i++)
        if (s[i] != s[l - 1 - i]) return false;
    return true;
}

eo_count even_odd_palindrome(int n) {
    eo_count r = {0, 0};
    for (int i = 1; i <= n; i++)
        if (is_pal(i)) {
            if (i % 2 == 1) r.odd++;
            else r.even++;
        }
    return r;
}

int count_nums(const int *arr, int n) {
    int num = 0;
    for (int i = 0; i < n; i++) {
        if (arr[i] > 0) {
            num += 1;
        } else {
            int sum = 0;
            int w = abs(arr[i]);
            while (w >= 10) {
                sum += w % 10;
                w = w / 10;
            }
            sum -= w;
            if (sum > 0) num += 1;
        }
    }
    return num;
}

bool move_one_ball(const int *arr, int n) {
    int num = 0;
    if (n == 0) return true;
    for (int i = 1; i < n; i++)
        if (arr[i] < arr[i - 1]) num += 1;
    if (arr[n - 1] > arr[0]) num += 1;
    return num < 2;
}

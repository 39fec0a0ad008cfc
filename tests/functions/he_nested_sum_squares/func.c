/* HumanEval/132 is_nested, HumanEval/133 sum_squares (float ceil), HumanEval/134
 * check_if_last_char_is_a_letter, HumanEval/135 can_arrange, HumanEval/142 sum_squares by index. */
#include <ctype.h>
#include <math.h>
#include <stdbool.h>
#include <string.h>

bool is_nested(const char *str) {
    int count = 0, maxcount = 0;
    for (size_t i = 0; i < strlen(str); i++) {
        if (str[i] == '[') count += 1;
        if (str[i] == ']') count -= 1;
        if (count < 0) count = 0;
        if (count > maxcount) maxcount = count;
        if (count <= maxcount - 2) return true;
    }
    return false;
}

int sum_squares_ceil(const float *lst, int n) {
    int sum = 0;
    for (int i = 0; i < n; i++) {
        int c = (int)ceilf(lst[i]);
        sum += c * c;
    }
    return sum;
}

bool check_if_last_char_is_a_letter(const char *txt) {
    size_t n = strlen(txt);
    if (n == 0) return false;
    char chr = txt[n - 1];
    if (!isalpha((unsigned char)chr)) return false;
    if (n == 1) return true;
    return txt[n - 2] == ' ';
}

int can_arrange(const int *arr, int n) {
    int max = -1;
    for (int i = 1; i < n; i++)
        if (arr[i] <= arr[i - 1]) max = i;
    return max;
}

int sum_squares_idx(const int *lst, int n) {
    int sum = 0;
    for (int i = 0; i < n; i++) {
        if (i % 3 == 0) sum += lst[i] * lst[i];
        else if (i % 4 == 0) sum += lst[i] * lst[i] * lst[i];
        else sum += lst[i];
    }
    return sum;
}

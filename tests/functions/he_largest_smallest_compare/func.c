/* HumanEval/136 largest_smallest_integers (struct of two ints by value, 0 for None),
 * HumanEval/137 compare_one (float and string variants, ',' as decimal point, atof),
 * HumanEval/138 is_equal_to_sum_even, HumanEval/139 special_factorial (long long). */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

typedef struct { int a; int b; } pair_t;

pair_t largest_smallest_integers(const int *lst, int n) {
    int maxneg = 0, minpos = 0;
    for (int i = 0; i < n; i++) {
        if (lst[i] < 0 && (maxneg == 0 || lst[i] > maxneg)) maxneg = lst[i];
        if (lst[i] > 0 && (minpos == 0 || lst[i] < minpos)) minpos = lst[i];
    }
    pair_t r = {maxneg, minpos};
    return r;
}

/* returns the larger value, or NaN-free sentinel: *equal set when equal */
double compare_one_f(double a, double b, bool *equal) {
    *equal = a == b;
    return a > b ? a : b;
}

static double parse_num(const char *s) {
    char buf[64];
    size_t n = strlen(s);
    if (n > 63) n = 63;
    for (size_t i = 0; i < n; i++) buf[i] = s[i] == ',' ? '.' : s[i];
    buf[n] = '\0';
    return atof(buf);
}

const char *compare_one_s(const char *a, const char *b) {
    double x = parse_num(a), y = parse_num(b);
    if (x == y) return NULL;
    return x > y ? a : b;
}

bool is_equal_to_sum_even(int n) { return n % 2 == 0 && n >= 8; }

long long special_factorial(int n) {
    long long fact = 1, bfact = 1;
    for (int i = 1; i <= n; i++) {
        fact = fact * i;
        bfact = bfact * fact;
    }
    return bfact;
}

/* HumanEval/2 truncate_number, HumanEval/8 sum_product (out params and small structs by value). */
#include <math.h>

float truncate_number(float number) { return number - (int)number; }

double truncate_double(double number) { return number - floor(number); }

void sum_product(const int *numbers, int n, int *sum, int *product) {
    int s = 0, p = 1;
    for (int i = 0; i < n; i++) {
        s += numbers[i];
        p *= numbers[i];
    }
    *sum = s;
    *product = p;
}

struct sp { int sum; int product; };

struct sp sum_product_s(const int *numbers, int n) {
    struct sp r = {0, 1};
    for (int i = 0; i < n; i++) {
        r.sum += numbers[i];
        r.product *= numbers[i];
    }
    return r;
}

struct spl { long long sum; long long product; };

struct spl sum_product_ll(const long long *numbers, int n) {
    struct spl r = {0, 1};
    for (int i = 0; i < n; i++) {
        r.sum += numbers[i];
        r.product *= numbers[i];
    }
    return r;
}

struct tri3 { int a, b, c; };

struct tri3 min_mid_max(int x, int y, int z) {
    struct tri3 r;
    if (x > y) { int t = x; x = y; y = t; }
    if (y > z) { int t = y; y = z; z = t; }
    if (x > y) { int t = x; x = y; y = t; }
    r.a = x; r.b = y; r.c = z;
    return r;
}

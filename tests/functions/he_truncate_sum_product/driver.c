#include "../check.h"

struct sp { int sum; int product; };
struct spl { long long sum; long long product; };
struct tri3 { int a, b, c; };
float truncate_number(float number);
double truncate_double(double number);
void sum_product(const int *numbers, int n, int *sum, int *product);
struct sp sum_product_s(const int *numbers, int n);
struct spl sum_product_ll(const long long *numbers, int n);
struct tri3 min_mid_max(int x, int y, int z);

int main(void) {
    CHECK_NEAR(truncate_number(3.5f), 0.5, 1e-6);
    CHECK_NEAR(truncate_number(1.33f), 0.33, 1e-6);
    CHECK_NEAR(truncate_number(123.456f), 0.456, 1e-4);
    CHECK_NEAR(truncate_number(0.0f), 0.0, 0);
    CHECK_NEAR(truncate_double(2.75), 0.75, 1e-12);
    CHECK_NEAR(truncate_double(7.0), 0.0, 0);
    int s, p;
    sum_product((int[]){1, 2, 3, 4}, 4, &s, &p);
    CHECK_INT(s, 10); CHECK_INT(p, 24);
    sum_product(0, 0, &s, &p);
    CHECK_INT(s, 0); CHECK_INT(p, 1);
    sum_product((int[]){100, 0}, 2, &s, &p);
    CHECK_INT(s, 100); CHECK_INT(p, 0);
    sum_product((int[]){3, 5, 7}, 3, &s, &p);
    CHECK_INT(s, 15); CHECK_INT(p, 105);
    sum_product((int[]){-10}, 1, &s, &p);
    CHECK_INT(s, -10); CHECK_INT(p, -10);
    struct sp r = sum_product_s((int[]){1, 1, 1}, 3);
    CHECK_INT(r.sum, 3); CHECK_INT(r.product, 1);
    r = sum_product_s((int[]){-2, 3, 4, -5}, 4);
    CHECK_INT(r.sum, 0); CHECK_INT(r.product, 120);
    r = sum_product_s(0, 0);
    CHECK_INT(r.sum, 0); CHECK_INT(r.product, 1);
    struct spl rl = sum_product_ll((long long[]){100000, 100000, 100000, -7}, 4);
    CHECK_INT(rl.sum, 299993); CHECK_INT(rl.product, -7000000000000000LL);
    struct tri3 t = min_mid_max(5, -1, 3);
    CHECK_INT(t.a, -1); CHECK_INT(t.b, 3); CHECK_INT(t.c, 5);
    t = min_mid_max(2, 2, 1);
    CHECK_INT(t.a, 1); CHECK_INT(t.b, 2); CHECK_INT(t.c, 2);
    END_CHECKS();
}

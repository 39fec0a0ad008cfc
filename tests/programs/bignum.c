/* Arbitrary-precision decimal arithmetic: addition, multiplication, factorial 100, 2^256, Fibonacci 300. */
#include <stdio.h>
#include <string.h>

#define MAXD 700
typedef struct { int n; unsigned char d[MAXD]; } big; /* little-endian decimal digits */

static void big_set(big *b, unsigned long v) { b->n = 0; do { b->d[b->n++] = (unsigned char)(v % 10); v /= 10; } while (v); }
static void big_add(big *r, const big *a, const big *b) {
    int carry = 0, n = a->n > b->n ? a->n : b->n;
    for (int i = 0; i < n; i++) {
        int s = carry + (i < a->n ? a->d[i] : 0) + (i < b->n ? b->d[i] : 0);
        r->d[i] = (unsigned char)(s % 10); carry = s / 10;
    }
    r->n = n;
    if (carry) r->d[r->n++] = (unsigned char)carry;
}
static void big_mul_small(big *b, unsigned m) {
    unsigned long carry = 0;
    for (int i = 0; i < b->n; i++) { unsigned long p = (unsigned long)b->d[i] * m + carry; b->d[i] = (unsigned char)(p % 10); carry = p / 10; }
    while (carry) { b->d[b->n++] = (unsigned char)(carry % 10); carry /= 10; }
}
static void big_mul(big *r, const big *a, const big *b) {
    static unsigned tmp[2 * MAXD];
    memset(tmp, 0, sizeof tmp);
    for (int i = 0; i < a->n; i++) for (int j = 0; j < b->n; j++) tmp[i + j] += (unsigned)a->d[i] * b->d[j];
    int n = a->n + b->n;
    unsigned carry = 0;
    for (int i = 0; i < n; i++) { unsigned v = tmp[i] + carry; r->d[i] = (unsigned char)(v % 10); carry = v / 10; }
    while (n > 1 && r->d[n - 1] == 0) n--;
    r->n = n;
}
static void big_print(const char *tag, const big *b) {
    printf("%s (%d digits): ", tag, b->n);
    for (int i = b->n - 1; i >= 0; i--) putchar('0' + b->d[i]);
    putchar('\n');
}
static int digit_sum(const big *b) { int s = 0; for (int i = 0; i < b->n; i++) s += b->d[i]; return s; }

int main(void) {
    big f; big_set(&f, 1);
    for (unsigned i = 2; i <= 100; i++) big_mul_small(&f, i);
    big_print("100!", &f);
    printf("digit sum %d\n", digit_sum(&f));
    big p; big_set(&p, 1);
    for (int i = 0; i < 256; i++) big_mul_small(&p, 2);
    big_print("2^256", &p);
    big a, b, c; big_set(&a, 0); big_set(&b, 1);
    for (int i = 0; i < 300; i++) { big_add(&c, &a, &b); a = b; b = c; }
    big_print("fib300", &a);
    big x, y, z; big_set(&x, 123456789012345678UL); big_set(&y, 987654321098765432UL);
    big_mul(&z, &x, &y);
    big_print("product", &z);
    big_mul(&z, &p, &p);
    printf("2^512 digits=%d digit sum %d\n", z.n, digit_sum(&z));
    return digit_sum(&f) % 256;
}

/* Function pointers: tables, callbacks, returning function pointers, map/filter/reduce. */
#include <stdio.h>

typedef int (*binop)(int, int);
static int add(int a, int b) { return a + b; }
static int sub(int a, int b) { return a - b; }
static int mul(int a, int b) { return a * b; }
static int divi(int a, int b) { return b ? a / b : 0; }
static int mod(int a, int b) { return b ? a % b : 0; }
static int maxi(int a, int b) { return a > b ? a : b; }

static const struct { const char *name; binop fn; } ops[] = {
    {"add", add}, {"sub", sub}, {"mul", mul}, {"div", divi}, {"mod", mod}, {"max", maxi}};

static binop lookup(const char *name) {
    for (unsigned i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        const char *a = ops[i].name, *b = name;
        while (*a && *a == *b) { a++; b++; }
        if (*a == *b) return ops[i].fn;
    }
    return NULL;
}
static void map(int *a, int n, int (*f)(int)) { for (int i = 0; i < n; i++) a[i] = f(a[i]); }
static int filter(const int *a, int n, int *out, int (*pred)(int)) { int k = 0; for (int i = 0; i < n; i++) if (pred(a[i])) out[k++] = a[i]; return k; }
static int reduce(const int *a, int n, int init, binop f) { for (int i = 0; i < n; i++) init = f(init, a[i]); return init; }
static int sq(int x) { return x * x; }
static int is_odd(int x) { return x & 1; }
static int neg(int x) { return -x; }
static double apply_d(double (*f)(double, void *), double x, void *ctx) { return f(x, ctx); }
static double scale(double x, void *ctx) { return x * *(double *)ctx; }
static void for_each(void (*cb)(int, void *), void *ctx, int n) { for (int i = 0; i < n; i++) cb(i, ctx); }
static void accumulate(int i, void *ctx) { *(long *)ctx += (long)i * i; }

typedef int (*unop)(int);
static unop choose(int k) { return k == 0 ? sq : k == 1 ? neg : is_odd; }

int main(void) {
    for (unsigned i = 0; i < sizeof ops / sizeof ops[0]; i++) printf("%s(17,5)=%d\n", ops[i].name, ops[i].fn(17, 5));
    binop f = lookup("mul");
    printf("lookup mul %d, missing %d\n", f ? f(6, 7) : -1, lookup("pow") == NULL);
    int a[10];
    for (int i = 0; i < 10; i++) a[i] = i - 3;
    map(a, 10, sq);
    int odd[10];
    int k = filter(a, 10, odd, is_odd);
    printf("odd squares:");
    for (int i = 0; i < k; i++) printf(" %d", odd[i]);
    printf("\nsum=%d max=%d\n", reduce(a, 10, 0, add), reduce(a, 10, -1000, maxi));
    double factor = 2.5;
    printf("apply_d %.2f\n", apply_d(scale, 4.0, &factor));
    long acc = 0;
    for_each(accumulate, &acc, 20);
    printf("for_each acc=%ld\n", acc);
    int r = 5;
    for (int i = 0; i < 3; i++) r = choose(i)(r);
    printf("chain=%d\n", r);
    binop table[4][2] = {{add, sub}, {mul, divi}, {mod, maxi}, {sub, add}};
    int v = 100;
    for (int i = 0; i < 4; i++) for (int j = 0; j < 2; j++) v = table[i][j](v, i + j + 1);
    printf("table v=%d\n", v);
    return reduce(a, 10, 0, add) % 128;
}

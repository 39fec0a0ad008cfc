/* Global and static state in translated code: memo tables (long long), a call counter, a static buffer
 * returned to the caller, a lazily initialised sieve, a function-pointer table, static local state. */
#include <stdbool.h>
#include <string.h>

static long long memo[92];
int fib_calls;

long long fib_memo(int n) {
    fib_calls++;
    if (n < 2) return n;
    if (memo[n]) return memo[n];
    return memo[n] = fib_memo(n - 1) + fib_memo(n - 2);
}

static char sieve[100001];
static bool sieve_ready;

static void build_sieve(void) {
    memset(sieve, 1, sizeof sieve);
    sieve[0] = sieve[1] = 0;
    for (int i = 2; i * i <= 100000; i++)
        if (sieve[i])
            for (int j = i * i; j <= 100000; j += i) sieve[j] = 0;
    sieve_ready = true;
}

int count_primes_upto(int n) {
    if (!sieve_ready) build_sieve();
    int c = 0;
    for (int i = 2; i <= n && i <= 100000; i++) c += sieve[i];
    return c;
}

const char *ordinal(int n) {
    static char buf[32];
    const char *suf = "th";
    int m100 = n % 100;
    if (m100 < 11 || m100 > 13) {
        switch (n % 10) {
        case 1: suf = "st"; break;
        case 2: suf = "nd"; break;
        case 3: suf = "rd"; break;
        }
    }
    int len = 0;
    char tmp[16];
    int v = n;
    do {
        tmp[len++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    for (int i = 0; i < len; i++) buf[i] = tmp[len - 1 - i];
    strcpy(buf + len, suf);
    return buf;
}

int next_id(void) {
    static int id = 100;
    return id++;
}

static int op_add(int a, int b) { return a + b; }
static int op_sub(int a, int b) { return a - b; }
static int op_mul(int a, int b) { return a * b; }
static int op_max(int a, int b) { return a > b ? a : b; }

typedef int (*binop)(int, int);
static binop const ops[] = {op_add, op_sub, op_mul, op_max};

int fold(const int *a, int n, int op, int init) {
    for (int i = 0; i < n; i++) init = ops[op](init, a[i]);
    return init;
}

binop get_op(int op) { return ops[op & 3]; }

int histogram_buckets[10];
double global_scale = 1.0;

void bucketize(const double *a, int n) {
    memset(histogram_buckets, 0, sizeof histogram_buckets);
    for (int i = 0; i < n; i++) {
        int b = (int)(a[i] * global_scale);
        if (b < 0) b = 0;
        if (b > 9) b = 9;
        histogram_buckets[b]++;
    }
}

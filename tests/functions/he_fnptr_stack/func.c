/* Function pointers crossing the boundary both ways (identity of translated function addresses, indirect
 * tail calls into native and translated code), large stack frames (a 1 MiB local table), deep recursion
 * (depth 100000), and a compute-heavy recursive function. */
#include <stddef.h>
#include <string.h>

int handler_double(int x) { return 2 * x; }
int handler_square(int x) { return x * x; }
static int handler_negate(int x) { return -x; }

typedef int (*handler)(int);

handler get_handler(int which) {
    switch (which) {
    case 0: return handler_double;
    case 1: return handler_square;
    default: return handler_negate;
    }
}

int is_double_handler(handler h) { return h == handler_double; }

int apply_tail(handler f, int x) { return f(x); }

int apply_twice(handler f, int x) { return f(f(x)); }

int dispatch(int which, int x) { return get_handler(which)(x); }

long long big_frame_sum(int n) {
    int table[262144];
    for (int i = 0; i < 262144; i++) table[i] = i % 1000;
    long long s = 0;
    for (int i = 0; i < n && i < 262144; i++) s += table[(i * 7919) % 262144];
    return s;
}

struct node { int v; struct node *next; };

long sum_list_rec(const struct node *n) { return n ? n->v + sum_list_rec(n->next) : 0; }

int depth(int n) {
    volatile char pad[32];
    pad[0] = (char)n;
    if (n == 0) return pad[0];
    return 1 + depth(n - 1) + pad[0] * 0;
}

int fib_rec(int n) { return n < 2 ? n : fib_rec(n - 1) + fib_rec(n - 2); }

int collatz_max_len(int limit) {
    int best = 0, arg = 0;
    for (int i = 1; i < limit; i++) {
        long long n = i;
        int len = 1;
        while (n != 1) {
            n = (n % 2) ? 3 * n + 1 : n / 2;
            len++;
        }
        if (len > best) {
            best = len;
            arg = i;
        }
    }
    return arg;
}

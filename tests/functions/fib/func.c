/* Fibonacci variants: recursive, iterative 64-bit, fib4 (HumanEval/46), modular. */
long fib_rec(int n) { return n < 2 ? n : fib_rec(n - 1) + fib_rec(n - 2); }

unsigned long long fib_iter(int n) {
    unsigned long long a = 0, b = 1;
    for (int i = 0; i < n; i++) { unsigned long long t = a + b; a = b; b = t; }
    return a;
}

int fib4(int n) {
    int r[4] = {0, 0, 2, 0};
    if (n < 4) return r[n];
    for (int i = 4; i <= n; i++) {
        int next = r[0] + r[1] + r[2] + r[3];
        r[0] = r[1]; r[1] = r[2]; r[2] = r[3]; r[3] = next;
    }
    return r[3];
}

unsigned fib_mod(unsigned n, unsigned m) {
    unsigned a = 0, b = 1 % m;
    for (unsigned i = 0; i < n; i++) { unsigned t = (unsigned)(((unsigned long)a + b) % m); a = b; b = t; }
    return a;
}

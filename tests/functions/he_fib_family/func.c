/* HumanEval/55 fib (recursive), HumanEval/46 fib4, HumanEval/63 fibfib, HumanEval/39 prime_fib,
 * HumanEval/49 modp, HumanEval/36 fizz_buzz. */
int fib(int n) {
    if (n <= 0) return 0;
    if (n == 1) return 1;
    return fib(n - 1) + fib(n - 2);
}

int fib4(int n) {
    int f[100];
    f[0] = 0; f[1] = 0; f[2] = 2; f[3] = 0;
    for (int i = 4; i <= n; i++) f[i] = f[i - 1] + f[i - 2] + f[i - 3] + f[i - 4];
    return f[n];
}

int fibfib(int n) {
    int ff[100] = {0};
    ff[2] = 1;
    for (int i = 3; i <= n; i++) ff[i] = ff[i - 1] + ff[i - 2] + ff[i - 3];
    return ff[n];
}

int prime_fib(int n) {
    int f1 = 1, f2 = 2, count = 0;
    while (count < n) {
        f1 = f1 + f2;
        int m = f1;
        f1 = f2;
        f2 = m;
        int isprime = 1;
        for (int w = 2; w * w <= f1; w++)
            if (f1 % w == 0) {
                isprime = 0;
                break;
            }
        if (isprime) count += 1;
        if (count == n) return f1;
    }
    return 0;
}

int modp(int n, int p) {
    int out = 1;
    for (int i = 0; i < n; i++) out = (out * 2) % p;
    return out;
}

int fizz_buzz(int n) {
    int count = 0;
    for (int i = 0; i < n; i++)
        if (i % 11 == 0 || i % 13 == 0) {
            int q = i;
            while (q > 0) {
                if (q % 10 == 7) count += 1;
                q = q / 10;
            }
        }
    return count;
}

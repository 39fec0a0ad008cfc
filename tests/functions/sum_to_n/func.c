/* HumanEval/60: sum of 1..n, plus range and closed-form variants over several widths. */
int sum_to_n(int n) {
    int s = 0;
    for (int i = 1; i <= n; i++) s += i;
    return s;
}

long sum_range(long a, long b) {
    long s = 0;
    for (long i = a; i <= b; i++) s += i;
    return s;
}

unsigned long long sum_squares(unsigned n) {
    return (unsigned long long)n * (n + 1) * (2ULL * n + 1) / 6;
}

long long alternating_sum(int n) {
    long long s = 0;
    for (int i = 1; i <= n; i++) s += (i & 1) ? i : -i;
    return s;
}

/* HumanEval/13: greatest common divisor, plus LCM and extended Euclid with out-parameters. */
int greatest_common_divisor(int a, int b) {
    while (b) { int t = a % b; a = b; b = t; }
    return a < 0 ? -a : a;
}

unsigned long lcm(unsigned long a, unsigned long b) {
    unsigned long x = a, y = b;
    while (y) { unsigned long t = x % y; x = y; y = t; }
    return x ? a / x * b : 0;
}

long ext_gcd(long a, long b, long *x, long *y) {
    if (b == 0) { *x = 1; *y = 0; return a; }
    long x1, y1;
    long g = ext_gcd(b, a % b, &x1, &y1);
    *x = y1;
    *y = x1 - (a / b) * y1;
    return g;
}

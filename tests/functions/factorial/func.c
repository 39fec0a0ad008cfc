/* Factorials: long, unsigned long long modulo, double, and brazilian factorial (HumanEval/139). */
long factorial(int n) {
    long r = 1;
    for (int i = 2; i <= n; i++) r *= i;
    return r;
}

unsigned long long factorial_mod(unsigned n, unsigned long long m) {
    unsigned long long r = 1 % m;
    for (unsigned i = 2; i <= n; i++) r = (unsigned long long)((unsigned __int128)r * i % m);
    return r;
}

double factorial_d(int n) {
    double r = 1.0;
    for (int i = 2; i <= n; i++) r *= i;
    return r;
}

long special_factorial(int n) {
    long fact = 1, special = 1;
    for (int i = 1; i <= n; i++) { fact *= i; special *= fact; }
    return special;
}

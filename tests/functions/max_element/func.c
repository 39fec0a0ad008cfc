/* HumanEval/35: max element for several element types, plus argmax. */
int max_element(const int *l, int n) {
    int m = l[0];
    for (int i = 1; i < n; i++) if (l[i] > m) m = l[i];
    return m;
}

double max_element_d(const double *l, int n) {
    double m = l[0];
    for (int i = 1; i < n; i++) if (l[i] > m) m = l[i];
    return m;
}

unsigned char max_byte(const unsigned char *l, int n) {
    unsigned char m = 0;
    for (int i = 0; i < n; i++) if (l[i] > m) m = l[i];
    return m;
}

long argmax_long(const long *l, long n) {
    long best = 0;
    for (long i = 1; i < n; i++) if (l[i] > l[best]) best = i;
    return best;
}

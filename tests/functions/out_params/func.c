/* Results through pointer out-parameters: min/max, divmod, split of a double, string stats. */
#include <ctype.h>

void min_max(const int *a, int n, int *min, int *max) {
    *min = *max = a[0];
    for (int i = 1; i < n; i++) {
        if (a[i] < *min) *min = a[i];
        if (a[i] > *max) *max = a[i];
    }
}

int divmod(int a, int b, int *rem) {
    *rem = a % b;
    return a / b;
}

void split_double(double x, long *ipart, double *fpart) {
    *ipart = (long)x;
    *fpart = x - (double)*ipart;
}

int string_stats(const char *s, int *letters, int *digits, int *spaces, unsigned char *maxc) {
    int n = 0;
    *letters = *digits = *spaces = 0;
    *maxc = 0;
    for (; *s; s++, n++) {
        unsigned char c = (unsigned char)*s;
        if (isalpha(c)) (*letters)++;
        else if (isdigit(c)) (*digits)++;
        else if (isspace(c)) (*spaces)++;
        if (c > *maxc) *maxc = c;
    }
    return n;
}

void swap_long(long *a, long *b) { long t = *a; *a = *b; *b = t; }

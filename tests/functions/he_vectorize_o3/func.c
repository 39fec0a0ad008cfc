/* Loops that gcc -O3 vectorizes, in HumanEval shapes: sums (int/long long/float), counts of matches,
 * elementwise abs/min/max/clamp, in-place reverse, byte-wise case conversion of a counted buffer,
 * mixed-width conversions (char -> int, int -> double), prefix sums. */
#include <stdint.h>
#include <stdlib.h>

int sum_array(const int *a, int n) {
    int s = 0;
    for (int i = 0; i < n; i++) s += a[i];
    return s;
}

long long sum_squares_ll(const int *a, int n) {
    long long s = 0;
    for (int i = 0; i < n; i++) s += (long long)a[i] * a[i];
    return s;
}

int count_equal(const int *a, int n, int x) {
    int c = 0;
    for (int i = 0; i < n; i++) c += a[i] == x;
    return c;
}

int count_char(const char *s, int n, char ch) {
    int c = 0;
    for (int i = 0; i < n; i++)
        if (s[i] == ch) c++;
    return c;
}

void abs_all(int *a, int n) {
    for (int i = 0; i < n; i++) a[i] = abs(a[i]);
}

int max_array(const int *a, int n) {
    int m = a[0];
    for (int i = 1; i < n; i++) m = a[i] > m ? a[i] : m;
    return m;
}

unsigned char max_byte(const unsigned char *a, int n) {
    unsigned char m = 0;
    for (int i = 0; i < n; i++)
        if (a[i] > m) m = a[i];
    return m;
}

void clamp_all(float *a, int n, float lo, float hi) {
    for (int i = 0; i < n; i++) a[i] = a[i] < lo ? lo : (a[i] > hi ? hi : a[i]);
}

void reverse_ints(int *a, int n) {
    for (int i = 0, j = n - 1; i < j; i++, j--) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}

void to_upper_buf(char *s, int n) {
    for (int i = 0; i < n; i++)
        if (s[i] >= 'a' && s[i] <= 'z') s[i] -= 32;
}

int digit_total(const char *s, int n) {
    int t = 0;
    for (int i = 0; i < n; i++) t += s[i] - '0';
    return t;
}

void int_to_double(const int *a, double *out, int n) {
    for (int i = 0; i < n; i++) out[i] = a[i] * 0.5;
}

void prefix_sums(const int *a, long *out, int n) {
    long s = 0;
    for (int i = 0; i < n; i++) {
        s += a[i];
        out[i] = s;
    }
}

void add_arrays(const short *a, const short *b, short *out, int n) {
    for (int i = 0; i < n; i++) out[i] = (short)(a[i] + b[i]);
}

uint32_t checksum(const uint8_t *p, int n) {
    uint32_t a = 1, b = 0;
    for (int i = 0; i < n; i++) {
        a += p[i];
        b += a;
    }
    return (b << 16) ^ a;
}

float dot_f(const float *a, const float *b, int n) {
    float s = 0;
    for (int i = 0; i < n; i++) s += a[i] * b[i];
    return s;
}

void scale_f(float *a, int n, float k) {
    for (int i = 0; i < n; i++) a[i] *= k;
}

int count_positive_d(const double *a, int n) {
    int c = 0;
    for (int i = 0; i < n; i++) c += a[i] > 0.0;
    return c;
}

#include <stdint.h>
#include <stdlib.h>
#include "../check.h"

int sum_array(const int *a, int n);
long long sum_squares_ll(const int *a, int n);
int count_equal(const int *a, int n, int x);
int count_char(const char *s, int n, char ch);
void abs_all(int *a, int n);
int max_array(const int *a, int n);
unsigned char max_byte(const unsigned char *a, int n);
void clamp_all(float *a, int n, float lo, float hi);
void reverse_ints(int *a, int n);
void to_upper_buf(char *s, int n);
int digit_total(const char *s, int n);
void int_to_double(const int *a, double *out, int n);
void prefix_sums(const int *a, long *out, int n);
void add_arrays(const short *a, const short *b, short *out, int n);
uint32_t checksum(const uint8_t *p, int n);
float dot_f(const float *a, const float *b, int n);
void scale_f(float *a, int n, float k);
int count_positive_d(const double *a, int n);

#define N 103

int main(void) {
    int a[N];
    long long sq = 0, s = 0;
    int eq = 0, mx = -1000000;
    for (int i = 0; i < N; i++) {
        a[i] = (i * 7919) % 201 - 100;
        s += a[i];
        sq += (long long)a[i] * a[i];
        eq += a[i] == 5;
        if (a[i] > mx) mx = a[i];
    }
    for (int n = 0; n <= N; n += 17) {
        long long e = 0;
        for (int i = 0; i < n; i++) e += a[i];
        CHECK_INT(sum_array(a, n), e);
    }
    CHECK_INT(sum_array(a, N), s);
    CHECK_INT(sum_squares_ll(a, N), sq);
    int big[64];
    long long bsq = 0;
    for (int i = 0; i < 64; i++) { big[i] = 2000000000 - i * 3; if (i < 2) bsq += (long long)big[i] * big[i]; }
    CHECK_INT(sum_squares_ll(big, 2), bsq);
    CHECK_INT(count_equal(a, N, 5), eq);
    CHECK_INT(count_equal(a, 0, 5), 0);
    CHECK_INT(max_array(a, N), mx);
    CHECK_INT(max_array(a, 1), a[0]);
    char str[200];
    int ca = 0;
    for (int i = 0; i < 200; i++) { str[i] = (char)("abcab zyxa"[i % 10]); ca += str[i] == 'a'; }
    CHECK_INT(count_char(str, 200, 'a'), ca);
    CHECK_INT(count_char(str, 7, 'a'), 2);
    int b[N];
    for (int i = 0; i < N; i++) b[i] = a[i];
    abs_all(b, N);
    int okabs = 1;
    for (int i = 0; i < N; i++) okabs &= b[i] == abs(a[i]);
    CHECK(okabs);
    unsigned char bytes[77];
    for (int i = 0; i < 77; i++) bytes[i] = (unsigned char)(i * 37 % 251);
    CHECK_INT(max_byte(bytes, 77), 249);
    CHECK_INT(max_byte(bytes, 0), 0);
    float f[50];
    for (int i = 0; i < 50; i++) f[i] = (float)(i - 25) * 0.5f;
    clamp_all(f, 50, -3.0f, 4.25f);
    CHECK_NEAR(f[0], -3.0, 0); CHECK_NEAR(f[20], -2.5, 0); CHECK_NEAR(f[49], 4.25, 0); CHECK_NEAR(f[33], 4.0, 0);
    int r[N];
    for (int i = 0; i < N; i++) r[i] = i;
    reverse_ints(r, N);
    int okr = 1;
    for (int i = 0; i < N; i++) okr &= r[i] == N - 1 - i;
    CHECK(okr);
    reverse_ints(r, 0);
    char up[100];
    for (int i = 0; i < 99; i++) up[i] = (char)("Hello, World! xyz{}"[i % 19]);
    up[99] = 0;
    to_upper_buf(up, 99);
    CHECK(memcmp(up, "HELLO, WORLD! XYZ{}HELLO", 24) == 0);
    CHECK_INT(up[98], 'L');
    char digs[81];
    int dt = 0;
    for (int i = 0; i < 80; i++) { digs[i] = (char)('0' + i % 10); dt += i % 10; }
    CHECK_INT(digit_total(digs, 80), dt);
    double d[N];
    int_to_double(a, d, N);
    CHECK_NEAR(d[10], a[10] * 0.5, 0); CHECK_NEAR(d[N - 1], a[N - 1] * 0.5, 0);
    long ps[N];
    prefix_sums(a, ps, N);
    CHECK_INT(ps[N - 1], s); CHECK_INT(ps[0], a[0]);
    short sa[70], sb[70], sc[70];
    for (int i = 0; i < 70; i++) { sa[i] = (short)(i * 1000); sb[i] = (short)(-i * 3); }
    add_arrays(sa, sb, sc, 70);
    CHECK_INT(sc[69], (short)(69000 - 207)); CHECK_INT(sc[5], 4985);
    uint8_t msg[1000];
    for (int i = 0; i < 1000; i++) msg[i] = (uint8_t)(i * 13);
    uint32_t ea = 1, eb = 0;
    for (int i = 0; i < 1000; i++) { ea += msg[i]; eb += ea; }
    CHECK_UINT(checksum(msg, 1000), (eb << 16) ^ ea);
    float x[40], y[40];
    float de = 0;
    for (int i = 0; i < 40; i++) { x[i] = (float)i * 0.25f; y[i] = (float)(40 - i); de += x[i] * y[i]; }
    CHECK_NEAR(dot_f(x, y, 40), de, 1e-3);
    scale_f(x, 40, 4.0f);
    CHECK_NEAR(x[39], 39, 0);
    double dd[21];
    for (int i = 0; i < 21; i++) dd[i] = (i % 3 == 0) ? -1.0 * i : (i % 3 == 1 ? 0.0 : i * 0.1);
    CHECK_INT(count_positive_d(dd, 21), 7);
    END_CHECKS();
}

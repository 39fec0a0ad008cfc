#include "../check.h"

void vector_add(float *r, const float *a, const float *b, int n);
void scale_d(double *a, int n, double k);
long dot_i(const int *a, const int *b, int n);
void reverse_in_place(int *a, int n);
void abs_all(short *a, int n);
void prefix_sum(long *a, int n);
int count_equal(const unsigned char *a, int n, unsigned char v);
unsigned sum_u8(const unsigned char *a, int n);

#define N 1003
static float fa[N], fb[N], fr[N];
static double da[N];
static int ia[N], ib[N];
static short sa[N];
static long la[N];
static unsigned char ua[N];

int main(void) {
    for (int i = 0; i < N; i++) {
        fa[i] = i * 0.5f; fb[i] = -i * 0.25f; da[i] = i; ia[i] = i - 500; ib[i] = 3 * i;
        sa[i] = (short)(i % 2 ? -i : i); la[i] = 1; ua[i] = (unsigned char)(i % 7);
    }
    vector_add(fr, fa, fb, N);
    CHECK_NEAR(fr[1000], 250.0, 0);
    CHECK_NEAR(fr[7], 1.75, 0);
    scale_d(da, N, 0.5);
    CHECK_NEAR(da[1001], 500.5, 0);
    long expect = 0;
    for (int i = 0; i < N; i++) expect += (long)ia[i] * ib[i];
    CHECK_INT(dot_i(ia, ib, N), expect);
    reverse_in_place(ia, N);
    CHECK_INT(ia[0], 502);
    CHECK_INT(ia[N - 1], -500);
    CHECK_INT(ia[501], 1);
    abs_all(sa, N);
    CHECK_INT(sa[999], 999);
    CHECK_INT(sa[998], 998);
    prefix_sum(la, N);
    CHECK_INT(la[N - 1], N);
    CHECK_INT(count_equal(ua, N, 3), 143);
    CHECK_UINT(sum_u8(ua, N), 3004);
    CHECK_UINT(sum_u8(ua, 5), 10);
    END_CHECKS();
}

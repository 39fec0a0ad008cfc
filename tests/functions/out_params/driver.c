#include "../check.h"

void min_max(const int *a, int n, int *min, int *max);
int divmod(int a, int b, int *rem);
void split_double(double x, long *ipart, double *fpart);
int string_stats(const char *s, int *letters, int *digits, int *spaces, unsigned char *maxc);
void swap_long(long *a, long *b);

int main(void) {
    int a[] = {4, -9, 17, 0, 3};
    int mn = 0, mx = 0;
    min_max(a, 5, &mn, &mx);
    CHECK_INT(mn, -9);
    CHECK_INT(mx, 17);
    int rem = 0;
    CHECK_INT(divmod(17, 5, &rem), 3);
    CHECK_INT(rem, 2);
    CHECK_INT(divmod(-17, 5, &rem), -3);
    CHECK_INT(rem, -2);
    long ip = 0;
    double fp = 0;
    split_double(-12.75, &ip, &fp);
    CHECK_INT(ip, -12);
    CHECK_NEAR(fp, -0.75, 0);
    int l, d, s;
    unsigned char m;
    int n = string_stats("Hello 2024 world\t!~", &l, &d, &s, &m);
    CHECK_INT(n, 19);
    CHECK_INT(l, 10);
    CHECK_INT(d, 4);
    CHECK_INT(s, 3);
    CHECK_UINT(m, '~');
    long x = 1L << 40, y = -3;
    swap_long(&x, &y);
    CHECK_INT(x, -3);
    CHECK_INT(y, 1L << 40);
    END_CHECKS();
}

#include "../check.h"

int max_element(const int *l, int n);
double max_element_d(const double *l, int n);
unsigned char max_byte(const unsigned char *l, int n);
long argmax_long(const long *l, long n);

int main(void) {
    int a[] = {1, 2, 3};
    int b[] = {5, 3, -5, 2, -3, 3, 9, 0, 124, 1, -10};
    int c[] = {-5, -3, -9};
    CHECK_INT(max_element(a, 3), 3);
    CHECK_INT(max_element(b, 11), 124);
    CHECK_INT(max_element(c, 3), -3);
    double d[] = {-1.5, -0.25, -3.0};
    CHECK_NEAR(max_element_d(d, 3), -0.25, 0);
    unsigned char u[100];
    for (int i = 0; i < 100; i++) u[i] = (unsigned char)(i * 37);
    CHECK_UINT(max_byte(u, 100), 255);
    CHECK_UINT(max_byte(u, 7), 222);
    long l[] = {3, 1L << 40, -5, 1L << 41, 7};
    CHECK_INT(argmax_long(l, 5), 3);
    END_CHECKS();
}

#include "../check.h"

long sum7(int a, int b, int c, int d, int e, int f, int g);
long weighted10(long a, long b, long c, long d, long e, long f, long g, long h, long i, long j);
int last_of_nine(char a, short b, int c, long d, unsigned char e, unsigned short f, unsigned g, signed char h, int i);
unsigned long mix8(unsigned char a, unsigned short b, unsigned c, unsigned long d, signed char e, short f, int g, long h);
void fill8(int *o1, int *o2, int *o3, int *o4, int *o5, int *o6, int *o7, int *o8);

int main(void) {
    CHECK_INT(sum7(1, 2, 3, 4, 5, 6, 7), 28);
    CHECK_INT(sum7(-1, -2, -3, -4, -5, -6, 2147483647), 2147483647L - 21);
    CHECK_INT(weighted10(1, 1, 1, 1, 1, 1, 1, 1, 1, 1), 55);
    CHECK_INT(weighted10(0, 0, 0, 0, 0, 0, 0, 0, 0, 1L << 40), 10L << 40);
    CHECK_INT(weighted10(0, 0, 0, 0, 0, 0, -1, 2, -3, 4), -7 + 16 - 27 + 40);
    CHECK_INT(last_of_nine('a', 2, 3, 4, 5, 6, 7, -8, 9), -7991);
    CHECK_INT(last_of_nine(0, 0, 0, 0, 0, 0, 0, 127, -5), 126995);
    CHECK_UINT(mix8(255, 65535, 4000000000u, 1UL << 50, -1, -2, -3, -4), 255 + 65535 + 4000000000UL + (1UL << 50) - 10);
    int v[8] = {0};
    fill8(&v[0], &v[1], &v[2], &v[3], &v[4], &v[5], &v[6], &v[7]);
    CHECK_INT(v[0] + v[7] * 10 + v[6] * 100, 781);
    END_CHECKS();
}

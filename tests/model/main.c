/* Native driver for tests/model/kernels.c, compiled for the target and linked with its translation. */
#include <stdio.h>

extern int counter;
int add(int a, int b);
long sum(const long *p, long n);
extern int (*twice_ptr)(int);
double scale(double x, float y);
const char *greet(void);

int main(void)
{
    long v[5] = {1, 2, 3, 4, 5};
    int r = add(40, 2);
    printf("%d %d %ld %d %.2f %s\n", r, counter, sum(v, 5), twice_ptr(21), scale(1.5, 2.0f), greet());
    return 0;
}

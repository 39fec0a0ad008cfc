#include <math.h>
#include <stdio.h>

struct pair { int a; double b; };
double scale(void *ctx, double x, int k);
signed char low_byte(int v);
unsigned short low_half(unsigned v);
float halve(float f);
struct pair make_pair(int a, double b);
long long mix(int a, long long b, double c, char d);
double sum_doubles(int n, ...);

int main(void)
{
    int dummy;
    printf("%.3f %.3f %g\n", scale(&dummy, 1.25, 3), scale(0, 2.5, 7), scale(&dummy, HUGE_VAL, 1));
    printf("%d %d %u\n", low_byte(0x1ff), low_byte(0x80) + 1, low_half(0x12345u) + 1u);
    printf("%.4f\n", (double)halve(5.0f) + 0.25);
    struct pair p = make_pair(-7, 0.5);
    printf("%d %.2f\n", p.a, p.b);
    printf("%lld\n", mix(-3, 10000000000LL, 2.75, 'A'));
    printf("%.2f\n", sum_doubles(4, 1.5, 2.25, -0.5, 1e3));
    return 0;
}

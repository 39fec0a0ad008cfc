/* Functions called from another translated object (cross_object.c): what native signatures
   lose.  i386 passes a double constant as two pushed words, which AAPCS would want in an even
   register pair; char, short and float results are extended or narrowed by the callee's C type
   on ARM and RISC-V; struct results and variadic functions have their own conventions. */
#include <stdarg.h>

struct pair { int a; double b; };

double scale(void *ctx, double x, int k) { return ctx ? x * k : -x; }
signed char low_byte(int v) { return (signed char)(v & 0xff); }
unsigned short low_half(unsigned v) { return (unsigned short)v; }
float halve(float f) { return f / 2.0f; }
struct pair make_pair(int a, double b) { struct pair p = {a, b}; return p; }
long long mix(int a, long long b, double c, char d) { return a + b + (long long)c + d; }

double sum_doubles(int n, ...)
{
    va_list ap;
    double s = 0;
    va_start(ap, n);
    for (int i = 0; i < n; i++)
        s += va_arg(ap, double);
    va_end(ap);
    return s;
}

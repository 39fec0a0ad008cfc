/* Small C functions for tests/test_embed.py: compiled for every ISA, normalised, embedded. */
#include <stddef.h>
#include <string.h>

struct point { int x, y; long tag; };

extern int external_hook(int);
int global_counter;
static const unsigned table[8] = {3, 1, 4, 1, 5, 9, 2, 6};

int sum_array(const int *a, int n)
{
    int s = 0;
    for (int i = 0; i < n; i++)
        s += a[i];
    return s;
}

long dot_points(const struct point *p, const struct point *q, int n)
{
    long acc = 0;
    for (int i = 0; i < n; i++)
        acc += (long)p[i].x * q[i].x + (long)p[i].y * q[i].y;
    return acc;
}

unsigned hash_string(const char *s)
{
    unsigned h = 2166136261u;
    while (*s)
        h = (h ^ (unsigned char)*s++) * 16777619u;
    return h;
}

int classify(int c)
{
    switch (c) {
    case 0: return 10;
    case 1: return 22;
    case 2: return 37;
    case 3: return 41;
    case 4: return 58;
    case 5: return 63;
    default: return -1;
    }
}

double polynomial(double x)
{
    return ((3.5 * x + 2.25) * x - 1.125) * x + 0.5;
}

int call_hook_twice(int v)
{
    global_counter++;
    return external_hook(v) + external_hook(v + 7);
}

size_t count_char(const char *s, char c)
{
    size_t n = 0;
    for (; *s; s++)
        n += *s == c;
    return n;
}

unsigned lookup_table(unsigned i)
{
    return table[i & 7] * 1000003u;
}

void reverse_bytes(unsigned char *buf, size_t len)
{
    for (size_t i = 0, j = len ? len - 1 : 0; i < j; i++, j--) {
        unsigned char t = buf[i];
        buf[i] = buf[j];
        buf[j] = t;
    }
}

int max_of_three(int a, int b, int c)
{
    int m = a > b ? a : b;
    return m > c ? m : c;
}

int copy_and_measure(char *dst, const char *src)
{
    strcpy(dst, src);
    return (int)strlen(dst);
}

long long mul_div(long long a, long long b, long long c)
{
    return c ? a * b / c : 0;
}

/* Small structs passed and returned by value: {int,int}, {double,double}, {float,float}, {long,double}, etc. */
#include <stdio.h>

typedef struct { int x, y; } ipair;
typedef struct { double re, im; } cplx;
typedef struct { float x, y; } fvec2;
typedef struct { float x, y, z; } fvec3;
typedef struct { long id; double weight; } mixed;
typedef struct { char c; short s; int i; } packed3;
typedef struct { unsigned char r, g, b, a; } rgba;
typedef struct { double d; int i; } di;
typedef struct { long a, b; } lpair;

__attribute__((noinline)) static ipair ip_add(ipair a, ipair b) { ipair r = {a.x + b.x, a.y + b.y}; return r; }
__attribute__((noinline)) static cplx c_mul(cplx a, cplx b) { cplx r = {a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re}; return r; }
__attribute__((noinline)) static fvec2 f2_scale(fvec2 v, float k) { fvec2 r = {v.x * k, v.y * k}; return r; }
__attribute__((noinline)) static fvec3 f3_cross(fvec3 a, fvec3 b) {
    fvec3 r = {a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x}; return r;
}
__attribute__((noinline)) static mixed m_bump(mixed m, int k) { m.id += k; m.weight *= 2; return m; }
__attribute__((noinline)) static packed3 p3_make(char c, short s, int i) { packed3 p = {c, s, i}; return p; }
__attribute__((noinline)) static rgba blend(rgba a, rgba b) {
    rgba r = {(unsigned char)((a.r + b.r) / 2), (unsigned char)((a.g + b.g) / 2), (unsigned char)((a.b + b.b) / 2), 255};
    return r;
}
__attribute__((noinline)) static di di_make(double d, int i) { di r = {d * 3, i - 1}; return r; }
__attribute__((noinline)) static lpair lp_swap(lpair p) { lpair r = {p.b, p.a}; return r; }
__attribute__((noinline)) static int many(ipair a, cplx b, fvec2 c, mixed d, int e, double f, ipair g, ipair h, ipair i) {
    return a.x + a.y + (int)b.re + (int)b.im + (int)c.x + (int)c.y + (int)d.id + (int)d.weight + e + (int)f + g.x + g.y +
           h.x * 10 + h.y * 100 + i.x * 1000 + i.y * 10000;
}

int main(void) {
    ipair p = {3, -4}, q = {10, 20};
    ipair r = ip_add(p, q);
    printf("ipair %d %d\n", r.x, r.y);
    cplx z = {1.5, -2.0}, w = {0.5, 4.0};
    cplx zw = c_mul(z, w);
    printf("cplx %.3f %.3f\n", zw.re, zw.im);
    cplx pw = {1, 0};
    for (int i = 0; i < 8; i++) pw = c_mul(pw, (cplx){0, 1});
    printf("i^8 %.1f %.1f\n", pw.re, pw.im);
    fvec2 v = f2_scale((fvec2){1.25f, -3.5f}, 4.0f);
    printf("fvec2 %.2f %.2f\n", (double)v.x, (double)v.y);
    fvec3 c = f3_cross((fvec3){1, 0, 0}, (fvec3){0, 1, 0});
    fvec3 c2 = f3_cross((fvec3){1, 2, 3}, (fvec3){4, 5, 6});
    printf("cross %.1f %.1f %.1f | %.1f %.1f %.1f\n", (double)c.x, (double)c.y, (double)c.z, (double)c2.x,
           (double)c2.y, (double)c2.z);
    mixed m = m_bump((mixed){1000000000000L, 0.75}, 5);
    printf("mixed %ld %.2f\n", m.id, m.weight);
    packed3 p3 = p3_make('A', -1234, 987654);
    printf("packed3 %c %d %d size=%zu\n", p3.c, p3.s, p3.i, sizeof p3);
    rgba col = blend((rgba){255, 0, 100, 1}, (rgba){1, 255, 50, 2});
    printf("rgba %u %u %u %u\n", col.r, col.g, col.b, col.a);
    di d = di_make(1.5, 10);
    printf("di %.2f %d\n", d.d, d.i);
    lpair lp = lp_swap((lpair){-1, 1L << 40});
    printf("lpair %ld %ld\n", lp.a, lp.b);
    int k = many(p, z, v, m, 7, 8.9, q, (ipair){1, 2}, (ipair){3, 4});
    printf("many %d\n", k);
    return (r.x + r.y) & 0xff;
}

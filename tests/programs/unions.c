/* Unions: type punning float<->int bits, tagged unions, union in struct. */
#include <stdio.h>
#include <stdint.h>
#include <string.h>

union fbits { float f; uint32_t u; };
union dbits { double d; uint64_t u; unsigned char b[8]; };
enum kind { K_INT, K_DBL, K_STR };
struct value { enum kind k; union { long i; double d; const char *s; } u; };

__attribute__((noinline)) static uint32_t float_bits(float f) { union fbits x; x.f = f; return x.u; }
__attribute__((noinline)) static float bits_float(uint32_t u) { union fbits x; x.u = u; return x.f; }
__attribute__((noinline)) static uint64_t double_bits(double d) { union dbits x; x.d = d; return x.u; }
__attribute__((noinline)) static void show(struct value v) {
    switch (v.k) {
    case K_INT: printf("int %ld\n", v.u.i); break;
    case K_DBL: printf("dbl %.3f\n", v.u.d); break;
    case K_STR: printf("str %s\n", v.u.s); break;
    }
}
__attribute__((noinline)) static float fast_inv_sqrt(float x) {
    union fbits i; i.f = x;
    i.u = 0x5f3759dfu - (i.u >> 1);
    float y = i.f;
    return y * (1.5f - 0.5f * x * y * y);
}

int main(void) {
    float fs[] = {1.0f, -2.5f, 0.1f, 0.0f, -0.0f, 3.4e38f};
    for (int i = 0; i < 6; i++) printf("%g -> %08x\n", (double)fs[i], float_bits(fs[i]));
    printf("bits 40490fdb -> %.6f\n", (double)bits_float(0x40490fdbu));
    printf("double 1.0 -> %016llx, -2 -> %016llx\n", (unsigned long long)double_bits(1.0), (unsigned long long)double_bits(-2.0));
    union dbits db; db.d = 1.0;
    printf("bytes:");
    for (int i = 0; i < 8; i++) printf(" %02x", db.b[i]);
    printf("\n");
    struct value vals[4] = {{K_INT, {.i = -42}}, {K_DBL, {.d = 2.718}}, {K_STR, {.s = "hello"}}, {K_INT, {.i = 1L << 50}}};
    for (int i = 0; i < 4; i++) show(vals[i]);
    printf("sizeof value=%zu\n", sizeof(struct value));
    printf("inv_sqrt(4)=%.3f\n", (double)fast_inv_sqrt(4.0f));
    union { uint32_t w; uint16_t h[2]; uint8_t b[4]; } u;
    u.w = 0x11223344u;
    printf("halves %04x %04x bytes %02x %02x %02x %02x\n", u.h[0], u.h[1], u.b[0], u.b[1], u.b[2], u.b[3]);
    /* exponent extraction */
    int exps = 0;
    for (double d = 1.0; d < 1e10; d *= 10) exps += (int)((double_bits(d) >> 52) & 0x7ff) - 1023;
    printf("exps=%d\n", exps);
    return exps;
}

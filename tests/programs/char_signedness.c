/* signed char vs unsigned char: comparisons, promotions, sign extension, conversions, char arithmetic. */
#include <stdio.h>
#include <string.h>

__attribute__((noinline)) static int sc_to_int(signed char c) { return c; }
__attribute__((noinline)) static int uc_to_int(unsigned char c) { return c; }
__attribute__((noinline)) static int sc_less(signed char a, signed char b) { return a < b; }
__attribute__((noinline)) static int uc_less(unsigned char a, unsigned char b) { return a < b; }
__attribute__((noinline)) static long sc_to_long(signed char c) { return c; }
__attribute__((noinline)) static unsigned long uc_to_ulong(unsigned char c) { return c; }
__attribute__((noinline)) static signed char int_to_sc(int x) { return (signed char)x; }
__attribute__((noinline)) static unsigned char int_to_uc(int x) { return (unsigned char)x; }
__attribute__((noinline)) static int sum_sc(const signed char *p, int n) { int s = 0; for (int i = 0; i < n; i++) s += p[i]; return s; }
__attribute__((noinline)) static int sum_uc(const unsigned char *p, int n) { int s = 0; for (int i = 0; i < n; i++) s += p[i]; return s; }
__attribute__((noinline)) static short sc_to_short(signed char c) { return c; }

int main(void) {
    const char raw[] = "\x01\x7f\x80\xff\x41\xc3\xa9";
    int n = (int)strlen(raw);
    const signed char *sp = (const signed char *)raw;
    const unsigned char *up = (const unsigned char *)raw;
    for (int i = 0; i < n; i++)
        printf("byte %d: signed=%d unsigned=%d long=%ld ulong=%lu short=%d\n", i, sc_to_int(sp[i]), uc_to_int(up[i]),
               sc_to_long(sp[i]), uc_to_ulong(up[i]), sc_to_short(sp[i]));
    printf("sum signed=%d unsigned=%d\n", sum_sc(sp, n), sum_uc(up, n));
    printf("less s(0x80,1)=%d u(0x80,1)=%d\n", sc_less((signed char)0x80, 1), uc_less(0x80, 1));
    int xs[] = {127, 128, 255, 256, -1, -129, 1000};
    for (int i = 0; i < 7; i++) printf("%d -> sc %d uc %u\n", xs[i], int_to_sc(xs[i]), int_to_uc(xs[i]));
    signed char c = 100;
    c = (signed char)(c + 100);
    unsigned char u = 200;
    u = (unsigned char)(u + 100);
    printf("wrap sc=%d uc=%u\n", c, u);
    signed char neg = -5;
    printf("neg>>1=%d neg/2=%d neg%%2=%d (unsigned char)neg=%u\n", neg >> 1, neg / 2, neg % 2, (unsigned char)neg);
    printf("'a'+1=%c digit=%d\n", 'a' + 1, '7' - '0');
    /* memcmp is unsigned */
    printf("memcmp sign %d\n", memcmp("\x80", "\x01", 1) > 0);
    unsigned char hi = 0xf0;
    printf("~hi=%d (unsigned char)~hi=%u hi<<4=%d\n", ~hi, (unsigned char)~hi, hi << 4);
    return sum_uc(up, n) & 0xff;
}

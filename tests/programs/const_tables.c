/* Constant lookup tables: month names, roman numerals, CRC-like tables, sin table, pointers to strings. */
#include <stdio.h>
#include <string.h>

static const char *const months[12] = {"January", "February", "March", "April", "May", "June", "July",
                                       "August", "September", "October", "November", "December"};
static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
static const struct { int val; const char *sym; } roman[] = {{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"},
    {100, "C"}, {90, "XC"}, {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}};
static const unsigned char hexval[256] = {['0'] = 0, ['1'] = 1, ['2'] = 2, ['3'] = 3, ['4'] = 4, ['5'] = 5, ['6'] = 6,
    ['7'] = 7, ['8'] = 8, ['9'] = 9, ['a'] = 10, ['b'] = 11, ['c'] = 12, ['d'] = 13, ['e'] = 14, ['f'] = 15,
    ['A'] = 10, ['B'] = 11, ['C'] = 12, ['D'] = 13, ['E'] = 14, ['F'] = 15};
static const short sin_q[17] = {0, 3212, 6393, 9512, 12539, 15446, 18204, 20787, 23170, 25329, 27245, 28898, 30273,
                                31356, 32137, 32609, 32767};
static const double powers10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8};
static const char digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";

static void to_roman(int n, char *out) {
    *out = 0;
    for (unsigned i = 0; i < sizeof roman / sizeof roman[0]; i++) while (n >= roman[i].val) { strcat(out, roman[i].sym); n -= roman[i].val; }
}
static int day_of_year(int m, int d) { int s = d; for (int i = 0; i < m - 1; i++) s += mdays[i]; return s; }
static unsigned long parse_hex(const char *s) { unsigned long v = 0; for (; *s; s++) v = v * 16 + hexval[(unsigned char)*s]; return v; }
static int isin(int deg) { /* deg in 0..360, table in 16ths of 90 degrees (approx) */
    int q = deg / 90, r = deg % 90, idx = r * 16 / 90;
    switch (q) { case 0: return sin_q[idx]; case 1: return sin_q[16 - idx]; case 2: return -sin_q[idx]; default: return -sin_q[16 - idx]; }
}
static void to_base(unsigned long v, int base, char *out) {
    char tmp[70]; int n = 0;
    do { tmp[n++] = digits[v % (unsigned)base]; v /= (unsigned)base; } while (v);
    for (int i = 0; i < n; i++) out[i] = tmp[n - 1 - i];
    out[n] = 0;
}

int main(void) {
    for (int i = 0; i < 12; i += 3) printf("%s has %d days, abbrev %.3s\n", months[i], mdays[i], months[i]);
    printf("day_of_year(12,31)=%d (3,1)=%d\n", day_of_year(12, 31), day_of_year(3, 1));
    int years[] = {1, 4, 9, 14, 40, 90, 400, 1987, 2024, 3999};
    char buf[64];
    for (int i = 0; i < 10; i++) { to_roman(years[i], buf); printf("%d=%s ", years[i], buf); }
    printf("\n");
    printf("hex %lu %lu %lx\n", parse_hex("ff"), parse_hex("DeadBeef"), parse_hex("123456789abcdef0"));
    for (int d = 0; d < 360; d += 45) printf("sin(%d)~%d ", d, isin(d));
    printf("\n");
    double x = 0;
    for (int i = 0; i < 9; i++) x += powers10[i] * (i + 1);
    printf("x=%.0f\n", x);
    to_base(255, 2, buf); printf("255 b2=%s ", buf);
    to_base(255, 16, buf); printf("b16=%s ", buf);
    to_base(123456789, 36, buf); printf("b36=%s ", buf);
    to_base(18446744073709551615UL, 7, buf); printf("b7=%s\n", buf);
    return day_of_year(6, 15);
}

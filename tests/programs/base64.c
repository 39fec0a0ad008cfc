/* Base64 and hex encoding/decoding round trips. */
#include <stdio.h>
#include <string.h>
#include <stdint.h>

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static size_t enc(const unsigned char *in, size_t n, char *out) {
    size_t o = 0;
    for (size_t i = 0; i < n; i += 3) {
        uint32_t v = (uint32_t)in[i] << 16 | (i + 1 < n ? (uint32_t)in[i + 1] << 8 : 0) | (i + 2 < n ? in[i + 2] : 0);
        out[o++] = b64[v >> 18 & 63];
        out[o++] = b64[v >> 12 & 63];
        out[o++] = i + 1 < n ? b64[v >> 6 & 63] : '=';
        out[o++] = i + 2 < n ? b64[v & 63] : '=';
    }
    out[o] = 0;
    return o;
}
static int dval(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    return c == '+' ? 62 : c == '/' ? 63 : -1;
}
static long dec(const char *in, unsigned char *out) {
    size_t n = strlen(in), o = 0;
    if (n % 4) return -1;
    for (size_t i = 0; i < n; i += 4) {
        int a = dval(in[i]), b = dval(in[i + 1]), c = in[i + 2] == '=' ? 0 : dval(in[i + 2]), d = in[i + 3] == '=' ? 0 : dval(in[i + 3]);
        if (a < 0 || b < 0 || c < 0 || d < 0) return -1;
        uint32_t v = (uint32_t)a << 18 | (uint32_t)b << 12 | (uint32_t)c << 6 | (uint32_t)d;
        out[o++] = (unsigned char)(v >> 16);
        if (in[i + 2] != '=') out[o++] = (unsigned char)(v >> 8);
        if (in[i + 3] != '=') out[o++] = (unsigned char)v;
    }
    return (long)o;
}
static void hex(const unsigned char *p, size_t n, char *out) { for (size_t i = 0; i < n; i++) sprintf(out + 2 * i, "%02x", p[i]); out[2 * n] = 0; }

int main(void) {
    const char *tests[] = {"", "f", "fo", "foo", "foob", "fooba", "foobar", "Many hands make light work."};
    char e[128], h[256];
    unsigned char d[128];
    int ok = 0;
    for (int i = 0; i < 8; i++) {
        size_t n = strlen(tests[i]);
        enc((const unsigned char *)tests[i], n, e);
        long m = dec(e, d);
        int same = m == (long)n && memcmp(d, tests[i], n) == 0;
        ok += same;
        hex((const unsigned char *)tests[i], n, h);
        printf("\"%s\" -> %s -> %s (%s)\n", tests[i], e, same ? "ok" : "BAD", h);
    }
    unsigned char bin[256];
    for (int i = 0; i < 256; i++) bin[i] = (unsigned char)(255 - i);
    static char big[400];
    enc(bin, 200, big);
    printf("bin: %.60s...\n", big);
    unsigned char back[256];
    printf("bin round trip %d\n", dec(big, back) == 200 && !memcmp(back, bin, 200));
    printf("invalid %ld %ld\n", dec("abc", d), dec("ab!d", d));
    return ok;
}

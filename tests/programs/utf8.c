/* UTF-8 decoding/encoding, code point counting, validation of malformed sequences. */
#include <stdio.h>
#include <string.h>
#include <stdint.h>

static int decode(const unsigned char *s, uint32_t *cp) {
    if (s[0] < 0x80) { *cp = s[0]; return 1; }
    if ((s[0] & 0xe0) == 0xc0 && (s[1] & 0xc0) == 0x80) { *cp = (uint32_t)(s[0] & 0x1f) << 6 | (s[1] & 0x3f); return *cp >= 0x80 ? 2 : -1; }
    if ((s[0] & 0xf0) == 0xe0 && (s[1] & 0xc0) == 0x80 && (s[2] & 0xc0) == 0x80) {
        *cp = (uint32_t)(s[0] & 0x0f) << 12 | (uint32_t)(s[1] & 0x3f) << 6 | (s[2] & 0x3f);
        return *cp >= 0x800 && (*cp < 0xd800 || *cp > 0xdfff) ? 3 : -1;
    }
    if ((s[0] & 0xf8) == 0xf0 && (s[1] & 0xc0) == 0x80 && (s[2] & 0xc0) == 0x80 && (s[3] & 0xc0) == 0x80) {
        *cp = (uint32_t)(s[0] & 0x07) << 18 | (uint32_t)(s[1] & 0x3f) << 12 | (uint32_t)(s[2] & 0x3f) << 6 | (s[3] & 0x3f);
        return *cp >= 0x10000 && *cp <= 0x10ffff ? 4 : -1;
    }
    return -1;
}
static int encode(uint32_t cp, unsigned char *o) {
    if (cp < 0x80) { o[0] = (unsigned char)cp; return 1; }
    if (cp < 0x800) { o[0] = (unsigned char)(0xc0 | cp >> 6); o[1] = (unsigned char)(0x80 | (cp & 0x3f)); return 2; }
    if (cp < 0x10000) { o[0] = (unsigned char)(0xe0 | cp >> 12); o[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3f)); o[2] = (unsigned char)(0x80 | (cp & 0x3f)); return 3; }
    o[0] = (unsigned char)(0xf0 | cp >> 18); o[1] = (unsigned char)(0x80 | (cp >> 12 & 0x3f)); o[2] = (unsigned char)(0x80 | (cp >> 6 & 0x3f)); o[3] = (unsigned char)(0x80 | (cp & 0x3f));
    return 4;
}

int main(void) {
    const char *texts[] = {"hello", "caf\xc3\xa9", "\xe2\x82\xac 100", "\xf0\x9f\x98\x80 smile", "bad \xc3\x28 seq", "\xed\xa0\x80", "\xc0\xaf"};
    int valid_total = 0;
    for (int t = 0; t < 7; t++) {
        const unsigned char *s = (const unsigned char *)texts[t];
        int count = 0, bad = 0;
        printf("text %d:", t);
        while (*s) {
            uint32_t cp;
            int n = decode(s, &cp);
            if (n < 0) { bad++; s++; continue; }
            printf(" U+%04X", cp);
            count++;
            s += n;
        }
        printf(" | chars=%d bad=%d bytes=%zu\n", count, bad, strlen(texts[t]));
        if (!bad) valid_total++;
    }
    unsigned char buf[8];
    uint32_t cps[] = {0x41, 0xe9, 0x3b1, 0x20ac, 0xffff, 0x1f600, 0x10ffff};
    int roundtrip = 0;
    for (int i = 0; i < 7; i++) {
        int n = encode(cps[i], buf);
        buf[n] = 0;
        uint32_t back = 0;
        int m = decode(buf, &back);
        printf("U+%04X ->", cps[i]);
        for (int k = 0; k < n; k++) printf(" %02X", buf[k]);
        printf(" -> U+%04X (%d)\n", back, m);
        roundtrip += back == cps[i] && m == n;
    }
    return valid_total * 10 + roundtrip;
}

/* Byte/hex/text transforms: hex encode (malloc'd), hex decode, in-place Caesar shift, XOR checksum. */
#include <stdlib.h>
#include <string.h>

char *to_hex(const unsigned char *data, int n) {
    static const char digits[] = "0123456789abcdef";
    char *out = malloc((size_t)n * 2 + 1);
    for (int i = 0; i < n; i++) { out[2 * i] = digits[data[i] >> 4]; out[2 * i + 1] = digits[data[i] & 15]; }
    out[2 * n] = '\0';
    return out;
}

static int nib(char c) { return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1; }

int from_hex(const char *s, unsigned char *out, int max) {
    int n = 0;
    for (; s[0] && s[1] && n < max; s += 2) {
        int hi = nib(s[0]), lo = nib(s[1]);
        if (hi < 0 || lo < 0) return -1;
        out[n++] = (unsigned char)(hi << 4 | lo);
    }
    return n;
}

void caesar(char *s, int k) {
    k = ((k % 26) + 26) % 26;
    for (; *s; s++) {
        if (*s >= 'a' && *s <= 'z') *s = (char)('a' + (*s - 'a' + k) % 26);
        else if (*s >= 'A' && *s <= 'Z') *s = (char)('A' + (*s - 'A' + k) % 26);
    }
}

unsigned char xor_checksum(const unsigned char *p, size_t n) { unsigned char x = 0; while (n--) x ^= *p++; return x; }

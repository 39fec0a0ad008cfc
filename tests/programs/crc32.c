/* CRC-32 (table-driven and bitwise), Adler-32, CRC-16/CCITT over test strings. */
#include <stdio.h>
#include <stdint.h>
#include <string.h>

static uint32_t table[256];
static void init_table(void) {
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++) c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
        table[i] = c;
    }
}
__attribute__((noinline)) static uint32_t crc32_tab(const unsigned char *p, size_t n) {
    uint32_t c = 0xffffffffu;
    while (n--) c = table[(c ^ *p++) & 0xff] ^ (c >> 8);
    return c ^ 0xffffffffu;
}
__attribute__((noinline)) static uint32_t crc32_bit(const unsigned char *p, size_t n) {
    uint32_t c = 0xffffffffu;
    for (size_t i = 0; i < n; i++) {
        c ^= p[i];
        for (int k = 0; k < 8; k++) c = (c >> 1) ^ (0xedb88320u & (0u - (c & 1)));
    }
    return ~c;
}
__attribute__((noinline)) static uint32_t adler32(const unsigned char *p, size_t n) {
    uint32_t a = 1, b = 0;
    for (size_t i = 0; i < n; i++) { a = (a + p[i]) % 65521; b = (b + a) % 65521; }
    return (b << 16) | a;
}
__attribute__((noinline)) static uint16_t crc16(const unsigned char *p, size_t n) {
    uint16_t c = 0xffff;
    for (size_t i = 0; i < n; i++) {
        c ^= (uint16_t)(p[i] << 8);
        for (int k = 0; k < 8; k++) c = (uint16_t)(c & 0x8000 ? (c << 1) ^ 0x1021 : c << 1);
    }
    return c;
}

int main(void) {
    init_table();
    const char *tests[] = {"", "a", "abc", "123456789", "The quick brown fox jumps over the lazy dog", "message digest"};
    for (int i = 0; i < 6; i++) {
        const unsigned char *p = (const unsigned char *)tests[i];
        size_t n = strlen(tests[i]);
        printf("%-45s crc32=%08x/%08x adler=%08x crc16=%04x\n", tests[i], crc32_tab(p, n), crc32_bit(p, n), adler32(p, n),
               crc16(p, n));
    }
    static unsigned char big[65536];
    for (size_t i = 0; i < sizeof big; i++) big[i] = (unsigned char)(i * 31 + (i >> 8));
    printf("big crc32=%08x adler=%08x\n", crc32_tab(big, sizeof big), adler32(big, sizeof big));
    return (int)(crc32_tab((const unsigned char *)"abc", 3) & 0x7f);
}

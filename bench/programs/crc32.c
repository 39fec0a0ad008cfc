/* Table-driven CRC-32 (IEEE, reflected) and Adler-32 over a generated buffer:
 * byte loads, table lookups, shifts and xors in a tight loop. */
#include <stdint.h>
#include <stdio.h>

#define LEN (256 * 1024)

static uint32_t table[256];
static unsigned char buf[LEN];

static void make_table(void) {
    for (uint32_t n = 0; n < 256; n++) {
        uint32_t c = n;
        for (int k = 0; k < 8; k++)
            c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        table[n] = c;
    }
}

static uint32_t crc32(uint32_t crc, const unsigned char *p, size_t len) {
    crc = ~crc;
    for (size_t i = 0; i < len; i++)
        crc = table[(crc ^ p[i]) & 0xff] ^ (crc >> 8);
    return ~crc;
}

static uint32_t adler32(const unsigned char *p, size_t len) {
    uint32_t a = 1, b = 0;
    for (size_t i = 0; i < len; i++) {
        a = (a + p[i]) % 65521u;
        b = (b + a) % 65521u;
    }
    return (b << 16) | a;
}

int main(void) {
    make_table();
    uint32_t x = 12345;
    for (size_t i = 0; i < LEN; i++) {
        x = x * 1103515245u + 12345u;
        buf[i] = (unsigned char)(x >> 16);
    }
    uint32_t crc = 0;
    for (int rep = 0; rep < 8; rep++) {
        crc = crc32(crc, buf, LEN);
        buf[rep * 1000] ^= (unsigned char)crc;
    }
    printf("crc32 %08x\n", (unsigned)crc);
    printf("crc32(\"123456789\") %08x\n", (unsigned)crc32(0, (const unsigned char *)"123456789", 9));
    printf("adler32 %08x\n", (unsigned)adler32(buf, LEN));
    return (int)(crc & 0x7f);
}

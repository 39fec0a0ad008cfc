#include <stdlib.h>
#include "../check.h"

char *to_hex(const unsigned char *data, int n);
int from_hex(const char *s, unsigned char *out, int max);
void caesar(char *s, int k);
unsigned char xor_checksum(const unsigned char *p, size_t n);

int main(void) {
    unsigned char d[] = {0x00, 0x7f, 0x80, 0xff, 0xde, 0xad};
    char *h = to_hex(d, 6);
    CHECK_STR(h, "007f80ffdead");
    unsigned char back[8];
    CHECK_INT(from_hex(h, back, 8), 6);
    CHECK(memcmp(back, d, 6) == 0);
    free(h);
    CHECK_INT(from_hex("zz", back, 8), -1);
    CHECK_INT(from_hex("CAFE", back, 8), 2);
    CHECK_UINT(back[0], 0xca);
    char msg[] = "Hello, World xyz";
    caesar(msg, 3);
    CHECK_STR(msg, "Khoor, Zruog abc");
    caesar(msg, -29);
    CHECK_STR(msg, "Hello, World xyz");
    CHECK_UINT(xor_checksum(d, 6), 0x00 ^ 0x7f ^ 0x80 ^ 0xff ^ 0xde ^ 0xad);
    END_CHECKS();
}

/* Calls the translated x86-64 checksum (checksum.s) and compares it with C. */
#include <stdio.h>
#include <string.h>

unsigned long long checksum(const unsigned char *p, unsigned long n);

static unsigned long long reference(const unsigned char *p, unsigned long n) {
    unsigned long long a = 0, b = 0;
    for (unsigned long i = 0; i < n; i++) {
        a = (a + p[i]) % 65521;
        b = (b + a) % 65521;
    }
    return (b << 32) | a;
}

int main(void) {
    static unsigned char big[100000];
    const char *text = "The quick brown fox jumps over the lazy dog";
    int bad = 0;
    for (unsigned long i = 0; i < sizeof big; i++) big[i] = (unsigned char)(i * 7 + (i >> 9));
    unsigned long long got = checksum((const unsigned char *)text, strlen(text));
    printf("checksum(\"%s\") = %#llx\n", text, got);
    bad |= got != reference((const unsigned char *)text, strlen(text));
    got = checksum(big, sizeof big);
    printf("checksum(100000 bytes) = %#llx\n", got);
    bad |= got != reference(big, sizeof big);
    printf("checksum(0 bytes) = %#llx\n", checksum(big, 0));
    printf("%s\n", bad ? "MISMATCH with the C reference" : "matches the C reference");
    return bad;
}

/* memcpy, memset, memmove (overlapping), memcmp, memchr, and struct copies. */
#include <stdio.h>
#include <string.h>

struct blob { int id; char name[20]; double vals[3]; };

__attribute__((noinline)) static void copy_blob(struct blob *dst, const struct blob *src) { *dst = *src; }
__attribute__((noinline)) static void my_memcpy(void *d, const void *s, size_t n) {
    unsigned char *dp = d; const unsigned char *sp = s;
    while (n--) *dp++ = *sp++;
}

static void dump(const char *tag, const unsigned char *p, int n) {
    printf("%s:", tag);
    for (int i = 0; i < n; i++) printf(" %02x", p[i]);
    printf("\n");
}

int main(void) {
    unsigned char a[64], b[64];
    for (int i = 0; i < 64; i++) a[i] = (unsigned char)(i * 7 + 3);
    memcpy(b, a, 64);
    printf("memcmp equal %d\n", memcmp(a, b, 64));
    b[40] = 0;
    printf("memcmp diff sign %d\n", memcmp(a, b, 64) > 0);
    memset(b, 0xab, 17);
    dump("memset", b, 20);
    memmove(a + 4, a, 20);
    dump("move fwd", a, 24);
    memmove(a, a + 8, 16);
    dump("move back", a, 24);
    char s[] = "0123456789abcdef";
    memmove(s + 1, s, 10);
    printf("s=%s\n", s);
    const char *hay = "find the x here";
    const char *x = memchr(hay, 'x', strlen(hay));
    printf("memchr %ld\n", x ? (long)(x - hay) : -1L);
    struct blob b1 = {7, "widget", {1.5, 2.5, 3.5}}, b2;
    memset(&b2, 0, sizeof b2);
    copy_blob(&b2, &b1);
    printf("blob %d %s %.1f %.1f %.1f\n", b2.id, b2.name, b2.vals[0], b2.vals[1], b2.vals[2]);
    int ints[10], ints2[10];
    for (int i = 0; i < 10; i++) ints[i] = i * i - 20;
    my_memcpy(ints2, ints, sizeof ints);
    int sum = 0;
    for (int i = 0; i < 10; i++) sum += ints2[i];
    printf("sum %d\n", sum);
    /* various sizes to exercise inline expansions */
    char src[100], dst[100];
    for (int i = 0; i < 100; i++) src[i] = (char)('A' + i % 26);
    unsigned h = 0;
    for (size_t n = 1; n < 100; n += 7) {
        memset(dst, '.', sizeof dst);
        memcpy(dst, src, n);
        for (int i = 0; i < 100; i++) h = h * 33 + (unsigned char)dst[i];
    }
    printf("hash %08x\n", h);
    return sum & 0x7f;
}

/* Bitfields: packing, signed/unsigned fields, read-modify-write, flags. */
#include <stdio.h>
#include <string.h>

struct flags { unsigned a : 1, b : 1, c : 1, mode : 3, level : 4, reserved : 22; };
struct sbits { int neg : 5; unsigned pos : 5; int wide : 20; };
struct hdr { unsigned version : 4; unsigned ihl : 4; unsigned tos : 8; unsigned len : 16; };
struct big { unsigned long long lo : 40; unsigned long long hi : 24; };

__attribute__((noinline)) static unsigned pack(struct flags f) { unsigned u; memcpy(&u, &f, 4); return u; }
__attribute__((noinline)) static void bump(struct sbits *s) { s->neg--; s->pos++; s->wide -= 1000; }
__attribute__((noinline)) static int get_mode(const struct flags *f) { return f->mode; }

int main(void) {
    struct flags f = {0};
    f.a = 1; f.mode = 5; f.level = 9;
    printf("packed=%08x mode=%d size=%zu\n", pack(f), get_mode(&f), sizeof f);
    f.mode++;
    f.level += 7; /* wraps to 0 */
    unsigned three = 3;
    f.c = three & 1u;
    printf("packed=%08x a=%u b=%u c=%u mode=%u level=%u\n", pack(f), f.a, f.b, f.c, f.mode, f.level);
    struct sbits s = {-16, 31, -524288};
    for (int i = 0; i < 3; i++) {
        printf("neg=%d pos=%u wide=%d\n", s.neg, s.pos, s.wide);
        bump(&s);
    }
    struct hdr h = {4, 5, 0, 1500};
    unsigned raw; memcpy(&raw, &h, 4);
    printf("hdr raw=%08x v=%u ihl=%u len=%u\n", raw, h.version, h.ihl, h.len);
    struct big b = {0xffffffffffULL, 0xabcdef};
    b.lo += 2;
    printf("big lo=%llx hi=%llx size=%zu\n", (unsigned long long)b.lo, (unsigned long long)b.hi, sizeof b);
    struct flags arr[8];
    memset(arr, 0, sizeof arr);
    for (int i = 0; i < 8; i++) { arr[i].mode = (unsigned)i; arr[i].level = (unsigned)(15 - i); arr[i].b = i & 1; }
    int sum = 0;
    for (int i = 0; i < 8; i++) sum += arr[i].mode * arr[i].level + arr[i].b;
    printf("sum=%d\n", sum);
    return sum;
}

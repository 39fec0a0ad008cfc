/* Sparse switches (compare trees), switch on long/unsigned values, string dispatch via hash. */
#include <stdio.h>

__attribute__((noinline)) static int sparse(int x) {
    switch (x) {
    case -1000000: return 1;
    case -7: return 2;
    case 0: return 3;
    case 13: return 4;
    case 100: return 5;
    case 1024: return 6;
    case 65535: return 7;
    case 1000000: return 8;
    case 2147483647: return 9;
    default: return 0;
    }
}
__attribute__((noinline)) static const char *http_status(unsigned code) {
    switch (code) {
    case 200: return "OK"; case 201: return "Created"; case 204: return "No Content";
    case 301: return "Moved"; case 302: return "Found"; case 304: return "Not Modified";
    case 400: return "Bad Request"; case 401: return "Unauthorized"; case 403: return "Forbidden";
    case 404: return "Not Found"; case 500: return "Server Error"; case 503: return "Unavailable";
    default: return "?";
    }
}
__attribute__((noinline)) static int big_switch(long v) {
    switch (v) {
    case 1L << 40: return 40;
    case 1L << 50: return 50;
    case -(1L << 33): return -33;
    case 0x7fffffffffffffffL: return 63;
    default: return (int)(v & 3);
    }
}
static unsigned hash(const char *s) { unsigned h = 0; while (*s) h = h * 31 + (unsigned char)*s++; return h; }
__attribute__((noinline)) static int keyword(const char *s) {
    switch (hash(s)) {
    case 3357u: return 1;       /* if */
    case 101577u: return 2;     /* for */
    case 113101617u: return 3;  /* while */
    case 3135262u: return 4;    /* else */
    default: return 0;
    }
}
__attribute__((noinline)) static int ranges(int c) {
    switch (c) {
    case 0 ... 9: return 1;
    case 100 ... 199: return 2;
    case 1000 ... 1999: return 3;
    default: return 0;
    }
}

int main(void) {
    int xs[] = {-1000000, -7, -6, 0, 1, 13, 100, 101, 1024, 65535, 65536, 1000000, 2147483647};
    int s = 0;
    for (int i = 0; i < 13; i++) { int r = sparse(xs[i]); s = s * 3 + r; printf("%d->%d ", xs[i], r); }
    printf("\n");
    unsigned codes[] = {200, 201, 202, 204, 301, 302, 304, 400, 401, 403, 404, 418, 500, 503};
    for (int i = 0; i < 14; i++) printf("%u %s\n", codes[i], http_status(codes[i]));
    long vs[] = {1L << 40, 1L << 50, -(1L << 33), 0x7fffffffffffffffL, 7, 1L << 41};
    for (int i = 0; i < 6; i++) printf("big %d\n", big_switch(vs[i]));
    const char *kw[] = {"if", "for", "while", "else", "int", "return"};
    for (int i = 0; i < 6; i++) printf("%s=%d(%u) ", kw[i], keyword(kw[i]), hash(kw[i]));
    printf("\n");
    int rsum = 0;
    for (int c = -5; c < 2100; c += 37) rsum += ranges(c);
    printf("ranges=%d\n", rsum);
    return (s & 0x7f) + 1;
}

/* CRT-TEST-CFLAGS: -fstack-protector-strong */
/* Functions with local char buffers compiled with -fstack-protector-strong (canary checks, no overflow). */
#include <stdio.h>
#include <string.h>

__attribute__((noinline)) static int format_name(const char *first, const char *last, char *out, size_t outsz) {
    char buf[64];
    snprintf(buf, sizeof buf, "%s, %s", last, first);
    for (char *p = buf; *p; p++) if (*p >= 'a' && *p <= 'z' && (p == buf || p[-1] == ' ')) *p = (char)(*p - 32);
    strncpy(out, buf, outsz - 1);
    out[outsz - 1] = 0;
    return (int)strlen(buf);
}
__attribute__((noinline)) static unsigned checksum_words(const char *text) {
    char word[32];
    unsigned sum = 0;
    size_t n = 0;
    for (const char *p = text;; p++) {
        if (*p && *p != ' ' && n < sizeof word - 1) { word[n++] = *p; continue; }
        word[n] = 0;
        for (size_t i = 0; i < n; i++) sum = sum * 131 + (unsigned char)word[i];
        n = 0;
        if (!*p) break;
    }
    return sum;
}
__attribute__((noinline)) static int use_array(int k) {
    int arr[16];
    for (int i = 0; i < 16; i++) arr[i] = i * k;
    int *p = arr;
    int s = 0;
    for (int i = 0; i < 16; i++) s += p[i];
    return s;
}
__attribute__((noinline)) static void fill(char *p, size_t n, char c) { memset(p, c, n); }
__attribute__((noinline)) static int nested(int depth) {
    char local[24];
    fill(local, sizeof local - 1, (char)('a' + depth % 26));
    local[sizeof local - 1] = 0;
    if (depth == 0) return (int)strlen(local);
    return nested(depth - 1) + local[depth % 23];
}

int main(void) {
    char out[40];
    const char *names[][2] = {{"ada", "lovelace"}, {"alan", "turing"}, {"grace", "hopper"}, {"edsger", "dijkstra"}};
    for (int i = 0; i < 4; i++) {
        int n = format_name(names[i][0], names[i][1], out, sizeof out);
        printf("%s (%d)\n", out, n);
    }
    printf("checksum %u\n", checksum_words("the canary is alive and well in this function"));
    printf("use_array %d\n", use_array(3));
    printf("nested %d\n", nested(40));
    return use_array(1) % 128;
}

/* Calls emit() (switch-tail-call.s) for every case and the default, collecting what the callback gets. */
#include <stdio.h>
#include <string.h>
typedef int (*emit_fn)(const char *s, int n, void *data);
int emit(int kind, long v, emit_fn cb, void *data);
static int append(const char *s, int n, void *data) { strncat((char *)data, s, (size_t)n); return n; }
int main(void) {
    char out[256] = "";
    int total = 0;
    for (int k = 0; k <= 6; k++) total += emit(k, 1000 + k, append, out);
    printf("%s %d\n", out, total);
    return 0;
}

/* Exit status via exit() from a nested call, atexit handlers running in reverse order, output flushing. */
#include <stdio.h>
#include <stdlib.h>

static int total;
static void h1(void) { printf("atexit h1 total=%d\n", total); }
static void h2(void) { printf("atexit h2\n"); }
static void h3(void) { printf("atexit h3\n"); fflush(stdout); }
__attribute__((noinline)) static void check(int v) {
    total += v;
    if (total > 100) { printf("limit exceeded at %d\n", v); exit(total % 200); }
}

int main(void) {
    atexit(h1);
    atexit(h2);
    atexit(h3);
    printf("start\n");
    for (int i = 1; i < 100; i++) check(i * i);
    printf("not reached\n");
    return 0;
}

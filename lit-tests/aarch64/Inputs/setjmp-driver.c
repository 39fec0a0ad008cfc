/* Calls the translated sj/lj of setjmp-longjmp.s: a longjmp through a recursion of native frames. */
#include <stdio.h>

typedef unsigned long buf_t[32];
int sj(buf_t) __attribute__((returns_twice));
void lj(buf_t, int) __attribute__((noreturn));

static buf_t env;

__attribute__((noinline)) static void dive(int n) {
    volatile int pad[8] = {n};
    if (n == 0) lj(env, 0);
    dive(n - 1);
    pad[0]++;
}

int main(void) {
    volatile int tries = 0;
    int r = sj(env);
    printf("setjmp returned %d\n", r);
    if (tries++ < 2) {
        if (r == 0) lj(env, 7);
        dive(10);
    }
    return 0;
}

/* Checks musl's x86_64 setjmp and longjmp (src/setjmp/x86_64/{setjmp,longjmp}.s from Debian's
 * musl source), translated by crt-cc and renamed musl_* with the target's objcopy: a longjmp
 * straight back, longjmp's value 0 becoming 1, longjmp across many frames (recursion and a
 * callback through a function pointer), local state after the jump, repeated jumps (the stack
 * must not grow), and calls that still work afterwards.  Used by tests/test_real_projects.py;
 * prints a line per step so a crash names the step, exits 0 only if every check passed. */
#include <stdio.h>
#include <string.h>

/* musl's x86_64 jmp_buf: rbx, rbp, r12-r15, rsp, return address (8 words); room to spare. */
typedef unsigned long musl_jmp_buf[32];
int musl_setjmp(musl_jmp_buf env) __attribute__((returns_twice));
void musl_longjmp(musl_jmp_buf env, int val) __attribute__((noreturn));

static unsigned long checks, failures;

static void expect(const char *what, long got, long want) {
    checks++;
    if (got != want) {
        failures++;
        printf("FAIL %s: got %ld, expected %ld\n", what, got, want);
    }
}

static void step(const char *name) {
    printf("step: %s\n", name);
    fflush(stdout);
}

static musl_jmp_buf env;
static volatile int depth_reached;

__attribute__((noinline)) static void dive(int depth, int val) {
    volatile char pad[64]; /* real frames with locals */
    memset((char *)pad, depth, sizeof pad);
    depth_reached = depth;
    if (depth < 0) return; /* never: keeps gcc's -Winfinite-recursion quiet */
    if (depth == 0) musl_longjmp(env, val);
    dive(depth - 1, val);
    depth_reached = -1000 + pad[0]; /* not reached */
}

static void (*volatile callback)(int, int) = dive;

/* Address of a local in a fresh frame: the same before and after jumps if the stack pointer
 * was restored exactly. */
__attribute__((noinline)) static unsigned long frame_address(void) {
    volatile char c = 0;
    return (unsigned long)&c;
}

__attribute__((noinline)) static long sum_to(long n) { return n <= 0 ? 0 : n + sum_to(n - 1); }

int main(void) {
    volatile int counter = 0;
    volatile long local = 0x1234567890L;
    int r;

    step("setjmp returns 0, longjmp(env, 42) makes it return 42");
    r = musl_setjmp(env);
    if (r == 0) {
        counter++;
        musl_longjmp(env, 42);
    }
    expect("value of a direct longjmp", r, 42);
    expect("setjmp returned twice (counter)", counter, 1);

    step("longjmp(env, 0) makes setjmp return 1");
    counter = 0;
    r = musl_setjmp(env);
    if (r == 0) {
        counter++;
        musl_longjmp(env, 0);
    }
    expect("value of longjmp(env, 0)", r, 1);
    expect("counter after longjmp(env, 0)", counter, 1);

    step("negative and large values pass through");
    r = musl_setjmp(env);
    if (r == 0) musl_longjmp(env, -7);
    expect("value of longjmp(env, -7)", r, -7);
    r = musl_setjmp(env);
    if (r == 0) musl_longjmp(env, 0x7fffffff);
    expect("value of longjmp(env, INT_MAX)", r, 0x7fffffff);

    step("longjmp across 50 frames of recursion");
    depth_reached = 99;
    r = musl_setjmp(env);
    if (r == 0) dive(50, 5);
    expect("value of a longjmp across frames", r, 5);
    expect("innermost depth reached", depth_reached, 0);
    expect("local kept across the jump", local, 0x1234567890L);

    step("longjmp from a callback called through a function pointer");
    r = musl_setjmp(env);
    if (r == 0) callback(3, 9);
    expect("value of a longjmp from a callback", r, 9);

    step("1000 setjmp/longjmp round trips (the stack must not grow)");
    counter = 0;
    unsigned long frame_before = frame_address();
    r = musl_setjmp(env);
    if (r < 1000) {
        counter++;
        musl_longjmp(env, r + 1);
    }
    expect("round trips", counter, 1000);
    expect("last value", r, 1000);
    expect("stack pointer after 1000 jumps (frame address delta)",
           (long)(frame_address() - frame_before), 0);

    step("calls still work after the jumps");
    expect("sum_to(1000)", sum_to(1000), 500500);
    expect("local still intact", local, 0x1234567890L);

    printf("%s: %lu checks, %lu failures\n", failures ? "FAILED" : "OK", checks, failures);
    return failures != 0;
}

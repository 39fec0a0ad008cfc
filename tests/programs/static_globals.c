/* Static and global variables, static locals, initialised/zeroed data, globals modified through pointers. */
#include <stdio.h>

int g_counter;
int g_init = 42;
long g_array[16];
double g_scale = 1.5;
const char *g_name = "global";
static int s_hidden = 7;
static char s_buf[32] = "static buffer";
static struct { int a; long b; char c[4]; } g_struct = {1, 2, "xyz"};
int *g_ptr = &g_init;
static short s_shorts[5] = {1, -1, 300, -300, 32767};
unsigned char g_bytes[256];

__attribute__((noinline)) static int next_id(void) { static int id = 100; return id++; }
__attribute__((noinline)) static int calls(void) { static int n; return ++n; }
__attribute__((noinline)) static void bump(int *p, int k) { *p += k; }
__attribute__((noinline)) static double scaled(double x) { return x * g_scale; }
__attribute__((noinline)) static long sum_global(void) { long s = 0; for (int i = 0; i < 16; i++) s += g_array[i]; return s; }
__attribute__((noinline)) static const char *memo_fib_str(int n) {
    static long memo[64];
    static char out[32];
    if (!memo[1]) { memo[0] = 0; memo[1] = 1; for (int i = 2; i < 64; i++) memo[i] = memo[i - 1] + memo[i - 2]; }
    snprintf(out, sizeof out, "fib%d=%ld", n, memo[n]);
    return out;
}

int main(void) {
    printf("zero-init %d %ld\n", g_counter, g_array[5]);
    for (int i = 0; i < 5; i++) printf("id=%d ", next_id());
    printf("\n");
    for (int i = 0; i < 10; i++) calls();
    printf("calls=%d\n", calls());
    bump(&g_counter, 5); bump(&g_init, -2); bump(g_ptr, 10); bump(&s_hidden, 1);
    printf("g_counter=%d g_init=%d s_hidden=%d *g_ptr=%d\n", g_counter, g_init, s_hidden, *g_ptr);
    for (int i = 0; i < 16; i++) g_array[i] = (long)i * i * 1000000000L;
    printf("sum=%ld\n", sum_global());
    g_scale = 2.25;
    printf("scaled=%.4f name=%s buf=%s\n", scaled(4.0), g_name, s_buf);
    s_buf[0] = 'S';
    printf("buf=%s struct=%d %ld %s\n", s_buf, g_struct.a, g_struct.b, g_struct.c);
    g_struct.b <<= 40;
    printf("struct.b=%ld\n", g_struct.b);
    int ssum = 0;
    for (int i = 0; i < 5; i++) ssum += s_shorts[i];
    printf("shorts=%d\n", ssum);
    for (int i = 0; i < 256; i++) g_bytes[i] = (unsigned char)(i * 13);
    unsigned bsum = 0;
    for (int i = 0; i < 256; i++) bsum += g_bytes[i];
    printf("bytes=%u\n", bsum);
    printf("%s ", memo_fib_str(50));
    printf("%s\n", memo_fib_str(10));
    g_ptr = &g_counter;
    *g_ptr *= 3;
    printf("g_counter=%d\n", g_counter);
    return g_counter + s_hidden;
}

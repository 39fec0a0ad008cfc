/* Global and static data defined in translated code, read and written from both sides. */
int g_counter = 10;
long g_table[8] = {1, 2, 3, 5, 8, 13, 21, 34};
const char *g_greeting = "hello";
double g_scale = 1.5;
int g_native_seen;

static int s_calls;

int counter_next(void) { s_calls++; return g_counter++; }
int calls_made(void) { return s_calls; }
long table_sum(void) { long s = 0; for (int i = 0; i < 8; i++) s += g_table[i]; return s; }
double scaled(double x) { return x * g_scale; }
void set_table(int i, long v) { g_table[i] = v; }
const char *greeting(void) { return g_greeting; }
int *counter_address(void) { return &g_counter; }
int read_native_seen(void) { return g_native_seen; }

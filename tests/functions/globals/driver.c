#include "../check.h"

extern int g_counter;
extern long g_table[8];
extern const char *g_greeting;
extern double g_scale;
extern int g_native_seen;
int counter_next(void);
int calls_made(void);
long table_sum(void);
double scaled(double x);
void set_table(int i, long v);
const char *greeting(void);
int *counter_address(void);
int read_native_seen(void);

int main(void) {
    CHECK_INT(g_counter, 10);
    CHECK_INT(counter_next(), 10);
    CHECK_INT(counter_next(), 11);
    CHECK_INT(g_counter, 12);
    g_counter = 100;
    CHECK_INT(counter_next(), 100);
    CHECK_INT(calls_made(), 3);
    CHECK_INT(table_sum(), 87);
    g_table[0] = 1000;
    CHECK_INT(table_sum(), 1086);
    set_table(7, -34);
    CHECK_INT(g_table[7], -34);
    CHECK_NEAR(scaled(2.0), 3.0, 0);
    g_scale = -0.5;
    CHECK_NEAR(scaled(2.0), -1.0, 0);
    CHECK_STR(greeting(), "hello");
    CHECK(greeting() == g_greeting);
    CHECK(counter_address() == &g_counter);
    g_native_seen = 77;
    CHECK_INT(read_native_seen(), 77);
    END_CHECKS();
}

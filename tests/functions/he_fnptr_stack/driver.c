#include <stdlib.h>
#include "../check.h"

typedef int (*handler)(int);
int handler_double(int x);
int handler_square(int x);
handler get_handler(int which);
int is_double_handler(handler h);
int apply_tail(handler f, int x);
int apply_twice(handler f, int x);
int dispatch(int which, int x);
long long big_frame_sum(int n);
struct node { int v; struct node *next; };
long sum_list_rec(const struct node *n);
int depth(int n);
int fib_rec(int n);
int collatz_max_len(int limit);

static int native_inc(int x) { return x + 1; }

int main(void) {
    CHECK(get_handler(0) == handler_double);
    CHECK(get_handler(1) == handler_square);
    CHECK(get_handler(0) == get_handler(0));
    CHECK(get_handler(2) != handler_double);
    CHECK_INT(is_double_handler(handler_double), 1);
    CHECK_INT(is_double_handler(get_handler(0)), 1);
    CHECK_INT(is_double_handler(handler_square), 0);
    CHECK_INT(get_handler(2)(5), -5);
    CHECK_INT(handler_double(21), 42);
    CHECK_INT(apply_tail(native_inc, 41), 42);
    CHECK_INT(apply_tail(handler_square, 9), 81);
    CHECK_INT(apply_tail(get_handler(2), 9), -9);
    CHECK_INT(apply_twice(native_inc, 40), 42);
    CHECK_INT(apply_twice(handler_double, 5), 20);
    CHECK_INT(dispatch(1, 12), 144);
    CHECK_INT(dispatch(7, 12), -12);
    long long e = 0;
    for (int i = 0; i < 100000; i++) e += ((i * 7919) % 262144) % 1000;
    CHECK_INT(big_frame_sum(100000), e);
    int n = 100000;
    struct node *nodes = malloc(sizeof(struct node) * n);
    for (int i = 0; i < n; i++) { nodes[i].v = i % 7; nodes[i].next = i + 1 < n ? &nodes[i + 1] : NULL; }
    long es = 0;
    for (int i = 0; i < n; i++) es += i % 7;
    CHECK_INT(sum_list_rec(nodes), es);
    free(nodes);
    CHECK_INT(depth(50000), 50000);
    CHECK_INT(fib_rec(27), 196418);
    CHECK_INT(collatz_max_len(100000), 77031);
    END_CHECKS();
}

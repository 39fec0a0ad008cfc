#include "../check.h"

long fib_rec(int n);
unsigned long long fib_iter(int n);
int fib4(int n);
unsigned fib_mod(unsigned n, unsigned m);

int main(void) {
    CHECK_INT(fib_rec(0), 0);
    CHECK_INT(fib_rec(1), 1);
    CHECK_INT(fib_rec(10), 55);
    CHECK_INT(fib_rec(20), 6765);
    CHECK_UINT(fib_iter(50), 12586269025ULL);
    CHECK_UINT(fib_iter(93), 12200160415121876738ULL);
    CHECK_INT(fib4(5), 4);
    CHECK_INT(fib4(8), 28);
    CHECK_INT(fib4(10), 104);
    CHECK_INT(fib4(12), 386);
    CHECK_UINT(fib_mod(1000, 1000000007u), 517691607u);
    CHECK_UINT(fib_mod(10, 7), 6);
    END_CHECKS();
}

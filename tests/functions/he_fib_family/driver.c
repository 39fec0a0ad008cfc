#include "../check.h"

int fib(int n);
int fib4(int n);
int fibfib(int n);
int prime_fib(int n);
int modp(int n, int p);
int fizz_buzz(int n);

int main(void) {
    CHECK_INT(fib(10), 55);
    CHECK_INT(fib(1), 1);
    CHECK_INT(fib(8), 21);
    CHECK_INT(fib(11), 89);
    CHECK_INT(fib(12), 144);
    CHECK_INT(fib(0), 0);
    CHECK_INT(fib4(5), 4);
    CHECK_INT(fib4(8), 28);
    CHECK_INT(fib4(10), 104);
    CHECK_INT(fib4(12), 386);
    CHECK_INT(fib4(2), 2);
    CHECK_INT(fibfib(2), 1);
    CHECK_INT(fibfib(1), 0);
    CHECK_INT(fibfib(5), 4);
    CHECK_INT(fibfib(8), 24);
    CHECK_INT(fibfib(10), 81);
    CHECK_INT(fibfib(12), 274);
    CHECK_INT(fibfib(14), 927);
    CHECK_INT(prime_fib(1), 2);
    CHECK_INT(prime_fib(2), 3);
    CHECK_INT(prime_fib(3), 5);
    CHECK_INT(prime_fib(4), 13);
    CHECK_INT(prime_fib(5), 89);
    CHECK_INT(prime_fib(6), 233);
    CHECK_INT(prime_fib(7), 1597);
    CHECK_INT(prime_fib(8), 28657);
    CHECK_INT(prime_fib(9), 514229);
    CHECK_INT(prime_fib(10), 433494437);
    CHECK_INT(modp(3, 5), 3);
    CHECK_INT(modp(1101, 101), 2);
    CHECK_INT(modp(0, 101), 1);
    CHECK_INT(modp(3, 11), 8);
    CHECK_INT(modp(100, 101), 1);
    CHECK_INT(modp(30, 5), 4);
    CHECK_INT(modp(31, 5), 3);
    CHECK_INT(fizz_buzz(50), 0);
    CHECK_INT(fizz_buzz(78), 2);
    CHECK_INT(fizz_buzz(79), 3);
    CHECK_INT(fizz_buzz(100), 3);
    CHECK_INT(fizz_buzz(200), 6);
    CHECK_INT(fizz_buzz(4000), 192);
    CHECK_INT(fizz_buzz(10000), 639);
    CHECK_INT(fizz_buzz(100000), 8026);
    END_CHECKS();
}

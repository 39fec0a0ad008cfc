/* Recursion: fib, ackermann, hanoi, mutual recursion, power set count, recursive string reverse. */
#include <stdio.h>
#include <string.h>

__attribute__((noinline)) static long fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
__attribute__((noinline)) static int ack(int m, int n) {
    if (m == 0) return n + 1;
    if (n == 0) return ack(m - 1, 1);
    return ack(m - 1, ack(m, n - 1));
}
static int moves;
static void hanoi(int n, char from, char to, char via, int print) {
    if (n == 0) return;
    hanoi(n - 1, from, via, to, print);
    moves++;
    if (print) printf("move disk %d %c->%c\n", n, from, to);
    hanoi(n - 1, via, to, from, print);
}
static int is_odd(unsigned n);
__attribute__((noinline)) static int is_even(unsigned n) { return n == 0 ? 1 : is_odd(n - 1); }
__attribute__((noinline)) static int is_odd(unsigned n) { return n == 0 ? 0 : is_even(n - 1); }
static void rev(char *s, int i, int j) { if (i >= j) return; char t = s[i]; s[i] = s[j]; s[j] = t; rev(s, i + 1, j - 1); }
static long binom(int n, int k) { return (k == 0 || k == n) ? 1 : binom(n - 1, k - 1) + binom(n - 1, k); }
static int digit_sum(long n) { return n < 10 ? (int)n : (int)(n % 10) + digit_sum(n / 10); }
static double power(double b, int e) {
    if (e == 0) return 1;
    if (e < 0) return 1 / power(b, -e);
    double h = power(b, e / 2);
    return e % 2 ? h * h * b : h * h;
}
static int depth_sum(int n) { volatile int pad[4] = {n, n, n, n}; return n == 0 ? 0 : pad[3] + depth_sum(n - 1); }

int main(void) {
    for (int i = 0; i <= 25; i += 5) printf("fib(%d)=%ld\n", i, fib(i));
    printf("ack(2,3)=%d ack(3,3)=%d\n", ack(2, 3), ack(3, 3));
    hanoi(3, 'A', 'C', 'B', 1);
    moves = 0;
    hanoi(12, 'A', 'C', 'B', 0);
    printf("hanoi(12) moves=%d\n", moves);
    printf("even(1001)=%d odd(1001)=%d\n", is_even(1001), is_odd(1001));
    char s[] = "recursion is fun";
    rev(s, 0, (int)strlen(s) - 1);
    printf("rev=%s\n", s);
    printf("binom(16,8)=%ld\n", binom(16, 8));
    printf("digit_sum=%d\n", digit_sum(9876543210L));
    printf("power %.6f %.6f %.0f\n", power(1.5, 10), power(2, -3), power(3, 20));
    printf("depth_sum=%d\n", depth_sum(5000));
    return ack(2, 3) + moves % 100;
}

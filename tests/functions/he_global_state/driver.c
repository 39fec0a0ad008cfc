#include "../check.h"

long long fib_memo(int n);
extern int fib_calls;
int count_primes_upto(int n);
const char *ordinal(int n);
int next_id(void);
int fold(const int *a, int n, int op, int init);
typedef int (*binop)(int, int);
binop get_op(int op);
extern int histogram_buckets[10];
extern double global_scale;
void bucketize(const double *a, int n);

int main(void) {
    CHECK_INT(fib_memo(10), 55);
    CHECK_INT(fib_memo(90), 2880067194370816120LL);
    int before = fib_calls;
    CHECK_INT(fib_memo(90), 2880067194370816120LL);
    CHECK_INT(fib_calls - before, 1);
    CHECK_INT(count_primes_upto(10), 4);
    CHECK_INT(count_primes_upto(100), 25);
    CHECK_INT(count_primes_upto(100000), 9592);
    CHECK_INT(count_primes_upto(1), 0);
    CHECK_STR(ordinal(1), "1st");
    CHECK_STR(ordinal(2), "2nd");
    CHECK_STR(ordinal(3), "3rd");
    CHECK_STR(ordinal(11), "11th");
    CHECK_STR(ordinal(112), "112th");
    CHECK_STR(ordinal(101), "101st");
    CHECK_STR(ordinal(0), "0th");
    const char *p1 = ordinal(22), *p2 = ordinal(23);
    CHECK(p1 == p2);
    CHECK_INT(next_id(), 100);
    CHECK_INT(next_id(), 101);
    CHECK_INT(next_id(), 102);
    int a[] = {3, 1, 4, 1, 5};
    CHECK_INT(fold(a, 5, 0, 0), 14);
    CHECK_INT(fold(a, 5, 1, 0), -14);
    CHECK_INT(fold(a, 5, 2, 1), 60);
    CHECK_INT(fold(a, 5, 3, -100), 5);
    binop f = get_op(2);
    CHECK_INT(f(6, 7), 42);
    CHECK_INT(get_op(3)(-1, -2), -1);
    double v[] = {0.5, 1.5, 2.5, 9.9, 15, -3, 1.2};
    global_scale = 1.0;
    bucketize(v, 7);
    CHECK_INT(histogram_buckets[0], 2); CHECK_INT(histogram_buckets[1], 2); CHECK_INT(histogram_buckets[9], 2);
    global_scale = 0.5;
    bucketize(v, 7);
    CHECK_INT(histogram_buckets[0], 4); CHECK_INT(histogram_buckets[4], 1); CHECK_INT(histogram_buckets[7], 1);
    END_CHECKS();
}

#include <stdbool.h>
#include "../check.h"

bool is_prime(long n);
long largest_prime_factor(long n);
int count_primes(int limit);
bool prime_length(const char *s);

int main(void) {
    CHECK_INT(is_prime(6), false);
    CHECK_INT(is_prime(101), true);
    CHECK_INT(is_prime(11), true);
    CHECK_INT(is_prime(13441), true);
    CHECK_INT(is_prime(61), true);
    CHECK_INT(is_prime(4), false);
    CHECK_INT(is_prime(1), false);
    CHECK_INT(is_prime(1000000007L), true);
    CHECK_INT(largest_prime_factor(15), 5);
    CHECK_INT(largest_prime_factor(27), 3);
    CHECK_INT(largest_prime_factor(13195), 29);
    CHECK_INT(largest_prime_factor(600851475143L), 6857);
    CHECK_INT(count_primes(100), 25);
    CHECK_INT(count_primes(100000), 9592);
    CHECK_INT(prime_length("Hello"), true);
    CHECK_INT(prime_length("orange"), false);
    END_CHECKS();
}

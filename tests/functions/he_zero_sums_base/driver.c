#include <stdbool.h>
#include <stdlib.h>
#include "../check.h"

bool triples_sum_to_zero(const int *l, int n);
bool pairs_sum_to_zero(const int *l, int n);
int car_race_collision(int n);
char *change_base(int x, int base);
int sum_to_n(int n);
long sum_to_n_loop(long n);

#define CHECK_FREE(call, expected) do { char *r_ = (call); CHECK_STR(r_, expected); free(r_); } while (0)

int main(void) {
    CHECK_INT(triples_sum_to_zero((int[]){1, 3, 5, 0}, 4), 0);
    CHECK_INT(triples_sum_to_zero((int[]){1, 3, 5, -1}, 4), 0);
    CHECK_INT(triples_sum_to_zero((int[]){1, 3, -2, 1}, 4), 1);
    CHECK_INT(triples_sum_to_zero((int[]){1, 2, 3, 7}, 4), 0);
    CHECK_INT(triples_sum_to_zero((int[]){2, 4, -5, 3, 9, 7}, 6), 1);
    CHECK_INT(triples_sum_to_zero((int[]){1}, 1), 0);
    CHECK_INT(triples_sum_to_zero((int[]){100, 3, 5, -100}, 4), 0);
    CHECK_INT(pairs_sum_to_zero((int[]){1, 3, 5, 0}, 4), 0);
    CHECK_INT(pairs_sum_to_zero((int[]){1, 3, -2, 1}, 4), 0);
    CHECK_INT(pairs_sum_to_zero((int[]){2, 4, -5, 3, 5, 7}, 6), 1);
    CHECK_INT(pairs_sum_to_zero((int[]){-3, 9, -1, 3, 2, 30}, 6), 1);
    CHECK_INT(pairs_sum_to_zero((int[]){-3, 9, -1, 4, 2, 31}, 6), 0);
    CHECK_INT(pairs_sum_to_zero(0, 0), 0);
    CHECK_INT(car_race_collision(2), 4);
    CHECK_INT(car_race_collision(3), 9);
    CHECK_INT(car_race_collision(10), 100);
    CHECK_FREE(change_base(8, 3), "22");
    CHECK_FREE(change_base(9, 3), "100");
    CHECK_FREE(change_base(234, 2), "11101010");
    CHECK_FREE(change_base(16, 2), "10000");
    CHECK_FREE(change_base(8, 2), "1000");
    CHECK_FREE(change_base(7, 2), "111");
    CHECK_FREE(change_base(0, 7), "0");
    for (int x = 2; x < 8; x++) {
        char *s = change_base(x, x + 1);
        char e[4] = {(char)('0' + x), 0};
        CHECK_STR(s, e);
        free(s);
    }
    CHECK_INT(sum_to_n(1), 1);
    CHECK_INT(sum_to_n(6), 21);
    CHECK_INT(sum_to_n(11), 66);
    CHECK_INT(sum_to_n(30), 465);
    CHECK_INT(sum_to_n(100), 5050);
    CHECK_INT(sum_to_n_loop(0), 0);
    CHECK_INT(sum_to_n_loop(100000), 5000050000L);
    END_CHECKS();
}

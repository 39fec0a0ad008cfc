#include <stdbool.h>
#include <stdlib.h>
#include "../check.h"

int next_smallest(const int *lst, int n, bool *found);
int is_bored(const char *S);
bool any_int(float a, float b, float c);
char *encode(const char *message);

#define CHECK_FREE(call, expected) do { char *r_ = (call); CHECK_STR(r_, expected); free(r_); } while (0)

int main(void) {
    bool f;
    CHECK_INT(next_smallest((int[]){1, 2, 3, 4, 5}, 5, &f), 2); CHECK_INT(f, 1);
    CHECK_INT(next_smallest((int[]){5, 1, 4, 3, 2}, 5, &f), 2); CHECK_INT(f, 1);
    next_smallest(NULL, 0, &f); CHECK_INT(f, 0);
    next_smallest((int[]){1, 1}, 2, &f); CHECK_INT(f, 0);
    CHECK_INT(next_smallest((int[]){1, 1, 1, 1, 0}, 5, &f), 1); CHECK_INT(f, 1);
    CHECK_INT(next_smallest((int[]){-35, 34, 12, -45}, 4, &f), -35); CHECK_INT(f, 1);
    CHECK_INT(is_bored("Hello world"), 0);
    CHECK_INT(is_bored("Is the sky blue?"), 0);
    CHECK_INT(is_bored("I love It !"), 1);
    CHECK_INT(is_bored("bIt"), 0);
    CHECK_INT(is_bored("I feel good today. I will be productive. will kill It"), 2);
    CHECK_INT(is_bored("You and I are going for a walk"), 0);
    CHECK_INT(any_int(2, 3, 1), 1);
    CHECK_INT(any_int(2.5f, 2, 3), 0);
    CHECK_INT(any_int(1.5f, 5, 3.5f), 0);
    CHECK_INT(any_int(2, 6, 2), 0);
    CHECK_INT(any_int(4, 2, 2), 1);
    CHECK_INT(any_int(2.2f, 2.2f, 2.2f), 0);
    CHECK_INT(any_int(-4, 6, 2), 1);
    CHECK_INT(any_int(2, 1, 1), 1);
    CHECK_INT(any_int(3, 4, 7), 1);
    CHECK_INT(any_int(3.0f, 4, 7), 1);
    CHECK_FREE(encode("TEST"), "tgst");
    CHECK_FREE(encode("Mudasir"), "mWDCSKR");
    CHECK_FREE(encode("YES"), "ygs");
    CHECK_FREE(encode("This is a message"), "tHKS KS C MGSSCGG");
    CHECK_FREE(encode("I DoNt KnOw WhAt tO WrItE"), "k dQnT kNqW wHcT Tq wRkTg");
    END_CHECKS();
}

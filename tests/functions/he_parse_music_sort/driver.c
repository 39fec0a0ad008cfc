#include <stdlib.h>
#include "../check.h"

int *parse_music(const char *music_string, int *out_n);
char *sort_numbers(const char *numbers);

#define CHECK_FREE(call, expected) do { char *r_ = (call); CHECK_STR(r_, expected); free(r_); } while (0)

int main(void) {
    int n;
    int *r = parse_music("", &n);
    CHECK_INT(n, 0);
    free(r);
    r = parse_music("o o o o", &n);
    CHECK_INT(n, 4);
    for (int i = 0; i < 4; i++) CHECK_INT(r[i], 4);
    free(r);
    r = parse_music(".| .| .| .|", &n);
    CHECK_INT(n, 4);
    CHECK_INT(r[3], 1);
    free(r);
    r = parse_music("o| o| .| .| o o o o", &n);
    int e[] = {2, 2, 1, 1, 4, 4, 4, 4};
    CHECK_INT(n, 8);
    for (int i = 0; i < 8; i++) CHECK_INT(r[i], e[i]);
    free(r);
    r = parse_music("o| .| o| .| o o| o o|", &n);
    int e2[] = {2, 1, 2, 1, 4, 2, 4, 2};
    CHECK_INT(n, 8);
    for (int i = 0; i < 8; i++) CHECK_INT(r[i], e2[i]);
    free(r);
    CHECK_FREE(sort_numbers(""), "");
    CHECK_FREE(sort_numbers("three"), "three");
    CHECK_FREE(sort_numbers("three five nine"), "three five nine");
    CHECK_FREE(sort_numbers("five zero four seven nine eight"), "zero four five seven eight nine");
    CHECK_FREE(sort_numbers("six five four three two one zero"), "zero one two three four five six");
    CHECK_FREE(sort_numbers("one one zero"), "zero one one");
    END_CHECKS();
}

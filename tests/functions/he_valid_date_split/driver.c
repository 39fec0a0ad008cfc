#include <stdbool.h>
#include "../check.h"

bool valid_date(const char *date);
int split_words(const char *txt, char out[][32], int max);
bool is_sorted(const int *lst, int n);
const char *intersection(int s1, int e1, int s2, int e2);

int main(void) {
    CHECK_INT(valid_date("03-11-2000"), 1);
    CHECK_INT(valid_date("15-01-2012"), 0);
    CHECK_INT(valid_date("04-0-2040"), 0);
    CHECK_INT(valid_date("06-04-2020"), 1);
    CHECK_INT(valid_date("01-01-2007"), 1);
    CHECK_INT(valid_date("03-32-2011"), 0);
    CHECK_INT(valid_date(""), 0);
    CHECK_INT(valid_date("04-31-3000"), 0);
    CHECK_INT(valid_date("06-06-2005"), 1);
    CHECK_INT(valid_date("21-31-2000"), 0);
    CHECK_INT(valid_date("04-12-2003"), 1);
    CHECK_INT(valid_date("04122003"), 0);
    CHECK_INT(valid_date("20030412"), 0);
    CHECK_INT(valid_date("2003-04"), 0);
    CHECK_INT(valid_date("2003-04-12"), 0);
    CHECK_INT(valid_date("04-2003"), 0);
    CHECK_INT(valid_date("02-29-2004"), 1);
    CHECK_INT(valid_date("02-30-2004"), 0);
    char w[8][32];
    CHECK_INT(split_words("Hello world!", w, 8), 2);
    CHECK_STR(w[0], "Hello"); CHECK_STR(w[1], "world!");
    CHECK_INT(split_words("Hello,world!", w, 8), 2);
    CHECK_STR(w[0], "Hello"); CHECK_STR(w[1], "world!");
    CHECK_INT(split_words("Hello world,!", w, 8), 2);
    CHECK_STR(w[1], "world,!");
    CHECK_INT(split_words("Hello,Hello,world !", w, 8), 2);
    CHECK_STR(w[0], "Hello,Hello,world"); CHECK_STR(w[1], "!");
    CHECK_INT(split_words("abcdef", w, 8), -3 - 1);
    CHECK_INT(split_words("aaabb", w, 8), -2 - 1);
    CHECK_INT(split_words("aaaBb", w, 8), -1 - 1);
    CHECK_INT(split_words("", w, 8), -1);
    CHECK_INT(is_sorted((int[]){5}, 1), 1);
    CHECK_INT(is_sorted((int[]){1, 2, 3, 4, 5}, 5), 1);
    CHECK_INT(is_sorted((int[]){1, 3, 2, 4, 5}, 5), 0);
    CHECK_INT(is_sorted((int[]){1, 2, 3, 4, 5, 6, 7}, 7), 1);
    CHECK_INT(is_sorted((int[]){1, 3, 2, 4, 5, 6, 7}, 7), 0);
    CHECK_INT(is_sorted(NULL, 0), 1);
    CHECK_INT(is_sorted((int[]){3, 2, 1}, 3), 0);
    CHECK_INT(is_sorted((int[]){1, 2, 2, 2, 3, 4}, 6), 0);
    CHECK_INT(is_sorted((int[]){1, 2, 3, 3, 3, 4}, 6), 0);
    CHECK_INT(is_sorted((int[]){1, 2, 2, 3, 3, 4}, 6), 1);
    CHECK_STR(intersection(1, 2, 2, 3), "NO");
    CHECK_STR(intersection(-1, 1, 0, 4), "NO");
    CHECK_STR(intersection(-3, -1, -5, 5), "YES");
    CHECK_STR(intersection(-2, 2, -4, 0), "YES");
    CHECK_STR(intersection(-11, 2, -1, -1), "NO");
    CHECK_STR(intersection(1, 2, 3, 5), "NO");
    CHECK_STR(intersection(1, 2, 1, 2), "NO");
    CHECK_STR(intersection(-2, -2, -3, -2), "NO");
    END_CHECKS();
}

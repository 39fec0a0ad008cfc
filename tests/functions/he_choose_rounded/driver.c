#include <stdlib.h>
#include "../check.h"

int choose_num(int x, int y);
char *rounded_avg(int n, int m);
int *unique_digits(const int *x, int n, int *out_n);
const char **by_length(const int *arr, int n, int *out_n);

#define CHECK_FREE(call, expected) do { char *r_ = (call); CHECK_STR(r_, expected); free(r_); } while (0)

int main(void) {
    CHECK_INT(choose_num(12, 15), 14);
    CHECK_INT(choose_num(13, 12), -1);
    CHECK_INT(choose_num(33, 12354), 12354);
    CHECK_INT(choose_num(5234, 5233), -1);
    CHECK_INT(choose_num(6, 29), 28);
    CHECK_INT(choose_num(27, 10), -1);
    CHECK_INT(choose_num(7, 7), -1);
    CHECK_INT(choose_num(546, 546), 546);
    CHECK_FREE(rounded_avg(1, 5), "0b11");
    CHECK_FREE(rounded_avg(7, 13), "0b1010");
    CHECK_FREE(rounded_avg(964, 977), "0b1111001010");
    CHECK_FREE(rounded_avg(996, 997), "0b1111100100");
    CHECK_FREE(rounded_avg(560, 851), "0b1011000001");
    CHECK_FREE(rounded_avg(185, 546), "0b101101101");
    CHECK_FREE(rounded_avg(362, 496), "0b110101101");
    CHECK_FREE(rounded_avg(350, 902), "0b1001110010");
    CHECK_FREE(rounded_avg(197, 233), "0b11010111");
    CHECK_FREE(rounded_avg(7, 5), "-1");
    CHECK_FREE(rounded_avg(5, 1), "-1");
    CHECK_FREE(rounded_avg(5, 5), "0b101");
    CHECK_FREE(rounded_avg(0, 0), "0b0");
    int n;
    int *u = unique_digits((int[]){15, 33, 1422, 1}, 4, &n);
    CHECK_INT(n, 3); CHECK_INT(u[0], 1); CHECK_INT(u[1], 15); CHECK_INT(u[2], 33);
    free(u);
    u = unique_digits((int[]){152, 323, 1422, 10}, 4, &n);
    CHECK_INT(n, 0);
    free(u);
    u = unique_digits((int[]){12345, 2033, 111, 151}, 4, &n);
    CHECK_INT(n, 2); CHECK_INT(u[0], 111); CHECK_INT(u[1], 151);
    free(u);
    u = unique_digits((int[]){135, 103, 31}, 3, &n);
    CHECK_INT(n, 2); CHECK_INT(u[0], 31); CHECK_INT(u[1], 135);
    free(u);
    const char **b = by_length((int[]){2, 1, 1, 4, 5, 8, 2, 3}, 8, &n);
    const char *eb[] = {"Eight", "Five", "Four", "Three", "Two", "Two", "One", "One"};
    CHECK_INT(n, 8);
    for (int i = 0; i < 8; i++) CHECK_STR(b[i], eb[i]);
    free(b);
    b = by_length(NULL, 0, &n);
    CHECK_INT(n, 0);
    free(b);
    b = by_length((int[]){1, -1, 55}, 3, &n);
    CHECK_INT(n, 1); CHECK_STR(b[0], "One");
    free(b);
    b = by_length((int[]){1, -1, 3, 2}, 4, &n);
    CHECK_INT(n, 3); CHECK_STR(b[0], "Three"); CHECK_STR(b[1], "Two"); CHECK_STR(b[2], "One");
    free(b);
    b = by_length((int[]){9, 4, 8}, 3, &n);
    CHECK_INT(n, 3); CHECK_STR(b[0], "Nine"); CHECK_STR(b[1], "Eight"); CHECK_STR(b[2], "Four");
    free(b);
    END_CHECKS();
}

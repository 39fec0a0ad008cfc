#include "../check.h"

int ackermann(int m, int n);
long hanoi_moves(int n, int from, int to, int via, unsigned long *checksum);
long count_paths(int r, int c);
int subset_count(const int *a, int n, int target);
int rec_search(const int *a, int lo, int hi, int key);

int main(void) {
    CHECK_INT(ackermann(0, 0), 1);
    CHECK_INT(ackermann(2, 3), 9);
    CHECK_INT(ackermann(3, 3), 61);
    unsigned long ck = 0;
    CHECK_INT(hanoi_moves(10, 1, 3, 2, &ck), 1023);
    unsigned long ck2 = 0;
    hanoi_moves(10, 1, 3, 2, &ck2);
    CHECK_UINT(ck, ck2);
    CHECK(ck != 0);
    CHECK_INT(count_paths(2, 2), 6);
    CHECK_INT(count_paths(10, 10), 184756);
    int s[] = {3, 34, 4, 12, 5, 2};
    CHECK_INT(subset_count(s, 6, 9), 2);
    CHECK_INT(subset_count(s, 6, 100), 0);
    int a[] = {1, 4, 9, 16, 25, 36, 49};
    CHECK_INT(rec_search(a, 0, 6, 36), 5);
    CHECK_INT(rec_search(a, 0, 6, 37), -1);
    END_CHECKS();
}

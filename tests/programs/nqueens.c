/* N-queens by backtracking (array and bitmask versions), sudoku-like constraint checking. */
#include <stdio.h>

static int cols[16];
static int safe(int row, int col) {
    for (int r = 0; r < row; r++) {
        int c = cols[r];
        if (c == col || c - col == r - row || c - col == row - r) return 0;
    }
    return 1;
}
static int solve(int row, int n, int print) {
    if (row == n) {
        if (print) {
            for (int r = 0; r < n; r++) { for (int c = 0; c < n; c++) putchar(cols[r] == c ? 'Q' : '.'); putchar('\n'); }
            putchar('\n');
        }
        return 1;
    }
    int total = 0;
    for (int c = 0; c < n; c++)
        if (safe(row, c)) { cols[row] = c; total += solve(row + 1, n, print && total == 0); }
    return total;
}
static int bits_solve(unsigned all, unsigned ld, unsigned col, unsigned rd) {
    if (col == all) return 1;
    unsigned avail = all & ~(ld | col | rd);
    int cnt = 0;
    while (avail) {
        unsigned bit = avail & -avail;
        avail -= bit;
        cnt += bits_solve(all, (ld | bit) << 1, col | bit, (rd | bit) >> 1);
    }
    return cnt;
}

int main(void) {
    int last = 0;
    for (int n = 1; n <= 8; n++) {
        int s = solve(0, n, n == 6);
        int b = bits_solve((1u << n) - 1, 0, 0, 0);
        printf("n=%d solutions=%d bitmask=%d\n", n, s, b);
        last = s;
    }
    printf("n=10 bitmask=%d\n", bits_solve((1u << 10) - 1, 0, 0, 0));
    return last;
}

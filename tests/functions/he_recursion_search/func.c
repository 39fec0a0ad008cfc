/* Recursive HumanEval-style helpers: n-queens count, permutations of a string (char** result), subset-sum,
 * recursive binary search, flood fill on a flattened grid, power set sums, Ackermann, tower of Hanoi moves,
 * mutual recursion (is_even/is_odd), recursive gcd and digit sum. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

static int queens(int row, int n, int cols, int d1, int d2) {
    if (row == n) return 1;
    int count = 0;
    for (int c = 0; c < n; c++) {
        if (cols & (1 << c) || d1 & (1 << (row + c)) || d2 & (1 << (row - c + n - 1))) continue;
        count += queens(row + 1, n, cols | 1 << c, d1 | 1 << (row + c), d2 | 1 << (row - c + n - 1));
    }
    return count;
}

int n_queens(int n) { return queens(0, n, 0, 0, 0); }

static void permute(char *s, int l, int r, char **out, int *k) {
    if (l == r) {
        out[(*k)++] = strdup(s);
        return;
    }
    for (int i = l; i <= r; i++) {
        int dup = 0;
        for (int j = l; j < i; j++)
            if (s[j] == s[i]) dup = 1;
        if (dup) continue;
        char t = s[l]; s[l] = s[i]; s[i] = t;
        permute(s, l + 1, r, out, k);
        t = s[l]; s[l] = s[i]; s[i] = t;
    }
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

char **permutations(const char *s, int *count) {
    int n = (int)strlen(s);
    int total = 1;
    for (int i = 2; i <= n; i++) total *= i;
    char **out = malloc(sizeof(char *) * total);
    char *w = strdup(s);
    int k = 0;
    if (n == 0) out[k++] = strdup("");
    else permute(w, 0, n - 1, out, &k);
    free(w);
    qsort(out, k, sizeof(char *), cmp_str);
    *count = k;
    return out;
}

bool subset_sum(const int *a, int n, int target) {
    if (target == 0) return true;
    if (n == 0) return false;
    return subset_sum(a + 1, n - 1, target - a[0]) || subset_sum(a + 1, n - 1, target);
}

int bsearch_rec(const int *a, int lo, int hi, int key) {
    if (lo > hi) return -1;
    int mid = lo + (hi - lo) / 2;
    if (a[mid] == key) return mid;
    if (a[mid] < key) return bsearch_rec(a, mid + 1, hi, key);
    return bsearch_rec(a, lo, mid - 1, key);
}

static int fill(char *g, int rows, int cols, int r, int c) {
    if (r < 0 || c < 0 || r >= rows || c >= cols || g[r * cols + c] != '1') return 0;
    g[r * cols + c] = '0';
    return 1 + fill(g, rows, cols, r + 1, c) + fill(g, rows, cols, r - 1, c) + fill(g, rows, cols, r, c + 1) +
           fill(g, rows, cols, r, c - 1);
}

int count_islands(char *g, int rows, int cols, int *largest) {
    int n = 0;
    *largest = 0;
    for (int r = 0; r < rows; r++)
        for (int c = 0; c < cols; c++)
            if (g[r * cols + c] == '1') {
                int sz = fill(g, rows, cols, r, c);
                if (sz > *largest) *largest = sz;
                n++;
            }
    return n;
}

int ackermann(int m, int n) {
    if (m == 0) return n + 1;
    if (n == 0) return ackermann(m - 1, 1);
    return ackermann(m - 1, ackermann(m, n - 1));
}

static void hanoi(int n, char from, char to, char via, char *log, int *pos) {
    if (n == 0) return;
    hanoi(n - 1, from, via, to, log, pos);
    log[(*pos)++] = from;
    log[(*pos)++] = to;
    log[(*pos)++] = ' ';
    hanoi(n - 1, via, to, from, log, pos);
}

char *hanoi_moves(int n) {
    char *log = malloc((size_t)3 * ((1u << n) - 1) + 1);
    int pos = 0;
    hanoi(n, 'A', 'C', 'B', log, &pos);
    if (pos) pos--;
    log[pos] = '\0';
    return log;
}

bool is_odd_rec(unsigned n);
bool is_even_rec(unsigned n) { return n == 0 ? true : is_odd_rec(n - 1); }
bool is_odd_rec(unsigned n) { return n == 0 ? false : is_even_rec(n - 1); }

long gcd_rec(long a, long b) { return b == 0 ? (a < 0 ? -a : a) : gcd_rec(b, a % b); }
int digit_sum_rec(long n) { return n < 0 ? digit_sum_rec(-n) : n < 10 ? (int)n : (int)(n % 10) + digit_sum_rec(n / 10); }

/* Dynamic programming: LCS, edit distance, 0/1 knapsack, coin change, longest increasing subsequence. */
#include <stdio.h>
#include <string.h>

static int max(int a, int b) { return a > b ? a : b; }
static int min3(int a, int b, int c) { int m = a < b ? a : b; return m < c ? m : c; }

static int lcs(const char *a, const char *b, char *out) {
    int n = (int)strlen(a), m = (int)strlen(b);
    static int t[64][64];
    for (int i = 0; i <= n; i++)
        for (int j = 0; j <= m; j++)
            t[i][j] = (!i || !j) ? 0 : a[i - 1] == b[j - 1] ? t[i - 1][j - 1] + 1 : max(t[i - 1][j], t[i][j - 1]);
    int k = t[n][m], i = n, j = m;
    out[k] = 0;
    while (i && j) {
        if (a[i - 1] == b[j - 1]) { out[--k] = a[i - 1]; i--; j--; }
        else if (t[i - 1][j] >= t[i][j - 1]) i--;
        else j--;
    }
    return t[n][m];
}
static int edit(const char *a, const char *b) {
    int n = (int)strlen(a), m = (int)strlen(b);
    int prev[64], cur[64];
    for (int j = 0; j <= m; j++) prev[j] = j;
    for (int i = 1; i <= n; i++) {
        cur[0] = i;
        for (int j = 1; j <= m; j++) cur[j] = min3(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1]));
        memcpy(prev, cur, sizeof cur);
    }
    return prev[m];
}
static int knapsack(const int *w, const int *v, int n, int cap) {
    int best[1001] = {0};
    for (int i = 0; i < n; i++) for (int c = cap; c >= w[i]; c--) best[c] = max(best[c], best[c - w[i]] + v[i]);
    return best[cap];
}
static long coin_ways(const int *coins, int n, int amount) {
    long ways[1001] = {1};
    for (int i = 0; i < n; i++) for (int a = coins[i]; a <= amount; a++) ways[a] += ways[a - coins[i]];
    return ways[amount];
}
static int lis(const int *a, int n) {
    int tails[256], len = 0;
    for (int i = 0; i < n; i++) {
        int lo = 0, hi = len;
        while (lo < hi) { int m = (lo + hi) / 2; if (tails[m] < a[i]) lo = m + 1; else hi = m; }
        tails[lo] = a[i];
        if (lo == len) len++;
    }
    return len;
}

int main(void) {
    char out[64];
    const char *pairs[][2] = {{"ABCBDAB", "BDCABA"}, {"kitten", "sitting"}, {"intention", "execution"}, {"", "abc"},
                              {"translation", "translator"}};
    int tot = 0;
    for (int i = 0; i < 5; i++) {
        int l = lcs(pairs[i][0], pairs[i][1], out);
        int e = edit(pairs[i][0], pairs[i][1]);
        tot += l + e;
        printf("%s/%s: lcs=%d (%s) edit=%d\n", pairs[i][0], pairs[i][1], l, out, e);
    }
    int w[] = {12, 7, 11, 8, 9, 23, 5, 14, 31, 3}, v[] = {24, 13, 23, 15, 16, 40, 9, 25, 50, 4};
    printf("knapsack(50)=%d knapsack(100)=%d\n", knapsack(w, v, 10, 50), knapsack(w, v, 10, 100));
    int coins[] = {1, 2, 5, 10, 20, 50, 100, 200};
    printf("coin ways(200)=%ld ways(1000)=%ld\n", coin_ways(coins, 8, 200), coin_ways(coins, 8, 1000));
    int seq[200];
    unsigned x = 99;
    for (int i = 0; i < 200; i++) { x = x * 214013u + 2531011u; seq[i] = (int)(x >> 16) % 1000; }
    printf("lis=%d\n", lis(seq, 200));
    return tot;
}

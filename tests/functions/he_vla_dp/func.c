/* Dynamic programming with variable-length arrays and large local arrays: LCS, edit distance,
 * coin change, 0/1 knapsack, longest increasing subsequence, count of palindromic substrings. */
#include <string.h>

int lcs_length(const char *a, const char *b) {
    int n = (int)strlen(a), m = (int)strlen(b);
    int dp[n + 1][m + 1];
    for (int i = 0; i <= n; i++)
        for (int j = 0; j <= m; j++) {
            if (i == 0 || j == 0) dp[i][j] = 0;
            else if (a[i - 1] == b[j - 1]) dp[i][j] = dp[i - 1][j - 1] + 1;
            else dp[i][j] = dp[i - 1][j] > dp[i][j - 1] ? dp[i - 1][j] : dp[i][j - 1];
        }
    return dp[n][m];
}

static int min3(int a, int b, int c) {
    int m = a < b ? a : b;
    return m < c ? m : c;
}

int edit_distance(const char *a, const char *b) {
    int n = (int)strlen(a), m = (int)strlen(b);
    int prev[m + 1], cur[m + 1];
    for (int j = 0; j <= m; j++) prev[j] = j;
    for (int i = 1; i <= n; i++) {
        cur[0] = i;
        for (int j = 1; j <= m; j++)
            cur[j] = min3(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1]));
        memcpy(prev, cur, sizeof(int) * (m + 1));
    }
    return prev[m];
}

int coin_change(const int *coins, int n, int amount) {
    int dp[amount + 1];
    dp[0] = 0;
    for (int i = 1; i <= amount; i++) {
        dp[i] = amount + 1;
        for (int j = 0; j < n; j++)
            if (coins[j] <= i && dp[i - coins[j]] + 1 < dp[i]) dp[i] = dp[i - coins[j]] + 1;
    }
    return dp[amount] > amount ? -1 : dp[amount];
}

long long count_ways(const int *coins, int n, int amount) {
    long long ways[amount + 1];
    memset(ways, 0, sizeof ways);
    ways[0] = 1;
    for (int j = 0; j < n; j++)
        for (int i = coins[j]; i <= amount; i++) ways[i] += ways[i - coins[j]];
    return ways[amount];
}

int knapsack(const int *w, const int *v, int n, int cap) {
    int best[10001];
    if (cap > 10000) cap = 10000;
    for (int c = 0; c <= cap; c++) best[c] = 0;
    for (int i = 0; i < n; i++)
        for (int c = cap; c >= w[i]; c--)
            if (best[c - w[i]] + v[i] > best[c]) best[c] = best[c - w[i]] + v[i];
    return best[cap];
}

int lis_length(const int *a, int n) {
    if (n == 0) return 0;
    int len[n];
    int best = 1;
    for (int i = 0; i < n; i++) {
        len[i] = 1;
        for (int j = 0; j < i; j++)
            if (a[j] < a[i] && len[j] + 1 > len[i]) len[i] = len[j] + 1;
        if (len[i] > best) best = len[i];
    }
    return best;
}

int count_palindromic_substrings(const char *s) {
    int n = (int)strlen(s);
    char pal[n > 0 ? n : 1][n > 0 ? n : 1];
    int count = 0;
    for (int len = 1; len <= n; len++)
        for (int i = 0; i + len <= n; i++) {
            int j = i + len - 1;
            pal[i][j] = s[i] == s[j] && (len <= 2 || pal[i + 1][j - 1]);
            count += pal[i][j];
        }
    return count;
}

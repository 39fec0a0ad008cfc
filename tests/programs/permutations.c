/* Permutations by swapping, next_permutation, combinations, subset sums via recursion. */
#include <stdio.h>

static int count;
static void swap(char *a, char *b) { char t = *a; *a = *b; *b = t; }
static void permute(char *s, int l, int r) {
    if (l == r) { if (count < 24) printf("%s\n", s); count++; return; }
    for (int i = l; i <= r; i++) { swap(&s[l], &s[i]); permute(s, l + 1, r); swap(&s[l], &s[i]); }
}
static int next_perm(int *a, int n) {
    int i = n - 2;
    while (i >= 0 && a[i] >= a[i + 1]) i--;
    if (i < 0) return 0;
    int j = n - 1;
    while (a[j] <= a[i]) j--;
    int t = a[i]; a[i] = a[j]; a[j] = t;
    for (int l = i + 1, r = n - 1; l < r; l++, r--) { t = a[l]; a[l] = a[r]; a[r] = t; }
    return 1;
}
static int combos;
static void choose(int start, int n, int k, int *buf, int depth) {
    if (depth == k) {
        combos++;
        if (combos <= 10) { for (int i = 0; i < k; i++) printf("%d", buf[i]); printf(" "); }
        return;
    }
    for (int i = start; i < n; i++) { buf[depth] = i; choose(i + 1, n, k, buf, depth + 1); }
}
static int subset_sum(const int *a, int n, int target) {
    if (target == 0) return 1;
    if (n == 0 || target < 0) return 0;
    return subset_sum(a + 1, n - 1, target - a[0]) + subset_sum(a + 1, n - 1, target);
}

int main(void) {
    char s[] = "abcd";
    permute(s, 0, 3);
    printf("count=%d\n", count);
    count = 0;
    char s6[] = "123456";
    permute(s6, 0, 5);
    printf("count6=%d\n", count);
    int a[] = {1, 2, 2, 3};
    int np = 1;
    while (next_perm(a, 4)) np++;
    printf("distinct perms of 1223 = %d\n", np);
    int buf[8];
    choose(0, 7, 3, buf, 0);
    printf("\ncombos C(7,3)=%d\n", combos);
    int set[] = {3, 34, 4, 12, 5, 2, 7, 8, 1, 9};
    printf("subset sums to 9: %d, to 30: %d\n", subset_sum(set, 10, 9), subset_sum(set, 10, 30));
    return combos;
}

/* Recursive functions: Ackermann, Hanoi move count, lattice paths, power set sums, recursive binary search. */
int ackermann(int m, int n) {
    if (m == 0) return n + 1;
    if (n == 0) return ackermann(m - 1, 1);
    return ackermann(m - 1, ackermann(m, n - 1));
}

long hanoi_moves(int n, int from, int to, int via, unsigned long *checksum) {
    if (n == 0) return 0;
    long m = hanoi_moves(n - 1, from, via, to, checksum);
    *checksum = *checksum * 3 + (unsigned long)(from * 10 + to);
    return m + 1 + hanoi_moves(n - 1, via, to, from, checksum);
}

long count_paths(int r, int c) { return (r == 0 || c == 0) ? 1 : count_paths(r - 1, c) + count_paths(r, c - 1); }

int subset_count(const int *a, int n, int target) {
    if (target == 0) return 1;
    if (n == 0) return 0;
    return subset_count(a + 1, n - 1, target - a[0]) + subset_count(a + 1, n - 1, target);
}

int rec_search(const int *a, int lo, int hi, int key) {
    if (lo > hi) return -1;
    int mid = (lo + hi) / 2;
    if (a[mid] == key) return mid;
    return a[mid] < key ? rec_search(a, mid + 1, hi, key) : rec_search(a, lo, mid - 1, key);
}

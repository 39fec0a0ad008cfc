/* String comparison routines: version compare, case-insensitive compare, anagram test, prefix/suffix. */
#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

int compare_versions(const char *a, const char *b) {
    while (*a || *b) {
        long x = strtol(a, (char **)&a, 10), y = strtol(b, (char **)&b, 10);
        if (x != y) return x < y ? -1 : 1;
        if (*a == '.') a++;
        if (*b == '.') b++;
    }
    return 0;
}

int strcmp_ci(const char *a, const char *b) {
    for (;; a++, b++) {
        int x = tolower((unsigned char)*a), y = tolower((unsigned char)*b);
        if (x != y || !x) return x - y;
    }
}

bool is_anagram(const char *a, const char *b) {
    int counts[256] = {0};
    for (; *a; a++) counts[(unsigned char)*a]++;
    for (; *b; b++) counts[(unsigned char)*b]--;
    for (int i = 0; i < 256; i++) if (counts[i]) return false;
    return true;
}

bool ends_with(const char *s, const char *suffix) {
    size_t n = strlen(s), m = strlen(suffix);
    return m <= n && memcmp(s + n - m, suffix, m) == 0;
}

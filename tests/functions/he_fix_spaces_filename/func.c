/* HumanEval/140 fix_spaces, HumanEval/141 file_name_check, HumanEval/143 words_in_sentence,
 * HumanEval/144 simplify (sscanf of "a/b"). */
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *fix_spaces(const char *text) {
    size_t n = strlen(text);
    char *out = malloc(n + 1);
    size_t k = 0;
    int spacelen = 0;
    for (size_t i = 0; i < n; i++) {
        if (text[i] == ' ') {
            spacelen++;
            continue;
        }
        if (spacelen == 1) out[k++] = '_';
        if (spacelen == 2) { out[k++] = '_'; out[k++] = '_'; }
        if (spacelen > 2) out[k++] = '-';
        spacelen = 0;
        out[k++] = text[i];
    }
    if (spacelen == 1) out[k++] = '_';
    if (spacelen == 2) { out[k++] = '_'; out[k++] = '_'; }
    if (spacelen > 2) out[k++] = '-';
    out[k] = '\0';
    return out;
}

const char *file_name_check(const char *file_name) {
    int numdigit = 0, numdot = 0;
    size_t n = strlen(file_name);
    if (n < 5) return "No";
    char w = file_name[0];
    if (!isalpha((unsigned char)w)) return "No";
    const char *last = file_name + n - 4;
    if (strcmp(last, ".txt") != 0 && strcmp(last, ".exe") != 0 && strcmp(last, ".dll") != 0) return "No";
    for (size_t i = 0; i < n; i++) {
        if (file_name[i] >= '0' && file_name[i] <= '9') numdigit++;
        if (file_name[i] == '.') numdot++;
    }
    if (numdigit > 3 || numdot != 1) return "No";
    return "Yes";
}

static bool prime_len(int l) {
    if (l < 2) return false;
    for (int j = 2; j * j <= l; j++)
        if (l % j == 0) return false;
    return true;
}

char *words_in_sentence(const char *sentence) {
    size_t n = strlen(sentence);
    char *out = malloc(n + 1);
    size_t k = 0;
    size_t i = 0;
    while (i < n) {
        size_t start = i;
        while (i < n && sentence[i] != ' ') i++;
        if (prime_len((int)(i - start))) {
            if (k > 0) out[k++] = ' ';
            memcpy(out + k, sentence + start, i - start);
            k += i - start;
        }
        i++;
    }
    out[k] = '\0';
    return out;
}

bool simplify(const char *x, const char *n) {
    int a, b, c, d;
    sscanf(x, "%d/%d", &a, &b);
    sscanf(n, "%d/%d", &c, &d);
    return (a * c) % (b * d) == 0;
}

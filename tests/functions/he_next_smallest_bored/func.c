/* HumanEval/90 next_smallest (None -> found flag), HumanEval/91 is_bored, HumanEval/92 any_int(float x3),
 * HumanEval/93 encode (swap case, vowels shifted by 2). */
#include <ctype.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

int next_smallest(const int *lst, int n, bool *found) {
    int first = 0, second = 0, have1 = 0, have2 = 0;
    for (int i = 0; i < n; i++) {
        int v = lst[i];
        if (!have1 || v < first) {
            if (have1 && (!have2 || first < second)) {
                second = first;
                have2 = 1;
            }
            first = v;
            have1 = 1;
        } else if (v != first && (!have2 || v < second)) {
            second = v;
            have2 = 1;
        }
    }
    *found = have2;
    return have2 ? second : -1;
}

int is_bored(const char *S) {
    int isstart = 1, isi = 0, sum = 0;
    for (int i = 0; S[i] != '\0'; i++) {
        if (S[i] == ' ' && isi) {
            isi = 0;
            sum += 1;
        }
        if (S[i] == 'I' && isstart) isi = 1;
        else isi = 0;
        if (S[i] != ' ') isstart = 0;
        if (S[i] == '.' || S[i] == '?' || S[i] == '!') isstart = 1;
    }
    return sum;
}

bool any_int(float a, float b, float c) {
    if (roundf(a) != a) return false;
    if (roundf(b) != b) return false;
    if (roundf(c) != c) return false;
    if (a + b == c || a + c == b || b + c == a) return true;
    return false;
}

char *encode(const char *message) {
    const char *vowels = "aeiouAEIOU";
    size_t n = strlen(message);
    char *out = malloc(n + 1);
    for (size_t i = 0; i < n; i++) {
        char w = message[i];
        if (islower((unsigned char)w)) w = (char)(w - 32);
        else if (isupper((unsigned char)w)) w = (char)(w + 32);
        if (strchr(vowels, w)) w = (char)(w + 2);
        out[i] = w;
    }
    out[n] = '\0';
    return out;
}

/* HumanEval/114 minSubArraySum (long long), HumanEval/115 max_fill (flattened grid, ceil division),
 * HumanEval/117 select_words (char** result), HumanEval/118 get_closest_vowel. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

long long minSubArraySum(const long long *nums, int n) {
    long long current = nums[0], min = nums[0];
    for (int i = 1; i < n; i++) {
        if (current < 0) current = current + nums[i];
        else current = nums[i];
        if (current < min) min = current;
    }
    return min;
}

int max_fill(const int *grid, int rows, int cols, int capacity) {
    int out = 0;
    for (int i = 0; i < rows; i++) {
        int sum = 0;
        for (int j = 0; j < cols; j++) sum += grid[i * cols + j];
        if (sum > 0) out += (sum - 1) / capacity + 1;
    }
    return out;
}

char **select_words(const char *s, int n, int *out_n) {
    const char *vowels = "aeiouAEIOU";
    size_t len = strlen(s);
    char **out = malloc(sizeof(char *) * (len / 2 + 1));
    int k = 0;
    size_t i = 0;
    while (i < len) {
        while (i < len && s[i] == ' ') i++;
        size_t start = i;
        int consonants = 0;
        while (i < len && s[i] != ' ') {
            if (isalpha((unsigned char)s[i]) && strchr(vowels, s[i]) == NULL) consonants++;
            i++;
        }
        if (i > start && consonants == n) {
            out[k] = malloc(i - start + 1);
            memcpy(out[k], s + start, i - start);
            out[k][i - start] = '\0';
            k++;
        }
    }
    *out_n = k;
    return out;
}

char get_closest_vowel(const char *word) {
    const char *vowels = "AEIOUaeiou";
    int n = (int)strlen(word);
    for (int i = n - 2; i >= 1; i--)
        if (strchr(vowels, word[i]) && !strchr(vowels, word[i + 1]) && !strchr(vowels, word[i - 1]))
            return word[i];
    return '\0';
}

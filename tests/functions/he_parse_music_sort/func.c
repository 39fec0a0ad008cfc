/* HumanEval/17 parse_music, HumanEval/19 sort_numbers (word table, strcmp/strncmp, counting sort). */
#include <stdlib.h>
#include <string.h>

int *parse_music(const char *music_string, int *out_n) {
    size_t len = strlen(music_string);
    int *out = malloc(sizeof(int) * (len + 1));
    int n = 0;
    const char *p = music_string;
    while (*p) {
        const char *start = p;
        while (*p && *p != ' ') p++;
        size_t l = (size_t)(p - start);
        if (l == 1 && start[0] == 'o') out[n++] = 4;
        else if (l == 2 && strncmp(start, "o|", 2) == 0) out[n++] = 2;
        else if (l == 2 && strncmp(start, ".|", 2) == 0) out[n++] = 1;
        while (*p == ' ') p++;
    }
    *out_n = n;
    return out;
}

static const char *const names[10] = {"zero", "one", "two",   "three", "four",
                                      "five", "six", "seven", "eight", "nine"};

char *sort_numbers(const char *numbers) {
    int count[10] = {0};
    char word[16];
    const char *p = numbers;
    while (*p) {
        while (*p == ' ') p++;
        if (!*p) break;
        int l = 0;
        while (*p && *p != ' ' && l < 15) word[l++] = *p++;
        word[l] = '\0';
        for (int i = 0; i < 10; i++)
            if (strcmp(word, names[i]) == 0) {
                count[i]++;
                break;
            }
    }
    char *out = malloc(strlen(numbers) + 2);
    out[0] = '\0';
    for (int i = 0; i < 10; i++)
        for (int j = 0; j < count[i]; j++) {
            if (out[0]) strcat(out, " ");
            strcat(out, names[i]);
        }
    return out;
}

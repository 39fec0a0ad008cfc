/* HumanEval/81 numerical_letter_grade (float array -> array of const char*), HumanEval/85 add (even elements
 * at odd indices), HumanEval/86 anti_shuffle (sort characters of each word). */
#include <stdlib.h>
#include <string.h>

const char **numerical_letter_grade(const float *grades, int n) {
    const char **out = malloc(sizeof(const char *) * (n ? n : 1));
    for (int i = 0; i < n; i++) {
        float g = grades[i];
        if (g >= 3.9999f) out[i] = "A+";
        else if (g > 3.7001f) out[i] = "A";
        else if (g > 3.3001f) out[i] = "A-";
        else if (g > 3.0001f) out[i] = "B+";
        else if (g > 2.7001f) out[i] = "B";
        else if (g > 2.3001f) out[i] = "B-";
        else if (g > 2.0001f) out[i] = "C+";
        else if (g > 1.7001f) out[i] = "C";
        else if (g > 1.3001f) out[i] = "C-";
        else if (g > 1.0001f) out[i] = "D+";
        else if (g > 0.7001f) out[i] = "D";
        else if (g > 0.0001f) out[i] = "D-";
        else out[i] = "E";
    }
    return out;
}

int add_even_at_odd(const int *lst, int n) {
    int sum = 0;
    for (int i = 0; i * 2 + 1 < n; i++)
        if (lst[i * 2 + 1] % 2 == 0) sum += lst[i * 2 + 1];
    return sum;
}

char *anti_shuffle(const char *s) {
    size_t n = strlen(s);
    char *out = malloc(n + 1);
    strcpy(out, s);
    size_t start = 0;
    for (size_t i = 0; i <= n; i++) {
        if (out[i] == ' ' || out[i] == '\0') {
            for (size_t a = start; a < i; a++)
                for (size_t b = a + 1; b < i; b++)
                    if ((unsigned char)out[b] < (unsigned char)out[a]) {
                        char t = out[a];
                        out[a] = out[b];
                        out[b] = t;
                    }
            start = i + 1;
        }
    }
    return out;
}

/* strlen, strcpy, strncpy, strcat, strncat, strcmp, strncmp, strstr, strrchr, strdup. */
#include <stdio.h>
#include <string.h>
#include <stdlib.h>

__attribute__((noinline)) static size_t my_strlen(const char *s) { const char *p = s; while (*p) p++; return (size_t)(p - s); }
__attribute__((noinline)) static int my_strcmp(const char *a, const char *b) {
    while (*a && *a == *b) { a++; b++; }
    return (unsigned char)*a - (unsigned char)*b;
}
static int sgn(int x) { return (x > 0) - (x < 0); }

int main(void) {
    const char *words[] = {"", "a", "hello", "hello world", "The quick brown fox jumps over the lazy dog", "zzz", "hellp"};
    int n = sizeof words / sizeof words[0];
    for (int i = 0; i < n; i++) printf("len(%s)=%zu/%zu\n", words[i], strlen(words[i]), my_strlen(words[i]));
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
            printf("%d", sgn(strcmp(words[i], words[j])) + 1), printf(sgn(my_strcmp(words[i], words[j])) == sgn(strcmp(words[i], words[j])) ? "" : "!");
    printf("\n");
    char buf[128];
    strcpy(buf, "alpha");
    strcat(buf, "-beta");
    const char *volatile gd = "-gammadelta";
    strncat(buf, gd, 6);
    printf("buf=%s len=%zu\n", buf, strlen(buf));
    char small[8];
    strncpy(small, "truncate me", sizeof small - 1);
    small[sizeof small - 1] = '\0';
    printf("small=%s\n", small);
    printf("strncmp %d %d\n", sgn(strncmp("hello", "help", 3)), sgn(strncmp("hello", "help", 4)));
    const char *hay = "the cat sat on the mat";
    const char *p = strstr(hay, "sat");
    printf("strstr off=%ld rest=%s\n", p ? (long)(p - hay) : -1L, p ? p : "(null)");
    printf("strstr none=%d\n", strstr(hay, "dog") == NULL);
    printf("strrchr %s\n", strrchr(hay, 't'));
    char *d = strdup(hay);
    d[0] = 'T';
    printf("dup=%s orig=%s\n", d, hay);
    free(d);
    printf("strspn %zu strcspn %zu\n", strspn("aaabbc", "ab"), strcspn("hello, world", ",;"));
    char big[300];
    memset(big, 0, sizeof big);
    for (int i = 0; i < 26 * 10; i++) big[i] = (char)('a' + i % 26);
    printf("big len %zu last %c\n", strlen(big), big[strlen(big) - 1]);
    return (int)strlen(buf);
}

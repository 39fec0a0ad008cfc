/* strtok, strtok_r, strchr; tokenising CSV-like lines. */
#include <stdio.h>
#include <string.h>
#include <stdlib.h>

int main(void) {
    char line[] = "alpha,beta;;gamma delta,,epsilon";
    int count = 0;
    for (char *t = strtok(line, ",; "); t; t = strtok(NULL, ",; ")) printf("tok[%d]=%s\n", count++, t);
    char csv[] = "name=bob;age=42;city=paris;score=17";
    char *save1 = NULL;
    int total = 0;
    for (char *kv = strtok_r(csv, ";", &save1); kv; kv = strtok_r(NULL, ";", &save1)) {
        char *save2 = NULL;
        char *k = strtok_r(kv, "=", &save2);
        char *v = strtok_r(NULL, "=", &save2);
        printf("key=%s value=%s\n", k, v);
        if (v && v[0] >= '0' && v[0] <= '9') total += atoi(v);
    }
    const char *path = "/usr/local/lib/libfoo.so.1";
    const char *slash = strchr(path, '/');
    int depth = 0;
    while (slash) { depth++; slash = strchr(slash + 1, '/'); }
    printf("depth=%d base=%s\n", depth, strrchr(path, '/') + 1);
    const char *dot = strchr(path, '.');
    printf("ext=%s\n", dot);
    printf("strchr nul %d\n", strchr(path, '\0') == path + strlen(path));
    /* count words */
    char text[] = "  the   quick brown\tfox  ";
    int words = 0;
    for (char *w = strtok(text, " \t"); w; w = strtok(NULL, " \t")) words++;
    printf("words=%d total=%d\n", words, total);
    return words + count;
}

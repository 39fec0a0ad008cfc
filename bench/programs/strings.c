/* String-heavy work: building words with memcpy, strlen, FNV-1a and djb2
 * hashing, strcmp-based dedup in a chained hash table, and strchr/strstr scans. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WORDS 40000
#define BUCKETS 4096

struct entry {
    struct entry *next;
    unsigned count;
    char word[24];
};

static struct entry pool[WORDS];
static struct entry *buckets[BUCKETS];

static unsigned fnv1a(const char *s) {
    unsigned h = 2166136261u;
    while (*s)
        h = (h ^ (unsigned char)*s++) * 16777619u;
    return h;
}

static unsigned long djb2(const char *s, size_t n) {
    unsigned long h = 5381;
    for (size_t i = 0; i < n; i++)
        h = h * 33 + (unsigned char)s[i];
    return h;
}

int main(void) {
    static const char *syll[] = {"ka", "ri", "mo", "tesu", "n", "pla", "xo", "bre", "qua", "zi", "lum", "e"};
    char *text = malloc(WORDS * 24);
    if (!text)
        return 1;
    size_t tlen = 0;
    unsigned x = 7;
    int used = 0;
    unsigned long total_len = 0;
    for (int w = 0; w < WORDS; w++) {
        char word[24];
        size_t len = 0;
        x = x * 1103515245u + 12345u;
        int parts = 1 + (int)((x >> 16) % 4);
        for (int p = 0; p < parts; p++) {
            x = x * 1103515245u + 12345u;
            const char *s = syll[(x >> 16) % 12];
            size_t sl = strlen(s);
            memcpy(word + len, s, sl);
            len += sl;
        }
        word[len] = 0;
        total_len += strlen(word);
        memcpy(text + tlen, word, len);
        tlen += len;
        text[tlen++] = ' ';
        unsigned b = fnv1a(word) % BUCKETS;
        struct entry *e = buckets[b];
        while (e && strcmp(e->word, word) != 0)
            e = e->next;
        if (!e) {
            e = &pool[used++];
            strcpy(e->word, word);
            e->count = 0;
            e->next = buckets[b];
            buckets[b] = e;
        }
        e->count++;
    }
    text[tlen] = 0;
    unsigned best = 0;
    const char *best_word = "";
    for (int i = 0; i < used; i++)
        if (pool[i].count > best || (pool[i].count == best && strcmp(pool[i].word, best_word) < 0)) {
            best = pool[i].count;
            best_word = pool[i].word;
        }
    long spaces = 0, qs = 0;
    for (const char *p = text; (p = strchr(p, ' ')) != NULL; p++)
        spaces++;
    for (const char *p = text; (p = strstr(p, "qua")) != NULL; p += 3)
        qs++;
    printf("words %d distinct %d total_len %lu\n", WORDS, used, total_len);
    printf("most common '%s' x%u\n", best_word, best);
    printf("spaces %ld qua %ld djb2 %016lx\n", spaces, qs, djb2(text, tlen));
    free(text);
    return used % 256;
}

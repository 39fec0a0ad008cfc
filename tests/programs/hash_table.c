/* Chained hash table with string keys: insert/update/lookup/delete, word frequency count. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct entry { char *key; int value; struct entry *next; } entry;
typedef struct { entry **buckets; size_t nb, count; } table;

static unsigned long djb2(const char *s) { unsigned long h = 5381; while (*s) h = h * 33 + (unsigned char)*s++; return h; }

static void tinit(table *t, size_t nb) { t->buckets = calloc(nb, sizeof *t->buckets); t->nb = nb; t->count = 0; }
static void rehash(table *t) {
    table n; tinit(&n, t->nb * 2);
    for (size_t i = 0; i < t->nb; i++)
        for (entry *e = t->buckets[i], *nx; e; e = nx) {
            nx = e->next;
            size_t b = djb2(e->key) % n.nb;
            e->next = n.buckets[b]; n.buckets[b] = e;
        }
    free(t->buckets);
    t->buckets = n.buckets; t->nb = n.nb;
}
static int *tget(table *t, const char *k, int create) {
    size_t b = djb2(k) % t->nb;
    for (entry *e = t->buckets[b]; e; e = e->next) if (!strcmp(e->key, k)) return &e->value;
    if (!create) return NULL;
    if (t->count >= t->nb * 2) { rehash(t); b = djb2(k) % t->nb; }
    entry *e = malloc(sizeof *e);
    e->key = strdup(k); e->value = 0; e->next = t->buckets[b]; t->buckets[b] = e;
    t->count++;
    return &e->value;
}
static int tdel(table *t, const char *k) {
    entry **pp = &t->buckets[djb2(k) % t->nb];
    for (; *pp; pp = &(*pp)->next)
        if (!strcmp((*pp)->key, k)) { entry *d = *pp; *pp = d->next; free(d->key); free(d); t->count--; return 1; }
    return 0;
}
static int cmp_entry(const void *a, const void *b) {
    const entry *x = *(entry *const *)a, *y = *(entry *const *)b;
    if (x->value != y->value) return y->value - x->value;
    return strcmp(x->key, y->key);
}

int main(void) {
    static const char text[] =
        "it was the best of times it was the worst of times it was the age of wisdom it was the age of "
        "foolishness it was the epoch of belief it was the epoch of incredulity it was the season of light "
        "it was the season of darkness it was the spring of hope it was the winter of despair";
    table t; tinit(&t, 4);
    char buf[sizeof text];
    strcpy(buf, text);
    int words = 0;
    for (char *w = strtok(buf, " "); w; w = strtok(NULL, " ")) { (*tget(&t, w, 1))++; words++; }
    printf("words=%d unique=%zu buckets=%zu\n", words, t.count, t.nb);
    entry **all = malloc(t.count * sizeof *all);
    size_t n = 0;
    for (size_t i = 0; i < t.nb; i++) for (entry *e = t.buckets[i]; e; e = e->next) all[n++] = e;
    qsort(all, n, sizeof *all, cmp_entry);
    for (size_t i = 0; i < n && i < 12; i++) printf("%-12s %d\n", all[i]->key, all[i]->value);
    free(all);
    int d1 = tdel(&t, "the");
    int d2 = tdel(&t, "zzz");
    printf("del the=%d del zzz=%d count=%zu\n", d1, d2, t.count);
    printf("lookup was=%d the_is_null=%d\n", *tget(&t, "was", 0), tget(&t, "the", 0) == NULL);
    for (size_t i = 0; i < t.nb; i++)
        for (entry *e = t.buckets[i], *nx; e; e = nx) { nx = e->next; free(e->key); free(e); }
    free(t.buckets);
    return words % 256;
}

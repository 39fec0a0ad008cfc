/* Growable arrays with realloc; vector of strings; stack and dedup. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct { int *data; size_t len, cap; } vec;

static void vpush(vec *v, int x) {
    if (v->len == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 4;
        v->data = realloc(v->data, v->cap * sizeof *v->data);
    }
    v->data[v->len++] = x;
}

typedef struct { char **items; size_t n; } strvec;
static void spush(strvec *s, const char *str) {
    s->items = realloc(s->items, (s->n + 1) * sizeof *s->items);
    s->items[s->n] = malloc(strlen(str) + 1);
    strcpy(s->items[s->n], str);
    s->n++;
}

int main(void) {
    vec v = {NULL, 0, 0};
    size_t caps[8]; int ci = 0;
    for (int i = 0; i < 100; i++) {
        size_t before = v.cap;
        vpush(&v, (i * 37) % 101);
        if (v.cap != before && ci < 8) caps[ci++] = v.cap;
    }
    printf("len=%zu cap=%zu growths:", v.len, v.cap);
    for (int i = 0; i < ci; i++) printf(" %zu", caps[i]);
    printf("\n");
    long sum = 0;
    for (size_t i = 0; i < v.len; i++) sum += v.data[i];
    printf("sum=%ld\n", sum);
    /* dedup in place (values <101) */
    char seen[101] = {0};
    size_t w = 0;
    for (size_t i = 0; i < v.len; i++) if (!seen[v.data[i]]) { seen[v.data[i]] = 1; v.data[w++] = v.data[i] % 10; }
    v.len = w;
    v.data = realloc(v.data, v.len * sizeof(int));
    int hist[10] = {0};
    for (size_t i = 0; i < v.len; i++) hist[v.data[i]]++;
    for (int i = 0; i < 10; i++) printf("%d:%d ", i, hist[i]);
    printf("\n");
    free(v.data);
    strvec sv = {NULL, 0};
    const char *words[] = {"one", "two", "three", "four", "five", "six", "seven"};
    for (int i = 0; i < 7; i++) {
        char buf[64];
        snprintf(buf, sizeof buf, "%s-%d", words[i], i * i);
        spush(&sv, buf);
    }
    size_t total = 0;
    for (size_t i = 0; i < sv.n; i++) { printf("%s\n", sv.items[i]); total += strlen(sv.items[i]); free(sv.items[i]); }
    free(sv.items);
    /* calloc zeroing and 2D jagged array */
    int **rows = calloc(5, sizeof *rows);
    for (int r = 0; r < 5; r++) {
        rows[r] = calloc((size_t)r + 1, sizeof **rows);
        rows[r][0] = rows[r][r] = 1;
        for (int c = 1; c < r; c++) rows[r][c] = rows[r - 1][c - 1] + rows[r - 1][c];
    }
    for (int r = 0; r < 5; r++) {
        for (int c = 0; c <= r; c++) printf("%d ", rows[r][c]);
        printf("\n");
        free(rows[r]);
    }
    free(rows);
    return (int)total;
}

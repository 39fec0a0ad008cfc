/* Pointer-linked structures built in translated code and walked/freed by native code: binary search tree
 * (insert, height, inorder into an array, free), a stack of strings, a small hash map with chaining. */
#include <stdlib.h>
#include <string.h>

typedef struct Node {
    int key;
    struct Node *left, *right;
} Node;

Node *bst_insert(Node *root, int key) {
    if (!root) {
        Node *n = malloc(sizeof *n);
        n->key = key;
        n->left = n->right = NULL;
        return n;
    }
    if (key < root->key) root->left = bst_insert(root->left, key);
    else if (key > root->key) root->right = bst_insert(root->right, key);
    return root;
}

int bst_height(const Node *root) {
    if (!root) return 0;
    int l = bst_height(root->left), r = bst_height(root->right);
    return 1 + (l > r ? l : r);
}

static void inorder(const Node *n, int *out, int *k) {
    if (!n) return;
    inorder(n->left, out, k);
    out[(*k)++] = n->key;
    inorder(n->right, out, k);
}

int bst_to_array(const Node *root, int *out) {
    int k = 0;
    inorder(root, out, &k);
    return k;
}

int bst_contains(const Node *root, int key) {
    while (root) {
        if (key == root->key) return 1;
        root = key < root->key ? root->left : root->right;
    }
    return 0;
}

typedef struct {
    char **items;
    int size, cap;
} StrStack;

void stack_push(StrStack *s, const char *v) {
    if (s->size == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 2;
        s->items = realloc(s->items, sizeof(char *) * s->cap);
    }
    s->items[s->size++] = strdup(v);
}

char *stack_pop(StrStack *s) { return s->size ? s->items[--s->size] : NULL; }

#define BUCKETS 31
typedef struct Entry {
    char key[24];
    int value;
    struct Entry *next;
} Entry;
typedef struct {
    Entry *b[BUCKETS];
    int count;
} Map;

static unsigned hash(const char *s) {
    unsigned h = 5381;
    while (*s) h = h * 33 + (unsigned char)*s++;
    return h % BUCKETS;
}

Map *map_new(void) { return calloc(1, sizeof(Map)); }

void map_add(Map *m, const char *key, int delta) {
    unsigned h = hash(key);
    for (Entry *e = m->b[h]; e; e = e->next)
        if (strcmp(e->key, key) == 0) {
            e->value += delta;
            return;
        }
    Entry *e = malloc(sizeof *e);
    strncpy(e->key, key, sizeof e->key - 1);
    e->key[sizeof e->key - 1] = '\0';
    e->value = delta;
    e->next = m->b[h];
    m->b[h] = e;
    m->count++;
}

int map_get(const Map *m, const char *key, int dflt) {
    for (const Entry *e = m->b[hash(key)]; e; e = e->next)
        if (strcmp(e->key, key) == 0) return e->value;
    return dflt;
}

void map_free(Map *m) {
    for (int i = 0; i < BUCKETS; i++) {
        Entry *e = m->b[i];
        while (e) {
            Entry *n = e->next;
            free(e);
            e = n;
        }
    }
    free(m);
}

Map *word_counts(const char *text) {
    Map *m = map_new();
    char word[24];
    int k = 0;
    for (const char *p = text;; p++) {
        if (*p && *p != ' ') {
            if (k < 23) word[k++] = *p;
        } else {
            if (k) {
                word[k] = '\0';
                map_add(m, word, 1);
                k = 0;
            }
            if (!*p) break;
        }
    }
    return m;
}

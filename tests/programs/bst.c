/* Binary search tree: insert, search, in-order traversal, height, delete, free. */
#include <stdio.h>
#include <stdlib.h>

typedef struct tnode { int key; int count; struct tnode *left, *right; } tnode;

static tnode *insert(tnode *t, int key) {
    if (!t) { t = malloc(sizeof *t); t->key = key; t->count = 1; t->left = t->right = NULL; return t; }
    if (key < t->key) t->left = insert(t->left, key);
    else if (key > t->key) t->right = insert(t->right, key);
    else t->count++;
    return t;
}
static const tnode *find(const tnode *t, int key) {
    while (t && t->key != key) t = key < t->key ? t->left : t->right;
    return t;
}
static int height(const tnode *t) {
    if (!t) return 0;
    int l = height(t->left), r = height(t->right);
    return 1 + (l > r ? l : r);
}
static void inorder(const tnode *t, int *out, int *n) {
    if (!t) return;
    inorder(t->left, out, n);
    out[(*n)++] = t->key;
    inorder(t->right, out, n);
}
static tnode *delete(tnode *t, int key) {
    if (!t) return NULL;
    if (key < t->key) t->left = delete(t->left, key);
    else if (key > t->key) t->right = delete(t->right, key);
    else {
        if (!t->left) { tnode *r = t->right; free(t); return r; }
        if (!t->right) { tnode *l = t->left; free(t); return l; }
        tnode *s = t->right;
        while (s->left) s = s->left;
        t->key = s->key; t->count = s->count;
        t->right = delete(t->right, s->key);
    }
    return t;
}
static void destroy(tnode *t) { if (t) { destroy(t->left); destroy(t->right); free(t); } }
static long sum_counts(const tnode *t) { return t ? t->count + sum_counts(t->left) + sum_counts(t->right) : 0; }

int main(void) {
    tnode *root = NULL;
    unsigned x = 12345;
    for (int i = 0; i < 200; i++) { x = x * 1103515245u + 12345u; root = insert(root, (int)((x >> 16) % 500)); }
    int keys[600], n = 0;
    inorder(root, keys, &n);
    printf("distinct=%d height=%d total=%ld\n", n, height(root), sum_counts(root));
    printf("first:");
    for (int i = 0; i < 10; i++) printf(" %d", keys[i]);
    printf("\nlast:");
    for (int i = n - 5; i < n; i++) printf(" %d", keys[i]);
    printf("\n");
    int found = 0;
    for (int k = 0; k < 500; k += 7) found += find(root, k) != NULL;
    printf("found=%d\n", found);
    for (int i = 0; i < n; i += 2) root = delete(root, keys[i]);
    n = 0;
    inorder(root, keys, &n);
    int sorted = 1;
    for (int i = 1; i < n; i++) sorted &= keys[i - 1] < keys[i];
    printf("after delete distinct=%d sorted=%d height=%d\n", n, sorted, height(root));
    destroy(root);
    return found;
}

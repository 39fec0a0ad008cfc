#include <stdlib.h>
#include "../check.h"

typedef struct Node { int key; struct Node *left, *right; } Node;
Node *bst_insert(Node *root, int key);
int bst_height(const Node *root);
int bst_to_array(const Node *root, int *out);
int bst_contains(const Node *root, int key);
typedef struct { char **items; int size, cap; } StrStack;
void stack_push(StrStack *s, const char *v);
char *stack_pop(StrStack *s);
typedef struct Map Map;
Map *map_new(void);
void map_add(Map *m, const char *key, int delta);
int map_get(const Map *m, const char *key, int dflt);
void map_free(Map *m);
Map *word_counts(const char *text);

static void free_tree(Node *n) {
    if (!n) return;
    free_tree(n->left);
    free_tree(n->right);
    free(n);
}

int main(void) {
    Node *root = NULL;
    int keys[] = {50, 30, 70, 20, 40, 60, 80, 30, 65};
    for (int i = 0; i < 9; i++) root = bst_insert(root, keys[i]);
    CHECK_INT(bst_height(root), 4);
    int out[16];
    int n = bst_to_array(root, out);
    CHECK_INT(n, 8);
    int e[] = {20, 30, 40, 50, 60, 65, 70, 80};
    for (int i = 0; i < 8; i++) CHECK_INT(out[i], e[i]);
    CHECK_INT(bst_contains(root, 65), 1);
    CHECK_INT(bst_contains(root, 66), 0);
    CHECK_INT(root->left->right->key, 40);
    free_tree(root);
    CHECK_INT(bst_height(NULL), 0);
    StrStack st = {0};
    stack_push(&st, "one");
    stack_push(&st, "two");
    stack_push(&st, "three");
    CHECK_INT(st.size, 3);
    CHECK_INT(st.cap, 4);
    char *p = stack_pop(&st);
    CHECK_STR(p, "three");
    free(p);
    p = stack_pop(&st);
    CHECK_STR(p, "two");
    free(p);
    p = stack_pop(&st);
    free(p);
    CHECK(stack_pop(&st) == NULL);
    free(st.items);
    Map *m = word_counts("the cat and the hat and the bat");
    CHECK_INT(map_get(m, "the", 0), 3);
    CHECK_INT(map_get(m, "and", 0), 2);
    CHECK_INT(map_get(m, "bat", 0), 1);
    CHECK_INT(map_get(m, "dog", -1), -1);
    map_add(m, "dog", 5);
    CHECK_INT(map_get(m, "dog", -1), 5);
    map_free(m);
    END_CHECKS();
}

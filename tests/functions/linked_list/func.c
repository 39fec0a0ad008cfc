/* Heap-allocated linked structures built by translated code and consumed/freed by native code (and back). */
#include <stdlib.h>

struct node { long value; struct node *next; };

struct node *build_list(int n) {
    struct node *head = NULL;
    for (int i = n; i >= 1; i--) {
        struct node *nd = malloc(sizeof *nd);
        nd->value = (long)i * i;
        nd->next = head;
        head = nd;
    }
    return head;
}

long list_sum(const struct node *n) { long s = 0; for (; n; n = n->next) s += n->value; return s; }

struct node *reverse_list(struct node *n) {
    struct node *prev = NULL;
    while (n) { struct node *next = n->next; n->next = prev; prev = n; n = next; }
    return prev;
}

void free_list(struct node *n) { while (n) { struct node *next = n->next; free(n); n = next; } }

int list_length(const struct node *n) { int c = 0; while (n) { c++; n = n->next; } return c; }

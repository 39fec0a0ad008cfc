/* Singly and doubly linked lists on the heap: insert, delete, reverse, merge, free. */
#include <stdio.h>
#include <stdlib.h>

struct node { int val; struct node *next; };
struct dnode { long key; struct dnode *prev, *next; };

static struct node *push(struct node *h, int v) {
    struct node *n = malloc(sizeof *n);
    n->val = v; n->next = h;
    return n;
}
static struct node *reverse(struct node *h) {
    struct node *prev = NULL;
    while (h) { struct node *nx = h->next; h->next = prev; prev = h; h = nx; }
    return prev;
}
static struct node *remove_if_even(struct node *h) {
    struct node **pp = &h;
    while (*pp) {
        if ((*pp)->val % 2 == 0) { struct node *d = *pp; *pp = d->next; free(d); }
        else pp = &(*pp)->next;
    }
    return h;
}
static struct node *merge_sorted(struct node *a, struct node *b) {
    struct node head = {0, NULL}, *t = &head;
    while (a && b) {
        if (a->val <= b->val) { t->next = a; a = a->next; } else { t->next = b; b = b->next; }
        t = t->next;
    }
    t->next = a ? a : b;
    return head.next;
}
static void print_list(const char *tag, const struct node *h) {
    printf("%s:", tag);
    for (; h; h = h->next) printf(" %d", h->val);
    printf("\n");
}
static void free_list(struct node *h) { while (h) { struct node *n = h->next; free(h); h = n; } }
static int length(const struct node *h) { int n = 0; for (; h; h = h->next) n++; return n; }

int main(void) {
    struct node *l = NULL;
    for (int i = 1; i <= 15; i++) l = push(l, i * 3 % 17);
    print_list("list", l);
    l = reverse(l);
    print_list("rev", l);
    l = remove_if_even(l);
    print_list("odd", l);
    struct node *a = NULL, *b = NULL;
    for (int i = 10; i >= 0; i -= 2) a = push(a, i);
    for (int i = 9; i >= 1; i -= 3) b = push(b, i);
    struct node *m = merge_sorted(a, b);
    print_list("merged", m);
    int len = length(m) + length(l);
    free_list(m); free_list(l);
    /* doubly linked list with sentinel */
    struct dnode sent = {0, &sent, &sent};
    for (long k = 1; k <= 8; k++) {
        struct dnode *n = malloc(sizeof *n);
        n->key = k * k;
        n->prev = sent.prev; n->next = &sent;
        sent.prev->next = n; sent.prev = n;
    }
    printf("backward:");
    for (struct dnode *p = sent.prev; p != &sent; p = p->prev) printf(" %ld", p->key);
    printf("\n");
    while (sent.next != &sent) {
        struct dnode *n = sent.next;
        n->prev->next = n->next; n->next->prev = n->prev;
        free(n);
    }
    printf("empty=%d len=%d\n", sent.next == &sent, len);
    return len;
}

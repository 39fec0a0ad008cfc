#include <stdlib.h>
#include "../check.h"

struct node { long value; struct node *next; };
struct node *build_list(int n);
long list_sum(const struct node *n);
struct node *reverse_list(struct node *n);
void free_list(struct node *n);
int list_length(const struct node *n);

int main(void) {
    struct node *l = build_list(10);
    CHECK_INT(list_length(l), 10);
    CHECK_INT(l->value, 1);
    CHECK_INT(list_sum(l), 385);
    l = reverse_list(l);
    CHECK_INT(l->value, 100);
    CHECK_INT(l->next->value, 81);
    /* native side frees what translated code allocated */
    while (l) { struct node *n = l->next; free(l); l = n; }
    /* translated side frees what native code allocated */
    struct node *mine = NULL;
    for (int i = 0; i < 5; i++) { struct node *n = malloc(sizeof *n); n->value = i - 2; n->next = mine; mine = n; }
    CHECK_INT(list_sum(mine), 0);
    CHECK_INT(list_length(mine), 5);
    free_list(mine);
    CHECK_INT(list_length(NULL), 0);
    struct node *big = build_list(2000);
    CHECK_INT(list_sum(big), 2000L * 2001 * 4001 / 6);
    free_list(big);
    END_CHECKS();
}

/* Ring buffer / queue, stack, priority queue (binary heap) and a simulated event queue. */
#include <stdio.h>
#include <string.h>

#define CAP 8
typedef struct { int data[CAP]; unsigned head, tail; } ring;
static int rpush(ring *r, int v) { if (r->tail - r->head == CAP) return 0; r->data[r->tail++ % CAP] = v; return 1; }
static int rpop(ring *r, int *v) { if (r->head == r->tail) return 0; *v = r->data[r->head++ % CAP]; return 1; }

typedef struct { long t; int id; } event;
typedef struct { event e[64]; int n; } heap;
static int before(const event *a, const event *b) { return a->t < b->t || (a->t == b->t && a->id < b->id); }
static void hpush(heap *h, event ev) {
    int i = h->n++;
    h->e[i] = ev;
    while (i && before(&h->e[i], &h->e[(i - 1) / 2])) { event t = h->e[i]; h->e[i] = h->e[(i - 1) / 2]; h->e[(i - 1) / 2] = t; i = (i - 1) / 2; }
}
static event hpop(heap *h) {
    event top = h->e[0];
    h->e[0] = h->e[--h->n];
    int i = 0;
    for (;;) {
        int l = 2 * i + 1, r = l + 1, m = i;
        if (l < h->n && before(&h->e[l], &h->e[m])) m = l;
        if (r < h->n && before(&h->e[r], &h->e[m])) m = r;
        if (m == i) break;
        event t = h->e[i]; h->e[i] = h->e[m]; h->e[m] = t; i = m;
    }
    return top;
}

int main(void) {
    ring r;
    memset(&r, 0, sizeof r);
    int pushed = 0, popped = 0, v, sum = 0;
    for (int i = 0; i < 30; i++) {
        if (i % 3 != 2) pushed += rpush(&r, i * i);
        else if (rpop(&r, &v)) { popped++; sum += v; }
    }
    printf("pushed=%d popped=%d sum=%d\n", pushed, popped, sum);
    printf("drain:");
    while (rpop(&r, &v)) printf(" %d", v);
    printf("\n");
    /* stack-based bracket matching */
    const char *exprs[] = {"([]{()})", "([)]", "((())", "{[()()]}", ""};
    for (int i = 0; i < 5; i++) {
        char st[32]; int sp = 0, ok = 1;
        for (const char *p = exprs[i]; *p && ok; p++) {
            if (*p == '(' || *p == '[' || *p == '{') st[sp++] = *p;
            else { char o = sp ? st[--sp] : 0; ok = (*p == ')' && o == '(') || (*p == ']' && o == '[') || (*p == '}' && o == '{'); }
        }
        printf("'%s' balanced=%d\n", exprs[i], ok && sp == 0);
    }
    heap h = {.n = 0};
    long now = 0;
    hpush(&h, (event){5, 1});
    hpush(&h, (event){3, 2});
    hpush(&h, (event){5, 0});
    hpush(&h, (event){1, 3});
    int processed = 0;
    while (h.n && processed < 20) {
        event e = hpop(&h);
        now = e.t;
        processed++;
        printf("t=%ld id=%d\n", e.t, e.id);
        if (e.id < 6 && e.t < 15) hpush(&h, (event){e.t + e.id + 2, e.id + 2});
    }
    printf("processed=%d now=%ld\n", processed, now);
    return processed;
}

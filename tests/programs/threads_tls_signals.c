/* Threads with thread-local state, a signal handler, computed goto, qsort/bsearch callbacks and
 * atexit: what whole programs use beyond plain functions. The threads' results are joined in
 * order, so the output is deterministic. */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static __thread int tls_counter;
static __thread char tls_tag[8] = "main";
static volatile sig_atomic_t got_signal;

static void on_usr1(int sig) { got_signal = sig; }

static void *worker(void *arg) {
    long n = (long)arg;
    for (long i = 0; i < n; i++) tls_counter += (int)(i % 7);
    snprintf(tls_tag, sizeof tls_tag, "w%ld", n / 1000);
    return (void *)(long)(tls_counter * 10 + (tls_tag[1] - '0'));
}

static int run_program(const unsigned char *code, int x) {
    static void *ops[] = {&&op_inc, &&op_dbl, &&op_neg, &&op_halt};
    int pc = 0;
#define NEXT goto *ops[code[pc++]]
    NEXT;
op_inc: x += 1; NEXT;
op_dbl: x *= 2; NEXT;
op_neg: x = -x; NEXT;
op_halt: return x;
#undef NEXT
}

static int cmp_desc(const void *a, const void *b) {
    int x = *(const int *)a, y = *(const int *)b;
    return (x < y) - (x > y);
}

static void bye(void) { printf("atexit handler ran\n"); }

int main(void) {
    pthread_t th[4];
    for (long k = 0; k < 4; k++) pthread_create(&th[k], NULL, worker, (void *)(1000 * (k + 1)));
    for (int k = 0; k < 4; k++) {
        void *r;
        pthread_join(th[k], &r);
        printf("thread %d: %ld\n", k, (long)r);
    }
    printf("main thread: tls %d tag %s\n", tls_counter, tls_tag);

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_usr1;
    sigaction(SIGUSR1, &sa, NULL);
    raise(SIGUSR1);
    printf("signal: %d\n", (int)got_signal);

    unsigned char prog[] = {0, 1, 1, 2, 0, 3};
    printf("computed goto: %d\n", run_program(prog, 5));

    int v[] = {5, 3, 9, 1, 7, 2, 8};
    qsort(v, 7, sizeof v[0], cmp_desc);
    for (int i = 0; i < 7; i++) printf("%d ", v[i]);
    int key = 7;
    int *hit = bsearch(&key, v, 7, sizeof v[0], cmp_desc);
    printf("\nbsearch: %ld\n", hit ? (long)(hit - v) : -1L);
    atexit(bye);
    return 0;
}

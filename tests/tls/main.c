/* Thread-local storage across objects and threads, in every model gcc emits (local-exec and
 * initial-exec in position-independent executables, general- and local-dynamic with -fPIC):
 * each thread must see its own copies, initialised from the TLS image (tests/test_tls.py). */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

extern __thread int tls_ext;
extern __thread char name_buf[16];
int bump(int n);
long *counter_addr(void);
char *name_of_thread(void);

static __thread int local_tls = 7;
static long *main_counter;

static void *worker(void *arg) {
    long id = (long)arg;
    snprintf(name_buf, sizeof name_buf, "t%ld", id);
    int last = 0;
    for (int i = 0; i < 1000; i++) last = bump(i % 3 + (int)id);
    local_tls += (int)id;
    tls_ext += 10 * (int)id;
    long own = counter_addr() != main_counter && name_of_thread() == name_buf;
    return (void *)(long)(last * 100000L + tls_ext * 100 + local_tls * 10 + own);
}

int main(void) {
    main_counter = counter_addr();
    bump(5);
    pthread_t th[4];
    for (long k = 0; k < 4; k++) pthread_create(&th[k], NULL, worker, (void *)(k + 1));
    for (int k = 0; k < 4; k++) {
        void *r;
        pthread_join(th[k], &r);
        printf("thread %d: %ld\n", k + 1, (long)r);
    }
    printf("main: counter %ld tls_ext %d local %d name %s\n", *counter_addr(), tls_ext, local_tls,
           strcmp(name_of_thread(), "init") == 0 ? "init" : name_buf);
    return 0;
}

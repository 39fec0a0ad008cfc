/* pthread objects inside memory the program lays out for itself: a mutex, its attributes, thread
 * and condition attributes initialised in structs and heap blocks sized by the x86 compiler, then
 * used by threads.  AArch64's pthread_mutex_t is 48 bytes where x86-64's is 40 (pthread_attr_t 64
 * against 56, the attribute types 8 against 4), and glibc's initialisers clear the native size:
 * the bytes after each object must survive (zstd mallocs sizeof(pthread_mutex_t) per mutex). */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CANARY 0x5a

struct shared {
    pthread_mutex_t *lock;
    long counter;
};

static void *worker(void *p) {
    struct shared *s = p;
    for (int i = 0; i < 5000; i++) {
        pthread_mutex_lock(s->lock);
        s->counter++;
        pthread_mutex_unlock(s->lock);
    }
    return NULL;
}

/* A heap block of exactly `size` bytes followed by 8 canary bytes. */
static unsigned char *guarded(size_t size) {
    unsigned char *p = malloc(size + 8);
    memset(p, 0, size);
    memset(p + size, CANARY, 8);
    return p;
}

static const char *intact(const unsigned char *p, size_t size) {
    for (int i = 0; i < 8; i++)
        if (p[size + i] != CANARY) return "overwritten";
    return "intact";
}

int main(void) {
    unsigned char *mattr = guarded(sizeof(pthread_mutexattr_t));
    pthread_mutexattr_init((pthread_mutexattr_t *)mattr);
    pthread_mutexattr_settype((pthread_mutexattr_t *)mattr, PTHREAD_MUTEX_RECURSIVE);
    int type = -1;
    pthread_mutexattr_gettype((pthread_mutexattr_t *)mattr, &type);
    printf("mutexattr: %s, recursive %d\n", intact(mattr, sizeof(pthread_mutexattr_t)),
           type == PTHREAD_MUTEX_RECURSIVE);

    unsigned char *rec = guarded(sizeof(pthread_mutex_t));
    pthread_mutex_init((pthread_mutex_t *)rec, (pthread_mutexattr_t *)mattr);
    printf("recursive mutex: %s\n", intact(rec, sizeof(pthread_mutex_t)));
    pthread_mutex_lock((pthread_mutex_t *)rec);
    printf("locked again: %d\n", pthread_mutex_lock((pthread_mutex_t *)rec));
    pthread_mutex_unlock((pthread_mutex_t *)rec);
    pthread_mutex_unlock((pthread_mutex_t *)rec);
    printf("trylock after two unlocks: %d\n", pthread_mutex_trylock((pthread_mutex_t *)rec));
    pthread_mutex_unlock((pthread_mutex_t *)rec);
    pthread_mutex_destroy((pthread_mutex_t *)rec);
    pthread_mutexattr_destroy((pthread_mutexattr_t *)mattr);

    unsigned char *cattr = guarded(sizeof(pthread_condattr_t));
    pthread_condattr_init((pthread_condattr_t *)cattr);
    printf("condattr: %s\n", intact(cattr, sizeof(pthread_condattr_t)));
    pthread_condattr_destroy((pthread_condattr_t *)cattr);

    unsigned char *battr = guarded(sizeof(pthread_barrierattr_t));
    pthread_barrierattr_init((pthread_barrierattr_t *)battr);
    printf("barrierattr: %s\n", intact(battr, sizeof(pthread_barrierattr_t)));
    pthread_barrierattr_destroy((pthread_barrierattr_t *)battr);

    unsigned char *tattr = guarded(sizeof(pthread_attr_t));
    pthread_attr_init((pthread_attr_t *)tattr);
    pthread_attr_setstacksize((pthread_attr_t *)tattr, 1 << 20);
    size_t stack = 0;
    pthread_attr_getstacksize((pthread_attr_t *)tattr, &stack);
    printf("thread attr: %s, stack %zu KiB\n", intact(tattr, sizeof(pthread_attr_t)), stack >> 10);

    unsigned char *lock = guarded(sizeof(pthread_mutex_t));
    pthread_mutex_init((pthread_mutex_t *)lock, NULL);
    printf("mutex: %s\n", intact(lock, sizeof(pthread_mutex_t)));
    struct shared s = {(pthread_mutex_t *)lock, 0};
    pthread_t th[4];
    for (int k = 0; k < 4; k++) pthread_create(&th[k], (pthread_attr_t *)tattr, worker, &s);
    for (int k = 0; k < 4; k++) pthread_join(th[k], NULL);
    printf("counter %ld, mutex after use: %s\n", s.counter, intact(lock, sizeof(pthread_mutex_t)));
    pthread_mutex_destroy((pthread_mutex_t *)lock);
    pthread_attr_destroy((pthread_attr_t *)tattr);

    unsigned char *self = guarded(sizeof(pthread_attr_t));
    printf("getattr_np: %d, %s\n", pthread_getattr_np(pthread_self(), (pthread_attr_t *)self),
           intact(self, sizeof(pthread_attr_t)));
    pthread_attr_destroy((pthread_attr_t *)self);
    free(mattr); free(rec); free(cattr); free(battr); free(tattr); free(lock); free(self);
    return 0;
}

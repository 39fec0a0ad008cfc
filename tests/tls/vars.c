/* Thread-local variables defined in one object and used from another (tests/test_tls.py). */
__thread int tls_ext = 100;
__thread char name_buf[16] = "init";
static __thread long counter;

int bump(int n) {
    counter += n;
    tls_ext += 1;
    return (int)counter;
}

long *counter_addr(void) { return &counter; }

char *name_of_thread(void) { return name_buf; }

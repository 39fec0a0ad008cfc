/* Functions for tests/test_model_engine.py: a global int result with a side effect on a global,
 * a loop over memory, a static function kept alive through a pointer, FP arguments, a string. */
int counter;

int add(int a, int b)
{
    counter += a;
    return a + b;
}

long sum(const long *p, long n)
{
    long s = 0;
    for (long i = 0; i < n; i++)
        s += p[i];
    return s;
}

static int twice(int x)
{
    return 2 * x;
}

int (*twice_ptr)(int) = twice;

double scale(double x, float y)
{
    return x * y;
}

const char *greet(void)
{
    return "hello";
}

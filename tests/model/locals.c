/* Global functions that use the object's local symbols (tests/test_model_engine.py): a static
 * variable (the lifted translation keeps it inside its .bss global), a static function whose
 * address is taken (kept, with a native entry) and one only called (not kept). */
static int calls;

int bump(void)
{
    return ++calls;
}

static int twice(int x)
{
    return 2 * x;
}

int (*twice_ptr)(int) = twice;

__attribute__((noinline)) static int plus3(int x)
{
    return x + 3;
}

int use_plus3(int x)
{
    return plus3(x) * 2;
}

/* A small stack-based bytecode interpreter dispatching with a dense switch
 * (a jump table on both ISAs).  It runs three programs: an iterative
 * Fibonacci modulo a prime, a nested counting loop and Collatz step counts. */
#include <stdio.h>

enum op { PUSH, POP, DUP, OVER, SWAP, ADD, SUB, MUL, MOD, LT, JZ, JMP, LOAD, STORE, INC, HALT, SHR, AND, EQ };

struct vm {
    long stack[64];
    long vars[8];
    int sp;
    long steps;
};

static long run(struct vm *m, const int *code) {
    int pc = 0;
    m->sp = 0;
    for (;;) {
        int op = code[pc++];
        m->steps++;
        switch (op) {
        case PUSH: m->stack[m->sp++] = code[pc++]; break;
        case POP: m->sp--; break;
        case DUP: m->stack[m->sp] = m->stack[m->sp - 1]; m->sp++; break;
        case OVER: m->stack[m->sp] = m->stack[m->sp - 2]; m->sp++; break;
        case SWAP: { long t = m->stack[m->sp - 1]; m->stack[m->sp - 1] = m->stack[m->sp - 2]; m->stack[m->sp - 2] = t; break; }
        case ADD: m->sp--; m->stack[m->sp - 1] += m->stack[m->sp]; break;
        case SUB: m->sp--; m->stack[m->sp - 1] -= m->stack[m->sp]; break;
        case MUL: m->sp--; m->stack[m->sp - 1] *= m->stack[m->sp]; break;
        case MOD: m->sp--; m->stack[m->sp - 1] %= m->stack[m->sp]; break;
        case LT: m->sp--; m->stack[m->sp - 1] = m->stack[m->sp - 1] < m->stack[m->sp]; break;
        case EQ: m->sp--; m->stack[m->sp - 1] = m->stack[m->sp - 1] == m->stack[m->sp]; break;
        case SHR: m->sp--; m->stack[m->sp - 1] >>= m->stack[m->sp]; break;
        case AND: m->sp--; m->stack[m->sp - 1] &= m->stack[m->sp]; break;
        case JZ: { int t = code[pc++]; if (m->stack[--m->sp] == 0) pc = t; break; }
        case JMP: pc = code[pc]; break;
        case LOAD: m->stack[m->sp++] = m->vars[code[pc++]]; break;
        case STORE: m->vars[code[pc++]] = m->stack[--m->sp]; break;
        case INC: m->vars[code[pc++]]++; break;
        case HALT: return m->sp ? m->stack[m->sp - 1] : 0;
        default: return -1;
        }
    }
}

/* v0=a v1=b v2=i: for (i = 0; i < 100000; i++) { t = (a + b) % 1000003; a = b; b = t; } push b */
static const int fib[] = {
    PUSH, 0, STORE, 0, PUSH, 1, STORE, 1, PUSH, 0, STORE, 2,
    /* 12 */ LOAD, 2, PUSH, 100000, LT, JZ, 40,
    LOAD, 0, LOAD, 1, ADD, PUSH, 1000003, MOD,
    LOAD, 1, STORE, 0, STORE, 1, INC, 2, JMP, 12,
    /* 37 */ HALT, HALT, HALT,
    /* 40 */ LOAD, 1, HALT,
};

/* v0=i v1=j v3=sum: for i < 200 for j < 200: sum += (i * j) & 255 */
static const int nest[] = {
    PUSH, 0, STORE, 0, PUSH, 0, STORE, 3,
    /* 8 */ LOAD, 0, PUSH, 200, LT, JZ, 47,
    PUSH, 0, STORE, 1,
    /* 19 */ LOAD, 1, PUSH, 200, LT, JZ, 43,
    LOAD, 3, LOAD, 0, LOAD, 1, MUL, PUSH, 255, AND, ADD, STORE, 3, INC, 1, JMP, 19,
    /* 43 */ INC, 0, JMP, 8,
    /* 47 */ LOAD, 3, HALT,
};

/* total Collatz steps for n = 1..2000: v0=n v1=x v2=total */
static const int collatz[] = {
    PUSH, 1, STORE, 0, PUSH, 0, STORE, 2,
    /* 8 */ LOAD, 0, PUSH, 2001, LT, JZ, 61,
    LOAD, 0, STORE, 1,
    /* 19 */ LOAD, 1, PUSH, 1, EQ, JZ, 30, INC, 0, JMP, 8,
    /* 30 */ INC, 2, LOAD, 1, PUSH, 1, AND, JZ, 51,
    LOAD, 1, PUSH, 3, MUL, PUSH, 1, ADD, STORE, 1, JMP, 19,
    /* 51 */ LOAD, 1, PUSH, 1, SHR, STORE, 1, JMP, 19, HALT,
    /* 61 */ LOAD, 2, HALT,
};

int main(void) {
    struct vm m = {0};
    long f = run(&m, fib);
    printf("fib %ld steps %ld\n", f, m.steps);
    long s = run(&m, nest);
    printf("nest %ld steps %ld\n", s, m.steps);
    long c = run(&m, collatz);
    printf("collatz %ld steps %ld\n", c, m.steps);
    return (int)((f + s + c) % 199);
}

/* A tiny Brainfuck interpreter and a register-machine bytecode interpreter. */
#include <stdio.h>
#include <string.h>

static int bf(const char *prog, char *out, int outmax) {
    unsigned char tape[3000];
    memset(tape, 0, sizeof tape);
    int ptr = 0, o = 0;
    long steps = 0;
    for (const char *pc = prog; *pc; pc++, steps++) {
        switch (*pc) {
        case '>': ptr++; break;
        case '<': ptr--; break;
        case '+': tape[ptr]++; break;
        case '-': tape[ptr]--; break;
        case '.': if (o < outmax - 1) out[o++] = (char)tape[ptr]; break;
        case '[':
            if (!tape[ptr]) { int d = 1; while (d) { pc++; d += (*pc == '[') - (*pc == ']'); } }
            break;
        case ']':
            if (tape[ptr]) { int d = 1; while (d) { pc--; d += (*pc == ']') - (*pc == '['); } }
            break;
        }
    }
    out[o] = 0;
    return (int)(steps % 100000);
}

enum { LOADI, ADD, SUB, MUL, JNZ, DEC, PRINT, HALT, MOV, CMPLT };
struct insn { unsigned char op, a, b, c; int imm; };

static long vm(const struct insn *code) {
    long r[8] = {0};
    long executed = 0;
    for (int pc = 0;; executed++) {
        const struct insn *i = &code[pc++];
        switch (i->op) {
        case LOADI: r[i->a] = i->imm; break;
        case ADD: r[i->a] = r[i->b] + r[i->c]; break;
        case SUB: r[i->a] = r[i->b] - r[i->c]; break;
        case MUL: r[i->a] = r[i->b] * r[i->c]; break;
        case DEC: r[i->a]--; break;
        case MOV: r[i->a] = r[i->b]; break;
        case CMPLT: r[i->a] = r[i->b] < r[i->c]; break;
        case JNZ: if (r[i->a]) pc = i->imm; break;
        case PRINT: printf("r%d=%ld\n", i->a, r[i->a]); break;
        case HALT: return executed;
        }
    }
}

int main(void) {
    char out[256];
    const char *hello = "++++++++[>++++[>++>+++>+++>+<<<<-]>+>+>->>+[<]<-]>>.>---.+++++++..+++.>>.<-.<.+++.------.--------.>>+.";
    int steps = bf(hello, out, sizeof out);
    printf("bf: %s steps%%=%d\n", out, steps);
    const char *add = "++++++>+++++++++[<+>-]<++++++++++++++++++++++++++++++++++++++++++++++++.";
    bf(add, out, sizeof out);
    printf("bf add: %s\n", out);
    /* factorial of 10 and sum 1..100 */
    struct insn prog[] = {
        {LOADI, 0, 0, 0, 1}, {LOADI, 1, 0, 0, 10}, /* r0=1, r1=10 */
        {MUL, 0, 0, 1, 0},   {DEC, 1, 0, 0, 0},    {JNZ, 1, 0, 0, 2}, {PRINT, 0, 0, 0, 0},
        {LOADI, 2, 0, 0, 0}, {LOADI, 3, 0, 0, 100},
        {ADD, 2, 2, 3, 0},   {DEC, 3, 0, 0, 0},    {JNZ, 3, 0, 0, 8}, {PRINT, 2, 0, 0, 0},
        {LOADI, 4, 0, 0, 0}, {LOADI, 5, 0, 0, 1},  {LOADI, 6, 0, 0, 60}, /* fib: r4,r5 */
        {ADD, 7, 4, 5, 0},   {MOV, 4, 5, 0, 0},    {MOV, 5, 7, 0, 0}, {DEC, 6, 0, 0, 0}, {JNZ, 6, 0, 0, 15},
        {PRINT, 4, 0, 0, 0}, {HALT, 0, 0, 0, 0}};
    long n = vm(prog);
    printf("executed=%ld\n", n);
    return (int)(n % 256);
}

/* Dense switch statements (jump tables) over ints, chars and enums, with fallthrough. */
#include <stdio.h>

enum op { OP_NOP, OP_PUSH, OP_POP, OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_DUP, OP_SWAP, OP_NEG, OP_INC, OP_DEC, OP_HALT };

__attribute__((noinline)) static int days_in_month(int m, int leap) {
    switch (m) {
    case 1: case 3: case 5: case 7: case 8: case 10: case 12: return 31;
    case 4: case 6: case 9: case 11: return 30;
    case 2: return leap ? 29 : 28;
    default: return -1;
    }
}
__attribute__((noinline)) static const char *digit_name(int d) {
    switch (d) {
    case 0: return "zero"; case 1: return "one"; case 2: return "two"; case 3: return "three";
    case 4: return "four"; case 5: return "five"; case 6: return "six"; case 7: return "seven";
    case 8: return "eight"; case 9: return "nine"; case 10: return "ten"; case 11: return "eleven";
    default: return "many";
    }
}
__attribute__((noinline)) static int calc(int op, int a, int b) {
    int r = 0;
    switch (op) {
    case 0: r = a + b; break;
    case 1: r = a - b; break;
    case 2: r = a * b; break;
    case 3: r = b ? a / b : 0; break;
    case 4: r = b ? a % b : 0; break;
    case 5: r = a & b; break;
    case 6: r = a | b; break;
    case 7: r = a ^ b; break;
    case 8: r = a << (b & 7); break;
    case 9: r = a >> (b & 7); break;
    case 10: r = a > b; break;
    case 11: r = a == b; break;
    case 12: r = -a; /* fallthrough */
    case 13: r += 1000; break;
    default: r = -1;
    }
    return r;
}
__attribute__((noinline)) static int char_class(char c) {
    switch (c) {
    case 'a': case 'e': case 'i': case 'o': case 'u': return 1;
    case 'b': case 'c': case 'd': case 'f': case 'g': case 'h': case 'j': case 'k': case 'l': case 'm':
    case 'n': case 'p': case 'q': case 'r': case 's': case 't': case 'v': case 'w': case 'x': case 'y': case 'z':
        return 2;
    case ' ': return 3;
    default: return 0;
    }
}
__attribute__((noinline)) static long run(const int *code) {
    long stack[32]; int sp = 0; long steps = 0;
    for (int pc = 0;; pc++, steps++) {
        switch ((enum op)code[pc]) {
        case OP_NOP: break;
        case OP_PUSH: stack[sp++] = code[++pc]; break;
        case OP_POP: sp--; break;
        case OP_ADD: sp--; stack[sp - 1] += stack[sp]; break;
        case OP_SUB: sp--; stack[sp - 1] -= stack[sp]; break;
        case OP_MUL: sp--; stack[sp - 1] *= stack[sp]; break;
        case OP_DIV: sp--; stack[sp - 1] /= stack[sp]; break;
        case OP_DUP: stack[sp] = stack[sp - 1]; sp++; break;
        case OP_SWAP: { long t = stack[sp - 1]; stack[sp - 1] = stack[sp - 2]; stack[sp - 2] = t; } break;
        case OP_NEG: stack[sp - 1] = -stack[sp - 1]; break;
        case OP_INC: stack[sp - 1]++; break;
        case OP_DEC: stack[sp - 1]--; break;
        case OP_HALT: return stack[sp - 1] * 1000 + steps;
        }
    }
}

int main(void) {
    int total = 0;
    for (int m = 0; m <= 13; m++) { int d = days_in_month(m, m % 2); total += d; printf("%d:%d ", m, d); }
    printf("\ntotal=%d\n", total);
    for (int d = -1; d <= 12; d++) printf("%s ", digit_name(d));
    printf("\n");
    for (int op = -1; op <= 14; op++) printf("calc(%d)=%d\n", op, calc(op, 29, 5));
    const char *s = "the quick brown fox, 42!";
    int counts[4] = {0};
    for (const char *p = s; *p; p++) counts[char_class(*p)]++;
    printf("classes %d %d %d %d\n", counts[0], counts[1], counts[2], counts[3]);
    int prog[] = {OP_PUSH, 6, OP_PUSH, 7, OP_MUL, OP_DUP, OP_ADD, OP_PUSH, 4, OP_SWAP, OP_SUB, OP_NEG, OP_INC,
                  OP_PUSH, 3, OP_DIV, OP_NOP, OP_DEC, OP_PUSH, 9, OP_POP, OP_HALT};
    printf("run=%ld\n", run(prog));
    return total % 256;
}

/* Dense switches compiled to jump tables (the table and indirect jump live in translated code). */
const char *day_name(int d) {
    switch (d) {
    case 0: return "Sunday"; case 1: return "Monday"; case 2: return "Tuesday"; case 3: return "Wednesday";
    case 4: return "Thursday"; case 5: return "Friday"; case 6: return "Saturday";
    default: return "?";
    }
}

int apply_op(int op, int a, int b) {
    switch (op) {
    case 0: return a + b;
    case 1: return a - b;
    case 2: return a * b;
    case 3: return b ? a / b : 0;
    case 4: return b ? a % b : 0;
    case 5: return a & b;
    case 6: return a | b;
    case 7: return a ^ b;
    case 8: return a << (b & 31);
    case 9: return a >> (b & 31);
    case 10: return a < b;
    case 11: return a == b;
    default: return -1;
    }
}

int roman_value(char c) {
    switch (c) {
    case 'I': return 1; case 'V': return 5; case 'X': return 10; case 'L': return 50;
    case 'C': return 100; case 'D': return 500; case 'M': return 1000;
    default: return 0;
    }
}

int roman_to_int(const char *s) {
    int total = 0;
    for (; *s; s++) {
        int v = roman_value(s[0]), next = roman_value(s[1]);
        total += v < next ? -v : v;
    }
    return total;
}

/* Switch-heavy helpers as they appear in HumanEval-style C: operator dispatch with an error default,
 * day/month tables, roman digit values, letter-grade points, fall-through vowel classes. */
#include <string.h>

int apply_op_code(int op, int a, int b) {
    switch (op) {
    case 0: return a + b;
    case 1: return a - b;
    case 2: return a * b;
    case 3: return a / b;
    case 4: return a % b;
    case 5: return a & b;
    default: return -1;
    }
}

int days_in_month(int month, int year) {
    switch (month) {
    case 1: case 3: case 5: case 7: case 8: case 10: case 12:
        return 31;
    case 4: case 6: case 9: case 11:
        return 30;
    case 2:
        return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28;
    default:
        return -1;
    }
}

const char *weekday(int d) {
    switch (d % 7) {
    case 0: return "Sunday";
    case 1: return "Monday";
    case 2: return "Tuesday";
    case 3: return "Wednesday";
    case 4: return "Thursday";
    case 5: return "Friday";
    case 6: return "Saturday";
    }
    return "invalid";
}

static int roman_digit(char c) {
    switch (c) {
    case 'I': return 1;
    case 'V': return 5;
    case 'X': return 10;
    case 'L': return 50;
    case 'C': return 100;
    case 'D': return 500;
    case 'M': return 1000;
    default: return 0;
    }
}

int roman_to_int(const char *s) {
    int total = 0;
    size_t n = strlen(s);
    for (size_t i = 0; i < n; i++) {
        int v = roman_digit(s[i]);
        if (v == 0) return -1;
        if (i + 1 < n && v < roman_digit(s[i + 1])) total -= v;
        else total += v;
    }
    return total;
}

double grade_points(const char *grade) {
    double base;
    switch (grade[0]) {
    case 'A': base = 4.0; break;
    case 'B': base = 3.0; break;
    case 'C': base = 2.0; break;
    case 'D': base = 1.0; break;
    case 'E': case 'F': return 0.0;
    default: return -1.0;
    }
    if (grade[1] == '+' && base < 4.0) base += 0.3;
    else if (grade[1] == '-') base -= 0.3;
    return base;
}

int char_class(char c) {
    int r = 0;
    switch (c) {
    case 'a': case 'e': case 'i': case 'o': case 'u':
        r += 10;
        /* fall through */
    case 'y':
        r += 1;
        break;
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9':
        r = 100 + (c - '0');
        break;
    case ' ':
        r = -1;
        break;
    default:
        r = 0;
    }
    return r;
}

int eval_rpn(const char **tokens, int n) {
    int stack[64];
    int sp = 0;
    for (int i = 0; i < n; i++) {
        const char *t = tokens[i];
        if (t[1] == '\0' && strchr("+-*/", t[0])) {
            int b = stack[--sp], a = stack[--sp];
            int r;
            switch (t[0]) {
            case '+': r = a + b; break;
            case '-': r = a - b; break;
            case '*': r = a * b; break;
            default: r = a / b; break;
            }
            stack[sp++] = r;
        } else {
            int v = 0, neg = 0;
            const char *p = t;
            if (*p == '-') { neg = 1; p++; }
            while (*p) v = v * 10 + (*p++ - '0');
            stack[sp++] = neg ? -v : v;
        }
    }
    return stack[0];
}

/* HumanEval/3: does a running balance ever drop below zero? */
#include <stdbool.h>

bool below_zero(const int *operations, int n) {
    int balance = 0;
    for (int i = 0; i < n; i++) {
        balance += operations[i];
        if (balance < 0) return true;
    }
    return false;
}

int first_negative_index(const int *operations, int n) {
    long balance = 0;
    for (int i = 0; i < n; i++) {
        balance += operations[i];
        if (balance < 0) return i;
    }
    return -1;
}

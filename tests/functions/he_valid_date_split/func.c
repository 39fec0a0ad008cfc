/* HumanEval/124 valid_date (sscanf / atoi / switch), HumanEval/125 split_words (three behaviours),
 * HumanEval/126 is_sorted, HumanEval/127 intersection ("YES"/"NO"). */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool valid_date(const char *date) {
    if (strlen(date) != 10) return false;
    for (int i = 0; i < 10; i++) {
        if (i == 2 || i == 5) {
            if (date[i] != '-') return false;
        } else if (date[i] < '0' || date[i] > '9') {
            return false;
        }
    }
    int mm, dd, yy;
    if (sscanf(date, "%d-%d-%d", &mm, &dd, &yy) != 3) return false;
    if (mm < 1 || mm > 12) return false;
    if (dd < 1 || dd > 31) return false;
    switch (mm) {
    case 4: case 6: case 9: case 11:
        if (dd == 31) return false;
        break;
    case 2:
        if (dd > 29) return false;
        break;
    default:
        break;
    }
    return yy >= 0;
}

/* Returns the number of words (split on whitespace, else on commas) written to out; if there is neither,
 * returns -(count of lowercase letters with odd alphabet order) - 1. */
int split_words(const char *txt, char out[][32], int max) {
    const char *seps = NULL;
    if (strchr(txt, ' ')) seps = " ";
    else if (strchr(txt, ',')) seps = ",";
    if (seps) {
        int k = 0;
        const char *p = txt;
        while (*p) {
            while (*p && strchr(seps, *p)) p++;
            if (!*p) break;
            const char *s = p;
            while (*p && !strchr(seps, *p)) p++;
            if (k < max) {
                size_t l = (size_t)(p - s);
                if (l > 31) l = 31;
                memcpy(out[k], s, l);
                out[k][l] = '\0';
            }
            k++;
        }
        return k;
    }
    int num = 0;
    for (const char *p = txt; *p; p++)
        if (*p >= 'a' && *p <= 'z' && (*p - 'a') % 2 == 1) num++;
    return -num - 1;
}

bool is_sorted(const int *lst, int n) {
    for (int i = 1; i < n; i++) {
        if (lst[i] < lst[i - 1]) return false;
        if (i >= 2 && lst[i] == lst[i - 1] && lst[i] == lst[i - 2]) return false;
    }
    return true;
}

const char *intersection(int s1, int e1, int s2, int e2) {
    int inter1 = s1 > s2 ? s1 : s2;
    int inter2 = e1 < e2 ? e1 : e2;
    int l = inter2 - inter1;
    if (l < 2) return "NO";
    for (int i = 2; i * i <= l; i++)
        if (l % i == 0) return "NO";
    return "YES";
}

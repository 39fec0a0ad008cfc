/* toupper/tolower loops, in-place reversal, palindromes, caesar cipher, run-length encoding. */
#include <stdio.h>
#include <string.h>
#include <ctype.h>

__attribute__((noinline)) static void upcase(char *s) { for (; *s; s++) *s = (char)toupper((unsigned char)*s); }
__attribute__((noinline)) static void reverse(char *s) {
    size_t n = strlen(s);
    for (size_t i = 0; i < n / 2; i++) { char t = s[i]; s[i] = s[n - 1 - i]; s[n - 1 - i] = t; }
}
__attribute__((noinline)) static int is_pal(const char *s) {
    size_t i = 0, j = strlen(s);
    if (j == 0) return 1;
    j--;
    while (i < j) {
        while (i < j && !isalnum((unsigned char)s[i])) i++;
        while (i < j && !isalnum((unsigned char)s[j])) j--;
        if (tolower((unsigned char)s[i]) != tolower((unsigned char)s[j])) return 0;
        i++; j--;
    }
    return 1;
}
__attribute__((noinline)) static void caesar(char *s, int k) {
    for (; *s; s++) {
        if (*s >= 'a' && *s <= 'z') *s = (char)('a' + (*s - 'a' + k) % 26);
        else if (*s >= 'A' && *s <= 'Z') *s = (char)('A' + (*s - 'A' + k) % 26);
    }
}
__attribute__((noinline)) static void rle(const char *s, char *out) {
    while (*s) {
        char c = *s; int n = 0;
        while (*s == c) { s++; n++; }
        out += sprintf(out, "%d%c", n, c);
    }
    *out = 0;
}
__attribute__((noinline)) static int count_vowels(const char *s) {
    int n = 0;
    for (; *s; s++) n += strchr("aeiouAEIOU", *s) != NULL && *s;
    return n;
}

int main(void) {
    char s1[] = "Hello, World! 123";
    upcase(s1); printf("%s\n", s1);
    reverse(s1); printf("%s\n", s1);
    for (char *p = s1; *p; p++) *p = (char)tolower((unsigned char)*p);
    printf("%s\n", s1);
    const char *pals[] = {"racecar", "A man, a plan, a canal: Panama", "hello", "", "ab", "No 'x' in Nixon"};
    int pc = 0;
    for (int i = 0; i < 6; i++) { int p = is_pal(pals[i]); pc += p; printf("pal(\"%s\")=%d\n", pals[i], p); }
    char msg[] = "Attack at Dawn, Zebra!";
    caesar(msg, 3); printf("%s\n", msg);
    caesar(msg, 23); printf("%s\n", msg);
    char out[128];
    rle("aaabccddddde", out); printf("rle=%s\n", out);
    printf("vowels=%d\n", count_vowels("The quick brown fox jumps over the lazy dog"));
    int digits = 0, alphas = 0, spaces = 0, puncts = 0;
    for (const char *p = "Mixed: 12 chars, and 3 numbers!"; *p; p++) {
        digits += isdigit((unsigned char)*p) != 0; alphas += isalpha((unsigned char)*p) != 0;
        spaces += isspace((unsigned char)*p) != 0; puncts += ispunct((unsigned char)*p) != 0;
    }
    printf("d=%d a=%d s=%d p=%d\n", digits, alphas, spaces, puncts);
    return pc;
}

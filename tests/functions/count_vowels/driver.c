#include "../check.h"

int vowels_count(const char *s);
int consonants_count(const char *s);

int main(void) {
    CHECK_INT(vowels_count("abcde"), 2);
    CHECK_INT(vowels_count("Alone"), 3);
    CHECK_INT(vowels_count("key"), 2);
    CHECK_INT(vowels_count("bye"), 1);
    CHECK_INT(vowels_count("keY"), 2);
    CHECK_INT(vowels_count("bYe"), 1);
    CHECK_INT(vowels_count("ACEDY"), 3);
    CHECK_INT(vowels_count(""), 0);
    CHECK_INT(consonants_count("Hello, World!"), 7);
    CHECK_INT(consonants_count("aeiou 123"), 0);
    END_CHECKS();
}

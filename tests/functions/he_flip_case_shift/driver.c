#include <stdlib.h>
#include "../check.h"

char *flip_case(const char *str);
char *remove_vowels(const char *text);
void encode_shift(char *s);
void decode_shift(char *s);
void encode_cyclic(char *s);
void decode_cyclic(char *s);

#define CHECK_FREE(call, expected) do { char *r_ = (call); CHECK_STR(r_, expected); free(r_); } while (0)

int main(void) {
    CHECK_FREE(flip_case(""), "");
    CHECK_FREE(flip_case("Hello!"), "hELLO!");
    CHECK_FREE(flip_case("These violent delights have violent ends"), "tHESE VIOLENT DELIGHTS HAVE VIOLENT ENDS");
    CHECK_FREE(remove_vowels(""), "");
    CHECK_FREE(remove_vowels("abcdef\nghijklm"), "bcdf\nghjklm");
    CHECK_FREE(remove_vowels("fedcba"), "fdcb");
    CHECK_FREE(remove_vowels("eeeee"), "");
    CHECK_FREE(remove_vowels("acBAA"), "cB");
    CHECK_FREE(remove_vowels("EcBOO"), "cB");
    CHECK_FREE(remove_vowels("ybcd"), "ybcd");
    char s[] = "abcxyz";
    encode_shift(s);
    CHECK_STR(s, "fghcde");
    decode_shift(s);
    CHECK_STR(s, "abcxyz");
    char t[] = "thequickbrownfox";
    encode_shift(t);
    CHECK_STR(t, "ymjvznhpgwtbsktc");
    decode_shift(t);
    CHECK_STR(t, "thequickbrownfox");
    char c[] = "abcdefgh";
    encode_cyclic(c);
    CHECK_STR(c, "bcaefdgh");
    decode_cyclic(c);
    CHECK_STR(c, "abcdefgh");
    char c2[] = "ab";
    encode_cyclic(c2);
    CHECK_STR(c2, "ab");
    END_CHECKS();
}

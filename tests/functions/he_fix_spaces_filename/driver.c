#include <stdbool.h>
#include <stdlib.h>
#include "../check.h"

char *fix_spaces(const char *text);
const char *file_name_check(const char *file_name);
char *words_in_sentence(const char *sentence);
bool simplify(const char *x, const char *n);

#define CHECK_FREE(call, expected) do { char *r_ = (call); CHECK_STR(r_, expected); free(r_); } while (0)

int main(void) {
    CHECK_FREE(fix_spaces("Example"), "Example");
    CHECK_FREE(fix_spaces("Mudasir Hanif "), "Mudasir_Hanif_");
    CHECK_FREE(fix_spaces("Yellow Yellow  Dirty  Fellow"), "Yellow_Yellow__Dirty__Fellow");
    CHECK_FREE(fix_spaces("Exa   mple"), "Exa-mple");
    CHECK_FREE(fix_spaces("   Exa 1 2 2 mple"), "-Exa_1_2_2_mple");
    CHECK_FREE(fix_spaces(""), "");
    CHECK_STR(file_name_check("example.txt"), "Yes");
    CHECK_STR(file_name_check("1example.dll"), "No");
    CHECK_STR(file_name_check("s1sdf3.asd"), "No");
    CHECK_STR(file_name_check("K.dll"), "Yes");
    CHECK_STR(file_name_check("MY16FILE3.exe"), "Yes");
    CHECK_STR(file_name_check("His12FILE94.exe"), "No");
    CHECK_STR(file_name_check("_Y.txt"), "No");
    CHECK_STR(file_name_check("?aREYA.exe"), "No");
    CHECK_STR(file_name_check("/this_is_valid.dll"), "No");
    CHECK_STR(file_name_check("this_is_valid.wow"), "No");
    CHECK_STR(file_name_check("this_is_valid.txt"), "Yes");
    CHECK_STR(file_name_check("this_is_valid.txtexe"), "No");
    CHECK_STR(file_name_check("#this2_i4s_5valid.ten"), "No");
    CHECK_STR(file_name_check("@this1_is6_valid.exe"), "No");
    CHECK_STR(file_name_check("this_is_12valid.6exe4.txt"), "No");
    CHECK_STR(file_name_check("all.exe.txt"), "No");
    CHECK_STR(file_name_check("I563_No.exe"), "Yes");
    CHECK_STR(file_name_check("Is3youfault.txt"), "Yes");
    CHECK_STR(file_name_check("no_one#knows.dll"), "Yes");
    CHECK_STR(file_name_check("1I563_Yes3.exe"), "No");
    CHECK_STR(file_name_check("I563_Yes3.txtt"), "No");
    CHECK_STR(file_name_check("final..txt"), "No");
    CHECK_STR(file_name_check("final132"), "No");
    CHECK_STR(file_name_check("_f4indsartal132."), "No");
    CHECK_STR(file_name_check(".txt"), "No");
    CHECK_STR(file_name_check("s."), "No");
    CHECK_FREE(words_in_sentence("This is a test"), "is");
    CHECK_FREE(words_in_sentence("lets go for swimming"), "go for");
    CHECK_FREE(words_in_sentence("there is no place available here"), "there is no place");
    CHECK_FREE(words_in_sentence("Hi I am Hussein"), "Hi am Hussein");
    CHECK_FREE(words_in_sentence("go for it"), "go for it");
    CHECK_FREE(words_in_sentence("here"), "");
    CHECK_FREE(words_in_sentence("here is"), "is");
    CHECK_INT(simplify("1/5", "5/1"), 1);
    CHECK_INT(simplify("1/6", "2/1"), 0);
    CHECK_INT(simplify("5/1", "3/1"), 1);
    CHECK_INT(simplify("7/10", "10/2"), 0);
    CHECK_INT(simplify("2/10", "50/10"), 1);
    CHECK_INT(simplify("7/2", "4/2"), 1);
    CHECK_INT(simplify("11/6", "6/1"), 1);
    CHECK_INT(simplify("2/3", "5/2"), 0);
    CHECK_INT(simplify("5/2", "3/5"), 0);
    CHECK_INT(simplify("2/4", "8/4"), 1);
    CHECK_INT(simplify("2/4", "4/2"), 1);
    CHECK_INT(simplify("1/5", "1/5"), 0);
    END_CHECKS();
}

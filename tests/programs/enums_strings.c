/* Enums (explicit values, negative, flags), global arrays of pointers to strings, designated initialisers. */
#include <stdio.h>

enum color { RED, GREEN = 5, BLUE, ALPHA = -3, LAST = 100 };
enum flags { F_READ = 1 << 0, F_WRITE = 1 << 1, F_EXEC = 1 << 2, F_ALL = F_READ | F_WRITE | F_EXEC };
typedef enum { MON, TUE, WED, THU, FRI, SAT, SUN, NDAYS } day;

const char *day_names[NDAYS] = {[MON] = "Monday", [TUE] = "Tuesday", [WED] = "Wednesday", [THU] = "Thursday",
                                [FRI] = "Friday", [SAT] = "Saturday", [SUN] = "Sunday"};
static const char *const planets[] = {"Mercury", "Venus", "Earth", "Mars", "Jupiter", "Saturn", "Uranus", "Neptune", NULL};
const char *messages[4];
static const char *color_name(enum color c) {
    switch (c) { case RED: return "red"; case GREEN: return "green"; case BLUE: return "blue"; case ALPHA: return "alpha"; case LAST: return "last"; }
    return "?";
}
static void perms(unsigned f, char *out) { out[0] = f & F_READ ? 'r' : '-'; out[1] = f & F_WRITE ? 'w' : '-'; out[2] = f & F_EXEC ? 'x' : '-'; out[3] = 0; }
static int is_weekend(day d) { return d == SAT || d == SUN; }

int main(void) {
    enum color cs[] = {RED, GREEN, BLUE, ALPHA, LAST};
    for (int i = 0; i < 5; i++) printf("%s=%d ", color_name(cs[i]), cs[i]);
    printf("\nsizeof(enum color)=%zu\n", sizeof(enum color));
    char p[4];
    for (unsigned f = 0; f <= F_ALL; f++) { perms(f, p); printf("%u:%s ", f, p); }
    printf("\n");
    int weekend = 0;
    for (day d = MON; d < NDAYS; d++) { weekend += is_weekend(d); printf("%s%s ", day_names[d], is_weekend(d) ? "*" : ""); }
    printf("\n");
    int n = 0;
    size_t total = 0;
    for (const char *const *pp = planets; *pp; pp++, n++) { const char *s = *pp; while (*s) s++; total += (size_t)(s - *pp); }
    printf("planets=%d letters=%zu longest=", n, total);
    const char *longest = planets[0];
    for (int i = 1; i < n; i++) { const char *a = planets[i], *b = longest; int la = 0, lb = 0; while (a[la]) la++; while (b[lb]) lb++; if (la > lb) longest = a; }
    printf("%s\n", longest);
    messages[0] = "zero"; messages[1] = planets[2]; messages[2] = day_names[FRI]; messages[3] = color_name(BLUE);
    for (int i = 0; i < 4; i++) printf("msg[%d]=%s\n", i, messages[i]);
    enum color c = GREEN;
    c++;
    printf("GREEN+1=%s\n", color_name(c));
    return weekend + n;
}

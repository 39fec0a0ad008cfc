/* C library functions that translated x86-64 code calls on an ILP32 target (ARM EABI, armel).
 *
 * Read by crt_cc/abi/prototypes.py (libc_prototypes) with cffi's C parser, in addition to the
 * built-in libm long double/float declarations.  In x86-64 code `long`, `size_t` and pointers are
 * 8 bytes, in the native ARM library 4; `long long` and `double` travel in register pairs there.
 * A call to a function declared here is therefore typed: each argument is read from its SysV
 * location and converted (truncated, or an x87 long double rounded to double), and the result is
 * extended as the x86 code expects (sign-extended for `long`, zero-extended for pointers).
 *
 * Only functions whose pointer arguments point to memory that means the same to both sides are
 * listed, or whose pointer-to-pointer/long arguments are single in/out objects that the boundary
 * copies (crt_cc/abi/arm.py OUT_PARAMS: strtol's endptr, getline's buffer and size, time's
 * result).  Functions returning pointers to structures with pointer or long members
 * (localtime, getpwnam, readdir...) are left out on purpose: the translated code reads their
 * int members at the right offsets through the universal mapping, and a prototype would only be
 * refused by the boundary.
 *
 * Types whose size differs are spelled with their C names so the boundary knows them; the
 * typedefs below give the x86-64 (LP64) view, the ARM one comes from ILP32_NARROW.  time_t,
 * clock_t and off_t are `long` on Debian armel (32-bit time, no _FILE_OFFSET_BITS=64).
 */
typedef long time_t;
typedef long clock_t;
typedef long off_t;
typedef int pid_t;
typedef unsigned int useconds_t;
typedef struct { int quot, rem; } div_t;
typedef struct { long quot, rem; } ldiv_t;
typedef struct { long long quot, rem; } lldiv_t;

/* stdio.h (printf/scanf families are typed from their format strings: crt_cc/abi/varargs.py) */
int puts(const char *s);
int putchar(int c);
int fputs(const char *s, FILE *f);
int fputc(int c, FILE *f);
int putc(int c, FILE *f);
int getchar(void);
int fgetc(FILE *f);
int getc(FILE *f);
int ungetc(int c, FILE *f);
char *fgets(char *s, int n, FILE *f);
size_t fread(void *p, size_t size, size_t n, FILE *f);
size_t fwrite(const void *p, size_t size, size_t n, FILE *f);
FILE *fopen(const char *path, const char *mode);
FILE *fdopen(int fd, const char *mode);
FILE *freopen(const char *path, const char *mode, FILE *f);
FILE *fmemopen(void *buf, size_t size, const char *mode);
FILE *tmpfile(void);
int fclose(FILE *f);
int fflush(FILE *f);
int fseek(FILE *f, long off, int whence);
long ftell(FILE *f);
long long ftello64(FILE *f);
int fseeko64(FILE *f, long long off, int whence);
void rewind(FILE *f);
int feof(FILE *f);
int ferror(FILE *f);
void clearerr(FILE *f);
int fileno(FILE *f);
int setvbuf(FILE *f, char *buf, int mode, size_t size);
void setbuf(FILE *f, char *buf);
void perror(const char *s);
int remove(const char *path);
int rename(const char *from, const char *to);
ssize_t getline(char **line, size_t *n, FILE *f);
ssize_t getdelim(char **line, size_t *n, int delim, FILE *f);

/* stdlib.h */
void *malloc(size_t n);
void *calloc(size_t n, size_t size);
void *realloc(void *p, size_t n);
void *reallocarray(void *p, size_t n, size_t size);
void *aligned_alloc(size_t align, size_t n);
void *memalign(size_t align, size_t n);
int posix_memalign(void **p, size_t align, size_t n);
void free(void *p);
int atoi(const char *s);
long atol(const char *s);
long long atoll(const char *s);
double atof(const char *s);
long strtol(const char *s, char **end, int base);
unsigned long strtoul(const char *s, char **end, int base);
long long strtoll(const char *s, char **end, int base);
unsigned long long strtoull(const char *s, char **end, int base);
double strtod(const char *s, char **end);
int abs(int x);
long labs(long x);
long long llabs(long long x);
div_t div(int a, int b);
ldiv_t ldiv(long a, long b);
lldiv_t lldiv(long long a, long long b);
void qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));
void *bsearch(const void *key, const void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));
int rand(void);
void srand(unsigned seed);
int rand_r(unsigned *seed);
long random(void);
void srandom(unsigned seed);
double drand48(void);
void srand48(long seed);
long lrand48(void);
void exit(int status);
void _exit(int status);
void _Exit(int status);
void quick_exit(int status);
void abort(void);
int atexit(void (*fn)(void));
char *getenv(const char *name);
int setenv(const char *name, const char *value, int overwrite);
int unsetenv(const char *name);
int system(const char *cmd);

/* string.h, strings.h */
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t n);
char *strcpy(char *d, const char *s);
char *strncpy(char *d, const char *s, size_t n);
char *stpcpy(char *d, const char *s);
char *stpncpy(char *d, const char *s, size_t n);
char *strcat(char *d, const char *s);
char *strncat(char *d, const char *s, size_t n);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
int strcasecmp(const char *a, const char *b);
int strncasecmp(const char *a, const char *b, size_t n);
int strcoll(const char *a, const char *b);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
char *strchrnul(const char *s, int c);
char *strstr(const char *h, const char *n);
char *strcasestr(const char *h, const char *n);
char *strpbrk(const char *s, const char *set);
size_t strspn(const char *s, const char *set);
size_t strcspn(const char *s, const char *set);
char *strtok(char *s, const char *delim);
char *strtok_r(char *s, const char *delim, char **save);
char *strsep(char **s, const char *delim);
char *strdup(const char *s);
char *strndup(const char *s, size_t n);
char *strerror(int e);
void *memcpy(void *d, const void *s, size_t n);
void *mempcpy(void *d, const void *s, size_t n);
void *memmove(void *d, const void *s, size_t n);
void *memset(void *d, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
void *memchr(const void *s, int c, size_t n);
void *memrchr(const void *s, int c, size_t n);
void *memmem(const void *h, size_t hn, const void *n, size_t nn);
void bzero(void *d, size_t n);
void *__memcpy_chk(void *d, const void *s, size_t n, size_t dn);
void *__memmove_chk(void *d, const void *s, size_t n, size_t dn);
void *__memset_chk(void *d, int c, size_t n, size_t dn);
char *__strcpy_chk(char *d, const char *s, size_t dn);
char *__strcat_chk(char *d, const char *s, size_t dn);
char *__strncpy_chk(char *d, const char *s, size_t n, size_t dn);

/* ctype.h (the classification macros read __ctype_b_loc's table: modulo-2^32 addressing) */
int isalpha(int c);
int isdigit(int c);
int isalnum(int c);
int isspace(int c);
int isupper(int c);
int islower(int c);
int isxdigit(int c);
int ispunct(int c);
int isprint(int c);
int iscntrl(int c);
int isgraph(int c);
int toupper(int c);
int tolower(int c);

/* math.h, double precision (float and long double are in BUILTIN_DECLARATIONS) */
double sqrt(double x);
double fabs(double x);
double floor(double x);
double ceil(double x);
double trunc(double x);
double round(double x);
double rint(double x);
double nearbyint(double x);
double exp(double x);
double exp2(double x);
double expm1(double x);
double log(double x);
double log2(double x);
double log10(double x);
double log1p(double x);
double logb(double x);
double sin(double x);
double cos(double x);
double tan(double x);
double asin(double x);
double acos(double x);
double atan(double x);
double sinh(double x);
double cosh(double x);
double tanh(double x);
double asinh(double x);
double acosh(double x);
double atanh(double x);
double cbrt(double x);
double erf(double x);
double erfc(double x);
double lgamma(double x);
double tgamma(double x);
double pow(double x, double y);
double atan2(double y, double x);
double fmod(double x, double y);
double remainder(double x, double y);
double hypot(double x, double y);
double fmin(double x, double y);
double fmax(double x, double y);
double fdim(double x, double y);
double copysign(double x, double y);
double nextafter(double x, double y);
double fma(double x, double y, double z);
double ldexp(double x, int e);
double scalbn(double x, int e);
double frexp(double x, int *e);
double modf(double x, double *ip);
int ilogb(double x);
long lround(double x);
long long llround(double x);
long lrint(double x);
long long llrint(double x);
double nan(const char *tag);
void sincos(double x, double *s, double *c);
long long llrintl(long double x);
long long llrintf(float x);
long long llroundl(long double x);
long long llroundf(float x);

/* time.h, unistd.h */
time_t time(time_t *t);
clock_t clock(void);
double difftime(time_t a, time_t b);
unsigned sleep(unsigned s);
int usleep(useconds_t us);
ssize_t read(int fd, void *p, size_t n);
ssize_t write(int fd, const void *p, size_t n);
int close(int fd);
off_t lseek(int fd, off_t off, int whence);
pid_t getpid(void);
int isatty(int fd);

/* assert.h, errno.h */
void __assert_fail(const char *expr, const char *file, unsigned line, const char *fn);
int *__errno_location(void);

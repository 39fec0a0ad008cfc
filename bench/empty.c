/* The empty program: its instruction count (dynamic linker, libc start-up) and text size
 * are subtracted from every benchmark built the same way. */
int main(void) { return 0; }

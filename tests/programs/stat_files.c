/* The stat family and open()'s flags on files the program makes itself: struct stat is laid out
 * differently by x86-64 and by AArch64/RISC-V64, i386's large-file struct stat64 differently from
 * ARM's, and O_DIRECTORY/O_NOFOLLOW/O_DIRECT have other bits on AArch64 and ARM than on x86, so
 * translated calls must convert them (crt_cc/lift/libc_compat.py). */
#define _FILE_OFFSET_BITS 64
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void show(const char *what, int rc, const struct stat *sb) {
    if (rc != 0) {
        printf("%s: failed\n", what);
        return;
    }
    printf("%s: size %lld mode %o reg %d dir %d lnk %d nlink %lu blocks>=0 %d blksize>0 %d\n", what,
           S_ISDIR(sb->st_mode) ? 0LL : (long long)sb->st_size, (unsigned)(sb->st_mode & 07777), S_ISREG(sb->st_mode) != 0,
           S_ISDIR(sb->st_mode) != 0, S_ISLNK(sb->st_mode) != 0, (unsigned long)sb->st_nlink,
           sb->st_blocks >= 0, sb->st_blksize > 0);
}

int main(void) {
    char dir[] = "/tmp/crt-stat-XXXXXX";
    if (!mkdtemp(dir)) return 1;
    char file[64], sym[64], hard[64];
    snprintf(file, sizeof file, "%s/data", dir);
    snprintf(sym, sizeof sym, "%s/sym", dir);
    snprintf(hard, sizeof hard, "%s/hard", dir);
    int fd = open(file, O_CREAT | O_WRONLY | O_TRUNC, 0600);
    for (int i = 0; i < 1000; i++) write(fd, "0123456789abcdef", 16);
    chmod(file, 0640);
    symlink("data", sym);
    link(file, hard);

    struct stat sb;
    memset(&sb, 0x55, sizeof sb);
    show("stat", stat(file, &sb), &sb);
    show("fstat", fstat(fd, &sb), &sb);
    show("lstat", lstat(sym, &sb), &sb);
    show("stat via link", stat(sym, &sb), &sb);
    show("dir", stat(dir, &sb), &sb);
    int dfd = open(dir, O_RDONLY | O_DIRECTORY);
    show("fstatat", fstatat(dfd, "data", &sb, 0), &sb);
    show("fstatat nofollow", fstatat(dfd, "sym", &sb, AT_SYMLINK_NOFOLLOW), &sb);
    show("missing", stat("/nonexistent/crt-stat", &sb), &sb);
    struct stat a, b;
    stat(file, &a);
    stat(hard, &b);
    printf("same inode through both links: %d\n", a.st_ino == b.st_ino && a.st_dev == b.st_dev);
    printf("mtime set: %d\n", a.st_mtime > 1000000000);

    int r = open(file, O_RDONLY | O_DIRECTORY);
    printf("O_DIRECTORY on a file: %s\n", r < 0 && errno == ENOTDIR ? "ENOTDIR" : "opened");
    r = open(sym, O_RDONLY | O_NOFOLLOW);
    printf("O_NOFOLLOW on a symlink: %s\n", r < 0 && errno == ELOOP ? "ELOOP" : "opened");
    r = openat(dfd, "sym", O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    printf("openat O_NOFOLLOW on a symlink: %s\n", r < 0 && errno == ELOOP ? "ELOOP" : "opened");
    r = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
    printf("O_DIRECTORY on a directory: %s\n", r >= 0 ? "opened" : "failed");
    if (r >= 0) close(r);
    int afd = open(file, O_WRONLY | O_APPEND | O_NONBLOCK);
    int fl = fcntl(afd, F_GETFL);
    printf("F_GETFL: append %d nonblock %d accmode %d directory %d\n", (fl & O_APPEND) != 0, (fl & O_NONBLOCK) != 0,
           fl & O_ACCMODE, (fl & O_DIRECTORY) != 0);
    fcntl(afd, F_SETFL, fl & ~O_NONBLOCK);
    fl = fcntl(afd, F_GETFL);
    printf("after F_SETFL: append %d nonblock %d\n", (fl & O_APPEND) != 0, (fl & O_NONBLOCK) != 0);
    close(afd);
    close(dfd);
    close(fd);
    unlink(sym);
    unlink(hard);
    unlink(file);
    rmdir(dir);
    return 0;
}

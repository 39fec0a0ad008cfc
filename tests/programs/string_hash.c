/* String hashing: djb2, sdbm, FNV-1a 32/64, MurmurHash3 finalizer, Rabin-Karp substring search. */
#include <stdio.h>
#include <stdint.h>
#include <string.h>

__attribute__((noinline)) static uint32_t djb2(const char *s) { uint32_t h = 5381; int c; while ((c = (unsigned char)*s++)) h = ((h << 5) + h) + (uint32_t)c; return h; }
__attribute__((noinline)) static uint32_t sdbm(const char *s) { uint32_t h = 0; int c; while ((c = (unsigned char)*s++)) h = (uint32_t)c + (h << 6) + (h << 16) - h; return h; }
__attribute__((noinline)) static uint32_t fnv1a32(const char *s) { uint32_t h = 2166136261u; while (*s) { h ^= (unsigned char)*s++; h *= 16777619u; } return h; }
__attribute__((noinline)) static uint64_t fnv1a64(const char *s) { uint64_t h = 14695981039346656037ULL; while (*s) { h ^= (unsigned char)*s++; h *= 1099511628211ULL; } return h; }
__attribute__((noinline)) static uint64_t fmix64(uint64_t k) {
    k ^= k >> 33; k *= 0xff51afd7ed558ccdULL; k ^= k >> 33; k *= 0xc4ceb9fe1a85ec53ULL; k ^= k >> 33; return k;
}
__attribute__((noinline)) static uint32_t murmur32(const unsigned char *data, int len, uint32_t seed) {
    uint32_t h = seed, c1 = 0xcc9e2d51u, c2 = 0x1b873593u;
    int nb = len / 4;
    for (int i = 0; i < nb; i++) {
        uint32_t k; memcpy(&k, data + 4 * i, 4);
        k *= c1; k = (k << 15) | (k >> 17); k *= c2;
        h ^= k; h = (h << 13) | (h >> 19); h = h * 5 + 0xe6546b64u;
    }
    const unsigned char *tail = data + nb * 4;
    uint32_t k1 = 0;
    switch (len & 3) {
    case 3: k1 ^= (uint32_t)tail[2] << 16; /* fallthrough */
    case 2: k1 ^= (uint32_t)tail[1] << 8; /* fallthrough */
    case 1: k1 ^= tail[0]; k1 *= c1; k1 = (k1 << 15) | (k1 >> 17); k1 *= c2; h ^= k1;
    }
    h ^= (uint32_t)len; h ^= h >> 16; h *= 0x85ebca6bu; h ^= h >> 13; h *= 0xc2b2ae35u; h ^= h >> 16;
    return h;
}
static int rabin_karp(const char *text, const char *pat, int *positions, int max) {
    int n = (int)strlen(text), m = (int)strlen(pat), found = 0;
    const uint64_t B = 257, M = 1000000007ULL;
    uint64_t hp = 0, ht = 0, pw = 1;
    if (m > n) return 0;
    for (int i = 0; i < m; i++) { hp = (hp * B + (unsigned char)pat[i]) % M; ht = (ht * B + (unsigned char)text[i]) % M; if (i) pw = pw * B % M; }
    for (int i = 0; i + m <= n; i++) {
        if (hp == ht && !memcmp(text + i, pat, (size_t)m) && found < max) positions[found++] = i;
        if (i + m < n) ht = ((ht + M - (unsigned char)text[i] * pw % M) * B + (unsigned char)text[i + m]) % M;
    }
    return found;
}

int main(void) {
    const char *words[] = {"", "a", "hello", "Hello", "crt-cc", "The quick brown fox jumps over the lazy dog", "\xff\xfe\x80"};
    for (int i = 0; i < 7; i++)
        printf("%-44s djb2=%08x sdbm=%08x fnv32=%08x fnv64=%016llx murmur=%08x\n", words[i], djb2(words[i]), sdbm(words[i]),
               fnv1a32(words[i]), (unsigned long long)fnv1a64(words[i]),
               murmur32((const unsigned char *)words[i], (int)strlen(words[i]), 42));
    for (uint64_t k = 0; k < 4; k++) printf("fmix64(%llu)=%016llx\n", (unsigned long long)k, (unsigned long long)fmix64(k));
    int pos[10];
    int n = rabin_karp("abracadabra abracadabra", "abra", pos, 10);
    printf("found %d:", n);
    for (int i = 0; i < n; i++) printf(" %d", pos[i]);
    printf("\n");
    /* bucket distribution */
    int buckets[16] = {0};
    char key[16];
    for (int i = 0; i < 1000; i++) { snprintf(key, sizeof key, "key%d", i); buckets[fnv1a32(key) & 15]++; }
    for (int i = 0; i < 16; i++) printf("%d ", buckets[i]);
    printf("\n");
    return (int)(djb2("exit") & 0x7f);
}

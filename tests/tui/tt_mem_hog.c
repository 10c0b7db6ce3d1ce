// tt_mem_hog MIB SECONDS: allocates MIB MiB, touches every page (so all of
// it is resident), then sleeps. The live actions test reads its VIRT and RES
// against /proc, signals and renices it.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char** argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: tt_mem_hog MIB SECONDS\n");
        return 2;
    }
    const size_t mib = strtoul(argv[1], NULL, 10);
    const unsigned seconds = (unsigned)strtoul(argv[2], NULL, 10);
    char* p = malloc(mib << 20);
    if (!p) return 1;
    memset(p, 1, mib << 20);
    sleep(seconds);
    return p[mib] == 1 ? 0 : 1;
}

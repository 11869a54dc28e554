// finch-launch: what a kernelspec starts in place of `finch kernel`. It opens the TCP ports of the
// connection file for listening, then replaces itself with the `finch` binary beside it, which
// takes the open sockets over (`FINCH_LISTENING_FDS`, read by FinchKernel's InheritedListeners).
//
// Why: a client connects to the kernel's sockets a few milliseconds after starting it. The
// finch binary needs ~10 ms to load its libraries before it can bind, and a socket not yet bound
// refuses the connection, after which ZeroMQ tries again only after 100-200 ms. This program
// loads nothing but libc and listens within a millisecond or two; connections made before finch
// is ready wait in the system's queue.
//
// It is a shortcut, never a gate: for anything but a TCP connection file with a numeric IPv4
// address and five ports that it can all open, it opens nothing and starts finch as it was asked to, and
// finch reads, checks and binds everything itself (and reports any problem). finch also checks
// each socket it is handed (listening, TCP, the address and port of the connection file) before
// using it.

#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

enum { MAX_FILE = 65536, PORT_COUNT = 5 };

static const char *const PORT_KEYS[PORT_COUNT] = {"shell_port", "iopub_port", "control_port", "stdin_port", "hb_port"};

// The text after `"key"` and its colon in `json`, or NULL. The first such key counts.
static const char *value_of(const char *json, const char *key) {
    char quoted[64];
    snprintf(quoted, sizeof quoted, "\"%s\"", key);
    for (const char *at = strstr(json, quoted); at; at = strstr(at + 1, quoted)) {
        const char *p = at + strlen(quoted);
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') p++;
        if (*p != ':') continue;
        p++;
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') p++;
        return p;
    }
    return NULL;
}

// Copies the JSON string value of `key` (without escapes) into `out`; 0 on success.
static int string_of(const char *json, const char *key, char *out, size_t size) {
    const char *p = value_of(json, key);
    if (!p || *p != '"') return -1;
    p++;
    size_t n = 0;
    while (p[n] && p[n] != '"' && p[n] != '\\') n++;
    if (p[n] != '"' || n + 1 > size) return -1;
    memcpy(out, p, n);
    out[n] = 0;
    return 0;
}

// The integer value of `key` if it is a port number 1...65535, else -1.
static long port_of(const char *json, const char *key) {
    const char *p = value_of(json, key);
    if (!p || *p < '1' || *p > '9') return -1;
    char *end;
    long port = strtol(p, &end, 10);
    return port >= 1 && port <= 65535 && end - p <= 5 ? port : -1;
}

// The connection file named by `--connection-file F` or `--connection-file=F` in `argv`, or NULL.
static const char *connection_file(int argc, char **argv) {
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--connection-file") == 0 && i + 1 < argc) return argv[i + 1];
        if (strncmp(argv[i], "--connection-file=", 18) == 0) return argv[i] + 18;
    }
    return NULL;
}

// Reads at most MAX_FILE - 1 bytes of `path` into `buffer`, NUL-terminated; 0 on success.
static int read_small_file(const char *path, char *buffer) {
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) return -1;
    size_t total = 0;
    ssize_t got;
    while ((got = read(fd, buffer + total, MAX_FILE - 1 - total)) > 0) total += (size_t)got;
    close(fd);
    buffer[total] = 0;
    return got < 0 || total == MAX_FILE - 1 ? -1 : 0;
}

// A listening TCP socket on `address`:`port`, inherited by finch; -1 if it cannot be opened.
static int listen_on(struct in_addr address, long port) {
    struct sockaddr_in bound = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port), .sin_addr = address};
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return -1;
    int yes = 1;
    // As ZeroMQ's own listeners do: a port in TIME_WAIT from the kernel's last run is reusable.
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    if (bind(fd, (struct sockaddr *)&bound, sizeof bound) != 0 || listen(fd, 100) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

// Opens the connection file's five ports and sets FINCH_LISTENING_FDS to `port=fd,…`; opens
// nothing (and sets nothing) unless all five open.
static void listen_early(const char *path) {
    static char json[MAX_FILE];
    char transport[16], ip[64], listing[PORT_COUNT * 16 + 1] = "";
    if (read_small_file(path, json) != 0) return;
    if (string_of(json, "transport", transport, sizeof transport) != 0 || strcmp(transport, "tcp") != 0) return;
    if (string_of(json, "ip", ip, sizeof ip) != 0) return;
    struct in_addr address;
    if (inet_pton(AF_INET, ip, &address) != 1) return;
    long ports[PORT_COUNT];
    int fds[PORT_COUNT], opened = 0;
    for (int i = 0; i < PORT_COUNT; i++) {
        ports[i] = port_of(json, PORT_KEYS[i]);
        if (ports[i] < 0) return;
    }
    for (; opened < PORT_COUNT; opened++) {
        fds[opened] = listen_on(address, ports[opened]);
        if (fds[opened] < 0) break;
        char entry[16];
        snprintf(entry, sizeof entry, "%s%ld=%d", opened ? "," : "", ports[opened], fds[opened]);
        strcat(listing, entry);
    }
    if (opened < PORT_COUNT) {
        while (opened > 0) close(fds[--opened]);
        return;
    }
    setenv("FINCH_LISTENING_FDS", listing, 1);
}

int main(int argc, char **argv) {
    static char finch[4096];
    ssize_t length = readlink("/proc/self/exe", finch, sizeof finch - 7);
    if (length <= 0) {
        fprintf(stderr, "finch-launch: cannot tell where this program is (/proc/self/exe): %s\n", strerror(errno));
        return 127;
    }
    finch[length] = 0;
    char *slash = strrchr(finch, '/');
    strcpy(slash ? slash + 1 : finch, "finch");
    const char *path = argc > 1 && strcmp(argv[1], "kernel") == 0 ? connection_file(argc, argv) : NULL;
    if (path) listen_early(path);
    argv[0] = finch;
    execv(finch, argv);
    fprintf(stderr, "finch-launch: cannot start %s: %s\n", finch, strerror(errno));
    return 127;
}

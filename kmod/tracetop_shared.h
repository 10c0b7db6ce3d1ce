/* Constants the BPF programs (kmod/) and user space (src/capture) agree on.
 * Plain C, no kernel or C++ headers: both sides include it. */
#ifndef TRACETOP_SHARED_H
#define TRACETOP_SHARED_H

/* Bytes of each read/write buffer copied into an event (sysdig's snaplen). */
#define TRACETOP_DEFAULT_SNAPLEN 80

/* Per-CPU ring buffer size in MiB unless --buffer-mb says otherwise. */
#define TRACETOP_DEFAULT_BUFFER_MB 8

/* Largest snaplen the probe honours: keeps every copy inside one event. */
#define TRACETOP_MAX_SNAPLEN 16384

/* An event is built in a per-CPU scratch area of twice this size, so a
 * bounded copy that starts anywhere below the limit stays inside it. */
#define TRACETOP_MAX_EVENT_SIZE 32768

/* Native system-call numbers index the filler program arrays and the
 * routes map; x86_64 numbers stay below this. */
#define TRACETOP_SYSCALL_SLOTS 512

/* How the dispatcher treats a native system call (the routes map): not at
 * all, as a generic syscall event it writes itself, or through the call's
 * own filler program (a tail call). */
#define TRACETOP_ROUTE_OFF 0
#define TRACETOP_ROUTE_GENERIC 1
#define TRACETOP_ROUTE_FILLER 2

/* The routes map's value, by native system-call number. Plain C types: the
 * BPF side and user space each have their own fixed-width names. */
struct tracetop_route {
	unsigned short ppm_sc; /* PPM_SC code for the generic events */
	unsigned char route;   /* TRACETOP_ROUTE_* */
	unsigned char unused;
};

/* Size of the scap v2 event header (ts, tid, len, type, nparams). */
#define TRACETOP_EVENT_HEADER_SIZE 26

#endif

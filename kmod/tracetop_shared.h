/* Constants the BPF programs (kmod/) and user space (src/capture) agree on.
 * Plain C, no kernel or C++ headers: both sides include it. The BPF programs
 * arrive with live capture; until then only the defaults below are shared. */
#ifndef TRACETOP_SHARED_H
#define TRACETOP_SHARED_H

/* Bytes of each read/write buffer copied into an event (sysdig's snaplen). */
#define TRACETOP_DEFAULT_SNAPLEN 80

/* Per-CPU ring buffer size in MiB unless --buffer-mb says otherwise. */
#define TRACETOP_DEFAULT_BUFFER_MB 8

#endif

/* Loads, configures and attaches the kmod/ probe through its libbpf
 * skeleton. A C interface, so C++ code never includes BPF headers and the
 * generated skeleton stays in one C file. */
#ifndef TRACETOP_BPF_PROBE_H
#define TRACETOP_BPF_PROBE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

struct tt_probe_config {
	uint32_t own_tgid;         /* events of this process are skipped in the kernel */
	uint64_t boot_offset_ns;   /* epoch - CLOCK_BOOTTIME, added to every timestamp */
	uint32_t snaplen;          /* I/O bytes copied per event */
	uint32_t ring_bytes;       /* per-CPU ring size, a power of two >= page size */
	int context_switches;      /* also attach sched_switch */
	const uint16_t *ppm_sc;    /* native syscall number -> PPM_SC code */
	uint32_t ppm_sc_count;
	/* Native syscall number -> 1 if its events are wanted (the interest
	 * set), TRACETOP_SYSCALL_SLOTS entries; NULL wants every call. */
	const uint8_t *interest;
	/* Native syscall number -> its name (NULL when unknown): a small
	 * interest set is captured on the calls' own syscalls tracepoints,
	 * which the kernel names after them. */
	const char *const *syscall_names;
};

/* How the probe reaches the system calls it captures. */
enum tt_probe_mode {
	TT_MODE_RAW = 0,         /* raw sys_enter/sys_exit: every call runs the dispatcher */
	TT_MODE_PER_SYSCALL = 1, /* each wanted call's own tracepoints: others run nothing */
};

struct tt_probe;

/* Returns NULL and a one-line reason in err on failure. */
struct tt_probe *tt_probe_open(const struct tt_probe_config *cfg, char *err, size_t errlen);
void tt_probe_close(struct tt_probe *probe);

/* Detaches every program: no new event is written, the rings and counters
 * stay readable until tt_probe_close. */
void tt_probe_detach(struct tt_probe *probe);

/* Rings: one per possible CPU; fd -1 for a CPU without one. */
int tt_probe_cpu_count(const struct tt_probe *probe);
int tt_probe_ring_fd(const struct tt_probe *probe, int cpu);
uint32_t tt_probe_ring_bytes(const struct tt_probe *probe);

/* Events the kernel dropped because a ring was full, all CPUs. */
uint64_t tt_probe_drops(const struct tt_probe *probe);

/* The same per CPU: fills out[0..n) (n at most the CPU count), returns 0. */
int tt_probe_drops_per_cpu(const struct tt_probe *probe, uint64_t *out, int n);

/* The mode tt_probe_open chose for the interest set. */
enum tt_probe_mode tt_probe_mode_of(const struct tt_probe *probe);

/* The filler (and so the event name) of a native system call, NULL for the
 * calls that get the generic events. */
const char *tt_probe_filler_of(uint32_t syscall_nr);

#ifdef __cplusplus
}
#endif

#endif

/* Maps and load-time settings shared by every program in tracetop.bpf.c. */
#ifndef TRACETOP_MAPS_BPF_H
#define TRACETOP_MAPS_BPF_H

#include "tracetop_shared.h"

/* Set by user space before load (read-only afterwards, so the verifier can
 * fold them). */
const volatile __u32 cfg_own_tgid = 0;        /* skip our own process */
const volatile __u64 cfg_boot_offset_ns = 0;  /* epoch - boottime clock */
const volatile __u32 cfg_snaplen = TRACETOP_DEFAULT_SNAPLEN;

/* One ring buffer per CPU; user space sizes the inner maps (--buffer-mb) and
 * the outer array (possible CPUs) before load. */
struct cpu_ring {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 1 << 20);
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY_OF_MAPS);
	__uint(max_entries, 1);
	__type(key, __u32);
	__array(values, struct cpu_ring);
} rings SEC(".maps");

/* Events that found their CPU's ring full, one counter per CPU. */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} drops SEC(".maps");

/* Scratch space where one event is assembled before it is copied into the
 * ring: twice the largest event, so masked offsets never leave it. */
struct scratch_area {
	__u8 data[2 * TRACETOP_MAX_EVENT_SIZE];
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1); /* user space: one slot per possible CPU */
	__type(key, __u32);
	__type(value, struct scratch_area);
} scratch SEC(".maps");

/* Native syscall number -> how the dispatcher handles it: off, written by
 * the dispatcher itself (generic events), or handed to a filler. One lookup
 * answers both "wanted?" and "which PPM_SC code?". */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, TRACETOP_SYSCALL_SLOTS);
	__type(key, __u32);
	__type(value, struct tracetop_route);
} routes SEC(".maps");

/* Threads inside an execveat: a successful one returns through the exit
 * tracepoint as execve (orig_ax is execve's number by then), so the enter
 * leaves a mark for the exit to find. LRU: a mark whose exit never comes
 * (the thread is killed) is evicted in time. */
struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 4096);
	__type(key, __u32);
	__type(value, __u8);
} in_execveat SEC(".maps");

/* Native syscall number -> filler program (tail calls), filled by user space. */
struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, TRACETOP_SYSCALL_SLOTS);
	__type(key, __u32);
	__type(value, __u32);
} enter_fillers SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, TRACETOP_SYSCALL_SLOTS);
	__type(key, __u32);
	__type(value, __u32);
} exit_fillers SEC(".maps");

#endif

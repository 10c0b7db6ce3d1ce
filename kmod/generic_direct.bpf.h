/* System calls without a dedicated event: the generic syscall pair naming
 * the call by its PPM_SC code (scap-format.md §11.1). They are the commonest
 * events and always the same size, so the dispatchers write them straight
 * into the ring: no tail call, no scratch area, no copy. */
#ifndef TRACETOP_GENERIC_DIRECT_BPF_H
#define TRACETOP_GENERIC_DIRECT_BPF_H

#include "event_builder.bpf.h"

/* Header, u16 lengths, then ID and nativeID (enter) or ID (exit): the
 * layouts below write the schema's counts, checked here at compile time. */
#define GENERIC_ENTER_SIZE (EV_HDR + 2 * PPME_SYSCALL_E_NPARAMS + 2 + 2)
#define GENERIC_EXIT_SIZE (EV_HDR + 2 * PPME_SYSCALL_X_NPARAMS + 2)
_Static_assert(PPME_SYSCALL_E_NPARAMS == 2, "the generic enter writes ID and nativeID");
_Static_assert(PPME_SYSCALL_X_NPARAMS == 1, "the generic exit writes ID");

/* This CPU's ring, or NULL (then the event counts as dropped). */
static __always_inline void *this_cpu_ring(void)
{
	__u32 cpu = bpf_get_smp_processor_id();
	return bpf_map_lookup_elem(&rings, &cpu);
}

static __always_inline void put_header(__u8 *rec, __u64 tid, __u32 len, __u16 type, __u32 nparams)
{
	*(__u64 *)(rec + 0) = bpf_ktime_get_boot_ns() + cfg_boot_offset_ns;
	*(__u64 *)(rec + 8) = tid;
	*(__u32 *)(rec + 16) = len;
	*(__u16 *)(rec + 20) = type;
	*(__u32 *)(rec + 22) = nparams;
}

/* A record of `len` bytes reserved in this CPU's ring, its header written;
 * NULL when the ring is full (counted as a drop). Inlined with constant
 * sizes, as bpf_ringbuf_reserve wants. */
static __always_inline __u8 *reserve_generic(__u32 tid, __u32 len, __u16 type, __u32 nparams)
{
	void *ring = this_cpu_ring();
	__u8 *rec = ring ? bpf_ringbuf_reserve(ring, len, 0) : NULL;
	if (!rec) {
		count_drop();
		return NULL;
	}
	put_header(rec, tid, len, type, nparams);
	return rec;
}

static __always_inline int generic_enter(__u32 tid, __u16 ppm_sc, __u16 nr)
{
	__u8 *rec = reserve_generic(tid, GENERIC_ENTER_SIZE, EV(PPME_SYSCALL_E));
	if (!rec)
		return 0;
	*(__u16 *)(rec + EV_HDR) = 2;
	*(__u16 *)(rec + EV_HDR + 2) = 2;
	*(__u16 *)(rec + EV_HDR + 4) = ppm_sc;
	*(__u16 *)(rec + EV_HDR + 6) = nr;
	bpf_ringbuf_submit(rec, TT_SUBMIT_FLAGS);
	return 0;
}

/* sysdig 0.29.3's syscall exit carries only the ID. */
static __always_inline int generic_exit(__u32 tid, __u16 ppm_sc)
{
	__u8 *rec = reserve_generic(tid, GENERIC_EXIT_SIZE, EV(PPME_SYSCALL_X));
	if (!rec)
		return 0;
	*(__u16 *)(rec + EV_HDR) = 2;
	*(__u16 *)(rec + EV_HDR + 2) = ppm_sc;
	bpf_ringbuf_submit(rec, TT_SUBMIT_FLAGS);
	return 0;
}

#endif

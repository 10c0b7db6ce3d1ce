/* Assembles one scap v2 event (scap-format.md §9.1) in the per-CPU scratch
 * area: header, u16 length array, parameters; then copies it into this CPU's
 * ring or counts a drop. Every offset is masked so the verifier can prove it
 * stays inside the scratch area, and every variable copy is bounded. */
#ifndef TRACETOP_EVENT_BUILDER_BPF_H
#define TRACETOP_EVENT_BUILDER_BPF_H

#include "maps.bpf.h"
#include "tracetop_events.h"

#define EV_HALF TRACETOP_MAX_EVENT_SIZE
#define EV_MASK (EV_HALF - 1)
#define EV_HDR TRACETOP_EVENT_HEADER_SIZE

/* Bounds of the variable-length parameters (untrusted sizes). */
#define MAX_PATH_LEN 4096
#define MAX_ARGS_LEN 4096
#define MAX_ENV_LEN 1024
#define MAX_COMM_LEN 16

struct event {
	__u8 *buf;
	__u64 ts;
	__u32 pos;     /* next free byte for parameter data */
	__u32 idx;     /* next parameter index */
	__u32 nparams;
	__u16 type;
};

static __always_inline bool ev_start(struct event *e, __u16 type, __u32 nparams)
{
	__u32 cpu = bpf_get_smp_processor_id();
	e->buf = bpf_map_lookup_elem(&scratch, &cpu);
	if (!e->buf)
		return false;
	e->ts = bpf_ktime_get_boot_ns() + cfg_boot_offset_ns;
	e->type = type;
	e->nparams = nparams;
	e->idx = 0;
	e->pos = EV_HDR + 2 * nparams;
	return true;
}

/* Events are named by the schema (src/event/events.toml): a filler starts
 * ev_begin(&e, PPME_OPENAT_2_X) and the parameter count comes with the name;
 * a helper that gets its type from its caller takes EV(NAME), the pair
 * (type, count), and starts with ev_start(e, type, nparams).
 * kmod/check_fillers.py holds what each filler writes to that count. */
#define EV(NAME) NAME, NAME##_NPARAMS
#define ev_begin(e, NAME) ev_start(e, NAME, NAME##_NPARAMS)

/* The frame of a filler: FILL_BEGIN(NAME) declares the event e and begins it
 * (a filler that finds no scratch area returns), FILL_START(type, nparams)
 * does the same in a helper given EV(NAME), FILL_SUBMIT() sends it and
 * returns. */
#define FILL_BEGIN(NAME) \
	struct event e;  \
	if (!ev_begin(&e, NAME)) \
		return 0
#define FILL_START(type, nparams) \
	struct event e;           \
	if (!ev_start(&e, type, nparams)) \
		return 0
#define FILL_SUBMIT() \
	ev_submit(&e); \
	return 0

/* Records the length of the parameter just written and moves on. */
static __always_inline void ev_commit(struct event *e, __u32 len)
{
	*(__u16 *)(e->buf + ((EV_HDR + 2 * e->idx) & EV_MASK)) = (__u16)len;
	e->idx++;
	e->pos += len;
}

static __always_inline void push_empty(struct event *e) { ev_commit(e, 0); }

static __always_inline void push_u8(struct event *e, __u8 v)
{
	*(__u8 *)(e->buf + (e->pos & EV_MASK)) = v;
	ev_commit(e, 1);
}

static __always_inline void push_u16(struct event *e, __u16 v)
{
	*(__u16 *)(e->buf + (e->pos & EV_MASK)) = v;
	ev_commit(e, 2);
}

static __always_inline void push_u32(struct event *e, __u32 v)
{
	*(__u32 *)(e->buf + (e->pos & EV_MASK)) = v;
	ev_commit(e, 4);
}

static __always_inline void push_u64(struct event *e, __u64 v)
{
	*(__u64 *)(e->buf + (e->pos & EV_MASK)) = v;
	ev_commit(e, 8);
}

/* True when `max` more bytes fit in the event. */
static __always_inline bool ev_room(struct event *e, __u32 max)
{
	return e->pos + max <= EV_HALF;
}

/* A NUL-terminated string from user or kernel memory, bounded. */
static __always_inline void push_str(struct event *e, const void *ptr, bool user)
{
	long n;
	if (!ptr || !ev_room(e, MAX_PATH_LEN)) {
		push_empty(e);
		return;
	}
	if (user)
		n = bpf_probe_read_user_str(e->buf + (e->pos & EV_MASK), MAX_PATH_LEN, ptr);
	else
		n = bpf_probe_read_kernel_str(e->buf + (e->pos & EV_MASK), MAX_PATH_LEN, ptr);
	if (n <= 0 || n > MAX_PATH_LEN) {
		push_empty(e);
		return;
	}
	ev_commit(e, (__u32)n);
}

static __always_inline void push_user_str(struct event *e, const void *uptr) { push_str(e, uptr, true); }
static __always_inline void push_kernel_str(struct event *e, const void *kptr) { push_str(e, kptr, false); }

/* Raw user bytes, at most `limit` (itself at most MAX_ARGS_LEN). */
static __always_inline void push_user_bytes(struct event *e, const void *uptr, __u64 size, __u32 limit)
{
	__u32 n = size > limit ? limit : (__u32)size;
	if (!uptr || n == 0 || !ev_room(e, TRACETOP_MAX_SNAPLEN)) {
		push_empty(e);
		return;
	}
	n &= (TRACETOP_MAX_SNAPLEN - 1) | TRACETOP_MAX_SNAPLEN;
	if (n > TRACETOP_MAX_SNAPLEN)
		n = TRACETOP_MAX_SNAPLEN;
	if (bpf_probe_read_user(e->buf + (e->pos & EV_MASK), n, uptr)) {
		push_empty(e);
		return;
	}
	ev_commit(e, n);
}

/* The I/O payload of read/write-like calls: the first snaplen bytes. */
static __always_inline void push_io_data(struct event *e, const void *uptr, __s64 res)
{
	__u32 snap = cfg_snaplen > TRACETOP_MAX_SNAPLEN ? TRACETOP_MAX_SNAPLEN : cfg_snaplen;
	if (res <= 0) {
		push_empty(e);
		return;
	}
	push_user_bytes(e, uptr, (__u64)res, snap);
}

static __always_inline void count_drop(void)
{
	__u32 zero = 0;
	__u64 *d = bpf_map_lookup_elem(&drops, &zero);
	if (d)
		*d += 1;
}

/* Submit flags of every event. 0 lets the kernel decide: it wakes the
 * ring's readers only for a record written exactly where the reader last
 * said it stands, and the reader says so only before it sleeps
 * (RingConsumer::arm). So an idle reader sleeps until the first event, and
 * a reading one costs the traced programs no wakeup (BPF_RB_NO_WAKEUP left
 * the reader polling ~850 times a second on an idle machine). */
#define TT_SUBMIT_FLAGS 0

/* Writes the header and copies the event into this CPU's ring. */
static __always_inline void ev_submit_as(struct event *e, __u64 tid)
{
	__u32 cpu = bpf_get_smp_processor_id();
	__u32 len = e->pos;
	void *ring;

	if (len > EV_HALF)
		return;
	*(__u64 *)(e->buf + 0) = e->ts;
	*(__u64 *)(e->buf + 8) = tid;
	*(__u32 *)(e->buf + 16) = len;
	*(__u16 *)(e->buf + 20) = e->type;
	*(__u32 *)(e->buf + 22) = e->nparams;
	ring = bpf_map_lookup_elem(&rings, &cpu);
	/* The mask changes nothing (len <= EV_HALF) but bounds len for the
	 * verifier, which may see the test above on a copy of the register;
	 * the barrier keeps the compiler from dropping it as redundant. */
	barrier_var(len);
	len &= 2 * EV_HALF - 1;
	if (!ring || bpf_ringbuf_output(ring, e->buf, len, TT_SUBMIT_FLAGS))
		count_drop();
}

static __always_inline void ev_submit(struct event *e)
{
	ev_submit_as(e, (__u32)bpf_get_current_pid_tgid());
}

#endif

/* The cgroups parameter of clone and exec events, as sysdig's probe writes
 * it: for every cgroup subsystem of the kernel, "name=/path/of/its/cgroup"
 * and a NUL, the path relative to that subsystem's hierarchy ("/" at the
 * root). The name is the v1 (legacy) one, the word /proc/PID/cgroup shows.
 * Bounded: CGROUP_DEPTH components per path, CGROUPS_MAX bytes in all; a
 * deeper path is left out rather than cut, a subsystem that does not fit is
 * dropped whole. */
#ifndef TRACETOP_CGROUPS_BPF_H
#define TRACETOP_CGROUPS_BPF_H

#include "event_builder.bpf.h"

#define CGROUPS_MAX 4096       /* the whole parameter */
#define CGROUP_DEPTH 16        /* components of one path */
#define CGROUP_NAME_MAX 256    /* one component or subsystem name, NUL included */
#define CGROUP_SUBSYS_MAX 16   /* loop bound; the kernel's own count is below */

/* kernfs_node.parent became __parent in 6.15 (an RCU pointer). */
struct kernfs_node___pre615 {
	struct kernfs_node *parent;
} __attribute__((preserve_access_index));

static __always_inline struct kernfs_node *kn_parent(struct kernfs_node *kn)
{
	if (bpf_core_field_exists(kn->__parent))
		return BPF_CORE_READ(kn, __parent);
	return BPF_CORE_READ((struct kernfs_node___pre615 *)kn, parent);
}

/* The state of the walks, shared by the bpf_loop steps below: one callback
 * per level (subsystem, path component), each verified once, instead of
 * every subsystem's copy of the path walk for the verifier to check. It
 * lives in a per-CPU map, not on the stack: values loaded from a map are
 * unknown to the verifier, so it checks each step once instead of following
 * every count the walk could reach (which made loading the probe slower). */
struct cg_walk {
	struct css_set *cset;
	struct kernfs_node *kn; /* the component reached by the upward walk */
	__u32 count;  /* the kernel's CGROUP_SUBSYS_COUNT */
	__u32 base;   /* the parameter's first byte in the event */
	__u32 len;    /* bytes of the parameter kept so far */
	__u32 at;     /* bytes written, the entry being built included */
	__u32 depth;  /* components found above the leaf */
	int outcome;  /* upward walk: 0 walking, 1 at the root, -1 failed */
	struct kernfs_node *chain[CGROUP_DEPTH]; /* the path's components, leaf first */
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct cg_walk);
} cg_walks SEC(".maps");

static __always_inline struct cg_walk *cg_walk_state(void)
{
	__u32 zero = 0;
	return bpf_map_lookup_elem(&cg_walks, &zero);
}

static __always_inline __u8 *cg_event_buf(void)
{
	__u32 cpu = bpf_get_smp_processor_id();
	return bpf_map_lookup_elem(&scratch, &cpu);
}

/* Appends a kernel string at the walk's write point, without its NUL; false
 * when it did not fit or could not be read. */
static __always_inline bool cg_append(struct cg_walk *w, __u8 *buf, const char *s)
{
	__u32 at = w->at;
	long n;
	if (at + CGROUP_NAME_MAX > CGROUPS_MAX)
		return false;
	n = bpf_probe_read_kernel_str(buf + ((w->base + at) & EV_MASK), CGROUP_NAME_MAX, s);
	if (n <= 0)
		return false;
	w->at = at + (__u32)n - 1;
	return true;
}

static __always_inline bool cg_put(struct cg_walk *w, __u8 *buf, char c)
{
	__u32 at = w->at;
	if (at + 1 > CGROUPS_MAX)
		return false;
	*(char *)(buf + ((w->base + at) & EV_MASK)) = c;
	w->at = at + 1;
	return true;
}

/* One level up; the hierarchy's root ends the walk, its name is not part
 * of the path. */
static long cg_up_step(__u32 i, void *ctx)
{
	struct cg_walk *w = cg_walk_state();
	struct kernfs_node *kn, *up;
	__u32 d;

	if (!w)
		return 1;
	kn = w->kn;
	d = w->depth;
	if (!kn) {
		w->outcome = -1;
		return 1;
	}
	up = kn_parent(kn);
	if (!up) {
		w->outcome = 1;
		return 1;
	}
	if (d >= CGROUP_DEPTH) {
		w->outcome = -1; /* deeper than we walk: left out */
		return 1;
	}
	w->chain[d & (CGROUP_DEPTH - 1)] = kn;
	w->depth = d + 1;
	w->kn = up;
	return 0;
}

/* "/component", top first. */
static long cg_name_step(__u32 i, void *ctx)
{
	struct cg_walk *w = cg_walk_state();
	__u8 *buf = cg_event_buf();
	struct kernfs_node *kn;
	__u32 d;

	if (!w)
		return 1;
	d = w->depth;
	if (i >= d)
		return 1;
	if (!buf) {
		w->outcome = -1;
		return 1;
	}
	kn = w->chain[(d - 1 - i) & (CGROUP_DEPTH - 1)];
	if (!cg_put(w, buf, '/') || !cg_append(w, buf, BPF_CORE_READ(kn, name))) {
		w->outcome = -1;
		return 1;
	}
	return 0;
}

/* "name=/a/b\0" for subsystem i's cgroup, after the entries kept so far. */
static long cg_subsys_step(__u32 i, void *ctx)
{
	struct cg_walk *w = cg_walk_state();
	struct css_set *cset; /* a local copy: CO-RE reads must start from kernel types */
	struct cgroup_subsys_state *css;
	const char *ss_name;
	__u8 *buf = cg_event_buf();

	if (!w || !buf || i >= w->count || i >= CGROUP_SUBSYS_MAX)
		return 1;
	cset = w->cset;
	css = BPF_CORE_READ(cset, subsys[i & (CGROUP_SUBSYS_MAX - 1)]);
	if (!css)
		return 0;
	ss_name = BPF_CORE_READ(css, ss, legacy_name);
	w->kn = BPF_CORE_READ(css, cgroup, kn);
	w->depth = 0;
	w->outcome = 0;
	bpf_loop(CGROUP_DEPTH + 1, cg_up_step, NULL, 0);
	if (w->outcome != 1 || !ss_name)
		return 0;
	w->at = w->len;
	if (!cg_append(w, buf, ss_name) || !cg_put(w, buf, '='))
		return 0;
	if (w->depth == 0 && !cg_put(w, buf, '/'))
		return 0;
	w->outcome = 0;
	bpf_loop(w->depth, cg_name_step, NULL, 0);
	if (w->outcome < 0 || !cg_put(w, buf, 0))
		return 0;
	w->len = w->at;
	return 0;
}

static __always_inline void push_cgroups(struct event *e, struct task_struct *t)
{
	struct cg_walk *w = cg_walk_state();
	__u32 len;

	if (!w || !ev_room(e, CGROUPS_MAX)) {
		push_empty(e);
		return;
	}
	w->cset = BPF_CORE_READ(t, cgroups);
	w->count = bpf_core_enum_value(enum cgroup_subsys_id, CGROUP_SUBSYS_COUNT);
	w->base = e->pos;
	w->len = 0;
	if (!w->cset) {
		push_empty(e);
		return;
	}
	bpf_loop(CGROUP_SUBSYS_MAX, cg_subsys_step, NULL, 0);
	len = w->len;
	if (len > CGROUPS_MAX)
		len = 0; /* cannot happen: every append checks; keeps the event sane */
	ev_commit(e, len);
}

#endif

/* The working directory of a task, for the cwd parameter of clone and exec
 * events: the dentry chain of task->fs->pwd walked up to the root, crossing
 * mount points, and written backwards into a per-CPU area, then copied into
 * the event. Bounded: at most CWD_DEPTH components and CWD_MAX bytes; a
 * deeper or longer path is cut at its top (the reader sees an empty cwd
 * rather than a wrong one). */
#ifndef TRACETOP_CWD_BPF_H
#define TRACETOP_CWD_BPF_H

#include "event_builder.bpf.h"

#define CWD_MAX 4096    /* bytes of a path, NUL included (PATH_MAX) */
#define CWD_DEPTH 40    /* components walked */
#define NAME_MAX_LEN 255

/* Three times CWD_MAX: the path is built in the first CWD_MAX bytes, and a
 * masked copy that starts there and has a masked length stays inside. */
struct cwd_area {
	char data[3 * CWD_MAX];
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct cwd_area);
} cwd_scratch SEC(".maps");

/* The walk's state between steps of bpf_loop (one callback, verified once,
 * instead of CWD_DEPTH copies of the step for the verifier to check). */
struct cwd_walk {
	struct dentry *d;
	struct mount *mnt;
	__u32 start;     /* first byte of the path built so far */
	int outcome;     /* 0 walking, 1 reached the root, -1 failed */
};

/* One step up: a mount crossing or one component written before start. */
static long cwd_step(__u32 i, void *ctx)
{
	struct cwd_walk *w = ctx;
	__u32 zero = 0, len, start;
	struct cwd_area *a = bpf_map_lookup_elem(&cwd_scratch, &zero);
	/* Local copies: CO-RE reads must start from kernel types. */
	struct dentry *d = w->d, *parent;
	struct mount *mnt = w->mnt, *up;
	struct qstr name = {};

	if (!a) {
		w->outcome = -1;
		return 1;
	}
	if (d == BPF_CORE_READ(mnt, mnt.mnt_root)) {
		/* At the root of a mount: continue from where it is mounted,
		 * unless this is the root of the whole tree. */
		up = BPF_CORE_READ(mnt, mnt_parent);
		if (!up || up == mnt) {
			w->outcome = 1;
			return 1;
		}
		w->d = BPF_CORE_READ(mnt, mnt_mountpoint);
		w->mnt = up;
		return 0;
	}
	parent = BPF_CORE_READ(d, d_parent);
	if (!parent || parent == d) {
		w->outcome = 1; /* a detached tree: what we have is all there is */
		return 1;
	}
	bpf_core_read(&name, sizeof(name), &d->d_name);
	len = name.len;
	start = w->start;
	if (len == 0 || len > NAME_MAX_LEN || len + 1 > start) {
		w->outcome = -1;
		return 1;
	}
	start = (start - len - 1) & (CWD_MAX - 1);
	a->data[start] = '/';
	if (bpf_probe_read_kernel(&a->data[(start + 1) & (CWD_MAX - 1)], len & NAME_MAX_LEN, name.name)) {
		w->outcome = -1;
		return 1;
	}
	w->start = start;
	w->d = parent;
	return 0;
}

/* Builds the path backwards ending at CWD_MAX - 1 (the NUL) and returns its
 * first byte's offset, or CWD_MAX when it cannot be resolved. */
static __always_inline __u32 build_cwd(struct cwd_area *a, struct task_struct *t)
{
	struct path pwd = {};
	struct fs_struct *fs = BPF_CORE_READ(t, fs);
	struct cwd_walk w = {};

	if (!fs || bpf_core_read(&pwd, sizeof(pwd), &fs->pwd) || !pwd.dentry || !pwd.mnt)
		return CWD_MAX;
	a->data[CWD_MAX - 1] = 0;
	w.d = pwd.dentry;
	w.mnt = container_of(pwd.mnt, struct mount, mnt);
	w.start = CWD_MAX - 1;
	bpf_loop(CWD_DEPTH, cwd_step, &w, 0);
	if (w.outcome != 1)
		return CWD_MAX; /* failed, or deeper than CWD_DEPTH */
	if (w.start >= CWD_MAX - 1)
		return CWD_MAX - 2; /* the root directory itself: written below */
	return w.start;
}

static __always_inline void push_cwd(struct event *e, struct task_struct *t)
{
	__u32 zero = 0, start, len;
	struct cwd_area *a = bpf_map_lookup_elem(&cwd_scratch, &zero);

	if (!a || !ev_room(e, CWD_MAX)) {
		push_empty(e);
		return;
	}
	start = build_cwd(a, t);
	if (start >= CWD_MAX) {
		push_empty(e);
		return;
	}
	if (start == CWD_MAX - 2)
		a->data[CWD_MAX - 2] = '/';
	len = CWD_MAX - start; /* the NUL included */
	barrier_var(len);
	len &= 2 * CWD_MAX - 1;
	if (bpf_probe_read_kernel(e->buf + (e->pos & EV_MASK), len, &a->data[start & (CWD_MAX - 1)])) {
		push_empty(e);
		return;
	}
	ev_commit(e, len);
}

#endif

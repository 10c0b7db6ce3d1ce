/* Reads of the current task the fillers share: fds, memory counters, ids.
 * Everything goes through CO-RE reads, so field moves between kernels are
 * relocated at load time. */
#ifndef TRACETOP_TASK_BPF_H
#define TRACETOP_TASK_BPF_H

#include "event_builder.bpf.h"

#define L_S_IFMT 00170000
#define L_S_IFSOCK 0140000

static __always_inline struct file *fd_to_file(struct task_struct *t, __s64 fd)
{
	struct fdtable *fdt = BPF_CORE_READ(t, files, fdt);
	struct file **fds;
	struct file *f = NULL;

	if (!fdt || fd < 0 || fd >= BPF_CORE_READ(fdt, max_fds))
		return NULL;
	fds = BPF_CORE_READ(fdt, fd);
	if (!fds)
		return NULL;
	bpf_probe_read_kernel(&f, sizeof(f), &fds[fd & 0xFFFFFF]);
	return f;
}

static __always_inline struct file *current_fd_file(__s64 fd)
{
	return fd_to_file(bpf_get_current_task_btf(), fd);
}

/* The socket behind an fd, or NULL when the fd is not a socket. */
static __always_inline struct socket *fd_to_socket(__s64 fd)
{
	struct file *f = current_fd_file(fd);
	umode_t mode;
	if (!f)
		return NULL;
	mode = BPF_CORE_READ(f, f_inode, i_mode);
	if ((mode & L_S_IFMT) != L_S_IFSOCK)
		return NULL;
	return BPF_CORE_READ(f, private_data);
}

static __always_inline __u32 file_dev(struct file *f)
{
	if (!f)
		return 0;
	return scap_dev(BPF_CORE_READ(f, f_inode, i_sb, s_dev));
}

/* Memory of the current process in KiB (scap vm_size/vm_rss/vm_swap). */
struct vm_counts {
	__u32 size_kb, rss_kb, swap_kb;
};

static __always_inline __s64 mm_counter(struct mm_struct *mm, int i)
{
	struct percpu_counter c = {};
	bpf_core_read(&c, sizeof(c), &mm->rss_stat[i & 3]);
	return c.count > 0 ? c.count : 0;
}

static __always_inline struct vm_counts task_vm(struct task_struct *t)
{
	struct vm_counts v = {};
	struct mm_struct *mm = BPF_CORE_READ(t, mm);
	/* Pages of 4 KiB on x86_64. */
	if (!mm)
		return v;
	v.size_kb = BPF_CORE_READ(mm, total_vm) << 2;
	/* rss = file + anon + shmem pages; swap entries counted apart. */
	v.rss_kb = (mm_counter(mm, 0) + mm_counter(mm, 1) + mm_counter(mm, 3)) << 2;
	v.swap_kb = mm_counter(mm, 2) << 2;
	return v;
}

static __always_inline void push_vm(struct event *e, struct task_struct *t)
{
	struct vm_counts v = task_vm(t);
	push_u32(e, v.size_kb);
	push_u32(e, v.rss_kb);
	push_u32(e, v.swap_kb);
}

/* The id of a struct pid as seen from its own (innermost) namespace. */
static __always_inline __s64 pid_in_own_ns(struct pid *p)
{
	unsigned int level;
	struct upid up = {};
	if (!p)
		return 0;
	level = BPF_CORE_READ(p, level);
	bpf_core_read(&up, sizeof(up), &p->numbers[level & 31]);
	return up.nr;
}

#endif

// SPDX-License-Identifier: GPL-2.0
/* tracetop's probe. Two ways in, user space picks one at load time (the
 * interest set, src/engine/syscall_interest.h): for a large set, two
 * dispatchers on the raw syscall tracepoints look up the system call's route
 * and either write its generic event themselves or tail-call its filler; for
 * a small set, each wanted call's own syscalls tracepoints run its filler
 * (or the shared generic program) directly, and other calls run no program
 * at all. Each family of fillers lives in its own header. Scheduler and
 * signal tracepoints write their own events. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

#include "event_builder.bpf.h"
#include "flags.bpf.h"
#include "task.bpf.h"
#include "sockets.bpf.h"
#include "generic_direct.bpf.h"
#include "cwd.bpf.h"
#include "cgroups.bpf.h"

char LICENSE[] SEC("license") = "GPL";

/* thread_info.status bit of a task in a 32-bit system call: its numbers are
 * the i386 table's, which our routes do not describe. */
#define L_TS_COMPAT 0x0002

/* The route of a native system call, or NULL when it is out of range. The
 * array lookup is inlined by the verifier: no helper call. */
static __always_inline struct tracetop_route *route_of(long id)
{
	__u32 nr = (__u32)id;
	if (id < 0 || id >= TRACETOP_SYSCALL_SLOTS)
		return NULL;
	return bpf_map_lookup_elem(&routes, &nr);
}

/* Our own process, and tasks in a 32-bit system call, are not traced. */
static __always_inline bool skip_task(struct task_struct *t)
{
	return t->tgid == cfg_own_tgid || (t->thread_info.status & L_TS_COMPAT) != 0;
}

/* The route of a wanted call made by a traced task (*t), else NULL.
 * Cheapest test first: the route (an inlined array load), then who runs.
 * The task pointer is trusted BTF: its tgid, pid and status are plain loads,
 * so one helper call answers everything bpf_get_current_pid_tgid would. */
static __always_inline struct tracetop_route *wanted_route(long id, struct task_struct **t)
{
	struct tracetop_route *r = route_of(id);
	if (!r || r->route == TRACETOP_ROUTE_OFF)
		return NULL;
	*t = bpf_get_current_task_btf();
	return skip_task(*t) ? NULL : r;
}

SEC("tp_btf/sys_enter")
int BPF_PROG(tt_sys_enter, struct pt_regs *regs, long id)
{
	struct task_struct *t;
	struct tracetop_route *r = wanted_route(id, &t);
	if (!r)
		return 0;
	if (r->route == TRACETOP_ROUTE_GENERIC)
		return generic_enter((__u32)t->pid, r->ppm_sc, (__u16)id);
	bpf_tail_call(ctx, &enter_fillers, (__u32)id);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(tt_sys_exit, struct pt_regs *regs, long ret)
{
	long id = regs->orig_ax;
	struct task_struct *t;
	struct tracetop_route *r = wanted_route(id, &t);
	if (!r)
		return 0;
	if (r->route == TRACETOP_ROUTE_GENERIC)
		return generic_exit((__u32)t->pid, r->ppm_sc);
	bpf_tail_call(ctx, &exit_fillers, (__u32)id);
	return 0;
}

/* The records of the syscalls:sys_enter_NAME / sys_exit_NAME tracepoints
 * (their format files): the common header, the call's number, then its six
 * arguments or its result. */
struct tt_syscall_enter_ctx {
	__u64 common;
	int nr;
	unsigned long args[6];
};

struct tt_syscall_exit_ctx {
	__u64 common;
	int nr;
	long ret;
};

/* Per-syscall mode: set by user space once every tracepoint is attached and
 * cleared before any is detached. Links come and go one at a time, and an
 * event seen while the call that made its thread or fd is not (yet, or any
 * more) would reach the model without them; the flag makes the set start and
 * stop at once. */
volatile __u32 tt_capturing = 0;

/* The registers the task entered the kernel with: a system call's arguments
 * stay there until it returns. */
static __always_inline struct pt_regs *user_regs(struct task_struct *t)
{
	return (struct pt_regs *)bpf_task_pt_regs(t);
}

/* Calls without a filler, in the per-syscall mode: one program each way,
 * attached to every such call's tracepoint, naming the call by the number
 * the tracepoint carries. */
SEC("tracepoint")
int tt_generic_te(struct tt_syscall_enter_ctx *ctx)
{
	struct task_struct *t;
	struct tracetop_route *r = tt_capturing ? wanted_route(ctx->nr, &t) : NULL;
	return r ? generic_enter((__u32)t->pid, r->ppm_sc, (__u16)ctx->nr) : 0;
}

SEC("tracepoint")
int tt_generic_tx(struct tt_syscall_exit_ctx *ctx)
{
	struct task_struct *t;
	struct tracetop_route *r = tt_capturing ? wanted_route(ctx->nr, &t) : NULL;
	return r ? generic_exit((__u32)t->pid, r->ppm_sc) : 0;
}

/* Each filler body is an inline function of (regs, id) for enter and
 * (regs, ret) for exit, wrapped twice: a program the raw dispatchers
 * tail-call (tp_btf, their context unchanged), and a program attached to the
 * call's own syscalls:sys_enter_NAME / sys_exit_NAME tracepoint when the
 * interest set is small (tail calls cannot cross program kinds). User space
 * loads one kind only. Both read the arguments from the task's saved user
 * registers: the per-syscall exit tracepoint carries no arguments, and a
 * child's first return from clone has no enter to take them from. */
#define TWO_KIND_FILLER(body, raw_prog, raw_sec, tp_prog, tp_ctx, second, from_ctx)  \
	static __always_inline int body(struct pt_regs *regs, long second);          \
	SEC(raw_sec) int BPF_PROG(raw_prog, struct pt_regs *regs, long second)       \
	{                                                                            \
		return body(regs, second);                                           \
	}                                                                            \
	SEC("tracepoint") int tp_prog(struct tp_ctx *ctx)                            \
	{                                                                            \
		struct task_struct *t;                                               \
		if (!tt_capturing)                                                   \
			return 0;                                                    \
		t = bpf_get_current_task_btf();                                      \
		if (skip_task(t))                                                    \
			return 0;                                                    \
		return body(user_regs(t), ctx->from_ctx);                            \
	}                                                                            \
	static __always_inline int body(struct pt_regs *regs, long second)

#define ENTER_FILLER(name) \
	TWO_KIND_FILLER(name##_enter_fill, name##_e, "tp_btf/sys_enter", name##_te, tt_syscall_enter_ctx, id, nr)
#define EXIT_FILLER(name) \
	TWO_KIND_FILLER(name##_exit_fill, name##_x, "tp_btf/sys_exit", name##_tx, tt_syscall_exit_ctx, ret, ret)

/* System call arguments in x86_64 order. */
#define ARG0 (regs->di)
#define ARG1 (regs->si)
#define ARG2 (regs->dx)
#define ARG3 (regs->r10)
#define ARG4 (regs->r8)
#define ARG5 (regs->r9)

#include "fill_file.bpf.h"
#include "fill_net.bpf.h"
#include "fill_process.bpf.h"
#include "fill_memory.bpf.h"
#include "fill_signals.bpf.h"
#include "fill_wait.bpf.h"
#include "sched.bpf.h"

// SPDX-License-Identifier: GPL-2.0
/* tracetop's probe: two dispatchers on the raw syscall tracepoints look up
 * the system call's route and either write its generic event themselves or
 * tail-call its filler; each family of fillers lives in its own header.
 * Scheduler and signal tracepoints write their own events. */
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

char LICENSE[] SEC("license") = "GPL";

/* thread_info.status bit of a task in a 32-bit system call: its numbers are
 * the i386 table's, which our routes do not describe. */
#define L_TS_COMPAT 0x0002

/* The route of a native system call, or NULL when it is out of range. The
 * array lookup is inlined by the verifier: no helper call. */
static __always_inline struct syscall_route *route_of(long id)
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

/* Cheapest test first: the route (an inlined array load), then who runs.
 * The task pointer is trusted BTF: its tgid, pid and status are plain loads,
 * so one helper call answers everything bpf_get_current_pid_tgid would. */
SEC("tp_btf/sys_enter")
int BPF_PROG(tt_sys_enter, struct pt_regs *regs, long id)
{
	struct syscall_route *r = route_of(id);
	struct task_struct *t;
	if (!r || r->route == TRACETOP_ROUTE_OFF)
		return 0;
	t = bpf_get_current_task_btf();
	if (skip_task(t))
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
	struct syscall_route *r = route_of(id);
	struct task_struct *t;
	if (!r || r->route == TRACETOP_ROUTE_OFF)
		return 0;
	t = bpf_get_current_task_btf();
	if (skip_task(t))
		return 0;
	if (r->route == TRACETOP_ROUTE_GENERIC)
		return generic_exit((__u32)t->pid, r->ppm_sc);
	bpf_tail_call(ctx, &exit_fillers, (__u32)id);
	return 0;
}

/* Fillers receive the dispatcher's context unchanged. */
#define ENTER_FILLER(name) \
	SEC("tp_btf/sys_enter") int BPF_PROG(name##_e, struct pt_regs *regs, long id)
#define EXIT_FILLER(name) \
	SEC("tp_btf/sys_exit") int BPF_PROG(name##_x, struct pt_regs *regs, long ret)

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
#include "sched.bpf.h"

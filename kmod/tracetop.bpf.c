// SPDX-License-Identifier: GPL-2.0
/* tracetop's probe: two dispatchers on the raw syscall tracepoints look up
 * the system call and tail-call its filler; each family of fillers lives in
 * its own header. Scheduler and signal tracepoints write their own events. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

#include "event_builder.bpf.h"
#include "flags.bpf.h"
#include "task.bpf.h"
#include "sockets.bpf.h"

char LICENSE[] SEC("license") = "GPL";

/* thread_info.status bit of a task in a 32-bit system call: its numbers are
 * the i386 table's, which our filler arrays do not describe. */
#define L_TS_COMPAT 0x0002

static __always_inline bool skip_current(void)
{
	struct task_struct *t;
	if ((bpf_get_current_pid_tgid() >> 32) == cfg_own_tgid)
		return true;
	t = bpf_get_current_task_btf();
	/* A trusted BTF pointer: a direct load, no probe-read helper call. */
	return (t->thread_info.status & L_TS_COMPAT) != 0;
}

static __always_inline bool interesting(__u32 nr)
{
	__u8 *on = bpf_map_lookup_elem(&interest, &nr);
	return on && *on;
}

SEC("tp_btf/sys_enter")
int BPF_PROG(tt_sys_enter, struct pt_regs *regs, long id)
{
	if (id < 0 || id >= TRACETOP_SYSCALL_SLOTS || skip_current() || !interesting((__u32)id))
		return 0;
	bpf_tail_call(ctx, &enter_fillers, (__u32)id);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(tt_sys_exit, struct pt_regs *regs, long ret)
{
	long id = regs->orig_ax;
	if (id < 0 || id >= TRACETOP_SYSCALL_SLOTS || skip_current() || !interesting((__u32)id))
		return 0;
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

#include "fill_generic.bpf.h"
#include "fill_file.bpf.h"
#include "fill_net.bpf.h"
#include "fill_process.bpf.h"
#include "fill_memory.bpf.h"
#include "fill_signals.bpf.h"
#include "sched.bpf.h"

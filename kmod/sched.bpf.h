/* Scheduler and signal tracepoints: thread exit (procexit), signal
 * delivery (signaldeliver) and, on request, context switches (switch). */

SEC("tp_btf/sched_process_exit")
int BPF_PROG(tt_proc_exit, struct task_struct *p)
{
	struct event e;
	__s64 code;
	if ((bpf_get_current_pid_tgid() >> 32) == cfg_own_tgid)
		return 0;
	if (!ev_begin(&e, PPME_PROCEXIT_2_E))
		return 0;
	/* exit_code packs the wait status: exit status << 8 | signal | core. */
	code = BPF_CORE_READ(p, exit_code);
	push_u64(&e, code);
	push_u64(&e, (code >> 8) & 0xff);
	push_u8(&e, code & 0x7f);
	push_u8(&e, (code & 0x80) ? 1 : 0);
	FILL_SUBMIT();
}

/* si_code values (include/uapi/asm-generic/siginfo.h). */
#define L_SI_USER 0
#define L_SI_QUEUE (-1)
#define L_SI_MESGQ (-3)
#define L_SI_TKILL (-6)
#define L_SIGCHLD 17

/* Whether the siginfo's first union field is a process id: for signals a
 * process sent (kill, tkill/tgkill, sigqueue, a message queue's notice), and
 * for SIGCHLD, whose siginfo names the child. Signals the kernel raises
 * itself (faults such as SIGSEGV, SI_KERNEL, timers, I/O) keep an address,
 * a timer id or nothing there: their sender is 0. */
static __always_inline bool siginfo_names_sender(int sig, int code)
{
	if (code == L_SI_USER || code == L_SI_QUEUE || code == L_SI_MESGQ || code == L_SI_TKILL)
		return true;
	return sig == L_SIGCHLD && code > 0;
}

SEC("tp_btf/signal_deliver")
int BPF_PROG(tt_signal_deliver, int sig, struct kernel_siginfo *info)
{
	struct event e;
	__s64 sender = 0;
	if ((bpf_get_current_pid_tgid() >> 32) == cfg_own_tgid)
		return 0;
	if (!ev_begin(&e, PPME_SIGNALDELIVER_E))
		return 0;
	if (info && siginfo_names_sender(sig, BPF_CORE_READ(info, si_code)))
		sender = BPF_CORE_READ(info, _sifields._kill._pid);
	push_u64(&e, sender);
	push_u64(&e, (__u32)bpf_get_current_pid_tgid());
	push_u8(&e, (__u8)sig);
	FILL_SUBMIT();
}

SEC("tp_btf/sched_switch")
int BPF_PROG(tt_sched_switch, bool preempt, struct task_struct *prev, struct task_struct *next)
{
	struct event e;
	if (BPF_CORE_READ(prev, tgid) == cfg_own_tgid)
		return 0;
	if (!ev_begin(&e, PPME_SWITCH_2_E))
		return 0;
	push_u64(&e, BPF_CORE_READ(next, pid));
	push_u64(&e, BPF_CORE_READ(prev, maj_flt));
	push_u64(&e, BPF_CORE_READ(prev, min_flt));
	push_vm(&e, prev);
	ev_submit_as(&e, BPF_CORE_READ(prev, pid));
	return 0;
}

/* Signals sent by system calls; delivery is traced in sched.bpf.h. */

/* pid (or tid), sig: the enter of kill and tkill. */
static __always_inline int kill_enter(struct pt_regs *regs, __u16 type, __u32 nparams)
{
	FILL_START(type, nparams);
	push_u64(&e, (__s64)(int)ARG0);
	push_u8(&e, (__u8)ARG1);
	FILL_SUBMIT();
}

ENTER_FILLER(kill) { return kill_enter(regs, EV(PPME_KILL_E)); }
EXIT_RES(kill, PPME_KILL_X)
ENTER_FILLER(tkill) { return kill_enter(regs, EV(PPME_TKILL_E)); }
EXIT_RES(tkill, PPME_TKILL_X)

ENTER_FILLER(tgkill)
{
	FILL_BEGIN(PPME_TGKILL_E);
	push_u64(&e, (__s64)(int)ARG0);
	push_u64(&e, (__s64)(int)ARG1);
	push_u8(&e, (__u8)ARG2);
	FILL_SUBMIT();
}
EXIT_RES(tgkill, PPME_TGKILL_X)

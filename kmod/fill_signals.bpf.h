/* Signals sent by system calls; delivery is traced in sched.bpf.h. */

ENTER_FILLER(kill)
{
	struct event e;
	if (!ev_begin(&e, PPME_KILL_E))
		return 0;
	push_u64(&e, (__s64)(int)ARG0);
	push_u8(&e, (__u8)ARG1);
	ev_submit(&e);
	return 0;
}
EXIT_RES(kill, PPME_KILL_X)

ENTER_FILLER(tkill)
{
	struct event e;
	if (!ev_begin(&e, PPME_TKILL_E))
		return 0;
	push_u64(&e, (__s64)(int)ARG0);
	push_u8(&e, (__u8)ARG1);
	ev_submit(&e);
	return 0;
}
EXIT_RES(tkill, PPME_TKILL_X)

ENTER_FILLER(tgkill)
{
	struct event e;
	if (!ev_begin(&e, PPME_TGKILL_E))
		return 0;
	push_u64(&e, (__s64)(int)ARG0);
	push_u64(&e, (__s64)(int)ARG1);
	push_u8(&e, (__u8)ARG2);
	ev_submit(&e);
	return 0;
}
EXIT_RES(tgkill, PPME_TGKILL_X)

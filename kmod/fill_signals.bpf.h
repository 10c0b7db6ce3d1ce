/* Signals sent by system calls; delivery is traced in sched.bpf.h. */

ENTER_FILLER(kill)
{
	struct event e;
	if (!ev_begin(&e, 128, 2))
		return 0;
	push_u64(&e, (__s64)(int)ARG0);
	push_u8(&e, (__u8)ARG1);
	ev_submit(&e);
	return 0;
}
EXIT_RES(kill, 129)

ENTER_FILLER(tkill)
{
	struct event e;
	if (!ev_begin(&e, 130, 2))
		return 0;
	push_u64(&e, (__s64)(int)ARG0);
	push_u8(&e, (__u8)ARG1);
	ev_submit(&e);
	return 0;
}
EXIT_RES(tkill, 131)

ENTER_FILLER(tgkill)
{
	struct event e;
	if (!ev_begin(&e, 132, 3))
		return 0;
	push_u64(&e, (__s64)(int)ARG0);
	push_u64(&e, (__s64)(int)ARG1);
	push_u8(&e, (__u8)ARG2);
	ev_submit(&e);
	return 0;
}
EXIT_RES(tgkill, 133)

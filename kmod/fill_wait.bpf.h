/* Waiting for file descriptors: select, poll, ppoll, epoll_wait in sysdig
 * 0.29.3's layouts (scap-format.md §11.5). */

/* At most this many pollfds are described; the rest of a long list is left
 * out (the count says how many were). */
#define POLL_FDS_MAX 16
#define FDLIST_ENTRY 10 /* i64 fd, u16 PPM_POLL* flags */

/* An FDLIST of the caller's pollfd array: the events asked for, or on exit
 * the revents the kernel wrote back. */
static __always_inline void push_pollfds(struct event *e, const struct pollfd *ufds, __u64 nfds, bool revents)
{
	__u8 *p = e->buf + (e->pos & EV_MASK);
	__u16 n = 0;

	if (!ufds || !ev_room(e, 2 + POLL_FDS_MAX * FDLIST_ENTRY)) {
		push_empty(e);
		return;
	}
	for (int i = 0; i < POLL_FDS_MAX; i++) {
		struct pollfd pfd = {};
		__u8 *q = p + 2 + i * FDLIST_ENTRY;
		if (i >= nfds || bpf_probe_read_user(&pfd, sizeof(pfd), &ufds[i]))
			break;
		*(__s64 *)q = pfd.fd;
		*(__u16 *)(q + 8) = (__u16)ppm_poll_flags((__u16)(revents ? pfd.revents : pfd.events));
		n++;
	}
	*(__u16 *)p = n;
	ev_commit(e, 2 + (__u32)n * FDLIST_ENTRY);
}

ENTER_FILLER(poll)
{
	FILL_BEGIN(PPME_POLL_E);
	push_pollfds(&e, (const struct pollfd *)ARG0, ARG1, false);
	push_u64(&e, (__s64)(int)ARG2);
	FILL_SUBMIT();
}

/* After res, the fds with what happened to them: poll and ppoll. */
static __always_inline void push_revents(struct event *e, struct pt_regs *regs)
{
	push_pollfds(e, (const struct pollfd *)ARG0, ARG1, true);
}

EXIT_RES_ARGS(poll, PPME_POLL_X, push_revents)

/* ppoll's timeout is a struct timespec (none: all ones), its mask the first
 * word of the sigset. */
ENTER_FILLER(ppoll)
{
	struct __kernel_timespec ts = {};
	__u64 timeout = (__u64)-1;
	__u32 mask = 0;
	FILL_BEGIN(PPME_PPOLL_E);
	if (ARG2 && bpf_probe_read_user(&ts, sizeof(ts), (const void *)ARG2) == 0)
		timeout = (__u64)ts.tv_sec * 1000000000ULL + (__u64)ts.tv_nsec;
	if (ARG3)
		bpf_probe_read_user(&mask, sizeof(mask), (const void *)ARG3);
	push_pollfds(&e, (const struct pollfd *)ARG0, ARG1, false);
	push_u64(&e, timeout);
	push_u32(&e, mask);
	FILL_SUBMIT();
}

EXIT_RES_ARGS(ppoll, PPME_PPOLL_X, push_revents)

ENTER_NOPARAMS(select, PPME_SELECT_E)
EXIT_RES(select, PPME_SELECT_X)

ENTER_FILLER(epoll_wait)
{
	FILL_BEGIN(PPME_EPOLL_WAIT_E);
	push_u64(&e, (__s64)(int)ARG2);
	FILL_SUBMIT();
}
EXIT_RES(epoll_wait, PPME_EPOLL_WAIT_X)

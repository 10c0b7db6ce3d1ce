/* Network system calls (scap-format.md §11.4, sysdig 0.29.3 counts). Tuples
 * are read from the kernel socket after the call, so they show the ports the
 * kernel actually chose. */

/* domain, type, proto: the enter of socket and socketpair. */
static __always_inline int socket_enter(struct pt_regs *regs, __u16 type, __u32 nparams)
{
	FILL_START(type, nparams);
	push_u32(&e, (__u32)ARG0); /* PPM socket families equal Linux's */
	push_u32(&e, (__u32)ARG1);
	push_u32(&e, (__u32)ARG2);
	FILL_SUBMIT();
}

/* The tuple of fd's socket when the call succeeded, else an empty one;
 * `uaddr` as in push_fd_tuple (a receive's sender, written back). */
static __always_inline void push_tuple_if(struct event *e, bool ok, __s64 fd, bool inbound, const void *uaddr)
{
	if (ok)
		push_fd_tuple(e, fd, inbound, uaddr);
	else
		push_empty(e);
}

ENTER_FILLER(socket) { return socket_enter(regs, EV(PPME_SOCKET_E)); }
EXIT_RES(socket, PPME_SOCKET_X)
ENTER_FILLER(socketpair) { return socket_enter(regs, EV(PPME_SOCKETPAIR_E)); }

/* res, fd1, fd2, and the kernel addresses of the first end and of its peer
 * (sysdig 0.29.3's five parameters): readers name unix sockets by them. */
EXIT_FILLER(socketpair)
{
	struct event e;
	int fds[2] = {-1, -1};
	__u64 source = 0, peer = 0;
	if (!ev_begin(&e, PPME_SOCKETPAIR_X))
		return 0;
	if (ret == 0 && bpf_probe_read_user(fds, sizeof(fds), (const void *)ARG3) == 0) {
		struct socket *sock = fd_to_socket(fds[0]);
		struct sock *sk = sock ? BPF_CORE_READ(sock, sk) : NULL;
		if (sk) {
			source = (__u64)sk;
			if (BPF_CORE_READ(sk, __sk_common.skc_family) == L_AF_UNIX)
				peer = (__u64)BPF_CORE_READ((struct unix_sock *)sk, peer);
		}
	}
	push_u64(&e, ret);
	push_u64(&e, (__s64)fds[0]);
	push_u64(&e, (__s64)fds[1]);
	push_u64(&e, source);
	push_u64(&e, peer);
	FILL_SUBMIT();
}

ENTER_FD(bind, PPME_BIND_E)
EXIT_FILLER(bind)
{
	FILL_BEGIN(PPME_BIND_X);
	push_u64(&e, ret);
	push_user_sockaddr(&e, (const void *)ARG1, ARG2);
	FILL_SUBMIT();
}

ENTER_FILLER(connect)
{
	FILL_BEGIN(PPME_CONNECT_E);
	push_u64(&e, arg_fd(ARG0));
	push_user_sockaddr(&e, (const void *)ARG1, ARG2);
	FILL_SUBMIT();
}

EXIT_FILLER(connect)
{
	FILL_BEGIN(PPME_CONNECT_X);
	push_u64(&e, ret);
	/* EINPROGRESS still names the connection (non-blocking connect). */
	push_tuple_if(&e, ret == 0 || ret == -115, arg_fd(ARG0), false, NULL);
	FILL_SUBMIT();
}

ENTER_FILLER(listen)
{
	FILL_BEGIN(PPME_LISTEN_E);
	push_u64(&e, arg_fd(ARG0));
	push_u32(&e, (__u32)ARG1);
	FILL_SUBMIT();
}
EXIT_RES(listen, PPME_LISTEN_X)

/* accept and accept4 (sysdig 0.29.3's third and fourth accept pairs): the
 * new fd, its tuple (remote end first), and the listener's backlog fill. */
static __always_inline int accept_exit(struct pt_regs *regs, long ret, __u16 type, __u32 nparams)
{
	struct socket *lsock;
	__u32 qlen = 0, qmax = 0;
	FILL_START(type, nparams);
	push_u64(&e, ret);
	push_tuple_if(&e, ret >= 0, ret, true, NULL);
	lsock = fd_to_socket(arg_fd(ARG0));
	if (lsock) {
		struct sock *sk = BPF_CORE_READ(lsock, sk);
		if (sk) {
			qlen = BPF_CORE_READ(sk, sk_ack_backlog);
			qmax = BPF_CORE_READ(sk, sk_max_ack_backlog);
		}
	}
	push_u8(&e, qmax ? (__u8)((qlen * 100) / qmax) : 0);
	push_u32(&e, qlen);
	push_u32(&e, qmax);
	FILL_SUBMIT();
}

ENTER_NOPARAMS(accept, PPME_ACCEPT_3_E)
EXIT_FILLER(accept) { return accept_exit(regs, ret, EV(PPME_ACCEPT_3_X)); }

ENTER_FILLER(accept4)
{
	FILL_BEGIN(PPME_ACCEPT_4_E);
	push_u32(&e, (__u32)ARG3);
	FILL_SUBMIT();
}
EXIT_FILLER(accept4) { return accept_exit(regs, ret, EV(PPME_ACCEPT_4_X)); }

ENTER_FILLER(shutdown)
{
	FILL_BEGIN(PPME_SHUTDOWN_E);
	push_u64(&e, arg_fd(ARG0));
	push_u8(&e, (__u8)ARG1); /* SHUT_RD/WR/RDWR equal the PPM values */
	FILL_SUBMIT();
}
EXIT_RES(shutdown, PPME_SHUTDOWN_X)

/* sendto/sendmsg enter: fd, size, tuple (outbound; the destination passed
 * names the other end of an unconnected socket). */
static __always_inline int send_enter(struct pt_regs *regs, __u16 type, __u32 nparams, __u32 size,
				      const void *dest)
{
	FILL_START(type, nparams);
	push_u64(&e, arg_fd(ARG0));
	push_u32(&e, size);
	push_fd_tuple(&e, arg_fd(ARG0), false, dest);
	FILL_SUBMIT();
}

ENTER_FILLER(sendto) { return send_enter(regs, EV(PPME_SENDTO_E), (__u32)ARG2, (const void *)ARG4); }
EXIT_FILLER(sendto) { return io_exit(regs, ret, EV(PPME_SENDTO_X)); }

ENTER_FILLER(recvfrom) { return io_enter(regs, EV(PPME_RECVFROM_E)); }

EXIT_FILLER(recvfrom)
{
	FILL_BEGIN(PPME_RECVFROM_X);
	push_u64(&e, ret);
	push_io_data(&e, (const void *)ARG1, ret);
	push_tuple_if(&e, ret >= 0, arg_fd(ARG0), true, (const void *)ARG4);
	FILL_SUBMIT();
}

/* sendmsg/recvmsg: the iovecs sit in a user struct msghdr. */
static __always_inline struct user_msghdr read_msghdr(const void *umsg)
{
	struct user_msghdr m = {};
	if (umsg)
		bpf_probe_read_user(&m, sizeof(m), umsg);
	return m;
}

ENTER_FILLER(sendmsg)
{
	struct user_msghdr m = read_msghdr((const void *)ARG1);
	return send_enter(regs, EV(PPME_SENDMSG_E), (__u32)iov_total(m.msg_iov, m.msg_iovlen), m.msg_name);
}

EXIT_FILLER(sendmsg)
{
	struct user_msghdr m = read_msghdr((const void *)ARG1);
	FILL_BEGIN(PPME_SENDMSG_X);
	push_u64(&e, ret);
	push_iov_data(&e, m.msg_iov, m.msg_iovlen, ret);
	FILL_SUBMIT();
}

ENTER_FD(recvmsg, PPME_RECVMSG_E)

EXIT_FILLER(recvmsg)
{
	struct user_msghdr m = read_msghdr((const void *)ARG1);
	FILL_BEGIN(PPME_RECVMSG_X);
	push_u64(&e, ret);
	push_u32(&e, ret > 0 ? (__u32)ret : 0);
	push_iov_data(&e, m.msg_iov, m.msg_iovlen, ret);
	push_tuple_if(&e, ret >= 0, arg_fd(ARG0), true, m.msg_name);
	FILL_SUBMIT();
}

/* sendmmsg/recvmmsg: sysdig 0.29.3 gives their events no parameters; the
 * exit carries the current libs' ones: res (the number of messages), fd,
 * size (the bytes of the first MMSG_SCAN messages handled, each one's
 * msg_len), the first message's first bytes and the tuple, the first
 * message's address naming the other end of an unconnected socket. */
#define MMSG_SCAN 16

static __always_inline __u32 mmsg_total(const struct mmsghdr *uvec, long count)
{
	__u32 total = 0;
	for (int i = 0; i < MMSG_SCAN; i++) {
		__u32 len = 0;
		if (i >= count || bpf_probe_read_user(&len, sizeof(len), &uvec[i].msg_len))
			break;
		total += len;
	}
	return total;
}

static __always_inline void push_mmsg_result(struct event *e, struct pt_regs *regs, long ret, bool inbound)
{
	const struct mmsghdr *uvec = (const struct mmsghdr *)ARG1;
	struct mmsghdr first = {};
	bool ok = ret > 0 && uvec && bpf_probe_read_user(&first, sizeof(first), uvec) == 0;
	push_u64(e, ret);
	push_u64(e, arg_fd(ARG0));
	push_u32(e, ok ? mmsg_total(uvec, ret) : 0);
	push_iov_data(e, first.msg_hdr.msg_iov, first.msg_hdr.msg_iovlen, ok ? first.msg_len : 0);
	push_tuple_if(e, ok, arg_fd(ARG0), inbound, first.msg_hdr.msg_name);
}

ENTER_NOPARAMS(sendmmsg, PPME_SENDMMSG_E)
EXIT_FILLER(sendmmsg)
{
	FILL_BEGIN(PPME_SENDMMSG_X);
	push_mmsg_result(&e, regs, ret, false);
	FILL_SUBMIT();
}

ENTER_NOPARAMS(recvmmsg, PPME_RECVMMSG_E)
EXIT_FILLER(recvmmsg)
{
	FILL_BEGIN(PPME_RECVMMSG_X);
	push_mmsg_result(&e, regs, ret, true);
	push_empty(&e); /* msgcontrol */
	FILL_SUBMIT();
}

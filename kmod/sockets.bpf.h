/* Socket addresses and tuples (scap-format.md §9.3). Tuples come from the
 * kernel socket, so connections opened before the capture still get names;
 * addresses passed to connect/bind come from the caller's memory. */
#ifndef TRACETOP_SOCKETS_BPF_H
#define TRACETOP_SOCKETS_BPF_H

#include "task.bpf.h"

#define L_AF_UNIX 1
#define L_AF_INET 2
#define L_AF_INET6 10
#define UNIX_PATH_LEN 108

static __always_inline __u16 swap16(__u16 v) { return (v >> 8) | (v << 8); }

/* A unix socket path from user or kernel memory into dst, the leading NUL
 * of an abstract name skipped as sysdig does; its length with the NUL (an
 * empty string when unreadable). */
static __always_inline __u32 copy_unix_path(__u8 *dst, const char *path, bool user)
{
	char first = 0;
	long n;
	if (user)
		bpf_probe_read_user(&first, 1, path);
	else
		bpf_probe_read_kernel(&first, 1, path);
	if (first == 0)
		path++;
	if (user)
		n = bpf_probe_read_user_str(dst, UNIX_PATH_LEN, path);
	else
		n = bpf_probe_read_kernel_str(dst, UNIX_PATH_LEN, path);
	if (n <= 0) {
		dst[0] = 0;
		n = 1;
	}
	return (__u32)(n & 0xff);
}

/* A sockaddr from user memory: family byte, address, host-order port. */
static __always_inline void push_user_sockaddr(struct event *e, const void *uaddr, __u64 addrlen)
{
	__u8 *p = e->buf + (e->pos & EV_MASK);
	__u16 family = 0;

	if (!uaddr || addrlen < 2 || !ev_room(e, 1 + UNIX_PATH_LEN + 1)) {
		push_empty(e);
		return;
	}
	bpf_probe_read_user(&family, sizeof(family), uaddr);
	if (family == L_AF_INET && addrlen >= sizeof(struct sockaddr_in)) {
		struct sockaddr_in sin = {};
		bpf_probe_read_user(&sin, sizeof(sin), uaddr);
		p[0] = L_AF_INET;
		*(__u32 *)(p + 1) = sin.sin_addr.s_addr;
		*(__u16 *)(p + 5) = swap16(sin.sin_port);
		ev_commit(e, 7);
	} else if (family == L_AF_INET6 && addrlen >= sizeof(struct sockaddr_in6)) {
		struct sockaddr_in6 sin6 = {};
		bpf_probe_read_user(&sin6, sizeof(sin6), uaddr);
		p[0] = L_AF_INET6;
		__builtin_memcpy(p + 1, &sin6.sin6_addr, 16);
		*(__u16 *)(p + 17) = swap16(sin6.sin6_port);
		ev_commit(e, 19);
	} else if (family == L_AF_UNIX) {
		p[0] = L_AF_UNIX;
		ev_commit(e, 1 + copy_unix_path(p + 1, (const char *)uaddr + 2, true));
	} else {
		push_empty(e);
	}
}

static __always_inline bool v4_mapped(const __u8 *a)
{
	const __u32 *w = (const __u32 *)a;
	return w[0] == 0 && w[1] == 0 && w[2] == 0xffff0000u;
}

/* The other end of an unconnected datagram socket, as sysdig takes it: the
 * address the caller passed (sendto's dest_addr, sendmsg's msg_name) or got
 * back (recvfrom's src_addr, recvmsg's msg_name after the call), used only
 * when the socket itself has no peer. */
static __always_inline void other_end_from_user(const void *uaddr, bool v4, __u8 *raddr, __u16 *rport)
{
	__u16 family = 0;
	if (!uaddr || *rport != 0 || bpf_probe_read_user(&family, sizeof(family), uaddr))
		return;
	if (family == L_AF_INET && v4) {
		struct sockaddr_in sin = {};
		bpf_probe_read_user(&sin, sizeof(sin), uaddr);
		*(__u32 *)raddr = sin.sin_addr.s_addr;
		*rport = swap16(sin.sin_port);
	} else if (family == L_AF_INET6 && !v4) {
		struct sockaddr_in6 sin6 = {};
		bpf_probe_read_user(&sin6, sizeof(sin6), uaddr);
		__builtin_memcpy(raddr, &sin6.sin6_addr, 16);
		*rport = swap16(sin6.sin6_port);
	}
}

/* The tuple of the socket behind `fd`. Outbound calls (connect, send*) put the
 * local end first, inbound ones (accept, recv*) the remote end. `uaddr`, the
 * call's own address argument (NULL when it has none), names the other end
 * of a socket without a peer. */
static __always_inline void push_fd_tuple(struct event *e, __s64 fd, bool inbound, const void *uaddr)
{
	struct socket *sock = fd_to_socket(fd);
	struct sock *sk;
	__u8 *p = e->buf + (e->pos & EV_MASK);
	__u16 family;

	if (!sock || !ev_room(e, 1 + 16 + UNIX_PATH_LEN + 1)) {
		push_empty(e);
		return;
	}
	sk = BPF_CORE_READ(sock, sk);
	if (!sk) {
		push_empty(e);
		return;
	}
	family = BPF_CORE_READ(sk, __sk_common.skc_family);
	if (family == L_AF_INET || family == L_AF_INET6) {
		__u16 lport = BPF_CORE_READ(sk, __sk_common.skc_num);
		__u16 rport = swap16(BPF_CORE_READ(sk, __sk_common.skc_dport));
		__u8 laddr[16] = {}, raddr[16] = {};
		bool v4 = family == L_AF_INET;
		if (v4) {
			*(__u32 *)laddr = BPF_CORE_READ(sk, __sk_common.skc_rcv_saddr);
			*(__u32 *)raddr = BPF_CORE_READ(sk, __sk_common.skc_daddr);
		} else {
			BPF_CORE_READ_INTO(&laddr, sk, __sk_common.skc_v6_rcv_saddr);
			BPF_CORE_READ_INTO(&raddr, sk, __sk_common.skc_v6_daddr);
			/* IPv4 peers of a dual-stack socket read as IPv4, as in sysdig. */
			if (v4_mapped(laddr) && v4_mapped(raddr)) {
				*(__u32 *)laddr = *(__u32 *)(laddr + 12);
				*(__u32 *)raddr = *(__u32 *)(raddr + 12);
				v4 = true;
			}
		}
		other_end_from_user(uaddr, v4, raddr, &rport);
		const __u8 *sa = inbound ? raddr : laddr, *da = inbound ? laddr : raddr;
		__u16 sp = inbound ? rport : lport, dp = inbound ? lport : rport;
		if (v4) {
			p[0] = L_AF_INET;
			*(__u32 *)(p + 1) = *(const __u32 *)sa;
			*(__u16 *)(p + 5) = sp;
			*(__u32 *)(p + 7) = *(const __u32 *)da;
			*(__u16 *)(p + 11) = dp;
			ev_commit(e, 13);
		} else {
			p[0] = L_AF_INET6;
			__builtin_memcpy(p + 1, sa, 16);
			*(__u16 *)(p + 17) = sp;
			__builtin_memcpy(p + 19, da, 16);
			*(__u16 *)(p + 35) = dp;
			ev_commit(e, 37);
		}
		return;
	}
	if (family == L_AF_UNIX) {
		struct unix_sock *us = (struct unix_sock *)sk;
		struct sock *peer = BPF_CORE_READ(us, peer);
		struct unix_address *addr = BPF_CORE_READ(us, addr);
		__u32 n = 1;
		/* The path is the bound name: ours, or the peer's for a client. */
		if (!addr && peer)
			addr = BPF_CORE_READ((struct unix_sock *)peer, addr);
		p[0] = L_AF_UNIX;
		*(__u64 *)(p + 1) = inbound ? (__u64)sk : (__u64)peer;
		*(__u64 *)(p + 9) = inbound ? (__u64)peer : (__u64)sk;
		if (addr)
			n = copy_unix_path(p + 17, (const char *)&addr->name[0].sun_path[0], false);
		else
			p[17] = 0;
		ev_commit(e, 17 + n);
		return;
	}
	push_empty(e);
}

#endif

/* File system calls in sysdig 0.29.3's layouts (scap-format.md §11.3; the
 * types and counts are the schema's, src/event/events.toml): enter events
 * carry the arguments, exit events the result and what a reader needs
 * without the enter. */

/* An enter event with no parameters (the call's arguments are in the exit). */
#define ENTER_NOPARAMS(name, type)                 \
	ENTER_FILLER(name)                         \
	{                                          \
		struct event e;                    \
		if (ev_begin(&e, type))            \
			ev_submit(&e);             \
		return 0;                          \
	}

/* An enter event whose only parameter is the fd in the first argument. */
#define ENTER_FD(name, type)                       \
	ENTER_FILLER(name)                         \
	{                                          \
		struct event e;                    \
		if (!ev_begin(&e, type))           \
			return 0;                  \
		push_u64(&e, (__s64)(int)ARG0);    \
		ev_submit(&e);                     \
		return 0;                          \
	}

/* An exit event whose only parameter is the result. */
#define EXIT_RES(name, type)                       \
	EXIT_FILLER(name)                          \
	{                                          \
		struct event e;                    \
		if (!ev_begin(&e, type))           \
			return 0;                  \
		push_u64(&e, ret);                 \
		ev_submit(&e);                     \
		return 0;                          \
	}

static __always_inline __s64 arg_fd(__u64 v) { return (__s64)(int)v; }

ENTER_FILLER(open)
{
	struct event e;
	if (!ev_begin(&e, PPME_OPEN_E))
		return 0;
	push_user_str(&e, (const void *)ARG0);
	push_u32(&e, ppm_open_flags(ARG1));
	push_u32(&e, open_mode(ARG1, ARG2));
	ev_submit(&e);
	return 0;
}

EXIT_FILLER(open)
{
	struct event e;
	if (!ev_begin(&e, PPME_OPEN_X))
		return 0;
	push_u64(&e, ret);
	push_user_str(&e, (const void *)ARG0);
	push_u32(&e, ppm_open_flags(ARG1));
	push_u32(&e, open_mode(ARG1, ARG2));
	push_u32(&e, ret >= 0 ? file_dev(current_fd_file(ret)) : 0);
	ev_submit(&e);
	return 0;
}

ENTER_FILLER(openat)
{
	struct event e;
	if (!ev_begin(&e, PPME_OPENAT_2_E))
		return 0;
	push_u64(&e, arg_fd(ARG0));
	push_user_str(&e, (const void *)ARG1);
	push_u32(&e, ppm_open_flags(ARG2));
	push_u32(&e, open_mode(ARG2, ARG3));
	ev_submit(&e);
	return 0;
}

EXIT_FILLER(openat)
{
	struct event e;
	if (!ev_begin(&e, PPME_OPENAT_2_X))
		return 0;
	push_u64(&e, ret);
	push_u64(&e, arg_fd(ARG0));
	push_user_str(&e, (const void *)ARG1);
	push_u32(&e, ppm_open_flags(ARG2));
	push_u32(&e, open_mode(ARG2, ARG3));
	push_u32(&e, ret >= 0 ? file_dev(current_fd_file(ret)) : 0);
	ev_submit(&e);
	return 0;
}

/* openat2 passes flags and mode in a struct open_how. */
struct how_args {
	__u64 flags, mode, resolve;
};

static __always_inline struct how_args read_how(const void *uhow)
{
	struct how_args h = {};
	if (uhow)
		bpf_probe_read_user(&h, sizeof(h), uhow);
	return h;
}

ENTER_FILLER(openat2)
{
	struct event e;
	struct how_args h = read_how((const void *)ARG2);
	if (!ev_begin(&e, PPME_OPENAT2_E))
		return 0;
	push_u64(&e, arg_fd(ARG0));
	push_user_str(&e, (const void *)ARG1);
	push_u32(&e, ppm_open_flags(h.flags));
	push_u32(&e, open_mode(h.flags, h.mode));
	push_u32(&e, (__u32)h.resolve);
	ev_submit(&e);
	return 0;
}

EXIT_FILLER(openat2)
{
	struct event e;
	struct how_args h = read_how((const void *)ARG2);
	if (!ev_begin(&e, PPME_OPENAT2_X))
		return 0;
	push_u64(&e, ret);
	push_u64(&e, arg_fd(ARG0));
	push_user_str(&e, (const void *)ARG1);
	push_u32(&e, ppm_open_flags(h.flags));
	push_u32(&e, open_mode(h.flags, h.mode));
	push_u32(&e, (__u32)h.resolve);
	ev_submit(&e);
	return 0;
}

ENTER_FILLER(creat)
{
	struct event e;
	if (!ev_begin(&e, PPME_CREAT_E))
		return 0;
	push_user_str(&e, (const void *)ARG0);
	push_u32(&e, (__u32)ARG1);
	ev_submit(&e);
	return 0;
}

EXIT_FILLER(creat)
{
	struct event e;
	if (!ev_begin(&e, PPME_CREAT_X))
		return 0;
	push_u64(&e, ret);
	push_user_str(&e, (const void *)ARG0);
	push_u32(&e, (__u32)ARG1);
	push_u32(&e, ret >= 0 ? file_dev(current_fd_file(ret)) : 0);
	ev_submit(&e);
	return 0;
}

ENTER_FD(close, PPME_CLOSE_E)
EXIT_RES(close, PPME_CLOSE_X)

/* read/write/pread/pwrite: fd and size in (pread/pwrite: and the position),
 * result and data out. */
static __always_inline int io_enter(struct pt_regs *regs, __u16 type, __u32 nparams)
{
	struct event e;
	if (!ev_start(&e, type, nparams))
		return 0;
	push_u64(&e, arg_fd(ARG0));
	push_u32(&e, (__u32)ARG2);
	ev_submit(&e);
	return 0;
}

static __always_inline int pio_enter(struct pt_regs *regs, __u16 type, __u32 nparams)
{
	struct event e;
	if (!ev_start(&e, type, nparams))
		return 0;
	push_u64(&e, arg_fd(ARG0));
	push_u32(&e, (__u32)ARG2);
	push_u64(&e, ARG3);
	ev_submit(&e);
	return 0;
}

static __always_inline int io_exit(struct pt_regs *regs, long ret, __u16 type, __u32 nparams)
{
	struct event e;
	if (!ev_start(&e, type, nparams))
		return 0;
	push_u64(&e, ret);
	push_io_data(&e, (const void *)ARG1, ret);
	ev_submit(&e);
	return 0;
}

ENTER_FILLER(read) { return io_enter(regs, EV(PPME_READ_E)); }
EXIT_FILLER(read) { return io_exit(regs, ret, EV(PPME_READ_X)); }
ENTER_FILLER(write) { return io_enter(regs, EV(PPME_WRITE_E)); }
EXIT_FILLER(write) { return io_exit(regs, ret, EV(PPME_WRITE_X)); }
ENTER_FILLER(pread) { return pio_enter(regs, EV(PPME_PREAD_E)); }
EXIT_FILLER(pread) { return io_exit(regs, ret, EV(PPME_PREAD_X)); }
ENTER_FILLER(pwrite) { return pio_enter(regs, EV(PPME_PWRITE_E)); }
EXIT_FILLER(pwrite) { return io_exit(regs, ret, EV(PPME_PWRITE_X)); }

/* Vectored I/O: the size is the sum of the first IOV_SCAN iovecs; the data is
 * the first snaplen bytes the call moved, gathered across those iovecs as if
 * it had used one buffer. */
#define IOV_SCAN 8
static __always_inline __u64 iov_total(const struct iovec *uiov, __u64 cnt)
{
	__u64 total = 0;
	for (int i = 0; i < IOV_SCAN; i++) {
		struct iovec v = {};
		if (i >= cnt)
			break;
		bpf_probe_read_user(&v, sizeof(v), &uiov[i]);
		total += v.iov_len;
	}
	return total;
}

static __always_inline void push_iov_data(struct event *e, const struct iovec *uiov, __u64 cnt, __s64 res)
{
	__u32 snap = cfg_snaplen > TRACETOP_MAX_SNAPLEN ? TRACETOP_MAX_SNAPLEN : cfg_snaplen;
	__u32 want, got = 0;

	if (res <= 0 || !uiov || !ev_room(e, TRACETOP_MAX_SNAPLEN)) {
		push_empty(e);
		return;
	}
	want = res < (__s64)snap ? (__u32)res : snap;
	for (int i = 0; i < IOV_SCAN; i++) {
		struct iovec v = {};
		__u32 n;
		if (i >= cnt || got >= want)
			break;
		if (bpf_probe_read_user(&v, sizeof(v), &uiov[i]))
			break;
		n = want - got;
		if (v.iov_len < n)
			n = (__u32)v.iov_len;
		/* got + n <= want <= TRACETOP_MAX_SNAPLEN: the copy stays within
		 * the event's half of the scratch area. */
		n &= (TRACETOP_MAX_SNAPLEN - 1) | TRACETOP_MAX_SNAPLEN;
		if (n > TRACETOP_MAX_SNAPLEN)
			n = TRACETOP_MAX_SNAPLEN;
		if (n && bpf_probe_read_user(e->buf + ((e->pos + got) & EV_MASK), n, v.iov_base))
			break;
		got += n;
	}
	/* The compiler knows got <= want and would drop this test, and then the
	 * masks of the later parameters' offsets; the verifier, which adds up
	 * the copies, needs both: keep got opaque on both sides of the test. */
	barrier_var(got);
	if (got == 0 || got > TRACETOP_MAX_SNAPLEN) {
		push_empty(e);
		return;
	}
	barrier_var(got);
	ev_commit(e, got);
}

ENTER_FD(readv, PPME_READV_E)

EXIT_FILLER(readv)
{
	struct event e;
	if (!ev_begin(&e, PPME_READV_X))
		return 0;
	push_u64(&e, ret);
	push_u32(&e, (__u32)iov_total((const struct iovec *)ARG1, ARG2));
	push_iov_data(&e, (const struct iovec *)ARG1, ARG2, ret);
	ev_submit(&e);
	return 0;
}

ENTER_FILLER(writev)
{
	struct event e;
	if (!ev_begin(&e, PPME_WRITEV_E))
		return 0;
	push_u64(&e, arg_fd(ARG0));
	push_u32(&e, (__u32)iov_total((const struct iovec *)ARG1, ARG2));
	ev_submit(&e);
	return 0;
}

EXIT_FILLER(writev)
{
	struct event e;
	if (!ev_begin(&e, PPME_WRITEV_X))
		return 0;
	push_u64(&e, ret);
	push_iov_data(&e, (const struct iovec *)ARG1, ARG2, ret);
	ev_submit(&e);
	return 0;
}

ENTER_NOPARAMS(rename, PPME_RENAME_E)
EXIT_FILLER(rename)
{
	struct event e;
	if (!ev_begin(&e, PPME_RENAME_X))
		return 0;
	push_u64(&e, ret);
	push_user_str(&e, (const void *)ARG0);
	push_user_str(&e, (const void *)ARG1);
	ev_submit(&e);
	return 0;
}

ENTER_NOPARAMS(renameat, PPME_RENAMEAT_E)
ENTER_NOPARAMS(renameat2, PPME_RENAMEAT2_E)

/* olddirfd, oldpath, newdirfd, newpath: renameat and renameat2 alike. */
static __always_inline void push_renameat_paths(struct event *e, struct pt_regs *regs)
{
	push_u64(e, arg_fd(ARG0));
	push_user_str(e, (const void *)ARG1);
	push_u64(e, arg_fd(ARG2));
	push_user_str(e, (const void *)ARG3);
}

EXIT_FILLER(renameat)
{
	struct event e;
	if (!ev_begin(&e, PPME_RENAMEAT_X))
		return 0;
	push_u64(&e, ret);
	push_renameat_paths(&e, regs);
	ev_submit(&e);
	return 0;
}

EXIT_FILLER(renameat2)
{
	struct event e;
	if (!ev_begin(&e, PPME_RENAMEAT2_X))
		return 0;
	push_u64(&e, ret);
	push_renameat_paths(&e, regs);
	push_u32(&e, (__u32)ARG4);
	ev_submit(&e);
	return 0;
}

/* res + one path argument: unlink, rmdir, chdir, stat, lstat. */
static __always_inline int path_exit(struct pt_regs *regs, long ret, __u16 type, __u32 nparams, const void *path)
{
	struct event e;
	if (!ev_start(&e, type, nparams))
		return 0;
	push_u64(&e, ret);
	push_user_str(&e, path);
	ev_submit(&e);
	return 0;
}

ENTER_NOPARAMS(unlink, PPME_UNLINK_2_E)
EXIT_FILLER(unlink) { return path_exit(regs, ret, EV(PPME_UNLINK_2_X), (const void *)ARG0); }
ENTER_NOPARAMS(rmdir, PPME_RMDIR_2_E)
EXIT_FILLER(rmdir) { return path_exit(regs, ret, EV(PPME_RMDIR_2_X), (const void *)ARG0); }
ENTER_NOPARAMS(chdir, PPME_CHDIR_E)
EXIT_FILLER(chdir) { return path_exit(regs, ret, EV(PPME_CHDIR_X), (const void *)ARG0); }
ENTER_NOPARAMS(stat, PPME_STAT_E)
EXIT_FILLER(stat) { return path_exit(regs, ret, EV(PPME_STAT_X), (const void *)ARG0); }
ENTER_NOPARAMS(lstat, PPME_LSTAT_E)
EXIT_FILLER(lstat) { return path_exit(regs, ret, EV(PPME_LSTAT_X), (const void *)ARG0); }
ENTER_FD(fstat, PPME_FSTAT_E)
EXIT_RES(fstat, PPME_FSTAT_X)
ENTER_FD(fchdir, PPME_FCHDIR_E)
EXIT_RES(fchdir, PPME_FCHDIR_X)

ENTER_NOPARAMS(unlinkat, PPME_UNLINKAT_2_E)
EXIT_FILLER(unlinkat)
{
	struct event e;
	if (!ev_begin(&e, PPME_UNLINKAT_2_X))
		return 0;
	push_u64(&e, ret);
	push_u64(&e, arg_fd(ARG0));
	push_user_str(&e, (const void *)ARG1);
	push_u32(&e, (__u32)ARG2 & 0x200); /* AT_REMOVEDIR has the same value in PPM */
	ev_submit(&e);
	return 0;
}

ENTER_FILLER(mkdir)
{
	struct event e;
	if (!ev_begin(&e, PPME_MKDIR_2_E))
		return 0;
	push_u32(&e, (__u32)ARG1);
	ev_submit(&e);
	return 0;
}
EXIT_FILLER(mkdir) { return path_exit(regs, ret, EV(PPME_MKDIR_2_X), (const void *)ARG0); }

ENTER_NOPARAMS(mkdirat, PPME_MKDIRAT_E)
EXIT_FILLER(mkdirat)
{
	struct event e;
	if (!ev_begin(&e, PPME_MKDIRAT_X))
		return 0;
	push_u64(&e, ret);
	push_u64(&e, arg_fd(ARG0));
	push_user_str(&e, (const void *)ARG1);
	push_u32(&e, (__u32)ARG2);
	ev_submit(&e);
	return 0;
}

ENTER_FILLER(access)
{
	struct event e;
	if (!ev_begin(&e, PPME_ACCESS_E))
		return 0;
	push_u32(&e, (__u32)ARG1); /* F_OK/X_OK/W_OK/R_OK match the PPM bits */
	ev_submit(&e);
	return 0;
}
EXIT_FILLER(access) { return path_exit(regs, ret, EV(PPME_ACCESS_X), (const void *)ARG0); }

/* dup, dup2 and dup3 share sysdig 0.29.3's dup pair. */
ENTER_FD(dup, PPME_DUP_E)
EXIT_RES(dup, PPME_DUP_X)

/* pipe and pipe2 share the pipe pair in sysdig 0.29.3. */
ENTER_NOPARAMS(pipe, PPME_PIPE_E)
EXIT_FILLER(pipe)
{
	struct event e;
	int fds[2] = {-1, -1};
	if (!ev_begin(&e, PPME_PIPE_X))
		return 0;
	if (ret == 0)
		bpf_probe_read_user(fds, sizeof(fds), (const void *)ARG0);
	push_u64(&e, ret);
	push_u64(&e, (__s64)fds[0]);
	push_u64(&e, (__s64)fds[1]);
	{
		struct file *f = ret == 0 ? current_fd_file(fds[0]) : NULL;
		push_u64(&e, f ? BPF_CORE_READ(f, f_inode, i_ino) : 0);
	}
	ev_submit(&e);
	return 0;
}

ENTER_FILLER(fcntl)
{
	struct event e;
	if (!ev_begin(&e, PPME_FCNTL_E))
		return 0;
	push_u64(&e, arg_fd(ARG0));
	push_u8(&e, ppm_fcntl_cmd((__u32)ARG1));
	ev_submit(&e);
	return 0;
}
EXIT_RES(fcntl, PPME_FCNTL_X)

ENTER_FILLER(ioctl)
{
	struct event e;
	if (!ev_begin(&e, PPME_IOCTL_2_E))
		return 0;
	push_u64(&e, arg_fd(ARG0));
	push_u64(&e, ARG1);
	push_u64(&e, ARG2);
	ev_submit(&e);
	return 0;
}
EXIT_RES(ioctl, PPME_IOCTL_2_X)

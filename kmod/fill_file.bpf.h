/* File system calls in sysdig 0.29.3's layouts (scap-format.md §11.3; the
 * types and counts are the schema's, src/event/events.toml): enter events
 * carry the arguments, exit events the result and what a reader needs
 * without the enter. */

/* An enter event with no parameters (the call's arguments are in the exit). */
#define ENTER_NOPARAMS(name, type)  \
	ENTER_FILLER(name)          \
	{                           \
		FILL_BEGIN(type);   \
		FILL_SUBMIT();      \
	}

/* An enter event whose only parameter is the fd in the first argument. */
#define ENTER_FD(name, type)                    \
	ENTER_FILLER(name)                      \
	{                                       \
		FILL_BEGIN(type);               \
		push_u64(&e, (__s64)(int)ARG0); \
		FILL_SUBMIT();                  \
	}

/* An exit event whose only parameter is the result. */
#define EXIT_RES(name, type)        \
	EXIT_FILLER(name)           \
	{                           \
		FILL_BEGIN(type);   \
		push_u64(&e, ret);  \
		FILL_SUBMIT();      \
	}

/* An enter event of the arguments push_args(e, regs) writes, and an exit
 * event of the result followed by the same. */
#define ENTER_ARGS(name, type, push_args)  \
	ENTER_FILLER(name)                 \
	{                                  \
		FILL_BEGIN(type);          \
		push_args(&e, regs);       \
		FILL_SUBMIT();             \
	}
#define EXIT_RES_ARGS(name, type, push_args) \
	EXIT_FILLER(name)                    \
	{                                    \
		FILL_BEGIN(type);            \
		push_u64(&e, ret);           \
		push_args(&e, regs);         \
		FILL_SUBMIT();               \
	}

static __always_inline __s64 arg_fd(__u64 v) { return (__s64)(int)v; }

/* name, flags, mode: what every open writes after its dirfd. */
static __always_inline void push_open_args(struct event *e, __u64 path, __u64 flags, __u64 mode)
{
	push_user_str(e, (const void *)path);
	push_u32(e, ppm_open_flags(flags));
	push_u32(e, open_mode(flags, mode));
}

/* The device of the file a successful open returned. */
static __always_inline void push_new_fd_dev(struct event *e, long ret)
{
	push_u32(e, ret >= 0 ? file_dev(current_fd_file(ret)) : 0);
}

ENTER_FILLER(open)
{
	FILL_BEGIN(PPME_OPEN_E);
	push_open_args(&e, ARG0, ARG1, ARG2);
	FILL_SUBMIT();
}

EXIT_FILLER(open)
{
	FILL_BEGIN(PPME_OPEN_X);
	push_u64(&e, ret);
	push_open_args(&e, ARG0, ARG1, ARG2);
	push_new_fd_dev(&e, ret);
	FILL_SUBMIT();
}

ENTER_FILLER(openat)
{
	FILL_BEGIN(PPME_OPENAT_2_E);
	push_u64(&e, arg_fd(ARG0));
	push_open_args(&e, ARG1, ARG2, ARG3);
	FILL_SUBMIT();
}

EXIT_FILLER(openat)
{
	FILL_BEGIN(PPME_OPENAT_2_X);
	push_u64(&e, ret);
	push_u64(&e, arg_fd(ARG0));
	push_open_args(&e, ARG1, ARG2, ARG3);
	push_new_fd_dev(&e, ret);
	FILL_SUBMIT();
}

/* openat2 passes flags and mode in a struct open_how; its enter and exit
 * share dirfd, name, flags, mode and resolve. */
struct how_args {
	__u64 flags, mode, resolve;
};

static __always_inline void push_openat2_args(struct event *e, struct pt_regs *regs)
{
	struct how_args h = {};
	if (ARG2)
		bpf_probe_read_user(&h, sizeof(h), (const void *)ARG2);
	push_u64(e, arg_fd(ARG0));
	push_open_args(e, ARG1, h.flags, h.mode);
	push_u32(e, ppm_resolve_flags(h.resolve));
}

ENTER_ARGS(openat2, PPME_OPENAT2_E, push_openat2_args)
EXIT_RES_ARGS(openat2, PPME_OPENAT2_X, push_openat2_args)

ENTER_FILLER(creat)
{
	FILL_BEGIN(PPME_CREAT_E);
	push_user_str(&e, (const void *)ARG0);
	push_u32(&e, (__u32)ARG1);
	FILL_SUBMIT();
}

EXIT_FILLER(creat)
{
	FILL_BEGIN(PPME_CREAT_X);
	push_u64(&e, ret);
	push_user_str(&e, (const void *)ARG0);
	push_u32(&e, (__u32)ARG1);
	push_new_fd_dev(&e, ret);
	FILL_SUBMIT();
}

ENTER_FD(close, PPME_CLOSE_E)
EXIT_RES(close, PPME_CLOSE_X)

/* read/write/pread/pwrite: fd and size in (pread/pwrite: and the position),
 * result and data out. */
static __always_inline void push_fd_size(struct event *e, struct pt_regs *regs)
{
	push_u64(e, arg_fd(ARG0));
	push_u32(e, (__u32)ARG2);
}

static __always_inline int io_enter(struct pt_regs *regs, __u16 type, __u32 nparams)
{
	FILL_START(type, nparams);
	push_fd_size(&e, regs);
	FILL_SUBMIT();
}

static __always_inline int pio_enter(struct pt_regs *regs, __u16 type, __u32 nparams)
{
	FILL_START(type, nparams);
	push_fd_size(&e, regs);
	push_u64(&e, ARG3);
	FILL_SUBMIT();
}

static __always_inline int io_exit(struct pt_regs *regs, long ret, __u16 type, __u32 nparams)
{
	FILL_START(type, nparams);
	push_u64(&e, ret);
	push_io_data(&e, (const void *)ARG1, ret);
	FILL_SUBMIT();
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

/* The exits of the vectored reads (res, size, data) and writes (res, data),
 * plain or at a position. */
static __always_inline int vec_read_exit(struct pt_regs *regs, long ret, __u16 type, __u32 nparams)
{
	FILL_START(type, nparams);
	push_u64(&e, ret);
	push_u32(&e, (__u32)iov_total((const struct iovec *)ARG1, ARG2));
	push_iov_data(&e, (const struct iovec *)ARG1, ARG2, ret);
	FILL_SUBMIT();
}

static __always_inline int vec_write_exit(struct pt_regs *regs, long ret, __u16 type, __u32 nparams)
{
	FILL_START(type, nparams);
	push_u64(&e, ret);
	push_iov_data(&e, (const struct iovec *)ARG1, ARG2, ret);
	FILL_SUBMIT();
}

/* fd and the size of the iovecs: what a vectored write's enter begins with. */
static __always_inline void push_fd_iov_size(struct event *e, struct pt_regs *regs)
{
	push_u64(e, arg_fd(ARG0));
	push_u32(e, (__u32)iov_total((const struct iovec *)ARG1, ARG2));
}

ENTER_FD(readv, PPME_READV_E)
EXIT_FILLER(readv) { return vec_read_exit(regs, ret, EV(PPME_READV_X)); }
ENTER_ARGS(writev, PPME_WRITEV_E, push_fd_iov_size)
EXIT_FILLER(writev) { return vec_write_exit(regs, ret, EV(PPME_WRITEV_X)); }

/* preadv/pwritev: the same at a position (the fourth argument). */
ENTER_FILLER(preadv)
{
	FILL_BEGIN(PPME_PREADV_E);
	push_u64(&e, arg_fd(ARG0));
	push_u64(&e, ARG3);
	FILL_SUBMIT();
}
EXIT_FILLER(preadv) { return vec_read_exit(regs, ret, EV(PPME_PREADV_X)); }

ENTER_FILLER(pwritev)
{
	FILL_BEGIN(PPME_PWRITEV_E);
	push_fd_iov_size(&e, regs);
	push_u64(&e, ARG3);
	FILL_SUBMIT();
}
EXIT_FILLER(pwritev) { return vec_write_exit(regs, ret, EV(PPME_PWRITEV_X)); }

ENTER_NOPARAMS(rename, PPME_RENAME_E)
EXIT_FILLER(rename)
{
	FILL_BEGIN(PPME_RENAME_X);
	push_u64(&e, ret);
	push_user_str(&e, (const void *)ARG0);
	push_user_str(&e, (const void *)ARG1);
	FILL_SUBMIT();
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

EXIT_RES_ARGS(renameat, PPME_RENAMEAT_X, push_renameat_paths)

EXIT_FILLER(renameat2)
{
	FILL_BEGIN(PPME_RENAMEAT2_X);
	push_u64(&e, ret);
	push_renameat_paths(&e, regs);
	push_u32(&e, (__u32)ARG4);
	FILL_SUBMIT();
}

/* res + one path argument: unlink, rmdir, chdir, stat, lstat. */
static __always_inline int path_exit(struct pt_regs *regs, long ret, __u16 type, __u32 nparams, const void *path)
{
	FILL_START(type, nparams);
	push_u64(&e, ret);
	push_user_str(&e, path);
	FILL_SUBMIT();
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

/* res, dirfd, path and one u32 (flags or mode): unlinkat, mkdirat. */
static __always_inline int at_path_exit(struct pt_regs *regs, long ret, __u16 type, __u32 nparams, __u32 last)
{
	FILL_START(type, nparams);
	push_u64(&e, ret);
	push_u64(&e, arg_fd(ARG0));
	push_user_str(&e, (const void *)ARG1);
	push_u32(&e, last);
	FILL_SUBMIT();
}

ENTER_NOPARAMS(unlinkat, PPME_UNLINKAT_2_E)
/* AT_REMOVEDIR has the same value in PPM. */
EXIT_FILLER(unlinkat) { return at_path_exit(regs, ret, EV(PPME_UNLINKAT_2_X), (__u32)ARG2 & 0x200); }

ENTER_FILLER(mkdir)
{
	FILL_BEGIN(PPME_MKDIR_2_E);
	push_u32(&e, (__u32)ARG1);
	FILL_SUBMIT();
}
EXIT_FILLER(mkdir) { return path_exit(regs, ret, EV(PPME_MKDIR_2_X), (const void *)ARG0); }

ENTER_NOPARAMS(mkdirat, PPME_MKDIRAT_E)
EXIT_FILLER(mkdirat) { return at_path_exit(regs, ret, EV(PPME_MKDIRAT_X), (__u32)ARG2); }

ENTER_FILLER(access)
{
	FILL_BEGIN(PPME_ACCESS_E);
	push_u32(&e, (__u32)ARG1); /* F_OK/X_OK/W_OK/R_OK match the PPM bits */
	FILL_SUBMIT();
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
	FILL_SUBMIT();
}

ENTER_FILLER(fcntl)
{
	FILL_BEGIN(PPME_FCNTL_E);
	push_u64(&e, arg_fd(ARG0));
	push_u8(&e, ppm_fcntl_cmd((__u32)ARG1));
	FILL_SUBMIT();
}
EXIT_RES(fcntl, PPME_FCNTL_X)

ENTER_FILLER(ioctl)
{
	FILL_BEGIN(PPME_IOCTL_2_E);
	push_u64(&e, arg_fd(ARG0));
	push_u64(&e, ARG1);
	push_u64(&e, ARG2);
	FILL_SUBMIT();
}
EXIT_RES(ioctl, PPME_IOCTL_2_X)

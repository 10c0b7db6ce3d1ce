/* Process lifecycle: clone/fork/vfork/clone3 and execve exits carry the
 * identity of the thread that returns (scap-format.md §11.2), in sysdig
 * 0.29.3's layouts (clone 20 parameters, execve 20). */

/* exe (argv[0]) and args (argv[1..], NUL-separated) from the process's own
 * argument area, both bounded. */
static __always_inline void push_exe_args(struct event *e, struct task_struct *t)
{
	struct mm_struct *mm = BPF_CORE_READ(t, mm);
	unsigned long start = 0, end = 0;
	long n;

	if (mm) {
		start = BPF_CORE_READ(mm, arg_start);
		end = BPF_CORE_READ(mm, arg_end);
	}
	if (!mm || end <= start || !ev_room(e, MAX_PATH_LEN + MAX_ARGS_LEN)) {
		push_empty(e);
		push_empty(e);
		return;
	}
	n = bpf_probe_read_user_str(e->buf + (e->pos & EV_MASK), MAX_PATH_LEN, (const void *)start);
	if (n <= 0 || n > MAX_PATH_LEN) {
		push_empty(e);
		push_empty(e);
		return;
	}
	ev_commit(e, (__u32)n);
	push_user_bytes(e, (const void *)(start + n), end - start - n, MAX_ARGS_LEN);
}

static __always_inline __s64 task_ptid(struct task_struct *t)
{
	return BPF_CORE_READ(t, real_parent, pid);
}

/* res, exe, args, tid, pid, ptid, cwd, fdlimit, pgft_maj, pgft_min,
 * vm_size, vm_rss, vm_swap, comm: the common head of both layouts. */
static __always_inline void push_identity(struct event *e, struct task_struct *t, long ret)
{
	char comm[MAX_COMM_LEN] = {};
	push_u64(e, ret);
	push_exe_args(e, t);
	push_u64(e, BPF_CORE_READ(t, pid));
	push_u64(e, BPF_CORE_READ(t, tgid));
	push_u64(e, task_ptid(t));
	push_cwd(e, t);
	push_u64(e, BPF_CORE_READ(t, signal, rlim[7].rlim_cur)); /* RLIMIT_NOFILE */
	push_u64(e, BPF_CORE_READ(t, maj_flt));
	push_u64(e, BPF_CORE_READ(t, min_flt));
	push_vm(e, t);
	bpf_get_current_comm(comm, sizeof(comm));
	*(__u8 *)(e->buf + ((e->pos + MAX_COMM_LEN) & EV_MASK)) = 0;
	__builtin_memcpy(e->buf + (e->pos & EV_MASK), comm, MAX_COMM_LEN);
	{
		/* The length up to and including the NUL. */
		__u32 len = 1;
		for (int i = 0; i < MAX_COMM_LEN; i++) {
			if (comm[i] == 0) {
				len = i + 1;
				break;
			}
			len = i + 2;
		}
		ev_commit(e, len > MAX_COMM_LEN ? MAX_COMM_LEN + 1 : len);
	}
}

static __always_inline int clone_exit(struct pt_regs *regs, long ret, __u16 type, __u32 nparams, __u64 clone_flags)
{
	struct task_struct *t = bpf_get_current_task_btf();
	FILL_START(type, nparams);
	push_identity(&e, t, ret);
	push_cgroups(&e, t);
	push_u32(&e, ppm_clone_flags(clone_flags));
	push_u32(&e, BPF_CORE_READ(t, cred, euid.val));
	push_u32(&e, BPF_CORE_READ(t, cred, egid.val));
	push_u64(&e, pid_in_own_ns(BPF_CORE_READ(t, thread_pid)));
	push_u64(&e, pid_in_own_ns(BPF_CORE_READ(t, group_leader, thread_pid)));
	FILL_SUBMIT();
}

ENTER_NOPARAMS(clone, PPME_CLONE_4_E)
EXIT_FILLER(clone) { return clone_exit(regs, ret, EV(PPME_CLONE_4_X), ARG0); }
ENTER_NOPARAMS(fork, PPME_FORK_3_E)
EXIT_FILLER(fork) { return clone_exit(regs, ret, EV(PPME_FORK_3_X), 0); }
ENTER_NOPARAMS(vfork, PPME_VFORK_3_E)
EXIT_FILLER(vfork) { return clone_exit(regs, ret, EV(PPME_VFORK_3_X), 0x00004000 | 0x00000100); }
ENTER_NOPARAMS(clone3, PPME_CLONE3_E)
EXIT_FILLER(clone3)
{
	__u64 flags = 0;
	bpf_probe_read_user(&flags, sizeof(flags), (const void *)ARG0); /* clone_args.flags */
	return clone_exit(regs, ret, EV(PPME_CLONE3_X), flags);
}

ENTER_FILLER(execve)
{
	FILL_BEGIN(PPME_EXECVE_8_E);
	push_user_str(&e, (const void *)ARG0);
	FILL_SUBMIT();
}

/* execve and execveat share sysdig 0.29.3's 20-parameter exit layout. */
static __always_inline int execve_exit(long ret, __u16 type, __u32 nparams)
{
	struct task_struct *t = bpf_get_current_task_btf();
	struct mm_struct *mm;
	FILL_START(type, nparams);
	push_identity(&e, t, ret);
	push_cgroups(&e, t);
	mm = BPF_CORE_READ(t, mm);
	if (mm) {
		unsigned long s = BPF_CORE_READ(mm, env_start), end = BPF_CORE_READ(mm, env_end);
		push_user_bytes(&e, (const void *)s, end > s ? end - s : 0, MAX_ENV_LEN);
	} else {
		push_empty(&e);
	}
	push_u32(&e, 0); /* tty */
	push_u64(&e, pid_in_own_ns(BPF_CORE_READ(t, signal, pids[PIDTYPE_PGID])));
	push_u32(&e, bpf_core_field_exists(t->loginuid) ? BPF_CORE_READ(t, loginuid.val) : 0xFFFFFFFF);
	push_u32(&e, 0); /* flags */
	FILL_SUBMIT();
}

/* Whether the current thread's exec came from execveat (and forgets it). */
static __always_inline bool leaving_execveat(void)
{
	__u32 tid = (__u32)bpf_get_current_pid_tgid();
	if (!bpf_map_lookup_elem(&in_execveat, &tid))
		return false;
	bpf_map_delete_elem(&in_execveat, &tid);
	return true;
}

EXIT_FILLER(execve)
{
	if (leaving_execveat())
		return execve_exit(ret, EV(PPME_EXECVEAT_X));
	return execve_exit(ret, EV(PPME_EXECVE_8_X));
}

/* Linux AT_* flags of execveat -> PPM_EXVAT_* (scap-format.md §10.4). */
static __always_inline __u32 ppm_execveat_flags(__u64 flags)
{
	__u32 r = 0;
	if (flags & 0x1000) /* AT_EMPTY_PATH */
		r |= 0x1;
	if (flags & 0x100) /* AT_SYMLINK_NOFOLLOW */
		r |= 0x2;
	return r;
}

ENTER_FILLER(execveat)
{
	FILL_BEGIN(PPME_EXECVEAT_E);
	push_u64(&e, arg_fd(ARG0));
	push_user_str(&e, (const void *)ARG1);
	push_u32(&e, ppm_execveat_flags(ARG4));
	ev_submit(&e);
	{
		__u32 tid = (__u32)bpf_get_current_pid_tgid();
		__u8 one = 1;
		bpf_map_update_elem(&in_execveat, &tid, &one, BPF_ANY);
	}
	return 0;
}

/* Reached when execveat failed (its number is still in orig_ax). */
EXIT_FILLER(execveat)
{
	leaving_execveat();
	return execve_exit(ret, EV(PPME_EXECVEAT_X));
}

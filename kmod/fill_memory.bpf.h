/* Memory calls: the arguments, and the process's memory after the call. */

ENTER_FILLER(brk)
{
	struct event e;
	if (!ev_begin(&e, PPME_BRK_2_E))
		return 0;
	push_u64(&e, ARG0);
	ev_submit(&e);
	return 0;
}

/* res, vm_size, vm_rss, vm_swap: the 0.29.3 exit of brk, mmap, munmap. */
static __always_inline int vm_exit(long ret, __u16 type, __u32 nparams)
{
	struct event e;
	if (!ev_start(&e, type, nparams))
		return 0;
	push_u64(&e, ret);
	push_vm(&e, bpf_get_current_task_btf());
	ev_submit(&e);
	return 0;
}

EXIT_FILLER(brk) { return vm_exit(ret, EV(PPME_BRK_2_X)); }

ENTER_FILLER(mmap)
{
	struct event e;
	if (!ev_begin(&e, PPME_MMAP_E))
		return 0;
	push_u64(&e, ARG0);
	push_u64(&e, ARG1);
	push_u32(&e, (__u32)ARG2 & 0xF); /* PROT_READ/WRITE/EXEC/SEM match PPM */
	{
		__u32 f = (__u32)ARG3, r = 0;
		if (f & 0x01) r |= 1;       /* MAP_SHARED */
		if (f & 0x02) r |= 2;       /* MAP_PRIVATE */
		if (f & 0x10) r |= 4;       /* MAP_FIXED */
		if (f & 0x20) r |= 8;       /* MAP_ANONYMOUS */
		if (f & 0x40) r |= 0x10;    /* MAP_32BIT */
		if (f & 0x4000) r |= 0x40;  /* MAP_NORESERVE */
		if (f & 0x8000) r |= 0x80;  /* MAP_POPULATE */
		if (f & 0x10000) r |= 0x100; /* MAP_NONBLOCK */
		if (f & 0x100) r |= 0x200;  /* MAP_GROWSDOWN */
		if (f & 0x800) r |= 0x400;  /* MAP_DENYWRITE */
		if (f & 0x1000) r |= 0x800; /* MAP_EXECUTABLE */
		if (f & 0x2000) r |= 0x4000; /* MAP_LOCKED */
		push_u32(&e, r);
	}
	push_u64(&e, arg_fd(ARG4));
	push_u64(&e, ARG5);
	ev_submit(&e);
	return 0;
}
EXIT_FILLER(mmap) { return vm_exit(ret, EV(PPME_MMAP_X)); }

ENTER_FILLER(munmap)
{
	struct event e;
	if (!ev_begin(&e, PPME_MUNMAP_E))
		return 0;
	push_u64(&e, ARG0);
	push_u64(&e, ARG1);
	ev_submit(&e);
	return 0;
}
EXIT_FILLER(munmap) { return vm_exit(ret, EV(PPME_MUNMAP_X)); }

/* Memory calls: the arguments, and the process's memory after the call. */

ENTER_FILLER(brk)
{
	FILL_BEGIN(PPME_BRK_2_E);
	push_u64(&e, ARG0);
	FILL_SUBMIT();
}

/* res, vm_size, vm_rss, vm_swap: the 0.29.3 exit of brk, mmap, munmap. */
static __always_inline int vm_exit(long ret, __u16 type, __u32 nparams)
{
	FILL_START(type, nparams);
	push_u64(&e, ret);
	push_vm(&e, bpf_get_current_task_btf());
	FILL_SUBMIT();
}

EXIT_FILLER(brk) { return vm_exit(ret, EV(PPME_BRK_2_X)); }

ENTER_FILLER(mmap)
{
	FILL_BEGIN(PPME_MMAP_E);
	push_u64(&e, ARG0);
	push_u64(&e, ARG1);
	push_u32(&e, (__u32)ARG2 & 0xF); /* PROT_READ/WRITE/EXEC/SEM match PPM */
	push_u32(&e, ppm_mmap_flags((__u32)ARG3));
	push_u64(&e, arg_fd(ARG4));
	push_u64(&e, ARG5);
	FILL_SUBMIT();
}
EXIT_FILLER(mmap) { return vm_exit(ret, EV(PPME_MMAP_X)); }

ENTER_FILLER(munmap)
{
	FILL_BEGIN(PPME_MUNMAP_E);
	push_u64(&e, ARG0);
	push_u64(&e, ARG1);
	FILL_SUBMIT();
}
EXIT_FILLER(munmap) { return vm_exit(ret, EV(PPME_MUNMAP_X)); }

/* System calls without a dedicated event: the generic pair 0/1 naming the
 * call by its PPM_SC code (scap-format.md §11.1). */

static __always_inline __u16 ppm_sc_of(__u32 nr)
{
	__u16 *code = bpf_map_lookup_elem(&ppm_sc_codes, &nr);
	return code ? *code : 0;
}

ENTER_FILLER(generic)
{
	struct event e;
	if (!ev_begin(&e, 0, 2))
		return 0;
	push_u16(&e, ppm_sc_of((__u32)id));
	push_u16(&e, (__u16)id);
	ev_submit(&e);
	return 0;
}

EXIT_FILLER(generic)
{
	struct event e;
	/* sysdig 0.29.3's syscall exit carries only the ID. */
	if (!ev_begin(&e, 1, 1))
		return 0;
	push_u16(&e, ppm_sc_of((__u32)regs->orig_ax));
	ev_submit(&e);
	return 0;
}

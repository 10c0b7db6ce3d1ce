/* The one file that sees the generated skeleton (DESIGN.md §3). */
#include "capture/bpf_probe.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "tracetop.skel.h"
#include "tracetop_shared.h"

struct tt_probe {
	struct tracetop_bpf *skel;
	int ncpus;
	uint32_t ring_bytes;
	int *ring_fds;
	struct bpf_link *links[5];
	/* The route each system call takes when wanted (generic or filler), so
	 * that interest can be switched back on. */
	uint8_t route_when_on[TRACETOP_SYSCALL_SLOTS];
};

/* Native x86_64 system-call number -> filler pair "<name>_e"/"<name>_x".
 * Calls not listed get the generic events, written by the dispatchers. */
struct filler_row {
	uint16_t nr;
	const char *name;
};

static const struct filler_row kFillers[] = {
	{0, "read"}, {1, "write"}, {2, "open"}, {3, "close"}, {4, "stat"}, {5, "fstat"},
	{6, "lstat"}, {9, "mmap"}, {11, "munmap"}, {12, "brk"}, {16, "ioctl"}, {17, "pread"},
	{18, "pwrite"}, {19, "readv"}, {20, "writev"}, {21, "access"}, {22, "pipe"}, {32, "dup"},
	{33, "dup"}, {41, "socket"}, {42, "connect"}, {43, "accept"}, {44, "sendto"},
	{45, "recvfrom"}, {46, "sendmsg"}, {47, "recvmsg"}, {48, "shutdown"}, {49, "bind"},
	{50, "listen"}, {53, "socketpair"}, {56, "clone"}, {57, "fork"}, {58, "vfork"},
	{59, "execve"}, {62, "kill"},
	{72, "fcntl"}, {80, "chdir"}, {81, "fchdir"}, {82, "rename"}, {83, "mkdir"}, {84, "rmdir"},
	{85, "creat"}, {87, "unlink"}, {200, "tkill"}, {234, "tgkill"}, {257, "openat"},
	{258, "mkdirat"}, {263, "unlinkat"}, {264, "renameat"}, {288, "accept4"}, {292, "dup"},
	{293, "pipe"}, {316, "renameat2"}, {322, "execveat"}, {435, "clone3"}, {437, "openat2"},
};

static int quiet_print(enum libbpf_print_level level, const char *fmt, va_list args)
{
	/* libbpf explains verifier failures at length; show them only on request. */
	if (getenv("TRACETOP_BPF_DEBUG") == NULL || level == LIBBPF_DEBUG)
		return 0;
	return vfprintf(stderr, fmt, args);
}

static void fail(char *err, size_t errlen, const char *what, int e)
{
	snprintf(err, errlen, "%s: %s", what, strerror(e < 0 ? -e : e));
}

/* The value of the routes map (kmod/maps.bpf.h, struct syscall_route). */
struct route_value {
	uint16_t ppm_sc;
	uint8_t route;
	uint8_t unused;
};

static int prog_fd(struct tracetop_bpf *skel, const char *name, const char *suffix)
{
	char full[64];
	struct bpf_program *p;
	snprintf(full, sizeof(full), "%s%s", name, suffix);
	p = bpf_object__find_program_by_name(skel->obj, full);
	return p ? bpf_program__fd(p) : -1;
}

static int fill_dispatch(struct tt_probe *probe, const struct tt_probe_config *cfg)
{
	struct tracetop_bpf *skel = probe->skel;
	int enter_map = bpf_map__fd(skel->maps.enter_fillers);
	int exit_map = bpf_map__fd(skel->maps.exit_fillers);
	int routes = bpf_map__fd(skel->maps.routes);
	uint32_t nr;
	size_t i;

	memset(probe->route_when_on, TRACETOP_ROUTE_GENERIC, sizeof(probe->route_when_on));
	for (i = 0; i < sizeof(kFillers) / sizeof(kFillers[0]); i++) {
		int e = prog_fd(skel, kFillers[i].name, "_e");
		int x = prog_fd(skel, kFillers[i].name, "_x");
		nr = kFillers[i].nr;
		if (e < 0 || x < 0)
			return -ENOENT;
		if (bpf_map_update_elem(enter_map, &nr, &e, BPF_ANY) ||
		    bpf_map_update_elem(exit_map, &nr, &x, BPF_ANY))
			return -errno;
		probe->route_when_on[nr] = TRACETOP_ROUTE_FILLER;
	}
	/* Routes last: a route to a filler is only followed once its program is
	 * in the array. */
	for (nr = 0; nr < TRACETOP_SYSCALL_SLOTS; nr++) {
		struct route_value r = {0};
		r.ppm_sc = nr < cfg->ppm_sc_count ? cfg->ppm_sc[nr] : 0;
		r.route = probe->route_when_on[nr];
		if (bpf_map_update_elem(routes, &nr, &r, BPF_ANY))
			return -errno;
	}
	return 0;
}

static int make_rings(struct tt_probe *probe)
{
	int cpu;
	for (cpu = 0; cpu < probe->ncpus; cpu++) {
		int fd = bpf_map_create(BPF_MAP_TYPE_RINGBUF, "tt_ring", 0, 0, probe->ring_bytes, NULL);
		if (fd < 0)
			return -errno;
		probe->ring_fds[cpu] = fd;
	}
	return 0;
}

static int plug_rings(struct tt_probe *probe)
{
	int outer = bpf_map__fd(probe->skel->maps.rings);
	int cpu;
	for (cpu = 0; cpu < probe->ncpus; cpu++) {
		uint32_t key = (uint32_t)cpu;
		if (bpf_map_update_elem(outer, &key, &probe->ring_fds[cpu], BPF_ANY))
			return -errno;
	}
	return 0;
}

static int attach(struct tt_probe *probe, int context_switches)
{
	struct tracetop_bpf *skel = probe->skel;
	struct bpf_program *progs[5] = {skel->progs.tt_sys_enter, skel->progs.tt_sys_exit,
					 skel->progs.tt_proc_exit, skel->progs.tt_signal_deliver,
					 context_switches ? skel->progs.tt_sched_switch : NULL};
	int i;
	for (i = 0; i < 5; i++) {
		if (!progs[i])
			continue;
		probe->links[i] = bpf_program__attach(progs[i]);
		if (!probe->links[i]) {
			int e = -errno;
			probe->links[i] = NULL;
			return e;
		}
	}
	return 0;
}

struct tt_probe *tt_probe_open(const struct tt_probe_config *cfg, char *err, size_t errlen)
{
	struct tt_probe *probe = calloc(1, sizeof(*probe));
	int rc;

	libbpf_set_print(quiet_print);
	if (!probe) {
		fail(err, errlen, "out of memory", ENOMEM);
		return NULL;
	}
	probe->ncpus = libbpf_num_possible_cpus();
	probe->ring_bytes = cfg->ring_bytes;
	if (probe->ncpus <= 0) {
		fail(err, errlen, "cannot count CPUs", -probe->ncpus);
		goto out;
	}
	probe->ring_fds = malloc(sizeof(int) * (size_t)probe->ncpus);
	if (!probe->ring_fds)
		goto out;
	for (rc = 0; rc < probe->ncpus; rc++)
		probe->ring_fds[rc] = -1;

	probe->skel = tracetop_bpf__open();
	if (!probe->skel) {
		fail(err, errlen, "cannot open the BPF probe", errno);
		goto out;
	}
	probe->skel->rodata->cfg_own_tgid = cfg->own_tgid;
	probe->skel->rodata->cfg_boot_offset_ns = cfg->boot_offset_ns;
	probe->skel->rodata->cfg_snaplen = cfg->snaplen;
	bpf_map__set_max_entries(probe->skel->maps.rings, (uint32_t)probe->ncpus);
	bpf_map__set_max_entries(probe->skel->maps.scratch, (uint32_t)probe->ncpus);
	bpf_map__set_max_entries(probe->skel->maps.drops, 1);

	/* The rings exist before load: the first one is the template the outer
	 * array checks its members against (libbpf 1.1 cannot resize the
	 * template declared in the object). */
	if ((rc = make_rings(probe))) {
		fail(err, errlen, "cannot create the per-CPU ring buffers (try a smaller --buffer-mb)", rc);
		goto out;
	}
	bpf_map__set_inner_map_fd(probe->skel->maps.rings, probe->ring_fds[0]);
	rc = tracetop_bpf__load(probe->skel);
	if (rc) {
		fail(err, errlen, "the kernel refused the BPF probe (TRACETOP_BPF_DEBUG=1 shows why)", rc);
		goto out;
	}
	if ((rc = plug_rings(probe))) {
		fail(err, errlen, "cannot install the per-CPU ring buffers", rc);
		goto out;
	}
	if ((rc = fill_dispatch(probe, cfg))) {
		fail(err, errlen, "cannot fill the system-call dispatch tables", rc);
		goto out;
	}
	if ((rc = attach(probe, cfg->context_switches))) {
		fail(err, errlen, "cannot attach to the kernel tracepoints", rc);
		goto out;
	}
	return probe;
out:
	tt_probe_close(probe);
	return NULL;
}

void tt_probe_detach(struct tt_probe *probe)
{
	int i;
	for (i = 0; i < 5; i++) {
		bpf_link__destroy(probe->links[i]);
		probe->links[i] = NULL;
	}
}

void tt_probe_close(struct tt_probe *probe)
{
	int i;
	if (!probe)
		return;
	tt_probe_detach(probe);
	if (probe->ring_fds) {
		for (i = 0; i < probe->ncpus; i++)
			if (probe->ring_fds[i] >= 0)
				close(probe->ring_fds[i]);
		free(probe->ring_fds);
	}
	tracetop_bpf__destroy(probe->skel);
	free(probe);
}

int tt_probe_cpu_count(const struct tt_probe *probe) { return probe->ncpus; }

int tt_probe_ring_fd(const struct tt_probe *probe, int cpu)
{
	return cpu >= 0 && cpu < probe->ncpus ? probe->ring_fds[cpu] : -1;
}

uint32_t tt_probe_ring_bytes(const struct tt_probe *probe) { return probe->ring_bytes; }

uint64_t tt_probe_drops(const struct tt_probe *probe)
{
	uint32_t key = 0;
	uint64_t total = 0;
	uint64_t *per_cpu = calloc((size_t)probe->ncpus, sizeof(uint64_t));
	int i;
	if (!per_cpu)
		return 0;
	if (bpf_map_lookup_elem(bpf_map__fd(probe->skel->maps.drops), &key, per_cpu) == 0)
		for (i = 0; i < probe->ncpus; i++)
			total += per_cpu[i];
	free(per_cpu);
	return total;
}

int tt_probe_drops_per_cpu(const struct tt_probe *probe, uint64_t *out, int n)
{
	uint32_t key = 0;
	uint64_t *per_cpu = calloc((size_t)probe->ncpus, sizeof(uint64_t));
	int i, rc;
	if (!per_cpu)
		return -ENOMEM;
	rc = bpf_map_lookup_elem(bpf_map__fd(probe->skel->maps.drops), &key, per_cpu) ? -errno : 0;
	for (i = 0; i < n && i < probe->ncpus; i++)
		out[i] = rc ? 0 : per_cpu[i];
	free(per_cpu);
	return rc;
}

int tt_probe_set_interest(struct tt_probe *probe, uint32_t syscall_nr, int on)
{
	int fd;
	struct route_value r;
	if (syscall_nr >= TRACETOP_SYSCALL_SLOTS)
		return -EINVAL;
	fd = bpf_map__fd(probe->skel->maps.routes);
	if (bpf_map_lookup_elem(fd, &syscall_nr, &r))
		return -errno;
	r.route = on ? probe->route_when_on[syscall_nr] : TRACETOP_ROUTE_OFF;
	return bpf_map_update_elem(fd, &syscall_nr, &r, BPF_ANY) ? -errno : 0;
}

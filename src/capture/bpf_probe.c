/* The one file that sees the generated skeleton (DESIGN.md §3). */
#include "capture/bpf_probe.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <unistd.h>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "tracetop.skel.h"
#include "tracetop_shared.h"

/* The scheduler and signal programs, two dispatchers, two per call. */
#define TT_MAX_LINKS (5 + 2 * TRACETOP_SYSCALL_SLOTS)

/* Up to this many wanted calls are captured on their own tracepoints: each
 * costs the calls outside the set nothing but the kernel's syscall-tracing
 * slow path, while the raw dispatchers run for every call of the machine
 * (bench/interest.sh). Larger sets, full capture among them, take the raw
 * dispatchers, whose per-event cost is lower. */
#define TT_PER_SYSCALL_MAX 128

struct tt_probe {
	struct tracetop_bpf *skel;
	int ncpus;
	uint32_t ring_bytes;
	int *ring_fds;
	enum tt_probe_mode mode;
	/* Scheduler and signal tracepoints, the raw dispatchers, then (per
	 * syscall mode) two per wanted call. */
	struct bpf_link *links[TT_MAX_LINKS];
	int nlinks;
	/* Per-syscall mode: the kernel's name for each wanted call's
	 * tracepoints ("openat" for syscalls:sys_enter_openat), "" otherwise. */
	char tp_names[TRACETOP_SYSCALL_SLOTS][40];
};

/* Native x86_64 system-call number -> filler pair "<name>_e"/"<name>_x".
 * Calls not listed get the generic events, written by the dispatchers. */
struct filler_row {
	uint16_t nr;
	const char *name;
};

static const struct filler_row kFillers[] = {
	{0, "read"}, {1, "write"}, {2, "open"}, {3, "close"}, {4, "stat"}, {5, "fstat"},
	{6, "lstat"}, {7, "poll"}, {9, "mmap"}, {11, "munmap"}, {12, "brk"}, {16, "ioctl"}, {17, "pread"},
	{18, "pwrite"}, {19, "readv"}, {20, "writev"}, {21, "access"}, {22, "pipe"}, {23, "select"}, {32, "dup"},
	{33, "dup"}, {41, "socket"}, {42, "connect"}, {43, "accept"}, {44, "sendto"},
	{45, "recvfrom"}, {46, "sendmsg"}, {47, "recvmsg"}, {48, "shutdown"}, {49, "bind"},
	{50, "listen"}, {53, "socketpair"}, {56, "clone"}, {57, "fork"}, {58, "vfork"},
	{59, "execve"}, {62, "kill"},
	{72, "fcntl"}, {80, "chdir"}, {81, "fchdir"}, {82, "rename"}, {83, "mkdir"}, {84, "rmdir"},
	{85, "creat"}, {87, "unlink"}, {200, "tkill"}, {232, "epoll_wait"}, {234, "tgkill"}, {257, "openat"},
	{258, "mkdirat"}, {263, "unlinkat"}, {264, "renameat"}, {271, "ppoll"}, {288, "accept4"}, {292, "dup"},
	{293, "pipe"}, {295, "preadv"}, {296, "pwritev"}, {299, "recvmmsg"}, {307, "sendmmsg"},
	{316, "renameat2"}, {322, "execveat"}, {435, "clone3"}, {437, "openat2"},
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

static int prog_fd(struct tracetop_bpf *skel, const char *name, const char *suffix)
{
	char full[64];
	struct bpf_program *p;
	snprintf(full, sizeof(full), "%s%s", name, suffix);
	p = bpf_object__find_program_by_name(skel->obj, full);
	return p ? bpf_program__fd(p) : -1;
}

static const char *filler_name(uint32_t nr)
{
	size_t i;
	for (i = 0; i < sizeof(kFillers) / sizeof(kFillers[0]); i++)
		if (kFillers[i].nr == nr)
			return kFillers[i].name;
	return NULL;
}

const char *tt_probe_filler_of(uint32_t syscall_nr) { return filler_name(syscall_nr); }

static int wanted(const struct tt_probe_config *cfg, uint32_t nr)
{
	return cfg->interest == NULL || cfg->interest[nr];
}

static int fill_dispatch(struct tt_probe *probe, const struct tt_probe_config *cfg)
{
	struct tracetop_bpf *skel = probe->skel;
	int enter_map = bpf_map__fd(skel->maps.enter_fillers);
	int exit_map = bpf_map__fd(skel->maps.exit_fillers);
	int routes = bpf_map__fd(skel->maps.routes);
	uint8_t route[TRACETOP_SYSCALL_SLOTS];
	uint32_t nr;
	size_t i;

	memset(route, TRACETOP_ROUTE_GENERIC, sizeof(route));
	for (i = 0; i < sizeof(kFillers) / sizeof(kFillers[0]); i++) {
		route[kFillers[i].nr] = TRACETOP_ROUTE_FILLER;
		if (probe->mode != TT_MODE_RAW)
			continue; /* the per-syscall programs are not tail-called */
		int e = prog_fd(skel, kFillers[i].name, "_e");
		int x = prog_fd(skel, kFillers[i].name, "_x");
		nr = kFillers[i].nr;
		if (e < 0 || x < 0)
			return -ENOENT;
		if (bpf_map_update_elem(enter_map, &nr, &e, BPF_ANY) ||
		    bpf_map_update_elem(exit_map, &nr, &x, BPF_ANY))
			return -errno;
	}
	/* Routes last: a route to a filler is only followed once its program is
	 * in the array. */
	for (nr = 0; nr < TRACETOP_SYSCALL_SLOTS; nr++) {
		struct tracetop_route r = {0};
		r.ppm_sc = nr < cfg->ppm_sc_count ? cfg->ppm_sc[nr] : 0;
		r.route = wanted(cfg, nr) ? route[nr] : TRACETOP_ROUTE_OFF;
		if (bpf_map_update_elem(routes, &nr, &r, BPF_ANY))
			return -errno;
	}
	return 0;
}

/* The directory of the syscalls tracepoints, mounting tracefs where the
 * system left it unmounted (perf and bpftrace do the same); NULL without. */
static const char *syscall_events_dir(void)
{
	static const char *const dirs[] = {"/sys/kernel/tracing/events/syscalls",
					   "/sys/kernel/debug/tracing/events/syscalls"};
	size_t i;
	for (i = 0; i < 2; i++)
		if (access(dirs[i], X_OK) == 0)
			return dirs[i];
	if (mount("nodev", "/sys/kernel/tracing", "tracefs", 0, NULL) == 0 && access(dirs[0], X_OK) == 0)
		return dirs[0];
	return NULL;
}

/* The kernel's tracepoint name of a call: its own, or the "new" one of the
 * calls whose old layouts kept the plain name (stat -> newstat), or one of
 * the few the kernel spells differently. 0 when the call has none. */
static int find_tp_name(const char *dir, const char *name, char *out, size_t outlen)
{
	static const char *const renamed[][2] = {{"umount2", "umount"}, {"sendfile", "sendfile64"}};
	char path[256];
	const char *tries[3] = {name, NULL, NULL};
	char with_new[40];
	size_t i;
	snprintf(with_new, sizeof(with_new), "new%s", name);
	tries[1] = with_new;
	for (i = 0; i < sizeof(renamed) / sizeof(renamed[0]); i++)
		if (strcmp(name, renamed[i][0]) == 0)
			tries[2] = renamed[i][1];
	for (i = 0; i < 3; i++) {
		if (!tries[i])
			continue;
		snprintf(path, sizeof(path), "%s/sys_enter_%s", dir, tries[i]);
		if (access(path, F_OK) == 0) {
			snprintf(out, outlen, "%s", tries[i]);
			return 1;
		}
	}
	return 0;
}

/* Per-syscall mode when the set is small and every tracepoint it needs can
 * be found; the raw dispatchers otherwise. */
static enum tt_probe_mode choose_mode(struct tt_probe *probe, const struct tt_probe_config *cfg)
{
	const char *dir;
	uint32_t nr, count = 0;
	if (cfg->interest == NULL || cfg->syscall_names == NULL || getenv("TRACETOP_RAW_DISPATCH"))
		return TT_MODE_RAW;
	for (nr = 0; nr < TRACETOP_SYSCALL_SLOTS; nr++)
		count += cfg->interest[nr] ? 1 : 0;
	if (count > TT_PER_SYSCALL_MAX || (dir = syscall_events_dir()) == NULL)
		return TT_MODE_RAW;
	for (nr = 0; nr < TRACETOP_SYSCALL_SLOTS; nr++) {
		if (!cfg->interest[nr] || !cfg->syscall_names[nr])
			continue;
		/* A number the kernel does not implement has no tracepoint and
		 * never runs: nothing to miss. */
		find_tp_name(dir, cfg->syscall_names[nr], probe->tp_names[nr], sizeof(probe->tp_names[nr]));
	}
	return TT_MODE_PER_SYSCALL;
}

/* Loads only the programs the mode runs: the verifier's time, and the
 * kernel's memory, go to what is attached. */
static void choose_programs(struct tt_probe *probe, const struct tt_probe_config *cfg)
{
	struct bpf_program *p;
	uint32_t nr;
	bpf_object__for_each_program(p, probe->skel->obj)
	{
		const char *sec = bpf_program__section_name(p);
		int per_syscall_kind = strcmp(sec, "tracepoint") == 0;
		int raw_kind = strncmp(sec, "tp_btf/sys_e", 12) == 0;
		if (per_syscall_kind)
			bpf_program__set_autoload(p, false);
		else if (raw_kind)
			bpf_program__set_autoload(p, probe->mode == TT_MODE_RAW);
	}
	bpf_program__set_autoload(probe->skel->progs.tt_sched_switch, cfg->context_switches != 0);
	if (probe->mode != TT_MODE_PER_SYSCALL)
		return;
	for (nr = 0; nr < TRACETOP_SYSCALL_SLOTS; nr++) {
		const char *f = filler_name(nr);
		char full[64];
		if (!probe->tp_names[nr][0])
			continue;
		if (!f) {
			bpf_program__set_autoload(probe->skel->progs.tt_generic_te, true);
			bpf_program__set_autoload(probe->skel->progs.tt_generic_tx, true);
			continue;
		}
		snprintf(full, sizeof(full), "%s_te", f);
		bpf_program__set_autoload(bpf_object__find_program_by_name(probe->skel->obj, full), true);
		snprintf(full, sizeof(full), "%s_tx", f);
		bpf_program__set_autoload(bpf_object__find_program_by_name(probe->skel->obj, full), true);
	}
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

static int add_link(struct tt_probe *probe, struct bpf_link *link)
{
	if (!link)
		return -errno;
	if (probe->nlinks >= TT_MAX_LINKS) {
		bpf_link__destroy(link);
		return -E2BIG;
	}
	probe->links[probe->nlinks++] = link;
	return 0;
}

/* Each wanted call's enter and exit tracepoints, to its filler's programs
 * or the generic pair. */
static int attach_per_syscall(struct tt_probe *probe)
{
	struct tracetop_bpf *skel = probe->skel;
	uint32_t nr;
	int rc;
	for (nr = 0; nr < TRACETOP_SYSCALL_SLOTS; nr++) {
		const char *f = filler_name(nr);
		struct bpf_program *e = skel->progs.tt_generic_te, *x = skel->progs.tt_generic_tx;
		char tp[64];
		if (!probe->tp_names[nr][0])
			continue;
		if (f) {
			char full[64];
			snprintf(full, sizeof(full), "%s_te", f);
			e = bpf_object__find_program_by_name(skel->obj, full);
			snprintf(full, sizeof(full), "%s_tx", f);
			x = bpf_object__find_program_by_name(skel->obj, full);
		}
		snprintf(tp, sizeof(tp), "sys_enter_%s", probe->tp_names[nr]);
		if ((rc = add_link(probe, bpf_program__attach_tracepoint(e, "syscalls", tp))))
			return rc;
		snprintf(tp, sizeof(tp), "sys_exit_%s", probe->tp_names[nr]);
		if ((rc = add_link(probe, bpf_program__attach_tracepoint(x, "syscalls", tp))))
			return rc;
	}
	return 0;
}

static int attach(struct tt_probe *probe, int context_switches)
{
	struct tracetop_bpf *skel = probe->skel;
	int raw = probe->mode == TT_MODE_RAW;
	struct bpf_program *progs[5] = {skel->progs.tt_proc_exit, skel->progs.tt_signal_deliver,
					 context_switches ? skel->progs.tt_sched_switch : NULL,
					 raw ? skel->progs.tt_sys_enter : NULL, raw ? skel->progs.tt_sys_exit : NULL};
	int i, rc;
	for (i = 0; i < 5; i++) {
		if (progs[i] && (rc = add_link(probe, bpf_program__attach(progs[i]))))
			return rc;
	}
	if (raw)
		return 0;
	if ((rc = attach_per_syscall(probe)))
		return rc;
	probe->skel->bss->tt_capturing = 1;
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
	probe->mode = choose_mode(probe, cfg);
	choose_programs(probe, cfg);
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
	if (getenv("TRACETOP_BPF_DEBUG"))
		fprintf(stderr, "tracetop: probe: %s (%d links)\n",
			probe->mode == TT_MODE_PER_SYSCALL ? "per-syscall tracepoints" : "raw sys_enter/sys_exit",
			probe->nlinks);
	return probe;
out:
	tt_probe_close(probe);
	return NULL;
}

void tt_probe_detach(struct tt_probe *probe)
{
	int i;
	/* The whole set stops at once (kmod/tracetop.bpf.c, tt_capturing). */
	if (probe->skel && probe->skel->bss)
		probe->skel->bss->tt_capturing = 0;
	for (i = 0; i < probe->nlinks; i++) {
		bpf_link__destroy(probe->links[i]);
		probe->links[i] = NULL;
	}
	probe->nlinks = 0;
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

enum tt_probe_mode tt_probe_mode_of(const struct tt_probe *probe) { return probe->mode; }

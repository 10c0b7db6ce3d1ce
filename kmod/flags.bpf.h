/* Native Linux values -> the PPM encodings scap events carry
 * (scap-format.md §10). Plain arithmetic, no kernel reads. */
#ifndef TRACETOP_FLAGS_BPF_H
#define TRACETOP_FLAGS_BPF_H

/* Clone, mmap and openat2 resolve flags and fcntl commands, generated from the schema's
 * flag tables (src/event/flag_tables.toml). */
#include "ppm_flag_maps.bpf.h"

/* x86_64 values of the open flags (octal in the uapi headers). */
#define L_O_ACCMODE 03
#define L_O_CREAT 0100
#define L_O_EXCL 0200
#define L_O_TRUNC 01000
#define L_O_APPEND 02000
#define L_O_NONBLOCK 04000
#define L_O_DSYNC 010000
#define L_O_DIRECT 040000
#define L_O_LARGEFILE 0100000
#define L_O_DIRECTORY 0200000
#define L_O_CLOEXEC 02000000
#define L_O_SYNC 04010000
#define L_O_TMPFILE 020200000

static __always_inline __u32 ppm_open_flags(__u32 f)
{
	__u32 r = 0;
	__u32 acc = f & L_O_ACCMODE;
	/* PPM has a bit for read-only where Linux uses the value 0. */
	if (acc == 0)
		r |= 1;
	else if (acc == 1)
		r |= 2;
	else if (acc == 2)
		r |= 3;
	if (f & L_O_CREAT) r |= 4;
	if (f & L_O_APPEND) r |= 8;
	if (f & L_O_DSYNC) r |= 0x10;
	if (f & L_O_EXCL) r |= 0x20;
	if (f & L_O_NONBLOCK) r |= 0x40;
	if ((f & L_O_SYNC) == L_O_SYNC) r |= 0x80;
	if (f & L_O_TRUNC) r |= 0x100;
	if (f & L_O_DIRECT) r |= 0x200;
	if ((f & L_O_TMPFILE) == L_O_TMPFILE) r |= 0x2000;
	else if (f & L_O_DIRECTORY) r |= 0x400;
	if (f & L_O_LARGEFILE) r |= 0x800;
	if (f & L_O_CLOEXEC) r |= 0x1000;
	return r;
}

/* The mode only means something when a file may be created. */
static __always_inline __u32 open_mode(__u32 flags, __u32 mode)
{
	if ((flags & L_O_CREAT) || (flags & L_O_TMPFILE) == L_O_TMPFILE)
		return mode;
	return 0;
}

/* The kernel's dev_t (12-bit major, 20-bit minor) in the old 8:8 layout the
 * scap dev parameter uses, extended the way userspace dev_t is. */
static __always_inline __u32 scap_dev(__u32 kdev)
{
	__u32 major = kdev >> 20;
	__u32 minor = kdev & 0xfffff;
	return (minor & 0xff) | (major << 8) | ((minor & ~0xffu) << 12);
}

#endif

/* Native Linux values -> the PPM encodings scap events carry
 * (scap-format.md §10). Plain arithmetic, no kernel reads. */
#ifndef TRACETOP_FLAGS_BPF_H
#define TRACETOP_FLAGS_BPF_H

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

static __always_inline __u32 ppm_clone_flags(__u64 f)
{
	__u32 r = 0;
	if (f & 0x00000400) r |= 0x1;        /* CLONE_FILES */
	if (f & 0x00000200) r |= 0x2;        /* CLONE_FS */
	if (f & 0x80000000) r |= 0x4;        /* CLONE_IO */
	if (f & 0x08000000) r |= 0x8;        /* CLONE_NEWIPC */
	if (f & 0x40000000) r |= 0x10;       /* CLONE_NEWNET */
	if (f & 0x00020000) r |= 0x20;       /* CLONE_NEWNS */
	if (f & 0x20000000) r |= 0x40;       /* CLONE_NEWPID */
	if (f & 0x04000000) r |= 0x80;       /* CLONE_NEWUTS */
	if (f & 0x00008000) r |= 0x100;      /* CLONE_PARENT */
	if (f & 0x00100000) r |= 0x200;      /* CLONE_PARENT_SETTID */
	if (f & 0x00002000) r |= 0x400;      /* CLONE_PTRACE */
	if (f & 0x00000800) r |= 0x800;      /* CLONE_SIGHAND */
	if (f & 0x00040000) r |= 0x1000;     /* CLONE_SYSVSEM */
	if (f & 0x00010000) r |= 0x2000;     /* CLONE_THREAD */
	if (f & 0x00800000) r |= 0x4000;     /* CLONE_UNTRACED */
	if (f & 0x00000100) r |= 0x8000;     /* CLONE_VM */
	if (f & 0x10000000) r |= 0x100000;   /* CLONE_NEWUSER */
	if (f & 0x00200000) r |= 0x800000;   /* CLONE_CHILD_CLEARTID */
	if (f & 0x01000000) r |= 0x1000000;  /* CLONE_CHILD_SETTID */
	if (f & 0x00080000) r |= 0x2000000;  /* CLONE_SETTLS */
	if (f & 0x00004000) r |= 0x8000000;  /* CLONE_VFORK */
	if (f & 0x02000000) r |= 0x10000000; /* CLONE_NEWCGROUP */
	return r;
}

static __always_inline __u8 ppm_fcntl_cmd(__u32 cmd)
{
	switch (cmd) {
	case 0: return 1;     /* F_DUPFD */
	case 1: return 2;     /* F_GETFD */
	case 2: return 3;     /* F_SETFD */
	case 3: return 4;     /* F_GETFL */
	case 4: return 5;     /* F_SETFL */
	case 5: return 6;     /* F_GETLK */
	case 6: return 8;     /* F_SETLK */
	case 7: return 9;     /* F_SETLKW */
	case 8: return 10;    /* F_SETOWN */
	case 9: return 12;    /* F_GETOWN */
	case 10: return 13;   /* F_SETSIG */
	case 11: return 15;   /* F_GETSIG */
	case 15: return 21;   /* F_SETOWN_EX */
	case 16: return 22;   /* F_GETOWN_EX */
	case 36: return 30;   /* F_OFD_GETLK */
	case 37: return 31;   /* F_OFD_SETLK */
	case 38: return 32;   /* F_OFD_SETLKW */
	case 1024: return 23; /* F_SETLEASE */
	case 1025: return 24; /* F_GETLEASE */
	case 1026: return 27; /* F_NOTIFY */
	case 1029: return 25; /* F_CANCELLK */
	case 1030: return 26; /* F_DUPFD_CLOEXEC */
	case 1031: return 28; /* F_SETPIPE_SZ */
	case 1032: return 29; /* F_GETPIPE_SZ */
	default: return 0;
	}
}

/* The kernel's dev_t (12-bit major, 20-bit minor) in the old 8:8 layout the
 * scap dev parameter uses, extended the way userspace dev_t is. */
static __always_inline __u32 scap_dev(__u32 kdev)
{
	__u32 major = kdev >> 20;
	__u32 minor = kdev & 0xfffff;
	return (minor & 0xff) | (major << 8) | ((minor & ~0xffu) << 12);
}

/* Linux MAP_* -> PPM_MAP_*. */
static __always_inline __u32 ppm_mmap_flags(__u32 f)
{
	__u32 r = 0;
	if (f & 0x01) r |= 1;        /* MAP_SHARED */
	if (f & 0x02) r |= 2;        /* MAP_PRIVATE */
	if (f & 0x10) r |= 4;        /* MAP_FIXED */
	if (f & 0x20) r |= 8;        /* MAP_ANONYMOUS */
	if (f & 0x40) r |= 0x10;     /* MAP_32BIT */
	if (f & 0x4000) r |= 0x40;   /* MAP_NORESERVE */
	if (f & 0x8000) r |= 0x80;   /* MAP_POPULATE */
	if (f & 0x10000) r |= 0x100; /* MAP_NONBLOCK */
	if (f & 0x100) r |= 0x200;   /* MAP_GROWSDOWN */
	if (f & 0x800) r |= 0x400;   /* MAP_DENYWRITE */
	if (f & 0x1000) r |= 0x800;  /* MAP_EXECUTABLE */
	if (f & 0x2000) r |= 0x4000; /* MAP_LOCKED */
	return r;
}

#endif

// Generated from the public flag-table facts (scap-format.md §10); the order of
// each table is sysdig 0.29.3's, because flag rendering depends on it.
#include "event/flag_tables.h"

#include <iterator>

namespace tracetop::event {

const FlagName kAccessFlags[4] = {
    {0x0, "F_OK"},
    {0x4, "R_OK"},
    {0x2, "W_OK"},
    {0x1, "X_OK"},
};

const FlagName kAnonInodeFdTypes[14] = {
    {0x0, "ANON_INODE_FD_TYPE_UNKNOWN"},
    {0x1, "ANON_INODE_FD_TYPE_EVENTFD"},
    {0x2, "ANON_INODE_FD_TYPE_EVENTPOLL"},
    {0x3, "ANON_INODE_FD_TYPE_INOTIFY"},
    {0x4, "ANON_INODE_FD_TYPE_SIGNALFD"},
    {0x5, "ANON_INODE_FD_TYPE_TIMERFD"},
    {0x6, "ANON_INODE_FD_TYPE_IO_URING"},
    {0x7, "ANON_INODE_FD_TYPE_USERFAULTFD"},
    {0x8, "ANON_INODE_FD_TYPE_PIDFD"},
    {0x9, "ANON_INODE_FD_TYPE_BPF_MAP"},
    {0xa, "ANON_INODE_FD_TYPE_BPF_PROG"},
    {0xb, "ANON_INODE_FD_TYPE_BPF_LINK"},
    {0xc, "ANON_INODE_FD_TYPE_BPF_ITER"},
    {0xd, "ANON_INODE_FD_TYPE_PERF_EVENT"},
};

const FlagName kBpfCommands[37] = {
    {0x0, "BPF_MAP_CREATE"},
    {0x1, "BPF_MAP_LOOKUP_ELEM"},
    {0x2, "BPF_MAP_UPDATE_ELEM"},
    {0x3, "BPF_MAP_DELETE_ELEM"},
    {0x4, "BPF_MAP_GET_NEXT_KEY"},
    {0x5, "BPF_PROG_LOAD"},
    {0x6, "BPF_OBJ_PIN"},
    {0x7, "BPF_OBJ_GET"},
    {0x8, "BPF_PROG_ATTACH"},
    {0x9, "BPF_PROG_DETACH"},
    {0xa, "BPF_PROG_TEST_RUN"},
    {0xa, "BPF_PROG_RUN"},
    {0xb, "BPF_PROG_GET_NEXT_ID"},
    {0xc, "BPF_MAP_GET_NEXT_ID"},
    {0xd, "BPF_PROG_GET_FD_BY_ID"},
    {0xe, "BPF_MAP_GET_FD_BY_ID"},
    {0xf, "BPF_OBJ_GET_INFO_BY_FD"},
    {0x10, "BPF_PROG_QUERY"},
    {0x11, "BPF_RAW_TRACEPOINT_OPEN"},
    {0x12, "BPF_BTF_LOAD"},
    {0x13, "BPF_BTF_GET_FD_BY_ID"},
    {0x14, "BPF_TASK_FD_QUERY"},
    {0x15, "BPF_MAP_LOOKUP_AND_DELETE_ELEM"},
    {0x16, "BPF_MAP_FREEZE"},
    {0x17, "BPF_BTF_GET_NEXT_ID"},
    {0x18, "BPF_MAP_LOOKUP_BATCH"},
    {0x19, "BPF_MAP_LOOKUP_AND_DELETE_BATCH"},
    {0x1a, "BPF_MAP_UPDATE_BATCH"},
    {0x1b, "BPF_MAP_DELETE_BATCH"},
    {0x1c, "BPF_LINK_CREATE"},
    {0x1d, "BPF_LINK_UPDATE"},
    {0x1e, "BPF_LINK_GET_FD_BY_ID"},
    {0x1f, "BPF_LINK_GET_NEXT_ID"},
    {0x20, "BPF_ENABLE_STATS"},
    {0x21, "BPF_ITER_CREATE"},
    {0x22, "BPF_LINK_DETACH"},
    {0x23, "BPF_PROG_BIND_MAP"},
};

const FlagName kChmodMode[12] = {
    {0x1, "S_IXOTH"},
    {0x2, "S_IWOTH"},
    {0x4, "S_IROTH"},
    {0x8, "S_IXGRP"},
    {0x10, "S_IWGRP"},
    {0x20, "S_IRGRP"},
    {0x40, "S_IXUSR"},
    {0x80, "S_IWUSR"},
    {0x100, "S_IRUSR"},
    {0x200, "S_ISVTX"},
    {0x400, "S_ISGID"},
    {0x800, "S_ISUID"},
};

const FlagName kCloneFlags[26] = {
    {0x1, "CLONE_FILES"},
    {0x2, "CLONE_FS"},
    {0x4, "CLONE_IO"},
    {0x8, "CLONE_NEWIPC"},
    {0x10, "CLONE_NEWNET"},
    {0x20, "CLONE_NEWNS"},
    {0x40, "CLONE_NEWPID"},
    {0x80, "CLONE_NEWUTS"},
    {0x100, "CLONE_PARENT"},
    {0x200, "CLONE_PARENT_SETTID"},
    {0x400, "CLONE_PTRACE"},
    {0x800, "CLONE_SIGHAND"},
    {0x1000, "CLONE_SYSVSEM"},
    {0x2000, "CLONE_THREAD"},
    {0x4000, "CLONE_UNTRACED"},
    {0x8000, "CLONE_VM"},
    {0x10000, "CLONE_INVERTED"},
    {0x20000, "NAME_CHANGED"},
    {0x40000, "CLOSED"},
    {0x100000, "CLONE_NEWUSER"},
    {0x800000, "CLONE_CHILD_CLEARTID"},
    {0x1000000, "CLONE_CHILD_SETTID"},
    {0x2000000, "CLONE_SETTLS"},
    {0x4000000, "CLONE_STOPPED"},
    {0x8000000, "CLONE_VFORK"},
    {0x10000000, "CLONE_NEWCGROUP"},
};

const FlagName kCloneFlagsHead[27] = {
    {0x1, "CLONE_FILES"},
    {0x2, "CLONE_FS"},
    {0x4, "CLONE_IO"},
    {0x8, "CLONE_NEWIPC"},
    {0x10, "CLONE_NEWNET"},
    {0x20, "CLONE_NEWNS"},
    {0x40, "CLONE_NEWPID"},
    {0x80, "CLONE_NEWUTS"},
    {0x100, "CLONE_PARENT"},
    {0x200, "CLONE_PARENT_SETTID"},
    {0x400, "CLONE_PTRACE"},
    {0x800, "CLONE_SIGHAND"},
    {0x1000, "CLONE_SYSVSEM"},
    {0x2000, "CLONE_THREAD"},
    {0x4000, "CLONE_UNTRACED"},
    {0x8000, "CLONE_VM"},
    {0x10000, "CLONE_INVERTED"},
    {0x20000, "NAME_CHANGED"},
    {0x40000, "CLOSED"},
    {0x100000, "CLONE_NEWUSER"},
    {0x800000, "CLONE_CHILD_CLEARTID"},
    {0x1000000, "CLONE_CHILD_SETTID"},
    {0x2000000, "CLONE_SETTLS"},
    {0x4000000, "CLONE_STOPPED"},
    {0x8000000, "CLONE_VFORK"},
    {0x10000000, "CLONE_NEWCGROUP"},
    {0x20000000, "CLONE_CHILD_IN_PIDNS"},
};

const FlagName kCloseRangeFlags[2] = {
    {0x2, "CLOSE_RANGE_UNSHARE"},
    {0x4, "CLOSE_RANGE_CLOEXEC"},
};

const FlagName kCreatFlags[2] = {
    {0x1, "FD_UPPER_LAYER_CREAT"},
    {0x2, "FD_LOWER_LAYER_CREAT"},
};

const FlagName kDeleteModuleFlags[2] = {
    {0x2, "O_NONBLOCK"},
    {0x1, "O_TRUNC"},
};

const FlagName kEpollCreate1Flags[1] = {
    {0x1, "EPOLL_CLOEXEC"},
};

const FlagName kExecveFlags[1] = {
    {0x1, "EXE_WRITABLE"},
};

const FlagName kExecveFlagsHead[4] = {
    {0x1, "EXE_WRITABLE"},
    {0x2, "EXE_UPPER_LAYER"},
    {0x4, "EXE_FROM_MEMFD"},
    {0x8, "EXE_LOWER_LAYER"},
};

const FlagName kExecveatFlags[2] = {
    {0x1, "AT_EMPTY_PATH"},
    {0x2, "AT_SYMLINK_NOFOLLOW"},
};

const FlagName kFchownatFlags[2] = {
    {0x400, "AT_SYMLINK_NOFOLLOW"},
    {0x1000, "AT_EMPTY_PATH"},
};

const FlagName kFcntlCommands[28] = {
    {0x1d, "F_GETPIPE_SZ"},
    {0x1c, "F_SETPIPE_SZ"},
    {0x1b, "F_NOTIFY"},
    {0x1a, "F_DUPFD_CLOEXEC"},
    {0x19, "F_CANCELLK"},
    {0x18, "F_GETLEASE"},
    {0x17, "F_SETLEASE"},
    {0x16, "F_GETOWN_EX"},
    {0x15, "F_SETOWN_EX"},
    {0x13, "F_SETLKW64"},
    {0x12, "F_SETLK64"},
    {0x11, "F_GETLK64"},
    {0xf, "F_GETSIG"},
    {0xd, "F_SETSIG"},
    {0xc, "F_GETOWN"},
    {0xa, "F_SETOWN"},
    {0x9, "F_SETLKW"},
    {0x8, "F_SETLK"},
    {0x6, "F_GETLK"},
    {0x5, "F_SETFL"},
    {0x4, "F_GETFL"},
    {0x3, "F_SETFD"},
    {0x2, "F_GETFD"},
    {0x1, "F_DUPFD"},
    {0x1e, "F_OFD_GETLK"},
    {0x1f, "F_OFD_SETLK"},
    {0x20, "F_OFD_SETLKW"},
    {0x0, "UNKNOWN"},
};

const FlagName kFileFlags[16] = {
    {0x800, "O_LARGEFILE"},
    {0x400, "O_DIRECTORY"},
    {0x200, "O_DIRECT"},
    {0x100, "O_TRUNC"},
    {0x80, "O_SYNC"},
    {0x40, "O_NONBLOCK"},
    {0x20, "O_EXCL"},
    {0x10, "O_DSYNC"},
    {0x8, "O_APPEND"},
    {0x4, "O_CREAT"},
    {0x3, "O_RDWR"},
    {0x2, "O_WRONLY"},
    {0x1, "O_RDONLY"},
    {0x1000, "O_CLOEXEC"},
    {0x0, "O_NONE"},
    {0x2000, "O_TMPFILE"},
};

const FlagName kFileFlagsHead[19] = {
    {0x800, "O_LARGEFILE"},
    {0x400, "O_DIRECTORY"},
    {0x200, "O_DIRECT"},
    {0x100, "O_TRUNC"},
    {0x80, "O_SYNC"},
    {0x40, "O_NONBLOCK"},
    {0x20, "O_EXCL"},
    {0x10, "O_DSYNC"},
    {0x8, "O_APPEND"},
    {0x4, "O_CREAT"},
    {0x3, "O_RDWR"},
    {0x2, "O_WRONLY"},
    {0x1, "O_RDONLY"},
    {0x1000, "O_CLOEXEC"},
    {0x0, "O_NONE"},
    {0x2000, "O_TMPFILE"},
    {0x4000, "O_F_CREATED"},
    {0x8000, "FD_UPPER_LAYER"},
    {0x10000, "FD_LOWER_LAYER"},
};

const FlagName kFinitModuleFlags[3] = {
    {0x1, "MODULE_INIT_IGNORE_MODVERSIONS"},
    {0x2, "MODULE_INIT_IGNORE_VERMAGIC"},
    {0x4, "MODULE_INIT_COMPRESSED_FILE"},
};

const FlagName kFlockFlags[5] = {
    {0x1, "LOCK_SH"},
    {0x2, "LOCK_EX"},
    {0x4, "LOCK_NB"},
    {0x8, "LOCK_UN"},
    {0x0, "LOCK_NONE"},
};

const FlagName kFsconfigCmds[8] = {
    {0x0, "FSCONFIG_SET_FLAG"},
    {0x1, "FSCONFIG_SET_STRING"},
    {0x2, "FSCONFIG_SET_BINARY"},
    {0x3, "FSCONFIG_SET_PATH"},
    {0x4, "FSCONFIG_SET_PATH_EMPTY"},
    {0x5, "FSCONFIG_SET_FD"},
    {0x6, "FSCONFIG_CMD_CREATE"},
    {0x7, "FSCONFIG_CMD_RECONFIGURE"},
};

const FlagName kFutexOperations[15] = {
    {0x100, "FUTEX_CLOCK_REALTIME"},
    {0x80, "FUTEX_PRIVATE_FLAG"},
    {0xc, "FUTEX_CMP_REQUEUE_PI"},
    {0xb, "FUTEX_WAIT_REQUEUE_PI"},
    {0xa, "FUTEX_WAKE_BITSET"},
    {0x9, "FUTEX_WAIT_BITSET"},
    {0x8, "FUTEX_TRYLOCK_PI"},
    {0x7, "FUTEX_UNLOCK_PI"},
    {0x6, "FUTEX_LOCK_PI"},
    {0x5, "FUTEX_WAKE_OP"},
    {0x4, "FUTEX_CMP_REQUEUE"},
    {0x3, "FUTEX_REQUEUE"},
    {0x2, "FUTEX_FD"},
    {0x1, "FUTEX_WAKE"},
    {0x0, "FUTEX_WAIT"},
};

const FlagName kIoUringEnterFlags[4] = {
    {0x1, "IORING_ENTER_GETEVENTS"},
    {0x2, "IORING_ENTER_SQ_WAKEUP"},
    {0x4, "IORING_ENTER_SQ_WAIT"},
    {0x8, "IORING_ENTER_EXT_ARG"},
};

const FlagName kIoUringRegisterOpcodes[22] = {
    {0x0, "IORING_REGISTER_BUFFERS"},
    {0x1, "IORING_UNREGISTER_BUFFERS"},
    {0x2, "IORING_REGISTER_FILES"},
    {0x3, "IORING_UNREGISTER_FILES"},
    {0x4, "IORING_REGISTER_EVENTFD"},
    {0x5, "IORING_UNREGISTER_EVENTFD"},
    {0x6, "IORING_REGISTER_FILES_UPDATE"},
    {0x7, "IORING_REGISTER_EVENTFD_ASYNC"},
    {0x8, "IORING_REGISTER_PROBE"},
    {0x9, "IORING_REGISTER_PERSONALITY"},
    {0xa, "IORING_UNREGISTER_PERSONALITY"},
    {0xb, "IORING_REGISTER_RESTRICTIONS"},
    {0xc, "IORING_REGISTER_ENABLE_RINGS"},
    {0xd, "IORING_REGISTER_FILES2"},
    {0xe, "IORING_REGISTER_FILES_UPDATE2"},
    {0xf, "IORING_REGISTER_BUFFERS2"},
    {0x10, "IORING_REGISTER_BUFFERS_UPDATE"},
    {0x11, "IORING_REGISTER_IOWQ_AFF"},
    {0x12, "IORING_UNREGISTER_IOWQ_AFF"},
    {0x13, "IORING_REGISTER_IOWQ_MAX_WORKERS"},
    {0x14, "IORING_REGISTER_RING_FDS"},
    {0x15, "IORING_UNREGISTER_RING_FDS"},
};

const FlagName kIoUringSetupFeats[11] = {
    {0x1, "IORING_FEAT_SINGLE_MMAP"},
    {0x2, "IORING_FEAT_NODROP"},
    {0x4, "IORING_FEAT_SUBMIT_STABLE"},
    {0x8, "IORING_FEAT_RW_CUR_POS"},
    {0x10, "IORING_FEAT_CUR_PERSONALITY"},
    {0x20, "IORING_FEAT_FAST_POLL"},
    {0x40, "IORING_FEAT_POLL_32BITS"},
    {0x80, "IORING_FEAT_SQPOLL_NONFIXED"},
    {0x100, "IORING_FEAT_ENTER_EXT_ARG"},
    {0x200, "IORING_FEAT_NATIVE_WORKERS"},
    {0x400, "IORING_FEAT_RSRC_TAGS"},
};

const FlagName kIoUringSetupFlags[8] = {
    {0x1, "IORING_SETUP_IOPOLL"},
    {0x2, "IORING_SETUP_SQPOLL"},
    {0x4, "IORING_SQ_NEED_WAKEUP"},
    {0x8, "IORING_SETUP_SQ_AFF"},
    {0x10, "IORING_SETUP_CQSIZE"},
    {0x20, "IORING_SETUP_CLAMP"},
    {0x40, "IORING_SETUP_ATTACH_RW"},
    {0x80, "IORING_SETUP_R_DISABLED"},
};

const FlagName kKeyctlOperations[33] = {
    {0x0, "KEYCTL_GET_KEYRING_ID"},
    {0x1, "KEYCTL_JOIN_SESSION_KEYRING"},
    {0x2, "KEYCTL_UPDATE"},
    {0x3, "KEYCTL_REVOKE"},
    {0x4, "KEYCTL_CHOWN"},
    {0x5, "KEYCTL_SETPERM"},
    {0x6, "KEYCTL_DESCRIBE"},
    {0x7, "KEYCTL_CLEAR"},
    {0x8, "KEYCTL_LINK"},
    {0x9, "KEYCTL_UNLINK"},
    {0xa, "KEYCTL_SEARCH"},
    {0xb, "KEYCTL_READ"},
    {0xc, "KEYCTL_INSTANTIATE"},
    {0xd, "KEYCTL_NEGATE"},
    {0xe, "KEYCTL_SET_REQKEY_KEYRING"},
    {0xf, "KEYCTL_SET_TIMEOUT"},
    {0x10, "KEYCTL_ASSUME_AUTHORITY"},
    {0x11, "KEYCTL_GET_SECURITY"},
    {0x12, "KEYCTL_SESSION_TO_PARENT"},
    {0x13, "KEYCTL_REJECT"},
    {0x14, "KEYCTL_INSTANTIATE_IOV"},
    {0x15, "KEYCTL_INVALIDATE"},
    {0x16, "KEYCTL_GET_PERSISTENT"},
    {0x17, "KEYCTL_DH_COMPUTE"},
    {0x18, "KEYCTL_PKEY_QUERY"},
    {0x19, "KEYCTL_PKEY_ENCRYPT"},
    {0x1a, "KEYCTL_PKEY_DECRYPT"},
    {0x1b, "KEYCTL_PKEY_SIGN"},
    {0x1c, "KEYCTL_PKEY_VERIFY"},
    {0x1d, "KEYCTL_RESTRICT_KEYRING"},
    {0x1e, "KEYCTL_MOVE"},
    {0x1f, "KEYCTL_CAPABILITIES"},
    {0x20, "KEYCTL_WATCH_KEY"},
};

const FlagName kLinkatFlags[2] = {
    {0x400, "AT_SYMLINK_FOLLOW"},
    {0x1000, "AT_EMPTY_PATH"},
};

const FlagName kLseekWhence[3] = {
    {0x2, "SEEK_END"},
    {0x1, "SEEK_CUR"},
    {0x0, "SEEK_SET"},
};

const FlagName kMemfdCreateFlags[3] = {
    {0x1, "MFD_CLOEXEC"},
    {0x2, "MFD_ALLOW_SEALING"},
    {0x4, "MFD_HUGETLB"},
};

const FlagName kMknodMode[17] = {
    {0x1, "S_IXOTH"},
    {0x2, "S_IWOTH"},
    {0x4, "S_IROTH"},
    {0x8, "S_IXGRP"},
    {0x10, "S_IWGRP"},
    {0x20, "S_IRGRP"},
    {0x40, "S_IXUSR"},
    {0x80, "S_IWUSR"},
    {0x100, "S_IRUSR"},
    {0x200, "S_ISVTX"},
    {0x400, "S_ISGID"},
    {0x800, "S_ISUID"},
    {0x8000, "S_IFREG"},
    {0x2000, "S_IFCHR"},
    {0x6000, "S_IFBLK"},
    {0x1000, "S_IFIFO"},
    {0xc000, "S_IFSOCK"},
};

const FlagName kMlock2Flags[1] = {
    {0x1, "MLOCK_ONFAULT"},
};

const FlagName kMlockallFlags[3] = {
    {0x1, "MCL_CURRENT"},
    {0x2, "MCL_FUTURE"},
    {0x4, "MCL_ONFAULT"},
};

const FlagName kMmapFlags[15] = {
    {0x1, "MAP_SHARED"},
    {0x2, "MAP_PRIVATE"},
    {0x4, "MAP_FIXED"},
    {0x8, "MAP_ANONYMOUS"},
    {0x10, "MAP_32BIT"},
    {0x20, "MAP_RENAME"},
    {0x40, "MAP_NORESERVE"},
    {0x80, "MAP_POPULATE"},
    {0x100, "MAP_NONBLOCK"},
    {0x200, "MAP_GROWSDOWN"},
    {0x400, "MAP_DENYWRITE"},
    {0x800, "MAP_EXECUTABLE"},
    {0x1000, "MAP_INHERIT"},
    {0x2000, "MAP_FILE"},
    {0x4000, "MAP_LOCKED"},
};

const FlagName kMountFlags[28] = {
    {0x1, "RDONLY"},
    {0x2, "NOSUID"},
    {0x4, "NODEV"},
    {0x8, "NOEXEC"},
    {0x10, "SYNCHRONOUS"},
    {0x20, "REMOUNT"},
    {0x40, "MANDLOCK"},
    {0x80, "DIRSYNC"},
    {0x400, "NOATIME"},
    {0x800, "NODIRATIME"},
    {0x1000, "BIND"},
    {0x2000, "MOVE"},
    {0x4000, "REC"},
    {0x8000, "SILENT"},
    {0x10000, "POSIXACL"},
    {0x20000, "UNBINDABLE"},
    {0x40000, "PRIVATE"},
    {0x80000, "SLAVE"},
    {0x100000, "SHARED"},
    {0x200000, "RELATIME"},
    {0x400000, "KERNMOUNT"},
    {0x800000, "I_VERSION"},
    {0x1000000, "STRICTATIME"},
    {0x2000000, "LAZYTIME"},
    {0x10000000, "NOSEC"},
    {0x20000000, "BORN"},
    {0x40000000, "ACTIVE"},
    {0x80000000, "NOUSER"},
};

const FlagName kNewfstatatFlags[3] = {
    {0x1000, "AT_EMPTY_PATH"},
    {0x800, "AT_NO_AUTOMOUNT"},
    {0x100, "AT_SYMLINK_NOFOLLOW"},
};

const FlagName kOpenat2Flags[6] = {
    {0x1, "RESOLVE_BENEATH"},
    {0x2, "RESOLVE_IN_ROOT"},
    {0x4, "RESOLVE_NO_MAGICLINKS"},
    {0x8, "RESOLVE_NO_SYMLINKS"},
    {0x10, "RESOLVE_NO_XDEV"},
    {0x20, "RESOLVE_CACHED"},
};

const FlagName kPfFlags[8] = {
    {0x1, "PROTECTION_VIOLATION"},
    {0x2, "PAGE_NOT_PRESENT"},
    {0x4, "WRITE_ACCESS"},
    {0x8, "READ_ACCESS"},
    {0x10, "USER_FAULT"},
    {0x20, "SUPERVISOR_FAULT"},
    {0x40, "RESERVED_PAGE"},
    {0x80, "INSTRUCTION_FETCH"},
};

const FlagName kPidfdOpenFlags[1] = {
    {0x1, "PIDFD_NONBLOCK"},
};

const FlagName kPrctlOptions[23] = {
    {0x3, "PR_GET_DUMPABLE"},
    {0x4, "PR_SET_DUMPABLE"},
    {0x7, "PR_GET_KEEPCAPS"},
    {0x8, "PR_SET_KEEPCAPS"},
    {0xf, "PR_SET_NAME"},
    {0x10, "PR_GET_NAME"},
    {0x15, "PR_GET_SECCOMP"},
    {0x16, "PR_SET_SECCOMP"},
    {0x17, "PR_CAPBSET_READ"},
    {0x18, "PR_CAPBSET_DROP"},
    {0x1b, "PR_GET_SECUREBITS"},
    {0x1c, "PR_SET_SECUREBITS"},
    {0x21, "PR_MCE_KILL"},
    {0x21, "PR_MCE_KILL"},
    {0x23, "PR_SET_MM"},
    {0x24, "PR_SET_CHILD_SUBREAPER"},
    {0x25, "PR_GET_CHILD_SUBREAPER"},
    {0x26, "PR_SET_NO_NEW_PRIVS"},
    {0x27, "PR_GET_NO_NEW_PRIVS"},
    {0x28, "PR_GET_TID_ADDRESS"},
    {0x29, "PR_SET_THP_DISABLE"},
    {0x2a, "PR_GET_THP_DISABLE"},
    {0x2f, "PR_CAP_AMBIENT"},
};

const FlagName kProtFlags[8] = {
    {0x1, "PROT_READ"},
    {0x2, "PROT_WRITE"},
    {0x4, "PROT_EXEC"},
    {0x8, "PROT_SEM"},
    {0x10, "PROT_GROWSDOWN"},
    {0x20, "PROT_GROWSUP"},
    {0x40, "PROT_SAO"},
    {0x0, "PROT_NONE"},
};

const FlagName kPtraceRequests[39] = {
    {0x26, "PTRACE_SINGLEBLOCK"},
    {0x25, "PTRACE_SYSEMU_SINGLESTEP"},
    {0x24, "PTRACE_SYSEMU"},
    {0x23, "PTRACE_ARCH_PRCTL"},
    {0x22, "PTRACE_SET_THREAD_AREA"},
    {0x21, "PTRACE_GET_THREAD_AREA"},
    {0x20, "PTRACE_OLDSETOPTIONS"},
    {0x1f, "PTRACE_SETFPXREGS"},
    {0x1e, "PTRACE_GETFPXREGS"},
    {0x1d, "PTRACE_SETFPREGS"},
    {0x1c, "PTRACE_GETFPREGS"},
    {0x1b, "PTRACE_SETREGS"},
    {0x1a, "PTRACE_GETREGS"},
    {0x19, "PTRACE_SETSIGMASK"},
    {0x18, "PTRACE_GETSIGMASK"},
    {0x17, "PTRACE_PEEKSIGINFO"},
    {0x16, "PTRACE_LISTEN"},
    {0x15, "PTRACE_INTERRUPT"},
    {0x14, "PTRACE_SEIZE"},
    {0x13, "PTRACE_SETREGSET"},
    {0x12, "PTRACE_GETREGSET"},
    {0x11, "PTRACE_SETSIGINFO"},
    {0x10, "PTRACE_GETSIGINFO"},
    {0xf, "PTRACE_GETEVENTMSG"},
    {0xe, "PTRACE_SETOPTIONS"},
    {0xd, "PTRACE_SYSCALL"},
    {0xc, "PTRACE_DETACH"},
    {0xb, "PTRACE_ATTACH"},
    {0xa, "PTRACE_SINGLESTEP"},
    {0x9, "PTRACE_KILL"},
    {0x8, "PTRACE_CONT"},
    {0x7, "PTRACE_POKEUSR"},
    {0x6, "PTRACE_POKEDATA"},
    {0x5, "PTRACE_POKETEXT"},
    {0x4, "PTRACE_PEEKUSR"},
    {0x3, "PTRACE_PEEKDATA"},
    {0x2, "PTRACE_PEEKTEXT"},
    {0x1, "PTRACE_TRACEME"},
    {0x0, "PTRACE_UNKNOWN"},
};

const FlagName kQuotactlCmds[15] = {
    {0x1, "Q_QUOTAON"},
    {0x2, "Q_QUOTAOFF"},
    {0x4, "Q_GETFMT"},
    {0x8, "Q_GETINFO"},
    {0x10, "Q_SETINFO"},
    {0x20, "Q_GETQUOTA"},
    {0x40, "Q_SETQUOTA"},
    {0x80, "Q_SYNC"},
    {0x100, "Q_XQUOTAON"},
    {0x200, "Q_XQUOTAOFF"},
    {0x400, "Q_XGETQUOTA"},
    {0x800, "Q_XSETQLIM"},
    {0x1000, "Q_XGETQSTAT"},
    {0x2000, "Q_XQUOTARM"},
    {0x4000, "Q_XQUOTASYNC"},
};

const FlagName kQuotactlDqiFlags[2] = {
    {0x1, "DQF_NONE"},
    {0x2, "V1_DQF_RSQUASH"},
};

const FlagName kQuotactlQuotaFmts[4] = {
    {0x1, "QFMT_NOT_USED"},
    {0x2, "QFMT_VFS_OLD"},
    {0x4, "QFMT_VFS_V0"},
    {0x8, "QFMT_VFS_V1"},
};

const FlagName kQuotactlTypes[2] = {
    {0x1, "USRQUOTA"},
    {0x2, "GRPQUOTA"},
};

const FlagName kRenameat2Flags[3] = {
    {0x1, "RENAME_NOREPLACE"},
    {0x2, "RENAME_EXCHANGE"},
    {0x4, "RENAME_WHITEOUT"},
};

const FlagName kRlimitResources[17] = {
    {0xff, "RLIMIT_UNKNOWN"},
    {0xf, "RLIMIT_RTTIME"},
    {0xe, "RLIMIT_RTPRIO"},
    {0xd, "RLIMIT_NICE"},
    {0xc, "RLIMIT_MSGQUEUE"},
    {0xb, "RLIMIT_SIGPENDING"},
    {0xa, "RLIMIT_LOCKS"},
    {0x9, "RLIMIT_AS"},
    {0x8, "RLIMIT_MEMLOCK"},
    {0x7, "RLIMIT_NOFILE"},
    {0x6, "RLIMIT_NPROC"},
    {0x5, "RLIMIT_RSS"},
    {0x4, "RLIMIT_CORE"},
    {0x3, "RLIMIT_STACK"},
    {0x2, "RLIMIT_DATA"},
    {0x1, "RLIMIT_FSIZE"},
    {0x0, "RLIMIT_CPU"},
};

const FlagName kSemctlCommands[13] = {
    {0x1, "IPC_STAT"},
    {0x2, "IPC_SET"},
    {0x4, "IPC_RMID"},
    {0x8, "IPC_INFO"},
    {0x10, "SEM_INFO"},
    {0x20, "SEM_STAT"},
    {0x40, "GETALL"},
    {0x80, "GETNCNT"},
    {0x100, "GETPID"},
    {0x200, "GETVAL"},
    {0x400, "GETZCNT"},
    {0x800, "SETALL"},
    {0x1000, "SETVAL"},
};

const FlagName kSemgetFlags[2] = {
    {0x4000, "IPC_EXCL"},
    {0x2000, "IPC_CREAT"},
};

const FlagName kSemopFlags[2] = {
    {0x1, "IPC_NOWAIT"},
    {0x2, "SEM_UNDO"},
};

const FlagName kShutdownHow[3] = {
    {0x2, "SHUT_RDWR"},
    {0x1, "SHUT_WR"},
    {0x0, "SHUT_RD"},
};

const FlagName kShutdownHowHead[4] = {
    {0xffff, "SHUT_UNKNOWN"},
    {0x2, "SHUT_RDWR"},
    {0x1, "SHUT_WR"},
    {0x0, "SHUT_RD"},
};

const FlagName kSocketFamilies[40] = {
    {0x27, "AF_NFC"},
    {0x26, "AF_ALG"},
    {0x25, "AF_CAIF"},
    {0x24, "AF_IEEE802154"},
    {0x23, "AF_PHONET"},
    {0x22, "AF_ISDN"},
    {0x21, "AF_RXRPC"},
    {0x20, "AF_IUCV"},
    {0x1f, "AF_BLUETOOTH"},
    {0x1e, "AF_TIPC"},
    {0x1d, "AF_CAN"},
    {0x1a, "AF_LLC"},
    {0x19, "AF_WANPIPE"},
    {0x18, "AF_PPPOX"},
    {0x17, "AF_IRDA"},
    {0x16, "AF_SNA"},
    {0x15, "AF_RDS"},
    {0x14, "AF_ATMSVC"},
    {0x13, "AF_ECONET"},
    {0x12, "AF_ASH"},
    {0x11, "AF_PACKET"},
    {0x10, "AF_ROUTE"},
    {0x10, "AF_NETLINK"},
    {0xf, "AF_KEY"},
    {0xe, "AF_SECURITY"},
    {0xd, "AF_NETBEUI"},
    {0xc, "AF_DECnet"},
    {0xb, "AF_ROSE"},
    {0xa, "AF_INET6"},
    {0x9, "AF_X25"},
    {0x8, "AF_ATMPVC"},
    {0x7, "AF_BRIDGE"},
    {0x6, "AF_NETROM"},
    {0x5, "AF_APPLETALK"},
    {0x4, "AF_IPX"},
    {0x3, "AF_AX25"},
    {0x2, "AF_INET"},
    {0x1, "AF_LOCAL"},
    {0x1, "AF_UNIX"},
    {0x0, "AF_UNSPEC"},
};

const FlagName kSockoptLevels[3] = {
    {0x1, "SOL_SOCKET"},
    {0x2, "SOL_TCP"},
    {0x0, "UNKNOWN"},
};

const FlagName kSockoptOptions[54] = {
    {0x35, "SO_COOKIE"},
    {0x34, "SO_MEMINFO"},
    {0x33, "SO_PEERGROUPS"},
    {0x32, "SO_ATTACH_BPF"},
    {0x31, "SO_INCOMING_CPU"},
    {0x30, "SO_BPF_EXTENSIONS"},
    {0x2f, "SO_MAX_PACING_RATE"},
    {0x2e, "SO_BUSY_POLL"},
    {0x2d, "SO_SELECT_ERR_QUEUE"},
    {0x2c, "SO_LOCK_FILTER"},
    {0x2b, "SO_NOFCS"},
    {0x2a, "SO_PEEK_OFF"},
    {0x29, "SO_WIFI_STATUS"},
    {0x28, "SO_RXQ_OVFL"},
    {0x27, "SO_DOMAIN"},
    {0x26, "SO_PROTOCOL"},
    {0x25, "SO_TIMESTAMPING"},
    {0x24, "SO_MARK"},
    {0x23, "SO_TIMESTAMPNS"},
    {0x22, "SO_PASSSEC"},
    {0x1f, "SO_PEERSEC"},
    {0x1e, "SO_ACCEPTCONN"},
    {0x1d, "SO_TIMESTAMP"},
    {0x1c, "SO_PEERNAME"},
    {0x1b, "SO_DETACH_FILTER"},
    {0x1a, "SO_ATTACH_FILTER"},
    {0x19, "SO_BINDTODEVICE"},
    {0x18, "SO_SECURITY_ENCRYPTION_NETWORK"},
    {0x17, "SO_SECURITY_ENCRYPTION_TRANSPORT"},
    {0x16, "SO_SECURITY_AUTHENTICATION"},
    {0x15, "SO_SNDTIMEO"},
    {0x14, "SO_RCVTIMEO"},
    {0x13, "SO_SNDLOWAT"},
    {0x12, "SO_RCVLOWAT"},
    {0x11, "SO_PEERCRED"},
    {0x10, "SO_PASSCRED"},
    {0xf, "SO_REUSEPORT"},
    {0xe, "SO_BSDCOMPAT"},
    {0xd, "SO_LINGER"},
    {0xc, "SO_PRIORITY"},
    {0xb, "SO_NO_CHECK"},
    {0xa, "SO_OOBINLINE"},
    {0x9, "SO_KEEPALIVE"},
    {0x21, "SO_RCVBUFFORCE"},
    {0x20, "SO_SNDBUFFORCE"},
    {0x8, "SO_RCVBUF"},
    {0x7, "SO_SNDBUF"},
    {0x6, "SO_BROADCAST"},
    {0x5, "SO_DONTROUTE"},
    {0x4, "SO_ERROR"},
    {0x3, "SO_TYPE"},
    {0x2, "SO_REUSEADDR"},
    {0x1, "SO_DEBUG"},
    {0x0, "UNKNOWN"},
};

const FlagName kSpliceFlags[4] = {
    {0x1, "SPLICE_F_MOVE"},
    {0x2, "SPLICE_F_NONBLOCK"},
    {0x4, "SPLICE_F_MORE"},
    {0x8, "SPLICE_F_GIFT"},
};

const FlagName kUmountFlags[4] = {
    {0x1, "FORCE"},
    {0x2, "DETACH"},
    {0x4, "EXPIRE"},
    {0x8, "NOFOLLOW"},
};

const FlagName kUnlinkatFlags[1] = {
    {0x200, "AT_REMOVEDIR"},
};

namespace {

// Linux signal numbers 1-31; real-time signals have no name in sysdig's list.
constexpr std::string_view kSignalNames[] = {
    "",        "SIGHUP",  "SIGINT",    "SIGQUIT", "SIGILL",    "SIGTRAP", "SIGABRT", "SIGBUS",
    "SIGFPE",  "SIGKILL", "SIGUSR1",   "SIGSEGV", "SIGUSR2",   "SIGPIPE", "SIGALRM", "SIGTERM",
    "SIGSTKFLT", "SIGCHLD", "SIGCONT", "SIGSTOP", "SIGTSTP",   "SIGTTIN", "SIGTTOU", "SIGURG",
    "SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH",  "SIGIO",   "SIGPWR",  "SIGSYS",
};

}  // namespace

std::string_view signal_name(uint8_t sig) {
    return sig < std::size(kSignalNames) ? kSignalNames[sig] : std::string_view{};
}

}  // namespace tracetop::event

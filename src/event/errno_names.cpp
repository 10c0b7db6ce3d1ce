#include "event/errno_names.h"

#include <algorithm>
#include <iterator>

namespace tracetop::event {
namespace {

struct ErrnoEntry {
    int32_t number;
    std::string_view name;
    std::string_view meaning;
    bool known_to_sysdig;  // sysdig 0.29.3 resolves this number in its output
};

// Sorted by number: 1-133 from the kernel's asm-generic headers, then the
// kernel-internal codes (>= 512) that can leak into traced results.
constexpr ErrnoEntry kErrnos[] = {
    {1, "EPERM", "Operation not permitted", true},
    {2, "ENOENT", "No such file or directory", true},
    {3, "ESRCH", "No such process", true},
    {4, "EINTR", "Interrupted system call", true},
    {5, "EIO", "Input/output error", true},
    {6, "ENXIO", "No such device or address", true},
    {7, "E2BIG", "Argument list too long", true},
    {8, "ENOEXEC", "Exec format error", true},
    {9, "EBADF", "Bad file descriptor", true},
    {10, "ECHILD", "No child processes", true},
    {11, "EAGAIN", "Resource temporarily unavailable", true},
    {12, "ENOMEM", "Cannot allocate memory", true},
    {13, "EACCES", "Permission denied", true},
    {14, "EFAULT", "Bad address", true},
    {15, "ENOTBLK", "Block device required", true},
    {16, "EBUSY", "Device or resource busy", true},
    {17, "EEXIST", "File exists", true},
    {18, "EXDEV", "Invalid cross-device link", true},
    {19, "ENODEV", "No such device", true},
    {20, "ENOTDIR", "Not a directory", true},
    {21, "EISDIR", "Is a directory", true},
    {22, "EINVAL", "Invalid argument", true},
    {23, "ENFILE", "Too many open files in system", true},
    {24, "EMFILE", "Too many open files", true},
    {25, "ENOTTY", "Inappropriate ioctl for device", true},
    {26, "ETXTBSY", "Text file busy", true},
    {27, "EFBIG", "File too large", true},
    {28, "ENOSPC", "No space left on device", true},
    {29, "ESPIPE", "Illegal seek", true},
    {30, "EROFS", "Read-only file system", true},
    {31, "EMLINK", "Too many links", true},
    {32, "EPIPE", "Broken pipe", true},
    {33, "EDOM", "Numerical argument out of domain", true},
    {34, "ERANGE", "Numerical result out of range", true},
    {35, "EDEADLK", "Resource deadlock avoided", true},
    {36, "ENAMETOOLONG", "File name too long", true},
    {37, "ENOLCK", "No locks available", true},
    {38, "ENOSYS", "Function not implemented", true},
    {39, "ENOTEMPTY", "Directory not empty", true},
    {40, "ELOOP", "Too many levels of symbolic links", true},
    {42, "ENOMSG", "No message of desired type", true},
    {43, "EIDRM", "Identifier removed", true},
    {44, "ECHRNG", "Channel number out of range", true},
    {45, "EL2NSYNC", "Level 2 not synchronized", true},
    {46, "EL3HLT", "Level 3 halted", true},
    {47, "EL3RST", "Level 3 reset", true},
    {48, "ELNRNG", "Link number out of range", true},
    {49, "EUNATCH", "Protocol driver not attached", true},
    {50, "ENOCSI", "No CSI structure available", true},
    {51, "EL2HLT", "Level 2 halted", true},
    {52, "EBADE", "Invalid exchange", true},
    {53, "EBADR", "Invalid request descriptor", true},
    {54, "EXFULL", "Exchange full", true},
    {55, "ENOANO", "No anode", true},
    {56, "EBADRQC", "Invalid request code", true},
    {57, "EBADSLT", "Invalid slot", true},
    {59, "EBFONT", "Bad font file format", true},
    {60, "ENOSTR", "Device not a stream", true},
    {61, "ENODATA", "No data available", true},
    {62, "ETIME", "Timer expired", true},
    {63, "ENOSR", "Out of streams resources", true},
    {64, "ENONET", "Machine is not on the network", true},
    {65, "ENOPKG", "Package not installed", true},
    {66, "EREMOTE", "Object is remote", true},
    {67, "ENOLINK", "Link has been severed", true},
    {68, "EADV", "Advertise error", true},
    {69, "ESRMNT", "Srmount error", true},
    {70, "ECOMM", "Communication error on send", true},
    {71, "EPROTO", "Protocol error", true},
    {72, "EMULTIHOP", "Multihop attempted", true},
    {73, "EDOTDOT", "RFS specific error", true},
    {74, "EBADMSG", "Bad message", true},
    {75, "EOVERFLOW", "Value too large for defined data type", true},
    {76, "ENOTUNIQ", "Name not unique on network", true},
    {77, "EBADFD", "File descriptor in bad state", true},
    {78, "EREMCHG", "Remote address changed", true},
    {79, "ELIBACC", "Can not access a needed shared library", true},
    {80, "ELIBBAD", "Accessing a corrupted shared library", true},
    {81, "ELIBSCN", ".lib section in a.out corrupted", true},
    {82, "ELIBMAX", "Attempting to link in too many shared libraries", true},
    {83, "ELIBEXEC", "Cannot exec a shared library directly", true},
    {84, "EILSEQ", "Invalid or incomplete multibyte or wide character", true},
    {85, "ERESTART", "Interrupted system call should be restarted", true},
    {86, "ESTRPIPE", "Streams pipe error", true},
    {87, "EUSERS", "Too many users", true},
    {88, "ENOTSOCK", "Socket operation on non-socket", true},
    {89, "EDESTADDRREQ", "Destination address required", true},
    {90, "EMSGSIZE", "Message too long", true},
    {91, "EPROTOTYPE", "Protocol wrong type for socket", true},
    {92, "ENOPROTOOPT", "Protocol not available", true},
    {93, "EPROTONOSUPPORT", "Protocol not supported", true},
    {94, "ESOCKTNOSUPPORT", "Socket type not supported", true},
    {95, "EOPNOTSUPP", "Operation not supported", true},
    {96, "EPFNOSUPPORT", "Protocol family not supported", true},
    {97, "EAFNOSUPPORT", "Address family not supported by protocol", true},
    {98, "EADDRINUSE", "Address already in use", true},
    {99, "EADDRNOTAVAIL", "Cannot assign requested address", true},
    {100, "ENETDOWN", "Network is down", true},
    {101, "ENETUNREACH", "Network is unreachable", true},
    {102, "ENETRESET", "Network dropped connection on reset", true},
    {103, "ECONNABORTED", "Software caused connection abort", true},
    {104, "ECONNRESET", "Connection reset by peer", true},
    {105, "ENOBUFS", "No buffer space available", true},
    {106, "EISCONN", "Transport endpoint is already connected", true},
    {107, "ENOTCONN", "Transport endpoint is not connected", true},
    {108, "ESHUTDOWN", "Cannot send after transport endpoint shutdown", true},
    {109, "ETOOMANYREFS", "Too many references: cannot splice", true},
    {110, "ETIMEDOUT", "Connection timed out", true},
    {111, "ECONNREFUSED", "Connection refused", true},
    {112, "EHOSTDOWN", "Host is down", true},
    {113, "EHOSTUNREACH", "No route to host", true},
    {114, "EALREADY", "Operation already in progress", true},
    {115, "EINPROGRESS", "Operation now in progress", true},
    {116, "ESTALE", "Stale file handle", true},
    {117, "EUCLEAN", "Structure needs cleaning", true},
    {118, "ENOTNAM", "Not a XENIX named type file", true},
    {119, "ENAVAIL", "No XENIX semaphores available", true},
    {120, "EISNAM", "Is a named type file", true},
    {121, "EREMOTEIO", "Remote I/O error", true},
    {122, "EDQUOT", "Disk quota exceeded", true},
    {123, "ENOMEDIUM", "No medium found", true},
    {124, "EMEDIUMTYPE", "Wrong medium type", true},
    {125, "ECANCELED", "Operation canceled", true},
    {126, "ENOKEY", "Required key not available", false},
    {127, "EKEYEXPIRED", "Key has expired", false},
    {128, "EKEYREVOKED", "Key has been revoked", false},
    {129, "EKEYREJECTED", "Key was rejected by service", false},
    {130, "EOWNERDEAD", "Owner died", false},
    {131, "ENOTRECOVERABLE", "State not recoverable", false},
    {132, "ERFKILL", "Operation not possible due to RF-kill", false},
    {133, "EHWPOISON", "Memory page has hardware error", false},
    {512, "ERESTARTSYS", "Interrupted system call (restart)", true},
    {513, "ERESTARTNOINTR", "Interrupted system call (restart, no interrupt)", true},
    {514, "ERESTARTNOHAND", "Interrupted system call (restart if no handler)", true},
    {515, "ENOIOCTLCMD", "No ioctl command", true},
    {516, "ERESTART_RESTARTBLOCK", "Interrupted system call (restart by restart_syscall)", true},
    {517, "EPROBE_DEFER", "Driver requests probe retry", false},
    {518, "EOPENSTALE", "Open found a stale dentry", false},
    {519, "ENOPARAM", "Parameter not supported", false},
    {521, "EBADHANDLE", "Illegal NFS file handle", true},
    {522, "ENOTSYNC", "Update synchronization mismatch", true},
    {523, "EBADCOOKIE", "Cookie is stale", true},
    {524, "ENOTSUPP", "Operation is not supported", true},
    {525, "ETOOSMALL", "Buffer or request is too small", true},
    {526, "ESERVERFAULT", "An untranslatable error occurred", true},
    {527, "EBADTYPE", "Type not supported by server", true},
    {528, "EJUKEBOX", "Request initiated, but will not complete before timeout", true},
    {529, "EIOCBQUEUED", "iocb queued, will get completion event", true},
    {530, "EIOCBRETRY", "iocb queued, will trigger a retry", true},
};

const ErrnoEntry* find(int64_t err) {
    const auto it = std::lower_bound(std::begin(kErrnos), std::end(kErrnos), err,
                                     [](const ErrnoEntry& e, int64_t n) { return e.number < n; });
    return it != std::end(kErrnos) && it->number == err ? it : nullptr;
}

}  // namespace

std::string_view errno_name(int64_t err) {
    const ErrnoEntry* e = find(err);
    return e != nullptr ? e->name : std::string_view{};
}

std::string_view errno_meaning(int64_t err) {
    const ErrnoEntry* e = find(err);
    return e != nullptr ? e->meaning : std::string_view{};
}

std::string_view sysdig_errno_name(int64_t err) {
    const ErrnoEntry* e = find(err);
    return e != nullptr && e->known_to_sysdig ? e->name : std::string_view{};
}

}  // namespace tracetop::event

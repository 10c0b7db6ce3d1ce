#include "capture/live_prerequisites.h"

#include <linux/capability.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cstdint>

namespace tracetop::capture {
namespace {

// Capability numbers from Linux 5.8 on (older uapi headers lack them).
constexpr int kCapPerfmon = 38;
constexpr int kCapBpf = 39;
constexpr int kCapSysAdmin = 21;

bool has_effective(const __user_cap_data_struct (&data)[2], int cap) {
    return (data[cap / 32].effective & (1u << (cap % 32))) != 0;
}

}  // namespace

std::optional<std::string> live_capture_blocker() {
    if (geteuid() != 0) {
        __user_cap_header_struct hdr{_LINUX_CAPABILITY_VERSION_3, 0};
        __user_cap_data_struct data[2]{};
        if (syscall(SYS_capget, &hdr, data) != 0) {
            return "needs root, or CAP_BPF and CAP_PERFMON; run it with sudo, or read a capture with -r FILE";
        }
        const bool bpf = has_effective(data, kCapBpf) || has_effective(data, kCapSysAdmin);
        const bool perfmon = has_effective(data, kCapPerfmon) || has_effective(data, kCapSysAdmin);
        if (!bpf || !perfmon) {
            std::string missing = !bpf && !perfmon ? "CAP_BPF and CAP_PERFMON" : (!bpf ? "CAP_BPF" : "CAP_PERFMON");
            return "needs root, or CAP_BPF and CAP_PERFMON (this process lacks " + missing +
                   "); run it with sudo, or read a capture with -r FILE";
        }
    }
    if (access("/sys/kernel/btf/vmlinux", R_OK) != 0) {
        return "needs a kernel with BTF (/sys/kernel/btf/vmlinux is missing; "
               "CONFIG_DEBUG_INFO_BTF=y); read a capture with -r FILE instead";
    }
    return std::nullopt;
}

}  // namespace tracetop::capture

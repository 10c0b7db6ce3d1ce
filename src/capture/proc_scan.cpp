#include "capture/proc_scan.h"

#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sys/stat.h>
#include <sys/sysinfo.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <string>

#include "capture/proc_files.h"
#include "capture/proc_net.h"
#include "event/cgroup_container.h"

namespace tracetop::capture {
namespace {

using event::FdRecord;
using event::FdRecordType;
using event::ThreadRecord;

// Lengths readers accept in a process list (scap-format.md §7).
constexpr size_t kMaxPath = 1024;
constexpr size_t kMaxList = 4096;
// PPM clone flags of a secondary thread in a process list: THREAD | FILES.
constexpr uint32_t kSecondaryThreadFlags = 0x2001;

template <class T>
T to_int(std::string_view s, T fallback = 0) {
    T v{};
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    return r.ec == std::errc() ? v : fallback;
}

// The process list's memory sizes travel as 32-bit kB counts, as in sysdig's format (4 TiB at
// most): a larger figure (the address space a sanitized or JIT runtime
// reserves) is kept at the largest count instead of failing to parse as 0.
uint32_t kb_count(std::string_view s) {
    return static_cast<uint32_t>(std::min<uint64_t>(to_int<uint64_t>(s), UINT32_MAX));
}

std::string capped(std::string_view s, size_t max) { return std::string(s.substr(0, max)); }

// "Key:\tvalue" lines of /proc/PID/status.
std::string_view status_field(std::string_view status, std::string_view key) {
    for (std::string_view line : split(status, '\n')) {
        if (line.size() > key.size() && line.starts_with(key) && line[key.size()] == ':') {
            line.remove_prefix(key.size() + 1);
            while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
            return line;
        }
    }
    return {};
}

// The last number of a list such as "NSpid:\t1234\t5": the id in the
// innermost namespace.
int64_t last_number(std::string_view s) {
    const size_t at = s.find_last_of(" \t");
    return to_int<int64_t>(at == std::string_view::npos ? s : s.substr(at + 1));
}

event::MachineInfo scan_machine() {
    event::MachineInfo m;
    m.num_cpus = static_cast<uint32_t>(sysconf(_SC_NPROCESSORS_ONLN));
    struct sysinfo si{};
    if (sysinfo(&si) == 0) m.memory_bytes = static_cast<uint64_t>(si.totalram) * si.mem_unit;
    char host[256] = {};
    gethostname(host, sizeof host - 1);
    m.hostname = capped(host, 127);
    timespec rt{}, bt{};
    clock_gettime(CLOCK_REALTIME, &rt);
    clock_gettime(CLOCK_BOOTTIME, &bt);
    const auto ns = [](const timespec& t) {
        return static_cast<uint64_t>(t.tv_sec) * 1'000'000'000ull + static_cast<uint64_t>(t.tv_nsec);
    };
    m.boot_ts_epoch = ns(rt) - ns(bt);
    return m;
}

std::vector<event::InterfaceRecord> scan_interfaces() {
    std::vector<event::InterfaceRecord> v4, v6;
    ifaddrs* list = nullptr;
    if (getifaddrs(&list) != 0) return {};
    for (const ifaddrs* a = list; a != nullptr; a = a->ifa_next) {
        if (a->ifa_addr == nullptr || a->ifa_name == nullptr) continue;
        event::InterfaceRecord rec;
        rec.name = capped(a->ifa_name, IFNAMSIZ);
        if (a->ifa_addr->sa_family == AF_INET) {
            rec.type = 1;
            const auto get = [](const sockaddr* s, std::array<uint8_t, 16>& out) {
                if (s != nullptr) std::memcpy(out.data(), &reinterpret_cast<const sockaddr_in*>(s)->sin_addr, 4);
            };
            get(a->ifa_addr, rec.addr);
            get(a->ifa_netmask, rec.netmask);
            if ((a->ifa_flags & IFF_BROADCAST) != 0) get(a->ifa_broadaddr, rec.bcast);
            v4.push_back(std::move(rec));
        } else if (a->ifa_addr->sa_family == AF_INET6) {
            rec.type = 2;
            const auto get = [](const sockaddr* s, std::array<uint8_t, 16>& out) {
                if (s != nullptr) std::memcpy(out.data(), &reinterpret_cast<const sockaddr_in6*>(s)->sin6_addr, 16);
            };
            get(a->ifa_addr, rec.addr);
            get(a->ifa_netmask, rec.netmask);
            v6.push_back(std::move(rec));
        }
    }
    freeifaddrs(list);
    v4.insert(v4.end(), v6.begin(), v6.end());  // writers put IPv4 first
    return v4;
}

void scan_users(const ProcScanLimits& limits, event::CaptureHeader& h) {
    if (const auto passwd = read_bounded("/etc/passwd", limits.max_file_bytes)) {
        for (std::string_view line : split(*passwd, '\n')) {
            const auto f = split(line, ':');
            if (f.size() < 7 || f[0].empty() || f[0].size() >= 256) continue;
            event::UserRecord u;
            u.name = std::string(f[0]);
            u.uid = to_int<uint32_t>(f[2]);
            u.gid = to_int<uint32_t>(f[3]);
            u.home = capped(f[5], 255);
            u.shell = capped(f[6], 255);
            h.users.push_back(std::move(u));
        }
    }
    if (const auto group = read_bounded("/etc/group", limits.max_file_bytes)) {
        for (std::string_view line : split(*group, '\n')) {
            const auto f = split(line, ':');
            if (f.size() < 3 || f[0].empty() || f[0].size() >= 256) continue;
            h.groups.push_back({to_int<uint32_t>(f[2]), std::string(f[0])});
        }
    }
}

FdRecord fd_record(const std::string& fd_dir, long fd, const SocketsByInode& sockets) {
    FdRecord rec;
    rec.fd = fd;
    const std::string link_path = fd_dir + "/" + std::to_string(fd);
    const std::string target = read_link(link_path);
    struct stat st{};
    const bool have_stat = ::stat(link_path.c_str(), &st) == 0;
    if (have_stat) rec.ino = st.st_ino;

    const auto bracketed = [&](std::string_view prefix) -> uint64_t {
        if (!target.starts_with(prefix) || target.size() < prefix.size() + 2) return 0;
        return to_int<uint64_t>(std::string_view(target).substr(prefix.size() + 1));
    };
    if (const uint64_t ino = bracketed("socket:"); ino != 0) {
        rec.ino = ino;
        if (auto it = sockets.find(ino); it != sockets.end()) {
            rec = it->second;
            rec.fd = fd;
            rec.ino = ino;
        } else {
            rec.type = FdRecordType::Unsupported;  // netlink, packet, ... not named
        }
        return rec;
    }
    if (target.starts_with("pipe:")) {
        rec.type = FdRecordType::Fifo;
        rec.name = target;
        return rec;
    }
    if (target.starts_with("anon_inode:")) {
        const std::string_view kind = std::string_view(target).substr(11);
        if (kind == "[eventfd]") rec.type = FdRecordType::Event;
        else if (kind == "[eventpoll]") rec.type = FdRecordType::EventPoll;
        else if (kind == "inotify") rec.type = FdRecordType::Inotify;
        else if (kind == "[timerfd]") rec.type = FdRecordType::TimerFd;
        else if (kind == "[signalfd]") rec.type = FdRecordType::SignalFd;
        // Newer kinds (bpf, pidfd, io_uring, ...) have fd-list types sysdig
        // 0.29.3 refuses to load; they stay "unsupported".
        else rec.type = FdRecordType::Unsupported;
        return rec;
    }
    rec.type = have_stat && S_ISDIR(st.st_mode) ? FdRecordType::Directory : FdRecordType::File;
    rec.name = capped(target, kMaxPath);
    return rec;
}

// Fills the per-process parts of a thread record from /proc/PID.
// proc_cgroups: the text of /proc/cgroups (the kernel's subsystems, in order).
bool scan_process(long pid, ThreadRecord& proc, std::string_view proc_cgroups) {
    const std::string dir = "/proc/" + std::to_string(pid);
    const auto cmdline = read_bounded(dir + "/cmdline", kMaxPath + kMaxList);
    const auto stat = read_bounded(dir + "/stat", 4096);
    const auto status = read_bounded(dir + "/status", 64 << 10);
    if (!stat || !status) return false;  // gone meanwhile

    // stat: "pid (comm) state ppid pgrp session ... minflt cminflt majflt".
    const size_t open = stat->find('('), close = stat->rfind(')');
    if (open == std::string::npos || close == std::string::npos || close < open) return false;
    proc.comm = capped(std::string_view(*stat).substr(open + 1, close - open - 1), 16);
    const auto f = split(std::string_view(*stat).substr(std::min(close + 2, stat->size())), ' ');
    if (f.size() > 9) {
        proc.ptid = to_int<int64_t>(f[1]);
        proc.vpgid = to_int<int64_t>(f[2]);
        proc.sid = to_int<int64_t>(f[3]);
        proc.pfminor = to_int<uint64_t>(f[7]);
        proc.pfmajor = to_int<uint64_t>(f[9]);
    }
    // Kernel threads have no command line and descend from kthreadd (2).
    if (pid == 2 || proc.ptid == 2 || !cmdline || cmdline->empty()) return false;

    const size_t nul = cmdline->find('\0');
    proc.exe = capped(std::string_view(*cmdline).substr(0, nul), kMaxPath);
    if (nul != std::string::npos && nul + 1 < cmdline->size()) {
        proc.args = capped(std::string_view(*cmdline).substr(nul + 1), kMaxList);
        if (proc.args.back() != '\0') proc.args.push_back('\0');
    }
    proc.exepath = capped(read_link(dir + "/exe"), kMaxPath);
    proc.cwd = capped(read_link(dir + "/cwd"), kMaxPath);
    proc.root = capped(read_link(dir + "/root"), kMaxPath);

    const std::string_view st = *status;
    proc.uid = to_int<uint32_t>(status_field(st, "Uid"));
    proc.gid = to_int<uint32_t>(status_field(st, "Gid"));
    proc.vmsize_kb = kb_count(status_field(st, "VmSize"));
    proc.vmrss_kb = kb_count(status_field(st, "VmRSS"));
    proc.vmswap_kb = kb_count(status_field(st, "VmSwap"));
    proc.vpid = last_number(status_field(st, "NStgid"));
    if (proc.vpid == 0) proc.vpid = pid;

    if (const auto limits = read_bounded(dir + "/limits", 8192)) {
        for (std::string_view line : split(*limits, '\n')) {
            if (!line.starts_with("Max open files")) continue;
            const auto cols = split(line.substr(14), ' ');
            for (std::string_view c : cols) {
                if (!c.empty()) {
                    proc.fdlimit = to_int<int64_t>(c);
                    break;
                }
            }
        }
    }
    if (const auto login = read_bounded(dir + "/loginuid", 64)) proc.loginuid = to_int<uint32_t>(*login, 0xFFFFFFFF);
    // The same "subsys=path" list the probe writes on clone and execve.
    if (const auto cg = read_bounded(dir + "/cgroup", 64 << 10))
        proc.cgroups = event::scap_cgroups_from_proc(*cg, proc_cgroups, kMaxList);
    return true;
}

}  // namespace

event::CaptureHeader scan_proc(const ProcScanLimits& limits) {
    event::CaptureHeader h;
    h.machine = scan_machine();
    h.interfaces = scan_interfaces();
    scan_users(limits, h);
    const SocketsByInode sockets = read_proc_net_sockets(limits.max_file_bytes);
    const std::string proc_cgroups = read_bounded("/proc/cgroups", limits.max_small_file_bytes).value_or("");

    for (long pid : numeric_entries("/proc", limits.max_threads)) {
        if (h.threads.size() >= limits.max_threads) break;
        ThreadRecord proc;
        proc.tid = pid;
        proc.pid = pid;
        if (!scan_process(pid, proc, proc_cgroups)) continue;
        const std::string dir = "/proc/" + std::to_string(pid);

        event::ThreadFdList main_fds{pid, {}};
        const std::string fd_dir = dir + "/fd";
        for (long fd : numeric_entries(fd_dir, limits.max_fds_per_process)) {
            main_fds.fds.push_back(fd_record(fd_dir, fd, sockets));
        }

        // The main thread first, then the others with the process's identity.
        proc.vtid = proc.vpid;
        h.threads.push_back(proc);
        h.fd_lists.push_back(std::move(main_fds));
        for (long tid : numeric_entries(dir + "/task", limits.max_threads)) {
            if (tid == pid || h.threads.size() >= limits.max_threads) continue;
            ThreadRecord t = proc;
            t.tid = tid;
            t.flags = kSecondaryThreadFlags;
            const std::string tdir = dir + "/task/" + std::to_string(tid);
            if (const auto tstat = read_bounded(tdir + "/stat", 4096)) {
                const size_t o = tstat->find('('), c = tstat->rfind(')');
                if (o != std::string::npos && c != std::string::npos && c > o) {
                    t.comm = capped(std::string_view(*tstat).substr(o + 1, c - o - 1), 16);
                }
            }
            if (const auto tstatus = read_bounded(tdir + "/status", 64 << 10)) {
                t.vtid = last_number(status_field(*tstatus, "NSpid"));
            }
            if (t.vtid == 0) t.vtid = tid;
            h.threads.push_back(std::move(t));
            h.fd_lists.push_back({tid, {}});  // threads share the main thread's fds
        }
    }
    return h;
}

std::optional<ProcMemory> read_proc_memory(const std::string& proc_root, int64_t pid) {
    // Kernel threads have no Vm* lines: all zero, as in the process list.
    const auto status = read_bounded(proc_root + "/" + std::to_string(pid) + "/status", 8192);
    if (!status) return std::nullopt;
    ProcMemory m;
    m.vmsize_kb = to_int<uint64_t>(status_field(*status, "VmSize"));
    m.vmrss_kb = to_int<uint64_t>(status_field(*status, "VmRSS"));
    m.vmswap_kb = to_int<uint64_t>(status_field(*status, "VmSwap"));
    return m;
}

}  // namespace tracetop::capture

#include "engine/proc_cpu.h"

#include <charconv>
#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

namespace tracetop::engine {
namespace {

// Fields after the comm's closing ')' (proc(5) numbers them from 1 with pid,
// comm): state is field 3, utime 14, stime 15, starttime 22.
constexpr size_t kUtime = 14 - 3;
constexpr size_t kStime = 15 - 3;
constexpr size_t kStarttime = 22 - 3;

bool is_number(const char* name, int64_t& out) {
    const char* end = name;
    while (*end) ++end;
    if (end == name) return false;
    auto [p, ec] = std::from_chars(name, end, out);
    return ec == std::errc() && p == end && out > 0;
}

// Reads at most `max` bytes of a small /proc file relative to `dirfd`.
bool read_small(int dirfd, const char* path, size_t max, std::string& out) {
    const int fd = openat(dirfd, path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;
    out.resize(max);
    size_t got = 0;
    while (got < max) {
        const ssize_t n = read(fd, out.data() + got, max - got);
        if (n < 0) {
            close(fd);
            return false;
        }
        if (n == 0) break;
        got += static_cast<size_t>(n);
    }
    close(fd);
    out.resize(got);
    return true;
}

}  // namespace

std::optional<StatTimes> parse_stat(std::string_view text) {
    const size_t open = text.find('(');
    const size_t close = text.rfind(')');
    if (open == std::string_view::npos || close == std::string_view::npos || close < open) return std::nullopt;
    std::string_view rest = text.substr(close + 1);
    StatTimes out;
    uint64_t utime = 0;
    uint64_t stime = 0;
    size_t field = 0;
    size_t i = 0;
    while (field <= kStarttime) {
        while (i < rest.size() && rest[i] == ' ') ++i;
        if (i >= rest.size()) return std::nullopt;
        size_t end = i;
        while (end < rest.size() && rest[end] != ' ' && rest[end] != '\n') ++end;
        if (field == kUtime || field == kStime || field == kStarttime) {
            uint64_t v = 0;
            auto [p, ec] = std::from_chars(rest.data() + i, rest.data() + end, v);
            if (ec != std::errc() || p != rest.data() + end) return std::nullopt;
            if (field == kUtime) utime = v;
            if (field == kStime) stime = v;
            if (field == kStarttime) out.start_ticks = v;
        }
        ++field;
        i = end;
    }
    out.ticks = utime + stime;
    return out;
}

uint64_t ticks_used(const StatTimes* prev, const StatTimes& now, bool have_baseline) {
    if (!have_baseline) return 0;
    if (!prev || prev->start_ticks != now.start_ticks) return now.ticks;
    return now.ticks >= prev->ticks ? now.ticks - prev->ticks : 0;
}

uint64_t ticks_to_centis(uint64_t ticks, long hz) {
    if (hz <= 0 || hz == 100) return ticks;
    return (ticks * 100 + static_cast<uint64_t>(hz) / 2) / static_cast<uint64_t>(hz);
}

CpuSampler::CpuSampler(std::string proc_root, CpuSamplerLimits limits)
    : root_(std::move(proc_root)), limits_(limits), hz_(sysconf(_SC_CLK_TCK)) {}

void CpuSampler::read_all(std::unordered_map<int64_t, StatTimes>& out) {
    DIR* proc = opendir(root_.c_str());
    if (!proc) return;
    while (const dirent* pe = readdir(proc)) {
        int64_t pid = 0;
        if (!is_number(pe->d_name, pid)) continue;
        // Every thread, not just the process line: the Threads view wants
        // each one, and the Processes view sums them per pid.
        const int pfd = openat(dirfd(proc), pe->d_name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (pfd < 0) continue;  // gone already
        const int tfd = openat(pfd, "task", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        close(pfd);
        if (tfd < 0) continue;
        DIR* task = fdopendir(tfd);
        if (!task) {
            close(tfd);
            continue;
        }
        while (const dirent* te = readdir(task)) {
            int64_t tid = 0;
            if (!is_number(te->d_name, tid)) continue;
            if (out.size() >= limits_.max_threads) break;
            std::string path = te->d_name;
            path += "/stat";
            if (!read_small(dirfd(task), path.c_str(), limits_.max_stat_bytes, buf_)) continue;
            if (auto t = parse_stat(buf_)) out.emplace(tid, *t);
        }
        closedir(task);
        if (out.size() >= limits_.max_threads) break;
    }
    closedir(proc);
}

const std::vector<ThreadCpu>& CpuSampler::sample() {
    std::unordered_map<int64_t, StatTimes> now;
    now.reserve(prev_.size() + 64);
    read_all(now);
    return sample_from(std::move(now));
}

const std::vector<ThreadCpu>& CpuSampler::sample_from(std::unordered_map<int64_t, StatTimes> now) {
    used_.clear();
    for (const auto& [tid, times] : now) {
        auto it = prev_.find(tid);
        const uint64_t ticks = ticks_used(it == prev_.end() ? nullptr : &it->second, times, have_baseline_);
        if (ticks) used_.push_back(ThreadCpu{tid, ticks_to_centis(ticks, hz_)});
    }
    prev_ = std::move(now);
    have_baseline_ = true;
    return used_;
}

}  // namespace tracetop::engine

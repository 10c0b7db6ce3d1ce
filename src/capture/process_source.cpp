#include "capture/process_source.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <algorithm>
#include <mutex>
#include <thread>

#include <fmt/format.h>

#include "capture/scap_reader.h"

extern char** environ;

namespace tracetop::capture {
namespace {

// Events parsed ahead of the consumer are bounded: a slow explorer makes the
// reader wait, and ssh's window then slows the remote side, not our memory.
constexpr size_t kMaxQueuedBytes = size_t{64} << 20;
constexpr size_t kMaxStderrBytes = 16384;
constexpr auto kIdleTick = std::chrono::milliseconds(100);

struct Item {
    enum class Kind { Event, NewSection, End, Failed } kind = Kind::Event;
    std::vector<uint8_t> bytes;  // the event in the v2 layout
    uint16_t cpu = 0;
    uint32_t block_flags = 0;
    uint64_t num = 0;
    event::CaptureHeader header;  // NewSection
    std::optional<Error> error;   // Failed
};

class ProcessSource final : public StreamSource {
public:
    ProcessSource(std::string name, std::string program, pid_t child, int out_fd, int err_fd)
        : name_(std::move(name)), program_(std::move(program)), child_(child), out_fd_(out_fd) {
        stderr_thread_ = std::thread([this, err_fd] { collect_stderr(err_fd); });
    }

    ~ProcessSource() override {
        {
            std::lock_guard lock(mutex_);
            closing_ = true;
        }
        space_.notify_all();
        terminate_child();
        if (reader_thread_.joinable()) reader_thread_.join();
        reap(true);
        if (stderr_thread_.joinable()) stderr_thread_.join();
        if (out_fd_ >= 0) ::close(out_fd_);
    }

    // Reads the header; on failure says why in one line.
    std::optional<Error> start() {
        auto opened = ScapReader::open(fmt::format("/proc/self/fd/{}", out_fd_), {}, true);
        if (!opened) {
            // The program wrote no capture: its exit and its stderr tell why;
            // when it still runs, it wrote something else.
            reap(true);
            const bool ran_on = killed_;
            if (stderr_thread_.joinable()) stderr_thread_.join();
            if (ran_on) return Error(fmt::format("{}: {}", name_, opened.error().message));
            // A clean exit after output that is no capture: the reader's word.
            const bool clean = WIFEXITED(exit_status_) && WEXITSTATUS(exit_status_) == 0;
            return Error(fmt::format("{}: {}", name_, failure_text(clean ? opened.error().message : "no capture came")));
        }
        reader_ = std::move(*opened);
        header_ = reader_->header();
        reader_thread_ = std::thread([this] { read_loop(); });
        return std::nullopt;
    }

    const event::CaptureHeader& header() const override { return header_; }
    const std::optional<Error>& error() const override { return error_; }

    SourceStats stats() const override {
        std::lock_guard lock(mutex_);
        SourceStats s = stats_;
        s.drops = remote_drops_;
        return s;
    }

    void stop_producing() override {
        {
            std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        terminate_child();
    }

    ReadStatus next(event::EventView& out) override { return next_within(out, kIdleTick); }

    ReadStatus next_within(event::EventView& out, std::chrono::milliseconds wait) override {
        if (finished_) return error_ ? ReadStatus::Failed : ReadStatus::End;
        std::unique_lock lock(mutex_);
        if (!ready_.wait_for(lock, wait, [this] { return !queue_.empty(); })) return ReadStatus::Idle;
        current_ = std::move(queue_.front());
        queue_.pop_front();
        queued_bytes_ -= current_.bytes.size();
        const bool stopping = stopping_;
        lock.unlock();
        space_.notify_one();
        switch (current_.kind) {
            case Item::Kind::Event: {
                std::string why;
                if (!event::EventView::parse_into(out, current_.bytes.data(), current_.bytes.size(), true, why)) {
                    return finish(Error(fmt::format("{}: {}", name_, why)));
                }
                out.cpu = current_.cpu;
                out.block_flags = current_.block_flags;
                out.num = current_.num;
                return ReadStatus::Event;
            }
            case Item::Kind::NewSection:
                header_ = std::move(current_.header);
                return ReadStatus::NewSection;
            case Item::Kind::End:
            case Item::Kind::Failed: {
                // We ended it (a stop, --duration): whatever the cut left is no fault.
                if (stopping) return finish(std::nullopt);
                const int status = reap(true);
                if (stderr_thread_.joinable()) stderr_thread_.join();
                if (current_.kind == Item::Kind::End && status == 0) return finish(std::nullopt);
                return finish(Error(fmt::format("{}: the connection ended: {}", name_,
                                                failure_text(current_.error ? current_.error->message
                                                                            : std::string("the stream stopped")))));
            }
        }
        return ReadStatus::End;
    }

private:
    ReadStatus finish(std::optional<Error> err) {
        finished_ = true;
        error_ = std::move(err);
        return error_ ? ReadStatus::Failed : ReadStatus::End;
    }

    void push(Item item) {
        std::unique_lock lock(mutex_);
        space_.wait(lock, [this] { return closing_ || queued_bytes_ < kMaxQueuedBytes; });
        if (closing_) return;
        queued_bytes_ += item.bytes.size();
        const SourceStats s = reader_->stats();
        stats_.events = s.events;
        stats_.skipped_unknown = s.skipped_unknown;
        stats_.bytes_read = s.bytes_read;
        queue_.push_back(std::move(item));
        lock.unlock();
        ready_.notify_one();
    }

    void read_loop() {
        // Signals are the main thread's (a stop request); here one would only
        // cut a read of the pipe short.
        sigset_t all;
        sigfillset(&all);
        pthread_sigmask(SIG_BLOCK, &all, nullptr);
        event::EventView ev;
        for (;;) {
            {
                std::lock_guard lock(mutex_);
                if (closing_) return;
            }
            const ReadStatus rs = reader_->next(ev);
            Item item;
            if (rs == ReadStatus::Event) {
                item.bytes.resize(ev.v2_length());
                ev.copy_v2(item.bytes.data());
                item.cpu = ev.cpu;
                item.block_flags = ev.block_flags;
                item.num = ev.num;
                push(std::move(item));
                continue;
            }
            if (rs == ReadStatus::NewSection) {
                item.kind = Item::Kind::NewSection;
                item.header = reader_->header();
                push(std::move(item));
                continue;
            }
            if (rs == ReadStatus::Idle) continue;
            item.kind = rs == ReadStatus::End ? Item::Kind::End : Item::Kind::Failed;
            item.error = reader_->error();
            push(std::move(item));
            return;
        }
    }

    void collect_stderr(int fd) {
        char buf[4096];
        std::string line;  // the line being read, for the drop reports
        for (;;) {
            const ssize_t n = ::read(fd, buf, sizeof buf);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) break;
            std::lock_guard lock(mutex_);
            for (ssize_t i = 0; i < n; ++i) {
                if (buf[i] != '\n') {
                    if (line.size() < 256) line.push_back(buf[i]);
                    continue;
                }
                if (auto drops = parse_drops_line(line)) remote_drops_ = std::max(remote_drops_, *drops);
                line.clear();
            }
            stderr_text_.append(buf, static_cast<size_t>(n));
            // Keep the end: the reason comes last.
            if (stderr_text_.size() > kMaxStderrBytes) stderr_text_.erase(0, stderr_text_.size() - kMaxStderrBytes);
        }
        ::close(fd);
    }

    // child_, reaped_ and exit_status_ belong to the consumer's thread.
    void terminate_child() {
        if (child_ > 0 && !reaped_) ::kill(child_, SIGTERM);
    }

    // Waits for the program (SIGKILL after 2 s when `wait`); its status for
    // failure_text, 0 for a clean exit.
    int reap(bool wait) {
        if (reaped_ || child_ <= 0) return exit_status_;
        int status = 0;
        pid_t r = ::waitpid(child_, &status, WNOHANG);
        for (int i = 0; wait && r == 0 && i < 20; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            r = ::waitpid(child_, &status, WNOHANG);
        }
        if (r == 0 && wait) {
            killed_ = true;
            ::kill(child_, SIGKILL);
            r = ::waitpid(child_, &status, 0);
        }
        if (r != child_) return exit_status_;
        reaped_ = true;
        exit_status_ = status;
        return status;
    }

    // What went wrong, in one line: the program's own word for it when it
    // gave one, else how it ended, else `fallback`.
    std::string failure_text(const std::string& fallback) {
        std::string text;
        {
            std::lock_guard lock(mutex_);
            text = summarise_stderr(stderr_text_);
        }
        const int status = exit_status_;
        if (!text.empty()) return text;
        if (reaped_ && WIFEXITED(status) && WEXITSTATUS(status) != 0) {
            return fmt::format("{} ({} exited with status {})", fallback, program_, WEXITSTATUS(status));
        }
        if (reaped_ && WIFSIGNALED(status)) {
            return fmt::format("{} ({} was killed by signal {})", fallback, program_, WTERMSIG(status));
        }
        return fallback;
    }

    std::string name_;
    std::string program_;  // argv[0], for messages
    pid_t child_;
    int out_fd_;
    std::unique_ptr<ScapReader> reader_;
    event::CaptureHeader header_;
    std::optional<Error> error_;
    bool finished_ = false;
    bool reaped_ = false;
    bool killed_ = false;  // it outlived its output: we ended it
    int exit_status_ = 0;
    Item current_;

    mutable std::mutex mutex_;  // guards everything below
    std::condition_variable ready_, space_;
    std::deque<Item> queue_;
    size_t queued_bytes_ = 0;
    bool closing_ = false;
    bool stopping_ = false;
    SourceStats stats_;
    uint64_t remote_drops_ = 0;
    std::string stderr_text_;
    std::thread reader_thread_, stderr_thread_;
};

}  // namespace

std::string summarise_stderr(const std::string& stderr_text) {
    std::string best, last;
    size_t pos = 0;
    while (pos < stderr_text.size()) {
        size_t end = stderr_text.find('\n', pos);
        if (end == std::string::npos) end = stderr_text.size();
        std::string line = stderr_text.substr(pos, end - pos);
        pos = end + 1;
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
        if (line.empty()) continue;
        // ssh's notes about host keys are not the reason anything failed.
        // Neither are the remote tracetop's reports of a capture going well.
        if (line.starts_with("Warning: Permanently added") || line.starts_with("tracetop: capturing (") ||
            parse_drops_line(line) ||
            line.find(" events captured, ") != std::string::npos) {
            continue;
        }
        last = line;
        if (line.starts_with("tracetop:")) best = line;
    }
    std::string chosen = best.empty() ? last : best;
    if (chosen.size() > 300) chosen = chosen.substr(0, 300) + "...";
    // The host's text goes to our terminal: ASCII only (a lone 0x9b is a
    // CSI to some terminals).
    for (char& c : chosen) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u >= 0x7f) c = '?';
    }
    return chosen;
}

std::optional<uint64_t> parse_drops_line(std::string_view line) {
    constexpr std::string_view kPrefix = "tracetop: drops: ";
    if (!line.starts_with(kPrefix)) return std::nullopt;
    line.remove_prefix(kPrefix.size());
    if (line.empty() || line.size() > 19 || line.find_first_not_of("0123456789") != std::string_view::npos) {
        return std::nullopt;
    }
    uint64_t n = 0;
    for (const char c : line) n = n * 10 + static_cast<uint64_t>(c - '0');
    return n;
}

Result<std::unique_ptr<StreamSource>> open_process_source(const std::vector<std::string>& argv, const std::string& name) {
    if (argv.empty()) return Error(fmt::format("{}: no program to run", name));
    int out[2], err[2];
    if (::pipe2(out, O_CLOEXEC) != 0) return Error(fmt::format("{}: pipe: {}", name, std::strerror(errno)));
    if (::pipe2(err, O_CLOEXEC) != 0) {
        const int e = errno;
        ::close(out[0]);
        ::close(out[1]);
        return Error(fmt::format("{}: pipe: {}", name, std::strerror(e)));
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, err[1], STDERR_FILENO);
    // Its own process group: the terminal's Ctrl-C is the explorer's to
    // handle, and the program ends when we stop it.
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attr, 0);
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    pid_t child = -1;
    const int rc = ::posix_spawnp(&child, args[0], &actions, &attr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    ::close(out[1]);
    ::close(err[1]);
    if (rc != 0) {
        ::close(out[0]);
        ::close(err[0]);
        return Error(fmt::format("{}: cannot run {}: {}", name, argv[0], std::strerror(rc)));
    }
    auto source = std::make_unique<ProcessSource>(name, argv[0], child, out[0], err[0]);
    if (auto failed = source->start()) return *failed;
    return std::unique_ptr<StreamSource>(std::move(source));
}

}  // namespace tracetop::capture

#include "engine/chisel_child.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <vector>

#include <fmt/format.h>

namespace tracetop::engine {

namespace {

// Keeps text a pager can show: escape sequences (colours) go, tabs become
// spaces, other control characters go.
std::string printable_text(std::string_view raw) {
    std::string out;
    out.reserve(raw.size());
    for (size_t i = 0; i < raw.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(raw[i]);
        if (c == 0x1b) {
            if (i + 1 < raw.size() && raw[i + 1] == '[') {
                i += 2;
                while (i < raw.size() && !(raw[i] >= 0x40 && raw[i] <= 0x7e)) ++i;
            }
            continue;
        }
        if (c == '\t') {
            out += ' ';
        } else if (c == '\n' || (c >= 0x20 && c != 0x7f)) {
            out += static_cast<char>(c);
        }
    }
    return out;
}

}  // namespace

std::unique_ptr<ChiselChild> ChiselChild::start(const std::string& name, const std::optional<std::string>& chisel_args,
                                                const std::string& capture_file, const std::string& scope,
                                                double live_seconds) {
    std::unique_ptr<ChiselChild> child(new ChiselChild());
    std::vector<std::string> args = {"/proc/self/exe"};
    if (!capture_file.empty()) {
        args.insert(args.end(), {"-r", capture_file});
    } else {
        args.insert(args.end(), {"--duration", fmt::format("{}", live_seconds)});
    }
    args.insert(args.end(), {"-c", name});
    if (chisel_args) args.push_back(*chisel_args);
    if (!scope.empty()) args.push_back(scope);
    // Made before fork: the child only calls what is safe after fork in a
    // threaded process.
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    const auto failed = [&](const char* what) {
        child->raw_ = fmt::format("tracetop: cannot run the chisel: {}: {}\n", what, std::strerror(errno));
        child->ended_ = true;
        return std::move(child);
    };
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) return failed("pipe");
    const pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return failed("fork");
    }
    if (pid == 0) {
        // Its own process group, so that a cancel reaches anything it starts.
        setpgid(0, 0);
        const int devnull = open("/dev/null", O_RDONLY);
        if (devnull >= 0) dup2(devnull, STDIN_FILENO);
        dup2(fds[1], STDOUT_FILENO);
        dup2(fds[1], STDERR_FILENO);
        execv(argv[0], argv.data());
        _exit(127);
    }
    setpgid(pid, pid);  // as the child does: whichever runs first (a cancel may come at once)
    close(fds[1]);
    // The explorer polls between keys: reads never wait.
    fcntl(fds[0], F_SETFL, fcntl(fds[0], F_GETFL) | O_NONBLOCK);
    child->pid_ = pid;
    child->out_fd_ = fds[0];
    return child;
}

ChiselChild::~ChiselChild() {
    if (!ended_) reap(true);
}

bool ChiselChild::poll() {
    if (ended_) return true;
    char buf[65536];
    for (;;) {
        const ssize_t n = read(out_fd_, buf, sizeof buf);
        if (n > 0) {
            // Past the bound the output is read and dropped, so the child never blocks on a full pipe.
            if (raw_.size() < kMaxOutput) {
                raw_.append(buf, std::min<size_t>(static_cast<size_t>(n), kMaxOutput - raw_.size()));
            }
            continue;
        }
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return false;  // still running
        break;  // end of output (or a read error): the child is done
    }
    reap(false);
    return true;
}

void ChiselChild::reap(bool kill_first) {
    if (out_fd_ >= 0) {
        close(out_fd_);
        out_fd_ = -1;
    }
    if (pid_ > 0) {
        if (kill_first && kill(-pid_, SIGKILL) != 0) kill(pid_, SIGKILL);
        int status = 0;
        while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
        }
        pid_ = -1;
    }
    ended_ = true;
}

std::string ChiselChild::output() const { return printable_text(raw_); }

}  // namespace tracetop::engine

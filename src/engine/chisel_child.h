// A chisel run by the explorer (X) in a child tracetop, without stopping
// the screen: the child reads the capture (or traces live for a few
// seconds) while the explorer goes on answering keys, polls it for output,
// and can cancel it (Esc). A chisel over a large capture takes as long as
// reading it; before, the screen froze for that time and no key reached it.
//
//   auto child = ChiselChild::start("topprocs_cpu", {}, "big.scap", "proc.name=curl", 3.0);
//   each refresh: if (child->poll()) pager.open(child->output());
//   Esc: child.reset();   // kills and reaps the child
#pragma once

#include <sys/types.h>

#include <memory>
#include <optional>
#include <string>

namespace tracetop::engine {

class ChiselChild {
public:
    // Runs chisel `name` on `scope` over `capture_file`, or live for
    // `live_seconds` when it is empty; `args` is the chisel's argument
    // string, if any. Never null: a child that cannot start is one that
    // ended at once, its output saying why.
    static std::unique_ptr<ChiselChild> start(const std::string& name, const std::optional<std::string>& args,
                                              const std::string& capture_file, const std::string& scope,
                                              double live_seconds);
    ~ChiselChild();  // a child still running is killed and reaped
    ChiselChild(const ChiselChild&) = delete;
    ChiselChild& operator=(const ChiselChild&) = delete;

    // Reads what the child printed so far, without waiting; true once it
    // has ended (its output closed and the child reaped).
    bool poll();
    // What the chisel printed (output and errors), terminal control
    // sequences and other control characters removed, at most kMaxOutput bytes.
    std::string output() const;
    static constexpr size_t kMaxOutput = 4u << 20;

private:
    ChiselChild() = default;
    void reap(bool kill_first);

    pid_t pid_ = -1;
    int out_fd_ = -1;
    std::string raw_;
    bool ended_ = false;
};

}  // namespace tracetop::engine

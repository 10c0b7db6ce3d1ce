// Several hosts as one capture (issue 17 items 3-4): one StreamSource per
// host (ssh running tracetop there), their events merged in time order. A
// host that is quiet does not hold up the others: an event waits for the
// other hosts' next events at most a short lateness window, as the live
// per-CPU merge does. A host whose stream ends is marked gone with its
// reason and the others go on; the merge fails only when every host is gone.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "capture/process_source.h"
#include "capture/source.h"

namespace tracetop::capture {

struct HostStatus {
    std::string name;    // as the user named it
    bool gone = false;
    std::string reason;  // why it is gone, one line
    uint64_t drops = 0;  // its ring's drops, as its tracetop reports them
};

class MergedSource final : public Source {
public:
    // How long an event waits for the other hosts' events before it goes
    // out anyway; events of different hosts closer than this in time may
    // come out of order.
    static constexpr auto kLateness = std::chrono::milliseconds(50);

    struct Host {
        std::string name;
        std::unique_ptr<StreamSource> source;  // null: it failed to open
        std::optional<Error> open_error;       // why not
    };
    // Fails (with every host's reason, one line each) when no host opened.
    static Result<std::unique_ptr<MergedSource>> open(std::vector<Host> hosts);

    // The header of the first host that opened (machine record, for the
    // screen); each host's own is host_header().
    const event::CaptureHeader& header() const override;
    ReadStatus next(event::EventView& out) override;
    const std::optional<Error>& error() const override { return error_; }
    // Sums over the hosts; drops_per_cpu is left empty (CPUs of different hosts).
    SourceStats stats() const override;
    void stop_producing() override;

    size_t host_count() const { return hosts_.size(); }
    // The host of the event (or the NewSection) next() returned last.
    size_t event_host() const { return event_host_; }
    const event::CaptureHeader& host_header(size_t host) const;
    HostStatus host_status(size_t host) const;

private:
    struct Slot {
        std::string name;
        std::unique_ptr<StreamSource> source;
        event::CaptureHeader empty_header;  // of a host that never opened
        bool gone = false;
        std::string reason;
        bool has_head = false;
        event::EventView head;
        std::chrono::steady_clock::time_point head_since;
    };
    explicit MergedSource(std::vector<Slot> slots) : hosts_(std::move(slots)) {}
    // Reads a head for host i (waiting at most `wait`); true when it gave a new section.
    bool fill(size_t i, std::chrono::milliseconds wait);
    ReadStatus all_gone();

    std::vector<Slot> hosts_;
    size_t event_host_ = 0;
    size_t first_open_ = 0;
    uint64_t num_ = 0;
    bool stopping_ = false;
    std::optional<Error> error_;
};

// Opens every (name, argv) process source at once (each may take up to its
// connect timeout) and merges them.
Result<std::unique_ptr<MergedSource>> open_merged_process_sources(
    const std::vector<std::pair<std::string, std::vector<std::string>>>& hosts);

}  // namespace tracetop::capture

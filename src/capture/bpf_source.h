// Live capture: the kmod/ probe's per-CPU rings, merged into one stream in
// timestamp order, behind the same Source interface as a capture file.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "capture/container_watcher.h"
#include "capture/live_source.h"
#include "capture/ring_consumer.h"
#include "capture/source.h"

struct tt_probe;

namespace tracetop::capture {

class BpfSource final : public Source {
public:
    static Result<std::unique_ptr<BpfSource>> open(const LiveOptions& options);
    ~BpfSource() override;

    const event::CaptureHeader& header() const override { return header_; }
    ReadStatus next(event::EventView& out) override;
    const std::optional<Error>& error() const override { return error_; }
    SourceStats stats() const override;
    void stop_producing() override;

    // Whether the probe runs on the wanted calls' own tracepoints (a small
    // interest set) rather than on every system call.
    bool per_syscall_tracepoints() const;

private:
    BpfSource() = default;

    struct CpuStream {
        std::unique_ptr<RingConsumer> ring;
        std::span<const uint8_t> head;  // peeked record, empty when none
        uint64_t head_ts = 0;
    };

    bool refill(CpuStream& s);
    // Hands out the next finished container record as an event.
    ReadStatus deliver_container(event::EventView& out);
    bool all_rings_empty() const;
    // Nothing to deliver yet: sleeps until there may be (see next()).
    void wait_for_events(uint64_t head_due_in_ns);

    tt_probe* probe_ = nullptr;
    int epoll_fd_ = -1;  // every ring: readable once a record lands where we stand
    event::CaptureHeader header_;
    std::optional<Error> error_;
    std::vector<CpuStream> cpus_;
    int delivered_cpu_ = -1;  // its head is released on the next call
    uint64_t events_ = 0;
    uint64_t last_ts_ = 0;  // of the last event handed out: container events take it
    // Container metadata read on its own thread (container_watcher.h), and
    // the bytes of the container event handed out last.
    std::unique_ptr<ContainerWatcher> containers_;
    std::vector<uint8_t> container_event_;
    uint64_t malformed_ = 0;
    // Set by stop_producing(): every record is in its ring (or being
    // committed), so the merge needs no lag and empty rings mean the end.
    bool draining_ = false;
    std::chrono::steady_clock::time_point drain_deadline_{};
    uint64_t merge_now_ns_ = 0;  // last clock reading of the merge
    bool reader_prioritised_ = false;  // the draining thread's nice is set
    // When next() last said Idle: it says so again before waiting once a
    // tick has passed, busy or not (see kIdleTick).
    std::chrono::steady_clock::time_point last_idle_{};
};

}  // namespace tracetop::capture

// Live container metadata: the drain thread hands over the cgroups of each
// new thread (clone and execve exits, and the /proc scan at start); the
// first time a container id shows up, a worker thread reads what its runtime
// keeps on disk and queues the record; the drain thread picks finished
// records up between events and sends each into the stream as sysdig's
// container event, so the model and recordings (-w) carry it. The drain
// thread never reads a file or waits for the worker.
#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_set>
#include <vector>

#include "event/cgroup_container.h"
#include "event/container_record.h"
#include "event/event_view.h"

namespace tracetop::capture {

class ContainerWatcher {
public:
    // Reads one container's metadata (runs on the worker thread).
    using Lookup = std::function<event::ContainerRecord(const event::CgroupContainer&)>;

    explicit ContainerWatcher(Lookup lookup);
    ~ContainerWatcher();
    ContainerWatcher(const ContainerWatcher&) = delete;
    ContainerWatcher& operator=(const ContainerWatcher&) = delete;

    // Drain thread, per event: looks at the cgroups of clone/execve exits.
    // One table load for every other event.
    void note_event(const event::EventView& ev);

    // A thread's cgroups (the scap parameter's bytes); queues the lookup of
    // a container not seen before.
    void note_cgroups(std::string_view cgroups);

    // Drain thread: whether a record is waiting (one relaxed load), and the
    // next one.
    bool has_ready() const { return ready_count_.load(std::memory_order_relaxed) != 0; }
    std::optional<event::ContainerRecord> take_ready();

    // Blocks until every lookup queued so far is done (start-up, tests).
    void wait_idle();

    // The container event (type 324: the JSON plus its NUL, u32 length) as
    // v2 event bytes, stamped ts and tid.
    static std::vector<uint8_t> container_event(const event::ContainerRecord& r, uint64_t ts, uint64_t tid);

private:
    void run();

    Lookup lookup_;
    std::unordered_set<std::string> seen_;  // drain thread only

    std::mutex mu_;
    std::condition_variable wake_;
    std::condition_variable idle_;
    std::deque<event::CgroupContainer> todo_;
    std::deque<event::ContainerRecord> ready_;
    bool busy_ = false;
    bool stop_ = false;
    std::atomic<size_t> ready_count_{0};
    std::thread worker_;
};

}  // namespace tracetop::capture

#include "capture/container_watcher.h"

#include <cstring>

#include "event/tracetop_events.h"

namespace tracetop::capture {
namespace {

// Ids looked up at most this many: a machine starting containers without
// end must not grow our memory without end.
constexpr size_t kMaxContainers = 65'536;

// The index of the "cgroups" parameter of each event type, -1 when it has none.
const std::vector<int8_t>& cgroups_param_index() {
    static const std::vector<int8_t> table = [] {
        std::vector<int8_t> t(event::event_table_size(), -1);
        for (event::EventType type = 0; type < t.size(); ++type) {
            const event::EventInfo* info = event::event_info(type);
            if (info == nullptr || event::is_enter(type)) continue;
            for (size_t i = 0; i < info->params.size() && i < 127; ++i) {
                if (info->params[i].name == "cgroups") t[type] = static_cast<int8_t>(i);
            }
        }
        return t;
    }();
    return table;
}

}  // namespace

ContainerWatcher::ContainerWatcher(Lookup lookup) : lookup_(std::move(lookup)) {
    cgroups_param_index();  // built here, not on the first event
    worker_ = std::thread([this] { run(); });
}

ContainerWatcher::~ContainerWatcher() {
    {
        std::lock_guard lock(mu_);
        stop_ = true;
    }
    wake_.notify_all();
    worker_.join();
}

void ContainerWatcher::note_event(const event::EventView& ev) {
    const auto& index = cgroups_param_index();
    if (ev.type >= index.size() || index[ev.type] < 0) return;
    const auto raw = ev.param(static_cast<uint32_t>(index[ev.type]));
    if (raw.empty()) return;
    note_cgroups(std::string_view(reinterpret_cast<const char*>(raw.data()), raw.size()));
}

void ContainerWatcher::note_cgroups(std::string_view cgroups) {
    auto c = event::container_from_scap_cgroups(cgroups);
    if (!c || seen_.size() >= kMaxContainers || !seen_.insert(c->id).second) return;
    {
        std::lock_guard lock(mu_);
        todo_.push_back(std::move(*c));
    }
    wake_.notify_one();
}

std::optional<event::ContainerRecord> ContainerWatcher::take_ready() {
    std::lock_guard lock(mu_);
    if (ready_.empty()) return std::nullopt;
    event::ContainerRecord r = std::move(ready_.front());
    ready_.pop_front();
    ready_count_.store(ready_.size(), std::memory_order_relaxed);
    return r;
}

void ContainerWatcher::wait_idle() {
    std::unique_lock lock(mu_);
    idle_.wait(lock, [this] { return todo_.empty() && !busy_; });
}

void ContainerWatcher::run() {
    std::unique_lock lock(mu_);
    for (;;) {
        wake_.wait(lock, [this] { return stop_ || !todo_.empty(); });
        if (stop_) return;
        event::CgroupContainer c = std::move(todo_.front());
        todo_.pop_front();
        busy_ = true;
        lock.unlock();
        event::ContainerRecord r = lookup_(c);
        lock.lock();
        busy_ = false;
        ready_.push_back(std::move(r));
        ready_count_.store(ready_.size(), std::memory_order_relaxed);
        if (todo_.empty()) idle_.notify_all();
    }
}

std::vector<uint8_t> ContainerWatcher::container_event(const event::ContainerRecord& r, uint64_t ts, uint64_t tid) {
    const std::string json = event::encode_container_json(r);
    const uint32_t payload = static_cast<uint32_t>(json.size() + 1);  // the NUL included
    const uint32_t len = static_cast<uint32_t>(event::kEventHeaderV2Size + 4 + payload);
    std::vector<uint8_t> bytes(len, 0);
    const uint16_t type = PPME_CONTAINER_3_E;
    const uint32_t nparams = 1;
    uint8_t* p = bytes.data();
    std::memcpy(p, &ts, 8);
    std::memcpy(p + 8, &tid, 8);
    std::memcpy(p + 16, &len, 4);
    std::memcpy(p + 20, &type, 2);
    std::memcpy(p + 22, &nparams, 4);
    std::memcpy(p + 26, &payload, 4);
    std::memcpy(p + 30, json.data(), json.size());
    return bytes;
}

}  // namespace tracetop::capture

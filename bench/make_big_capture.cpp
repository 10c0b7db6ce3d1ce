// Builds a large capture for benchmarks: the events of a real capture written
// again and again, each copy shifted in time after the previous one, with the
// header (threads, fds) of the original, so every copy reads like the first.
//
//   make_big_capture IN.scap OUT.scap MIN_EVENTS
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "capture/scap_reader.h"
#include "capture/scap_writer.h"
#include "event_layout.h"

using namespace tracetop;

namespace {

struct StoredEvent {
    std::vector<uint8_t> v2;  // the event laid out with a v2 header
    uint16_t cpu;
    uint32_t block_flags;
};

StoredEvent store(const event::EventView& ev) {
    StoredEvent s{std::vector<uint8_t>(ev.v2_length()), ev.cpu, ev.block_flags};
    bench::put_v2(ev, s.v2.data());
    return s;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: %s IN.scap OUT.scap MIN_EVENTS\n", argv[0]);
        return 2;
    }
    const uint64_t want = std::strtoull(argv[3], nullptr, 10);
    auto reader = capture::ScapReader::open(argv[1]);
    if (!reader) {
        std::fprintf(stderr, "%s: %s\n", argv[1], reader.error().message.c_str());
        return 1;
    }
    std::vector<StoredEvent> events;
    event::EventView ev;
    while ((*reader)->next(ev) == capture::ReadStatus::Event) events.push_back(store(ev));
    if (events.empty()) return 1;
    uint64_t first = 0, last = 0;
    for (const auto& e : events) {
        uint64_t ts;
        std::memcpy(&ts, e.v2.data(), 8);
        if (ts == 0) continue;
        if (first == 0) first = ts;
        last = ts;
    }
    const uint64_t period = last - first + 1000000;  // copies 1 ms apart

    auto writer = capture::ScapWriter::create(argv[2], (*reader)->header());
    if (!writer) {
        std::fprintf(stderr, "%s: %s\n", argv[2], writer.error().message.c_str());
        return 1;
    }
    uint64_t written = 0;
    for (uint64_t copy = 0; written < want; ++copy) {
        for (auto& e : events) {
            std::vector<uint8_t> bytes = e.v2;
            uint64_t ts;
            std::memcpy(&ts, bytes.data(), 8);
            if (ts != 0) ts += copy * period;
            std::memcpy(bytes.data(), &ts, 8);
            auto view = event::EventView::parse_v2(bytes.data(), bytes.size());
            if (!view) return 1;
            view->cpu = e.cpu;
            view->block_flags = e.block_flags;
            (*writer)->write(*view);
            ++written;
        }
    }
    auto closed = (*writer)->close();
    if (!closed) {
        std::fprintf(stderr, "%s: %s\n", argv[2], closed.error().message.c_str());
        return 1;
    }
    std::printf("%llu events\n", static_cast<unsigned long long>(written));
    return 0;
}

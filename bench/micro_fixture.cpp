#include "micro_fixture.h"

#include <cstdio>
#include <cstdlib>
#include <string>

#include "capture/scap_reader.h"
#include "event/event_table.h"
#include "event_layout.h"

namespace tracetop::bench {
namespace {

ReplayEvents load() {
    const char* env = std::getenv("TRACETOP_BENCH_CAPTURE");
    const std::string path = env ? env : "../shared/captures/curl_google.scap";
    auto reader = capture::ScapReader::open(path);
    if (!reader) {
        std::fprintf(stderr, "micro_bench: %s: %s (set TRACETOP_BENCH_CAPTURE)\n", path.c_str(),
                     reader.error().message.c_str());
        std::exit(1);
    }
    ReplayEvents r;
    r.header = (*reader)->header();
    event::EventView ev;
    while ((*reader)->next(ev) == capture::ReadStatus::Event) {
        r.offsets.push_back(static_cast<uint32_t>(r.bytes.size()));
        const size_t at = r.bytes.size();
        r.bytes.resize(at + ev.v2_length());
        put_v2(ev, r.bytes.data() + at);
        r.shown.push_back(!(ev.block_flags & event::kEventFlagStateOnly) &&
                          !event::is_internal(ev.type));
    }
    // Views point into `bytes`, so they are made once it stops growing.
    for (size_t i = 0; i < r.offsets.size(); ++i) {
        auto parsed = event::EventView::parse_v2(r.bytes.data() + r.offsets[i], r.bytes.size() - r.offsets[i]);
        if (!parsed) {
            std::fprintf(stderr, "micro_bench: event %zu does not parse back\n", i + 1);
            std::exit(1);
        }
        parsed->num = i + 1;
        r.views.push_back(*parsed);
    }
    if (r.views.empty()) {
        std::fprintf(stderr, "micro_bench: %s has no events\n", path.c_str());
        std::exit(1);
    }
    return r;
}

}  // namespace

const ReplayEvents& replay_events() {
    static const ReplayEvents events = load();
    return events;
}

}  // namespace tracetop::bench

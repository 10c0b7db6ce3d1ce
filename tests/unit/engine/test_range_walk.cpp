// issue 15 (colwalk): what lets a key start its walk at the range. The
// in-memory copy replays from any event index, announcing only the sections
// after it; the first pass's rows keep per event its time, per context one
// of its events and whether it is shown, per block the latest time of a
// shown event, and the shown events stamped 0 wherever they are.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "../common/shared_captures.h"
#include "engine/context_rows.h"
#include "engine/event_store.h"
#include "engine/source_factory.h"
#include "event/event_table.h"
#include "state/model.h"

using namespace tracetop;

namespace {

struct Kept {
    uint64_t num, ts, tid;
    size_t section;
};

// Sections start at these events (as a file with several sections makes them).
constexpr size_t kSectionStarts[] = {700, 1100};

// A shared capture into `store`, in three sections.
std::vector<Kept> fill(engine::EventStore& store) {
    engine::Options o;
    o.read_file = test::shared_capture("curl_google.scap");
    auto opened = engine::open_source(o);
    REQUIRE(opened.ok());
    capture::Source& src = *opened->source;
    store.begin_section(src.header());
    std::vector<Kept> kept;
    size_t section = 0;
    event::EventView ev;
    for (capture::ReadStatus st; (st = src.next(ev)) != capture::ReadStatus::End;) {
        REQUIRE(st == capture::ReadStatus::Event);
        if (section < 2 && kept.size() == kSectionStarts[section]) {
            store.begin_section(src.header());
            ++section;
        }
        REQUIRE(store.add(ev));
        kept.push_back(Kept{ev.num, ev.ts, ev.tid, section});
    }
    store.seal();
    REQUIRE(section == 2);
    return kept;
}

}  // namespace

TEST_CASE("a replay of the copy from event i gives event i and the rest, with the later sections announced") {
    engine::EventStore store(1ULL << 30, 5);
    const std::vector<Kept> kept = fill(store);
    for (const size_t from : {size_t{0}, size_t{1}, size_t{4}, size_t{5}, size_t{6}, size_t{699}, size_t{700},
                              size_t{701}, size_t{1099}, size_t{1100}, size_t{1234}, kept.size() - 1, kept.size()}) {
        CAPTURE(from);
        auto replay = store.replay_from_event(from);
        size_t i = from;
        std::vector<size_t> announced;
        event::EventView ev;
        for (capture::ReadStatus st; (st = replay->next(ev)) != capture::ReadStatus::End;) {
            REQUIRE(st != capture::ReadStatus::Failed);
            if (st == capture::ReadStatus::NewSection) {
                announced.push_back(i);
                continue;
            }
            REQUIRE(i < kept.size());
            CHECK(ev.num == kept[i].num);
            CHECK(ev.ts == kept[i].ts);
            CHECK(ev.tid == kept[i].tid);
            ++i;
        }
        CHECK(i == kept.size());
        // Each later section right before its first event; none for the one the replay starts in.
        std::vector<size_t> later;
        for (const size_t s : kSectionStarts) {
            if (s > from) later.push_back(s);
        }
        CHECK(announced == later);
    }
}

TEST_CASE("the first pass's rows: times, shown contexts, blocks and events stamped 0") {
    engine::Options o;
    o.read_file = test::shared_capture("curl_google.scap");
    auto opened = engine::open_source(o);
    REQUIRE(opened.ok());
    state::Model model;
    model.load_header(opened->source->header());
    engine::ContextRows rows(16);
    std::vector<uint64_t> ts;
    std::vector<bool> shown;
    std::vector<uint32_t> zeros;
    event::EventView ev;
    for (capture::ReadStatus st; (st = opened->source->next(ev)) != capture::ReadStatus::End;) {
        REQUIRE(st == capture::ReadStatus::Event);
        // Every 37th event as if stamped 0 (metadata): listed when shown, in no block's times.
        if (ts.size() % 37 == 5) ev.ts = 0;
        // ...and every 53rd as if state-only (never shown): in no block's shown times.
        if (ts.size() % 53 == 7) ev.block_flags |= event::kEventFlagStateOnly;
        const bool is_shown = !(ev.block_flags & event::kEventFlagStateOnly);
        if (ev.ts == 0 && is_shown) zeros.push_back(static_cast<uint32_t>(ts.size()));
        const state::EventContext& ctx = model.on_event(ev);
        rows.add(ev, ctx, model);
        // One event of the context stands for all: same type, same thread.
        const uint32_t cid = rows.context_id(ts.size());
        CHECK(rows.sample(cid).type == ev.type);
        CHECK(rows.sample(cid).tid == ev.tid);
        CHECK(rows.latency(ts.size()) == ctx.latency);
        ts.push_back(ev.ts);
        shown.push_back(is_shown);
    }
    REQUIRE(rows.events() == ts.size());
    CHECK(rows.zero_shown() == zeros);
    CHECK(!zeros.empty());
    REQUIRE(rows.blocks().size() == (ts.size() + 15) / 16);
    uint64_t first = 0;
    for (size_t i = 0; i < ts.size(); ++i) {
        CHECK(rows.ts(i) == ts[i]);
        CHECK(rows.shown(rows.context_id(i)) == shown[i]);
        if (!first) first = ts[i];
    }
    CHECK(rows.first_ts() == first);
    for (size_t b = 0; b < rows.blocks().size(); ++b) {
        uint64_t max_shown = 0, last = 0;
        for (size_t i = b * 16; i < std::min(ts.size(), (b + 1) * 16); ++i) {
            if (ts[i] == 0) continue;
            last = ts[i];
            if (shown[i]) max_shown = std::max(max_shown, ts[i]);
        }
        CAPTURE(b);
        CHECK(rows.blocks()[b].max_shown_ts == max_shown);
        CHECK(rows.blocks()[b].last_ts == last);
    }
}

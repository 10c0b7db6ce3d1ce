// The explorer's in-memory copy (issue 15): replaying it gives back every
// event as the file had it; a budget too small gives up instead of growing;
// and the engine answers a view switch from the copy with the numbers a
// fresh read gives, over a selected range as --json computes it.
#include <doctest/doctest.h>

#include <vector>

#include "../common/shared_captures.h"
#include "analysis/timeline_counts.h"
#include "capture/scap_reader.h"
#include "engine/event_store.h"
#include "engine_fixture.h"
#include "event/event_table.h"
#include "filter/compiled_filter.h"
#include "filter/field_context.h"
#include "state/model.h"

using namespace tracetop;

namespace {

struct Seen {
    uint64_t ts, tid, num;
    event::EventType type;
    uint16_t cpu;
    uint32_t flags;
    std::vector<uint8_t> body;
    bool operator==(const Seen&) const = default;
};

std::vector<Seen> drain(capture::Source& src, engine::EventStore* store) {
    std::vector<Seen> out;
    event::EventView ev;
    if (store) store->begin_section(src.header());
    for (;;) {
        const capture::ReadStatus rs = src.next(ev);
        if (rs == capture::ReadStatus::End) break;
        REQUIRE(rs != capture::ReadStatus::Failed);
        if (rs != capture::ReadStatus::Event) continue;
        if (store) store->add(ev);
        out.push_back(Seen{ev.ts, ev.tid, ev.num, ev.type, ev.cpu, ev.block_flags,
                           std::vector<uint8_t>(ev.body().begin(), ev.body().end())});
    }
    return out;
}

}  // namespace

TEST_CASE("a replay gives back every event of the file") {
    auto reader = capture::ScapReader::open(test::shared_capture("curl_google.scap"));
    REQUIRE(reader.ok());
    engine::EventStore store(64u << 20);
    const std::vector<Seen> read = drain(**reader, &store);
    store.seal();
    REQUIRE(store.usable());
    CHECK(store.events() == read.size());
    auto replay = store.replay();
    CHECK(replay->header().threads.size() == (*reader)->header().threads.size());
    const std::vector<Seen> replayed = drain(*replay, nullptr);
    REQUIRE(replayed.size() == read.size());
    CHECK(replayed == read);
}

TEST_CASE("over budget the store gives up and frees its memory") {
    auto reader = capture::ScapReader::open(test::shared_capture("curl_google.scap"));
    REQUIRE(reader.ok());
    engine::EventStore store(1000);
    drain(**reader, &store);
    store.seal();
    CHECK(store.over_budget());
    CHECK_FALSE(store.usable());
    CHECK(store.bytes() == 0);
}

TEST_CASE("timeline slots double as the capture grows and regroup to a strip") {
    analysis::TimelineCounts t;
    const uint64_t t0 = 1000000000000ULL;
    for (uint64_t i = 0; i < 2000; ++i) t.add(t0 + i * 1000000, i % 100 == 0);  // one event a ms for 2 s
    CHECK(t.slot_ns() == 4000000);                                 // 512 slots of 1 ms would not hold 2 s
    uint64_t total = 0;
    for (uint32_t c : t.counts()) total += c;
    CHECK(total == 2000);
    const auto cells = analysis::regroup_timeline(t.counts(), t.start(), t.slot_ns(), t0, t0 + 2000000000ULL, 4);
    REQUIRE(cells.size() == 4);
    for (uint64_t c : cells) CHECK(c == 500);
    // A failed call every 100 ms: 5 in each half second.
    REQUIRE(t.errors().size() == t.counts().size());
    for (uint64_t e : analysis::regroup_timeline(t.errors(), t.start(), t.slot_ns(), t0, t0 + 2000000000ULL, 4)) {
        CHECK(e == 5);
    }
}

TEST_CASE("a view switch after the first pass is answered from memory, over the selected range") {
    using namespace engine::testing;
    auto e = start_on_curl();
    auto done = wait_for(*e, [](const analysis::Snapshot& s) { return !s.loading && !s.source.timeline.empty(); });
    REQUIRE(done);
    CHECK(done->source.memory_note.empty());
    // curl's failed calls (access ENOENT, connect EINPROGRESS...) are marked on the timeline.
    uint64_t failed = 0;
    for (uint32_t e : done->source.timeline_errors) failed += e;
    CHECK(failed > 0);
    // issue 15 (pass): as many as the exits `evt.failed=true` matches (the
    // first pass takes them from its frozen contexts, not from the filter).
    {
        auto reader = capture::ScapReader::open(test::shared_capture("curl_google.scap"));
        REQUIRE(reader.ok());
        auto filter = filter::CompiledFilter::compile("evt.failed=true");
        REQUIRE(filter.ok());
        state::Model model;
        model.load_header((*reader)->header());
        event::EventView ev;
        fmt::memory_buffer scratch;
        uint64_t expected = 0;
        for (capture::ReadStatus st; (st = (*reader)->next(ev)) != capture::ReadStatus::End;) {
            REQUIRE(st != capture::ReadStatus::Failed);
            if (st != capture::ReadStatus::Event) continue;
            const state::EventContext& ctx = model.on_event(ev);
            if (!event::is_enter(ev.type) && filter->matches(filter::FieldContext{ev, ctx, model, nullptr, &scratch, 0})) {
                ++expected;
            }
        }
        CHECK(failed == expected);
    }
    const uint64_t first = done->source.capture_first_ts;
    REQUIRE(first != 0);
    engine::Command r = engine::Command::make(engine::Command::Kind::SetRange);
    r.range = engine::TimeRange{first + 5520000000ULL, first + 5540000000ULL};
    e->send(r);
    e->send(engine::Command::with_text(engine::Command::Kind::SetView, "syscalls"));
    const uint64_t gen = e->sent_generation();
    auto ranged = wait_for(*e, [gen](const analysis::Snapshot& s) { return s.generation >= gen && !s.loading; });
    REQUIRE(ranged);
    CHECK(ranged->source.range_from == r.range.from);
    // What `--json -v syscalls --from +5.52 --to +5.54` prints: 8 rows, this span.
    CHECK(ranged->rows.size() == 8);
    CHECK(ranged->source.first_ts == 1534527348523036313ULL);
    CHECK(ranged->source.last_ts == 1534527348531225280ULL);
}

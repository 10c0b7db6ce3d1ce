// The explorer's in-memory copy (issue 15): replaying it gives back every
// event as the file had it; a budget too small gives up instead of growing;
// and the engine answers a view switch from the copy with the numbers a
// fresh read gives, over a selected range as --json computes it.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <unistd.h>
#include <vector>

#include <fmt/format.h>
#include <zlib.h>

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

// session 12: add() keeps the last event's slot and its times, to spare the
// division: the slots must stay what the division gives, through events out
// of order, before the start, slots widening, and (rolling) slots dropped.
TEST_CASE("timeline slots: every event where its time says, whatever the order") {
    analysis::TimelineCounts t;
    const uint64_t t0 = 5000000000000ULL;
    std::vector<uint64_t> times;
    uint64_t ts = t0;
    for (uint64_t i = 0; i < 30000; ++i) {
        times.push_back(ts);
        // Mostly forward by 0 to 0.3 ms; now and then back by up to 2 ms, or before the start.
        if (i % 97 == 0) {
            times.push_back(ts - std::min<uint64_t>(ts - t0 + 1500000, 2000000));
        }
        ts += (i * 7919) % 300000;
    }
    for (size_t i = 0; i < times.size(); ++i) t.add(times[i], i % 13 == 0);
    CHECK(t.slot_ns() > analysis::TimelineCounts::kFirstSlotNs);  // the slots widened on the way
    std::vector<uint32_t> counts(t.counts().size()), errors(t.counts().size());
    for (size_t i = 0; i < times.size(); ++i) {
        const size_t idx = times[i] > t.start() ? (times[i] - t.start()) / t.slot_ns() : 0;
        REQUIRE(idx < counts.size());
        ++counts[idx];
        if (i % 13 == 0) ++errors[idx];
    }
    CHECK(t.counts() == counts);
    CHECK(t.errors() == errors);

    // Slot edges, each right after an event of the neighbouring slot: 1 ms slots from t0.
    analysis::TimelineCounts edges;
    for (const uint64_t at : {t0, t0 + 2000005, t0 + 1999999, t0 + 2000000, t0 + 3000000, t0 + 2999999}) edges.add(at);
    CHECK(edges.counts() == std::vector<uint32_t>{1, 1, 3, 1});

    // Rolling: 1 ms slots; after the first 3 are dropped, an event at the
    // time of the last one before lands 3 slots lower.
    analysis::TimelineCounts r;
    r.make_rolling(1000000);
    r.add(t0);
    r.add(t0 + 3500000);
    r.add(t0 + 3600000);
    REQUIRE(r.counts().size() == 4);
    CHECK(r.counts()[3] == 2);
    r.drop_before(t0 + 3000000);
    r.add(t0 + 3700000);
    REQUIRE(r.counts().size() == 1);
    CHECK(r.counts()[0] == 3);
    r.add(t0 + 4100000);
    CHECK(r.counts() == std::vector<uint32_t>{3, 1});
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

// issue 15 (pass2): a copy of a file read through a mapping keeps places in
// the file instead of copies, and replays the file's blocks. It must give
// back what the copied one does: every event with its evt.num, each section
// announced once with its header (a file of two sections, concatenated),
// and the same events from a position kept every few events and from
// next_position() taken anywhere, a section's start included.
namespace {

constexpr event::EventType kSectionMark = 0xFFFF;

// The events of `src` as Seen, a section break as a mark holding the
// header's thread count; into `store` (mapped or copied) when given, with
// next_position() before every event.
std::vector<Seen> drain_marked(capture::Source& src, engine::EventStore* store,
                               std::vector<engine::StorePosition>* before = nullptr) {
    std::vector<Seen> out;
    event::EventView ev;
    const bool mapped = store && store->use_mapping(src.mapping());
    if (store) store->begin_section(src.header());
    for (;;) {
        const capture::ReadStatus rs = src.next(ev);
        if (rs == capture::ReadStatus::End) break;
        REQUIRE(rs != capture::ReadStatus::Failed);
        if (rs == capture::ReadStatus::NewSection) {
            if (store) store->begin_section(src.header());
            out.push_back(Seen{src.header().threads.size(), 0, 0, kSectionMark, 0, 0, {}});
            continue;
        }
        if (rs != capture::ReadStatus::Event) continue;
        if (before) before->push_back(store->next_position());
        if (store) REQUIRE((mapped ? store->add_mapped(ev, src.mapped_place()) : store->add(ev)));
        out.push_back(Seen{ev.ts, ev.tid, ev.num, ev.type, ev.cpu, ev.block_flags,
                           std::vector<uint8_t>(ev.body().begin(), ev.body().end())});
    }
    return out;
}

// The events from the `index`-th on, with the section marks between them.
std::vector<Seen> events_from(const std::vector<Seen>& all, uint64_t index) {
    uint64_t n = 0;
    for (size_t i = 0; i < all.size(); ++i) {
        if (all[i].type != kSectionMark && n++ == index) return {all.begin() + static_cast<long>(i), all.end()};
    }
    return {};
}

}  // namespace

TEST_CASE("a mapped copy replays what the copied one does, from anywhere") {
    const std::string one = test::shared_capture("curl_google.scap");
    const std::string two = test::shared_capture("single_ipv6_conn.scap");
    const std::string both =
        (std::filesystem::temp_directory_path() / fmt::format("mapped_store.{}.scap", getpid())).string();
    {
        // The shared captures are gzip (kept as copies, never mapped): their bytes, concatenated.
        std::ofstream out(both, std::ios::binary);
        for (const std::string& f : {one, two}) {
            gzFile in = gzopen(f.c_str(), "rb");
            REQUIRE(in != nullptr);
            char buf[1 << 16];
            for (int n; (n = gzread(in, buf, sizeof buf)) > 0;) out.write(buf, n);
            gzclose(in);
        }
    }
    auto copied_reader = capture::ScapReader::open(both);
    auto mapped_reader = capture::ScapReader::open(both, {}, false, true);
    REQUIRE(copied_reader.ok());
    REQUIRE(mapped_reader.ok());
    CHECK((*copied_reader)->mapping() == nullptr);
    REQUIRE((*mapped_reader)->mapping() != nullptr);
    engine::EventStore copied(64u << 20, 5), mapped(64u << 20, 5);
    std::vector<engine::StorePosition> copied_at, mapped_at;
    const std::vector<Seen> read = drain_marked(**copied_reader, &copied, &copied_at);
    const std::vector<Seen> read_mapped = drain_marked(**mapped_reader, &mapped, &mapped_at);
    std::filesystem::remove(both);  // the mapping holds the file's pages
    copied.seal();
    mapped.seal();
    REQUIRE(mapped.mapped());
    REQUIRE(mapped.usable());
    CHECK(read_mapped == read);
    REQUIRE(std::count_if(read.begin(), read.end(), [](const Seen& s) { return s.type == kSectionMark; }) == 1);
    CHECK(mapped.events() == copied.events());

    auto replay = mapped.replay();
    CHECK(replay->header().threads.size() == copied.replay()->header().threads.size());
    CHECK(drain_marked(*replay, nullptr) == read);
    // From next_position() before each of these events (the second section's first among them).
    const auto first_of_second = static_cast<uint64_t>(
        std::find_if(read.begin(), read.end(), [](const Seen& s) { return s.type == kSectionMark; }) - read.begin());
    for (const uint64_t i : {uint64_t{0}, uint64_t{1}, uint64_t{777}, first_of_second - 1, first_of_second,
                             first_of_second + 1, mapped.events() - 1}) {
        CAPTURE(i);
        REQUIRE(i < mapped_at.size());
        auto from = mapped.replay_from(mapped_at[i]);
        auto from_copy = copied.replay_from(copied_at[i]);
        CHECK(from->header().threads.size() == from_copy->header().threads.size());
        const std::vector<Seen> got = drain_marked(*from, nullptr);
        CHECK(got == drain_marked(*from_copy, nullptr));
        CHECK(got == events_from(read, i));
        // From a kept position (every 5 events), skipping to the i-th (a
        // section's first event comes after its mark, as from the copy).
        const std::vector<Seen> skipped = drain_marked(*mapped.replay_from_event(i), nullptr);
        CHECK(skipped == drain_marked(*copied.replay_from_event(i), nullptr));
        CHECK(skipped.size() >= events_from(read, i).size());
        CHECK(std::equal(skipped.end() - static_cast<long>(events_from(read, i).size()), skipped.end(),
                         events_from(read, i).begin()));
    }
    // The contexts' sample bodies: the last event's, in the mapping.
    CHECK(mapped.last_body() != nullptr);
}

// issue 15 (budget): a mapped copy's memory is where its events are, not
// the file's pages (page cache): a budget far below the file's size holds
// it, and one below even that gives up as a copy does.
TEST_CASE("a mapped copy counts its own memory against the budget, not the file's") {
    const std::string raw =
        (std::filesystem::temp_directory_path() / fmt::format("mapped_budget.{}.scap", getpid())).string();
    {
        std::ofstream out(raw, std::ios::binary);
        gzFile in = gzopen(test::shared_capture("curl_google.scap").c_str(), "rb");
        REQUIRE(in != nullptr);
        char buf[1 << 16];
        for (int n; (n = gzread(in, buf, sizeof buf)) > 0;) out.write(buf, n);
        gzclose(in);
    }
    const uint64_t file_bytes = std::filesystem::file_size(raw);
    // Kept: positions every 4 events, to count some.
    const auto keep_all = [&](engine::EventStore& store) {
        auto reader = capture::ScapReader::open(raw, {}, false, true);
        REQUIRE(reader.ok());
        REQUIRE((*reader)->mapping() != nullptr);
        REQUIRE(store.use_mapping((*reader)->mapping()));
        event::EventView ev;
        uint64_t kept = 0, events = 0;
        for (capture::ReadStatus rs; (rs = (*reader)->next(ev)) != capture::ReadStatus::End;) {
            REQUIRE(rs != capture::ReadStatus::Failed);
            if (rs != capture::ReadStatus::Event) continue;
            ++events;
            if (store.add_mapped(ev, (*reader)->mapped_place())) ++kept;
        }
        store.seal();
        return std::pair{kept, events};
    };
    {
        engine::EventStore store(file_bytes / 4, 4);
        const auto [kept, events] = keep_all(store);
        CHECK(kept == events);
        CHECK(store.usable());
        CHECK(store.mapped());
        CHECK(store.bytes() > 0);
        CHECK(store.bytes() < file_bytes / 4);
        CHECK(store.mapped_share() == doctest::Approx(1.0).epsilon(0.01));
    }
    {
        engine::EventStore store(256, 4);
        const auto [kept, events] = keep_all(store);
        CHECK(kept < events);
        CHECK(store.over_budget());
        CHECK_FALSE(store.usable());
        CHECK_FALSE(store.mapped());
        CHECK(store.bytes() == 0);
    }
    std::filesystem::remove(raw);
}

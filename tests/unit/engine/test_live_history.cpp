// The live explorer's history (issue 15, live rewind): old events go a whole
// chunk at a time, by time or under the memory cap, each one into the base
// model first; a replay of what is kept, after the base model's header,
// ends in the state that reading every event gives; the strip's slots roll.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "../common/shared_captures.h"
#include "analysis/timeline_counts.h"
#include "capture/container_watcher.h"
#include "capture/scap_reader.h"
#include "engine/cli_options.h"
#include "engine/live_history.h"
#include "state/model.h"

using namespace tracetop;

namespace {

// What a view can read of a thread: its identity, names and files.
std::map<int64_t, std::string> describe_threads(const state::Model& m) {
    std::map<int64_t, std::string> out;
    for (const auto& [tid, t] : m.threads().threads()) {
        std::string d = std::to_string(t->pid) + " " + std::to_string(t->ptid) + " " + std::string(t->comm.view()) +
                        " " + std::string(t->exe.view()) + " " + std::string(t->args.view()) + " uid " +
                        std::to_string(t->uid) + " gid " + std::to_string(t->gid);
        // (A thread the model made up has no cwd; loaded from a header it has "/".)
        if (t->is_main_thread() && !t->is_placeholder()) d += " cwd " + std::string(t->cwd.view());
        if (t->fds) {
            std::map<int64_t, std::string> fds;
            for (const auto& [fd, e] : t->fds->entries()) {
                fds[fd] = std::string(1, state::fd_type_char(e.type)) + std::string(e.name.view());
            }
            for (const auto& [fd, name] : fds) d += " fd" + std::to_string(fd) + "=" + name;
        }
        out[tid] = d;
    }
    return out;
}

struct Read {
    std::vector<uint64_t> nums;  // evt.num of every event, in order
    uint64_t first_ts = 0, last_ts = 0;
};

// Every event of `name` into `history` (if any) and `model`.
Read read_into(const std::string& name, engine::LiveHistory* history, state::Model& model,
               event::CaptureHeader* header = nullptr) {
    auto reader = capture::ScapReader::open(test::shared_capture(name));
    REQUIRE(reader.ok());
    capture::Source& src = **reader;
    if (header) *header = src.header();
    model.load_header(src.header());
    Read out;
    event::EventView ev;
    for (;;) {
        const capture::ReadStatus rs = src.next(ev);
        if (rs == capture::ReadStatus::End) break;
        REQUIRE(rs != capture::ReadStatus::Failed);
        if (rs != capture::ReadStatus::Event) continue;
        if (history) history->store().add(ev);
        model.on_event(ev);
        out.nums.push_back(ev.num);
        if (ev.ts != 0) {
            if (out.first_ts == 0) out.first_ts = ev.ts;
            out.last_ts = ev.ts;
        }
    }
    return out;
}

// The header of `name`, and its span.
Read span_of(const std::string& name, event::CaptureHeader& header) {
    state::Model m;
    return read_into(name, nullptr, m, &header);
}

// curl_google's header, for histories that only their cap bounds (a window of an hour).
event::CaptureHeader curl_header() {
    event::CaptureHeader header;
    span_of("curl_google.scap", header);
    return header;
}
constexpr uint64_t kHourNs = 3600ULL * 1000000000ULL;

}  // namespace

TEST_CASE("the history drops whole old chunks by time, and a replay from the base model ends as a full read does") {
    for (const char* name : {"curl_google.scap", "single_ipv6_conn.scap"}) {
        CAPTURE(name);
        event::CaptureHeader header;
        const Read whole = span_of(name, header);
        REQUIRE(whole.last_ts > whole.first_ts);
        const uint64_t window = (whole.last_ts - whole.first_ts) / 4;
        engine::LiveHistory history(header, window, 64u << 20, 2048);
        state::Model full;
        const Read read = read_into(name, &history, full);

        // Old chunks went, counted; what is kept is the newest events, in order.
        const engine::EventStore& store = history.store();
        CHECK(store.evicted_events() > 0);
        CHECK(store.events() + store.evicted_events() == read.nums.size());
        CHECK_FALSE(store.cap_bound());
        CHECK(history.note().empty());
        CHECK(history.oldest_ts() > whole.first_ts);
        CHECK(history.newest_ts() == whole.last_ts);

        auto replay = history.replay();
        state::Model replayed;
        replayed.load_header(replay->header());
        std::vector<uint64_t> nums;
        event::EventView ev;
        for (capture::ReadStatus rs; (rs = replay->next(ev)) != capture::ReadStatus::End;) {
            REQUIRE(rs != capture::ReadStatus::Failed);
            if (rs != capture::ReadStatus::Event) continue;
            replayed.on_event(ev);
            nums.push_back(ev.num);
        }
        const std::vector<uint64_t> newest(read.nums.end() - static_cast<std::ptrdiff_t>(nums.size()), read.nums.end());
        CHECK(nums == newest);
        CHECK(nums.size() == store.events());

        // The base model took every dropped event: the replay knows every
        // thread a full read knows, with the same names, parents and files,
        // including those whose creation was dropped.
        const auto want = describe_threads(full);
        const auto got = describe_threads(replayed);
        for (const auto& entry : want) {
            // A plain variable: clang's lambdas (CAPTURE) cannot take a structured binding.
            const auto tid = entry.first;
            CAPTURE(tid);
            REQUIRE(got.count(tid) == 1);
            CHECK(got.at(tid) == entry.second);
        }
        CHECK(got.size() == want.size());
    }
}

TEST_CASE("the base model's header names threads the capture's header does not") {
    // curl_google: curl is started inside the capture (its clone and execve
    // are events), so once they are dropped only the base model knows it.
    event::CaptureHeader header;
    const Read whole = span_of("curl_google.scap", header);
    auto named = [](const event::CaptureHeader& h, const std::string& comm) {
        for (const auto& t : h.threads) {
            if (t.comm == comm) return true;
        }
        return false;
    };
    REQUIRE_FALSE(named(header, "curl"));
    engine::LiveHistory history(header, (whole.last_ts - whole.first_ts) / 4, 64u << 20, 2048);
    state::Model full;
    read_into("curl_google.scap", &history, full);
    CHECK(named(history.base_header(), "curl"));
}

TEST_CASE("under the memory cap the oldest chunks go first, and the note says the cap bounds the history") {
    event::CaptureHeader header;
    span_of("curl_google.scap", header);
    // A window far longer than the capture: only the cap drops anything.
    engine::LiveHistory history(header, kHourNs, 3 * 2048, 2048);
    state::Model full;
    const Read read = read_into("curl_google.scap", &history, full);
    const engine::EventStore& store = history.store();
    CHECK(store.bytes() <= 3 * 2048);
    CHECK(store.evicted_events() > 0);
    CHECK(store.events() + store.evicted_events() == read.nums.size());
    CHECK(store.cap_bound());
    CHECK(history.note().find("--memory-budget") != std::string::npos);
}

TEST_CASE("no chunk is dropped while a replay is open") {
    engine::LiveHistory history(curl_header(), kHourNs, 2 * 2048, 2048);
    auto reader = capture::ScapReader::open(test::shared_capture("curl_google.scap"));
    REQUIRE(reader.ok());
    event::EventView ev;
    std::unique_ptr<capture::Source> replay;
    uint64_t added = 0;
    for (capture::ReadStatus rs; (rs = (*reader)->next(ev)) != capture::ReadStatus::End;) {
        if (rs != capture::ReadStatus::Event) continue;
        history.store().add(ev);
        if (++added == 10) replay = history.replay();
    }
    CHECK(history.store().evicted_events() == 0);
    // What the replay began with, no more: ten events.
    uint64_t replayed = 0;
    for (capture::ReadStatus rs; (rs = replay->next(ev)) != capture::ReadStatus::End;) {
        if (rs == capture::ReadStatus::Event) ++replayed;
    }
    CHECK(replayed == 10);
}

TEST_CASE("rolling timeline slots keep their width and drop the oldest") {
    analysis::TimelineCounts t;
    t.make_rolling(100);
    for (uint64_t ts = 1000; ts < 1000 + 100 * analysis::TimelineCounts::kSlots * 2; ts += 50) t.add(ts, ts % 200 == 0);
    CHECK(t.slot_ns() == 100);
    CHECK(t.counts().size() == analysis::TimelineCounts::kSlots * 2);
    CHECK(t.counts().front() == 2);
    t.drop_before(1000 + 100 * 10 + 30);
    CHECK(t.start() == 1000 + 100 * 10);
    CHECK(t.counts().size() == analysis::TimelineCounts::kSlots * 2 - 10);
    CHECK(t.errors().size() == t.counts().size());
    // A stamp far ahead (damaged) grows nothing.
    t.add(UINT64_MAX / 2);
    CHECK(t.counts().size() == analysis::TimelineCounts::kSlots * 2 - 10);
    // Slots wider than the strip's cells are shared among them: no holes.
    const auto cells = analysis::regroup_timeline(t.counts(), t.start(), t.slot_ns(), t.start(), t.start() + 300, 12);
    for (uint64_t c : cells) CHECK(c > 0);
}

TEST_CASE("a replay ends before its range's end, and the history drops chunks again from then on") {
    engine::LiveHistory history(curl_header(), kHourNs, 2 * 2048, 2048);
    auto reader = capture::ScapReader::open(test::shared_capture("curl_google.scap"));
    REQUIRE(reader.ok());
    event::EventView ev;
    std::vector<uint64_t> times;
    auto add_some = [&](size_t n) {
        for (capture::ReadStatus rs; n > 0 && (rs = (*reader)->next(ev)) != capture::ReadStatus::End;) {
            if (rs != capture::ReadStatus::Event) continue;
            history.store().add(ev);
            if (ev.ts != 0) times.push_back(ev.ts);
            --n;
        }
    };
    add_some(20);
    REQUIRE(times.size() > 10);
    const uint64_t until = times[10];
    auto replay = history.replay(until);
    uint64_t before = 0;
    for (capture::ReadStatus rs; (rs = replay->next(ev)) != capture::ReadStatus::End;) {
        if (rs != capture::ReadStatus::Event) continue;
        CHECK(ev.ts < until);
        ++before;
    }
    const auto earlier = std::count_if(times.begin(), times.end(), [&](uint64_t t) { return t < until; });
    CHECK(before == static_cast<uint64_t>(earlier));
    // Ended, though still open: the cap drops chunks again.
    add_some(100000);
    CHECK(history.store().evicted_events() > 0);
}

TEST_CASE("a container announced before the history began is known in a replay") {
    event::CaptureHeader header;
    const Read whole = span_of("curl_google.scap", header);
    engine::LiveHistory history(header, kHourNs, 3 * 2048, 2048);
    event::ContainerRecord record;
    record.id = "0123456789ab";
    record.name = "tt_rewind_box";
    record.image = "busybox:latest";
    const std::vector<uint8_t> bytes = capture::ContainerWatcher::container_event(record, whole.first_ts, 1);
    auto container = event::EventView::parse_v2(bytes.data(), bytes.size());
    REQUIRE(container.ok());
    history.store().add(*container);
    state::Model full;
    read_into("curl_google.scap", &history, full);
    REQUIRE(history.store().evicted_events() > 0);  // the container event went with the first chunk

    auto replay = history.replay();
    state::Model replayed;
    replayed.load_header(replay->header());
    event::EventView ev;
    for (capture::ReadStatus rs; (rs = replay->next(ev)) != capture::ReadStatus::End;) {
        REQUIRE(rs != capture::ReadStatus::Failed);
        if (rs == capture::ReadStatus::Event) replayed.on_event(ev);
    }
    const event::ContainerRecord* got = replayed.containers().find("0123456789ab");
    REQUIRE(got != nullptr);
    CHECK(got->name == "tt_rewind_box");
    CHECK(got->image == "busybox:latest");
}

TEST_CASE("--history: 300 seconds unless given, 0 turns it off, more than a day is refused") {
    const char* none[] = {"tracetop"};
    auto out = engine::parse_command_line(1, none);
    REQUIRE(out.options);
    CHECK(out.options->history_s == 300);
    const char* off[] = {"tracetop", "--history", "0"};
    out = engine::parse_command_line(3, off);
    REQUIRE(out.options);
    CHECK(out.options->history_s == 0);
    const char* too_long[] = {"tracetop", "--history", "90000"};
    out = engine::parse_command_line(3, too_long);
    CHECK_FALSE(out.options);
    CHECK(out.exit_status == 2);
}

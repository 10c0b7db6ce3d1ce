// issue 15 (split): Aggregator::merge_earlier. The shared captures are
// replayed through one model; the events before a cut go to one table, the
// rest to another, and all of them to a third: the later table with the
// earlier merged in must be the third, row for row (ties in the same order,
// as one pass made the rows), cell for cell, totals too; and events fed
// after the merge (idle rows) land as they would in the single table.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <fmt/format.h>

#include "../common/capture_replay.h"
#include "analysis/aggregator.h"
#include "analysis/view_loader.h"
#include "event/event_table.h"
#include "state/event_codes.h"
#include "state/model.h"

using namespace tracetop;
using namespace tracetop::analysis;
using tracetop::test::replay_capture;

namespace {

// Every aggregation, with and without `when` and `per`, text and numbers, memoised columns too.
constexpr const char* kEvery = R"(id = "every"
name = "Every"
internal_events = true
keys = ["proc.pid"]
label = "proc.name"
[[columns]]
id = "first_type"
field = "evt.type"
aggregation = "first"
format = "text"
[[columns]]
id = "first_res"
field = "evt.rawres"
aggregation = "first"
[[columns]]
id = "last_fd"
field = "fd.name"
aggregation = "last"
format = "text"
[[columns]]
id = "last_cmd"
field = "proc.cmdline"
aggregation = "last"
format = "text"
[[columns]]
id = "last_vm"
field = "proc.vmsize"
aggregation = "last"
[[columns]]
id = "max_rss"
field = "thread.vmrss.b"
aggregation = "max"
[[columns]]
id = "min_mem"
field = "thread.mempct"
aggregation = "min"
[[columns]]
id = "tids"
field = "thread.tid"
aggregation = "distinct"
[[columns]]
id = "avg_lat"
field = "evt.latency"
aggregation = "avg"
when = "evt.dir = <"
[[columns]]
id = "max_per_tid"
field = "evt.latency"
aggregation = "max"
per = "thread.tid"
[[columns]]
id = "avg_per_tid"
field = "evt.buflen"
aggregation = "avg"
per = "thread.tid"
[[columns]]
id = "bytes"
field = "evt.buflen"
aggregation = "rate"
[[columns]]
id = "sum_lat"
field = "evt.latency"
aggregation = "sum"
[[columns]]
id = "calls"
aggregation = "count"
when = "evt.dir = <"
)";

std::string table_of(const Aggregator& agg) {
    Snapshot snap;
    agg.fill(snap, 2.0);
    std::string out;
    for (const Row& r : snap.rows) {
        out += r.key + " [" + r.label + "]:";
        for (const Cell& c : r.cells) out += fmt::format(" {}/{:.17g}/{}", c.present, c.number, c.text);
        out += "\n";
    }
    for (const Cell& c : snap.totals) out += fmt::format("total {}/{:.17g}/{}\n", c.present, c.number, c.text);
    return out;
}

struct Tables {
    std::unique_ptr<Aggregator> whole, earlier, later;
};

Tables tables(const ViewDef& view, const std::string& scope) {
    auto w = Aggregator::create(view, scope), e = Aggregator::create(view, scope), l = Aggregator::create(view, scope);
    REQUIRE(w);
    REQUIRE(e);
    REQUIRE(l);
    return {std::move(*w), std::move(*e), std::move(*l)};
}

}  // namespace

TEST_CASE("a table of two consecutive parts, merged, is the table of both") {
    auto every = parse_view(kEvery, "every.toml");
    REQUIRE_MESSAGE(every, (every ? "" : every.error().message));
    auto views = load_views("");
    REQUIRE(views);
    std::vector<const ViewDef*> defs = {&*every};
    for (const char* id : {"procs", "threads", "syscalls", "files", "errors", "connections", "containers"}) {
        defs.push_back(views->find(id));
        REQUIRE(defs.back());
    }
    size_t merged = 0;
    for (const char* name : {"curl_google.scap", "single_ipv6_conn.scap"}) {
        // The number of events, then cuts through it.
        size_t total = 0;
        {
            state::Model model;
            replay_capture(name, model, [] {}, [&](capture::ReadStatus, const event::EventView&,
                                                   const state::EventContext* ctx) { total += ctx != nullptr; });
        }
        for (const ViewDef* view : defs) {
            for (const std::string scope : {"", "proc.name = curl", "evt.latency > 10000"}) {
                for (const size_t cut : {size_t{1}, total / 7, total / 2, total - total / 5, total - 1}) {
                    CAPTURE(name);
                    CAPTURE(view->id);
                    CAPTURE(scope);
                    CAPTURE(cut);
                    Tables t = tables(*view, scope);
                    state::Model model;
                    fmt::memory_buffer scratch;
                    size_t index = 0;
                    replay_capture(name, model, [] {}, [&](capture::ReadStatus, const event::EventView& ev,
                                                           const state::EventContext* ctx) {
                        if (ctx == nullptr) return;
                        const filter::FieldContext fields{ev, *ctx, model, nullptr, &scratch, 0};
                        const bool internal = event::is_internal(ev.type);
                        t.whole->on_event(fields, internal);
                        (index++ < cut ? t.earlier : t.later)->on_event(fields, internal);
                    });
                    REQUIRE(t.later->merge_earlier(*t.earlier));
                    const std::string want = table_of(*t.whole);
                    CHECK(table_of(*t.later) == want);
                    // Events after the merge (the idle rows of the end): into the merged table as into the single one.
                    event::EventView ev;
                    ev.type = state::codes::kProcInfoE;
                    for (const auto& [tid, thread] : model.threads().threads()) {
                        state::EventContext ctx;
                        ev.tid = static_cast<uint64_t>(thread->tid);
                        ctx.thread = thread.get();
                        ctx.main_thread = model.main_thread_of(*thread);
                        if (!ctx.main_thread) ctx.main_thread = thread.get();
                        ctx.thread_known = true;
                        const filter::FieldContext fields{ev, ctx, model, nullptr, &scratch, 0};
                        t.whole->on_event(fields, true);
                        t.later->on_event(fields, true);
                    }
                    CHECK(table_of(*t.later) == table_of(*t.whole));
                    ++merged;
                }
            }
        }
    }
    CHECK(merged == 2 * 8 * 3 * 5);
}

TEST_CASE("tables merge only when the merge is exact") {
    auto views = load_views("");
    REQUIRE(views);
    const ViewDef* commands = views->find("commands");  // rows_when
    const ViewDef* procs = views->find("procs");
    const ViewDef* events = views->find("events");  // a list
    REQUIRE(commands);
    REQUIRE(procs);
    REQUIRE(events);
    CHECK_FALSE(Aggregator::mergeable(*commands));
    CHECK_FALSE(Aggregator::mergeable(*events));
    CHECK(Aggregator::mergeable(*procs));
    auto a = Aggregator::create(*procs, ""), b = Aggregator::create(*views->find("threads"), "");
    REQUIRE(a);
    REQUIRE(b);
    CHECK_FALSE((*a)->merge_earlier(**b));  // another view
    auto c = Aggregator::create(*commands, ""), d = Aggregator::create(*commands, "");
    REQUIRE(c);
    REQUIRE(d);
    CHECK_FALSE((*c)->merge_earlier(**d));
}

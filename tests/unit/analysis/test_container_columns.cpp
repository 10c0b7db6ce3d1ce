// The column settings the Containers view needs (issue 13): distinct counts,
// per-thread maxima added up (csysdig's two-level columns), and a column left
// out while every row has one value.
#include <doctest/doctest.h>

#include <initializer_list>
#include <string>

#include "analysis/aggregator.h"
#include "analysis/view_loader.h"
#include "event/header_records.h"
#include "event/tracetop_events.h"
#include "state/model.h"

using namespace tracetop;
using namespace tracetop::analysis;

namespace {

constexpr const char* kView = R"(
id = "t"
name = "T"
internal_events = true
keys = ["user.uid"]
sort = "procs"

[[columns]]
id = "procs"
field = "thread.tid"
aggregation = "distinct"
when = "thread.ismain = true"

[[columns]]
id = "threads"
field = "thread.tid"
aggregation = "distinct"

[[columns]]
id = "virt"
field = "thread.vmsize"
aggregation = "max"
per = "thread.tid"

[[columns]]
id = "where"
field = "container.name"
aggregation = "last"
format = "text"
hide_if_all = "host"
)";

event::ThreadRecord thread(int64_t tid, int64_t pid, uint32_t vmsize_kb) {
    event::ThreadRecord t;
    t.tid = tid;
    t.pid = pid;
    t.comm = "p";
    t.uid = 1000;
    t.vmsize_kb = vmsize_kb;
    return t;
}

// A process-info event of `tid`, as the engine feeds idle threads.
void feed(Aggregator& agg, const state::Model& model, state::Tid tid) {
    event::EventView ev;
    ev.type = PPME_PROCINFO_E;
    ev.tid = static_cast<uint64_t>(tid);
    state::EventContext ctx;
    ctx.thread = model.thread(tid);
    ctx.main_thread = model.main_thread_of(*ctx.thread);
    ctx.thread_known = true;
    fmt::memory_buffer scratch;
    const filter::FieldContext fields{ev, ctx, model, nullptr, &scratch, 0};
    agg.on_event(fields, true);
}

}  // namespace

TEST_CASE("distinct counts values; per adds up each thread's max; hide_if_all drops a uniform column") {
    auto view = parse_view(kView, "t.toml");
    REQUIRE_MESSAGE(view, (view ? "" : view.error().message));
    event::CaptureHeader h;
    // Process 100 with a second thread; process 200. vmsize counts on main threads.
    h.threads = {thread(100, 100, 1000), thread(101, 100, 0), thread(200, 200, 500)};
    state::Model model;
    model.load_header(h);
    auto agg = Aggregator::create(*view, "");
    REQUIRE(agg);
    for (int round = 0; round < 3; ++round) {
        for (state::Tid tid : {100, 101, 200}) feed(**agg, model, tid);
    }
    Snapshot snap;
    (*agg)->fill(snap, 1.0);
    REQUIRE(snap.rows.size() == 1);
    REQUIRE(snap.columns.size() == 3);  // "where": every thread is the host's
    CHECK(snap.columns[2].id == "virt");
    const Row& r = snap.rows[0];
    CHECK(r.cells[0].number == 2);     // processes 100 and 200
    CHECK(r.cells[1].number == 3);     // three threads, each seen three times
    CHECK(r.cells[2].number == 1500);  // 1000 + 0 + 500, not 3 × that
}

namespace {

// A view of process info keyed by `key`, with one column (its TOML lines).
std::string one_column_view(const std::string& key, const std::string& column) {
    return "id = \"t\"\nname = \"T\"\ninternal_events = true\nkeys = [\"" + key + "\"]\n[[columns]]\n" + column;
}

// The snapshot of `view` after process-info events of `tids` (threads 100
// and 101 of process 100, with 1000 and 0 kB).
Snapshot run(const ViewDef& view, std::initializer_list<state::Tid> tids) {
    event::CaptureHeader h;
    h.threads = {thread(100, 100, 1000), thread(101, 100, 0)};
    state::Model model;
    model.load_header(h);
    auto agg = Aggregator::create(view, "");
    REQUIRE(agg);
    for (state::Tid tid : tids) feed(**agg, model, tid);
    Snapshot snap;
    (*agg)->fill(snap, 1.0);
    return snap;
}

}  // namespace

TEST_CASE("per with avg adds up each thread's average (csysdig's process CPU)") {
    auto view = parse_view(one_column_view("proc.pid", "id = \"size\"\nfield = \"thread.vmsize\"\naggregation = \"avg\"\n"
                                                       "per = \"thread.tid\"\n"),
                           "t.toml");
    REQUIRE_MESSAGE(view, (view ? "" : view.error().message));
    // Thread 100 is seen three times, 101 once: a plain average would weigh
    // 100 three times as much; csysdig adds the two threads' averages.
    const Snapshot snap = run(*view, {100, 100, 100, 101});
    REQUIRE(snap.rows.size() == 1);
    CHECK(snap.rows[0].cells[0].number == 1000);  // 1000 + 0, not 3000 / 4
}

TEST_CASE("per and distinct are refused where they mean nothing") {
    const std::string base = "id = \"t\"\nname = \"T\"\nkeys = [\"proc.pid\"]\n[[columns]]\nid = \"c\"\n";
    CHECK_FALSE(parse_view(base + "field = \"thread.vmsize\"\naggregation = \"sum\"\nper = \"thread.tid\"\n", "a.toml"));
    CHECK_FALSE(parse_view(base + "aggregation = \"distinct\"\n", "b.toml"));
    CHECK_FALSE(parse_view(base + "field = \"thread.vmsize\"\naggregation = \"max\"\nper = \"no.such\"\n", "c.toml"));
}

// Not a container setting, but fed the same way: csysdig's I/O by Type
// counts events on no fd in a row with an empty key (Lua views set it).
TEST_CASE("keyless_row: events without the key make one row with an empty key") {
    auto view = parse_view(one_column_view("fd.type", "id = \"n\"\naggregation = \"count\"\n"), "t.toml");
    REQUIRE_MESSAGE(view, (view ? "" : view.error().message));
    for (bool keyless : {false, true}) {
        view->keyless_row = keyless;
        const Snapshot snap = run(*view, {100, 100});
        if (!keyless) {
            CHECK(snap.rows.empty());  // process info has no fd
            continue;
        }
        REQUIRE(snap.rows.size() == 1);
        CHECK(snap.rows[0].key.empty());
        CHECK(snap.rows[0].cells[0].number == 2);
    }
}

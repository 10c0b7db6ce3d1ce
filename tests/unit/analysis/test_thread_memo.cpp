// issue 15 (threadmemo): on the memo path the thread-only values of a
// context are worked out once per (thread copy, main-thread copy, lookup
// model) and shared by every context frozen with the same three. A context
// that shares its thread copy but not its main thread (proc.ppid lives
// there) or not its lookup model (user.name reads the users there) must get
// values of its own.
#include <doctest/doctest.h>

#include <string>

#include "analysis/aggregator.h"
#include "analysis/view_loader.h"
#include "event/header_records.h"
#include "state/event_codes.h"
#include "state/model.h"

using namespace tracetop;
using namespace tracetop::analysis;

namespace {

constexpr const char* kView = R"(id = "t"
name = "T"
internal_events = true
keys = ["proc.pid"]
[[columns]]
id = "ppid"
field = "proc.ppid"
aggregation = "last"
[[columns]]
id = "user"
field = "user.name"
aggregation = "last"
format = "text"
[[columns]]
id = "calls"
aggregation = "count"
)";

void load_user(state::Model& model, const std::string& name) {
    event::CaptureHeader header;
    header.users.push_back(event::UserRecord{1000, 1000, name, "/", "/bin/sh"});
    model.load_header(header);
}

// The one row's cells, "ppid user calls".
std::string row_of(const Aggregator& agg) {
    Snapshot snap;
    agg.fill(snap, 1.0);
    REQUIRE(snap.rows.size() == 1);
    std::string out;
    for (const Cell& c : snap.rows[0].cells) out += (out.empty() ? "" : " ") + c.text;
    return out;
}

}  // namespace

TEST_CASE("contexts sharing a thread copy but not its main thread or lookup model get their own thread-only values") {
    auto view = parse_view(kView, "t.toml");
    REQUIRE_MESSAGE(view, (view ? "" : view.error().message));
    auto agg = Aggregator::create(*view, "");
    REQUIRE(agg);
    REQUIRE((*agg)->memoisable());

    // One thread copy (a secondary thread of process 40), two copies of its
    // main thread (its parent changed), two lookup models (the user renamed).
    state::ThreadInfo thread;
    thread.tid = 41;
    thread.pid = 40;
    thread.uid = 1000;
    state::ThreadInfo main_a = thread, main_b = thread;
    main_a.tid = main_b.tid = 40;
    main_a.ptid = 1;
    main_b.ptid = 2;
    state::Model alice, bob;
    load_user(alice, "alice");
    load_user(bob, "bob");

    event::EventView ev;
    ev.type = state::codes::kProcInfoE;
    ev.tid = 41;
    uint32_t next_id = 0;
    const auto feed = [&](const state::ThreadInfo& main, const state::Model& lookups) {
        state::EventContext ctx;
        ctx.thread = &thread;
        ctx.main_thread = &main;
        ctx.thread_known = true;
        const filter::FieldContext fields{ev, ctx, lookups, nullptr, nullptr, 0, nullptr};
        (*agg)->on_event_memo(fields, next_id++, true);
    };

    feed(main_a, alice);
    CHECK(row_of(**agg) == "1 alice 1");
    feed(main_b, alice);  // only the main thread differs
    CHECK(row_of(**agg) == "2 alice 2");
    feed(main_b, bob);  // only the lookup model differs
    CHECK(row_of(**agg) == "2 bob 3");
    feed(main_a, alice);  // the first key again: its values, shared
    CHECK(row_of(**agg) == "1 alice 4");
}

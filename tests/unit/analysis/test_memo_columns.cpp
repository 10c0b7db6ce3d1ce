// The aggregator's per-row memos (issue 15, perf) change no figure: a view of
// memoised columns (thread-only fields, no `when`) gives, over the shared
// captures replayed several times, exactly what the same columns give when a
// `when` every event passes turns the memos off. The replays move the
// thread epoch (clones, execs, exits), the memory alone (mmap exits) and
// the thread within a process, the three ways a memo is left.
#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "../common/capture_replay.h"
#include "analysis/aggregator.h"
#include "analysis/view_loader.h"
#include "event/event_table.h"
#include "state/model.h"

using namespace tracetop;
using namespace tracetop::analysis;
using tracetop::test::replay_capture;

namespace {

// The columns, each with `when` (may be empty) added.
std::string view_text(const std::string& when) {
    const char* columns[][3] = {
        {"virt", "thread.vmsize.b", "max"}, {"res", "thread.vmrss.b", "max"}, {"mem", "thread.mempct", "min"},
        {"vm", "proc.vmsize", "last"},      {"ppid", "proc.ppid", "last"},    {"threads", "proc.nthreads", "max"},
        {"cmd", "proc.cmdline", "last"},    {"user", "user.name", "last"},    {"cwd", "proc.cwd", "last"},
        {"cpu", "thread.cpu", "sum"},       {"sizes", "proc.vmrss", "distinct"},
    };
    std::string out = "id = \"t\"\nname = \"T\"\ninternal_events = true\nkeys = [\"proc.pid\"]\nlabel = \"proc.name\"\n";
    for (const auto& c : columns) {
        out += "[[columns]]\nid = \"" + std::string(c[0]) + "\"\nfield = \"" + c[1] + "\"\naggregation = \"" + c[2] + "\"\n";
        if (std::string(c[0]) == "cmd" || std::string(c[0]) == "user" || std::string(c[0]) == "cwd") {
            out += "format = \"text\"\n";
        }
        if (!when.empty()) out += "when = \"" + when + "\"\n";
    }
    out += "[[columns]]\nid = \"calls\"\naggregation = \"count\"\nwhen = \"evt.dir = '<' and evt.type != procinfo\"\n";
    return out;
}

std::string table_of(const Aggregator& agg) {
    Snapshot snap;
    agg.fill(snap, 1.0);
    std::string out;
    for (const Row& r : snap.rows) {
        out += r.key + " " + r.label + ":";
        for (const Cell& c : r.cells) out += " " + std::to_string(c.present) + "/" + c.text;
        out += "\n";
    }
    return out;
}

constexpr const char* kCaptures[] = {"curl_google.scap", "single_ipv6_conn.scap"};

// Replays capture `name` `replays` times into one model (each replay reloads
// the header: a new thread epoch), every event to every aggregator.
void feed(const char* name, int replays, const std::vector<Aggregator*>& aggs) {
    state::Model model;
    fmt::memory_buffer scratch;
    for (int copy = 0; copy < replays; ++copy) {
        replay_capture(name, model, [] {}, [&](capture::ReadStatus, const event::EventView& ev,
                                               const state::EventContext* ctx) {
            if (ctx == nullptr) return;
            const filter::FieldContext fields{ev, *ctx, model, nullptr, &scratch, 0};
            const bool internal = event::is_internal(ev.type);
            for (Aggregator* a : aggs) a->on_event(fields, internal);
        });
    }
}

std::unique_ptr<Aggregator> aggregator_of(const ViewDef& view) {
    auto a = Aggregator::create(view, "");
    REQUIRE_MESSAGE(a, (a ? "" : a.error().message));
    return std::move(*a);
}

// `first`, then every shipped table view.
std::vector<const ViewDef*> with_table_views(std::vector<const ViewDef*> first) {
    static auto set = builtin_views();
    REQUIRE(set);
    for (const ViewDef& v : set->views) {
        if (v.kind == ViewKind::Table) first.push_back(&v);
    }
    REQUIRE(first.size() > 10);
    return first;
}

// Two aggregators of each view, the second set apart by `alter` (one row
// memo, no when plans), both fed `replays` replays of capture `name`.
struct Twins {
    std::vector<std::unique_ptr<Aggregator>> usual, altered;
};
Twins fed_twins(const std::vector<const ViewDef*>& views, const char* name, int replays,
                void (*alter)(Aggregator&)) {
    Twins t;
    std::vector<Aggregator*> all;
    for (const ViewDef* v : views) {
        t.usual.push_back(aggregator_of(*v));
        t.altered.push_back(aggregator_of(*v));
        alter(*t.altered.back());
        all.push_back(t.usual.back().get());
        all.push_back(t.altered.back().get());
    }
    feed(name, replays, all);
    return t;
}

}  // namespace

TEST_CASE("memoised columns give what the same columns read on every event give, on the shared captures") {
    auto memo_view = parse_view(view_text(""), "memo.toml");
    REQUIRE_MESSAGE(memo_view, (memo_view ? "" : memo_view.error().message));
    auto plain_view = parse_view(view_text("evt.num > 0"), "plain.toml");
    REQUIRE_MESSAGE(plain_view, (plain_view ? "" : plain_view.error().message));
    for (const char* name : kCaptures) {
        const auto memo = aggregator_of(*memo_view);
        const auto plain = aggregator_of(*plain_view);
        // Three replays into one table (each reloads the header: a new epoch).
        feed(name, 3, {memo.get(), plain.get()});
        const std::string table = table_of(*memo);
        CHECK(table == table_of(*plain));
        CHECK(std::count(table.begin(), table.end(), '\n') > 1);
    }
}

// issue 15 (json): threads of one process taking turns (a round of
// process-info events over a process's threads, curl's two threads) swap
// the row's memo with one kept for the thread before, instead of reading
// every column again. The table is the one the row's single memo gives
// (set_alt_memo(false)) and the one read on every event, for the test view
// above and for every shipped table view, over replays of both captures;
// and the swaps happen.
TEST_CASE("alternate row memos: threads taking turns give the table one memo gives") {
    auto memo_view = parse_view(view_text(""), "memo.toml");
    REQUIRE_MESSAGE(memo_view, (memo_view ? "" : memo_view.error().message));
    auto plain_view = parse_view(view_text("evt.num > 0"), "plain.toml");
    REQUIRE(plain_view);
    // The memo view first, the plain one second.
    const std::vector<const ViewDef*> views = with_table_views({&*memo_view, &*plain_view});
    uint64_t swaps_total = 0;
    for (const char* name : kCaptures) {
        const Twins t = fed_twins(views, name, 3, [](Aggregator& a) { a.set_alt_memo(false); });
        for (size_t i = 0; i < views.size(); ++i) {
            const std::string table = table_of(*t.usual[i]);
            CHECK_MESSAGE(table == table_of(*t.altered[i]), std::string(name) << " view " << views[i]->id);
            swaps_total += t.usual[i]->alt_memo_swaps();
            CHECK(t.altered[i]->alt_memo_swaps() == 0);
        }
        CHECK(table_of(*t.usual[0]) == table_of(*t.usual[1]));
        MESSAGE(std::string(name) << ": " << t.usual[0]->alt_memo_swaps() << " swaps in the memo view");
    }
    CHECK(swaps_total > 0);
}

// issue 15 (json2): when plans. A `when` that reads nothing but type-only
// fields, evt.failed and fd.type is decided once per (type, failed, fd.type)
// key, and the key's plan counts and updates the columns. Every shipped
// table view, and a view of such `when`s (absent fd types, failures, a
// First, sums), gives the table its `when`s evaluated on every event give
// (set_when_plans(false)), over replays of both captures; and plans are used.
TEST_CASE("when plans give the table the `when`s evaluated on every event give") {
    const std::string keyed_text =
        "id = \"k\"\nname = \"K\"\ninternal_events = true\nkeys = [\"proc.pid\"]\nlabel = \"proc.name\"\n"
        "[[columns]]\nid = \"failed_files\"\naggregation = \"count\"\nwhen = \"evt.failed = true and fd.type = file\"\n"
        "[[columns]]\nid = \"no_fd\"\naggregation = \"count\"\nwhen = \"not fd.type exists and evt.dir = '<'\"\n"
        "[[columns]]\nid = \"net_out\"\nfield = \"evt.buflen\"\naggregation = \"sum\"\n"
        "when = \"fd.type in (ipv4, ipv6, unix) and evt.is_io_write = true\"\n"
        "[[columns]]\nid = \"first_ok\"\nfield = \"evt.type\"\naggregation = \"first\"\nformat = \"text\"\n"
        "when = \"evt.failed = false and evt.type != procinfo\"\n"
        "[[columns]]\nid = \"pipes\"\nfield = \"fd.num\"\naggregation = \"max\"\nwhen = \"fd.type = pipe\"\n"
        "[[columns]]\nid = \"ok_reads\"\naggregation = \"rate\"\nwhen = \"evt.is_io_read = true and not evt.failed = true\"\n"
        "[[columns]]\nid = \"files\"\naggregation = \"count\"\nwhen = \"fd.type = file\"\n"
        "[[columns]]\nid = \"sockets\"\naggregation = \"count\"\nwhen = \"fd.type in (ipv4, ipv6)\"\n"
        "[[columns]]\nid = \"errors\"\naggregation = \"count\"\nwhen = \"evt.failed = true\"\n";
    auto keyed_view = parse_view(keyed_text, "keyed.toml");
    REQUIRE_MESSAGE(keyed_view, (keyed_view ? "" : keyed_view.error().message));
    const std::vector<const ViewDef*> views = with_table_views({&*keyed_view});
    uint64_t planned_total = 0;
    for (const char* name : kCaptures) {
        const Twins t = fed_twins(views, name, 2, [](Aggregator& a) { a.set_when_plans(false); });
        for (size_t i = 0; i < views.size(); ++i) {
            const std::string table = table_of(*t.usual[i]);
            CHECK_MESSAGE(table == table_of(*t.altered[i]), std::string(name) << " view " << views[i]->id);
            planned_total += t.usual[i]->when_plan_hits();
            CHECK(t.altered[i]->when_plan_hits() == 0);
        }
        const std::string keyed = table_of(*t.usual[0]);
        CHECK(std::count(keyed.begin(), keyed.end(), '\n') > 1);
        MESSAGE(std::string(name) << ": " << t.usual[0]->when_plan_hits() << " planned events in the keyed view");
    }
    CHECK(planned_total > 0);
}

// issue 15 (mends): a view whose keys are not thread-only reads the event's
// ThreadMemo only for its thread-only label, scope and columns; a view with
// none of them gets an empty one. Rows keyed by system call see many
// processes: a thread-only label, or a thread-only (memoised) column, must
// still follow the process of each row's last event, as the same field read
// on every event (a `when` every event passes) does, and the counts are the
// same as with neither.
TEST_CASE("rows keyed by system call follow the process of their last event in thread-only fields") {
    const std::string head = "internal_events = true\nkeys = [\"evt.type\"]\n";
    const std::string plain = "[[columns]]\nid = \"plain\"\nfield = \"proc.name\"\naggregation = \"last\"\n"
                              "format = \"text\"\nwhen = \"evt.num > 0\"\n"
                              "[[columns]]\nid = \"calls\"\naggregation = \"count\"\n";
    const std::string memoised = "[[columns]]\nid = \"name\"\nfield = \"proc.name\"\naggregation = \"last\"\n"
                                 "format = \"text\"\n";
    // Only the label, only the column, neither: each alone makes the memo needed.
    auto label_view = parse_view("id = \"l\"\nname = \"L\"\n" + head + "label = \"proc.name\"\n" + plain, "l.toml");
    auto column_view = parse_view("id = \"c\"\nname = \"C\"\n" + head + plain + memoised, "c.toml");
    auto bare_view = parse_view("id = \"b\"\nname = \"B\"\n" + head + plain, "b.toml");
    REQUIRE_MESSAGE(label_view, (label_view ? "" : label_view.error().message));
    REQUIRE_MESSAGE(column_view, (column_view ? "" : column_view.error().message));
    REQUIRE_MESSAGE(bare_view, (bare_view ? "" : bare_view.error().message));
    size_t followed = 0;
    for (const char* name : kCaptures) {
        const auto label = aggregator_of(*label_view);
        const auto column = aggregator_of(*column_view);
        const auto bare = aggregator_of(*bare_view);
        feed(name, 2, {label.get(), column.get(), bare.get()});
        Snapshot l, c, b;
        label->fill(l, 1.0);
        column->fill(c, 1.0);
        bare->fill(b, 1.0);
        REQUIRE(b.rows.size() > 5);
        REQUIRE(l.rows.size() == b.rows.size());
        REQUIRE(c.rows.size() == b.rows.size());
        for (size_t r = 0; r < b.rows.size(); ++r) {
            REQUIRE(l.rows[r].cells.size() == 2);
            REQUIRE(c.rows[r].cells.size() == 3);
            REQUIRE(b.rows[r].cells.size() == 2);
            const std::string& key = b.rows[r].key;
            const std::string& last = b.rows[r].cells[0].text;
            CHECK_MESSAGE(l.rows[r].label == last, name << " " << key);
            CHECK_MESSAGE(c.rows[r].cells[2].text == last, name << " " << key);
            CHECK(l.rows[r].key == key);
            CHECK(c.rows[r].key == key);
            CHECK(l.rows[r].cells[0].text == last);
            CHECK(c.rows[r].cells[0].text == last);
            CHECK(l.rows[r].cells[1].text == b.rows[r].cells[1].text);
            CHECK(c.rows[r].cells[1].text == b.rows[r].cells[1].text);
            if (b.rows[r].cells[0].present) ++followed;
        }
    }
    CHECK(followed > 10);
}

// issue 15 (session 12): type-only columns keep their value while the
// row's events stay in one type class (codes their fields cannot tell
// apart: a call's enter and exit for evt.type, not for evt.dir). Rows keyed
// by process see every type; rows keyed by evt.type see enters and exits in
// turn. Both give what the same columns read on every event give.
TEST_CASE("type-only columns memoised by type class give the table read on every event") {
    const auto view_of = [](const std::string& keys, const std::string& when) {
        std::string text = "id = \"c\"\nname = \"C\"\ninternal_events = true\nkeys = [\"" + keys + "\"]\n";
        const char* columns[][3] = {{"type", "evt.type", "last"}, {"dir", "evt.dir", "last"},
                                    {"io", "evt.is_io", "last"},  {"io_read", "evt.is_io_read", "max"},
                                    {"types", "evt.type", "distinct"}};
        for (const auto& c : columns) {
            text += "[[columns]]\nid = \"" + std::string(c[0]) + "\"\nfield = \"" + c[1] + "\"\naggregation = \"" +
                    c[2] + "\"\n";
            if (std::string(c[2]) == "last" && std::string(c[0]) != "io") text += "format = \"text\"\n";
            if (!when.empty()) text += "when = \"" + when + "\"\n";
        }
        auto v = parse_view(text, "classes.toml");
        REQUIRE_MESSAGE(v, (v ? "" : v.error().message));
        return std::move(*v);
    };
    for (const std::string keys : {"proc.pid", "evt.type"}) {
        const ViewDef memo_view = view_of(keys, "");
        const ViewDef plain_view = view_of(keys, "evt.num > 0");
        for (const char* name : kCaptures) {
            const auto memo = aggregator_of(memo_view);
            const auto plain = aggregator_of(plain_view);
            feed(name, 2, {memo.get(), plain.get()});
            const std::string table = table_of(*memo);
            CHECK_MESSAGE(table == table_of(*plain), keys, " on ", std::string(name));
            CHECK(std::count(table.begin(), table.end(), '\n') > 3);
        }
    }
}

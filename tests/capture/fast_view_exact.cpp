// issue 15 (fastkeys): the explorer answers a key on a file from the first
// pass's frozen contexts (engine/context_rows.h) when the view reads only
// Context and Event fields. That answer must be the replay's, row for row
// and value for value: for every view that takes the fast path (shipped
// TOML views and the csysdig Lua views that load), on both shared captures
// and a docker-host copy of each (make_docker_capture), with no scope, with
// a user filter, with the drill terms of real rows, and over a range.
//
// A field classed too low fails it: a scratch run with evt.latency (or
// evt.failed) classed Context in fields_evt.cpp fails on syscalls.
//
// issue 15 (colwalk): the first pass is made with small blocks and store
// positions, so that the ranges (nine, besides the whole capture; one in
// the second file of a capture set) start their walks in later blocks; a
// copy with events stamped 0 checks that those are fed wherever the walk
// starts; two views made for it take the grouped walk with what its groups
// must get right. Each was checked to fail with the walk broken on purpose:
// a block skipped, the events stamped 0 before the start left out, the last
// time before the start forgotten, every event in one latency class, the
// last value or label taken from the first group, a Context sum not
// multiplied by the count, the groups fed in reverse.
// issue 15 (procsfast): Processes and Threads (idle rows, lookups through the
// model's user and container tables) are among them: also over a range open
// past the end (their idle rows are the model's at the end), with each
// view's drill-down target scoped to a row, on a capture set of two files,
// on a file of two sections whose headers name the users differently, and
// on a copy whose container events come in the middle.
// issue 15 (procs2): the replay keeps the row of each recent tid for a view
// keyed by thread.tid (Threads) and the verdict of a thread-only scope per
// thread (the drill into a process): the replay side of every Threads
// answer and the scope reading memory below. Each was checked to fail
// broken on purpose: a tid's row taken without comparing the tid, a verdict
// kept across thread epochs, a verdict kept when the thread's memory moved.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "../unit/common/shared_captures.h"
#include "analysis/aggregator.h"
#include "analysis/drill_stack.h"
#include "analysis/timeline_counts.h"
#include "analysis/view_loader.h"
#include "capture/scap_reader.h"
#include "capture/scap_writer.h"
#include "engine/context_rows.h"
#include "engine/event_store.h"
#include "engine/source_factory.h"
#include "engine/view_pipeline.h"
#include "state/container_table.h"

using namespace tracetop;

namespace {

// The options that read `file`; several files (separated by a newline
// or, procsfast's, '+'): a capture set.
engine::Options options_for(const std::string& file) {
    engine::Options o;
    o.read_file = file;
    if (file.find_first_of("\n+") != std::string::npos) {
        for (size_t a = 0, b; a < file.size(); a = b + 1) {
            b = std::min(file.find_first_of("\n+", a), file.size());
            o.read_files.push_back(file.substr(a, b - a));
        }
        o.read_file = o.read_files.front();
    }
    return o;
}

// The first pass as the explorer runs it: the copy, the timeline, the contexts.
// issue 15 (colwalk): with small blocks (and store positions every 7 events,
// out of step with them), so that a range starts in a later block.
struct FirstPass {
    engine::EventStore store{1ULL << 32, 7};
    engine::ContextRows rows{64};
    analysis::TimelineCounts timeline;
    uint64_t first_ts = 0, last_ts = 0;

    // Several files: a capture set, one section each.
    // issue 15 (pass2): `mapped`, as the explorer reads a plain file: through
    // a mapping, the copy places in it (gzip files and capture sets copy).
    explicit FirstPass(const std::string& file, bool mapped = true) {
        const engine::Options o = options_for(file);
        auto opened = engine::open_source(o, {}, mapped);
        REQUIRE_MESSAGE(opened.ok(), file);
        engine::ViewPipeline pipe(std::move(opened->source), file, false);
        pipe.set_first_pass(&store, &timeline);
        pipe.keep_contexts(&rows);
        engine::ViewPipeline::Step step;
        while ((step = pipe.run(engine::ViewPipeline::kBatch)) == engine::ViewPipeline::Step::More) {
        }
        REQUIRE(step == engine::ViewPipeline::Step::End);
        store.seal();
        REQUIRE(store.usable());
        REQUIRE(rows.events() == store.events());
        first_ts = pipe.first_ts();
        last_ts = pipe.last_ts();
    }
};

struct Answer {
    analysis::Snapshot snap;
    bool memoisable = false;
    // issue 15 (colwalk): what the pipeline says of the pass beyond the snapshot.
    uint64_t events = 0, first_ts = 0, last_ts = 0;
    bool fast = false;  // answered from the contexts (a view with idle rows on a shorter range replays)
};

// What a pipeline that ran to its end answers (idle rows in).
void take_answer(engine::ViewPipeline& pipe, Answer& a) {
    pipe.add_idle_rows();
    pipe.aggregator()->fill(a.snap, pipe.span_seconds());
    pipe.describe(a.snap.source);
    a.events = pipe.events();
    a.first_ts = pipe.first_ts();
    a.last_ts = pipe.last_ts();
}

Answer answer(const FirstPass& pass, const analysis::ViewDef& view, const std::string& scope,
              const engine::RangeGate& range, bool fast) {
    Answer a;
    engine::ViewPipeline pipe(pass.store.replay(), "copy", false);
    pipe.set_range(range);
    auto agg = analysis::Aggregator::create(view, scope);
    REQUIRE_MESSAGE(agg.ok(), view.id << " / " << scope);
    a.memoisable = (*agg)->memoisable();
    if (fast && a.memoisable) pipe.use_contexts(&pass.rows, &pass.store);
    pipe.set_aggregator(std::move(*agg));
    engine::ViewPipeline::Step step;
    while ((step = pipe.run(engine::ViewPipeline::kBatch)) == engine::ViewPipeline::Step::More) {
    }
    REQUIRE(step == engine::ViewPipeline::Step::End);
    a.fast = pipe.uses_contexts();
    take_answer(pipe, a);
    return a;
}

std::string cell_text(const analysis::Cell& c) {
    return fmt::format("{}|{}|{:.17g}|{}", c.present, c.is_number, c.number, c.text);
}

// The first difference between two answers, or "".
std::string difference(const analysis::Snapshot& replay, const analysis::Snapshot& fast) {
    if (replay.columns.size() != fast.columns.size()) return "number of columns";
    if (replay.rows.size() != fast.rows.size()) {
        return fmt::format("{} rows replayed, {} fast", replay.rows.size(), fast.rows.size());
    }
    for (size_t r = 0; r < replay.rows.size(); ++r) {
        const analysis::Row& a = replay.rows[r];
        const analysis::Row& b = fast.rows[r];
        if (a.key != b.key) return fmt::format("row {}: key {} / {}", r, a.key, b.key);
        if (a.key_terms != b.key_terms) return fmt::format("row {} ({}): drill terms", r, a.key);
        if (a.label != b.label) return fmt::format("row {} ({}): label {} / {}", r, a.key, a.label, b.label);
        for (size_t c = 0; c < a.cells.size(); ++c) {
            if (cell_text(a.cells[c]) != cell_text(b.cells[c])) {
                return fmt::format("row {} ({}), column {}: {} / {}", r, a.key, replay.columns[c].id,
                                   cell_text(a.cells[c]), cell_text(b.cells[c]));
            }
        }
    }
    for (size_t c = 0; c < replay.totals.size(); ++c) {
        if (cell_text(replay.totals[c]) != cell_text(fast.totals[c])) return fmt::format("total of column {}", c);
    }
    if (replay.sample_seconds != fast.sample_seconds) return "sample seconds";
    if (replay.source.events != fast.source.events || replay.source.first_ts != fast.source.first_ts ||
        replay.source.last_ts != fast.source.last_ts) {
        return "source facts (events, first and last time)";
    }
    return "";
}

// A copy of `in` whose header names every user differently and gives the
// machine twice the memory: a capture set of it after another file changes
// user.name and thread.mempct at the section's start.
void write_renamed_copy(const std::string& in, const std::string& out) {
    auto reader = capture::ScapReader::open(in);
    REQUIRE_MESSAGE(reader.ok(), in);
    event::CaptureHeader header = (*reader)->header();
    for (event::UserRecord& u : header.users) u.name = "u-" + u.name;
    if (header.machine) header.machine->memory_bytes *= 2;
    auto writer = capture::ScapWriter::create(out, header);
    REQUIRE_MESSAGE(writer.ok(), out);
    event::EventView ev;
    while ((*reader)->next(ev) == capture::ReadStatus::Event) (*writer)->write(ev);
    REQUIRE((*writer)->close().ok());
}

// A copy of a docker-host capture whose container events (at its start,
// stamped 0) come in the middle instead, stamped with the time there: the
// container table changes while the processes in containers run.
void write_late_containers(const std::string& in, const std::string& out) {
    auto reader = capture::ScapReader::open(in);
    REQUIRE_MESSAGE(reader.ok(), in);
    auto writer = capture::ScapWriter::create(out, (*reader)->header());
    REQUIRE_MESSAGE(writer.ok(), out);
    struct Held {
        std::vector<uint8_t> body;
        event::EventView ev;
    };
    std::vector<Held> containers;
    std::vector<Held> rest;
    event::EventView ev;
    while ((*reader)->next(ev) == capture::ReadStatus::Event) {
        Held& h = (state::ContainerTable::is_container_event(ev.type) ? containers : rest).emplace_back();
        const auto body = ev.body();
        h.body.assign(body.begin(), body.end());
        h.ev = ev;
    }
    REQUIRE(!containers.empty());
    for (size_t i = 0; i < rest.size(); ++i) {
        if (i == rest.size() / 2) {
            for (Held& c : containers) {
                c.ev.rebase(c.body.data());
                c.ev.ts = rest[i].ev.ts;
                (*writer)->write(c.ev);
            }
        }
        rest[i].ev.rebase(rest[i].body.data());
        (*writer)->write(rest[i].ev);
    }
    REQUIRE((*writer)->close().ok());
}

// The files: both shared captures and their docker-host copies.
std::vector<std::string> captures(std::string& dir) {
    std::vector<std::string> files = {test::shared_capture("curl_google.scap"),
                                      test::shared_capture("single_ipv6_conn.scap")};
    const char* maker = std::getenv("MAKE_DOCKER_CAPTURE");
    REQUIRE_MESSAGE(maker != nullptr, "MAKE_DOCKER_CAPTURE is not set: run through meson test");
    dir = std::filesystem::temp_directory_path() / fmt::format("fastkeys.{}", getpid());
    std::filesystem::create_directories(dir);
    // The containers the containers test uses (tests/capture/containers_match_csysdig.sh).
    const std::string curl = dir + "/curl.scap", ipv6 = dir + "/ipv6.scap";
    REQUIRE(std::system(fmt::format("'{}' '{}' '{}' 17497=0 tid:17498=1 1383=1 3199=2", maker, files[0], curl)
                            .c_str()) == 0);
    REQUIRE(std::system(fmt::format("'{}' '{}' '{}' 1240=0 1465=1 915=1 1=2", maker, files[1], ipv6).c_str()) ==
            0);
    files.push_back(curl);
    files.push_back(ipv6);
    // issue 15 (colwalk): a capture set of two files (the two captures, in time order).
    files.push_back(files[0] + "\n" + files[1]);
    // ...and a copy whose every 37th event is stamped 0 (as metadata is):
    // inside every range, fed even when the walk starts after it.
    const std::string zeros = dir + "/zeros.scap";
    auto reader = capture::ScapReader::open(files[0]);
    REQUIRE(reader);
    auto writer = capture::ScapWriter::create(zeros, (*reader)->header(), capture::WriterOptions{});
    REQUIRE(writer);
    event::EventView ev;
    for (size_t i = 0; (*reader)->next(ev) == capture::ReadStatus::Event; ++i) {
        if (i % 37 == 20) ev.ts = 0;
        (*writer)->write(ev);
    }
    REQUIRE((*writer)->close());
    files.push_back(zeros);
    const std::string renamed = dir + "/ipv6-users.scap";
    write_renamed_copy(ipv6, renamed);
    files.push_back(curl + "+" + renamed);
    // One file of two sections (a section header block starts the second):
    // the users, the machine and the containers (events stamped 0 at the
    // second section's start) change in the middle.
    const std::string sections = dir + "/two-sections.scap";
    {
        std::ofstream out(sections, std::ios::binary);
        for (const std::string& part : {renamed, curl}) out << std::ifstream(part, std::ios::binary).rdbuf();
        REQUIRE(out.good());
    }
    files.push_back(sections);
    const std::string late = dir + "/late-containers.scap";
    write_late_containers(curl, late);
    files.push_back(late);
    return files;
}

// The middle third, then (issue 15, colwalk) ranges that start in later
// blocks: fifths, a narrow one, the last part (which in the capture set is
// the second section), and one that holds nothing.
std::vector<engine::TimeRange> ranges_of(const FirstPass& pass) {
    const uint64_t span = pass.last_ts - pass.first_ts;
    const auto at = [&](double f) { return pass.first_ts + static_cast<uint64_t>(static_cast<double>(span) * f); };
    std::vector<engine::TimeRange> ranges = {{at(1.0 / 3), at(2.0 / 3)}};
    for (int k = 0; k < 5; ++k) ranges.push_back({at(k / 5.0), at((k + 1) / 5.0)});
    ranges.push_back({at(0.5), at(0.5) + 1000000});
    ranges.push_back({at(0.9), engine::TimeRange::kOpen});
    ranges.push_back({pass.last_ts + 1, engine::TimeRange::kOpen});
    return ranges;
}

}  // namespace

// issue 15 (colwalk): views made to take the grouped walk with what its
// groups must get right: a value of the row's last and first event (text
// and number, a Context field and the latency), a label, sums, min, max and
// distinct values of a Context field, `per`, and filters on the latency
// with several constants (latency classes).
constexpr const char* kGroupViews[] = {
    R"v(id = "t_by_type"
name = "t"
keys = ["evt.type"]
label = "proc.name"
[[columns]]
id = "name_last"
field = "proc.name"
format = "text"
[[columns]]
id = "name_first"
field = "proc.name"
aggregation = "first"
format = "text"
[[columns]]
id = "pid_last"
field = "proc.pid"
[[columns]]
id = "pid_first"
field = "proc.pid"
aggregation = "first"
[[columns]]
id = "pid_sum"
field = "proc.pid"
aggregation = "sum"
[[columns]]
id = "tid_min"
field = "thread.tid"
aggregation = "min"
[[columns]]
id = "tids"
field = "thread.tid"
aggregation = "distinct"
[[columns]]
id = "lat_last"
field = "evt.latency"
[[columns]]
id = "lat_first"
field = "evt.latency"
aggregation = "first"
[[columns]]
id = "lat_min"
field = "evt.latency"
aggregation = "min"
[[columns]]
id = "slow"
aggregation = "count"
when = "evt.latency > 20000"
[[columns]]
id = "mid_avg"
field = "evt.latency"
aggregation = "avg"
when = "evt.latency >= 5000 and evt.latency < 100000 and evt.dir = '<'"
[[columns]]
id = "lat_per_tid"
field = "evt.latency"
aggregation = "max"
per = "thread.tid"
)v",
    R"v(id = "t_by_pid"
name = "t"
filter = "evt.latency != 0 or evt.type in (read, write)"
keys = ["proc.pid"]
[[columns]]
id = "type_last"
field = "evt.type"
format = "text"
[[columns]]
id = "type_first"
field = "evt.type"
aggregation = "first"
format = "text"
[[columns]]
id = "fd_last"
field = "fd.name"
format = "text"
when = "evt.latency in (0, 1000, 2000) or fd.type = file"
[[columns]]
id = "time"
field = "evt.latency"
aggregation = "sum"
[[columns]]
id = "calls"
aggregation = "count"
)v",
};

// The shipped views, the csysdig Lua views that load, and kGroupViews.
analysis::ViewSet every_view() {
    auto views = analysis::load_views("", {"/usr/share/sysdig/chisels"});
    REQUIRE(views.ok());
    for (const char* text : kGroupViews) {
        auto v = analysis::parse_view(text, "fast_view_exact");
        REQUIRE_MESSAGE(v.ok(), (v.ok() ? "" : v.error().message));
        views->views.push_back(*v);
    }
    return std::move(*views);
}

TEST_CASE("a key answered from the frozen contexts equals the replay, for every fast view") {
    const analysis::ViewSet all = every_view();
    const analysis::ViewSet* views = &all;
    std::string dir;
    const std::vector<std::string> files = captures(dir);
    size_t compared = 0, fast_views = 0, idle_compared = 0;
    std::vector<std::string> fast_ids, totals_ids;
    size_t mapped_files = 0, mapped_compared = 0;
    for (const std::string& file : files) {
        const FirstPass pass(file);
        // issue 15 (pass2): the same pass with the events copied, as before the mapping.
        const FirstPass copied(file, false);
        CHECK_FALSE(copied.store.mapped());
        if (pass.store.mapped()) ++mapped_files;
        MESSAGE(file << ": " << pass.rows.events() << " events, " << pass.rows.contexts() << " contexts, "
                     << pass.rows.zero_shown().size() << " shown events stamped 0");
        const std::vector<engine::TimeRange> ranges = ranges_of(pass);
        const bool set = file.find_first_of("\n+") != std::string::npos;
        const std::string name = set ? "the capture set" : std::filesystem::path(file).filename().string();
        const auto compare = [&](const analysis::ViewDef& view, const std::string& scope) {
            for (size_t ri = 0; ri <= ranges.size(); ++ri) {
                const bool ranged = ri > 0;
                const engine::RangeGate range = ranged ? engine::RangeGate(ranges[ri - 1]) : engine::RangeGate();
                const Answer replay = answer(pass, view, scope, range, false);
                const Answer fast = answer(pass, view, scope, range, true);
                // issue 15 (procsfast): a view with idle rows on a range ending before the end replays.
                if (!fast.fast) continue;
                ++compared;
                if (view.idle_rows) ++idle_compared;
                std::string diff = difference(replay.snap, fast.snap);
                if (diff.empty() && (replay.events != fast.events || replay.first_ts != fast.first_ts ||
                                     replay.last_ts != fast.last_ts)) {
                    diff = fmt::format("pipeline: {} events {}-{} replayed, {} events {}-{} fast", replay.events,
                                       replay.first_ts, replay.last_ts, fast.events, fast.first_ts, fast.last_ts);
                }
                CHECK_MESSAGE(diff.empty(), name << ", view " << view.id << ", scope '" << scope << "'"
                                                 << (ranged ? fmt::format(", range {}", ri - 1) : "") << ": "
                                                 << diff);
            }
        };
        for (const analysis::ViewDef& view : views->views) {
            if (view.kind != analysis::ViewKind::Table) continue;
            const Answer whole = answer(pass, view, "", engine::RangeGate(), false);
            // issue 15 (pass2): the mapped copy's replay is the copied one's, for every view.
            if (pass.store.mapped()) {
                const Answer from_copy = answer(copied, view, "", engine::RangeGate(), false);
                std::string diff = difference(from_copy.snap, whole.snap);
                if (diff.empty() && from_copy.events != whole.events) diff = "events";
                CHECK_MESSAGE(diff.empty(), name << ", view " << view.id << ", mapped against copied: " << diff);
                ++mapped_compared;
            }
            if (!whole.memoisable) continue;
            if (file == files[0]) {
                ++fast_views;
                fast_ids.push_back(view.id);
                // issue 15 (colwalk): the views fed per group of a context's events.
                auto agg = analysis::Aggregator::create(view, "");
                if ((*agg)->prepare_totals()) totals_ids.push_back(view.id);
            }
            // Scopes: none, a user filter mixing Context and Event fields,
            // the drill terms of the first and the last row, the drill terms of
            // a row with a user filter.
            std::vector<std::string> scopes = {"", "fd.type = file or evt.failed = true", "evt.latency > 10000"};
            // issue 15 (procs2): thread-only scopes, whose verdict the replay
            // keeps per thread (Aggregator::scope_passes): one reading memory.
            scopes.push_back("proc.name = curl and thread.vmsize.b > 7000000");
            for (const analysis::Row* row : {whole.snap.rows.empty() ? nullptr : &whole.snap.rows.front(),
                                             whole.snap.rows.empty() ? nullptr : &whole.snap.rows.back()}) {
                if (!row || row->key_terms.empty()) continue;
                std::string terms;
                for (const std::string& t : row->key_terms) terms = analysis::join_filters(terms, t);
                scopes.push_back(terms);
                scopes.push_back(analysis::join_filters("evt.is_io = true", terms));
            }
            for (const std::string& scope : scopes) compare(view, scope);
            // The drill-down: its target scoped to the first and the last row.
            const analysis::ViewDef* target = views->find(view.drill_target);
            if (!target || target->kind != analysis::ViewKind::Table) continue;
            for (const analysis::Row* row : {whole.snap.rows.empty() ? nullptr : &whole.snap.rows.front(),
                                             whole.snap.rows.empty() ? nullptr : &whole.snap.rows.back()}) {
                if (!row || row->key_terms.empty()) continue;
                std::string terms;
                for (const std::string& t : row->key_terms) terms = analysis::join_filters(terms, t);
                compare(*target, terms);
            }
        }
    }
    MESSAGE(fast_views << " views take the fast path: " << fmt::format("{}", fmt::join(fast_ids, " ")));
    MESSAGE(compared << " answers compared, " << idle_compared << " of views listing idle processes");
    MESSAGE(mapped_files << " files mapped, " << mapped_compared << " mapped replays compared with copied ones");
    CHECK(mapped_files >= 4);  // the docker copies, the zeros, the two sections, the late containers
    MESSAGE(totals_ids.size() << " of them fed per group: " << fmt::format("{}", fmt::join(totals_ids, " ")));
    std::filesystem::remove_all(dir);
    // The bench's view and its drill-down must be among them, or the test compares little.
    CHECK(std::find(fast_ids.begin(), fast_ids.end(), "syscalls") != fast_ids.end());
    CHECK(std::find(fast_ids.begin(), fast_ids.end(), "syscall_callers") != fast_ids.end());
    CHECK(compared > 100);
    CHECK(std::find(totals_ids.begin(), totals_ids.end(), "syscalls") != totals_ids.end());
    CHECK(std::find(totals_ids.begin(), totals_ids.end(), "syscall_callers") != totals_ids.end());
    CHECK(std::find(totals_ids.begin(), totals_ids.end(), "t_by_type") != totals_ids.end());
    CHECK(std::find(totals_ids.begin(), totals_ids.end(), "t_by_pid") != totals_ids.end());
    // issue 15 (procsfast): the default view and its drill-down.
    CHECK(std::find(fast_ids.begin(), fast_ids.end(), "procs") != fast_ids.end());
    CHECK(std::find(fast_ids.begin(), fast_ids.end(), "threads") != fast_ids.end());
    CHECK(idle_compared > 50);
}


// issue 15 (passgroups): the explorer's first pass feeds a table that the
// grouped walk can make (Aggregator::prepare_totals) by groups of a
// context's events too, flushed into the table whenever anything looks at
// it. Its table must be the one the same pass makes event by event: whole;
// looked at after every small batch (a group per context per batch, later
// ones of the same context after the earlier); and with the contexts
// dropped halfway or with the copy giving up (the budget: the events before
// by groups, the rest one by one).
namespace {

enum class Looks { AtEnd, EveryBatch, DropHalfway, StoreGivesUp };

Answer grouped_pass(const std::string& file, uint64_t events, const analysis::ViewDef& view, const std::string& scope,
                    Looks looks, bool& grouped, bool& midway) {
    // A budget the positions of a few hundred events fill (a place every 7 events):
    // the copy gives up during the pass, the contexts with it.
    engine::EventStore store{looks == Looks::StoreGivesUp ? uint64_t{4096} : uint64_t{1} << 32, 7};
    engine::ContextRows rows{64};
    analysis::TimelineCounts timeline;
    const engine::Options o = options_for(file);
    auto opened = engine::open_source(o, {}, true);
    REQUIRE_MESSAGE(opened.ok(), file);
    engine::ViewPipeline pipe(std::move(opened->source), file, false);
    pipe.set_first_pass(&store, &timeline);
    pipe.keep_contexts(&rows);
    auto agg = analysis::Aggregator::create(view, scope);
    REQUIRE_MESSAGE(agg.ok(), view.id << " / " << scope);
    pipe.set_aggregator(std::move(*agg));
    grouped = pipe.group_by_contexts();
    const uint64_t batch = looks == Looks::AtEnd ? engine::ViewPipeline::kBatch : 97;
    // Looked at after every batch: halfway, the table shows what the same
    // pass fed event by event shows there (a look flushes the groups).
    std::unique_ptr<engine::ViewPipeline> beside;
    if (looks == Looks::EveryBatch) {
        auto again = engine::open_source(o, {}, true);
        REQUIRE(again.ok());
        beside = std::make_unique<engine::ViewPipeline>(std::move(again->source), file, false);
        auto table = analysis::Aggregator::create(view, scope);
        REQUIRE(table.ok());
        beside->set_aggregator(std::move(*table));
    }
    engine::ViewPipeline::Step step;
    bool dropped = false, halfway = false;
    while ((step = pipe.run(batch)) == engine::ViewPipeline::Step::More) {
        if (beside) {
            REQUIRE(beside->run(batch) == engine::ViewPipeline::Step::More);
            REQUIRE(beside->events() == pipe.events());
            if (!halfway && pipe.events() >= events / 2) {
                halfway = true;
                analysis::Snapshot mine, theirs;
                pipe.aggregator()->fill(mine, pipe.span_seconds());
                beside->aggregator()->fill(theirs, beside->span_seconds());
                const std::string diff = difference(theirs, mine);
                CHECK_MESSAGE(diff.empty(), file << ", view " << view.id << ", scope '" << scope << "', halfway: " << diff);
            }
        }
        if (looks == Looks::EveryBatch) REQUIRE(pipe.aggregator() != nullptr);
        if (looks == Looks::DropHalfway && !dropped && pipe.events() >= events / 2) {
            pipe.keep_contexts(nullptr);
            dropped = true;
        }
    }
    REQUIRE(step == engine::ViewPipeline::Step::End);
    if (looks == Looks::DropHalfway) CHECK_MESSAGE(dropped, file);
    if (looks == Looks::EveryBatch) CHECK_MESSAGE(halfway, file);
    // A copied file's copy gives up at its first event (its first chunk is over the budget).
    if (looks == Looks::StoreGivesUp) CHECK_MESSAGE(store.over_budget(), file);
    midway = store.over_budget() && rows.events() > 0;
    Answer a;
    take_answer(pipe, a);
    return a;
}

}  // namespace

TEST_CASE("the first pass's table fed by context groups equals the one fed event by event") {
    const analysis::ViewSet all = every_view();
    const analysis::ViewSet* views = &all;
    std::string dir;
    const std::vector<std::string> files = captures(dir);
    std::vector<std::string> grouped_ids;
    size_t compared = 0, gave_up_midway = 0;
    for (const std::string& file : files) {
        const FirstPass pass(file);
        const bool set = file.find_first_of("\n+") != std::string::npos;
        const std::string name = set ? "the capture set " + file : std::filesystem::path(file).filename().string();
        for (const analysis::ViewDef& view : views->views) {
            if (view.kind != analysis::ViewKind::Table) continue;
            for (const std::string scope : {"", "fd.type = file or evt.failed = true", "evt.latency > 10000"}) {
                const Answer replay = answer(pass, view, scope, engine::RangeGate(), false);
                for (const Looks looks : {Looks::AtEnd, Looks::EveryBatch, Looks::DropHalfway, Looks::StoreGivesUp}) {
                    bool grouped = false, midway = false;
                    const Answer got = grouped_pass(file, pass.rows.events(), view, scope, looks, grouped, midway);
                    if (!grouped) break;  // fed event by event: what every other test checks
                    if (midway) ++gave_up_midway;
                    if (file == files[0] && scope.empty() && looks == Looks::AtEnd) grouped_ids.push_back(view.id);
                    ++compared;
                    std::string diff = difference(replay.snap, got.snap);
                    if (diff.empty() && (replay.events != got.events || replay.first_ts != got.first_ts ||
                                         replay.last_ts != got.last_ts)) {
                        diff = "pipeline facts (events, first and last time)";
                    }
                    CHECK_MESSAGE(diff.empty(), name << ", view " << view.id << ", scope '" << scope << "', looked at "
                                                     << static_cast<int>(looks) << ": " << diff);
                }
            }
        }
    }
    std::filesystem::remove_all(dir);
    MESSAGE(compared << " first-pass tables compared; grouped: " << fmt::format("{}", fmt::join(grouped_ids, " ")));
    // The bench's view and the views made for the grouped walk must be among them.
    CHECK(std::find(grouped_ids.begin(), grouped_ids.end(), "syscalls") != grouped_ids.end());
    CHECK(std::find(grouped_ids.begin(), grouped_ids.end(), "t_by_type") != grouped_ids.end());
    CHECK(std::find(grouped_ids.begin(), grouped_ids.end(), "t_by_pid") != grouped_ids.end());
    CHECK(compared > 100);
    MESSAGE(gave_up_midway << " of them with the copy giving up during the pass");
    CHECK(gave_up_midway > 50);
}

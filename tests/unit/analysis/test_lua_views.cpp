// csysdig's v_*.lua views: the sandboxed reader, the translation into a
// ViewDef, the loader's precedence and csysdig's ids as aliases.
#include <doctest/doctest.h>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "analysis/lua_view_reader.h"
#include "analysis/lua_view_translate.h"
#include "analysis/view_aliases.h"
#include "analysis/view_loader.h"

using namespace tracetop::analysis;

namespace {

// A table view in csysdig's own words: key, sorting column, TIME_AVG,
// a derived field (evt.buflen.in) and a field tracetop lacks.
const char* const kIoView = R"(
-- a comment, as csysdig's files start with their licence
view_info =
{
  id = "my_io",
  name = "My I/O",
  description = "Bytes per fd type.",
  view_type = "table",
  applies_to = {"", "proc.pid"},
  use_defaults = true,
  drilldown_target = "procs",
  columns =
  {
    { name = "NA", field = "fd.type", is_key = true },
    { name = "BPS IN", field = "evt.buflen.in", aggregation = "TIME_AVG", colsize = 12 },
    { is_sorting = true, name = "IOPS", field = "evt.count", aggregation = "SUM", colsize = 9 },
    { name = "TIME", field = "evt.latency", aggregation = "SUM" },
    { name = "TASK", field = "mesos.task.name", colsize = 20 },
    { name = "I/O Type", field = "fd.type", aggregation = "SUM", colsize = 0 },
  },
  actions = { { hotkey = "9", command = "kill -9 %proc.pid" } },
}
)";

tracetop::Result<TranslatedView> translate(const std::string& text) {
    auto info = read_lua_view(text, "v_test.lua");
    if (!info) return info.error();
    return translate_lua_view(*info, "v_test.lua");
}

std::string error_of(const std::string& text) {
    auto v = translate(text);
    return v ? std::string("(no error)") : v.error().message;
}

std::string with_column(const std::string& column) {
    return "view_info = { id = 'x', view_type = 'table', columns = { { name = 'NA', field = 'proc.pid', is_key = true }, " +
           column + " } }";
}

}  // namespace

TEST_CASE("a csysdig table view becomes a tracetop table view") {
    auto t = translate(kIoView);
    REQUIRE_MESSAGE(t, (t ? "" : t.error().message));
    const ViewDef& v = t->view;
    CHECK(v.id == "my_io");
    CHECK(v.name == "My I/O");
    CHECK(v.kind == ViewKind::Table);
    CHECK(v.keys == std::vector<std::string>{"fd.type"});
    CHECK(v.filter.empty());  // use_defaults: csysdig adds no filter at the top level
    CHECK(v.drill_target == "procs");
    CHECK(v.keyless_row);      // fd.type is text: calls on no fd make a row of their own
    CHECK(v.internal_events);  // csysdig counts process info there too
    REQUIRE(v.columns.size() == 4);  // the key column hidden, CONTAINER left out
    CHECK(v.columns[0].id == "bps_in");
    CHECK(v.columns[0].field == "evt.buflen");
    CHECK(v.columns[0].when == "evt.is_io_read = true");
    CHECK(v.columns[0].aggregation == Aggregation::Rate);
    CHECK(v.columns[0].width == 12);
    CHECK(v.columns[1].id == "iops");
    CHECK(v.columns[1].field.empty());
    CHECK(v.columns[1].aggregation == Aggregation::Count);
    CHECK(v.columns[2].aggregation == Aggregation::Sum);
    CHECK(v.columns[2].format == CellFormat::Time);
    CHECK(v.columns[3].aggregation == Aggregation::Last);  // SUM of text keeps a value
    CHECK(v.columns[3].width == 0);
    CHECK(v.sort == "iops");
    REQUIRE(t->left_out.size() == 1);
    CHECK(t->left_out[0].find("mesos.task.name") != std::string::npos);
}

TEST_CASE("the group-by key and its aggregations make the rows (csysdig's Processes)") {
    auto t = translate(R"(view_info = { id = "p", view_type = "table", columns = {
        { name = "NA", field = "thread.tid", is_key = true },
        { name = "NA", field = "proc.pid", is_groupby_key = true },
        { name = "TH", field = "proc.nthreads", aggregation = "AVG", groupby_aggregation = "MAX" },
        { name = "CPU", field = "thread.cpu", aggregation = "AVG", groupby_aggregation = "SUM" } } })");
    REQUIRE_MESSAGE(t, (t ? "" : t.error().message));
    CHECK(t->view.keys == std::vector<std::string>{"proc.pid"});
    CHECK(t->view.columns.at(0).aggregation == Aggregation::Max);
    CHECK(t->view.columns.at(0).per.empty());
    // Each thread's average, summed over the process: a `per` column.
    CHECK(t->view.columns.at(1).aggregation == Aggregation::Avg);
    CHECK(t->view.columns.at(1).per == "thread.tid");
    // Idle threads get their rows from csysdig's sample-end events.
    CHECK(t->view.sample_end_events);
    CHECK_FALSE(t->view.idle_rows);
    CHECK_FALSE(t->view.keyless_row);
}

TEST_CASE("a list leaves out events where a number column has no value (csysdig's Port Bindings)") {
    auto t = translate(R"(view_info = { id = "b", view_type = "list", filter = "evt.type=bind",
        columns = { { name = "PORT", field = "fd.sport" }, { name = "FILE", field = "fd.name" } } })");
    REQUIRE_MESSAGE(t, (t ? "" : t.error().message));
    CHECK(t->view.filter == "(evt.type=bind) and fd.sport exists");
}

TEST_CASE("a csysdig list view becomes a list view") {
    auto t = translate(R"(view_info = { id = "opens", view_type = "list", filter = "evt.type=open and evt.dir=<",
        columns = { { name = "TIME", field = "evt.time" }, { name = "FILE", field = "fd.name", colsize = 0 } } })");
    REQUIRE_MESSAGE(t, (t ? "" : t.error().message));
    CHECK(t->view.kind == ViewKind::List);
    CHECK(t->view.keys.empty());
    CHECK(t->view.columns.at(1).aggregation == Aggregation::None);
    CHECK(t->view.filter == "evt.type=open and evt.dir=<");
}

TEST_CASE("malformed files and missing fields give a clear error") {
    CHECK(error_of("view_info = {").find("v_test.lua") != std::string::npos);
    CHECK(error_of("x = 1") == "v_test.lua: defines no view_info table");
    CHECK(error_of("view_info = { name = 'no id' }") == "v_test.lua: view_info has no \"id\"");
    CHECK(error_of("view_info = { id = 7 }") == "v_test.lua: view_info.id must be a string");
    CHECK(error_of("view_info = { id = 'a b' }").find("view_info.id must be letters") != std::string::npos);
    CHECK(error_of("view_info = { id = 'x', columns = 3 }") == "v_test.lua: view_info.columns must be a list");
    CHECK(error_of("view_info = { id = 'x', columns = { { name = 'n' } } }") ==
          "v_test.lua: view_info.columns[1] has no \"field\"");
    CHECK(error_of("view_info = { id = 'x', columns = { { field = 'proc.pid', colsize = 'wide' } } }") ==
          "v_test.lua: view_info.columns[1].colsize must be a number");
    CHECK(error_of("view_info = { id = 'x', view_type = 'table', columns = { { name = 'A', field = 'proc.pid' } } }") ==
          "v_test.lua: view \"x\": a table view needs a column with is_key = true");
    CHECK(error_of("view_info = { id = 'x', view_type = 'spectrogram', columns = {} }") ==
          "v_test.lua: view \"x\": view_type \"spectrogram\" is not one tracetop shows (table, list)");
    CHECK(error_of("view_info = { id = 'x', view_type = 'table', columns = { { name = 'K', field = 'k8s.svc.id', "
                   "is_key = true } } }") ==
          "v_test.lua: view \"x\": key field k8s.svc.id: tracetop has no such field");
    CHECK(error_of("view_info = { id = 'x', filter = 'proc.name = = x', view_type = 'list', columns = { "
                   "{ name = 'A', field = 'proc.pid' } } }")
              .find("v_test.lua: view \"x\": filter \"proc.name = = x\":") == 0);
    CHECK(error_of(with_column("{ name = 'TASK', field = 'mesos.task.name' }")) ==
          "v_test.lua: view \"x\": no column tracetop can show: TASK (mesos.task.name: tracetop has no such field)");
}

TEST_CASE("an unknown aggregation names the column and the ones csysdig has") {
    CHECK(error_of(with_column("{ name = 'N', field = 'evt.count', aggregation = 'MEDIAN' }")) ==
          "v_test.lua: view \"x\": column \"N\": unknown aggregation \"MEDIAN\" (SUM, AVG, MIN, MAX, TIME_AVG)");
    CHECK(error_of(with_column("{ name = 'L', field = 'evt.latency', aggregation = 'P99' }")).find("\"P99\"") !=
          std::string::npos);
}

TEST_CASE("the sandbox: no io, os, require or load; loops end; bytecode refused") {
    CHECK(error_of("io.open('/etc/passwd')").find("io") != std::string::npos);
    CHECK(error_of("os.execute('true')").find("os") != std::string::npos);
    CHECK(error_of("require('ffi')").find("require") != std::string::npos);
    CHECK(error_of("loadstring('x = 1')()").find("loadstring") != std::string::npos);
    CHECK(error_of("dofile('/etc/passwd')").find("dofile") != std::string::npos);
    CHECK(error_of("local s = string.rep('x', 1e9)").find("rep") != std::string::npos);
    CHECK(error_of("while true do end").find("runs too long") != std::string::npos);
    // Doubling a string would reach gigabytes within the instruction budget.
    CHECK(error_of("local s = 'x' for i = 1, 40 do s = s .. s end").find("not enough memory") != std::string::npos);
    CHECK(error_of("local t = {} for i = 1, 1e9 do t[i % 10] = i end").find("runs too long") != std::string::npos);
    CHECK(error_of(std::string("\x1bLJ\x02garbage", 11)).find("precompiled Lua is not accepted") != std::string::npos);
    // A metatable on view_info cannot run code while it is read: raw access.
    auto t = translate("view_info = setmetatable({}, { __index = function() while true do end end })");
    REQUIRE_FALSE(t);
    CHECK(t.error().message == "v_test.lua: view_info has no \"id\"");
}

TEST_CASE("names from the file lose their control characters") {
    auto t = translate("view_info = { id = 'x', name = 'a\\27[2Jb', description = 'C1 \\194\\155 CSI', "
                       "view_type = 'list', columns = { { name = 'c\\nd', field = 'proc.pid' } } }");
    REQUIRE_MESSAGE(t, (t ? "" : t.error().message));
    CHECK(t->view.name == "a.[2Jb");
    CHECK(t->view.description == "C1 .. CSI");
    CHECK(t->view.columns.at(0).title == "c.d");
    // Lua's message quotes the bad token; filters quote themselves.
    CHECK(error_of("view_info = \x1b[2J").find('\x1b') == std::string::npos);
    CHECK(error_of("view_info = { id = 'x', filter = 'proc.name = \\27', view_type = 'list', columns = { "
                   "{ name = 'A', field = 'proc.pid' } } }")
              .find('\x1b') == std::string::npos);
}

TEST_CASE("csysdig's ids lead to tracetop's views") {
    CHECK(view_for_csysdig_id("io_by_type") == "io_types");
    CHECK(view_for_csysdig_id("sports") == "server_ports");
    CHECK(view_for_csysdig_id("procs_errors") == "proc_errors");
    CHECK(view_for_csysdig_id("procs").empty());  // the same id: no alias needed
    CHECK(csysdig_ids_of("io_types") == std::vector<std::string_view>{"io_by_type"});
    auto set = load_views("", {});
    REQUIRE_MESSAGE(set, (set ? "" : set.error().message));
    REQUIRE(set->find("io_by_type"));
    CHECK(set->find("io_by_type")->id == "io_types");
    CHECK(set->find("spy_users")->id == "commands");
    CHECK(set->why_missing("nothing") == "no view \"nothing\"; tracetop --list-views lists them");
}

TEST_CASE("v_*.lua files load after the TOML views, which win on a shared id") {
    char tmpl[] = "/tmp/tracetop_lua_views_XXXXXX";
    REQUIRE(mkdtemp(tmpl));
    const std::string dir = tmpl;
    auto write = [&](const std::string& name, const std::string& text) {
        FILE* f = std::fopen((dir + "/" + name).c_str(), "w");
        REQUIRE(f);
        std::fputs(text.c_str(), f);
        std::fclose(f);
    };
    write("v_my_io.lua", kIoView);
    // Same id as the built-in Processes, and a csysdig id aliased to I/O by Type.
    write("v_procs.lua", std::string(kIoView).replace(std::string(kIoView).find("my_io"), 5, "procs"));
    write("v_io_by_type.lua", std::string(kIoView).replace(std::string(kIoView).find("my_io"), 5, "io_by_type"));
    write("v_broken.lua", "view_info = {");
    write("v_nodrill.lua", "view_info = { id = 'nodrill', view_type = 'list', drilldown_target = 'nowhere', "
                           "columns = { { name = 'P', field = 'proc.pid' } } }");
    write("not_a_view.lua", "this is no Lua");
    auto set = load_views("", {dir});
    std::system(("rm -rf " + dir).c_str());
    REQUIRE_MESSAGE(set, (set ? "" : set.error().message));
    REQUIRE(set->find("my_io"));
    CHECK(set->find("my_io")->origin == dir + "/v_my_io.lua");
    CHECK(set->find("procs")->origin == "builtin:procs.toml");
    CHECK(set->find("io_by_type")->id == "io_types");
    CHECK(set->find("nodrill")->drill_target.empty());  // a target that did not load is dropped
    CHECK_FALSE(set->find("broken"));
    CHECK(set->why_missing("broken").find("v_broken.lua") != std::string::npos);
    bool noted_my_io = false;
    for (const LuaViewNote& n : set->notes) {
        CHECK(n.id != "procs");  // a hidden view's notes are nobody's concern
        if (n.id == "my_io") noted_my_io = n.usable && n.message.find("mesos.task.name") != std::string::npos;
    }
    CHECK(noted_my_io);
}

TEST_CASE("every view sysdig's package ships either loads or says why") {
    REQUIRE_MESSAGE(std::filesystem::is_directory("/usr/share/sysdig/chisels"),
                    "sysdig's package (the oracle) is not installed; ./setup.sh installs it");
    auto set = load_views("", {"/usr/share/sysdig/chisels"});
    REQUIRE_MESSAGE(set, (set ? "" : set.error().message));
    for (const char* id : {"port_bindings", "backlog", "page_faults", "procs_fd_usage", "spy_syslog"}) {
        CHECK_MESSAGE(set->find(id), id);
    }
    // Pods: k8s.pod.id comes from the containers' labels; services need an API server.
    CHECK(set->find("kubernetes_pods"));
    CHECK(set->why_missing("kubernetes_services").find("k8s.svc.id") != std::string::npos);
    CHECK(set->why_missing("spectro_all").find("spectrogram") != std::string::npos);
}

// lua14: csysdig's sample-end events count in the snapshot filled next
// only, and a column without an aggregation keeps its row's first value.
#include "analysis/aggregator.h"
#include "event/header_records.h"
#include "event/tracetop_events.h"
#include "state/model.h"

namespace {

tracetop::event::ThreadRecord named_thread(int64_t tid, const char* comm) {
    tracetop::event::ThreadRecord t;
    t.tid = tid;
    t.pid = tid;
    t.comm = comm;
    t.uid = 0;
    return t;
}

// One event of `tid` (type `type`) into `agg`, as a sample-end event or not.
void feed_one(Aggregator& agg, const tracetop::state::Model& model, int64_t tid, uint16_t type, bool sample_end) {
    tracetop::event::EventView ev;
    ev.type = type;
    ev.tid = static_cast<uint64_t>(tid);
    tracetop::state::EventContext ctx;
    ctx.thread = model.thread(tid);
    ctx.main_thread = ctx.thread;
    ctx.thread_known = true;
    fmt::memory_buffer scratch;
    const tracetop::filter::FieldContext fields{ev, ctx, model, nullptr, &scratch, 0};
    if (sample_end) {
        agg.on_sample_end_event(fields);
    } else {
        agg.on_event(fields, true);
    }
}

}  // namespace

TEST_CASE("sample-end events count in the next fill only; no aggregation keeps the first value") {
    auto t = translate(R"(view_info = { id = "t", view_type = "table", columns = {
        { name = "NA", field = "proc.pid", is_key = true },
        { name = "N", field = "evt.count", aggregation = "SUM" },
        { name = "TYPE", field = "evt.type" } } })");
    REQUIRE_MESSAGE(t, (t ? "" : t.error().message));
    CHECK(t->view.sample_end_events);
    tracetop::event::CaptureHeader h;
    h.threads = {named_thread(100, "a")};
    tracetop::state::Model model;
    model.load_header(h);
    auto agg = Aggregator::create(t->view, "");
    REQUIRE(agg);
    const auto count_and_type = [&] {
        Snapshot snap;
        (*agg)->fill(snap, 1.0);
        REQUIRE(snap.rows.size() == 1);
        return std::make_pair(snap.rows[0].cells[0].number, snap.rows[0].cells[1].text);
    };
    feed_one(**agg, model, 100, PPME_PROCINFO_E, false);
    (*agg)->begin_sample_end();
    feed_one(**agg, model, 100, PPME_SYSDIGEVENT_X, true);
    CHECK(count_and_type() == std::make_pair(2.0, std::string("procinfo")));
    CHECK(count_and_type() == std::make_pair(2.0, std::string("procinfo")));  // filling again adds nothing
    // The next event takes the sample-end one back out before it counts.
    feed_one(**agg, model, 100, PPME_PROCINFO_E, false);
    CHECK(count_and_type().first == 2.0);
    // A second sample end, as at each refresh: one sample-end event again.
    (*agg)->begin_sample_end();
    feed_one(**agg, model, 100, PPME_SYSDIGEVENT_X, true);
    CHECK(count_and_type().first == 3.0);
    (*agg)->begin_sample_end();
    feed_one(**agg, model, 100, PPME_SYSDIGEVENT_X, true);
    CHECK(count_and_type().first == 3.0);
}

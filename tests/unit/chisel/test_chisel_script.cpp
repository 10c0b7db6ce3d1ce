// The chisel runtime over a shared capture: a chisel written for the test
// (in a folder of its own, found through the directory list) sees the
// arguments, fields, filter, intervals and callbacks sysdig would give it.
#include <doctest/doctest.h>

#include <filesystem>
#include <set>
#include <fstream>
#include <sstream>
#include <string>

#include "capture/scap_reader.h"
#include "chisel/chisel_catalog.h"
#include "chisel/chisel_dirs.h"
#include "chisel/chisel_fields.h"
#include "chisel/chisel_script.h"
#include "state/model.h"
#include "state/model_arg_context.h"
#include "../common/shared_captures.h"

using namespace tracetop;

namespace {

struct TempDir {
    std::filesystem::path path;
    TempDir() {
        char tmpl[] = "/tmp/tracetop-chisel-XXXXXX";
        path = mkdtemp(tmpl);
    }
    ~TempDir() { std::filesystem::remove_all(path); }
    void write(const std::string& name, const std::string& text) const { std::ofstream(path / name) << text; }
    std::string dir() const { return path.string() + "/"; }
};

std::string read_all(const std::filesystem::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// Runs `script` over a shared capture as the engine does; returns the lines
// its formatter printed. `seconds`: how many different whole seconds the
// events' times show.
std::string run_over(chisel::ChiselScript& script, const std::string& capture, size_t* seconds = nullptr) {
    std::set<uint64_t> whole_seconds;
    auto opened = capture::ScapReader::open(test::shared_capture(capture));
    REQUIRE(static_cast<bool>(opened));
    capture::ScapReader& reader = **opened;
    state::Model model;
    model.load_header(reader.header());
    script.host().run.machine = reader.header().machine;
    REQUIRE(script.capture_start(model).ok());
    const state::ModelArgContext args(model);
    fmt::memory_buffer scratch;
    fmt::memory_buffer out;
    event::EventView ev;
    uint64_t first_ts = 0;
    for (;;) {
        const capture::ReadStatus rs = reader.next(ev);
        if (rs == capture::ReadStatus::End) break;
        if (rs == capture::ReadStatus::NewSection) {
            model.load_header(reader.header());
            continue;
        }
        REQUIRE(rs != capture::ReadStatus::Failed);
        if (rs != capture::ReadStatus::Event) continue;
        if (first_ts == 0) first_ts = ev.ts;
        whole_seconds.insert(ev.ts / 1000000000ULL);
        const state::EventContext& ctx = model.on_event(ev);
        const filter::FieldContext fields{ev, ctx, model, &args, &scratch, first_ts};
        REQUIRE(script.tick(fields).ok());
        REQUIRE(script.on_event(fields, out).ok());
        if (script.wants_end()) break;
    }
    REQUIRE(script.capture_end().ok());
    if (seconds) *seconds = whole_seconds.size();
    return std::string(out.data(), out.size());
}

// Counts events by type and intervals; writes what it saw to its argument.
constexpr const char* kCounter = R"(
description = "counts"; short_description = "counts events"; category = "Test"
args = { { name = "out", description = "result file", argtype = "string", optional = false } }
local out_path, n, intervals, connects, fname = nil, 0, 0, 0, nil
function on_set_arg(name, val) out_path = val; return true end
function on_init()
  ftype = chisel.request_field("evt.type")
  fname = chisel.request_field("proc.name")
  fres = chisel.request_field("evt.rawarg.res")
  fcount = chisel.request_field("evt.count")
  chisel.set_filter("evt.type=connect and evt.dir=<")
  chisel.set_event_formatter("%proc.name connect")
  return true
end
function on_capture_start() chisel.set_interval_s(1); live = sysdig.is_live(); return true end
function on_event()
  connects = connects + evt.field(fcount)
  last_name = evt.field(fname)
  last_type = evt.get_type()
  return true
end
function on_interval(s, ns, delta) intervals = intervals + 1; return true end
function on_capture_end(s, ns, delta)
  local f = io.open(out_path, "w")
  f:write(string.format("%d %d %s %s %s %s", connects, intervals, last_name, last_type, tostring(live),
    sysdig.get_machine_info().hostname ~= nil and "machine" or "none"))
  f:close()
end
)";

}  // namespace

TEST_CASE("a chisel sees its argument, its filtered events, fields, intervals and the end") {
    TempDir dir;
    dir.write("counter.lua", kCounter);
    auto loaded = chisel::ChiselScript::load("counter", {dir.dir()}, {});
    REQUIRE_MESSAGE(loaded.ok(), (loaded.ok() ? "" : loaded.error().message));
    chisel::ChiselScript& script = **loaded;
    CHECK(script.desc().short_description == "counts events");
    REQUIRE(script.set_args((dir.path / "result").string()).ok());
    REQUIRE(script.init().ok());
    size_t seconds = 0;
    const std::string printed = run_over(script, "curl_google.scap", &seconds);
    const std::string result = read_all(dir.path / "result");
    // curl's connects (sysdig -r curl_google.scap "evt.type=connect and
    // evt.dir=<" lists 4), each printed by the formatter.
    CHECK(result.substr(0, 2) == "4 ");
    // set_interval_s(1): one on_interval per second boundary the events cross.
    REQUIRE(seconds > 1);
    CHECK(result.substr(2, result.find(' ', 2) - 2) == std::to_string(seconds - 1));
    CHECK(result.find(" curl connect false machine") != std::string::npos);
    CHECK(printed.find("curl connect\n") == 0);
    int lines = 0;
    for (const char c : printed) lines += c == '\n';
    CHECK(lines == 4);
}

TEST_CASE("chisel.exec hands over to another chisel with the given arguments") {
    TempDir dir;
    dir.write("outer.lua", R"(
description = "x"; short_description = "outer"; args = {}
function on_init() chisel.exec("inner", "two words", "b") return true end)");
    dir.write("inner.lua", R"(
description = "y"; short_description = "inner"; category = "T"
args = { { name = "a", argtype = "string", optional = false }, { name = "b", argtype = "string", optional = false } }
got = {}
function on_set_arg(name, val) got[name] = val; return true end
function on_init() if got.a ~= "two words" or got.b ~= "b" then error("args " .. tostring(got.a)) end return true end)");
    auto loaded = chisel::ChiselScript::load("outer", {dir.dir()}, {});
    REQUIRE(loaded.ok());
    auto inited = (*loaded)->init();
    CHECK_MESSAGE(inited.ok(), (inited.ok() ? "" : inited.error().message));
    CHECK((*loaded)->desc().name == "inner");
}

TEST_CASE("a chisel's mistakes are errors that name it, never crashes") {
    TempDir dir;
    dir.write("badfield.lua", R"(description = "x"; short_description = "x"; args = {}
function on_init() chisel.request_field("no.such_field") return true end)");
    dir.write("badfilter.lua", R"(description = "x"; short_description = "x"; args = {}
function on_init() chisel.set_filter("(proc.name=a") return true end)");
    dir.write("noargs.lua", R"(description = "x"; short_description = "x")");
    dir.write("syntax.lua", R"(description = "x" short_description = )");
    dir.write("handle.lua", R"(description = "x"; short_description = "x"; args = {}
function on_init() return evt.field(nil) == nil and evt.field(12345) == nil end)");
    const auto init_error = [&](const char* name) {
        auto loaded = chisel::ChiselScript::load(name, {dir.dir()}, {});
        if (!loaded) return loaded.error().message;
        auto inited = (*loaded)->init();
        return inited ? std::string() : inited.error().message;
    };
    CHECK(init_error("badfield").find("nonexistent field no.such_field") != std::string::npos);
    CHECK(init_error("badfilter").find("invalid filter in chisel badfilter") != std::string::npos);
    CHECK(init_error("noargs").find("args table missing") != std::string::npos);
    CHECK(init_error("syntax").find("syntax.lua") != std::string::npos);
    CHECK(init_error("missing").find("not found") != std::string::npos);
    CHECK(init_error("handle").empty());
}

TEST_CASE("-cl lists chisels by category, leaving out views, modules and hidden ones") {
    TempDir dir;
    dir.write("b_chisel.lua", R"(description = "d"; short_description = "second"; category = "Cat"; args = {})");
    dir.write("a_chisel.lua", R"(description = "d"; short_description = "first"; category = "Cat"; args = {})");
    dir.write("a_long_name_chisel.lua", R"(description = "d"; short_description = "z"; category = "A"; args = {})");
    dir.write("v_view.lua", R"(view_info = { id = "v" })");
    dir.write("module.lua", R"(local m = {} return m)");
    dir.write("hid.lua", R"(description = "d"; short_description = "h"; hidden = true; args = {})");
    const auto list = chisel::list_chisels({dir.dir()});
    CHECK(list.size() == 3);
    CHECK(chisel::format_chisel_list(list, false) ==
          "\nCategory: A\n-----------\na_long_name_chisel\n                z\n"
          "\nCategory: Cat\n-------------\na_chisel        first\nb_chisel        second\n");
}

TEST_CASE("buffers reach chisels as sysdig renders them") {
    fmt::memory_buffer out;
    chisel::render_buffer("GET /\r\nHost: x\r\n\x01", "normal", out);
    CHECK(std::string(out.data(), out.size()) == "GET /..Host: x...");
    out.clear();
    chisel::render_buffer(std::string_view("a\r\nb\nc\x7f", 7), "ascii", out);
    CHECK(std::string(out.data(), out.size()) == "\na\nb\nc");
    out.clear();
    chisel::render_buffer("", "ascii", out);
    CHECK(out.size() == 0);
}

TEST_CASE("the thread table: threads by tid with their fds; names from the traced system arrive printable") {
    TempDir dir;
    dir.write("threads.lua", R"(
description = "t"; short_description = "t"; args = { { name = "out", argtype = "string", optional = false } }
function on_set_arg(n, v) out = v return true end
function on_capture_start()
  local t = sysdig.get_thread_table()
  local f = io.open(out, "w")
  local p = t[42]
  f:write(p.comm, "|", p.pid, "|", p.args[1], "|", p.fdtable[3].name, "|", p.fdtable[3].type, "|",
          tostring(sysdig.get_thread_table("fd.name=/nowhere")[42]))
  f:close()
  return true
end)");
    event::CaptureHeader header;
    event::ThreadRecord thread;
    thread.tid = thread.pid = 42;
    thread.ptid = 1;
    thread.comm = "evil\x1b[2J";
    thread.exe = "evil";
    thread.args = std::string("a\x07", 2);
    header.threads.push_back(thread);
    event::ThreadFdList fds;
    fds.tid = 42;
    event::FdRecord file;
    file.fd = 3;
    file.type = event::FdRecordType::File;
    file.name = "/tmp/x\n";
    fds.fds.push_back(file);
    header.fd_lists.push_back(fds);
    state::Model model;
    model.load_header(header);

    auto loaded = chisel::ChiselScript::load("threads", {dir.dir()}, {});
    REQUIRE(loaded.ok());
    REQUIRE((*loaded)->set_args((dir.path / "out").string()).ok());
    REQUIRE((*loaded)->init().ok());
    auto started = (*loaded)->capture_start(model);
    REQUIRE_MESSAGE(started.ok(), (started.ok() ? "" : started.error().message));
    CHECK(read_all(dir.path / "out") == "evil.[2J|42|a.|/tmp/x|file|nil");
}

#include <doctest/doctest.h>

#include "analysis/aggregator.h"
#include "analysis/drill_stack.h"
#include "analysis/row_sort.h"
#include "analysis/value_format.h"

using namespace tracetop::analysis;

namespace {

Row row(std::string key, double v, bool present = true) {
    Row r;
    r.key = std::move(key);
    Cell c;
    c.present = present;
    c.is_number = true;
    c.number = v;
    c.text = std::to_string(v);
    r.cells.push_back(c);
    return r;
}

std::vector<std::string> keys(const std::vector<Row>& rows) {
    std::vector<std::string> out;
    for (const Row& r : rows) out.push_back(r.key);
    return out;
}

}  // namespace

TEST_CASE("sorting: ties by key (numeric), missing values last in both directions") {
    std::vector<Row> rows = {row("10", 5), row("9", 5), row("3", 1, false), row("2", 7)};
    sort_rows(rows, 0, true);
    CHECK(keys(rows) == std::vector<std::string>{"2", "9", "10", "3"});
    sort_rows(rows, 0, false);
    CHECK(keys(rows) == std::vector<std::string>{"9", "10", "2", "3"});
}

TEST_CASE("sorting: equal rows with equal keys keep their order; pointers sort like rows") {
    // Same value and same key (a list view's rows can tie on both): the
    // earlier row stays first, in both directions.
    std::vector<Row> rows = {row("a", 1), row("x", 2), row("a", 1), row("b", 2)};
    rows[0].event_num = 1;
    rows[2].event_num = 3;
    std::vector<const Row*> ptrs;
    for (const Row& r : rows) ptrs.push_back(&r);
    sort_rows(ptrs, 0, true);
    REQUIRE(ptrs.size() == 4);
    CHECK(ptrs[0]->key == "b");
    CHECK(ptrs[1]->key == "x");
    CHECK(ptrs[2]->event_num == 1);
    CHECK(ptrs[3]->event_num == 3);
    sort_rows(ptrs, 0, false);
    CHECK(ptrs[0]->event_num == 1);
    CHECK(ptrs[1]->event_num == 3);
    CHECK(ptrs[2]->key == "b");
    // Already in order: nothing moves.
    sort_rows(rows, 0, false);
    CHECK(keys(rows) == std::vector<std::string>{"a", "a", "b", "x"});
    CHECK(rows[0].event_num == 1);
    // Text cells compare as text; a column past a row's cells counts as missing.
    std::vector<Row> text = {row("1", 0), row("2", 0), row("3", 0)};
    text[0].cells[0] = Cell{true, false, 0, "pear"};
    text[1].cells[0] = Cell{true, false, 0, "apple"};
    text[2].cells.clear();
    sort_rows(text, 0, false);
    CHECK(keys(text) == std::vector<std::string>{"2", "1", "3"});
}

TEST_CASE("row_contains looks at the key and every cell, ignoring case") {
    Row r = row("17497", 1);
    r.cells[0].text = "Curl -6";
    CHECK(row_contains(r, "curl"));
    CHECK(row_contains(r, "749"));
    CHECK_FALSE(row_contains(r, "wget"));
}

TEST_CASE("key terms quote values and select missing keys") {
    CHECK(key_term("proc.pid", "17497", false) == "proc.pid = \"17497\"");
    CHECK(key_term("proc.name", "my \"app\"", false) == "proc.name = \"my \\\"app\\\"\"");
    CHECK(key_term("proc.pid", "<NA>", true) == "not proc.pid exists");
}

TEST_CASE("drilling: targets skip views whose key is already pinned; breadcrumbs never repeat") {
    auto set = builtin_views();
    REQUIRE(set);
    DrillStack stack("procs");
    const ViewDef& procs = *set->find("procs");
    const ViewDef& syscalls = *set->find("syscalls");
    CHECK(stack.target_of(*set, procs)->id == "threads");
    // From the top, a system call leads to the processes calling it...
    CHECK(stack.target_of(*set, syscalls)->id == "syscall_callers");
    // ...but below one process, to the events directly.
    stack.push("threads", {{}, 0, {"proc.pid = \"17497\""}, {"proc.pid"}, "curl (17497)"});
    stack.push("syscalls", {{}, 0, {"thread.tid = \"17497\""}, {"thread.tid"}, "curl (17497)"});
    CHECK(stack.target_of(*set, syscalls)->id == "events");
    CHECK(stack.terms_filter() == "proc.pid = \"17497\" and thread.tid = \"17497\"");
    CHECK(stack.breadcrumb(*set) == std::vector<std::string>{"Processes", "curl (17497)", "Threads", "System Calls"});
    CHECK(stack.frames().back().view_id == "threads");
    CHECK(stack.pop());
    CHECK(stack.view_id() == "threads");
    CHECK(stack.depth() == 1);
    CHECK(join_filters("a", "b") == "(a) and (b)");
    CHECK(join_filters("", "b") == "b");
}

TEST_CASE("levels have identities: new for every drill and view switch, the same again after Backspace") {
    DrillStack stack("procs");
    const uint64_t top = stack.level_id();
    CHECK(stack.level_path() == std::vector<uint64_t>{top});
    CHECK_FALSE(stack.pop());  // nothing above the first level
    CHECK(stack.level_id() == top);

    stack.push("threads", {{}, 0, {"proc.pid = \"1\""}, {"proc.pid"}, "init (1)"});
    const uint64_t threads = stack.level_id();
    CHECK(threads != top);
    CHECK(stack.frames().back().level_id == top);
    CHECK(stack.level_path() == std::vector<uint64_t>{top, threads});

    // Another view at the same place is another level; its terms stay.
    stack.switch_view("files");
    const uint64_t files = stack.level_id();
    CHECK(files != threads);
    CHECK(stack.view_id() == "files");
    CHECK(stack.terms_filter() == "proc.pid = \"1\"");

    CHECK(stack.pop());
    CHECK(stack.level_id() == top);
    CHECK(stack.view_id() == "procs");
    // The same drill again is a new level: nothing of the old one carries over.
    stack.push("threads", {{}, 0, {"proc.pid = \"1\""}, {"proc.pid"}, "init (1)"});
    CHECK(stack.level_id() != threads);
    CHECK(stack.level_id() != files);
    CHECK(stack.level_path().size() == stack.depth() + 1);
}

TEST_CASE("crumbs name a row by its label and key") {
    Row r = row("17497", 0);
    r.label = "curl";
    CHECK(crumb_for(r) == "curl (17497)");
    r.label = "17497";
    CHECK(crumb_for(r) == "17497");
}

TEST_CASE("numbers are shown per the column format") {
    CHECK(format_number(CellFormat::Bytes, 0) == "0B");
    CHECK(format_number(CellFormat::Bytes, 32114) == "31.4K");
    CHECK(format_number(CellFormat::Time, 80263495) == "80.3ms");
    CHECK(format_number(CellFormat::Time, 910) == "910ns");
    CHECK(format_number(CellFormat::Number, 1221) == "1221");
    CHECK(format_number(CellFormat::Rate, 74.625) == "74.6");
}

TEST_CASE("an aggregator rejects a scope filter that does not compile") {
    auto set = builtin_views();
    REQUIRE(set);
    CHECK_FALSE(Aggregator::create(*set->find("procs"), "proc.pid = "));
    CHECK(Aggregator::create(*set->find("procs"), "proc.name = curl"));
}

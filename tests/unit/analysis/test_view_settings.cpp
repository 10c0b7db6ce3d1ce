#include <doctest/doctest.h>

#include <string>

#include "analysis/drill_stack.h"
#include "analysis/view_loader.h"
#include "view_texts.h"

using namespace tracetop::analysis;
using tracetop::analysis::test::kMinimalTable;

namespace {

const char* kList = R"(
id = "l"
name = "L"
kind = "list"

[[columns]]
id = "num"
title = "NUM"
field = "evt.num"
)";

}  // namespace

TEST_CASE("rows_when and accumulate: defaults, parsing and misuse") {
    auto table = parse_view(kMinimalTable, "mine.toml");
    REQUIRE(table);
    CHECK(table->rows_when.empty());
    CHECK_FALSE(table->accumulate);  // tables show each live interval

    auto list = parse_view(kList, "l.toml");
    REQUIRE(list);
    CHECK(list->accumulate);  // lists keep their rows until cleared

    auto set = parse_view(std::string(kMinimalTable).insert(1, "rows_when = \"evt.type = execve\"\naccumulate = true\n"),
                          "s.toml");
    REQUIRE_MESSAGE(set, (set ? "" : set.error().message));
    CHECK(set->rows_when == "evt.type = execve");
    CHECK(set->accumulate);

    auto bad = parse_view(std::string(kMinimalTable).insert(1, "rows_when = \"evt.type = \"\n"), "b.toml");
    REQUIRE_FALSE(bad);
    CHECK(bad.error().message.find("b.toml:2:") == 0);

    auto in_list = parse_view(std::string(kList).insert(1, "rows_when = \"evt.type = open\"\n"), "x.toml");
    REQUIRE_FALSE(in_list);
    CHECK(in_list.error().message.find("rows_when") != std::string::npos);
}

TEST_CASE("every built-in table view drills somewhere, and the new views are there") {
    auto set = builtin_views();
    REQUIRE_MESSAGE(set, (set ? "" : set.error().message));
    for (const char* id : {"files", "directories", "io_types", "connections", "server_ports", "errors", "proc_errors",
                           "signals", "slow_io", "commands", "file_opens", "new_connections", "signals_sent",
                           "failed_calls", "file_users", "io_users"}) {
        CHECK_MESSAGE(set->find(id), id);
    }
    DrillStack empty("procs");
    for (const ViewDef& v : set->views) {
        if (v.kind != ViewKind::Table) continue;
        INFO(v.id);
        CHECK_FALSE(v.drill_target.empty());
        CHECK(empty.target_of(*set, v) != nullptr);
    }
    CHECK(set->find("errors")->drill_target == "proc_errors");
    CHECK(set->find("proc_errors")->drill_target == "failed_calls");
    CHECK(set->find("commands")->rows_when == "evt.type = execve");
}

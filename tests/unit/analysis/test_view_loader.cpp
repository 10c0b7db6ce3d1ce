#include <doctest/doctest.h>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "analysis/view_loader.h"
#include "view_texts.h"

using namespace tracetop::analysis;

using tracetop::analysis::test::kMinimalTable;

TEST_CASE("the built-in views load, in the order a user meets them") {
    auto set = builtin_views();
    REQUIRE_MESSAGE(set, (set ? "" : set.error().message));
    REQUIRE(set->views.size() >= 5);
    CHECK(set->views[0].id == "procs");
    CHECK(set->find("threads"));
    CHECK(set->find("syscalls"));
    CHECK(set->find("syscall_callers"));
    const ViewDef* events = set->find("events");
    REQUIRE(events);
    CHECK(events->kind == ViewKind::List);
    CHECK(set->find("procs")->drill_target == "threads");
    CHECK(set->find("procs")->keys == std::vector<std::string>{"proc.pid"});
}

TEST_CASE("a minimal view parses with defaults") {
    auto v = parse_view(kMinimalTable, "mine.toml");
    REQUIRE_MESSAGE(v, (v ? "" : v.error().message));
    CHECK(v->columns.size() == 1);
    CHECK(v->columns[0].aggregation == Aggregation::Count);
    CHECK(v->sort_descending);
    CHECK(v->kind == ViewKind::Table);
}

TEST_CASE("malformed TOML names the file, line and column") {
    auto v = parse_view("id = \"x\"\nname = \n", "/home/u/.config/tracetop/views/bad.toml");
    REQUIRE_FALSE(v);
    CHECK(v.error().message.rfind("/home/u/.config/tracetop/views/bad.toml:2:", 0) == 0);
}

TEST_CASE("semantic mistakes name the line of the setting at fault") {
    std::string text = kMinimalTable;
    text += "\n[[columns]]\nid = \"bad\"\nfield = \"proc.nosuch\"\naggregation = \"sum\"\n";
    auto v = parse_view(text, "v.toml");
    REQUIRE_FALSE(v);
    INFO(v.error().message);
    CHECK(v.error().message.find("v.toml:15:9:") == 0);
    CHECK(v.error().message.find("proc.nosuch") != std::string::npos);

    auto agg = parse_view(std::string(kMinimalTable).replace(std::string(kMinimalTable).find("count"), 5, "median"), "a.toml");
    REQUIRE_FALSE(agg);
    INFO(agg.error().message);
    CHECK(agg.error().message.find("a.toml:11:") == 0);
    CHECK(agg.error().message.find("unknown aggregation \"median\" (sum, avg, min, max, count, rate, last, none, distinct, first)") !=
          std::string::npos);

    auto typo = parse_view(std::string(kMinimalTable) + "\nsrot = \"n\"\n", "t.toml");
    REQUIRE_FALSE(typo);
    CHECK(typo.error().message.find("unknown setting \"srot\"") != std::string::npos);

    auto bad_filter = parse_view(std::string(kMinimalTable).insert(1, "filter = \"evt.type = \"\n"), "f.toml");
    REQUIRE_FALSE(bad_filter);
    CHECK(bad_filter.error().message.find("f.toml:2:") == 0);

    auto sort = parse_view(std::string(kMinimalTable).replace(std::string(kMinimalTable).find("sort = \"n\""), 10, "sort = \"zz\""),
                           "s.toml");
    REQUIRE_FALSE(sort);
    CHECK(sort.error().message.find("zz") != std::string::npos);
}

TEST_CASE("user views replace built-in ones of the same id and may add new ones") {
    const std::string dir = "/tmp/tracetop-test-views-" + std::to_string(::getpid());
    std::system(("mkdir -p " + dir).c_str());
    {
        FILE* f = std::fopen((dir + "/procs.toml").c_str(), "w");
        std::string text = std::string(kMinimalTable);
        text.replace(text.find("\"mine\""), 6, "\"procs\"");
        text.replace(text.find("\"Mine\""), 6, "\"My processes\"");
        std::fputs(text.c_str(), f);
        std::fclose(f);
        FILE* g = std::fopen((dir + "/mine.toml").c_str(), "w");
        std::fputs(kMinimalTable, g);
        std::fclose(g);
    }
    auto set = load_views(dir);
    std::system(("rm -rf " + dir).c_str());
    REQUIRE_MESSAGE(set, (set ? "" : set.error().message));
    CHECK(set->find("procs")->name == "My processes");
    CHECK(set->find("mine"));
    CHECK(set->views[0].id == "procs");
}

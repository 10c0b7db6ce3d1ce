// FdTable's lookups (issue 15, session 11): the model's own lookup keeps the
// last fds it found. Whatever the table does after (an fd closed, reopened,
// the table copied for a child or a checkpoint, entries erased through the
// map), a lookup must answer from the table as it is now.
#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "state/fd_table.h"
#include "state/interned_string.h"

namespace tracetop::state::test {
namespace {

FdEntry named(StringPool& pool, std::string_view name) {
    FdEntry e;
    e.type = FdType::File;
    e.name = pool.intern(name);
    return e;
}

std::string name_at(FdTable& table, Fd fd) {
    const FdEntry* e = table.find(fd);
    return e ? std::string(e->name.view()) : "(none)";
}

}  // namespace

TEST_CASE("an fd table's lookups answer from the table as it is now") {
    StringPool pool;
    FdTable table;
    table.put(3, named(pool, "/a"));
    table.put(7, named(pool, "/b"));  // the same slot as 3 (4 slots by the low bits)
    CHECK(name_at(table, 3) == "/a");
    CHECK(name_at(table, 7) == "/b");
    CHECK(name_at(table, 3) == "/a");
    CHECK(name_at(table, -1) == "(none)");
    CHECK(name_at(table, 11) == "(none)");

    SUBCASE("closed, then reopened as another file") {
        CHECK(name_at(table, 3) == "/a");
        table.erase(3);
        CHECK(name_at(table, 3) == "(none)");
        table.put(3, named(pool, "/c"));
        CHECK(name_at(table, 3) == "/c");
    }
    SUBCASE("replaced in place") {
        CHECK(name_at(table, 7) == "/b");
        table.put(7, named(pool, "/d"));
        CHECK(name_at(table, 7) == "/d");
    }
    SUBCASE("erased through the map, then made again elsewhere in memory") {
        CHECK(name_at(table, 3) == "/a");
        table.entries().erase(3);
        CHECK(name_at(table, 3) == "(none)");
        table.put(3, named(pool, "/e"));
        CHECK(name_at(table, 3) == "/e");
    }
    SUBCASE("cleared") {
        CHECK(name_at(table, 7) == "/b");
        table.clear();
        CHECK(name_at(table, 7) == "(none)");
    }
    SUBCASE("a copy answers from its own entries, and the original from its") {
        CHECK(name_at(table, 3) == "/a");
        auto copy = std::make_shared<FdTable>(table);
        copy->put(3, named(pool, "/copy"));
        CHECK(name_at(*copy, 3) == "/copy");
        CHECK(name_at(table, 3) == "/a");
        table = *copy;
        CHECK(name_at(table, 3) == "/copy");
        CHECK(copy->find(3) != table.find(3));  // each its own entry
        table.erase(3);
        CHECK(name_at(*copy, 3) == "/copy");
        CHECK(name_at(table, 3) == "(none)");
    }
}

}  // namespace tracetop::state::test

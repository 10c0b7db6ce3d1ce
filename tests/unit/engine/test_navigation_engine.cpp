// The engine as the one owner of navigation, offline on curl_google.scap:
// every navigation command is numbered, every snapshot says which level and
// generation it answers, a drill named for a level that is gone is refused,
// and a command that changes nothing is answered all the same.
#include <doctest/doctest.h>

#include <atomic>
#include <thread>
#include <utility>
#include <vector>

#include "engine_fixture.h"

using namespace tracetop;
using namespace tracetop::engine;

namespace {

using Snap = std::shared_ptr<const analysis::Snapshot>;

// The first snapshot that answers every navigation command sent so far and
// is done loading.
Snap settled(ExplorerEngine& e) {
    return testing::wait_for(e, [&](const analysis::Snapshot& s) {
        return s.generation == e.sent_generation() && !s.loading;
    });
}

// The first level done loading, and curl's row in it.
std::pair<Snap, analysis::Row> processes_and_curl(ExplorerEngine& e) {
    Snap root = settled(e);
    REQUIRE(root);
    for (const analysis::Row& r : root->rows) {
        if (r.key == "17497") return {root, r};
    }
    FAIL("no row of curl (17497)");
    return {};
}

Command drill(const analysis::Snapshot& from, const analysis::Row& row) {
    Command c = Command::with_row(Command::Kind::Drill, row);
    c.generation_seen = from.generation;
    return c;
}

}  // namespace

TEST_CASE("the first snapshot already names its level") {
    auto e = testing::start_on_curl();
    Snap first = e->latest();
    REQUIRE(first);
    CHECK(first->generation == 0);
    CHECK(first->depth == 0);
    CHECK(first->level_id != 0);
    CHECK(first->level_path == std::vector<uint64_t>{first->level_id});
    CHECK(first->breadcrumb == std::vector<std::string>{"Processes"});
}

TEST_CASE("drill and back: numbered commands, snapshots naming their level, the same level again after Back") {
    auto e = testing::start_on_curl();
    const auto [root, curl] = processes_and_curl(*e);

    e->send(drill(*root, curl));
    CHECK(e->sent_generation() == 1);
    Snap threads = settled(*e);
    REQUIRE(threads);
    CHECK(threads->generation == 1);
    CHECK(threads->view_id == "threads");
    CHECK(threads->depth == 1);
    CHECK(threads->level_path == std::vector<uint64_t>{root->level_id, threads->level_id});
    CHECK(threads->level_id != root->level_id);
    CHECK(threads->breadcrumb == std::vector<std::string>{"Processes", "curl (17497)", "Threads"});
    for (const analysis::Row& r : threads->rows) CHECK((r.key == "17497" || r.key == "17498"));

    e->send(Command::make(Command::Kind::Back));
    Snap back = settled(*e);
    REQUIRE(back);
    CHECK(back->generation == 2);
    CHECK(back->view_id == "procs");
    CHECK(back->level_id == root->level_id);
    CHECK(back->level_path == root->level_path);

    // A view switch is another level at the same place; a filter keeps the level.
    e->send(Command::with_text(Command::Kind::SetView, "syscalls"));
    Snap calls = settled(*e);
    REQUIRE(calls);
    CHECK(calls->view_id == "syscalls");
    CHECK(calls->level_id != root->level_id);
    CHECK(calls->depth == 0);
    e->send(Command::with_text(Command::Kind::SetFilter, "proc.pid = 17497"));
    Snap filtered = settled(*e);
    REQUIRE(filtered);
    CHECK(filtered->generation == 4);
    CHECK(filtered->filter == "proc.pid = 17497");
    CHECK(filtered->level_id == calls->level_id);
}

TEST_CASE("a drill named for a level that is gone is refused, and answered") {
    auto e = testing::start_on_curl();
    const auto [root, curl] = processes_and_curl(*e);
    // Two Enters typed on the same screen: the second row is of Processes,
    // which is no longer the current level when the engine takes it.
    e->send(drill(*root, curl));
    e->send(drill(*root, curl));
    Snap s = settled(*e);
    REQUIRE(s);
    CHECK(s->generation == 2);
    CHECK(s->depth == 1);
    CHECK(s->view_id == "threads");
}

TEST_CASE("commands that change nothing are answered by the table as it stands") {
    auto e = testing::start_on_curl();
    Snap root = settled(*e);
    REQUIRE(root);
    e->send(Command::make(Command::Kind::Back));  // nothing above the first level
    Snap s = settled(*e);
    REQUIRE(s);
    CHECK(s->generation == 1);
    CHECK(s->level_id == root->level_id);
    CHECK(s->rows.size() == root->rows.size());
    e->send(Command::with_text(Command::Kind::SetView, "procs"));  // the view shown
    e->send(Command::with_text(Command::Kind::SetView, "no such view"));
    s = settled(*e);
    REQUIRE(s);
    CHECK(s->generation == 3);
    CHECK(s->level_id == root->level_id);
}

TEST_CASE("every snapshot, even while commands pour in, shows the level its breadcrumb names") {
    auto e = testing::start_on_curl();
    const auto [root, curl] = processes_and_curl(*e);
    const analysis::Row row = curl;
    std::atomic<bool> done{false};
    std::vector<std::string> wrong;
    std::thread watch([&] {
        uint64_t seen = 0;
        while (!done) {
            Snap s = e->latest();
            if (s->seq != seen) {
                seen = s->seq;
                const bool consistent = !s->breadcrumb.empty() && s->breadcrumb.back() == s->view_name &&
                                        s->level_path.size() == s->depth + 1 && s->level_path.back() == s->level_id;
                if (!consistent) wrong.push_back(s->view_id);
            }
            std::this_thread::yield();
        }
    });
    for (int i = 0; i < 30; ++i) {
        e->send(drill(*e->latest(), row));
        if (i % 3 == 0) e->send(Command::make(Command::Kind::Back));
        e->send(Command::with_text(Command::Kind::EventDetails, "1"));
        std::this_thread::sleep_for(std::chrono::milliseconds(i % 7));
        e->send(Command::make(Command::Kind::Back));
    }
    Snap end = settled(*e);
    done = true;
    watch.join();
    REQUIRE(end);
    CHECK(wrong.empty());
    CHECK(end->depth == 0);
    CHECK(end->level_id == root->level_id);
}

// The engine's side of the panes, offline on curl_google.scap: OpenPane
// publishes the Echo or spectrogram data of a selection (the drill filter and
// the row's key), ClosePane stops it, DrillFilter opens the Events of a box.
#include <doctest/doctest.h>

#include "engine_fixture.h"

using namespace tracetop;
using namespace tracetop::engine;

namespace {

using testing::wait_for;

std::unique_ptr<ExplorerEngine> start() {
    auto e = testing::start_on_curl();
    REQUIRE(wait_for(*e, [](const analysis::Snapshot& s) { return !s.loading && !s.rows.empty(); }));
    return e;
}

Command open_pane(const char* kind, uint64_t id, std::vector<std::string> terms) {
    Command c = Command::make(Command::Kind::OpenPane);
    c.text = kind;
    c.id = id;
    c.row.key_terms = std::move(terms);
    return c;
}

}  // namespace

TEST_CASE("Echo of curl (17497): its HTTP request as a 78-byte write, reads cut at 80 bytes") {
    auto e = start();
    e->send(open_pane("echo", 7, {"proc.pid = \"17497\""}));
    auto s = wait_for(*e, [](const analysis::Snapshot& s) { return s.pane.id == 7 && !s.loading && s.pane.echo; });
    REQUIRE(s);
    CHECK(s->pane.kind == analysis::PaneKind::Echo);
    CHECK(s->pane.scope == "proc.pid = \"17497\"");
    const auto& echo = *s->pane.echo;
    CHECK(echo.chunks.size() == 56);
    CHECK(echo.snaplen == 80);
    bool request = false;
    for (const auto& c : echo.chunks) {
        CHECK(c->proc == "curl (17497)");
        CHECK(c->bytes.size() <= 80);
        if (c->num == 1312) {
            request = c->write && c->moved == 78 && c->bytes.rfind("GET / HTTP/1.1\r\nHost: www.google.com\r\n", 0) == 0;
        }
    }
    CHECK(request);
    CHECK(s->view_id == "procs");  // the view is still there, unchanged
    CHECK_FALSE(s->rows.empty());

    e->send(Command::make(Command::Kind::ClosePane));
    e->send(Command::make(Command::Kind::Clear));  // publishes at once
    CHECK(wait_for(*e, [](const analysis::Snapshot& s) { return s.pane.kind == analysis::PaneKind::None; }));
}

TEST_CASE("spectrogram of curl, and the Events of one of its boxes") {
    auto e = start();
    e->send(open_pane("spectro", 3, {"proc.pid = \"17497\""}));
    auto s = wait_for(*e, [](const analysis::Snapshot& s) { return s.pane.id == 3 && !s.loading && s.pane.spectro; });
    REQUIRE(s);
    const auto& sp = *s->pane.spectro;
    CHECK_FALSE(sp.live);
    REQUIRE_FALSE(sp.slices.empty());
    // The slices cover the capture: from its first event to past its last.
    CHECK(sp.slices.front().start == s->source.first_ts);
    CHECK(sp.slices.back().end > s->source.last_ts);
    uint64_t total = 0, best = 0;
    size_t best_slice = 0, best_bucket = 0;
    for (size_t i = 0; i < sp.slices.size(); ++i) {
        for (size_t b = 0; b < analysis::kLatencyBuckets; ++b) {
            total += sp.slices[i].counts[b];
            if (sp.slices[i].counts[b] > best) {
                best = sp.slices[i].counts[b];
                best_slice = i;
                best_bucket = b;
            }
        }
    }
    CHECK(total == sp.events);
    REQUIRE(best > 0);

    // Enter on the hottest box: exactly its calls are listed.
    const auto& box = sp.slices[best_slice];
    Command drill = Command::make(Command::Kind::DrillFilter);
    drill.row.key_terms = {"proc.pid = \"17497\"",
                           "evt.rawtime >= " + std::to_string(box.start) + " and evt.rawtime < " + std::to_string(box.end),
                           analysis::bucket_filter(best_bucket)};
    drill.row.label = "box";
    e->send(Command::make(Command::Kind::ClosePane));
    e->send(std::move(drill));
    auto ev = wait_for(*e, [](const analysis::Snapshot& s) { return s.view_id == "events" && !s.loading; });
    REQUIRE(ev);
    CHECK(ev->rows.size() == best);
    CHECK(ev->depth == 1);
    CHECK(ev->breadcrumb.back() == "Events");
    e->send(Command::make(Command::Kind::Back));
    CHECK(wait_for(*e, [](const analysis::Snapshot& s) { return s.view_id == "procs" && s.depth == 0; }));
}

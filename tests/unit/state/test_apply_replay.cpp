// Model::apply() on real captures: a model that describes only some events
// (on_event) and merely applies the rest, the way --print does for a
// selective filter, must describe those events exactly as a model that
// describes every event, and end in the same state.
#include <doctest/doctest.h>

#include <cstdlib>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "../common/shared_captures.h"
#include "capture/scap_reader.h"
#include "event/event_table.h"
#include "model_fingerprint.h"
#include "state/model.h"

using namespace tracetop;
using namespace tracetop::state;
using namespace tracetop::state::test;
using tracetop::test::shared_capture;

namespace {

using Describes = std::function<bool(event::EventType)>;

// Replays `capture` into both models; returns the number of events compared.
size_t replay(const std::string& capture, const Describes& describes) {
    auto opened = capture::ScapReader::open(shared_capture(capture));
    REQUIRE_MESSAGE(static_cast<bool>(opened), capture);
    capture::ScapReader& reader = **opened;
    Model full, partial;
    full.run_every_handler(true);
    full.load_header(reader.header());
    partial.load_header(reader.header());
    event::EventView ev;
    size_t described = 0;
    for (;;) {
        const capture::ReadStatus rs = reader.next(ev);
        if (rs == capture::ReadStatus::End) break;
        REQUIRE(rs != capture::ReadStatus::Failed);
        if (rs == capture::ReadStatus::NewSection) {
            full.load_header(reader.header());
            partial.load_header(reader.header());
            continue;
        }
        const std::string want = fingerprint(full.on_event(ev));
        const bool exit_described = describes(static_cast<event::EventType>(ev.type | 1u));
        if (!describes(ev.type)) {
            partial.apply(ev, exit_described);
            continue;
        }
        ++described;
        const std::string got = fingerprint(partial.on_event(ev, exit_described));
        CHECK_MESSAGE(want == got, capture, ": event ", ev.num, " (", event::event_info(ev.type)->name, ")");
        if (want != got) return described;
    }
    CHECK(fingerprint(full) == fingerprint(partial));
    return described;
}

}  // namespace

TEST_CASE("described events and the final state do not depend on which events were only applied") {
    const std::vector<std::pair<std::string, Describes>> choices = {
        {"nothing", [](event::EventType) { return false; }},
        {"connect", [](event::EventType t) { return t == 22 || t == 23; }},
        {"open", [](event::EventType t) { return t == 2 || t == 3 || t == 306 || t == 307; }},
        {"exits only", [](event::EventType t) { return !event::is_enter(t); }},
        {"enters only", [](event::EventType t) { return event::is_enter(t); }},
        {"every third type", [](event::EventType t) { return t % 3 == 0; }},
        {"everything", [](event::EventType) { return true; }},
    };
    for (const auto& choice : choices) {
        const std::string& name = choice.first;  // not a structured binding: INFO captures it
        const Describes& describes = choice.second;
        size_t described = 0;
        for (const std::string capture : {"curl_google.scap", "single_ipv6_conn.scap"}) {
            INFO(capture, ", describing ", name);
            described += replay(capture, describes);
        }
        // Each choice describes something somewhere, or it proves nothing.
        if (name != "nothing") CHECK_MESSAGE(described > 0, name);
    }
}

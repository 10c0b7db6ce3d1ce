// Replays a shared capture (shared_captures.h) through a model, as the
// pipeline does: each section's header loaded, every event through
// Model::on_event. Shared by the unit tests that check a promise of the
// per-event path on every event of the real captures (issue 15, perf).
#pragma once

#include <doctest/doctest.h>

#include "capture/scap_reader.h"
#include "shared_captures.h"
#include "state/model.h"

namespace tracetop::test {

// `start()` once the first header is loaded, then `each(status, event,
// context)` after every event (its context) and every new section (null).
template <class Start, class Each>
void replay_capture(const char* name, state::Model& model, Start start, Each each) {
    auto opened = capture::ScapReader::open(shared_capture(name));
    REQUIRE(opened);
    capture::ScapReader& reader = **opened;
    model.load_header(reader.header());
    start();
    event::EventView ev;
    for (;;) {
        const capture::ReadStatus rs = reader.next(ev);
        if (rs == capture::ReadStatus::End) break;
        REQUIRE(rs != capture::ReadStatus::Failed);
        if (rs == capture::ReadStatus::NewSection) {
            model.load_header(reader.header());
            each(rs, ev, static_cast<const state::EventContext*>(nullptr));
        } else {
            const state::EventContext& ctx = model.on_event(ev);
            each(rs, ev, &ctx);
        }
    }
}

}  // namespace tracetop::test

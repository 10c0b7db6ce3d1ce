// Enter/exit pairing per thread. An exit belongs to the thread's last enter
// when that enter's type is exit - 1 (scap-format.md §13); scheduler and
// internal events in between do not disturb it. The enter's parameters are
// kept (copied, since the reader's buffer moves on) until the next exit of
// that thread, so exit handlers and the field layer can read them.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "event/event_view.h"
#include "state/ids.h"

namespace tracetop::state {

class EnterExitPairing {
public:
    EnterExitPairing() = default;
    // issue 15 (checkpoints): a copy's kept enter reads the copy's own bytes.
    EnterExitPairing(const EnterExitPairing& other) { *this = other; }
    EnterExitPairing& operator=(const EnterExitPairing& other);
    EnterExitPairing(EnterExitPairing&&) noexcept = default;  // the bytes move with their view
    EnterExitPairing& operator=(EnterExitPairing&&) noexcept = default;

    // Called for every enter event of the thread. Its parameters are copied
    // only when `keep`: when neither the exit's handler nor anyone describing
    // the exit will read them, the type and time are all the pairing needs.
    void on_enter(const event::EventView& enter, bool keep = true) {
        last_enter_type_ = enter.type;
        has_enter_type_ = true;
        last_enter_ts_ = enter.ts;
        stored_ = false;
        if (keep) store(enter);
    }

    // Called for every exit event of the thread before it is handled: true when
    // it matches the last enter (sysdig then resolves the enter's fd for it).
    bool exit_matches(event::EventType exit_type) const {
        return has_enter_type_ && exit_type == static_cast<event::EventType>(last_enter_type_ + 1);
    }

    // The stored enter event, when it is the partner of `exit_type`.
    const event::EventView* enter_for(event::EventType exit_type) const {
        return stored_ && exit_matches(exit_type) ? &stored_view_ : nullptr;
    }

    // The enter's parameters are released once its exit has been handled.
    void after_exit() { stored_ = false; }

    // Time between the last enter and `exit_ts`; 0 before any enter.
    Nanoseconds latency_at(Nanoseconds exit_ts) const {
        return last_enter_ts_ != 0 && exit_ts >= last_enter_ts_ ? exit_ts - last_enter_ts_ : 0;
    }

    event::EventType last_enter_type() const { return last_enter_type_; }

private:
    void store(const event::EventView& enter);

    // Larger enters are not kept (no enter event carries bulk data).
    static constexpr size_t kMaxStoredEnter = 64 * 1024;

    event::EventType last_enter_type_ = 0;
    bool has_enter_type_ = false;
    Nanoseconds last_enter_ts_ = 0;
    bool stored_ = false;
    std::vector<uint8_t> buffer_;  // the enter's body() (lengths and parameters); reused
    event::EventView stored_view_;
};

}  // namespace tracetop::state

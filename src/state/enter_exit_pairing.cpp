#include "state/enter_exit_pairing.h"

namespace tracetop::state {

void EnterExitPairing::store(const event::EventView& enter) {
    const auto body = enter.body();
    if (event::kEventHeaderV2Size + body.size() > kMaxStoredEnter) return;
    // Capacity only grows to the largest enter seen: no allocation per event.
    // The view is kept as it is, pointed at the copy: no second parse.
    buffer_.assign(body.begin(), body.end());
    stored_view_ = enter;
    stored_view_.rebase(buffer_.data());
    stored_ = true;
}

EnterExitPairing& EnterExitPairing::operator=(const EnterExitPairing& other) {
    if (this == &other) return *this;
    last_enter_type_ = other.last_enter_type_;
    has_enter_type_ = other.has_enter_type_;
    last_enter_ts_ = other.last_enter_ts_;
    stored_ = other.stored_;
    buffer_ = other.buffer_;
    stored_view_ = other.stored_view_;
    if (stored_) stored_view_.rebase(buffer_.data());
    return *this;
}

}  // namespace tracetop::state

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

}  // namespace tracetop::state

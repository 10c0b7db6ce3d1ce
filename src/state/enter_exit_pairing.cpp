#include "state/enter_exit_pairing.h"

#include <cstring>

namespace tracetop::state {

void EnterExitPairing::on_enter(const event::EventView& enter) {
    last_enter_type_ = enter.type;
    has_enter_type_ = true;
    last_enter_ts_ = enter.ts;
    stored_ = false;

    const auto body = enter.body();
    const size_t total = event::kEventHeaderV2Size + body.size();
    if (total > kMaxStoredEnter) return;
    // Capacity only grows to the largest enter seen: no allocation per event.
    buffer_.resize(total);
    uint8_t* p = buffer_.data();
    const uint64_t ts = enter.ts;
    const uint64_t tid = enter.tid;
    const auto len = static_cast<uint32_t>(total);
    const uint16_t type = enter.type;
    const uint32_t nparams = enter.nparams();
    std::memcpy(p, &ts, 8);
    std::memcpy(p + 8, &tid, 8);
    std::memcpy(p + 16, &len, 4);
    std::memcpy(p + 20, &type, 2);
    std::memcpy(p + 22, &nparams, 4);
    if (!body.empty()) std::memcpy(p + event::kEventHeaderV2Size, body.data(), body.size());

    auto parsed = event::EventView::parse_v2(p, total);
    if (!parsed.ok()) return;
    stored_view_ = parsed.value();
    stored_view_.cpu = enter.cpu;
    stored_view_.num = enter.num;
    stored_view_.block_flags = enter.block_flags;
    stored_ = true;
}

}  // namespace tracetop::state

// Decodes the body of an event block (EV/EVF v1/v2, LARGE; scap-format.md §9):
// cpu id, EVF flags, then the event itself as a zero-copy EventView.
#pragma once

#include <span>
#include <string>

#include "capture/block_codes.h"
#include "event/event_view.h"

namespace tracetop::capture::detail {

enum class EventBlockStatus { Ok, UnknownType, Malformed };

// On Malformed, `error` says why. An event type the table does not know is
// UnknownType (skipped, never fatal: the block length already framed it).
EventBlockStatus decode_event_block(const BlockInfo& info, std::span<const uint8_t> body, event::EventView& out,
                                    std::string& error);

}  // namespace tracetop::capture::detail

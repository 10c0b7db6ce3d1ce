// What live capture needs from the machine, checked before touching BPF so
// the user gets one line saying what is missing.
#pragma once

#include <optional>
#include <string>

namespace tracetop::capture {

// A one-line explanation when live capture cannot work here, else nothing.
std::optional<std::string> live_capture_blocker();

}  // namespace tracetop::capture
